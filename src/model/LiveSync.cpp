#include "LiveSync.h"

#include "AgentModel.h"
#include "ApiCall.h"
#include "ApiTransport.h"
#include "CampaignModel.h"
#include "CipherSwarmClient.h"
#include "ErrorAggregator.h"
#include "ModelLogging.h"
#include "NetworkReachability.h"
#include "Session.h"

#include <QJsonDocument>
#include <QJsonObject>
#include <QRandomGenerator>

#include <algorithm>

using namespace std::chrono_literals;

namespace swarmwatch {

namespace {

constexpr const char *kFeedPaths[] = {"/api/v1/web/live/campaigns", "/api/v1/web/live/agents",
                                      "/api/v1/web/live/toasts"};
constexpr auto kListRetry = 5s; // a list that could not be read before the snapshot is tried again this soon

std::optional<qint64> optionalId(const QJsonValue &value)
{
    return value.isDouble() ? std::optional<qint64>(value.toInteger()) : std::nullopt;
}

bool isActive(const Campaign &campaign)
{
    return campaign.state == QLatin1String("active");
}

// 1 s, 2 s, 4 s ... up to a minute, with full jitter: for retries that must neither loop nor stall.
std::chrono::milliseconds jitteredBackoff(int failures)
{
    const qint64 ceiling = std::min<qint64>(60000, 1000LL << std::clamp(failures - 1, 0, 6));
    return std::chrono::milliseconds(ceiling / 2 + QRandomGenerator::global()->bounded(ceiling / 2 + 1));
}

} // namespace

// One campaign's refetch: any of detail, metrics and (for a running campaign) progress and the attacks' ETAs,
// in parallel where they do not depend on each other. What came back is merged into the row as it is when
// the last answer arrives, once, so that a row never shows half a refetch nor loses a newer change.
struct LiveSync::CampaignChain {
    qint64 id = 0;
    quint64 generation = 0;
    ApiRequest::Priority priority = ApiRequest::Priority::Normal;
    bool hadRow = false; // shown when the chain started
    bool detailAsked = false;
    bool metricsAsked = false;
    bool slowWanted = false;
    bool slowStarted = false;
    bool underway = false; // every request of the first round sent
    bool gone = false;
    int pending = 0;
    std::optional<Campaign> campaign; // from the detail
    std::optional<qint64> attackCount;
    QList<qint64> attackIds;
    std::optional<CampaignMetrics> metrics;
    std::optional<qint64> activeAgents;
    std::optional<qint64> eta;
    std::optional<double> speed;
};

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
    , m_errors(std::make_unique<ErrorAggregator>(m_settings.errorQuietPeriod))
{
    qRegisterMetaType<swarmwatch::SyncError>();
    m_clock.start();
    connect(m_errors.get(), &ErrorAggregator::reported, this, &LiveSync::error);
    for (int i = 0; i < 3; ++i) {
        const Feed which = static_cast<Feed>(i);
        auto connection = std::make_unique<SseConnection>(m_network, m_reachability);
        connection->setHeaderProvider([session = m_session] { return session->streamHeaders(); });
        // Count the dispatches: a slot that destroys this LiveSync from inside a feed's signal must not
        // delete that feed under its own feet.
        connect(connection.get(), &SseConnection::eventReceived, this, [this, which](const SseEvent &event) {
            QPointer<LiveSync> alive(this);
            ++m_feedDispatch;
            handleEvent(which, event);
            if (alive)
                --m_feedDispatch;
        });
        connect(connection.get(), &SseConnection::stateChanged, this, [this, which] {
            QPointer<LiveSync> alive(this);
            ++m_feedDispatch;
            handleFeedState(which);
            if (alive)
                --m_feedDispatch;
        });
        m_feeds[static_cast<size_t>(i)] = std::move(connection);
        m_feedReopen[static_cast<size_t>(i)].setSingleShot(true);
        connect(&m_feedReopen[static_cast<size_t>(i)], &QTimer::timeout, this, [this, i] {
            if (m_running && m_feeds[static_cast<size_t>(i)]->state() == SseConnection::State::Unauthorized)
                m_feeds[static_cast<size_t>(i)]->open();
        });
    }
    m_deferTimer.setSingleShot(true);
    connect(&m_deferTimer, &QTimer::timeout, this, &LiveSync::promoteDeferred);
    m_refreshRetry.setSingleShot(true);
    connect(&m_refreshRetry, &QTimer::timeout, this, &LiveSync::refreshToken);
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
        cancelCalls(Kind::Campaign);
        for (auto it = m_tracks.begin(); it != m_tracks.end();) {
            if (kindOf(it.key()) == Kind::Campaign) {
                if (it->inFlight)
                    --m_chains;
                m_backgroundInFlight.remove(it.key());
                m_deferred.remove(it.key());
                it = m_tracks.erase(it);
            } else {
                ++it;
            }
        }
        m_awaitingMetrics.clear();
        m_campaignList = {};
        QPointer<LiveSync> alive(this);
        m_campaigns->clear();
        if (!alive)
            return;
        readCampaignList();
    });
    connect(m_session, &Session::serverChanged, this, [this] {
        if (!m_running)
            return;
        // Nothing fetched from the old server is true of the new one; whoever owns this starts it again.
        QPointer<LiveSync> alive(this);
        stop();
        if (alive)
            m_campaigns->clear();
        if (alive)
            m_agents->clear();
    });
    connect(m_session, &Session::stateChanged, this, [this](Session::State state) {
        if (m_running && state == Session::State::SignedIn && m_status == Status::Unauthorized) {
            // Back with fresh credentials: reopen what was refused and fetch again whatever failed meanwhile.
            m_feedRefusals = {};
            m_refreshFailures = 0;
            m_refreshRetry.stop();
            QPointer<LiveSync> alive(this);
            reopenRefusedFeeds();
            if (!alive)
                return;
            resyncNow();
            if (!alive)
                return;
            pump(); // what waited for the session
            if (!alive)
                return;
        }
        updateStatus();
    });
    connect(m_session, &Session::tokenChanged, this, [this](const QByteArray &token) {
        if (m_running && !token.isEmpty())
            reopenRefusedFeeds();
    });
}

