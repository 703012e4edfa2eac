#include "ManualReachability.h"
#include "ScriptedHttpServer.h"
#include "SseConnection.h"

#include <QElapsedTimer>
#include <QFile>
#include <QNetworkAccessManager>
#include <QPointer>
#include <QSignalSpy>
#include <QSslKey>
#include <QTcpServer>
#include <QTest>

using namespace swarmwatch;
using namespace swarmwatch::test;
using namespace std::chrono_literals;
using State = SseConnection::State;

namespace {

// Upper bound for waiting on something that must happen: generous, for a sanitizer build on a loaded machine;
// a passing run never waits for it.
constexpr int kWaitMs = 20000;

// Short intervals so that every path runs in well under a second; the production defaults are tested
// through SseConnectionSettings itself.
SseConnectionSettings fastSettings()
{
    SseConnectionSettings settings;
    settings.initialRetryDelay = 20ms;
    settings.maxRetryDelay = 100ms;
    settings.idleTimeout = 5000ms;
    settings.jitterSeed = 42;
    return settings;
}

QStringList eventData(const QSignalSpy &spy)
{
    QStringList data;
    for (const QList<QVariant> &arguments : spy)
        data.append(arguments.at(0).value<SseEvent>().data);
    return data;
}

QList<State> stateHistory(const QSignalSpy &spy)
{
    QList<State> states;
    for (const QList<QVariant> &arguments : spy)
        states.append(arguments.at(0).value<State>());
    return states;
}

// The server certificate and key for 127.0.0.1 in tests/support/fixtures; false if either cannot be read.
bool readTlsFixtures(QSslCertificate *certificate, QSslKey *key)
{
    QFile certificateFile(QStringLiteral(SWARMWATCH_TEST_FIXTURES "/localhost.crt"));
    QFile keyFile(QStringLiteral(SWARMWATCH_TEST_FIXTURES "/localhost.key"));
    if (!certificateFile.open(QIODevice::ReadOnly) || !keyFile.open(QIODevice::ReadOnly))
        return false;
    *certificate = QSslCertificate(certificateFile.readAll());
    *key = QSslKey(keyFile.readAll(), QSsl::Rsa);
    return !certificate->isNull() && !key->isNull();
}

constexpr char kMissingTlsFixtures[] =
    "cannot read localhost.crt and localhost.key in " SWARMWATCH_TEST_FIXTURES;

} // namespace

class TestSseConnection : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void init()
    {
        m_server = std::make_unique<ScriptedHttpServer>();
        QVERIFY(m_server->listen());
        m_network = std::make_unique<QNetworkAccessManager>();
        m_connection = std::make_unique<SseConnection>(m_network.get(), nullptr);
        m_connection->setSettings(fastSettings());
        m_connection->setUrl(m_server->url(QStringLiteral("/api/v1/web/live/campaigns")));
    }
    void cleanup()
    {
        m_connection.reset();
        m_network.reset();
        m_server.reset();
    }

    void deliversEventsWithTheRightRequestHeaders();
    void headerProviderIsAskedAgainOnEveryReconnect();
    void dropInTheMiddleOfAnEventLosesOnlyThatEvent();
    void stallTriggersTheWatchdog();
    void noContentClosesForGood();
    void unauthorizedStopsReconnecting_data();
    void unauthorizedStopsReconnecting();
    void serverErrorReconnectsWithTheBodyInTheReason();
    void serviceUnavailableHonoursRetryAfter();
    void wrongContentTypeReconnects();
    void redirectToAnotherPortDropsCredentials();
    void redirectToTheSameOriginKeepsCredentials();
    void tooManyRedirectsIsAnError();
    void lastEventIdIsSentAgainAfterReconnect();
    void retryFieldChangesTheDelay();
    void lineOverTheLimitFailsTheConnection();
    void backoffGrowsWithJitterUpToTheCap();
    void attemptsAreNotBurntWhileTheNetworkIsDown();
    void healthyConnectionResetsTheAttemptCount();
    void deliveringStreamRestartsTheBackoffFromTheFloor();
    void closingFromAnEventHandlerStopsDelivery();
    void untrustedCertificateFailsWithTheReason();
    void extraCaCertificateIsTrusted();
    void invalidUrlFails();
    void countersTrackTraffic();
    void retryAfterZeroDoesNotSpin();
    void hugeRetryAfterIsClamped();
    void redirectFromHttpsToHttpIsRefused();
    void reconnectNowSkipsTheWait();
    void errorBodyThatNeverEndsDoesNotDelayTheVerdict();

private:
    std::unique_ptr<ScriptedHttpServer> m_server;
    std::unique_ptr<QNetworkAccessManager> m_network;
    std::unique_ptr<SseConnection> m_connection;
};

