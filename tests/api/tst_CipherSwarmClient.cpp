// The REST client and the session against the simulated CipherSwarm, over real sockets on 127.0.0.1.
#include "ApiCall.h"
#include "ApiTransport.h"
#include "CipherSwarmClient.h"
#include "ScriptedHttpServer.h"
#include "Session.h"
#include "SimProcess.h"
#include "SimServer.h"

#include <QElapsedTimer>
#include <QLoggingCategory>
#include <QMutex>
#include <QNetworkAccessManager>
#include <QProcess>
#include <QScopeGuard>
#include <QSignalSpy>
#include <QTcpServer>
#include <QTest>
#include <QTimer>

#include <memory>
#include <optional>

using namespace swarmwatch;
using namespace swarmwatch::sim;
using namespace std::chrono_literals;

namespace {

// Everything the application logs, to prove the token is never in it.
QStringList g_log;
QMutex g_logMutex;
QtMessageHandler g_previousHandler = nullptr;

void captureMessage(QtMsgType type, const QMessageLogContext &context, const QString &message)
{
    {
        QMutexLocker lock(&g_logMutex);
        g_log.append(QString::fromLatin1(context.category ? context.category : "") + QLatin1Char(' ')
                     + message);
    }
    if (g_previousHandler)
        g_previousHandler(type, context, message);
}

// Upper bounds for waits on the network and on other processes: generous, for a sanitizer build on a loaded
// machine; a passing run never waits for them.
constexpr int kAnswerTimeoutMs = 30000;
constexpr int kEventTimeoutMs = 20000;

// Sends a request with `start` (given the completion callback) and turns the event loop until the answer
// comes. The answer lands in shared storage, so one that arrives after a failed wait writes nowhere it must
// not.
template <typename T, typename Start>
bool awaitAnswer(int timeoutMs, ApiResult<T> *answer, Start start)
{
    const auto slot = std::make_shared<std::optional<ApiResult<T>>>();
    start([slot](const ApiResult<T> &r) { *slot = r; });
    if (!QTest::qWaitFor([&slot] { return slot->has_value(); }, timeoutMs))
        return false;
    *answer = **slot;
    return true;
}

} // namespace

// Declares `name`, the answer to the request that `start` sends; no answer within `timeoutMs` fails the test
// function, which returns. AWAIT waits up to kAnswerTimeoutMs.
#define AWAIT_WITHIN(timeoutMs, T, name, ...)                                                                \
    ApiResult<T> name;                                                                                       \
    QVERIFY2(awaitAnswer<T>(timeoutMs, &name, __VA_ARGS__),                                                  \
             qPrintable(QStringLiteral("no answer within %1 s").arg((timeoutMs) / 1000)))
#define AWAIT(T, name, ...) AWAIT_WITHIN(kAnswerTimeoutMs, T, name, __VA_ARGS__)

// Signs in as the demo admin and ends the test function if that failed (a helper's QVERIFY returns only from
// the helper).
#define LOGIN()                                                                                              \
    do {                                                                                                     \
        login();                                                                                             \
        if (QTest::currentTestFailed())                                                                      \
            return;                                                                                          \
    } while (false)

class TestCipherSwarmClient : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase()
    {
        g_previousHandler = qInstallMessageHandler(captureMessage);
        QLoggingCategory::setFilterRules(QStringLiteral("swarmwatch.*=true"));
    }
    void cleanupTestCase() { qInstallMessageHandler(g_previousHandler); }

    void init()
    {
        SimServer::Options options;
        options.world.campaigns = 230; // several pages: 97 + 77 + ... per project
        options.world.agents = 150;
        options.ticksPerSecond = 0; // the world holds still unless a test moves it
        m_sim = std::make_unique<SimServer>(options);
        QVERIFY(m_sim->start());
        m_network = std::make_unique<QNetworkAccessManager>();
        m_transport = std::make_unique<ApiTransport>(m_network.get());
        m_session = std::make_unique<Session>(m_transport.get());
        m_session->setServer(m_sim->url());
        m_client = std::make_unique<CipherSwarmClient>(m_session.get());
    }
    void cleanup()
    {
        m_client.reset();
        m_session.reset();
        m_transport.reset();
        m_network.reset();
        m_sim.reset();
    }

    void loginGivesAWorkingTokenWithItsExpiry();
    void badPasswordIsAClearError();
    void listsArePagedToTheEnd();
    void projectSwitchingChangesTheCampaignList();
    void detailProgressMetricsAndAgents();
    void proactiveRefreshBeforeExpiry();
    void refreshAndRetryOnA401();
    void expiredTokenAsksForCredentials();
    void unreachableServerIsANetworkError();
    void serverErrorWithATextBody();
    void timeoutAndCancel();
    void concurrencyIsBounded();
    void streamHeadersFollowTheToken();
    void tokenNeverAppearsInTheLog();
    void cancelledRefreshWedgesNothing();
    void refreshAnswerAfterLogoutIsIgnored();
    void anotherServerNeverGetsTheToken();
    void tricklingAnswerMeetsTheDeadline();
    void agentsBeyondTheLastPageAreAnError();