LiveSync::~LiveSync()
{
    m_running = false;
    ++m_generation;
    cancelCalls(std::nullopt);
    for (auto &feed : m_feeds) {
        disconnect(feed.get(), nullptr, this, nullptr);
        feed->close();
        if (m_feedDispatch > 0)
            feed.release()->deleteLater(); // we are inside one of its signals: it is deleted once back
    }
}

void LiveSync::setSettings(const LiveSyncSettings &settings)
{
    m_settings = settings;
    for (auto &feed : m_feeds)
        feed->setSettings(settings.feed);
    m_errors->setQuietPeriod(settings.errorQuietPeriod);
    m_session->transport()->setRateLimit(settings.requestsPerSecond);
}

SseConnection::State LiveSync::feedState(Feed feed) const
{
    return m_feeds[static_cast<size_t>(feed)]->state();
}

const SseConnection *LiveSync::feed(Feed feed) const
{
    return m_feeds[static_cast<size_t>(feed)].get();
}

bool LiveSync::isIdle() const
{
    return m_chains == 0 && std::all_of(m_queues.cbegin(), m_queues.cend(), [](auto &q) { return q.empty(); })
           && m_deferred.isEmpty() && !m_campaignList.inFlight && !m_agentList.inFlight;
}

int LiveSync::pendingRefetches() const
{
    int pending = 0;
    for (const Track &track : m_tracks)
        pending += track.queued != Queue::None;
    return pending;
}

void LiveSync::start()
{
    stop();
    m_running = true;
    ++m_generation;
    m_snapshotLoaded = m_snapshotSettled = false;
    m_campaignListLoaded = false;
    m_agentListLoaded = !m_settings.agents;
    m_campaignList = m_agentList = {};
    m_awaitingMetrics.clear();
    m_feedWasLive = {};
    m_feedRefusals = {};
    m_refreshFailures = 0;
    m_session->transport()->setRateLimit(m_settings.requestsPerSecond);
    m_lastFreshAt = QDateTime::currentDateTimeUtc();
    const quint64 generation = m_generation;
    QPointer<LiveSync> alive(this);
    for (int i = 0; i < 3; ++i) {
        if ((static_cast<Feed>(i) == Feed::Agents && !m_settings.agents) || !m_settings.feeds)
            continue;
        SseConnection *feed = m_feeds[static_cast<size_t>(i)].get();
        feed->setUrl(m_session->url(QString::fromLatin1(kFeedPaths[i])));
        // The feeds first: the server holds what happens from the moment they are registered, so the
        // snapshot read after them misses nothing.
        feed->open();
        if (!alive || generation != m_generation)
            return; // a listener stopped or restarted us from inside the feed's state change
    }
    readCampaignList();
    if (!alive || generation != m_generation)
        return;
    if (m_settings.agents)
        readAgentList();
    if (!alive || generation != m_generation)
        return;
    m_resyncTimer.start(m_settings.resyncInterval);
    m_staleTimer.start(std::max<std::chrono::milliseconds>(250ms, m_settings.staleAfter / 8));
    m_onlineTimer.start(15s);
    updateStatus();
}

void LiveSync::stop()
{
    const bool wasRunning = m_running;
    m_running = false;
    ++m_generation;
    cancelCalls(std::nullopt);
    m_deferTimer.stop();
    m_refreshRetry.stop();
    m_resyncTimer.stop();
    m_staleTimer.stop();
    m_onlineTimer.stop();
    for (QTimer &timer : m_feedReopen)
        timer.stop();
    m_tracks.clear();
    for (auto &queue : m_queues)
        queue.clear();
    m_recent.clear();
    m_recentSpent = {};
    m_deferred.clear();
    m_chains = 0;
    m_backgroundInFlight.clear();
    m_campaignList = m_agentList = {};
    m_awaitingMetrics.clear();
    QPointer<LiveSync> alive(this);
    const quint64 generation = m_generation;
    closeFeeds();
    if (!alive || generation != m_generation)
        return;
    m_errors->flush();
    if (!alive || generation != m_generation)
        return;
    if (wasRunning)
        updateStatus();
}

void LiveSync::closeFeeds()
{
    QPointer<LiveSync> alive(this);
    for (auto &feed : m_feeds) {
        if (feed->state() != SseConnection::State::Closed)
            feed->close();
        if (!alive)
            return;
    }
}

void LiveSync::resyncNow()
{
    if (!m_running)
        return;
    QPointer<LiveSync> alive(this);
    readCampaignList(ApiRequest::Priority::Low);
    if (alive && m_running && m_settings.agents)
        readAgentList(ApiRequest::Priority::Low);
}

void LiveSync::reconnectNow(std::optional<Feed> feed)
{
    if (!m_running)
        return;
    QPointer<LiveSync> alive(this);
    for (int i = 0; i < 3 && alive; ++i) {
        if ((feed && static_cast<int>(*feed) != i)
            || (static_cast<Feed>(i) == Feed::Agents && !m_settings.agents))
            continue;
        m_feedReopen[static_cast<size_t>(i)].stop();
        m_feeds[static_cast<size_t>(i)]->reconnectNow();
    }
}

ApiCall *LiveSync::track(ApiCall *call, Kind kind)
{
    countRequest();
    m_calls.insert(call, kind);
    connect(call, &ApiCall::finished, this, [this, call] { m_calls.remove(call); });
    return call;
}

void LiveSync::cancelCalls(std::optional<Kind> kind)
{
    QList<ApiCall *> doomed;
    for (auto it = m_calls.cbegin(); it != m_calls.cend(); ++it) {
        if (!kind || it.value() == *kind)
            doomed.append(it.key());
    }
    for (ApiCall *call : doomed) {
        m_calls.remove(call);
        call->cancel(); // its callback is never called
    }
    if (!kind)
        m_refreshCall.clear();
}