void TestSseConnection::deliversEventsWithTheRightRequestHeaders()
{
    m_server->setHandler([](const ScriptedHttpServer::Request &, QTcpSocket *socket) {
        socket->write(ScriptedHttpServer::streamHead("text/event-stream; charset=utf-8"));
        socket->write("data: {\"trigger\": \"ping\"}\n\ndata: one\n\n");
    });
    m_connection->setHeaderProvider([] {
        return SseConnection::Headers{{"Authorization", "Bearer token-1"}, {"Cookie", "active_project_id=2"}};
    });
    QSignalSpy events(m_connection.get(), &SseConnection::eventReceived);
    m_connection->open();
    QTRY_COMPARE_WITH_TIMEOUT(events.size(), 2, kWaitMs);
    QCOMPARE(m_connection->state(), State::Live);
    QCOMPARE(eventData(events),
             (QStringList{QStringLiteral("{\"trigger\": \"ping\"}"), QStringLiteral("one")}));
    const auto &request = m_server->requests().at(0);
    QCOMPARE(request.method, QByteArray("GET"));
    QCOMPARE(request.target, QByteArray("/api/v1/web/live/campaigns"));
    QCOMPARE(request.header("Accept"), QByteArray("text/event-stream"));
    QCOMPARE(request.header("Cache-Control"), QByteArray("no-cache"));
    QCOMPARE(request.header("Authorization"), QByteArray("Bearer token-1"));
    QCOMPARE(request.header("Cookie"), QByteArray("active_project_id=2"));
    QVERIFY(!request.hasHeader("Last-Event-ID"));
}

void TestSseConnection::headerProviderIsAskedAgainOnEveryReconnect()
{
    m_server->setHandler([](const ScriptedHttpServer::Request &, QTcpSocket *socket) {
        socket->write(ScriptedHttpServer::streamHead());
        socket->write("data: x\n\n");
        socket->disconnectFromHost();
    });
    int token = 0;
    m_connection->setHeaderProvider([&token] {
        return SseConnection::Headers{{"Authorization", "Bearer token-" + QByteArray::number(++token)}};
    });
    m_connection->open();
    QTRY_VERIFY2_WITH_TIMEOUT(m_server->requests().size() >= 3,
                              qPrintable(QStringLiteral("%1 requests").arg(m_server->requests().size())),
                              kWaitMs);
    QCOMPARE(m_server->requests().at(0).header("Authorization"), QByteArray("Bearer token-1"));
    QCOMPARE(m_server->requests().at(1).header("Authorization"), QByteArray("Bearer token-2"));
    QCOMPARE(m_server->requests().at(2).header("Authorization"), QByteArray("Bearer token-3"));
}

void TestSseConnection::dropInTheMiddleOfAnEventLosesOnlyThatEvent()
{
    m_server->setHandler([this](const ScriptedHttpServer::Request &, QTcpSocket *socket) {
        socket->write(ScriptedHttpServer::streamHead());
        if (m_server->requests().size() == 1) {
            socket->write("data: first\n\ndata: cut");
            socket->flush();
            socket->disconnectFromHost();
        } else {
            socket->write("data: second\n\n");
        }
    });
    QSignalSpy events(m_connection.get(), &SseConnection::eventReceived);
    QSignalSpy states(m_connection.get(), &SseConnection::stateChanged);
    m_connection->open();
    QTRY_COMPARE_WITH_TIMEOUT(events.size(), 2, kWaitMs);
    QCOMPARE(eventData(events), (QStringList{QStringLiteral("first"), QStringLiteral("second")}));
    bool sawReconnecting = false;
    for (const auto &arguments : states)
        sawReconnecting = sawReconnecting || arguments.at(0).value<State>() == State::Reconnecting;
    QVERIFY(sawReconnecting);
    QCOMPARE(m_connection->state(), State::Live);
}

void TestSseConnection::stallTriggersTheWatchdog()
{
    auto settings = fastSettings();
    settings.idleTimeout = 300ms;
    m_connection->setSettings(settings);
    m_server->setHandler([this](const ScriptedHttpServer::Request &, QTcpSocket *socket) {
        socket->write(ScriptedHttpServer::streamHead());
        if (m_server->requests().size() == 1)
            socket->write("data: then silence\n\n"); // and the socket stays open with nothing more
        else
            socket->write("data: back\n\n");
    });
    QSignalSpy events(m_connection.get(), &SseConnection::eventReceived);
    // Recorded as it happens: 300 ms after "back" the watchdog fires again, so a late look would see more.
    QStringList reasons;
    connect(m_connection.get(), &SseConnection::stateChanged, this, [&](State state) {
        if (state == State::Reconnecting)
            reasons.append(m_connection->reason());
    });
    qsizetype requestsAtSecondEvent = -1;
    connect(m_connection.get(), &SseConnection::eventReceived, this, [&] {
        if (events.size() == 2)
            requestsAtSecondEvent = m_server->requests().size();
    });
    m_connection->open();
    QTRY_VERIFY2_WITH_TIMEOUT(events.size() >= 2, "no event after the stall", kWaitMs);
    QCOMPARE(eventData(events).mid(0, 2),
             (QStringList{QStringLiteral("then silence"), QStringLiteral("back")}));
    QCOMPARE(reasons.value(0), QStringLiteral("no data for 300 ms"));
    QCOMPARE(requestsAtSecondEvent, 2);
}

void TestSseConnection::noContentClosesForGood()
{
    m_server->setHandler([](const ScriptedHttpServer::Request &, QTcpSocket *socket) {
        socket->write("HTTP/1.1 204 No Content\r\nConnection: close\r\n\r\n");
        socket->disconnectFromHost();
    });
    m_connection->open();
    QTRY_COMPARE_WITH_TIMEOUT(m_connection->state(), State::Closed, kWaitMs);
    QVERIFY2(m_connection->reason().contains(QStringLiteral("204")), qPrintable(m_connection->reason()));
    QSignalSpy requests(m_server.get(), &ScriptedHttpServer::requestReceived);
    QVERIFY(!requests.wait(500)); // 25 times the retry delay: nothing comes
    QCOMPARE(m_server->requests().size(), 1);
}