private:
    void login()
    {
        AWAIT(QByteArray, result, [&](auto done) {
            m_session->login(QString::fromLatin1(SimWorld::kDemoEmail),
                             QString::fromLatin1(SimWorld::kDemoPassword), done);
        });
        QVERIFY2(result.ok(), qPrintable(result.error.message));
    }

    std::unique_ptr<SimServer> m_sim;
    std::unique_ptr<QNetworkAccessManager> m_network;
    std::unique_ptr<ApiTransport> m_transport;
    std::unique_ptr<Session> m_session;
    std::unique_ptr<CipherSwarmClient> m_client;
};

void TestCipherSwarmClient::loginGivesAWorkingTokenWithItsExpiry()
{
    QSignalSpy tokens(m_session.get(), &Session::tokenChanged);
    LOGIN();
    QCOMPARE(m_session->state(), Session::State::SignedIn);
    QCOMPARE(tokens.size(), 1);
    QVERIFY(m_session->token().count('.') == 2);
    const qint64 lifetime = QDateTime::currentDateTimeUtc().secsTo(m_session->tokenExpiry());
    QVERIFY2(lifetime > 3500 && lifetime <= 3600, qPrintable(QString::number(lifetime)));
    AWAIT(User, me, [&](auto done) { m_client->me(done); });
    QVERIFY2(me.ok(), qPrintable(me.error.message));
    QCOMPARE(me.value.email, QString::fromLatin1(SimWorld::kDemoEmail));
    QCOMPARE(me.value.role, QStringLiteral("admin"));
    QVERIFY(me.value.superuser);
}

void TestCipherSwarmClient::badPasswordIsAClearError()
{
    AWAIT(QByteArray, result, [&](auto done) {
        m_session->login(QString::fromLatin1(SimWorld::kDemoEmail), QStringLiteral("wrong"), done);
    });
    QVERIFY(!result.ok());
    QCOMPARE(result.error.kind, ApiError::Kind::Unauthorized);
    QCOMPARE(result.error.httpStatus, 400);
    QCOMPARE(result.error.message, QStringLiteral("Invalid email or password."));
    QCOMPARE(m_session->state(), Session::State::SignedOut);

    AWAIT(QByteArray, inactive, [&](auto done) {
        m_session->login(QStringLiteral("inactive@swarmwatch.example"),
                         QString::fromLatin1(SimWorld::kDemoPassword), done);
    });
    QCOMPARE(inactive.error.message, QStringLiteral("Account is inactive."));

    AWAIT(QByteArray, malformed,
          [&](auto done) { m_session->login(QStringLiteral("admin@localhost"), QStringLiteral("x"), done); });
    QCOMPARE(malformed.error.httpStatus, 422);
    QVERIFY2(malformed.error.message.contains(QStringLiteral("body.email")),
             qPrintable(malformed.error.message));
}

void TestCipherSwarmClient::listsArePagedToTheEnd()
{
    LOGIN();
    m_session->setProjectId(1);
    const quint64 before = m_sim->requestCount();
    AWAIT(QList<Campaign>, campaigns, [&](auto done) { m_client->campaigns(done); });
    QVERIFY2(campaigns.ok(), qPrintable(campaigns.error.message));
    const qsizetype expected = m_sim->world().listedCampaigns(1).size();
    QVERIFY(expected > 100);
    QCOMPARE(campaigns.value.size(), expected);
    QCOMPARE(m_sim->requestCount() - before, quint64((expected + 99) / 100));
    QSet<qint64> ids;
    for (const Campaign &campaign : campaigns.value) {
        QCOMPARE(campaign.projectId, 1);
        ids.insert(campaign.id);
    }
    QCOMPARE(ids.size(), expected); // no duplicates across pages

    AWAIT(QList<Agent>, agents, [&](auto done) { m_client->agents(done); });
    QVERIFY2(agents.ok(), qPrintable(agents.error.message));
    QCOMPARE(agents.value.size(), 150);
}

