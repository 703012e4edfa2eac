#pragma once

#include "LiveSyncSettings.h"
#include "SseConnection.h"
#include "Toast.h"

#include <QDateTime>
#include <QObject>
#include <QPointer>
#include <QSet>
#include <QTimer>

#include <array>
#include <memory>

class QNetworkAccessManager;

namespace swarmwatch {

class AgentModel;
class CampaignModel;
class CipherSwarmClient;
class NetworkReachability;
class Session;

// Keeps the campaign and agent models equal to the server's truth. The feeds are hints: each trigger marks an
// id dirty, dirty ids are refetched over REST in coalesced windows (one request chain in flight per id), a
// 404 removes the row, and every (re)connect of a feed resyncs what it covers, because the server drops
// events when a listener lags and replays nothing. A slow periodic resync catches changes that announce
// nothing.
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

    Status status() const { return m_status; }
    QString statusReason() const { return m_statusReason; }
    QDateTime lastLiveAt() const { return m_lastLiveAt; }
    bool isStale() const { return m_stale; }
    bool isSnapshotLoaded() const { return m_snapshotLoaded; }
    SseConnection::State feedState(Feed feed) const;
    const SseConnection *feed(Feed feed) const;
    quint64 requestsIssued() const { return m_requests; }
    bool isIdle() const; // nothing dirty, nothing in flight

    static QString statusName(Status status);
    static QString feedStateName(SseConnection::State state);

Q_SIGNALS:
    void statusChanged(swarmwatch::LiveSync::Status status);
    void feedStateChanged(swarmwatch::LiveSync::Feed feed, swarmwatch::SseConnection::State state);
    void staleChanged(bool stale);
    void snapshotLoaded();
    void toastReceived(const swarmwatch::Toast &toast);
    void error(const QString &message); // a REST failure worth showing (not 404s, which remove rows)

private:
    void handleEvent(Feed feed, const SseEvent &event);
    void handleFeedState(Feed feed);
    void markCampaignDirty(qint64 id);
    void markAgentDirty(qint64 id);
    void scheduleFlush();
    void flush();
    void refreshCampaignList(bool markAllDirty);
    void refreshAgentList(bool withDetails);
    void refetchCampaign(qint64 id, bool full);
    void refetchAgent(qint64 id);
    void refetchAgentDetails(qint64 id);
    void finishCampaign(qint64 id);
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

    bool m_running = false;
    bool m_snapshotLoaded = false;
    bool m_campaignListLoaded = false;
    bool m_agentListLoaded = false;
    bool m_campaignListWanted = false;
    bool m_agentListWanted = false;
    bool m_campaignListInFlight = false;
    bool m_agentListInFlight = false;
    QSet<qint64> m_dirtyCampaigns;
    QSet<qint64> m_campaignsInFlight;
    QSet<qint64> m_fullRefetch; // dirtied by a trigger, not only by a resync
    QSet<qint64> m_dirtyAgents;
    QSet<qint64> m_agentsInFlight;
    quint64 m_generation = 0;         // bumped by start() and stop(): late answers are dropped
    quint64 m_campaignGeneration = 0; // bumped by project switches, for campaign answers
    quint64 campaignGeneration() const { return m_generation << 32 | m_campaignGeneration; }

    QTimer m_flushTimer;
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