void TestSseConnection::unauthorizedStopsReconnecting_data()
{
    QTest::addColumn<QByteArray>("status");
    QTest::addColumn<QByteArray>("body");
    QTest::addColumn<QString>("reason");
    QTest::newRow("401 expired") << QByteArray("401 Unauthorized")
                                 << QByteArray(R"({"detail":"Token expired"})")
                                 << QStringLiteral("HTTP 401 Unauthorized: Token expired");
    QTest::newRow("403 inactive") << QByteArray("403 Forbidden")
                                  << QByteArray(R"({"detail":"Inactive user"})")
                                  << QStringLiteral("HTTP 403 Forbidden: Inactive user");
}

void TestSseConnection::unauthorizedStopsReconnecting()
{
    QFETCH(QByteArray, status);
    QFETCH(QByteArray, body);
    QFETCH(QString, reason);
    m_server->setHandler([&](const ScriptedHttpServer::Request &, QTcpSocket *socket) {
        socket->write("HTTP/1.1 " + status
                      + "\r\nContent-Type: application/json\r\nWWW-Authenticate: Bearer\r\n"
                        "Content-Length: "
                      + QByteArray::number(body.size()) + "\r\nConnection: close\r\n\r\n" + body);
        socket->disconnectFromHost();
    });
    m_connection->open();
    QTRY_COMPARE_WITH_TIMEOUT(m_connection->state(), State::Unauthorized, kWaitMs);
    QCOMPARE(m_connection->reason(), reason);
    QSignalSpy requests(m_server.get(), &ScriptedHttpServer::requestReceived);
    QVERIFY(!requests.wait(500));
    // Fresh credentials and open() again: the session layer's way back.
    m_connection->open();
    QVERIFY2(requests.wait(kWaitMs), "open() sent no request");
}

void TestSseConnection::serverErrorReconnectsWithTheBodyInTheReason()
{
    m_server->setHandler([this](const ScriptedHttpServer::Request &, QTcpSocket *socket) {
        if (m_server->requests().size() == 1) {
            socket->write(ScriptedHttpServer::response(500, "Internal Server Error", {},
                                                       "Internal Server Error", "text/plain; charset=utf-8"));
            socket->disconnectFromHost();
        } else {
            socket->write(ScriptedHttpServer::streamHead());
            socket->write("data: ok\n\n");
        }
    });
    QStringList reasons;
    connect(m_connection.get(), &SseConnection::stateChanged, this, [&](State state) {
        if (state == State::Reconnecting)
            reasons.append(m_connection->reason());
    });
    m_connection->open();
    QTRY_COMPARE_WITH_TIMEOUT(m_connection->state(), State::Live, kWaitMs);
    QCOMPARE(reasons, QStringList{QStringLiteral("HTTP 500 Internal Server Error: Internal Server Error")});
}

void TestSseConnection::serviceUnavailableHonoursRetryAfter()
{
    m_server->setHandler([this](const ScriptedHttpServer::Request &, QTcpSocket *socket) {
        if (m_server->requests().size() == 1) {
            socket->write(ScriptedHttpServer::response(503, "Service Unavailable", "Retry-After: 1\r\n",
                                                       R"({"detail":"maintenance"})"));
            socket->disconnectFromHost();
        } else {
            socket->write(ScriptedHttpServer::streamHead());
            socket->write("data: ok\n\n");
        }
    });
    // Everything is recorded when it happens, so that a late look on a busy machine sees the same.
    QElapsedTimer clock;
    clock.start();
    QList<qint64> requestTimes;
    connect(m_server.get(), &ScriptedHttpServer::requestReceived, this,
            [&] { requestTimes.append(clock.elapsed()); });
    QSignalSpy states(m_connection.get(), &SseConnection::stateChanged);
    qint64 reconnectingAt = -1;
    qint64 scheduledIn = -1;
    QString reason;
    connect(m_connection.get(), &SseConnection::stateChanged, this, [&](State state) {
        if (state != State::Reconnecting || reconnectingAt >= 0)
            return;
        reconnectingAt = clock.elapsed();
        scheduledIn = QDateTime::currentDateTimeUtc().msecsTo(m_connection->nextAttemptAt());
        reason = m_connection->reason();
    });
    m_connection->open();
    QTRY_VERIFY2_WITH_TIMEOUT(stateHistory(states).contains(State::Live), "never live after the 503",
                              kWaitMs);
    QVERIFY2(scheduledIn > 800 && scheduledIn <= 1000, qPrintable(QString::number(scheduledIn)));
    QVERIFY2(reason.contains(QStringLiteral("503")), qPrintable(reason));
    QVERIFY2(requestTimes.size() >= 2, qPrintable(QString::number(requestTimes.size())));
    const qint64 waited = requestTimes.at(1) - reconnectingAt;
    QVERIFY2(waited >= 750, qPrintable(QString::number(waited)));
    QCOMPARE(m_connection->state(), State::Live);
}

