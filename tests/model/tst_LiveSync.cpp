// LiveSync against the simulated CipherSwarm over real sockets: the models must end equal to the simulator.
#include "AgentModel.h"
#include "ApiTransport.h"
#include "CampaignModel.h"
#include "CipherSwarmClient.h"
#include "LiveSync.h"
#include "Session.h"
#include "SimServer.h"

#include <QAbstractItemModelTester>
#include <QElapsedTimer>
#include <QNetworkAccessManager>
#include <QSignalSpy>
#include <QTest>

using namespace swarmwatch;
using namespace swarmwatch::sim;
using namespace std::chrono_literals;

class TestLiveSync : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void init()
    {
        SimServer::Options options;
        options.world.campaigns = 30;
        options.world.agents = 8;
        options.ticksPerSecond = 0;
        options.pingInterval = 1000ms;
        m_sim = std::make_unique<SimServer>(options);
        QVERIFY(m_sim->start());
        m_network = std::make_unique<QNetworkAccessManager>();
        m_transport = std::make_unique<ApiTransport>(m_network.get());
        m_session = std::make_unique<Session>(m_transport.get());
        m_session->setServer(m_sim->url());
        m_client = std::make_unique<CipherSwarmClient>(m_session.get());
        m_campaigns = std::make_unique<CampaignModel>();
        m_agents = std::make_unique<AgentModel>();
        m_campaignTester = std::make_unique<QAbstractItemModelTester>(
            m_campaigns.get(), QAbstractItemModelTester::FailureReportingMode::QtTest);
        m_agentTester = std::make_unique<QAbstractItemModelTester>(
            m_agents.get(), QAbstractItemModelTester::FailureReportingMode::QtTest);
        m_sync = std::make_unique<LiveSync>(m_client.get(), m_network.get(), nullptr, m_campaigns.get(),
                                            m_agents.get());
        LiveSyncSettings settings;
        settings.coalesceWindow = 50ms;
        settings.resyncInterval = 60000ms;
        settings.feed.initialRetryDelay = 50ms;
        settings.feed.maxRetryDelay = 200ms;
        settings.feed.idleTimeout = 3000ms;
        m_sync->setSettings(settings);

        std::optional<ApiResult<QByteArray>> login;
        m_session->login(QString::fromLatin1(SimWorld::kDemoEmail),
                         QString::fromLatin1(SimWorld::kDemoPassword),
                         [&login](const ApiResult<QByteArray> &r) { login = r; });
        QTRY_VERIFY_WITH_TIMEOUT(login.has_value(), 5000);
        QVERIFY(login->ok());
    }
    void cleanup()
    {
        m_sync.reset();
        m_campaignTester.reset();
        m_agentTester.reset();
        m_campaigns.reset();
        m_agents.reset();
        m_client.reset();
        m_session.reset();
        m_transport.reset();
        m_network.reset();
        m_sim.reset();
    }

    void snapshotThenLive();
    void triggersRefetchAndRemove();
    void otherProjectsAreIgnored();
    void reconnectResyncsWhatWasMissed();
    void toastsAreRedacted();
    void statusFollowsTheFeeds();
    void projectSwitchStartsClean();
    void silenceMakesItStale();
    void leadingEdgeThenOneTrailingRefetch();
    void snapshotFoldsTriggersUnderAStorm();
    void triggerShowsMetricsAtOnceAndEtasAfter();
    void resyncsArePacedByTheBudget();
    void budgetBoundsTheRequestRate();
    void movedCampaignLeavesOnItsTrigger();
    void repeatedFailuresAreFolded();
    void failedRefreshIsRetried();
    void refusedFeedBacksOffWhileRefreshWorks();
    void expiredTokenIsNoticedAtExpiry();
    void stopReportsAndFeedsAreStable();
    void serverChangeStops();
    void lifetimeFromOwnSignals_data();
    void lifetimeFromOwnSignals();

