#pragma once

#include "ConsoleSettings.h"
#include "Toast.h"

#include <QDateTime>
#include <QHash>
#include <QObject>
#include <QStringList>
#include <QTimer>

#include <chrono>
#include <deque>
#include <functional>
#include <optional>

namespace swarmwatch {

class ConsoleSession;

// One desktop notification to show. A notification with the key of one still shown replaces it in place.
struct Notification {
    enum class Kind {
        Disconnected,
        Back,
        SessionExpired,
        Cracks,
        CampaignFinished,
        CampaignFailed,
        CampaignStalled,
        AgentOffline,
    };
    Kind kind = Kind::Disconnected;
    QString key; // "connection", "session", "cracks:12", "campaign:12", "stall:12", "agent:3"
    QString summary;
    QString body;
    QStringList actions; // action ids: see the constants below
    bool urgent = false;

    static constexpr const char *kReconnect = "reconnect";
    static constexpr const char *kOpen = "open";
    static constexpr const char *kSignIn = "sign-in";
};

// Decides what to tell an operator who is looking elsewhere, and when; shows nothing itself (a presenter
// turns show() and withdraw() into desktop notifications). Headless, with the clock passed in: the rules are
// all about time, and tests move it.
//
// - Disconnected: once per outage, after the feeds have not been live for the grace period; the grace starts
//   again after a wake from sleep (told, or seen as a jump of the clock), so that a wake or a blip says
//   nothing. Back: the outage's notification is replaced by one that says how long it lasted.
// - Session expired: once, with a Sign in action. Nothing about the connection while signed out.
// - Cracks: at most one notification per campaign per crack window (10 s), counted from the campaign's
//   metrics; the latest toast names the hash prefix and the agent, the plaintext only when a setting says so.
// - Campaigns that finish or fail, campaigns active without progress for the stall time, agents offline for
//   their grace period (so a flapping agent says nothing).
// - Paused (for a while or until resumed) and quiet hours: nothing is shown; the badge still counts.
class Notifier : public QObject
{
    Q_OBJECT

public:
    enum class Connection {
        Starting,  // signing in: not an outage yet
        Live,      // every feed live
        Down,      // signed in, but not every feed is live
        SignedOut, // the user signed out: nothing to say
        Expired,   // the server no longer takes the token
    };
    Q_ENUM(Connection)

    using Clock = std::function<QDateTime()>;
    static constexpr std::chrono::seconds kCrackWindow{10};

    explicit Notifier(ConsoleSettings *settings, Clock clock = {}, QObject *parent = nullptr);

    // Follows a console session: its state, its LiveSync's status and toasts, its campaign and agent models;
    // ticks every second. Without it, the inputs below are called by hand (as the tests do).
    void watch(ConsoleSession *console);

    // Inputs.
    void setServerName(const QString &name);
    void setConnection(Connection connection, const QString &reason = {});
    void systemSleeping();
    void systemResumed();
    void crackAnnounced(const Toast &toast);
    // A campaign as the model holds it now; `cracked` and `progress` unknown before its first metrics.
    void campaignSeen(qint64 id, const QString &name, const QString &state, std::optional<double> progress,
                      std::optional<qint64> cracked);
    void campaignGone(qint64 id);
    void agentSeen(qint64 id, const QString &name, bool online);
    void agentGone(qint64 id);
    // Another project or another server: what was known is no baseline for what comes.
    void forgetEntities();
    // Time passes: grace periods end, crack windows close, stalls show.
    void tick();

    void pauseFor(std::chrono::seconds duration);
    void pauseUntilResumed();
    void resume();
    bool isPaused() const;
    QDateTime pausedUntil() const
    {
        return m_pausedUntil;
    } // invalid when not paused; far future: until resumed

    // Cracks since the operator last looked (the tray's badge).
    int unseenCracks() const { return m_unseenCracks; }
    void markCracksSeen();

    Connection connection() const { return m_connection; }
    bool isAsleep() const { return m_sleeping; }
    // Cracks counted but not told yet (a crack window is open with more in it).
    bool isHoldingCracks() const;

Q_SIGNALS:
    void show(const swarmwatch::Notification &notification);
    void withdraw(const QString &key);
    void pausedChanged(bool paused);
    void unseenCracksChanged(int count);

private:
    struct CampaignTrack {
        QString name;
        QString state;
        std::optional<double> progress;
        std::optional<qint64> cracked;
        QDateTime progressSince; // when progress last moved (or was first seen)
        bool stallNotified = false;
        int pendingCracks = 0;  // cracks in the open window, not yet told
        QDateTime windowEndsAt; // invalid: no window open
    };
    struct AgentTrack {
        QString name;
        bool online = true;
        QDateTime offlineSince;
        bool notified = false;
    };

    QDateTime now() const { return m_clock(); }
    bool silenced(const QDateTime &now) const; // paused or quiet hours
    bool enabled(ConsoleSettings::Key key) const;
    std::chrono::seconds seconds(ConsoleSettings::Key key) const;
    void emitShow(const Notification &notification);
    void tellCracks(qint64 id, CampaignTrack &track, int count);
    QString latestCrackDetail() const;
    void checkStalls(const QDateTime &now);
    void checkAgents(const QDateTime &now);
    void checkConnection(const QDateTime &now);
    void restartClocks(const QDateTime &at);
    void observeModels(ConsoleSession *console);

    ConsoleSettings *m_settings;
    Clock m_clock;
    QTimer m_tick;
    QString m_serverName;

    Connection m_connection = Connection::Starting;
    QString m_reason;
    QDateTime m_downSince;  // when the present outage began (or its grace began again, after a wake)
    QDateTime m_lastLiveAt; // for "no live updates since"
    bool m_outageTold = false;
    bool m_expiryTold = false;
    bool m_sleeping = false;
    QDateTime m_lastTick;

    QHash<qint64, CampaignTrack> m_campaigns;
    QHash<qint64, AgentTrack> m_agents;
    std::deque<Toast> m_recentCracks; // the last few, for the detail line
    int m_unseenCracks = 0;
    QDateTime m_lastStallCheck;

    QDateTime m_pausedUntil;
};

} // namespace swarmwatch

Q_DECLARE_METATYPE(swarmwatch::Notification)