void TestSseConnection::wrongContentTypeReconnects()
{
    m_server->setHandler([](const ScriptedHttpServer::Request &, QTcpSocket *socket) {
        socket->write(ScriptedHttpServer::response(200, "OK", {}, R"({"items":[]})"));
        socket->disconnectFromHost();
    });
    QSignalSpy events(m_connection.get(), &SseConnection::eventReceived);
    QStringList reasons;
    connect(m_connection.get(), &SseConnection::stateChanged, this, [&](State state) {
        if (state == State::Reconnecting)
            reasons.append(m_connection->reason());
    });
    m_connection->open();
    QTRY_VERIFY2_WITH_TIMEOUT(m_server->requests().size() >= 2,
                              qPrintable(QStringLiteral("%1 requests").arg(m_server->requests().size())),
                              kWaitMs);
    QCOMPARE(
        reasons.value(0),
        QStringLiteral("the server answered with content type “application/json”, not text/event-stream"));
    QVERIFY(events.isEmpty());
}

void TestSseConnection::redirectToAnotherPortDropsCredentials()
{
    ScriptedHttpServer other;
    QVERIFY(other.listen());
    other.setHandler([](const ScriptedHttpServer::Request &, QTcpSocket *socket) {
        socket->write(ScriptedHttpServer::streamHead());
        socket->write("data: elsewhere\n\n");
    });
    const QByteArray target = other.url(QStringLiteral("/feed")).toEncoded();
    m_server->setHandler([&](const ScriptedHttpServer::Request &, QTcpSocket *socket) {
        socket->write(
            ScriptedHttpServer::response(307, "Temporary Redirect", "Location: " + target + "\r\n", {}));
        socket->disconnectFromHost();
    });
    m_connection->setHeaderProvider([] {
        return SseConnection::Headers{
            {"Authorization", "Bearer secret"}, {"Cookie", "access_token=secret"}, {"X-Request-ID", "abc"}};
    });
    QSignalSpy events(m_connection.get(), &SseConnection::eventReceived);
    m_connection->open();
    QTRY_COMPARE_WITH_TIMEOUT(events.size(), 1, kWaitMs);
    QCOMPARE(m_server->requests().at(0).header("Authorization"), QByteArray("Bearer secret"));
    const auto &redirected = other.requests().at(0);
    QCOMPARE(redirected.target, QByteArray("/feed"));
    QVERIFY(!redirected.hasHeader("Authorization"));
    QVERIFY(!redirected.hasHeader("Cookie"));
    QCOMPARE(redirected.header("X-Request-ID"), QByteArray("abc"));
    QCOMPARE(redirected.header("Accept"), QByteArray("text/event-stream"));
}

void TestSseConnection::redirectToTheSameOriginKeepsCredentials()
{
    m_server->setHandler([](const ScriptedHttpServer::Request &request, QTcpSocket *socket) {
        if (request.target != "/moved") {
            socket->write(
                ScriptedHttpServer::response(308, "Permanent Redirect", "Location: /moved\r\n", {}));
            socket->disconnectFromHost();
            return;
        }
        socket->write(ScriptedHttpServer::streamHead());
        socket->write("data: here\n\n");
    });
    m_connection->setHeaderProvider([] {
        return SseConnection::Headers{{"Authorization", "Bearer secret"}};
    });
    QSignalSpy events(m_connection.get(), &SseConnection::eventReceived);
    m_connection->open();
    QTRY_COMPARE_WITH_TIMEOUT(events.size(), 1, kWaitMs);
    QCOMPARE(m_server->requests().size(), 2);
    QCOMPARE(m_server->requests().at(1).header("Authorization"), QByteArray("Bearer secret"));
}

void TestSseConnection::tooManyRedirectsIsAnError()
{
    m_server->setHandler([](const ScriptedHttpServer::Request &, QTcpSocket *socket) {
        socket->write(ScriptedHttpServer::response(302, "Found", "Location: /again\r\n", {}));
        socket->disconnectFromHost();
    });
    // Reconnecting lasts 50 ms here before the next round of redirects: recorded, not polled for.
    QString reason;
    qsizetype requestsAtReconnect = -1;
    connect(m_connection.get(), &SseConnection::stateChanged, this, [&](State state) {
        if (state == State::Reconnecting && requestsAtReconnect < 0) {
            reason = m_connection->reason();
            requestsAtReconnect = m_server->requests().size();
        }
    });
    m_connection->open();
    QTRY_VERIFY2_WITH_TIMEOUT(requestsAtReconnect >= 0, "never reconnecting", kWaitMs);
    QVERIFY2(reason.contains(QStringLiteral("too many redirects")), qPrintable(reason));
    QCOMPARE(requestsAtReconnect, 6); // the request and the five redirects allowed
}

void TestSseConnection::lastEventIdIsSentAgainAfterReconnect()
{
    m_server->setHandler([this](const ScriptedHttpServer::Request &, QTcpSocket *socket) {
        socket->write(ScriptedHttpServer::streamHead());
        if (m_server->requests().size() == 1) {
            socket->write("id: 41\ndata: a\n\n");
            socket->disconnectFromHost();
        }
    });
    m_connection->setLastEventId(QStringLiteral("40"));
    m_connection->open();
    QTRY_COMPARE_WITH_TIMEOUT(m_server->requests().size(), 2, kWaitMs);
    QCOMPARE(m_server->requests().at(0).header("Last-Event-ID"), QByteArray("40"));
    QCOMPARE(m_server->requests().at(1).header("Last-Event-ID"), QByteArray("41"));
    QCOMPARE(m_connection->lastEventId(), QStringLiteral("41"));
}