void LiveSync::report(const ApiError &error)
{
    // A refused token is the status's to say ("session expired"), once; a cancelled call is our own doing.
    if (error.kind == ApiError::Kind::Unauthorized || error.kind == ApiError::Kind::Cancelled)
        return;
    qCInfo(lcModel).noquote() << "REST failure:" << error.message;
    m_errors->add(error);
}

// ---- the feeds ----

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
    case Feed::Campaigns: {
        if (!id) {
            if (!projectId || projectId == m_session->projectId())
                readCampaignList(ApiRequest::Priority::Normal);
            return;
        }
        const bool shown = m_campaigns->row(*id) != nullptr;
        // Every user gets every project's events. Another project's event about a row we show means it
        // moved there: its detail says so, and the row leaves. An event with our project is a change of the
        // campaign itself (its detail too); one without is a task report (its metrics moved).
        if (projectId && projectId != m_session->projectId()) {
            if (shown)
                markDirty(Kind::Campaign, *id, Entity | Detail, true);
        } else if (projectId) {
            markDirty(Kind::Campaign, *id, Entity | Detail, true);
        } else if (shown) {
            markDirty(Kind::Campaign, *id, Entity, true);
        }
        return;
    }
    case Feed::Agents:
        if (!id)
            readAgentList(ApiRequest::Priority::Normal);
        else
            markDirty(Kind::Agent, *id, Entity, true);
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
    const size_t at = static_cast<size_t>(feed);
    QPointer<LiveSync> alive(this);
    const quint64 generation = m_generation;
    Q_EMIT feedStateChanged(feed, state);
    if (!alive || generation != m_generation || !m_running)
        return;
    if (state == SseConnection::State::Live) {
        m_feedRefusals[at] = 0;
        // Nothing is replayed after a reconnect: resync what this feed covers. The first connection needs
        // none: the snapshot was read after it was registered.
        if (std::exchange(m_feedWasLive[at], true)) {
            if (feed == Feed::Campaigns)
                readCampaignList(ApiRequest::Priority::Low);
            else if (feed == Feed::Agents)
                readAgentList(ApiRequest::Priority::Low);
            if (!alive || generation != m_generation)
                return;
        }
    } else if (state == SseConnection::State::Unauthorized) {
        handleFeedUnauthorized(feed);
        if (!alive || generation != m_generation)
            return;
    } else if (state == SseConnection::State::Reconnecting) {
        m_feedWasLive[at] = true; // it was connected or tried to be: what comes next is a reconnect
    }
    updateStatus();
}

void LiveSync::handleFeedUnauthorized(Feed feed)
{
    if (m_session->state() != Session::State::SignedIn)
        return; // signed out or refused for good: the status says so
    m_feedWasLive[static_cast<size_t>(feed)] = true;
    ++m_feedRefusals[static_cast<size_t>(feed)];
    refreshToken();
}

void LiveSync::refreshToken()
{
    if (!m_running || m_refreshCall || m_refreshRetry.isActive()
        || m_session->state() != Session::State::SignedIn)
        return;
    const quint64 generation = m_generation;
    // The feed was refused although the session thinks it is signed in: refresh. A new token reopens the
    // feeds (tokenChanged); a refusal signs the session out of this server (the status says so); anything
    // else (network down, 5xx) is tried again with backoff, so the feeds are never parked for good.
    ApiCall *call = m_session->refresh([this, generation](const ApiError &error) {
        if (generation != m_generation)
            return;
        m_refreshCall.clear();
        if (!error.isError()) {
            m_refreshFailures = 0;
        } else if (error.kind != ApiError::Kind::Unauthorized) {
            ++m_refreshFailures;
            qCInfo(lcModel).noquote() << "token refresh failed:" << error.message;
            m_refreshRetry.start(jitteredBackoff(m_refreshFailures));
        }
        updateStatus();
    });
    m_refreshCall = track(call, Kind::Agent); // not tied to the project: survives a project switch
}

void LiveSync::reopenRefusedFeeds()
{
    QPointer<LiveSync> alive(this);
    for (size_t i = 0; i < m_feeds.size() && alive; ++i) {
        if (m_feeds[i]->state() != SseConnection::State::Unauthorized || m_feedReopen[i].isActive())
            continue;
        // Refused again right after a fresh token: the server does not want this feed for now; back off
        // instead of looping.
        if (m_feedRefusals[i] <= 1)
            m_feeds[i]->open();
        else
            m_feedReopen[i].start(jitteredBackoff(m_feedRefusals[i] - 1));
    }
}

// ---- scheduling ----

void LiveSync::markDirty(Kind kind, qint64 id, quint8 parts, bool trigger)
{
    if (!m_running)
        return;
    const qint64 key = keyOf(kind, id);
    Track &t = m_tracks[key];
    t.need |= parts;
    enqueue(key, t, trigger);
}

void LiveSync::enqueue(qint64 key, Track &t, bool trigger)
{
    if (trigger)
        t.triggered = true;
    if (t.inFlight)
        return; // finishChain sends it again
    if (kindOf(key) == Kind::Campaign && m_awaitingMetrics.contains(idOf(key))) {
        // A listed row without its metrics yet shows nothing: the first pass fetches it, and a trigger
        // meanwhile folds into that fetch.
        if (t.queued == Queue::First)
            return;
        t.queued = Queue::First;
        m_queues[kFirst].push_back(key);
    } else if (trigger) {
        if (t.queued == Queue::Trigger || t.queued == Queue::Deferred)
            return;
        // Leading edge: quiet for a window, fetched at once; fetched just now, the rest of the window waits
        // and everything that arrives meanwhile is one refetch.
        if (t.entityStartMs >= 0 && nowMs() - t.entityStartMs < m_settings.coalesceWindow.count()) {
            t.queued = Queue::Deferred;
            m_deferred.insert(key);
            if (!m_deferTimer.isActive())
                m_deferTimer.start(
                    std::max<qint64>(1, m_settings.coalesceWindow.count() - (nowMs() - t.entityStartMs)));
            return;
        }
        t.queued = Queue::Trigger;
        m_queues[kTrigger].push_back(key);
    } else {
        if (t.queued != Queue::None)
            return; // already on its way; what a trigger's chain leaves out follows in the background
        t.queued = Queue::Background;
        m_queues[kBackground].push_back(key);
    }
    pump();
}