private:
    // The model equals the simulator's truth for the active project.
    bool campaignsMatch()
    {
        const auto truth = m_sim->world().listedCampaigns(m_session->projectId().value_or(1));
        if (truth.size() != m_campaigns->rowCount())
            return false;
        for (const SimCampaign *c : truth) {
            const CampaignRow *row = m_campaigns->row(c->id);
            if (!row || row->campaign.name != c->name || row->campaign.state != c->state
                || row->campaign.priority != c->priority || !row->metrics
                || row->metrics->crackedHashes != c->crackedHashes
                || row->metrics->progressPercent != m_sim->world().campaignProgress(*c))
                return false;
        }
        return true;
    }
    bool agentsMatch()
    {
        const auto truth = m_sim->world().agents();
        if (truth.size() != m_agents->rowCount())
            return false;
        for (const SimAgent *a : truth) {
            const AgentRow *row = m_agents->row(a->id);
            if (!row || row->agent.state != a->state || row->agent.enabled != a->enabled)
                return false;
        }
        return true;
    }
    void startAndSettle()
    {
        QSignalSpy snapshot(m_sync.get(), &LiveSync::snapshotLoaded);
        m_sync->start();
        QVERIFY(snapshot.wait(5000));
        QTRY_COMPARE_WITH_TIMEOUT(m_sync->status(), LiveSync::Status::Live, 5000);
        QTRY_VERIFY_WITH_TIMEOUT(m_sync->isIdle() && campaignsMatch() && agentsMatch(), 10000);
    }

    std::unique_ptr<SimServer> m_sim;
    std::unique_ptr<QNetworkAccessManager> m_network;
    std::unique_ptr<ApiTransport> m_transport;
    std::unique_ptr<Session> m_session;
    std::unique_ptr<CipherSwarmClient> m_client;
    std::unique_ptr<CampaignModel> m_campaigns;
    std::unique_ptr<AgentModel> m_agents;
    std::unique_ptr<QAbstractItemModelTester> m_campaignTester;
    std::unique_ptr<QAbstractItemModelTester> m_agentTester;
    std::unique_ptr<LiveSync> m_sync;
};

void TestLiveSync::snapshotThenLive()
{
    startAndSettle();
    if (QTest::currentTestFailed())
        return;
    QCOMPARE(m_session->projectId(), std::optional<qint64>(1)); // the server's default project
    const CampaignRow *row = m_campaigns->row(m_sim->world().listedCampaigns(1).first()->id);
    QVERIFY(row->attackCount.value_or(0) > 0);
    QVERIFY(row->activeAgents.has_value());
    QTRY_VERIFY_WITH_TIMEOUT(m_agents->row(1)->currentSpeed.has_value(), 5000);
}

void TestLiveSync::triggersRefetchAndRemove()
{
    startAndSettle();
    if (QTest::currentTestFailed())
        return;
    QSignalSpy reset(m_campaigns.get(), &QAbstractItemModel::modelReset);
    const qint64 id = m_sim->world().listedCampaigns(1).first()->id;
    m_sim->world().renameCampaign(id, QStringLiteral("Renamed live"));
    QTRY_COMPARE_WITH_TIMEOUT(m_campaigns->row(id)->campaign.name, QStringLiteral("Renamed live"), 5000);
    const int created = m_sim->world().createCampaign(1, QStringLiteral("Brand new"));
    QTRY_VERIFY_WITH_TIMEOUT(m_campaigns->row(created) && m_campaigns->row(created)->metrics, 5000);
    m_sim->world().archiveCampaign(id);
    QTRY_VERIFY_WITH_TIMEOUT(!m_campaigns->row(id), 5000);
    // Removed without any event: only a 404 after some trigger reveals it, here a task report on it.
    const qint64 victim = m_sim->world().listedCampaigns(1).last()->id;
    m_sim->world().removeCampaignSilently(victim);
    QVERIFY(m_campaigns->row(victim));
    m_sim->world()
        .tick(); // task reports announce every active campaign, the removed one is refetched if shown
    m_sync->resyncNow();
    QTRY_VERIFY_WITH_TIMEOUT(!m_campaigns->row(victim), 5000);
    m_sim->world().reportAgentError(2, QStringLiteral("Device lost"), QStringLiteral("critical"));
    QTRY_COMPARE_WITH_TIMEOUT(m_agents->row(2)->agent.state, QStringLiteral("error"), 5000);
    QTRY_COMPARE_WITH_TIMEOUT(m_agents->row(2)->latestError.value_or(QString()),
                              QStringLiteral("Device lost"), 5000);
    QTRY_VERIFY_WITH_TIMEOUT(m_sync->isIdle() && campaignsMatch() && agentsMatch(), 10000);
    QCOMPARE(reset.size(), 0);
}