void TestSseConnection::retryFieldChangesTheDelay()
{
    auto settings = fastSettings();
    settings.initialRetryDelay = 20000ms; // without the server's retry the test would time out
    settings.maxRetryDelay = 30000ms;
    m_connection->setSettings(settings);
    m_server->setHandler([this](const ScriptedHttpServer::Request &, QTcpSocket *socket) {
        socket->write(ScriptedHttpServer::streamHead());
        if (m_server->requests().size() == 1) {
            socket->write("retry: 60\ndata: a\n\n");
            socket->disconnectFromHost();
        }
    });
    QSignalSpy retries(m_connection.get(), &SseConnection::retryDelayChanged);
    qint64 scheduledIn = -1;
    connect(m_connection.get(), &SseConnection::stateChanged, this, [&](State state) {
        if (state == State::Reconnecting)
            scheduledIn = QDateTime::currentDateTimeUtc().msecsTo(m_connection->nextAttemptAt());
    });
    m_connection->open();
    QTRY_COMPARE_WITH_TIMEOUT(m_server->requests().size(), 2, kWaitMs);
    QCOMPARE(retries.size(), 1);
    QCOMPARE(m_connection->currentRetryBase(), 60ms);
    QVERIFY2(scheduledIn >= 0 && scheduledIn <= 60, qPrintable(QString::number(scheduledIn)));
}

void TestSseConnection::lineOverTheLimitFailsTheConnection()
{
    auto settings = fastSettings();
    settings.limits = {64, 64};
    m_connection->setSettings(settings);
    m_server->setHandler([this](const ScriptedHttpServer::Request &, QTcpSocket *socket) {
        socket->write(ScriptedHttpServer::streamHead());
        if (m_server->requests().size() == 1)
            socket->write("data: " + QByteArray(100, 'x')); // no newline: a server that talks on and on
        else
            socket->write("data: fine\n\n");
    });
    QStringList reasons;
    connect(m_connection.get(), &SseConnection::stateChanged, this, [&](State state) {
        if (state == State::Reconnecting)
            reasons.append(m_connection->reason());
    });
    QSignalSpy events(m_connection.get(), &SseConnection::eventReceived);
    m_connection->open();
    QTRY_COMPARE_WITH_TIMEOUT(events.size(), 1, kWaitMs);
    QCOMPARE(reasons,
             QStringList{QStringLiteral("protocol error: a line is longer than the limit of 64 bytes")});
    QCOMPARE(eventData(events), QStringList{QStringLiteral("fine")});
}

void TestSseConnection::backoffGrowsWithJitterUpToTheCap()
{
    // Nothing listens on this port: every attempt is refused at once.
    quint16 closedPort;
    {
        QTcpServer probe;
        QVERIFY(probe.listen(QHostAddress::LocalHost));
        closedPort = probe.serverPort();
    }
    auto settings = fastSettings();
    settings.initialRetryDelay = 10ms;
    settings.maxRetryDelay = 200ms;
    m_connection->setSettings(settings);
    m_connection->setUrl(QUrl(QStringLiteral("http://127.0.0.1:%1/live").arg(closedPort)));
    QList<qint64> delays;
    connect(m_connection.get(), &SseConnection::stateChanged, this, [&](State state) {
        if (state == State::Reconnecting)
            delays.append(QDateTime::currentDateTimeUtc().msecsTo(m_connection->nextAttemptAt()));
    });
    QSignalSpy states(m_connection.get(), &SseConnection::stateChanged);
    m_connection->open();
    QTRY_VERIFY2_WITH_TIMEOUT(delays.size() >= 12,
                              qPrintable(QStringLiteral("%1 attempts").arg(delays.size())), kWaitMs);
    QVERIFY2(m_connection->reason().contains(QStringLiteral("refused"), Qt::CaseInsensitive),
             qPrintable(m_connection->reason()));
    qint64 ceiling = 50; // the floor: 10 ms is below it
    for (qsizetype i = 0; i < delays.size(); ++i) {
        QVERIFY2(delays[i] <= std::min<qint64>(ceiling, 200),
                 qPrintable(QStringLiteral("attempt %1: %2 ms").arg(i).arg(delays[i])));
        ceiling *= 2;
    }
    // After the cap is reached the delays are spread, not pinned to the cap.
    const auto [lowest, highest] = std::minmax_element(delays.begin() + 3, delays.end());
    QVERIFY2(*highest - *lowest >= 20, qPrintable(QStringLiteral("%1..%2").arg(*lowest).arg(*highest)));
    // Never gives up: only attempts and waits so far, and (the short attempts aside) waiting for the next.
    for (const State state : stateHistory(states))
        QVERIFY(state == State::Connecting || state == State::Reconnecting);
    QTRY_COMPARE_WITH_TIMEOUT(m_connection->state(), State::Reconnecting, kWaitMs);
}