void LiveSync::promoteDeferred()
{
    const qint64 now = nowMs();
    const qint64 window = m_settings.coalesceWindow.count();
    qint64 nextDue = -1;
    for (auto it = m_deferred.begin(); it != m_deferred.end();) {
        auto track = m_tracks.find(*it);
        if (track == m_tracks.end() || track->queued != Queue::Deferred) {
            it = m_deferred.erase(it);
            continue;
        }
        const qint64 due = track->entityStartMs + window;
        if (due <= now) {
            track->queued = Queue::Trigger;
            m_queues[kTrigger].push_back(*it);
            it = m_deferred.erase(it);
        } else {
            nextDue = nextDue < 0 ? due : std::min(nextDue, due);
            ++it;
        }
    }
    if (nextDue >= 0)
        m_deferTimer.start(std::max<qint64>(1, nextDue - now));
    pump();
}

void LiveSync::pump()
{
    // While the token is refused every request would be a 401 (and a refresh attempt): work waits, and a
    // resync runs once the session is back.
    if (!m_running || m_session->state() != Session::State::SignedIn)
        return;
    while (m_chains < std::max(1, m_settings.maxConcurrentRefetches)) {
        const std::optional<std::pair<qint64, int>> work = nextWork();
        if (!work)
            return;
        const quint64 generation = m_generation;
        QPointer<LiveSync> alive(this);
        startChain(work->first, work->second);
        if (!alive || generation != m_generation)
            return;
    }
}

std::optional<std::pair<qint64, int>> LiveSync::nextWork()
{
    std::array<bool, kClasses> waiting{};
    int competing = 0;
    quint64 total = 0; // recent requests of the classes now waiting
    for (int c = 0; c < kClasses; ++c) {
        std::deque<qint64> &queue = m_queues[static_cast<size_t>(c)];
        const Queue expected = c == kFirst     ? Queue::First
                               : c == kTrigger ? Queue::Trigger
                                               : Queue::Background;
        while (!queue.empty()) { // entries whose track moved on (fetched, forgotten, promoted) are void
            const auto it = m_tracks.constFind(queue.front());
            if (it != m_tracks.cend() && it->queued == expected && !it->inFlight)
                break;
            queue.pop_front();
        }
        // Background work leaves two chains to the rest, so that a trigger never waits for a slot.
        const bool allowed =
            c != kBackground
            || m_backgroundInFlight.size() < std::max(1, m_settings.maxConcurrentRefetches - 2);
        waiting[static_cast<size_t>(c)] = !queue.empty() && allowed;
        if (waiting[static_cast<size_t>(c)]) {
            ++competing;
            total += m_recentSpent[static_cast<size_t>(c)];
        }
    }
    if (competing == 0)
        return std::nullopt;
    if (!waiting[kFirst]) {
        // The first pass's last chains are out: the rest waits for them, so that a trigger on a row fetched
        // in this pass is fetched once more only after the pass (one fetch per id per snapshot).
        for (const qint64 id : std::as_const(m_awaitingMetrics)) {
            const auto it = m_tracks.constFind(keyOf(Kind::Campaign, id));
            if (it != m_tracks.cend() && it->inFlight)
                return std::nullopt;
        }
    }
    // The snapshot's first pass goes first: a row without metrics shows nothing, and a trigger on a row it
    // has fetched already waits for the pass to end (so no id is fetched twice for one snapshot). Then
    // triggers; but while both wait, background work still gets a quarter of the recent requests: a storm
    // delays a resync or the details, it never starves them.
    int pick = kFirst;
    if (!waiting[kFirst]) {
        pick = waiting[kTrigger] ? kTrigger : kBackground;
        if (waiting[kTrigger] && waiting[kBackground] && m_recentSpent[kBackground] * 4 < total)
            pick = kBackground;
    }
    std::deque<qint64> &queue = m_queues[static_cast<size_t>(pick)];
    const qint64 key = queue.front();
    queue.pop_front();
    return std::pair(key, pick);
}

void LiveSync::spend(int workClass, quint64 requests)
{
    // A sliding window over the last chains started: shares follow what is competing now, not long ago.
    constexpr size_t kWindow = 48;
    m_recent.emplace_back(workClass, requests);
    m_recentSpent[static_cast<size_t>(workClass)] += requests;
    if (m_recent.size() > kWindow) {
        m_recentSpent[static_cast<size_t>(m_recent.front().first)] -= m_recent.front().second;
        m_recent.pop_front();
    }
}

void LiveSync::startChain(qint64 key, int workClass)
{
    Track &t = m_tracks[key];
    t.queued = Queue::None;
    t.inFlight = true;
    t.lastStartMs = nowMs();
    // The first pass and triggers fetch what moved (metrics, the campaign itself) and show it at once; the
    // slow parts (progress and ETAs, an agent's errors and speed) follow as background work.
    const quint8 parts = workClass == kBackground ? t.need : quint8(t.need & ~Slow);
    t.need &= ~parts;
    if (parts & Entity)
        t.entityStartMs = t.lastStartMs;
    t.triggered = false;
    const auto priority = workClass == kBackground ? ApiRequest::Priority::Low : ApiRequest::Priority::Normal;
    ++m_chains;
    if (workClass == kBackground)
        m_backgroundInFlight.insert(key);
    const quint64 before = m_requests;
    const quint64 generation = m_generation;
    QPointer<LiveSync> alive(this);
    if (kindOf(key) == Kind::Campaign)
        refetchCampaign(idOf(key), parts, priority);
    else
        refetchAgent(idOf(key), parts, priority);
    if (alive && generation == m_generation)
        spend(workClass, std::max<quint64>(1, m_requests - before));
}