void TestLiveSync::otherProjectsAreIgnored()
{
    startAndSettle();
    if (QTest::currentTestFailed())
        return;
    // Progress and ETAs not due: a campaign's own event costs its detail and its metrics.
    LiveSyncSettings settings = m_sync->settings();
    settings.quickSlowRefreshInterval = settings.slowRefreshInterval = 600000ms;
    m_sync->setSettings(settings);
    const quint64 before = m_sync->requestsIssued();
    const qint64 other = m_sim->world().listedCampaigns(2).first()->id;
    m_sim->world().renameCampaign(other, QStringLiteral("Not ours")); // announced with project_id 2
    m_sim->world().setPriority(other, 1);
    const qint64 ours = m_sim->world().listedCampaigns(1).first()->id;
    m_sim->world().setPriority(ours, 77); // and one of ours, to know when the events have been handled
    QTRY_COMPARE_WITH_TIMEOUT(m_campaigns->row(ours)->campaign.priority, 77, 5000);
    QTRY_VERIFY_WITH_TIMEOUT(m_sync->isIdle(), 5000);
    QVERIFY(!m_campaigns->row(other));
    // Only our campaign was refetched: detail and metrics.
    QCOMPARE(m_sync->requestsIssued() - before, quint64(2));
}

void TestLiveSync::reconnectResyncsWhatWasMissed()
{
    startAndSettle();
    if (QTest::currentTestFailed())
        return;
    // While the feeds are stalled every announcement is lost; after the watchdog reconnects, the resync
    // must bring the models back to the truth.
    m_sim->stallFeeds(true);
    const qint64 id = m_sim->world().listedCampaigns(1).first()->id;
    m_sim->world().renameCampaign(id, QStringLiteral("Changed in the dark"));
    m_sim->world().agentShutdown(3); // announces nothing at all
    QTRY_VERIFY_WITH_TIMEOUT(m_sync->status() != LiveSync::Status::Live, 8000);
    m_sim->stallFeeds(false);
    m_sim->dropFeeds(); // the stalled connections are gone for good; the client reconnects
    QTRY_COMPARE_WITH_TIMEOUT(m_sync->status(), LiveSync::Status::Live, 10000);
    QTRY_VERIFY_WITH_TIMEOUT(m_sync->isIdle() && campaignsMatch() && agentsMatch(), 10000);
    QCOMPARE(m_campaigns->row(id)->campaign.name, QStringLiteral("Changed in the dark"));
    QCOMPARE(m_agents->row(3)->agent.state, QStringLiteral("stopped"));
}

void TestLiveSync::toastsAreRedacted()
{
    startAndSettle();
    if (QTest::currentTestFailed())
        return;
    QSignalSpy toasts(m_sync.get(), &LiveSync::toastReceived);
    for (int i = 0; i < 40 && toasts.isEmpty(); ++i) {
        m_sim->world().tick(); // cracks arrive at random, one tick in ten per campaign
        QTest::qWait(20);
    }
    QTRY_VERIFY_WITH_TIMEOUT(!toasts.isEmpty(), 5000);
    const Toast toast = toasts.first().first().value<Toast>();
    QVERIFY2(toast.redacted.startsWith(QStringLiteral("\U0001F389 Hash cracked by ")),
             qPrintable(toast.redacted));
    QVERIFY(toast.redacted.endsWith(QStringLiteral("...")));
    QVERIFY(toast.plaintext.startsWith(QStringLiteral("Summer")));
    QVERIFY(!toast.redacted.contains(toast.plaintext));
    QVERIFY(toast.projectId.has_value());
}

void TestLiveSync::statusFollowsTheFeeds()
{
    startAndSettle();
    if (QTest::currentTestFailed())
        return;
    QVERIFY(m_sync->lastLiveAt().isValid());
    QSignalSpy status(m_sync.get(), &LiveSync::statusChanged);
    m_sim->failRequests(503, 1500ms, 1);
    m_sim->dropFeeds();
    QTRY_VERIFY_WITH_TIMEOUT(m_sync->status() == LiveSync::Status::Disconnected
                                 || m_sync->status() == LiveSync::Status::Degraded,
                             5000);
    QVERIFY2(m_sync->statusReason().contains(QStringLiteral("reconnecting")),
             qPrintable(m_sync->statusReason()));
    QTRY_COMPARE_WITH_TIMEOUT(m_sync->status(), LiveSync::Status::Live, 10000);
    m_sim->expireTokens();
    m_sim->dropFeeds();
    QTRY_COMPARE_WITH_TIMEOUT(m_sync->status(), LiveSync::Status::Unauthorized, 10000);
    // Once, in words that say what to do, not as the endpoint that noticed.
    QCOMPARE(m_sync->statusReason(), QStringLiteral("session expired: sign in again"));
}