void TestSseConnection::attemptsAreNotBurntWhileTheNetworkIsDown()
{
    ManualReachability reachability;
    SseConnection connection(m_network.get(), &reachability);
    auto settings = fastSettings();
    settings.initialRetryDelay =
        2000ms; // long enough that only the network coming back explains a quick retry
    settings.maxRetryDelay = 4000ms;
    connection.setSettings(settings);
    connection.setUrl(m_server->url());
    int streams = 0;
    m_server->setHandler([&streams](const ScriptedHttpServer::Request &, QTcpSocket *socket) {
        socket->write(ScriptedHttpServer::streamHead());
        socket->write("data: x\n\n");
        if (++streams == 1)
            socket->disconnectFromHost();
    });
    // Attempts are counted on the client: Qt's HTTP stack may itself repeat a request whose connection the
    // server closed, which says nothing about this class.
    int attempts = 0;
    qint64 scheduledIn = -1; // the backoff drawn for the retry that the network's going away suspends
    connect(&connection, &SseConnection::stateChanged, this, [&](State state) {
        if (state == State::Connecting)
            ++attempts;
        // The moment the server's close puts the connection into Reconnecting, the network goes away.
        if (state == State::Reconnecting && attempts == 1 && reachability.isOnline()) {
            scheduledIn = QDateTime::currentDateTimeUtc().msecsTo(connection.nextAttemptAt());
            reachability.setOnline(false);
        }
    });
    reachability.setOnline(false);
    connection.open(); // offline at start: wait rather than fail
    QCOMPARE(connection.state(), State::Reconnecting);
    QCOMPARE(connection.reason(), QStringLiteral("waiting for the network"));
    QTest::qWait(300); // a window in which nothing may happen
    QCOMPARE(attempts, 0);

    reachability.setOnline(true);
    QCOMPARE(attempts, 1); // at once, not after a backoff
    QTRY_VERIFY2_WITH_TIMEOUT(!reachability.isOnline(), "the server's close did not reach the client",
                              kWaitMs);
    QVERIFY2(scheduledIn > 0, qPrintable(QString::number(scheduledIn)));
    const int attemptCount = connection.attempt();
    // An observation window past the moment the suspended retry was due, whatever the jitter drew.
    QTest::qWait(static_cast<int>(scheduledIn) + 300);
    QCOMPARE(attempts, 1);
    QCOMPARE(connection.attempt(), attemptCount);
    QCOMPARE(connection.state(), State::Reconnecting);
    QCOMPARE(connection.reason(), QStringLiteral("the server ended the stream"));

    reachability.setOnline(true); // back: one attempt at once, not after the backoff
    QCOMPARE(attempts, 2);
    QTRY_COMPARE_WITH_TIMEOUT(connection.state(), State::Live, kWaitMs);
    QCOMPARE(attempts, 2); // live through that attempt
}

void TestSseConnection::healthyConnectionResetsTheAttemptCount()
{
    auto settings = fastSettings();
    settings.healthyAfter = 200ms;
    m_connection->setSettings(settings);
    m_server->setHandler([this](const ScriptedHttpServer::Request &, QTcpSocket *socket) {
        if (m_server->requests().size() <= 3) {
            socket->write(ScriptedHttpServer::response(502, "Bad Gateway", {}, "bad gateway", "text/plain"));
            socket->disconnectFromHost();
            return;
        }
        socket->write(ScriptedHttpServer::streamHead());
        socket->write("data: x\n\n");
    });
    // The count when the connection went live, recorded then: 200 ms later it is reset.
    int attemptWhenLive = -1;
    connect(m_connection.get(), &SseConnection::stateChanged, this, [&](State state) {
        if (state == State::Live && attemptWhenLive < 0)
            attemptWhenLive = m_connection->attempt();
    });
    m_connection->open();
    QTRY_VERIFY2_WITH_TIMEOUT(attemptWhenLive >= 0, "never live", kWaitMs);
    QCOMPARE(attemptWhenLive, 3);
    QTRY_COMPARE_WITH_TIMEOUT(m_connection->attempt(), 0, kWaitMs);
}

void TestSseConnection::deliveringStreamRestartsTheBackoffFromTheFloor()
{
    // A long outage escalates the backoff; once the feed is back and delivering, its next routine drop waits
    // no more than a first failure would. healthyAfter is out of reach: only the delivered event can reset.
    auto settings = fastSettings();
    settings.healthyAfter = std::chrono::hours(1);
    m_connection->setSettings(settings);
    QPointer<QTcpSocket> stream;
    m_server->setHandler([&](const ScriptedHttpServer::Request &, QTcpSocket *socket) {
        if (m_server->requests().size() <= 5) {
            socket->write(ScriptedHttpServer::response(502, "Bad Gateway", {}, "bad gateway", "text/plain"));
            socket->disconnectFromHost();
            return;
        }
        socket->write(ScriptedHttpServer::streamHead());
        socket->write("data: x\n\n");
        stream = socket;
    });
    QList<int> attemptsWhenReconnecting;
    connect(m_connection.get(), &SseConnection::stateChanged, this, [&](State state) {
        if (state == State::Reconnecting)
            attemptsWhenReconnecting.append(m_connection->attempt());
    });
    QSignalSpy events(m_connection.get(), &SseConnection::eventReceived);
    m_connection->open();
    QTRY_VERIFY2_WITH_TIMEOUT(!events.isEmpty(), "never delivered", kWaitMs);
    QCOMPARE(attemptsWhenReconnecting, (QList<int>{1, 2, 3, 4, 5}));
    QVERIFY(stream);
    stream->disconnectFromHost(); // a routine drop
    QTRY_COMPARE_WITH_TIMEOUT(attemptsWhenReconnecting.size(), 6, kWaitMs);
    QCOMPARE(attemptsWhenReconnecting.last(), 1); // the floor again, not attempt 6
}