void TestCipherSwarmClient::projectSwitchingChangesTheCampaignList()
{
    LOGIN();
    AWAIT(ProjectContext, context, [&](auto done) { m_client->projectContext(done); });
    QVERIFY2(context.ok(), qPrintable(context.error.message));
    QCOMPARE(context.value.availableProjects.size(), 2); // the archived one is not offered
    QVERIFY(!context.value.activeProject);

    AWAIT(QList<Campaign>, noProject, [&](auto done) { m_client->campaigns(done); });
    QCOMPARE(noProject.error.httpStatus, 400);
    QVERIFY2(noProject.error.message.contains(QStringLiteral("No active project selected.")),
             qPrintable(noProject.error.message));

    QSignalSpy projectChanged(m_session.get(), &Session::projectChanged);
    AWAIT(ProjectContext, switched, [&](auto done) { m_client->switchProject(2, done); });
    QVERIFY2(switched.ok(), qPrintable(switched.error.message));
    QCOMPARE(m_session->projectId(), std::optional<qint64>(2));
    QCOMPARE(projectChanged.size(), 1);
    AWAIT(QList<Campaign>, campaigns, [&](auto done) { m_client->campaigns(done); });
    QVERIFY(!campaigns.value.isEmpty());
    for (const Campaign &campaign : campaigns.value)
        QCOMPARE(campaign.projectId, 2);

    AWAIT(ProjectContext, refused, [&](auto done) { m_client->switchProject(3, done); });
    QCOMPARE(refused.error.httpStatus, 403);
    QCOMPARE(m_session->projectId(), std::optional<qint64>(2)); // unchanged
}

void TestCipherSwarmClient::detailProgressMetricsAndAgents()
{
    LOGIN();
    const SimCampaign &simCampaign = *m_sim->world().campaign(5);
    AWAIT(CampaignDetail, detail, [&](auto done) { m_client->campaignDetail(5, done); });
    QVERIFY2(detail.ok(), qPrintable(detail.error.message));
    QCOMPARE(detail.value.campaign.name, simCampaign.name);
    QCOMPARE(detail.value.attacks.size(), simCampaign.attackIds.size());
    AWAIT(CampaignMetrics, metrics, [&](auto done) { m_client->campaignMetrics(5, done); });
    QCOMPARE(metrics.value.totalHashes, simCampaign.totalHashes);
    QCOMPARE(metrics.value.crackedHashes, simCampaign.crackedHashes);
    QCOMPARE(metrics.value.progressPercent, m_sim->world().campaignProgress(simCampaign));
    AWAIT(CampaignProgress, progress, [&](auto done) { m_client->campaignProgress(5, done); });
    QVERIFY(progress.ok());
    AWAIT(AttackPerformance, performance,
          [&](auto done) { m_client->attackPerformance(simCampaign.attackIds.first(), done); });
    QVERIFY2(performance.ok(), qPrintable(performance.error.message));
    QCOMPARE(performance.value.attack.campaignId, 5);

    AWAIT(CampaignDetail, missing, [&](auto done) { m_client->campaignDetail(99999, done); });
    QCOMPARE(missing.error.httpStatus, 404);
    QCOMPARE(missing.error.message,
             QStringLiteral("GET /api/v1/web/campaigns/99999: HTTP 404: Campaign 99999 not found"));

    m_sim->world().reportAgentError(3, QStringLiteral("GPU overheated"), QStringLiteral("major"));
    AWAIT(QList<AgentError>, errors, [&](auto done) { m_client->agentErrors(3, done); });
    QCOMPARE(errors.value.size(), 1);
    QCOMPARE(errors.value.first().severity, QStringLiteral("major"));
    AWAIT(QList<DevicePerformance>, speed, [&](auto done) { m_client->agentPerformance(3, done); });
    QCOMPARE(speed.value.size(), m_sim->world().agent(3)->devices.size());
    QCOMPARE(speed.value.first().samples.size(), 48);
    AWAIT(DashboardSummary, summary, [&](auto done) { m_client->dashboardSummary(done); });
    QCOMPARE(summary.value.totalAgents, 150);
    QCOMPARE(summary.value.resourceUsage.size(), 12);
}