void TestLiveSync::projectSwitchStartsClean()
{
    startAndSettle();
    if (QTest::currentTestFailed())
        return;
    std::optional<ApiResult<ProjectContext>> switched;
    m_client->switchProject(2, [&switched](const ApiResult<ProjectContext> &r) { switched = r; });
    QTRY_VERIFY_WITH_TIMEOUT(switched.has_value(), 5000);
    QVERIFY(switched->ok());
    QTRY_VERIFY_WITH_TIMEOUT(m_sync->isIdle() && campaignsMatch(), 10000);
    for (const CampaignRow &row : m_campaigns->rows())
        QCOMPARE(row.campaign.projectId, 2);
    // Project 1's events no longer touch the table; project 2's do.
    m_sim->world().renameCampaign(m_sim->world().listedCampaigns(1).first()->id,
                                  QStringLiteral("old project"));
    const qint64 ours = m_sim->world().listedCampaigns(2).first()->id;
    m_sim->world().renameCampaign(ours, QStringLiteral("new project"));
    QTRY_COMPARE_WITH_TIMEOUT(m_campaigns->row(ours)->campaign.name, QStringLiteral("new project"), 5000);
    QTRY_VERIFY_WITH_TIMEOUT(m_sync->isIdle(), 5000);
    QVERIFY(campaignsMatch());
}

void TestLiveSync::silenceMakesItStale()
{
    LiveSyncSettings settings = m_sync->settings();
    settings.staleAfter = 1500ms; // the simulator pings every second while all is well
    settings.feed.idleTimeout = 60000ms;
    m_sync->setSettings(settings);
    startAndSettle();
    if (QTest::currentTestFailed())
        return;
    QSignalSpy stale(m_sync.get(), &LiveSync::staleChanged);
    QTest::qWait(2000); // pings keep it fresh through an observation window longer than staleAfter
    QVERIFY(!m_sync->isStale());
    m_sim->stallFeeds(true); // nothing arrives any more, and the watchdog is far away
    QTRY_VERIFY_WITH_TIMEOUT(m_sync->isStale(), 5000);
    QCOMPARE(stale.last().first().toBool(), true);
    m_sim->stallFeeds(false);
    QTRY_VERIFY_WITH_TIMEOUT(!m_sync->isStale(), 5000);
}

void TestLiveSync::leadingEdgeThenOneTrailingRefetch()
{
    LiveSyncSettings settings = m_sync->settings();
    settings.coalesceWindow = 4000ms;
    m_sync->setSettings(settings);
    startAndSettle();
    if (QTest::currentTestFailed())
        return;
    // A campaign nobody fetched yet: its first trigger goes at once, not after the window.
    QElapsedTimer since;
    since.start();
    const int id = m_sim->world().createCampaign(1, QStringLiteral("Fresh"));
    const QString detailPath = QStringLiteral("/api/v1/web/campaigns/%1").arg(id);
    // Five more changes while the first refetch is out: they fold into one trailing refetch.
    for (int i = 0; i < 5; ++i)
        m_sim->world().renameCampaign(id, QStringLiteral("Fresh %1").arg(i));
    QTRY_VERIFY_WITH_TIMEOUT(m_campaigns->row(id) && m_campaigns->row(id)->metrics, 3500);
    QVERIFY2(since.elapsed() < 4000, "the first trigger after a quiet spell waited for the window");
    QTRY_VERIFY_WITH_TIMEOUT(m_sim->requestCount(detailPath) == 2 && m_sync->isIdle(), 15000);
    QCOMPARE(m_campaigns->row(id)->campaign.name, QStringLiteral("Fresh 4"));
    QCOMPARE(m_sim->requestCount(detailPath), quint64(2)); // leading and trailing, nothing more
}

