#include "LiveSync.h"

#include "AgentModel.h"
#include "ApiCall.h"
#include "CampaignModel.h"
#include "CipherSwarmClient.h"
#include "ModelLogging.h"
#include "NetworkReachability.h"
#include "Session.h"

#include <QJsonDocument>
#include <QJsonObject>

#include <algorithm>

using namespace std::chrono_literals;

namespace swarmwatch {

namespace {

constexpr const char *kFeedPaths[] = {"/api/v1/web/live/campaigns", "/api/v1/web/live/agents",
                                      "/api/v1/web/live/toasts"};

std::optional<qint64> optionalId(const QJsonValue &value)
{
    return value.isDouble() ? std::optional<qint64>(value.toInteger()) : std::nullopt;
}

} // namespace

LiveSync::LiveSync(CipherSwarmClient *client, QNetworkAccessManager *network,
                   NetworkReachability *reachability, CampaignModel *campaigns, AgentModel *agents,
                   QObject *parent)
    : QObject(parent)
    , m_client(client)
    , m_session(client->session())
    , m_network(network)
    , m_reachability(reachability)
    , m_campaigns(campaigns)
    , m_agents(agents)
{
    m_flushTimer.setSingleShot(true);
    connect(&m_flushTimer, &QTimer::timeout, this, &LiveSync::flush);
    connect(&m_resyncTimer, &QTimer::timeout, this, &LiveSync::resyncNow);
    connect(&m_staleTimer, &QTimer::timeout, this, &LiveSync::checkStale);
    connect(&m_onlineTimer, &QTimer::timeout, this, [this] {
        if (m_agents)
            m_agents->refreshOnline();
    });
    connect(m_session, &Session::projectChanged, this, [this] {
        if (!m_running)
            return;
        // A new project starts clean: nothing of the old table is true any more.
        ++m_campaignGeneration;
        m_dirtyCampaigns.clear();
        m_fullRefetch.clear();
        m_campaignsInFlight.clear();
        m_campaignListInFlight = false;
        m_campaigns->clear();
        refreshCampaignList(true);
    });
    connect(m_session, &Session::stateChanged, this, [this](Session::State state) {
        // Back from Unauthorized with fresh credentials: whatever failed meanwhile is fetched again.
        if (m_running && state == Session::State::SignedIn && m_status == Status::Unauthorized)
            resyncNow();
        updateStatus();
    });
    connect(m_session, &Session::tokenChanged, this, [this](const QByteArray &token) {
        // A fresh token after a 401 on the feeds: reopen those that gave up.
        for (auto &feed : m_feeds) {
            if (m_running && feed && !token.isEmpty() && feed->state() == SseConnection::State::Unauthorized)
                feed->open();
        }
    });
}

LiveSync::~LiveSync() = default;

void LiveSync::setSettings(const LiveSyncSettings &settings)
{
    m_settings = settings;
    for (auto &feed : m_feeds) {
        if (feed)
            feed->setSettings(settings.feed);
    }
}

SseConnection::State LiveSync::feedState(Feed feed) const
{
    const auto &connection = m_feeds[static_cast<size_t>(feed)];
    return connection ? connection->state() : SseConnection::State::Closed;
}

const SseConnection *LiveSync::feed(Feed feed) const
{
    return m_feeds[static_cast<size_t>(feed)].get();
}

bool LiveSync::isIdle() const
{
    return m_dirtyCampaigns.isEmpty() && m_campaignsInFlight.isEmpty() && m_dirtyAgents.isEmpty()
           && m_agentsInFlight.isEmpty() && !m_campaignListInFlight && !m_agentListInFlight
           && !m_campaignListWanted && !m_agentListWanted;
}

void LiveSync::start()
{
    stop();
    m_running = true;
    ++m_generation;
    m_snapshotLoaded = false;
    m_campaignListLoaded = false;
    m_agentListLoaded = !m_settings.agents;
    for (int i = 0; i < 3; ++i) {
        const Feed which = static_cast<Feed>(i);
        if (which == Feed::Agents && !m_settings.agents)
            continue;
        auto connection = std::make_unique<SseConnection>(m_network, m_reachability);
        connection->setSettings(m_settings.feed);
        connection->setUrl(m_session->url(QString::fromLatin1(kFeedPaths[i])));
        connection->setHeaderProvider([session = m_session] { return session->streamHeaders(); });
        connect(connection.get(), &SseConnection::eventReceived, this,
                [this, which](const SseEvent &event) { handleEvent(which, event); });
        connect(connection.get(), &SseConnection::stateChanged, this,
                [this, which] { handleFeedState(which); });
        m_feeds[static_cast<size_t>(i)] = std::move(connection);
    }
    m_lastFreshAt = QDateTime::currentDateTimeUtc();
    refreshCampaignList(true);
    if (m_settings.agents)
        refreshAgentList(true);
    for (auto &feed : m_feeds) {
        if (feed)
            feed->open();
    }
    m_resyncTimer.start(m_settings.resyncInterval);
    m_staleTimer.start(std::max<std::chrono::milliseconds>(250ms, m_settings.staleAfter / 8));
    m_onlineTimer.start(15s);
    updateStatus();
}

void LiveSync::stop()
{
    m_running = false;
    ++m_generation;
    for (auto &feed : m_feeds)
        feed.reset();
    m_flushTimer.stop();
    m_resyncTimer.stop();
    m_staleTimer.stop();
    m_onlineTimer.stop();
    m_dirtyCampaigns.clear();
    m_fullRefetch.clear();
    m_campaignsInFlight.clear();
    m_dirtyAgents.clear();
    m_agentsInFlight.clear();
    m_campaignListWanted = m_agentListWanted = false;
    m_campaignListInFlight = m_agentListInFlight = false;
}

void LiveSync::resyncNow()
{
    if (!m_running)
        return;
    refreshCampaignList(true);
    if (m_settings.agents)
        refreshAgentList(true);
}

void LiveSync::handleEvent(Feed feed, const SseEvent &event)
{
    markFresh();
    const QJsonObject object = QJsonDocument::fromJson(event.data.toUtf8()).object();
    const QString trigger = object.value(QLatin1String("trigger")).toString();
    if (trigger == QLatin1String("ping") || trigger.isEmpty())
        return; // keep-alive: it has fed the watchdog already
    const std::optional<qint64> id = optionalId(object.value(QLatin1String("id")));
    const std::optional<qint64> projectId = optionalId(object.value(QLatin1String("project_id")));
    switch (feed) {
    case Feed::Campaigns:
        // Every user gets every project's events: keep ours (or, without a project, the rows we show).
        if (projectId && projectId != m_session->projectId())
            return;
        if (!id) {
            m_campaignListWanted = true;
            scheduleFlush();
        } else if (projectId || m_campaigns->row(*id)) {
            markCampaignDirty(*id);
        }
        return;
    case Feed::Agents:
        if (!id) {
            m_agentListWanted = true;
            scheduleFlush();
        } else {
            markAgentDirty(*id);
        }
        return;
    case Feed::Toasts: {
        if (projectId && projectId != m_session->projectId())
            return;
        Toast toast = Toast::fromTrigger(trigger);
        toast.projectId = projectId;
        toast.timestamp =
            QDateTime::fromString(object.value(QLatin1String("timestamp")).toString(), Qt::ISODateWithMs);
        qCInfo(lcModel).noquote() << "toast:" << toast.redacted; // never the plaintext
        Q_EMIT toastReceived(toast);
        return;
    }
    }
}

void LiveSync::handleFeedState(Feed feed)
{
    const SseConnection::State state = feedState(feed);
    Q_EMIT feedStateChanged(feed, state);
    if (state == SseConnection::State::Live) {
        // Nothing is replayed after a (re)connect: resync what this feed covers.
        if (feed == Feed::Campaigns)
            refreshCampaignList(true);
        else if (feed == Feed::Agents)
            refreshAgentList(false);
    } else if (state == SseConnection::State::Unauthorized
               && m_session->state() == Session::State::SignedIn) {
        // The feed was refused although the session thinks it is signed in: try one refresh; the token change
        // reopens the feed, a failed refresh reports Unauthorized through the session.
        m_session->refresh({});
    }
    updateStatus();
}

void LiveSync::markCampaignDirty(qint64 id)
{
    m_dirtyCampaigns.insert(id);
    m_fullRefetch.insert(id); // a trigger: something moved, fetch everything the row shows
    scheduleFlush();
}

void LiveSync::markAgentDirty(qint64 id)
{
    m_dirtyAgents.insert(id);
    scheduleFlush();
}

void LiveSync::scheduleFlush()
{
    if (!m_flushTimer.isActive())
        m_flushTimer.start(m_settings.coalesceWindow);
}

void LiveSync::flush()
{
    if (!m_running)
        return;
    if (m_campaignListWanted || m_dirtyCampaigns.size() > m_settings.listRefreshThreshold) {
        m_campaignListWanted = false;
        refreshCampaignList(false);
    }
    if (m_agentListWanted) {
        m_agentListWanted = false;
        refreshAgentList(false);
    }
    // At most one request chain per id; ids dirtied while in flight wait for the chain to end.
    int started = 0;
    for (auto it = m_dirtyCampaigns.begin();
         it != m_dirtyCampaigns.end() && started < m_settings.maxRefetchesPerWindow;) {
        if (m_campaignsInFlight.contains(*it)) {
            ++it;
            continue;
        }
        const qint64 id = *it;
        it = m_dirtyCampaigns.erase(it);
        refetchCampaign(id, m_fullRefetch.remove(id));
        ++started;
    }
    for (auto it = m_dirtyAgents.begin();
         it != m_dirtyAgents.end() && started < m_settings.maxRefetchesPerWindow;) {
        if (m_agentsInFlight.contains(*it)) {
            ++it;
            continue;
        }
        const qint64 id = *it;
        it = m_dirtyAgents.erase(it);
        refetchAgent(id);
        ++started;
    }
    if (!m_dirtyCampaigns.isEmpty() || !m_dirtyAgents.isEmpty())
        scheduleFlush();
}

void LiveSync::refreshCampaignList(bool markAllDirty)
{
    if (!m_session->projectId()) {
        // No project chosen yet: take the server's default, the lowest-id project.
        countRequest();
        const quint64 generation = campaignGeneration();
        m_client->projectContext([this, generation](const ApiResult<ProjectContext> &result) {
            if (generation != campaignGeneration())
                return;
            if (!result.ok()) {
                Q_EMIT error(result.error.message);
                return;
            }
            std::optional<qint64> lowest;
            for (const Project &project : result.value.availableProjects)
                lowest = lowest ? std::min(*lowest, project.id) : project.id;
            if (lowest)
                m_session->setProjectId(lowest); // the projectChanged handler lists the campaigns
            else
                Q_EMIT error(tr("you belong to no project on this server"));
        });
        return;
    }
    if (m_campaignListInFlight) {
        m_campaignListWanted = true; // once more when this one is back
        return;
    }
    m_campaignListInFlight = true;
    countRequest();
    const quint64 generation = campaignGeneration();
    m_client->campaigns([this, generation, markAllDirty](const ApiResult<QList<Campaign>> &result) {
        if (generation != campaignGeneration())
            return;
        m_campaignListInFlight = false;
        if (!result.ok()) {
            Q_EMIT error(result.error.message);
            return;
        }
        markFresh();
        m_campaigns->replaceAll(result.value);
        if (markAllDirty) {
            for (const Campaign &campaign : result.value)
                m_dirtyCampaigns.insert(campaign.id);
        }
        scheduleFlush();
        if (!m_campaignListLoaded) {
            m_campaignListLoaded = true;
            if (m_agentListLoaded && !m_snapshotLoaded) {
                m_snapshotLoaded = true;
                Q_EMIT snapshotLoaded();
            }
        }
        if (m_campaignListWanted) {
            m_campaignListWanted = false;
            refreshCampaignList(false);
        }
    });
}

void LiveSync::refreshAgentList(bool withDetails)
{
    if (m_agentListInFlight) {
        m_agentListWanted = true;
        return;
    }
    m_agentListInFlight = true;
    countRequest();
    const quint64 generation = m_generation;
    m_client->agents([this, generation, withDetails](const ApiResult<QList<Agent>> &result) {
        if (generation != m_generation)
            return;
        m_agentListInFlight = false;
        if (!result.ok()) {
            Q_EMIT error(result.error.message);
            return;
        }
        markFresh();
        m_agents->replaceAll(result.value);
        if (withDetails) {
            // Errors and speed cost the server dearly (48 queries per device): only on snapshot and resync.
            for (const Agent &agent : result.value)
                refetchAgentDetails(agent.id);
        }
        if (!m_agentListLoaded) {
            m_agentListLoaded = true;
            if (m_campaignListLoaded && !m_snapshotLoaded) {
                m_snapshotLoaded = true;
                Q_EMIT snapshotLoaded();
            }
        }
        if (m_agentListWanted) {
            m_agentListWanted = false;
            refreshAgentList(false);
        }
    });
}

void LiveSync::refetchCampaign(qint64 id, bool full)
{
    m_campaignsInFlight.insert(id);
    const quint64 generation = campaignGeneration();
    countRequest();
    m_client->campaignDetail(id, [this, generation, id, full](const ApiResult<CampaignDetail> &detail) {
        if (generation != campaignGeneration())
            return;
        if (!detail.ok()) {
            if (detail.error.httpStatus == 404)
                m_campaigns->remove(id); // gone
            else
                Q_EMIT error(detail.error.message);
            finishCampaign(id);
            return;
        }
        const Campaign &campaign = detail.value.campaign;
        if (campaign.projectId != m_session->projectId() || campaign.state == QLatin1String("archived")
            || campaign.unavailable) {
            m_campaigns->remove(id); // not (or no longer) in the list the server would give
            finishCampaign(id);
            return;
        }
        auto row = std::make_shared<CampaignRow>();
        if (const CampaignRow *existing = m_campaigns->row(id))
            *row = *existing;
        row->campaign = campaign;
        row->attackCount = detail.value.attacks.size();
        QList<qint64> attackIds;
        for (const AttackSummary &attack : detail.value.attacks)
            attackIds.append(attack.id);
        countRequest();
        m_client->campaignMetrics(
            id, [this, generation, id, row, attackIds, full](const ApiResult<CampaignMetrics> &metrics) {
                if (generation != campaignGeneration())
                    return;
                if (metrics.ok())
                    row->metrics = metrics.value;
                // A campaign that is not running has no agents on it and no ETA: its metrics are all there
                // is.
                if (row->campaign.state != QLatin1String("active")) {
                    row->activeAgents = 0;
                    row->etaSeconds.reset();
                    markFresh();
                    m_campaigns->upsert(*row);
                    finishCampaign(id);
                    return;
                }
                countRequest();
                m_client->campaignProgress(id, [this, generation, id, row, attackIds,
                                                full](const ApiResult<CampaignProgress> &progress) {
                    if (generation != campaignGeneration())
                        return;
                    if (progress.ok())
                        row->activeAgents = progress.value.activeAgents;
                    // A resync keeps the last ETA: the per-attack figures move only with task reports,
                    // and every task report is a trigger that brings this full refetch.
                    if (!full) {
                        markFresh();
                        m_campaigns->upsert(*row);
                        finishCampaign(id);
                        return;
                    }
                    // The estimate: the remaining seconds of every attack that reports one.
                    auto remaining = std::make_shared<int>(static_cast<int>(attackIds.size()));
                    auto eta = std::make_shared<std::optional<qint64>>();
                    const auto done = [this, generation, id, row, eta] {
                        if (generation != campaignGeneration())
                            return;
                        row->etaSeconds = *eta;
                        markFresh();
                        if (m_campaigns->row(id) || row->campaign.projectId == m_session->projectId())
                            m_campaigns->upsert(*row);
                        finishCampaign(id);
                    };
                    if (attackIds.isEmpty()) {
                        done();
                        return;
                    }
                    for (const qint64 attackId : attackIds) {
                        countRequest();
                        m_client->attackPerformance(
                            attackId, [remaining, eta, done](const ApiResult<AttackPerformance> &p) {
                                if (p.ok() && p.value.etaSeconds)
                                    *eta = eta->value_or(0) + *p.value.etaSeconds;
                                if (--*remaining == 0)
                                    done();
                            });
                    }
                });
            });
    });
}

void LiveSync::finishCampaign(qint64 id)
{
    m_campaignsInFlight.remove(id);
    if (m_dirtyCampaigns.contains(id))
        scheduleFlush();
}

void LiveSync::refetchAgent(qint64 id)
{
    m_agentsInFlight.insert(id);
    const quint64 generation = m_generation;
    countRequest();
    m_client->agent(id, [this, generation, id](const ApiResult<Agent> &result) {
        if (generation != m_generation)
            return;
        m_agentsInFlight.remove(id);
        if (result.ok()) {
            markFresh();
            const AgentRow *before = m_agents->row(id);
            const bool becameError = result.value.state == QLatin1String("error")
                                     && (!before || before->agent.state != QLatin1String("error"));
            m_agents->upsertAgent(result.value);
            if (becameError)
                refetchAgentDetails(id); // the error that put it there
        } else if (result.error.httpStatus == 404) {
            m_agents->remove(id);
        } else {
            Q_EMIT error(result.error.message);
        }
        if (m_dirtyAgents.contains(id))
            scheduleFlush();
    });
}

void LiveSync::refetchAgentDetails(qint64 id)
{
    const quint64 generation = m_generation;
    countRequest();
    m_client->agentErrors(id, [this, generation, id](const ApiResult<QList<AgentError>> &errors) {
        if (generation != m_generation || !errors.ok() || !m_agents->row(id))
            return;
        AgentRow row = *m_agents->row(id);
        row.latestError =
            errors.value.isEmpty() ? std::nullopt : std::optional<QString>(errors.value.first().message);
        m_agents->upsert(row);
    });
    countRequest();
    m_client->agentPerformance(id, [this, generation, id](const ApiResult<QList<DevicePerformance>> &series) {
        if (generation != m_generation || !series.ok() || !m_agents->row(id))
            return;
        // The latest non-zero bucket of each device, summed: the nearest thing to a current speed.
        std::optional<double> total;
        for (const DevicePerformance &device : series.value) {
            for (auto it = device.samples.crbegin(); it != device.samples.crend(); ++it) {
                if (it->speed > 0) {
                    total = total.value_or(0) + it->speed;
                    break;
                }
            }
        }
        AgentRow row = *m_agents->row(id);
        row.currentSpeed = total;
        m_agents->upsert(row);
    });
}

void LiveSync::updateStatus()
{
    Status status;
    QStringList problems;
    int live = 0;
    int present = 0;
    bool unauthorized = m_session->state() == Session::State::Unauthorized;
    bool connecting = false;
    for (int i = 0; i < 3; ++i) {
        const auto &feed = m_feeds[static_cast<size_t>(i)];
        if (!feed)
            continue;
        ++present;
        const SseConnection::State state = feed->state();
        if (state == SseConnection::State::Live) {
            ++live;
            continue;
        }
        unauthorized = unauthorized || state == SseConnection::State::Unauthorized;
        connecting = connecting || state == SseConnection::State::Connecting;
        const QString name = QString::fromLatin1(kFeedPaths[i]).section(QLatin1Char('/'), -1);
        problems.append(feed->reason().isEmpty()
                            ? tr("%1: %2").arg(name, feedStateName(state))
                            : tr("%1: %2 (%3)").arg(name, feedStateName(state), feed->reason()));
    }
    if (!m_running)
        status = Status::Disconnected;
    else if (unauthorized)
        status = Status::Unauthorized;
    else if (present > 0 && live == present)
        status = Status::Live;
    else if (live > 0)
        status = Status::Degraded;
    else if (connecting && !m_lastLiveAt.isValid())
        status = Status::Connecting;
    else
        status = Status::Disconnected;
    if (status == Status::Unauthorized && m_session->state() == Session::State::Unauthorized)
        problems.prepend(m_session->unauthorizedReason());
    const QString reason = problems.join(QStringLiteral("; "));
    if (status == Status::Live)
        m_lastLiveAt = QDateTime::currentDateTimeUtc();
    if (status == m_status && reason == m_statusReason)
        return;
    m_status = status;
    m_statusReason = reason;
    qCInfo(lcModel).noquote() << "status:" << statusName(status) << reason;
    Q_EMIT statusChanged(status);
}

void LiveSync::markFresh()
{
    m_lastFreshAt = QDateTime::currentDateTimeUtc();
    if (m_status == Status::Live)
        m_lastLiveAt = m_lastFreshAt;
    if (m_stale) {
        m_stale = false;
        Q_EMIT staleChanged(false);
    }
}

void LiveSync::checkStale()
{
    const bool stale =
        m_lastFreshAt.isValid()
        && m_lastFreshAt.msecsTo(QDateTime::currentDateTimeUtc()) > m_settings.staleAfter.count();
    if (stale != m_stale) {
        m_stale = stale;
        Q_EMIT staleChanged(stale);
    }
}

QString LiveSync::statusName(Status status)
{
    switch (status) {
    case Status::Connecting:
        return tr("connecting");
    case Status::Live:
        return tr("live");
    case Status::Degraded:
        return tr("degraded");
    case Status::Disconnected:
        return tr("disconnected");
    case Status::Unauthorized:
        return tr("unauthorized");
    }
    return {};
}

QString LiveSync::feedStateName(SseConnection::State state)
{
    switch (state) {
    case SseConnection::State::Connecting:
        return tr("connecting");
    case SseConnection::State::Live:
        return tr("live");
    case SseConnection::State::Reconnecting:
        return tr("reconnecting");
    case SseConnection::State::Unauthorized:
        return tr("unauthorized");
    case SseConnection::State::Closed:
        return tr("closed");
    case SseConnection::State::Failed:
        return tr("failed");
    }
    return {};
}

} // namespace swarmwatch