void LiveSync::finishChain(qint64 key, quint64 generation)
{
    const bool current =
        kindOf(key) == Kind::Campaign ? generation == campaignGeneration() : generation == m_generation;
    if (!current)
        return;
    --m_chains;
    m_backgroundInFlight.remove(key);
    auto it = m_tracks.find(key);
    if (it != m_tracks.end()) {
        it->inFlight = false;
        if (it->need)
            enqueue(key, *it, it->triggered); // dirtied while in flight
    }
    pump();
}

void LiveSync::forget(qint64 key)
{
    m_tracks.remove(key);
    m_deferred.remove(key);
}

bool LiveSync::slowDue(const Track &t) const
{
    if (t.slowAtMs < 0)
        return true;
    const qint64 age = nowMs() - t.slowAtMs;
    return age >= m_settings.slowRefreshInterval.count()
           || (age >= m_settings.quickSlowRefreshInterval.count()
               && m_session->transport()->budgetFill() >= 0.5); // spare room: spend it on freshness
}

// ---- the lists ----

void LiveSync::readCampaignList(ApiRequest::Priority priority)
{
    if (!m_running || m_session->state() != Session::State::SignedIn)
        return;
    if (!m_session->projectId()) {
        // No project chosen yet: take the server's default, the lowest-id project.
        if (m_campaignList.inFlight)
            return;
        m_campaignList.inFlight = true;
        const quint64 generation = campaignGeneration();
        track(m_client->projectContext([this, generation](const ApiResult<ProjectContext> &result) {
            if (generation != campaignGeneration())
                return;
            m_campaignList.inFlight = false;
            if (!result.ok()) {
                report(result.error);
                return;
            }
            if (const std::optional<qint64> lowest = result.value.defaultProjectId()) {
                m_session->setProjectId(lowest); // the projectChanged handler lists the campaigns
            } else {
                ApiError none{ApiError::Kind::Http, 0, tr("you belong to no project on this server"),
                              QStringLiteral("GET /api/v1/web/auth/context")};
                report(none);
            }
        }),
              Kind::Campaign);
        return;
    }
    if (m_campaignList.inFlight) {
        // Once more when this one is back, as urgently as the most urgent asker.
        m_campaignList.again = std::min(m_campaignList.again.value_or(priority), priority);
        return;
    }
    m_campaignList = {};
    m_campaignList.inFlight = true;
    m_campaignList.startedMs = nowMs();
    const quint64 generation = campaignGeneration();
    track(m_client->campaigns(
              [this, generation](const ApiResult<QList<Campaign>> &result) {
                  if (generation != campaignGeneration())
                      return;
                  if (!result.ok())
                      report(result.error);
                  campaignListDone(result.ok());
              },
              [this, generation](const QList<Campaign> &page) {
                  if (generation == campaignGeneration())
                      campaignPage(page);
              },
              priority),
          Kind::Campaign);
}

void LiveSync::campaignPage(const QList<Campaign> &page)
{
    if (++m_campaignList.pages > 1)
        countRequest(); // one request per page; the first was counted when the read began
    markFresh();
    const quint64 generation = campaignGeneration();
    QPointer<LiveSync> alive(this);
    for (const Campaign &campaign : page) {
        m_campaignList.seen.insert(campaign.id);
        const qint64 key = keyOf(Kind::Campaign, campaign.id);
        const CampaignRow *row = m_campaigns->row(campaign.id);
        quint8 parts = 0;
        if (!row) {
            // Shown at once, filled in after: metrics first for every row, details in a second pass.
            CampaignRow fresh;
            fresh.campaign = campaign;
            m_awaitingMetrics.insert(campaign.id);
            m_campaigns->upsert(fresh);
            parts = Entity;
        } else if (!(row->campaign == campaign)) {
            m_campaigns->upsertCampaign(campaign);
            parts = Entity | Detail;
        } else if (isActive(campaign) || !row->metrics) {
            parts = Entity; // progress moves without the list showing it
        }
        if (!alive || generation != campaignGeneration())
            return;
        // Fetched since this read began (a trigger got there first): nothing to add.
        const auto it = m_tracks.constFind(key);
        if (parts == Entity && it != m_tracks.cend() && it->entityStartMs >= m_campaignList.startedMs)
            continue;
        if (parts)
            markDirty(Kind::Campaign, campaign.id, parts, false);
        if (!alive || generation != campaignGeneration())
            return;
    }
}

void LiveSync::campaignListDone(bool ok)
{
    m_campaignList.inFlight = false;
    const quint64 generation = campaignGeneration();
    QPointer<LiveSync> alive(this);
    if (ok) {
        // Rows the list no longer has are gone, unless something fetched them after the list was read
        // (created meanwhile: the list could not know).
        for (const qint64 id : m_campaigns->ids()) {
            if (m_campaignList.seen.contains(id))
                continue;
            const qint64 key = keyOf(Kind::Campaign, id);
            const auto it = m_tracks.constFind(key);
            if (it != m_tracks.cend() && (it->inFlight || it->lastStartMs >= m_campaignList.startedMs))
                continue;
            forget(key);
            m_awaitingMetrics.remove(id);
            m_campaigns->remove(id);
            if (!alive || generation != campaignGeneration())
                return;
        }
        m_campaignListLoaded = true;
        paceResyncs();
        checkSnapshot();
        if (!alive || generation != campaignGeneration())
            return;
    } else if (!m_campaignListLoaded) {
        QTimer::singleShot(kListRetry, this, [this, generation] {
            if (generation == campaignGeneration() && !m_campaignListLoaded)
                readCampaignList();
        });
    }
    if (const auto again = std::exchange(m_campaignList.again, std::nullopt))
        readCampaignList(*again);
}