void TestLiveSync::snapshotFoldsTriggersUnderAStorm()
{
    m_sim.reset(); // a bigger world: 250 campaigns are three list pages
    SimServer::Options options;
    options.world.campaigns = 250;
    options.world.agents = 4;
    options.ticksPerSecond = 0;
    m_sim = std::make_unique<SimServer>(options);
    QVERIFY(m_sim->start());
    m_session->setServer(m_sim->url());
    std::optional<ApiResult<QByteArray>> login;
    m_session->login(QString::fromLatin1(SimWorld::kDemoEmail), QString::fromLatin1(SimWorld::kDemoPassword),
                     [&login](const ApiResult<QByteArray> &r) { login = r; });
    QTRY_VERIFY_WITH_TIMEOUT(login.has_value(), 20000);
    QVERIFY(login->ok());
    m_sim->startStorm(400, 60000ms, 150); // task reports over the first 150 campaigns, for the whole test
    QSignalSpy loaded(m_sync.get(), &LiveSync::snapshotLoaded);
    // What the server had served for each listed campaign's metrics when the snapshot settled.
    QList<quint64> metricsServed;
    connect(m_sync.get(), &LiveSync::snapshotSettled, this, [&] {
        for (const SimCampaign *campaign : m_sim->world().listedCampaigns(1))
            metricsServed.append(
                m_sim->requestCount(QStringLiteral("/api/v1/web/campaigns/%1/metrics").arg(campaign->id)));
    });
    m_sync->start();
    QVERIFY2(loaded.wait(30000), "no snapshot under a storm");
    const int listed = static_cast<int>(m_sim->world().listedCampaigns(1).size());
    QCOMPARE(m_campaigns->rowCount(), listed);
    // The list was read once, page by page: triggers that came meanwhile folded into it.
    QCOMPARE(m_sim->requestCount(QStringLiteral("/api/v1/web/campaigns")), quint64((listed + 99) / 100));
    QTRY_VERIFY2_WITH_TIMEOUT(!metricsServed.isEmpty(), "the snapshot's metrics never filled in", 60000);
    for (const CampaignRow &row : m_campaigns->rows())
        QVERIFY(row.metrics.has_value());
    // Every id fetched exactly once for the snapshot, although 150 of them were triggered all along.
    QCOMPARE(metricsServed, QList<quint64>(listed, 1));
    // And the triggers are followed once it is in: the storm's campaigns converge on the server.
    m_sim->startStorm(0, 0ms, 0);
    QTRY_VERIFY_WITH_TIMEOUT(m_sync->isIdle() && campaignsMatch(), 60000);
}

void TestLiveSync::triggerShowsMetricsAtOnceAndEtasAfter()
{
    LiveSyncSettings settings = m_sync->settings();
    settings.slowRefreshInterval = 0ms; // progress and ETAs always due
    settings.quickSlowRefreshInterval = 0ms;
    m_sync->setSettings(settings);
    startAndSettle();
    if (QTest::currentTestFailed())
        return;
    const SimCampaign *active = nullptr;
    for (const SimCampaign *campaign : m_sim->world().listedCampaigns(1)) {
        if (campaign->state == QLatin1String("active") && !active)
            active = campaign;
    }
    QVERIFY(active);
    const qint64 id = active->id;
    const QString progressPath = QStringLiteral("/api/v1/web/campaigns/%1/progress").arg(id);
    const quint64 progressBefore = m_sim->requestCount(progressPath);
    // When the new progress reaches the row, the campaign's progress endpoint (agents, ETA) is not asked yet.
    std::optional<quint64> progressAskedWhenShown;
    const double target = [&] {
        m_sim->world().reportTaskProgress(static_cast<int>(id), 5.0);
        return m_sim->world().campaignProgress(*m_sim->world().campaign(static_cast<int>(id)));
    }();
    connect(m_campaigns.get(), &QAbstractItemModel::dataChanged, this, [&] {
        const CampaignRow *row = m_campaigns->row(id);
        if (!progressAskedWhenShown && row && row->metrics && row->metrics->progressPercent == target)
            progressAskedWhenShown = m_sim->requestCount(progressPath);
    });
    QTRY_VERIFY2_WITH_TIMEOUT(progressAskedWhenShown.has_value(), "the new progress never showed", 10000);
    QCOMPARE(*progressAskedWhenShown, progressBefore);
    // Then the slow parts follow, in the background.
    QTRY_VERIFY_WITH_TIMEOUT(m_sim->requestCount(progressPath) == progressBefore + 1 && m_sync->isIdle(),
                             10000);
}

