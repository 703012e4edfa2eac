// LiveSync against the simulated CipherSwarm over real sockets: the models must end equal to the simulator.
#include "AgentModel.h"
#include "ApiTransport.h"
#include "CampaignModel.h"
#include "CipherSwarmClient.h"
#include "LiveSync.h"
#include "Session.h"
#include "SimServer.h"

#include <QAbstractItemModelTester>
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
    const quint64 before = m_sync->requestsIssued();
    const qint64 other = m_sim->world().listedCampaigns(2).first()->id;
    m_sim->world().renameCampaign(other, QStringLiteral("Not ours")); // announced with project_id 2
    m_sim->world().setPriority(other, 1);
    const qint64 ours = m_sim->world().listedCampaigns(1).first()->id;
    m_sim->world().setPriority(ours, 77); // and one of ours, to know when the events have been handled
    QTRY_COMPARE_WITH_TIMEOUT(m_campaigns->row(ours)->campaign.priority, 77, 5000);
    QTRY_VERIFY_WITH_TIMEOUT(m_sync->isIdle(), 5000);
    QVERIFY(!m_campaigns->row(other));
    // Only our campaign was refetched: detail, metrics, progress and its attacks' performance.
    const qint64 attacks = m_campaigns->row(ours)->attackCount.value_or(0);
    QCOMPARE(m_sync->requestsIssued() - before, quint64(3 + attacks));
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
    QVERIFY2(m_sync->statusReason().contains(QStringLiteral("Token expired")),
             qPrintable(m_sync->statusReason()));
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

QTEST_GUILESS_MAIN(TestLiveSync)
#include "tst_LiveSync.moc"