void LiveSync::paceResyncs()
{
    // A resync costs the list pages and a request per active campaign. At 10,000 campaigns that is thousands
    // of requests: periodic resyncs then come no more often than a quarter of the budget can pay for.
    if (m_settings.requestsPerSecond <= 0 || !m_resyncTimer.isActive())
        return;
    qint64 cost = (m_campaigns->rowCount() + 99) / 100;
    for (const CampaignRow &row : m_campaigns->rows())
        cost += isActive(row.campaign);
    const auto affordable = std::chrono::milliseconds(
        static_cast<qint64>(1000.0 * static_cast<double>(cost) / (m_settings.requestsPerSecond / 4)));
    const auto interval = std::max(m_settings.resyncInterval, affordable);
    if (std::chrono::milliseconds(m_resyncTimer.interval()) != interval) {
        qCInfo(lcModel) << "periodic resync every" << interval.count() / 1000 << "s (" << cost
                        << "requests each)";
        m_resyncTimer.start(interval);
    }
}

void LiveSync::readAgentList(ApiRequest::Priority priority)
{
    if (!m_running || !m_settings.agents || m_session->state() != Session::State::SignedIn)
        return;
    if (m_agentList.inFlight) {
        m_agentList.again = std::min(m_agentList.again.value_or(priority), priority);
        return;
    }
    m_agentList = {};
    m_agentList.inFlight = true;
    m_agentList.startedMs = nowMs();
    const quint64 generation = m_generation;
    track(m_client->agents(
              [this, generation](const ApiResult<QList<Agent>> &result) {
                  if (generation != m_generation)
                      return;
                  if (!result.ok())
                      report(result.error);
                  agentListDone(result.ok());
              },
              [this, generation](const QList<Agent> &page) {
                  if (generation == m_generation)
                      agentPage(page);
              },
              priority),
          Kind::Agent);
}

void LiveSync::agentPage(const QList<Agent> &page)
{
    if (++m_agentList.pages > 1)
        countRequest();
    markFresh();
    const quint64 generation = m_generation;
    QPointer<LiveSync> alive(this);
    for (const Agent &agent : page) {
        m_agentList.seen.insert(agent.id);
        m_agents->upsertAgent(agent);
        if (!alive || generation != m_generation)
            return;
        // Errors and speed cost the server dearly (48 queries per device): only when they are due.
        const auto it = m_tracks.constFind(keyOf(Kind::Agent, agent.id));
        if (it == m_tracks.cend() || it->slowAtMs < 0
            || nowMs() - it->slowAtMs >= m_settings.agentDetailsInterval.count())
            markDirty(Kind::Agent, agent.id, Slow, false);
        if (!alive || generation != m_generation)
            return;
    }
}

void LiveSync::agentListDone(bool ok)
{
    m_agentList.inFlight = false;
    const quint64 generation = m_generation;
    QPointer<LiveSync> alive(this);
    if (ok) {
        for (const qint64 id : m_agents->ids()) {
            if (m_agentList.seen.contains(id))
                continue;
            const qint64 key = keyOf(Kind::Agent, id);
            const auto it = m_tracks.constFind(key);
            if (it != m_tracks.cend() && (it->inFlight || it->lastStartMs >= m_agentList.startedMs))
                continue;
            forget(key);
            m_agents->remove(id);
            if (!alive || generation != m_generation)
                return;
        }
        m_agentListLoaded = true;
        checkSnapshot();
        if (!alive || generation != m_generation)
            return;
    } else if (!m_agentListLoaded) {
        QTimer::singleShot(kListRetry, this, [this, generation] {
            if (generation == m_generation && !m_agentListLoaded)
                readAgentList();
        });
    }
    if (const auto again = std::exchange(m_agentList.again, std::nullopt))
        readAgentList(*again);
}

void LiveSync::checkSnapshot()
{
    QPointer<LiveSync> alive(this);
    const quint64 generation = m_generation;
    if (!m_snapshotLoaded && m_campaignListLoaded && m_agentListLoaded) {
        m_snapshotLoaded = true;
        Q_EMIT snapshotLoaded();
        if (!alive || generation != m_generation)
            return;
    }
    if (m_snapshotLoaded && !m_snapshotSettled && m_awaitingMetrics.isEmpty()) {
        m_snapshotSettled = true;
        Q_EMIT snapshotSettled();
    }
}

// ---- refetches ----