void TestCipherSwarmClient::proactiveRefreshBeforeExpiry()
{
    m_sim->setTokenLifetime(4); // seconds: the session refreshes about 2 s before expiry
    LOGIN();
    const QByteArray first = m_session->token();
    const QDateTime firstExpiry = m_session->tokenExpiry();
    QSignalSpy tokens(m_session.get(), &Session::tokenChanged);
    QVERIFY2(tokens.wait(kEventTimeoutMs), "no refresh within 20 s");
    QVERIFY(m_session->token() != first);
    QVERIFY(QDateTime::currentDateTimeUtc() < firstExpiry); // refreshed before it ran out
    QTRY_VERIFY2_WITH_TIMEOUT(QDateTime::currentDateTimeUtc() > firstExpiry.addSecs(1),
                              "the clock did not pass the first token's expiry", kEventTimeoutMs);
    AWAIT(User, me, [&](auto done) { m_client->me(done); }); // the old token would fail now
    QVERIFY2(me.ok(), qPrintable(me.error.message));
}

void TestCipherSwarmClient::refreshAndRetryOnA401()
{
    LOGIN();
    const QByteArray first = m_session->token();
    m_sim->rejectCredentials(1);
    AWAIT(User, me, [&](auto done) { m_client->me(done); });
    QVERIFY2(me.ok(), qPrintable(me.error.message));
    QVERIFY(m_session->token() != first); // refreshed once, then retried
    QCOMPARE(m_session->state(), Session::State::SignedIn);

    // Several requests meeting a 401 at once share one refresh.
    m_sim->rejectCredentials(3);
    QSignalSpy tokens(m_session.get(), &Session::tokenChanged);
    int answered = 0;
    for (int i = 0; i < 3; ++i)
        m_client->me([&answered](const ApiResult<User> &r) { answered += r.ok(); });
    QTRY_COMPARE_WITH_TIMEOUT(answered, 3, kAnswerTimeoutMs);
    QCOMPARE(tokens.size(), 1);
}

void TestCipherSwarmClient::expiredTokenAsksForCredentials()
{
    LOGIN();
    QSignalSpy unauthorized(m_session.get(), &Session::unauthorized);
    m_sim->expireTokens();
    AWAIT(User, me, [&](auto done) { m_client->me(done); });
    QVERIFY(!me.ok());
    QCOMPARE(me.error.kind, ApiError::Kind::Unauthorized);
    QCOMPARE(m_session->state(), Session::State::Unauthorized);
    QCOMPARE(unauthorized.size(), 1);
    QVERIFY2(unauthorized.first().first().toString().contains(QStringLiteral("Token expired")),
             qPrintable(unauthorized.first().first().toString()));
    LOGIN(); // fresh credentials bring the session back
    QCOMPARE(m_session->state(), Session::State::SignedIn);
    AWAIT(User, again, [&](auto done) { m_client->me(done); });
    QVERIFY(again.ok());
}

void TestCipherSwarmClient::unreachableServerIsANetworkError()
{
    quint16 port;
    {
        QTcpServer probe;
        QVERIFY(probe.listen(QHostAddress::LocalHost));
        port = probe.serverPort();
    }
    m_session->setServer(QUrl(QStringLiteral("http://127.0.0.1:%1").arg(port)));
    AWAIT(DashboardSummary, result, [&](auto done) { m_client->dashboardSummary(done); });
    QCOMPARE(result.error.kind, ApiError::Kind::Network);
    QVERIFY2(result.error.message.contains(QStringLiteral("refused"), Qt::CaseInsensitive),
             qPrintable(result.error.message));
    // Which server, and over which scheme, is part of the message.
    QVERIFY2(result.error.message.startsWith(
                 QStringLiteral("GET http://127.0.0.1:%1/api/v1/web/dashboard/summary: ").arg(port)),
             qPrintable(result.error.message));
}

void TestCipherSwarmClient::serverErrorWithATextBody()
{
    LOGIN();
    m_sim->failRequests(500, 30s); // long enough that the request surely comes within it
    AWAIT(User, result, [&](auto done) { m_client->me(done); });
    QCOMPARE(result.error.kind, ApiError::Kind::Http);
    QCOMPARE(result.error.message,
             QStringLiteral("GET /api/v1/web/auth/me: HTTP 500: Internal Server Error"));
    m_sim->failRequests(503, 30s, 7);
    AWAIT(User, unavailable, [&](auto done) { m_client->me(done); });
    QCOMPARE(unavailable.error.httpStatus, 503);
}

