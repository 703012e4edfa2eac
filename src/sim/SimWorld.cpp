#include "SimWorld.h"

#include <QUuid>

#include <algorithm>

namespace swarmwatch::sim {

namespace {

const char *const kCampaignNames[] = {"DC dump Q3",   "VPN appliance",    "HR share NTLM", "Wi-Fi handshakes",
                                      "Legacy CRM",   "Cloud IAM export", "Laptop images", "Build servers",
                                      "Mail gateway", "SQL backups",      "Kiosk fleet",   "Partner portal"};
const char *const kAttackModes[] = {"dictionary", "mask", "hybrid_dictionary", "hybrid_mask"};
const char *const kAttackLabels[] = {"Dictionary", "Mask", "Hybrid Dictionary", "Hybrid Mask"};
const char *const kDevices[] = {"NVIDIA GeForce RTX 4090", "NVIDIA GeForce RTX 3090",
                                "AMD Radeon RX 7900 XTX", "NVIDIA A100"};
const char *const kOperatingSystems[] = {"linux", "windows", "macos", "other"};

QString hex(QRandomGenerator &random, int digits)
{
    QString out;
    for (int i = 0; i < digits; ++i)
        out += QLatin1Char("0123456789abcdef"[random.bounded(16)]);
    return out;
}

} // namespace

SimWorld::SimWorld(Options options, QObject *parent)
    : QObject(parent)
    , m_random(options.seed)
{
    const QDateTime start = QDateTime::currentDateTimeUtc();
    m_projects = {{1, QStringLiteral("Default"), false},
                  {2, QStringLiteral("Red Team"), false},
                  {3, QStringLiteral("Old engagement"), true}};
    SimUser admin;
    admin.id = QUuid::createUuid().toString(QUuid::WithoutBraces);
    admin.email = QString::fromLatin1(kDemoEmail);
    admin.name = QStringLiteral("Demo Admin");
    admin.password = QString::fromLatin1(kDemoPassword);
    admin.superuser = true;
    admin.role = QStringLiteral("admin");
    admin.projectIds = {1, 2, 3};
    admin.createdAt = start.addDays(-90);
    SimUser analyst = admin;
    analyst.id = QUuid::createUuid().toString(QUuid::WithoutBraces);
    analyst.email = QStringLiteral("analyst@swarmwatch.example");
    analyst.name = QStringLiteral("Ana Lyst");
    analyst.superuser = false;
    analyst.role = QStringLiteral("analyst");
    analyst.projectIds = {2};
    SimUser inactive = analyst;
    inactive.id = QUuid::createUuid().toString(QUuid::WithoutBraces);
    inactive.email = QStringLiteral("inactive@swarmwatch.example");
    inactive.name = QStringLiteral("Gone Away");
    inactive.active = false;
    m_users = {admin, analyst, inactive};

    for (int i = 0; i < options.campaigns; ++i) {
        SimCampaign campaign;
        campaign.id = m_nextCampaignId++;
        const int nameCount = static_cast<int>(std::size(kCampaignNames));
        campaign.name = QString::fromLatin1(kCampaignNames[i % nameCount]);
        if (i >= nameCount)
            campaign.name += QStringLiteral(" #%1").arg(i / nameCount + 1);
        campaign.description = i % 3 == 0
                                   ? std::optional<QString>()
                                   : std::optional<QString>(QStringLiteral("Engagement %1").arg(i + 1));
        campaign.projectId = i % 3 == 2 ? 2 : 1;
        campaign.priority = m_random.bounded(0, 101);
        campaign.hashListId = 100 + i;
        campaign.state = i % 4 == 3 ? QStringLiteral("draft") : QStringLiteral("active");
        campaign.createdAt = start.addSecs(-3600 * (options.campaigns - i));
        campaign.updatedAt = campaign.createdAt;
        campaign.totalHashes = m_random.bounded(50, 5000);
        campaign.crackedHashes = m_random.bounded(0, campaign.totalHashes / 4 + 1);
        addAttacks(campaign);
        m_campaigns.insert(campaign.id, campaign);
    }
    for (int i = 1; i <= options.agents; ++i) {
        SimAgent agent;
        agent.id = i;
        agent.hostName = QStringLiteral("gpu-node-%1").arg(i);
        agent.clientSignature = QStringLiteral("CipherSwarmAgent/0.5.%1").arg(i % 4);
        if (i % 3 == 0)
            agent.customLabel = QStringLiteral("Rack %1 beast").arg(i);
        agent.token = QStringLiteral("csa_%1_%2").arg(i).arg(hex(m_random, 32));
        agent.enabled = i % 5 != 0;
        const int deviceCount = 1 + m_random.bounded(4);
        for (int d = 0; d < deviceCount; ++d)
            agent.devices.append(QString::fromLatin1(kDevices[(i + d) % std::size(kDevices)]));
        agent.operatingSystem = QString::fromLatin1(kOperatingSystems[i % std::size(kOperatingSystems)]);
        agent.createdAt = start.addDays(-30);
        agent.updatedAt = start;
        agent.lastSeenAt = start.addSecs(-m_random.bounded(0, 30));
        agent.lastIpAddress = QStringLiteral("10.0.0.%1").arg(20 + i);
        agent.speed = 1e9 * (1 + m_random.bounded(50));
        m_agents.insert(agent.id, agent);
    }
}

void SimWorld::addAttacks(SimCampaign &campaign)
{
    const int count = 1 + m_random.bounded(3);
    for (int position = 0; position < count; ++position) {
        SimAttack attack;
        attack.id = m_nextAttackId++;
        attack.campaignId = campaign.id;
        attack.position = position;
        const int mode = m_random.bounded(4);
        attack.attackMode = QString::fromLatin1(kAttackModes[mode]);
        attack.typeLabel = QString::fromLatin1(kAttackLabels[mode]);
        attack.name = QStringLiteral("%1 attack %2").arg(attack.typeLabel).arg(position + 1);
        attack.keyspace = 1000000LL * (1 + m_random.bounded(10000));
        attack.complexityScore = 1 + m_random.bounded(5);
        attack.hashesPerSecond = 1e5 * (1 + m_random.bounded(40)); // slow enough for an ETA worth showing
        if (campaign.state == QLatin1String("active")) {
            attack.state = position == 0 ? QStringLiteral("running") : QStringLiteral("pending");
            attack.progress = position == 0 ? m_random.bounded(0, 60) : 0;
            attack.startTime = position == 0 ? campaign.createdAt.addSecs(60) : QDateTime();
        }
        m_attacks.insert(attack.id, attack);
        campaign.attackIds.append(attack.id);
    }
}

const SimUser *SimWorld::userById(const QString &id) const
{
    const auto it =
        std::find_if(m_users.begin(), m_users.end(), [&](const SimUser &u) { return u.id == id; });
    return it == m_users.end() ? nullptr : &*it;
}

const SimUser *SimWorld::userByEmail(const QString &email) const
{
    const auto it = std::find_if(m_users.begin(), m_users.end(), [&](const SimUser &u) {
        return u.email.compare(email, Qt::CaseInsensitive) == 0;
    });
    return it == m_users.end() ? nullptr : &*it;
}

QList<SimProject> SimWorld::projectsOf(const SimUser &user) const
{
    QList<SimProject> out;
    for (const SimProject &project : m_projects) {
        if (!project.archived && user.projectIds.contains(project.id))
            out.append(project);
    }
    return out;
}

const SimProject *SimWorld::project(int id) const
{
    const auto it =
        std::find_if(m_projects.begin(), m_projects.end(), [&](const SimProject &p) { return p.id == id; });
    return it == m_projects.end() ? nullptr : &*it;
}

QList<const SimCampaign *> SimWorld::listedCampaigns(int projectId) const
{
    QList<const SimCampaign *> out;
    for (const SimCampaign &campaign : m_campaigns) {
        if (campaign.projectId == projectId && campaign.state != QLatin1String("archived")
            && !campaign.unavailable)
            out.append(&campaign);
    }
    std::sort(out.begin(), out.end(), [](const SimCampaign *a, const SimCampaign *b) {
        return a->createdAt != b->createdAt ? a->createdAt > b->createdAt : a->id > b->id;
    });
    return out;
}

const SimCampaign *SimWorld::campaign(int id) const
{
    const auto it = m_campaigns.constFind(id);
    return it == m_campaigns.cend() ? nullptr : &*it;
}

SimCampaign *SimWorld::mutableCampaign(int id)
{
    const auto it = m_campaigns.find(id);
    return it == m_campaigns.end() ? nullptr : &*it;
}

QList<const SimAttack *> SimWorld::attacksOf(const SimCampaign &campaign) const
{
    QList<const SimAttack *> out;
    for (int id : campaign.attackIds)
        out.append(&*m_attacks.constFind(id));
    return out;
}

const SimAttack *SimWorld::attack(int id) const
{
    const auto it = m_attacks.constFind(id);
    return it == m_attacks.cend() ? nullptr : &*it;
}

double SimWorld::campaignProgress(const SimCampaign &campaign) const
{
    if (campaign.attackIds.isEmpty())
        return 0;
    double sum = 0;
    for (const SimAttack *attack : attacksOf(campaign))
        sum += attack->progress;
    return std::round(sum / campaign.attackIds.size() * 100) / 100;
}

int SimWorld::activeAgentsOn(const SimCampaign &campaign) const
{
    if (campaign.state != QLatin1String("active"))
        return 0;
    int active = 0;
    for (const SimAgent &agent : m_agents)
        active +=
            agent.enabled && agent.state == QLatin1String("active") && (agent.id + campaign.id) % 2 == 0;
    return active;
}

QList<const SimAgent *> SimWorld::agents() const
{
    QList<const SimAgent *> out;
    for (const SimAgent &agent : m_agents)
        out.append(&agent);
    return out;
}

const SimAgent *SimWorld::agent(int id) const
{
    const auto it = m_agents.constFind(id);
    return it == m_agents.cend() ? nullptr : &*it;
}

SimAgent *SimWorld::mutableAgent(int id)
{
    const auto it = m_agents.find(id);
    return it == m_agents.end() ? nullptr : &*it;
}

void SimWorld::announceCampaign(const SimCampaign &campaign, bool withProject)
{
    Q_EMIT announced(QStringLiteral("campaigns"), QStringLiteral("refresh"), campaign.id,
                     withProject ? std::optional<int>(campaign.projectId) : std::nullopt);
}

SimWorld::ActionResult SimWorld::startCampaign(int id)
{
    SimCampaign *campaign = mutableCampaign(id);
    if (!campaign)
        return ActionResult::NotFound;
    if (campaign->state == QLatin1String("archived"))
        return ActionResult::Archived;
    if (campaign->state == QLatin1String("active"))
        return ActionResult::Ok; // nothing changes, nothing is announced
    campaign->state = QStringLiteral("active");
    campaign->updatedAt = now();
    announceCampaign(*campaign, true);
    return ActionResult::Ok;
}

SimWorld::ActionResult SimWorld::stopCampaign(int id)
{
    SimCampaign *campaign = mutableCampaign(id);
    if (!campaign)
        return ActionResult::NotFound;
    if (campaign->state == QLatin1String("archived"))
        return ActionResult::Archived;
    if (campaign->state == QLatin1String("draft"))
        return ActionResult::Ok;
    campaign->state = QStringLiteral("draft"); // the web API's stop sets draft, never paused
    campaign->updatedAt = now();
    announceCampaign(*campaign, true);
    return ActionResult::Ok;
}

SimWorld::ActionResult SimWorld::archiveCampaign(int id)
{
    SimCampaign *campaign = mutableCampaign(id);
    if (!campaign)
        return ActionResult::NotFound;
    if (campaign->state == QLatin1String("archived"))
        return ActionResult::Ok;
    campaign->state = QStringLiteral("archived");
    campaign->updatedAt = now();
    announceCampaign(*campaign, true);
    return ActionResult::Ok;
}

int SimWorld::createCampaign(int projectId, const QString &name)
{
    SimCampaign campaign;
    campaign.id = m_nextCampaignId++;
    campaign.name = name;
    campaign.projectId = projectId;
    campaign.priority = 50;
    campaign.hashListId = 100 + campaign.id;
    campaign.createdAt = now();
    campaign.updatedAt = campaign.createdAt;
    campaign.totalHashes = 100 + m_random.bounded(1000);
    addAttacks(campaign);
    m_campaigns.insert(campaign.id, campaign);
    announceCampaign(m_campaigns[campaign.id], true);
    return campaign.id;
}

bool SimWorld::renameCampaign(int id, const QString &name)
{
    SimCampaign *campaign = mutableCampaign(id);
    if (!campaign)
        return false;
    campaign->name = name;
    campaign->updatedAt = now();
    announceCampaign(*campaign, true);
    return true;
}

bool SimWorld::moveCampaign(int id, int projectId)
{
    SimCampaign *campaign = mutableCampaign(id);
    if (!campaign)
        return false;
    campaign->projectId = projectId;
    campaign->updatedAt = now();
    announceCampaign(*campaign, true);
    return true;
}

bool SimWorld::setPriority(int id, int priority)
{
    SimCampaign *campaign = mutableCampaign(id);
    if (!campaign)
        return false;
    campaign->priority = std::clamp(priority, 0, 100);
    campaign->updatedAt = now();
    announceCampaign(*campaign, true);
    return true;
}

bool SimWorld::removeCampaignSilently(int id)
{
    const auto it = m_campaigns.find(id);
    if (it == m_campaigns.end())
        return false;
    for (int attackId : it->attackIds)
        m_attacks.remove(attackId);
    m_campaigns.erase(it);
    return true;
}

bool SimWorld::heartbeat(int agentId)
{
    SimAgent *agent = mutableAgent(agentId);
    if (!agent)
        return false;
    agent->lastSeenAt = now();
    if (agent->state == QLatin1String("stopped"))
        agent->state = QStringLiteral("active");
    Q_EMIT announced(QStringLiteral("agents"), QStringLiteral("refresh"), agent->id, std::nullopt);
    return true;
}

bool SimWorld::agentShutdown(int agentId)
{
    SimAgent *agent = mutableAgent(agentId);
    if (!agent)
        return false;
    agent->state = QStringLiteral("stopped"); // the real server announces nothing here
    agent->updatedAt = now();
    return true;
}

bool SimWorld::reportAgentError(int agentId, const QString &message, const QString &severity)
{
    SimAgent *agent = mutableAgent(agentId);
    if (!agent)
        return false;
    SimAgentError error;
    error.id = m_nextErrorId++;
    error.message = message;
    error.severity = severity;
    error.createdAt = now();
    agent->errors.prepend(error);
    if (agent->errors.size() > 50)
        agent->errors.resize(50);
    if (severity == QLatin1String("major") || severity == QLatin1String("critical")
        || severity == QLatin1String("fatal"))
        agent->state = QStringLiteral("error");
    agent->updatedAt = now();
    Q_EMIT announced(QStringLiteral("agents"), QStringLiteral("refresh"), agent->id, std::nullopt);
    return true;
}

bool SimWorld::reportTaskProgress(int campaignId, double step)
{
    SimCampaign *campaign = mutableCampaign(campaignId);
    if (!campaign || campaign->attackIds.isEmpty())
        return false;
    SimAttack &attack = m_attacks[campaign->attackIds.first()];
    const double advance = step > 0 ? step : 0.01 * (1 + m_random.bounded(10));
    attack.progress = attack.progress + advance >= 100.0 ? 0.0 : attack.progress + advance;
    announceCampaign(*campaign, false);
    return true;
}

void SimWorld::tick()
{
    ++m_ticks;
    // Task status reports from the agents on running attacks: progress, a campaign event without project.
    for (SimCampaign &campaign : m_campaigns) {
        if (campaign.state != QLatin1String("active"))
            continue;
        for (int attackId : campaign.attackIds) {
            SimAttack &attack = m_attacks[attackId];
            if (attack.state == QLatin1String("completed"))
                continue;
            if (attack.state == QLatin1String("pending")) {
                attack.state = QStringLiteral("running");
                attack.startTime = now();
            }
            attack.progress = std::min(100.0, attack.progress + 0.5 + m_random.bounded(3.0));
            if (attack.progress >= 100) {
                attack.state = QStringLiteral("completed");
                attack.endTime = now();
            }
            break; // one running attack per campaign
        }
        bool allDone = true;
        for (int attackId : campaign.attackIds)
            allDone = allDone && m_attacks[attackId].state == QLatin1String("completed");
        if (allDone) {
            // Nothing in the real server sets completed; the simulator starts the campaign over instead.
            for (int attackId : campaign.attackIds) {
                m_attacks[attackId].progress = 0;
                m_attacks[attackId].state = QStringLiteral("pending");
            }
        }
        announceCampaign(campaign, false);

        // Now and then a new crack: a toast carrying the plaintext, and the campaign changes.
        if (!m_agents.isEmpty() && campaign.crackedHashes < campaign.totalHashes && m_random.bounded(10) == 0)
            crackHash(campaign.id, QStringLiteral("Summer%1!").arg(m_random.bounded(2000, 2030)));
    }
    // Heartbeats and device-speed samples: one agents event each.
    for (SimAgent &agent : m_agents) {
        if (!agent.enabled || agent.state == QLatin1String("stopped"))
            continue;
        agent.lastSeenAt = now();
        agent.speed = std::max(1e8, agent.speed * (0.9 + m_random.bounded(0.2)));
        Q_EMIT announced(QStringLiteral("agents"), QStringLiteral("refresh"), agent.id, std::nullopt);
    }
}

bool SimWorld::crackHash(int campaignId, const QString &plaintext)
{
    SimCampaign *campaign = mutableCampaign(campaignId);
    if (!campaign || m_agents.isEmpty() || campaign->crackedHashes >= campaign->totalHashes)
        return false;
    ++campaign->crackedHashes;
    ++m_crackedLastDay;
    const SimAgent &agent =
        *std::next(m_agents.cbegin(), m_random.bounded(std::max<qsizetype>(1, m_agents.size())));
    const QString who = agent.customLabel.value_or(agent.hostName);
    const QString message =
        QStringLiteral("\U0001F389 Hash cracked by %1: %2...\u2192%3").arg(who, hex(m_random, 8), plaintext);
    Q_EMIT announced(QStringLiteral("toasts"), message, std::nullopt, campaign->projectId);
    // The crack is a result of a task: its status report announces the campaign (without a project).
    announceCampaign(*campaign, false);
    return true;
}

} // namespace swarmwatch::sim