void TestSseConnection::closingFromAnEventHandlerStopsDelivery()
{
    m_server->setHandler([](const ScriptedHttpServer::Request &, QTcpSocket *socket) {
        socket->write(ScriptedHttpServer::streamHead());
        socket->write("data: a\n\ndata: b\n\ndata: c\n\n");
    });
    QStringList seen;
    connect(m_connection.get(), &SseConnection::eventReceived, this, [&](const SseEvent &event) {
        seen.append(event.data);
        m_connection->close();
    });
    m_connection->open();
    QTRY_COMPARE_WITH_TIMEOUT(m_connection->state(), State::Closed, kWaitMs);
    QSignalSpy requests(m_server.get(), &ScriptedHttpServer::requestReceived);
    QVERIFY(!requests.wait(300));
    QCOMPARE(seen, QStringList{QStringLiteral("a")});
}

void TestSseConnection::untrustedCertificateFailsWithTheReason()
{
    QSslCertificate certificate;
    QSslKey key;
    QVERIFY2(readTlsFixtures(&certificate, &key), kMissingTlsFixtures);
    ScriptedHttpServer tlsServer;
    QVERIFY(tlsServer.listenTls(certificate, key));
    m_connection->setUrl(tlsServer.url(QStringLiteral("/live")));
    m_connection->open();
    QTRY_COMPARE_WITH_TIMEOUT(m_connection->state(), State::Failed, kWaitMs);
    QVERIFY2(m_connection->reason().startsWith(QStringLiteral("TLS error: ")),
             qPrintable(m_connection->reason()));
    QVERIFY2(m_connection->reason().contains(QStringLiteral("self signed"), Qt::CaseInsensitive)
                 || m_connection->reason().contains(QStringLiteral("self-signed"), Qt::CaseInsensitive),
             qPrintable(m_connection->reason()));
    QVERIFY(tlsServer.requests().isEmpty());
}

void TestSseConnection::extraCaCertificateIsTrusted()
{
    QSslCertificate certificate;
    QSslKey key;
    QVERIFY2(readTlsFixtures(&certificate, &key), kMissingTlsFixtures);
    ScriptedHttpServer tlsServer;
    QVERIFY(tlsServer.listenTls(certificate, key));
    tlsServer.setHandler([](const ScriptedHttpServer::Request &, QTcpSocket *socket) {
        socket->write(ScriptedHttpServer::streamHead());
        socket->write("data: secure\n\n");
    });
    auto settings = fastSettings();
    settings.extraCaCertificates = {certificate};
    m_connection->setSettings(settings);
    m_connection->setUrl(tlsServer.url(QStringLiteral("/live")));
    QSignalSpy events(m_connection.get(), &SseConnection::eventReceived);
    m_connection->open();
    QTRY_COMPARE_WITH_TIMEOUT(events.size(), 1, kWaitMs);
    QCOMPARE(eventData(events), QStringList{QStringLiteral("secure")});
    QCOMPARE(tlsServer.requests().size(), 1);
}

void TestSseConnection::invalidUrlFails()
{
    m_connection->setUrl(QUrl(QStringLiteral("ftp://example.invalid/feed")));
    m_connection->open();
    QCOMPARE(m_connection->state(), State::Failed);
    QVERIFY2(m_connection->reason().contains(QStringLiteral("not an http or https URL")),
             qPrintable(m_connection->reason()));
}

void TestSseConnection::countersTrackTraffic()
{
    const QByteArray body = "data: a\n\n: comment\n\ndata: b\n\n";
    m_server->setHandler([&](const ScriptedHttpServer::Request &, QTcpSocket *socket) {
        socket->write(ScriptedHttpServer::streamHead());
        socket->write(body);
        socket->disconnectFromHost();
    });
    const QDateTime before = QDateTime::currentDateTimeUtc();
    m_connection->open();
    QTRY_VERIFY2_WITH_TIMEOUT(m_connection->reconnects() >= 1, "no reconnect", kWaitMs);
    QTRY_VERIFY2_WITH_TIMEOUT(m_connection->eventsReceived() >= 4,
                              qPrintable(QStringLiteral("%1 events").arg(m_connection->eventsReceived())),
                              kWaitMs);
    QVERIFY(m_connection->bytesReceived() >= 2 * quint64(body.size()));
    QVERIFY(m_connection->lastByteAt() >= before);
}

void TestSseConnection::retryAfterZeroDoesNotSpin()
{
    m_server->setHandler([](const ScriptedHttpServer::Request &, QTcpSocket *socket) {
        socket->write(ScriptedHttpServer::response(503, "Service Unavailable", "Retry-After: 0\r\n", "{}"));
        socket->disconnectFromHost();
    });
    m_connection->open();
    QTRY_VERIFY2_WITH_TIMEOUT(m_server->requests().size() >= 3,
                              qPrintable(QStringLiteral("%1 requests").arg(m_server->requests().size())),
                              kWaitMs);
    // The backoff still applies under "Retry-After: 0": in this window a spinning client sends thousands.
    const qsizetype before = m_server->requests().size();
    QTest::qWait(1000); // an observation window, not synchronisation
    const qsizetype during = m_server->requests().size() - before;
    QVERIFY2(during <= 25, qPrintable(QStringLiteral("%1 requests in one second").arg(during)));
}