void LiveSync::refetchCampaign(qint64 id, quint8 parts, ApiRequest::Priority priority)
{
    const Track &t = m_tracks[keyOf(Kind::Campaign, id)];
    auto chain = std::make_shared<CampaignChain>();
    chain->id = id;
    chain->generation = campaignGeneration();
    chain->priority = priority;
    const CampaignRow *shown = m_campaigns->row(id);
    chain->hadRow = shown != nullptr;
    // A row not shown yet needs all it shows; progress and ETAs need the attack ids from a detail.
    chain->detailAsked = (parts & Detail) || !chain->hadRow || ((parts & Slow) && !t.attacksKnown);
    chain->metricsAsked = (parts & Entity) || !chain->hadRow;
    chain->slowWanted = parts & Slow;
    const bool slowNow = chain->slowWanted && !chain->detailAsked && shown && isActive(shown->campaign);
    const QList<qint64> knownAttacks = t.attackIds;

    const auto done = [this, chain] {
        if (--chain->pending == 0)
            applyCampaign(chain);
    };
    const auto startSlow = [this, chain, done](const QList<qint64> &attackIds) {
        chain->slowStarted = true;
        chain->pending += 1 + static_cast<int>(attackIds.size());
        if (chain->underway) // started by the detail's answer: startChain could not count these
            spend(chain->priority == ApiRequest::Priority::Low ? kBackground : kTrigger,
                  1 + static_cast<quint64>(attackIds.size()));
        track(m_client->campaignProgress(
                  chain->id,
                  [this, chain, done](const ApiResult<CampaignProgress> &progress) {
                      if (chain->generation != campaignGeneration())
                          return;
                      if (progress.ok())
                          chain->activeAgents = progress.value.activeAgents;
                      else if (progress.error.httpStatus != 404)
                          report(progress.error);
                      done();
                  },
                  chain->priority),
              Kind::Campaign);
        for (const qint64 attackId : attackIds) {
            track(m_client->attackPerformance(
                      attackId,
                      [this, chain, done](const ApiResult<AttackPerformance> &performance) {
                          if (chain->generation != campaignGeneration())
                              return;
                          // The estimate: the remaining seconds of every attack that reports one.
                          if (performance.ok() && performance.value.etaSeconds)
                              chain->eta = chain->eta.value_or(0) + *performance.value.etaSeconds;
                          if (performance.ok())
                              chain->speed = chain->speed.value_or(0) + performance.value.hashesPerSecond;
                          done();
                      },
                      chain->priority),
                  Kind::Campaign);
        }
    };

    chain->pending = 1; // held until every request is under way, so an early answer cannot apply a half
    if (chain->detailAsked) {
        ++chain->pending;
        track(m_client->campaignDetail(
                  id,
                  [this, chain, done, startSlow](const ApiResult<CampaignDetail> &detail) {
                      if (chain->generation != campaignGeneration())
                          return;
                      if (!detail.ok()) {
                          if (detail.error.httpStatus == 404)
                              chain->gone = true;
                          else
                              report(detail.error);
                      } else {
                          const Campaign &campaign = detail.value.campaign;
                          // Not (or no longer) in the list the server would give.
                          if (campaign.projectId != m_session->projectId()
                              || campaign.state == QLatin1String("archived") || campaign.unavailable) {
                              chain->gone = true;
                          } else {
                              chain->campaign = campaign;
                              chain->attackCount = detail.value.attacks.size();
                              for (const AttackSummary &attack : detail.value.attacks)
                                  chain->attackIds.append(attack.id);
                              if (chain->slowWanted && isActive(campaign))
                                  startSlow(chain->attackIds);
                          }
                      }
                      done();
                  },
                  priority),
              Kind::Campaign);
    }
    if (chain->metricsAsked) {
        ++chain->pending;
        track(m_client->campaignMetrics(
                  id,
                  [this, chain, done](const ApiResult<CampaignMetrics> &metrics) {
                      if (chain->generation != campaignGeneration())
                          return;
                      if (metrics.ok())
                          chain->metrics = metrics.value;
                      else if (metrics.error.httpStatus == 404)
                          chain->gone = true;
                      else
                          report(metrics.error);
                      done();
                  },
                  priority),
              Kind::Campaign);
    }
    if (slowNow)
        startSlow(knownAttacks);
    chain->underway = true;
    done();
}

void LiveSync::applyCampaign(const std::shared_ptr<CampaignChain> &chain)
{
    const qint64 key = keyOf(Kind::Campaign, chain->id);
    const quint64 generation = chain->generation;
    QPointer<LiveSync> alive(this);
    if (chain->metricsAsked)
        m_awaitingMetrics.remove(chain->id); // tried: a failure is reported, and the snapshot settles anyway
    if (chain->gone) {
        const bool shown = m_campaigns->row(chain->id) != nullptr;
        finishChain(key, generation);
        if (!alive || generation != campaignGeneration())
            return;
        forget(key);
        if (shown)
            m_campaigns->remove(chain->id);
        if (alive && generation == campaignGeneration())
            checkSnapshot();
        return;
    }
    auto it = m_tracks.find(key);
    if (it != m_tracks.end()) {
        if (chain->campaign) {
            it->attacksKnown = true;
            it->attackIds = chain->attackIds;
        }
        if (chain->slowStarted)
            it->slowAtMs = it->lastStartMs;
    }
    // Merged into the row as it is now. A row that left the table meanwhile (a list read, a 404) stays out;
    // a new one comes in only with its detail (which says it is of our project).
    const CampaignRow *current = m_campaigns->row(chain->id);
    std::optional<CampaignRow> merged;
    if (current)
        merged = *current;
    else if (!chain->hadRow && chain->campaign)
        merged = CampaignRow{};
    if (merged) {
        CampaignRow &row = *merged;
        if (chain->campaign) {
            row.campaign = *chain->campaign;
            row.attackCount = chain->attackCount;
        }
        if (chain->metrics)
            row.metrics = chain->metrics;
        if (chain->slowStarted) {
            if (chain->activeAgents)
                row.activeAgents = chain->activeAgents;
            row.etaSeconds = chain->eta;
            row.etaAt = chain->eta ? std::optional(QDateTime::currentDateTimeUtc()) : std::nullopt;
            row.hashesPerSecond = chain->speed;
        }
        if (!isActive(row.campaign)) {
            // A campaign that is not running has no agents on it and no ETA: its metrics are all there is.
            row.activeAgents = 0;
            row.etaSeconds.reset();
            row.etaAt.reset();
            row.hashesPerSecond.reset();
        }
        markFresh();
        m_campaigns->upsert(row);
        if (!alive || generation != campaignGeneration())
            return;
    }
    finishChain(key, generation);
    if (!alive || generation != campaignGeneration())
        return;
    it = m_tracks.find(key);
    const CampaignRow *row = m_campaigns->row(chain->id);
    if (it != m_tracks.end() && row) {
        const bool active = isActive(row->campaign);
        if (!it->attacksKnown && !chain->detailAsked) {
            // The first pass of a snapshot fetched metrics only: details (attacks, agents, ETA) follow in the
            // background.
            markDirty(Kind::Campaign, chain->id, Detail | (active ? Slow : 0), false);
        } else if (active && it->attacksKnown && chain->priority == ApiRequest::Priority::Normal
                   && !chain->slowStarted && slowDue(*it)) {
            // A task report moved it: its progress and ETAs follow, in the background, when they are due.
            markDirty(Kind::Campaign, chain->id, Slow, false);
        }
        if (!alive || generation != campaignGeneration())
            return;
    }
    checkSnapshot();
}

