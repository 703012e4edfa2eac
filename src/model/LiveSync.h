#pragma once

#include "ApiRequest.h"
#include "LiveSyncSettings.h"
#include "SseConnection.h"
#include "SyncError.h"
#include "Toast.h"

#include <QDateTime>
#include <QElapsedTimer>
#include <QHash>
#include <QObject>
#include <QPointer>
#include <QSet>
#include <QTimer>

#include <array>
#include <deque>
#include <memory>

class QNetworkAccessManager;

namespace swarmwatch {

class AgentModel;
class ApiCall;
class CampaignModel;
class CipherSwarmClient;
class ErrorAggregator;
class NetworkReachability;
class Session;
struct Agent;
struct Campaign;

// Keeps the campaign and agent models equal to the server's truth. The feeds are hints: each trigger marks an
// id dirty, and dirty ids are refetched over REST (one request chain in flight per id) within a request
// budget; a 404 removes the row, and every reconnect of a feed resyncs what it covers, because the server
// drops events when a listener lags and replays nothing. A slow periodic resync catches changes that announce
// nothing.
//
// Scheduling, in order: list pages (the snapshot and resyncs fill the model page by page), then trigger
// refetches (first dirtied, first fetched; an id quiet for a coalescing window goes at once), then background
// work (a resync's metrics, a snapshot's details), which still gets one chain in four so that it never
// starves. A resync skips every id fetched since it began.
//
// Safe to own from a GUI: start(), stop() and the destructor may be called at any moment, also from a slot
// connected to one of its own signals or to a model's; calls in flight are cancelled, feeds are closed (and
// deleted once they have returned, when that happens inside one of their signals). The models must outlive
// it.
class LiveSync : public QObject
{
    Q_OBJECT

public:
    enum class Feed { Campaigns, Agents, Toasts };
    Q_ENUM(Feed)
    enum class Status { Connecting, Live, Degraded, Disconnected, Unauthorized };
    Q_ENUM(Status)

    LiveSync(CipherSwarmClient *client, QNetworkAccessManager *network, NetworkReachability *reachability,
             CampaignModel *campaigns, AgentModel *agents, QObject *parent = nullptr);
    ~LiveSync() override;

    void setSettings(const LiveSyncSettings &settings);
    const LiveSyncSettings &settings() const { return m_settings; }

    void start();
    void stop();
    void resyncNow();
    // Skips a feed's reconnect wait (also leaves Failed or Unauthorized); every feed when none is named.
    void reconnectNow(std::optional<Feed> feed = std::nullopt);

    Status status() const { return m_status; }
    QString statusReason() const { return m_statusReason; }
    QDateTime lastLiveAt() const { return m_lastLiveAt; }
    QDateTime lastFreshAt() const { return m_lastFreshAt; } // the last time the server's data arrived
    bool isStale() const { return m_stale; }
    // Every row is listed (the lists have been read once); metrics may still be filling in.
    bool isSnapshotLoaded() const { return m_snapshotLoaded; }
    // And every listed row has its metrics.
    bool isSnapshotSettled() const { return m_snapshotSettled; }
    // Settled, and the background work after it (progress, ETAs) done too: a picture worth printing.
    bool isSnapshotComplete() const { return m_snapshotSettled && isIdle(); }
    SseConnection::State feedState(Feed feed) const;
    // The same object for the life of this LiveSync (created in the constructor; the agents feed stays
    // closed without settings.agents).
    const SseConnection *feed(Feed feed) const;
    quint64 requestsIssued() const { return m_requests; }
    // The periodic resync's interval now: the setting's, or longer on a large server (see paceResyncs()).
    std::chrono::milliseconds resyncInterval() const
    {
        return std::chrono::milliseconds(m_resyncTimer.interval());
    }
    // When the next periodic resync (which also retries a list that failed) is due; invalid when stopped.
    QDateTime nextResyncAt() const
    {
        return m_resyncTimer.isActive()
                   ? QDateTime::currentDateTimeUtc().addMSecs(m_resyncTimer.remainingTime())
                   : QDateTime();
    }
    bool isIdle() const; // nothing dirty, nothing in flight
    int pendingRefetches() const;

    static QString statusName(Status status);
    // The feed's name as its URL ends and as machine-readable output writes it: "campaigns", "agents",
    // "toasts".
    static QString feedKey(Feed feed);

Q_SIGNALS:
    // The status or its reason changed (a feed moved on): for what shows the state now.
    void statusChanged(swarmwatch::LiveSync::Status status);
    // The status became another one, not only its reason: for what keeps a history (the Activity view, the
    // journal), which would otherwise fill with a line per feed step during an outage.
    void statusEntered(swarmwatch::LiveSync::Status status);
    void feedStateChanged(swarmwatch::LiveSync::Feed feed, swarmwatch::SseConnection::State state);
    void staleChanged(bool stale);
    void snapshotLoaded();
    void snapshotSettled();
    void toastReceived(const swarmwatch::Toast &toast);
    // A REST failure worth showing (not 404s, which remove rows, nor refusals of the token, which the status
    // says), folded: the first at once, then one summary of its repeats.
    void error(const swarmwatch::SyncError &error);

private:
    enum class Kind : quint8 { Campaign, Agent };
    enum Part : quint8 {
        Entity = 1, // campaign metrics (the moving part) / the agent itself
        Detail = 2, // campaign detail: the campaign and its attacks
        Slow = 4,   // campaign progress and attack ETAs / agent errors and speed
    };
    enum class Queue : quint8 { None, First, Trigger, Background, Deferred };
    // Classes of work, in the order they go first: a snapshot's first pass (rows without metrics), trigger
    // refetches, background work (resyncs, details, progress and ETAs).
    static constexpr int kFirst = 0, kTrigger = 1, kBackground = 2, kClasses = 3;
    struct Track {
        quint8 need = 0;
        Queue queued = Queue::None;
        bool inFlight = false;
        bool triggered = false; // the pending need came from a trigger
        qint64 lastStartMs = -1;
        qint64 entityStartMs = -1; // the last chain that fetched the moving part: the coalescing window
        qint64 slowAtMs = -1;
        qint64 backgroundAfterMs = 0; // a background entry is void once a chain started after this
        bool attacksKnown = false;
        QList<qint64> attackIds;
    };
    struct ListRead {
        bool inFlight = false;
        std::optional<ApiRequest::Priority> again; // read once more when this one is back
        qint64 startedMs = 0;
        int pages = 0;
        QSet<qint64> seen;
    };
    struct CampaignChain;