void TestSseConnection::hugeRetryAfterIsClamped()
{
    auto settings = fastSettings();
    settings.maxRetryAfter = 2000ms;
    m_connection->setSettings(settings);
    m_server->setHandler([](const ScriptedHttpServer::Request &, QTcpSocket *socket) {
        socket->write(ScriptedHttpServer::response(429, "Too Many Requests",
                                                   "Retry-After: 9300000000000000\r\n", "{}"));
        socket->disconnectFromHost();
    });
    qint64 scheduledIn =
        -1; // taken when the retry is scheduled, not when a busy machine gets round to looking
    connect(m_connection.get(), &SseConnection::stateChanged, this, [&](State state) {
        if (state == State::Reconnecting && scheduledIn < 0)
            scheduledIn = QDateTime::currentDateTimeUtc().msecsTo(m_connection->nextAttemptAt());
    });
    m_connection->open();
    QTRY_VERIFY2_WITH_TIMEOUT(scheduledIn >= 0, "never reconnecting", kWaitMs);
    QVERIFY2(scheduledIn > 1500 && scheduledIn <= 2000, qPrintable(QString::number(scheduledIn)));
}

void TestSseConnection::redirectFromHttpsToHttpIsRefused()
{
    QSslCertificate certificate;
    QSslKey key;
    QVERIFY2(readTlsFixtures(&certificate, &key), kMissingTlsFixtures);
    ScriptedHttpServer tlsServer;
    QVERIFY(tlsServer.listenTls(certificate, key));
    const QByteArray target = m_server->url(QStringLiteral("/plain")).toEncoded();
    tlsServer.setHandler([&](const ScriptedHttpServer::Request &, QTcpSocket *socket) {
        socket->write(ScriptedHttpServer::response(302, "Found", "Location: " + target + "\r\n", {}));
        socket->disconnectFromHost();
    });
    auto settings = fastSettings();
    settings.extraCaCertificates = {certificate};
    m_connection->setSettings(settings);
    m_connection->setUrl(tlsServer.url(QStringLiteral("/live")));
    m_connection->setHeaderProvider([] {
        return SseConnection::Headers{{"Authorization", "Bearer secret"}};
    });
    m_connection->open();
    QTRY_COMPARE_WITH_TIMEOUT(m_connection->state(), State::Failed, kWaitMs);
    QVERIFY2(m_connection->reason().startsWith(QStringLiteral("refused a redirect from https to http")),
             qPrintable(m_connection->reason()));
    QCOMPARE(tlsServer.requests().size(), 1);
    QVERIFY(m_server->requests().isEmpty());
}

void TestSseConnection::reconnectNowSkipsTheWait()
{
    auto settings = fastSettings();
    settings.initialRetryDelay = 20000ms;
    settings.maxRetryDelay = 30000ms;
    m_connection->setSettings(settings);
    m_server->setHandler([this](const ScriptedHttpServer::Request &, QTcpSocket *socket) {
        if (m_server->requests().size() == 1) {
            socket->write(ScriptedHttpServer::response(502, "Bad Gateway", {}, "down", "text/plain"));
            socket->disconnectFromHost();
            return;
        }
        socket->write(ScriptedHttpServer::streamHead());
        socket->write("data: back\n\n");
    });
    m_connection->open();
    QTRY_COMPARE_WITH_TIMEOUT(m_connection->state(), State::Reconnecting, kWaitMs);
    QVERIFY(QDateTime::currentDateTimeUtc().msecsTo(m_connection->nextAttemptAt()) > 40);
    m_connection->reconnectNow();
    QCOMPARE(m_connection->state(), State::Connecting);
    QTRY_COMPARE_WITH_TIMEOUT(m_connection->state(), State::Live, kWaitMs);
    QCOMPARE(m_connection->reconnects(), 1u);
}

void TestSseConnection::errorBodyThatNeverEndsDoesNotDelayTheVerdict()
{
    m_server->setHandler([](const ScriptedHttpServer::Request &, QTcpSocket *socket) {
        // A 403 whose body is promised but never sent. (For a 401, QNetworkAccessManager itself holds the
        // answer back until the body is complete, so the idle watchdog is what ends that case.)
        socket->write(
            "HTTP/1.1 403 Forbidden\r\nContent-Type: application/json\r\nContent-Length: 500\r\n\r\n{");
    });
    QElapsedTimer timer;
    timer.start();
    m_connection->open();
    QTRY_COMPARE_WITH_TIMEOUT(m_connection->state(), State::Unauthorized, kWaitMs);
    QVERIFY2(timer.elapsed() < 4500, qPrintable(QString::number(timer.elapsed()))); // not the 5 s watchdog
    QCOMPARE(m_connection->reason(), QStringLiteral("HTTP 403 Forbidden"));
}

QTEST_GUILESS_MAIN(TestSseConnection)
#include "tst_SseConnection.moc"