void TestLiveSync::resyncsArePacedByTheBudget()
{
    LiveSyncSettings settings = m_sync->settings();
    settings.requestsPerSecond = 40;
    settings.resyncInterval = 1000ms;
    m_sync->setSettings(settings);
    startAndSettle();
    if (QTest::currentTestFailed())
        return;
    // One resync costs the list page and a request per active campaign; a quarter of 40 requests/s pays for
    // that many every cost / 10 seconds, which is longer than the 1 s asked for.
    int active = 0;
    for (const CampaignRow &row : m_campaigns->rows())
        active += row.campaign.state == QLatin1String("active");
    QVERIFY(active > 0);
    const qint64 expectedMs = (1 + active) * 1000 / 10;
    QVERIFY2(expectedMs > 1000, "the world is too small for the test");
    QCOMPARE(m_sync->resyncInterval().count(), expectedMs);
    // Unlimited: the setting as it is.
    settings.requestsPerSecond = 0;
    m_sync->setSettings(settings);
    m_sync->start();
    QTRY_VERIFY_WITH_TIMEOUT(m_sync->isSnapshotSettled() && m_sync->isIdle(), 20000);
    QCOMPARE(m_sync->resyncInterval().count(), qint64(1000));
}

void TestLiveSync::budgetBoundsTheRequestRate()
{
    LiveSyncSettings settings = m_sync->settings();
    settings.requestsPerSecond = 40;
    m_sync->setSettings(settings);
    startAndSettle();
    if (QTest::currentTestFailed())
        return;
    // A storm over every campaign: far more triggers than 40 requests a second could follow.
    m_sim->startStorm(2000, 4000ms, 30);
    const quint64 before = m_transport->requestsStarted();
    QElapsedTimer window;
    window.start();
    QTest::qWait(3000); // an observation window: the bound below holds whatever the machine's speed
    const double seconds = window.elapsed() / 1000.0;
    const quint64 started = m_transport->requestsStarted() - before;
    // A full burst (a fifth of a second's worth) plus the rate over the window.
    QVERIFY2(started <= quint64(40 * seconds + 8 + 1),
             qPrintable(QStringLiteral("%1 requests in %2 s").arg(started).arg(seconds)));
    QVERIFY2(started > 10, "nothing was refetched during the storm");
    QTRY_VERIFY_WITH_TIMEOUT(m_sync->isIdle() && campaignsMatch(), 30000);
}

void TestLiveSync::movedCampaignLeavesOnItsTrigger()
{
    startAndSettle();
    if (QTest::currentTestFailed())
        return;
    const qint64 id = m_sim->world().listedCampaigns(1).first()->id;
    m_sim->world().moveCampaign(id, 2);                    // announced with project 2: not ours any more
    QTRY_VERIFY_WITH_TIMEOUT(!m_campaigns->row(id), 5000); // the resync is a minute away
    QTRY_VERIFY_WITH_TIMEOUT(m_sync->isIdle() && campaignsMatch(), 10000);
}

void TestLiveSync::repeatedFailuresAreFolded()
{
    LiveSyncSettings settings = m_sync->settings();
    settings.errorQuietPeriod = 500ms;
    m_sync->setSettings(settings);
    startAndSettle();
    if (QTest::currentTestFailed())
        return;
    QSignalSpy errors(m_sync.get(), &LiveSync::error);
    int active = 0;
    for (const SimCampaign *c : m_sim->world().listedCampaigns(1))
        active += c->state == QLatin1String("active");
    QVERIFY(active > 5);
    m_sim->failPath(QStringLiteral("/metrics"), 500, 100000);
    m_sync->resyncNow(); // every active campaign's metrics: all fail
    QTRY_VERIFY_WITH_TIMEOUT(m_sync->isIdle(), 10000);
    QTRY_COMPARE_WITH_TIMEOUT(errors.size(), 2, 10000); // the first at once, then one summary
    const SyncError first = errors.at(0).at(0).value<SyncError>();
    const SyncError summary = errors.at(1).at(0).value<SyncError>();
    QCOMPARE(first.kind, ApiError::Kind::Http);
    QCOMPARE(first.httpStatus, 500);
    QCOMPARE(first.endpoint, QStringLiteral("GET /api/v1/web/campaigns/{id}/metrics"));
    QVERIFY(summary.repeated);
    QCOMPARE(summary.count, active);
    QVERIFY2(summary.describe().contains(QStringLiteral("%1 times").arg(active)),
             qPrintable(summary.describe()));
    m_sim->failPath({}, 0, 0);
    QTest::qWait(1000); // nothing more is reported once the episode is over
    QCOMPARE(errors.size(), 2);
}