    static qint64 keyOf(Kind kind, qint64 id) { return id * 2 + static_cast<qint64>(kind); }
    static Kind kindOf(qint64 key) { return static_cast<Kind>(key & 1); }
    static qint64 idOf(qint64 key) { return key >> 1; }
    qint64 nowMs() const { return m_clock.elapsed(); }
    quint64 campaignGeneration() const { return m_generation << 32 | m_campaignGeneration; }

    void handleEvent(Feed feed, const SseEvent &event);
    void handleFeedState(Feed feed);
    void handleFeedUnauthorized(Feed feed);
    void refreshToken();
    void reopenRefusedFeeds();
    void closeFeeds();

    void markDirty(Kind kind, qint64 id, quint8 parts, bool trigger);
    void enqueue(qint64 key, Track &track, bool trigger);
    void promoteDeferred();
    void pump();
    std::optional<std::pair<qint64, int>> nextWork(); // a key and its class of work
    void spend(int workClass, quint64 requests);
    void startChain(qint64 key, int workClass);
    void finishChain(qint64 key, quint64 generation);
    void forget(qint64 key);

    // The snapshot's lists go before everything; a resync's after trigger refetches (Low); a trigger's own
    // request for the list (an event without id) with the triggers (Normal).
    void readCampaignList(ApiRequest::Priority priority = ApiRequest::Priority::High);
    void campaignPage(const QList<Campaign> &page);
    void campaignListDone(bool ok);
    void readAgentList(ApiRequest::Priority priority = ApiRequest::Priority::High);
    void agentPage(const QList<Agent> &page);
    void agentListDone(bool ok);
    void checkSnapshot();
    void paceResyncs();

    void refetchCampaign(qint64 id, quint8 parts, ApiRequest::Priority priority);
    void applyCampaign(const std::shared_ptr<CampaignChain> &chain);
    void refetchAgent(qint64 id, quint8 parts, ApiRequest::Priority priority);
    void refetchAgentDetails(qint64 id, ApiRequest::Priority priority, const std::shared_ptr<int> &pending,
                             const std::function<void()> &done);
    bool slowDue(const Track &track) const;

    ApiCall *track(ApiCall *call, Kind kind);
    void cancelCalls(std::optional<Kind> kind);
    void report(const ApiError &error);
    void updateStatus();
    void markFresh();
    void checkStale();
    void countRequest() { ++m_requests; }

    CipherSwarmClient *m_client;
    Session *m_session;
    QNetworkAccessManager *m_network;
    QPointer<NetworkReachability> m_reachability;
    CampaignModel *m_campaigns;
    AgentModel *m_agents;
    LiveSyncSettings m_settings;
    std::array<std::unique_ptr<SseConnection>, 3> m_feeds;
    std::array<bool, 3> m_feedWasLive{};
    std::array<int, 3> m_feedRefusals{}; // 401/403 in a row while the token refreshes fine
    std::array<QTimer, 3> m_feedReopen;  // the backed-off reopen after such refusals
    int m_feedDispatch = 0;              // > 0 while inside a feed's signal: feeds may not be deleted now
    std::unique_ptr<ErrorAggregator> m_errors;
    QElapsedTimer m_clock;

    bool m_running = false;
    bool m_snapshotLoaded = false;
    bool m_snapshotSettled = false;
    bool m_campaignListLoaded = false;
    bool m_agentListLoaded = false;
    ListRead m_campaignList;
    ListRead m_agentList;
    QSet<qint64> m_awaitingMetrics; // listed rows without their first metrics (for snapshotSettled)

    QHash<qint64, Track> m_tracks;
    std::array<std::deque<qint64>, kClasses> m_queues;
    std::deque<std::pair<int, quint64>> m_recent; // (class, requests) of the last chains started
    std::array<quint64, kClasses> m_recentSpent{};
    QSet<qint64> m_deferred;
    QTimer m_deferTimer;
    int m_chains = 0;
    QSet<qint64> m_backgroundInFlight; // keys of the background chains in flight
    QHash<ApiCall *, Kind> m_calls;
    QPointer<ApiCall> m_refreshCall;
    QTimer m_refreshRetry;
    int m_refreshFailures = 0;

    quint64 m_generation = 0;         // bumped by start() and stop(): late answers are dropped
    quint64 m_campaignGeneration = 0; // bumped by project switches, for campaign answers

    QTimer m_resyncTimer;
    QTimer m_staleTimer;
    QTimer m_onlineTimer;
    Status m_status = Status::Disconnected;
    QString m_statusReason;
    QDateTime m_lastLiveAt;
    QDateTime m_lastFreshAt;
    bool m_stale = false;
    quint64 m_requests = 0;
};

} // namespace swarmwatch