void TestCipherSwarmClient::timeoutAndCancel()
{
    m_transport->setTimeout(300ms);
    m_sim->setResponseDelay(2000ms);
    AWAIT(DashboardSummary, slow, [&](auto done) { m_client->dashboardSummary(done); });
    QCOMPARE(slow.error.kind, ApiError::Kind::Timeout);

    bool called = false;
    ApiCall *call =
        m_client->dashboardSummary([&called](const ApiResult<DashboardSummary> &) { called = true; });
    QPointer<ApiCall> guard(call);
    QSignalSpy finished(call, &ApiCall::finished);
    call->cancel();
    QCOMPARE(finished.size(), 1);
    QTRY_VERIFY2_WITH_TIMEOUT(!guard, "the cancelled call was not deleted", kEventTimeoutMs);
    QTest::qWait(500); // long enough for an answer that must not be delivered
    QVERIFY(!called);
}

void TestCipherSwarmClient::concurrencyIsBounded()
{
    m_transport->setMaxConcurrent(2);
    m_sim->setResponseDelay(200ms);
    int answered = 0;
    int maxInFlight = 0;
    // Sampled when the requests are sent and at every answer, not by polling, whose turns a busy machine
    // spaces.
    const auto sample = [&] {
        maxInFlight = std::max(maxInFlight, m_transport->inFlight());
    };
    for (int i = 0; i < 6; ++i) {
        m_client->dashboardSummary([&](const ApiResult<DashboardSummary> &r) {
            sample();
            answered += r.ok();
        });
        sample();
    }
    QTRY_VERIFY2_WITH_TIMEOUT((sample(), answered == 6),
                              qPrintable(QStringLiteral("%1 of 6 answered").arg(answered)), kAnswerTimeoutMs);
    QCOMPARE(maxInFlight, 2);
}

void TestCipherSwarmClient::streamHeadersFollowTheToken()
{
    LOGIN();
    m_session->setProjectId(2);
    auto headers = m_session->streamHeaders();
    QVERIFY(
        headers.contains(std::pair<QByteArray, QByteArray>("Authorization", "Bearer " + m_session->token())));
    QVERIFY(headers.contains(std::pair<QByteArray, QByteArray>("Cookie", "active_project_id=2")));
    const QByteArray before = m_session->token();
    AWAIT(QByteArray, refreshed, [&](auto done) {
        m_session->refresh([done](const ApiError &e) { done(ApiResult<QByteArray>{{}, e}); });
    });
    QVERIFY(refreshed.ok());
    QVERIFY(m_session->token() != before);
    headers = m_session->streamHeaders();
    QVERIFY(
        headers.contains(std::pair<QByteArray, QByteArray>("Authorization", "Bearer " + m_session->token())));
}

void TestCipherSwarmClient::tokenNeverAppearsInTheLog()
{
    {
        QMutexLocker lock(&g_logMutex);
        g_log.clear();
    }
    QList<QByteArray> tokens; // every token this session ever held: the login's and each refresh's
    connect(m_session.get(), &Session::tokenChanged, this, [&tokens](const QByteArray &token) {
        if (!token.isEmpty())
            tokens.append(token);
    });
    LOGIN();
    m_sim->rejectCredentials(1);
    AWAIT(User, refreshed, [&](auto done) { m_client->me(done); });
    QVERIFY(refreshed.ok()); // a refresh happened too
    m_sim->expireTokens();
    AWAIT(User, expired, [&](auto done) { m_client->me(done); });
    QVERIFY(!expired.ok()); // and a failed one, with its errors
    QCOMPARE(tokens.size(), 2);
    QMutexLocker lock(&g_logMutex);
    QVERIFY(g_log.size() > 3); // logging was on: the check below is not vacuous
    const QString joined = g_log.join(QLatin1Char('\n'));
    for (const QByteArray &token : tokens) {
        QVERIFY2(!joined.contains(QString::fromLatin1(token.split('.').last())), qPrintable(joined));
        QVERIFY(!joined.contains(QString::fromLatin1(token.split('.').at(1))));
    }
}