void LiveSync::refetchAgent(qint64 id, quint8 parts, ApiRequest::Priority priority)
{
    const qint64 key = keyOf(Kind::Agent, id);
    const quint64 generation = m_generation;
    auto pending = std::make_shared<int>(1);
    auto detailsStarted = std::make_shared<bool>(false);
    const auto done = [this, key, generation, pending] {
        if (--*pending == 0)
            finishChain(key, generation);
    };
    const auto details = [this, id, priority, pending, done, detailsStarted] {
        *detailsStarted = true;
        refetchAgentDetails(id, priority, pending, done);
    };
    if (parts & Entity) {
        ++*pending;
        track(m_client->agent(
                  id,
                  [this, id, key, generation, done, details, detailsStarted](const ApiResult<Agent> &result) {
                      if (generation != m_generation)
                          return;
                      QPointer<LiveSync> alive(this);
                      if (result.ok()) {
                          markFresh();
                          const AgentRow *before = m_agents->row(id);
                          const bool becameError =
                              result.value.state == QLatin1String("error")
                              && (!before || before->agent.state != QLatin1String("error"));
                          m_agents->upsertAgent(result.value);
                          if (!alive || generation != m_generation)
                              return;
                          if (becameError && !*detailsStarted)
                              details(); // the error that put it there
                      } else if (result.error.httpStatus == 404) {
                          forget(key);
                          m_agents->remove(id);
                          if (!alive || generation != m_generation)
                              return;
                      } else {
                          report(result.error);
                      }
                      done();
                  },
                  priority),
              Kind::Agent);
    }
    if (parts & Slow)
        details();
    done();
}

void LiveSync::refetchAgentDetails(qint64 id, ApiRequest::Priority priority,
                                   const std::shared_ptr<int> &pending, const std::function<void()> &done)
{
    const quint64 generation = m_generation;
    const qint64 key = keyOf(Kind::Agent, id);
    if (auto it = m_tracks.find(key); it != m_tracks.end())
        it->slowAtMs = nowMs();
    *pending += 2;
    track(m_client->agentErrors(
              id,
              [this, generation, id, done](const ApiResult<QList<AgentError>> &errors) {
                  if (generation != m_generation)
                      return;
                  QPointer<LiveSync> alive(this);
                  if (errors.ok() && m_agents->row(id)) {
                      AgentRow row = *m_agents->row(id);
                      row.latestError = errors.value.isEmpty()
                                            ? std::nullopt
                                            : std::optional<QString>(errors.value.first().message);
                      m_agents->upsert(row);
                      if (!alive || generation != m_generation)
                          return;
                  } else if (!errors.ok()) {
                      report(errors.error);
                  }
                  done();
              },
              priority),
          Kind::Agent);
    track(m_client->agentPerformance(
              id,
              [this, generation, id, done](const ApiResult<QList<DevicePerformance>> &series) {
                  if (generation != m_generation)
                      return;
                  QPointer<LiveSync> alive(this);
                  if (series.ok() && m_agents->row(id)) {
                      // The latest non-zero bucket of each device, summed: the nearest thing to a current
                      // speed.
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
                      if (!alive || generation != m_generation)
                          return;
                  } else if (!series.ok() && series.error.httpStatus != 404) {
                      report(series.error);
                  }
                  done();
              },
              priority),
          Kind::Agent);
}

// ---- status ----

void LiveSync::updateStatus()
{
    Status status;
    QStringList problems;
    int live = 0;
    int present = 0;
    const Session::State session = m_session->state();
    bool connecting = false;
    for (int i = 0; i < 3; ++i) {
        if (static_cast<Feed>(i) == Feed::Agents && !m_settings.agents)
            continue;
        const SseConnection &feed = *m_feeds[static_cast<size_t>(i)];
        ++present;
        const SseConnection::State state = feed.state();
        if (state == SseConnection::State::Live) {
            ++live;
            continue;
        }
        connecting = connecting || state == SseConnection::State::Connecting;
        const QString name = feedKey(static_cast<Feed>(i));
        QString what = SseConnection::stateName(state);
        QString why = feed.reason();
        if (state == SseConnection::State::Unauthorized && session == Session::State::SignedIn) {
            // Refused, but the session has a token to refresh: this heals by itself.
            what = SseConnection::stateName(SseConnection::State::Reconnecting);
            why = m_refreshRetry.isActive()
                      ? tr("the token could not be refreshed; next try in %1 s")
                            .arg(std::max(1, (m_refreshRetry.remainingTime() + 999) / 1000))
                      : tr("refreshing the token");
        }
        problems.append(why.isEmpty() ? tr("%1: %2").arg(name, what)
                                      : tr("%1: %2 (%3)").arg(name, what, why));
    }
    if (!m_running) {
        status = Status::Disconnected;
        problems = QStringList{tr("stopped")};
    } else if (session == Session::State::Unauthorized) {
        // Said once, in words that say what to do; the endpoint that noticed is in the log.
        status = Status::Unauthorized;
        problems = QStringList{tr("session expired: sign in again")};
    } else if (session == Session::State::SignedOut) {
        status = Status::Unauthorized;
        problems = QStringList{tr("not signed in")};
    } else if (present > 0 && live == present) {
        status = Status::Live;
    } else if (live > 0) {
        status = Status::Degraded;
    } else if (connecting && !m_lastLiveAt.isValid()) {
        status = Status::Connecting;
    } else {
        status = Status::Disconnected;
    }
    const QString reason = problems.join(QStringLiteral("; "));
    if (status == Status::Live)
        m_lastLiveAt = QDateTime::currentDateTimeUtc();
    if (status == m_status && reason == m_statusReason)
        return;
    const bool entered = status != m_status;
    m_status = status;
    m_statusReason = reason;
    qCInfo(lcModel).noquote() << "status:" << statusName(status) << reason;
    const QPointer<LiveSync> alive(this); // a slot may delete this LiveSync (its owner reacting to the news)
    Q_EMIT statusChanged(status);
    if (entered && alive)
        Q_EMIT statusEntered(status);
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

QString LiveSync::feedKey(Feed feed)
{
    return QString::fromLatin1(kFeedPaths[static_cast<size_t>(feed)]).section(QLatin1Char('/'), -1);
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

} // namespace swarmwatch