void TestLiveSync::failedRefreshIsRetried()
{
    startAndSettle();
    if (QTest::currentTestFailed())
        return;
    QSignalSpy status(m_sync.get(), &LiveSync::statusChanged);
    const quint64 refreshesBefore = m_sim->requestCount(QStringLiteral("/api/v1/web/auth/refresh"));
    m_sim->failPath(QStringLiteral("/auth/refresh"), 503, 2); // the refresh server is having a bad minute
    m_sim->rejectCredentials(3); // and the feeds' reconnects are refused once each
    const SseConnection *campaigns = m_sync->feed(LiveSync::Feed::Campaigns);
    const quint64 reconnects = campaigns->reconnects();
    m_sim->dropFeeds();
    QTRY_VERIFY_WITH_TIMEOUT(
        campaigns->reconnects() > reconnects && m_sync->status() == LiveSync::Status::Live, 30000);
    QVERIFY(m_sim->requestCount(QStringLiteral("/api/v1/web/auth/refresh")) - refreshesBefore >= 3);
    for (const QList<QVariant> &change : status)
        QVERIFY(change.first().value<LiveSync::Status>() != LiveSync::Status::Unauthorized);
    QCOMPARE(m_session->state(), Session::State::SignedIn);
}

void TestLiveSync::refusedFeedBacksOffWhileRefreshWorks()
{
    startAndSettle();
    if (QTest::currentTestFailed())
        return;
    const QString refresh = QStringLiteral("/api/v1/web/auth/refresh");
    const quint64 refreshesBefore = m_sim->requestCount(refresh);
    // Refresh works, but the feeds keep getting 401 for a while: no reconnect loop, and it heals.
    m_sim->rejectCredentials(12);
    QSignalSpy states(m_sync->feed(LiveSync::Feed::Campaigns), &SseConnection::stateChanged);
    m_sim->dropFeeds();
    QElapsedTimer healed;
    healed.start();
    QTRY_VERIFY_WITH_TIMEOUT(states.size() > 2 && m_sync->status() == LiveSync::Status::Live, 60000);
    int refusals = 0;
    for (const QList<QVariant> &state : states)
        refusals += state.first().value<SseConnection::State>() == SseConnection::State::Unauthorized;
    QVERIFY2(refusals >= 2, "the feed was not refused again after a fresh token");
    const quint64 refreshes = m_sim->requestCount(refresh) - refreshesBefore;
    QVERIFY2(refreshes <= 12, qPrintable(QStringLiteral("%1 refreshes").arg(refreshes)));
    QVERIFY2(healed.elapsed() > 1000, "the refusals were retried without any backoff");
}

void TestLiveSync::expiredTokenIsNoticedAtExpiry()
{
    // Long enough for the sign-in and the snapshot on 2 busy cores under sanitizers; short enough to wait.
    m_sim->setTokenLifetime(10);
    std::optional<ApiResult<QByteArray>> login;
    m_session->setRefreshMargin(0s); // no refresh before expiry: the token simply runs out
    m_session->login(QString::fromLatin1(SimWorld::kDemoEmail), QString::fromLatin1(SimWorld::kDemoPassword),
                     [&login](const ApiResult<QByteArray> &r) { login = r; });
    QTRY_VERIFY_WITH_TIMEOUT(login.has_value(), 5000);
    QVERIFY(login->ok());
    startAndSettle();
    if (QTest::currentTestFailed())
        return;
    // Nothing moves on the server (no REST call, no reconnect); the open feeds stay open past the expiry.
    QTRY_COMPARE_WITH_TIMEOUT(m_sync->status(), LiveSync::Status::Unauthorized, 30000);
    QCOMPARE(m_sync->statusReason(), QStringLiteral("session expired: sign in again"));
}

void TestLiveSync::stopReportsAndFeedsAreStable()
{
    const SseConnection *agentsFeed = m_sync->feed(LiveSync::Feed::Agents);
    startAndSettle();
    if (QTest::currentTestFailed())
        return;
    QCOMPARE(m_sync->feed(LiveSync::Feed::Agents), agentsFeed);
    const quint64 reconnects = agentsFeed->reconnects();
    m_sync->reconnectNow(LiveSync::Feed::Agents);
    QTRY_VERIFY_WITH_TIMEOUT(
        agentsFeed->reconnects() == reconnects + 1 && m_sync->status() == LiveSync::Status::Live, 10000);
    QSignalSpy status(m_sync.get(), &LiveSync::statusChanged);
    m_sync->stop();
    QCOMPARE(status.size(), 1);
    QCOMPARE(m_sync->status(), LiveSync::Status::Disconnected);
    QCOMPARE(m_sync->statusReason(), QStringLiteral("stopped"));
    QCOMPARE(m_sync->feedState(LiveSync::Feed::Campaigns), SseConnection::State::Closed);
    QVERIFY(m_sync->isIdle());
    QCOMPARE(m_sync->feed(LiveSync::Feed::Agents), agentsFeed);
    startAndSettle(); // and it starts again on the same feeds
}

