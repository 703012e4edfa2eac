#pragma once

#include <QDateTime>
#include <QList>
#include <QMap>
#include <QObject>
#include <QRandomGenerator>
#include <QString>
#include <QStringList>

#include <optional>

namespace swarmwatch::sim {

struct SimUser {
    QString id; // UUID
    QString email;
    QString name;
    QString password;
    bool active = true;
    bool superuser = false;
    QString role = QStringLiteral("operator");
    QList<int> projectIds;
    QDateTime createdAt;
};

struct SimProject {
    int id = 0;
    QString name;
    bool archived = false;
};

struct SimAttack {
    int id = 0;
    int campaignId = 0;
    int position = 0;
    QString name;
    QString attackMode;
    QString typeLabel;
    int hashMode = 1000;
    qint64 keyspace = 0;
    int complexityScore = 1;
    QString state = QStringLiteral("pending");
    double progress = 0; // 0..100
    double hashesPerSecond = 0;
    QDateTime startTime;
    QDateTime endTime;
};

struct SimCampaign {
    int id = 0;
    QString name;
    std::optional<QString> description;
    int projectId = 0;
    int priority = 0;
    int hashListId = 0;
    bool unavailable = false;
    QString state = QStringLiteral("draft");
    QDateTime createdAt;
    QDateTime updatedAt;
    int totalHashes = 0;
    int crackedHashes = 0;
    QList<int> attackIds;
};

struct SimAgentError {
    int id = 0;
    QString message;
    QString severity;
    std::optional<QString> errorCode;
    std::optional<int> taskId;
    QDateTime createdAt;
};

struct SimAgent {
    int id = 0;
    QString hostName;
    QString clientSignature;
    std::optional<QString> customLabel;
    QString token; // the agent's own secret: the real server sends it, so the simulator does too
    QString state = QStringLiteral("active");
    bool enabled = true;
    QStringList devices;
    QString agentType = QStringLiteral("physical");
    QString operatingSystem = QStringLiteral("linux");
    QDateTime createdAt;
    QDateTime updatedAt;
    QDateTime lastSeenAt;
    QString lastIpAddress;
    double speed = 0;            // H/s of the latest device-speed sample
    QList<SimAgentError> errors; // newest first
};

// A CipherSwarm deployment in memory: users, projects, campaigns with attacks, agents. It advances by tick()
// and announces what the real server announces (see ../shared/cipherswarm-api.md §2.4) through `announced`.
class SimWorld : public QObject
{
    Q_OBJECT

public:
    struct Options {
        int campaigns = 12;
        int agents = 6;
        quint32 seed = 1;
    };
    explicit SimWorld(Options options, QObject *parent = nullptr);

    static constexpr const char *kDemoEmail = "admin@swarmwatch.example";
    static constexpr const char *kDemoPassword = "swarmwatch";

    const QList<SimUser> &users() const { return m_users; }
    const SimUser *userById(const QString &id) const;
    const SimUser *userByEmail(const QString &email) const;
    QList<SimProject> projectsOf(const SimUser &user) const; // non-archived memberships
    const SimProject *project(int id) const;

    QList<const SimCampaign *> listedCampaigns(int projectId) const; // newest first, no archived/unavailable
    const SimCampaign *campaign(int id) const;
    QList<const SimAttack *> attacksOf(const SimCampaign &campaign) const;
    const SimAttack *attack(int id) const;
    double campaignProgress(const SimCampaign &campaign) const;
    int activeAgentsOn(const SimCampaign &campaign) const;
    QList<const SimAgent *> agents() const; // by id
    const SimAgent *agent(int id) const;
    int recentlyCracked() const { return m_crackedLastDay; }
    QDateTime now() const { return QDateTime::currentDateTimeUtc(); }

    // Actions the web API offers; each returns false for "not found" and announces like the real server.
    enum class ActionResult { Ok, NotFound, Archived };
    ActionResult startCampaign(int id);
    ActionResult stopCampaign(int id);
    ActionResult archiveCampaign(int id);

    // Changes for tests and the soak: announced or silent, as the real server would be.
    int createCampaign(int projectId, const QString &name);
    bool renameCampaign(int id, const QString &name);
    bool setPriority(int id, int priority);
    bool moveCampaign(int id, int projectId); // announced with the new project, as an update would be
    bool removeCampaignSilently(int id);      // e.g. deleted in the database: no event
    bool heartbeat(int agentId);
    bool agentShutdown(int agentId); // state stopped, and no event
    bool reportAgentError(int agentId, const QString &message, const QString &severity);

    // One step of simulated life: task progress, device speeds, heartbeats, cracks.
    void tick();
    // One task status report on this campaign: a little progress (`step` percent of its first attack, or a
    // random bit), and the event the real server sends for it.
    bool reportTaskProgress(int campaignId, double step = 0);
    // A new crack on this campaign: its count goes up, a toast carries the plaintext (as the real one does),
    // and the campaign is announced. False when it has nothing left to crack.
    bool crackHash(int campaignId, const QString &plaintext);

Q_SIGNALS:
    // A refresh trigger: topic "campaigns" or "agents" with the entity id, or "toasts" with the message.
    void announced(const QString &topic, const QString &trigger, std::optional<int> id,
                   std::optional<int> projectId);

private:
    SimCampaign *mutableCampaign(int id);
    SimAgent *mutableAgent(int id);
    void addAttacks(SimCampaign &campaign);
    void announceCampaign(const SimCampaign &campaign, bool withProject);

    QRandomGenerator m_random;
    QList<SimUser> m_users;
    QList<SimProject> m_projects;
    QMap<int, SimCampaign> m_campaigns;
    QMap<int, SimAttack> m_attacks;
    QMap<int, SimAgent> m_agents;
    int m_nextCampaignId = 1;
    int m_nextAttackId = 1;
    int m_nextErrorId = 1;
    int m_crackedLastDay = 0;
    quint64 m_ticks = 0;
};

} // namespace swarmwatch::sim