void TestCipherSwarmClient::cancelledRefreshWedgesNothing()
{
    LOGIN();
    bool called = false;
    ApiCall *call = m_session->refresh([&called](const ApiError &) { called = true; });
    call->cancel();
    // The refresh still runs for the session; later 401s are served by refreshes, not stranded.
    m_sim->rejectCredentials(1);
    AWAIT(User, me, [&](auto done) { m_client->me(done); });
    QVERIFY2(me.ok(), qPrintable(me.error.message));
    QVERIFY(!called);
}

void TestCipherSwarmClient::refreshAnswerAfterLogoutIsIgnored()
{
    LOGIN();
    m_sim->setResponseDelay(300ms);
    std::optional<ApiError> answer;
    m_session->refresh([&answer](const ApiError &e) { answer = e; });
    m_session->logout();
    QTRY_VERIFY2_WITH_TIMEOUT(answer.has_value(), "the refresh was never answered", kAnswerTimeoutMs);
    QCOMPARE(answer->kind, ApiError::Kind::Unauthorized);
    QCOMPARE(m_session->state(), Session::State::SignedOut); // the late new token did not sign it back in
    QVERIFY(m_session->token().isEmpty());
}

void TestCipherSwarmClient::anotherServerNeverGetsTheToken()
{
    LOGIN();
    m_session->setProjectId(1);
    QSignalSpy tokens(m_session.get(), &Session::tokenChanged);
    m_session->setServer(QUrl(QStringLiteral("http://127.0.0.2:%1").arg(m_sim->url().port())));
    QVERIFY(m_session->token().isEmpty());
    QCOMPARE(m_session->state(), Session::State::SignedOut);
    QVERIFY(!m_session->projectId());
    QCOMPARE(tokens.size(), 1);
    QVERIFY(m_session->streamHeaders().isEmpty());
}

void TestCipherSwarmClient::tricklingAnswerMeetsTheDeadline()
{
    // A server that sends a byte every 100 ms never trips the transfer timeout; the deadline (four times the
    // timeout) ends it. The timeout is five trickle intervals, so that a busy machine's late timers do not
    // look like a silent server.
    swarmwatch::test::ScriptedHttpServer server;
    QVERIFY(server.listen());
    QList<QPointer<QTcpSocket>> sockets;
    server.setHandler([&sockets](const swarmwatch::test::ScriptedHttpServer::Request &, QTcpSocket *socket) {
        socket->write("HTTP/1.1 200 OK\r\nContent-Type: application/json\r\nContent-Length: 100000\r\n\r\n{");
        sockets.append(socket);
    });
    QTimer trickle;
    connect(&trickle, &QTimer::timeout, this, [&sockets] {
        for (const auto &socket : sockets) {
            if (socket)
                socket->write(" ");
        }
    });
    trickle.start(100);
    m_session->setServer(server.url());
    m_transport->setTimeout(500ms);
    QElapsedTimer timer;
    timer.start();
    AWAIT(DashboardSummary, result, [&](auto done) { m_client->dashboardSummary(done); });
    QCOMPARE(result.error.kind, ApiError::Kind::Timeout);
    QVERIFY2(timer.elapsed() >= 1900 && timer.elapsed() < 8000, qPrintable(QString::number(timer.elapsed())));
}

void TestCipherSwarmClient::agentsBeyondTheLastPageAreAnError()
{
    SimProcess big;
    const auto stop = qScopeGuard([&big] { big.stop(); });
    QString error;
    QVERIFY2(
        big.start({QStringLiteral("--campaigns"), QStringLiteral("1"), QStringLiteral("--agents"),
                   QString::number(100 * CipherSwarmClient::kMaxAgentPages + 5)}, // the server cannot page
                                                                                  // to the last ones
                  &error),
        qPrintable(error));
    m_session->setServer(big.url());
    // A hundred pages one after another: about 10 s under AddressSanitizer here, so a bound well above that.
    AWAIT_WITHIN(120000, QList<Agent>, agents, [&](auto done) { m_client->agents(done); });
    QVERIFY(!agents.ok());
    QVERIFY2(agents.error.message.contains(
                 QStringLiteral("the server lists 10005 items, only 10000 can be paged")),
             qPrintable(agents.error.message));
}

QTEST_GUILESS_MAIN(TestCipherSwarmClient)
#include "tst_CipherSwarmClient.moc"