void TestLiveSync::serverChangeStops()
{
    startAndSettle();
    if (QTest::currentTestFailed())
        return;
    QSignalSpy changed(m_session.get(), &Session::serverChanged);
    m_session->setServer(QUrl(QStringLiteral("http://127.0.0.1:9")));
    QCOMPARE(changed.size(), 1);
    QCOMPARE(m_sync->status(), LiveSync::Status::Disconnected);
    QCOMPARE(m_campaigns->rowCount(), 0);
    QCOMPARE(m_agents->rowCount(), 0);
}

void TestLiveSync::lifetimeFromOwnSignals_data()
{
    QTest::addColumn<QString>("signal");
    QTest::addColumn<QString>("action");
    for (const char *signal : {"status", "feedState", "toast", "rowsInserted", "dataChanged", "snapshot"}) {
        for (const char *action : {"delete", "stop", "restart"})
            QTest::newRow(
                qPrintable(QStringLiteral("%1/%2").arg(QLatin1String(signal), QLatin1String(action))))
                << QString::fromLatin1(signal) << QString::fromLatin1(action);
    }
}

void TestLiveSync::lifetimeFromOwnSignals()
{
    QFETCH(QString, signal);
    QFETCH(QString, action);
    // The world moves all the time (task reports, heartbeats, cracks), so REST calls are in flight and the
    // feeds mid-read whenever the signal comes.
    QObject context; // every connection below ends with this test function
    QTimer ticker;
    connect(&ticker, &QTimer::timeout, &context, [this] { m_sim->world().tick(); });
    ticker.start(20);
    int fired = 0;
    bool armed = false;
    const auto act = [&] {
        if (!armed || fired > 0)
            return;
        ++fired;
        if (action == QLatin1String("delete"))
            m_sync.reset();
        else if (action == QLatin1String("stop"))
            m_sync->stop();
        else
            m_sync->start();
    };
    LiveSync *sync = m_sync.get();
    if (signal == QLatin1String("status"))
        connect(sync, &LiveSync::statusChanged, &context, act);
    else if (signal == QLatin1String("feedState"))
        connect(sync, &LiveSync::feedStateChanged, &context, act);
    else if (signal == QLatin1String("toast"))
        connect(sync, &LiveSync::toastReceived, &context, act);
    else if (signal == QLatin1String("rowsInserted"))
        connect(m_campaigns.get(), &QAbstractItemModel::rowsInserted, &context, act);
    else if (signal == QLatin1String("dataChanged"))
        connect(m_campaigns.get(), &QAbstractItemModel::dataChanged, &context, act);
    else
        connect(sync, &LiveSync::snapshotLoaded, &context, act);
    // Armed once things are under way (rows and toasts come once the snapshot is in).
    connect(sync, &LiveSync::snapshotLoaded, &context, [&armed] { armed = true; });
    // Rows, snapshot, status and feed states come from the start, while the snapshot's calls are in flight.
    if (signal != QLatin1String("toast") && signal != QLatin1String("dataChanged"))
        armed = true;
    sync->start();
    QTRY_VERIFY2_WITH_TIMEOUT(fired > 0, "the signal never came", 20000);
    // Whatever was in flight lands (or is dropped) without touching freed memory: let it all arrive.
    QTest::qWait(500);
    if (action == QLatin1String("delete")) {
        QVERIFY(!m_sync);
        return;
    }
    disconnect(m_sync.get(), nullptr, &context, nullptr);
    disconnect(m_campaigns.get(), nullptr, &context, nullptr);
    if (action == QLatin1String("stop")) {
        QCOMPARE(m_sync->status(), LiveSync::Status::Disconnected);
        QVERIFY(m_sync->isIdle());
        return;
    }
    ticker.stop();
    QTRY_VERIFY_WITH_TIMEOUT(
        m_sync->status() == LiveSync::Status::Live && m_sync->isIdle() && campaignsMatch(), 20000);
}

QTEST_GUILESS_MAIN(TestLiveSync)
#include "tst_LiveSync.moc"
