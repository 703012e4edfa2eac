#include "ManualReachability.h"
#include "ScriptedHttpServer.h"
#include "SseConnection.h"

#include <QElapsedTimer>
#include <QFile>
#include <QNetworkAccessManager>
#include <QSignalSpy>
#include <QSslKey>
#include <QTcpServer>
#include <QTest>

using namespace swarmwatch;
using namespace swarmwatch::test;
using namespace std::chrono_literals;
using State = SseConnection::State;

namespace {

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

QByteArray readFixture(const QString &name)
{
    QFile file(QStringLiteral(SWARMWATCH_TEST_FIXTURES "/") + name);
    if (!file.open(QIODevice::ReadOnly))
        qFatal("missing fixture %s", qPrintable(name));
    return file.readAll();
}

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
    QTRY_COMPARE_WITH_TIMEOUT(events.size(), 2, 5000);
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
    QTRY_VERIFY_WITH_TIMEOUT(m_server->requests().size() >= 3, 5000);
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
    QTRY_COMPARE_WITH_TIMEOUT(events.size(), 2, 5000);
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
    QString reconnectReason;
    connect(m_connection.get(), &SseConnection::stateChanged, this, [&](State state) {
        if (state == State::Reconnecting)
            reconnectReason = m_connection->reason();
    });
    m_connection->open();
    QTRY_COMPARE_WITH_TIMEOUT(events.size(), 2, 5000);
    QCOMPARE(reconnectReason, QStringLiteral("no data for 300 ms"));
    QCOMPARE(m_server->requests().size(), 2);
}

void TestSseConnection::noContentClosesForGood()
{
    m_server->setHandler([](const ScriptedHttpServer::Request &, QTcpSocket *socket) {
        socket->write("HTTP/1.1 204 No Content\r\nConnection: close\r\n\r\n");
        socket->disconnectFromHost();
    });
    m_connection->open();
    QTRY_COMPARE_WITH_TIMEOUT(m_connection->state(), State::Closed, 5000);
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
    QTRY_COMPARE_WITH_TIMEOUT(m_connection->state(), State::Unauthorized, 5000);
    QCOMPARE(m_connection->reason(), reason);
    QSignalSpy requests(m_server.get(), &ScriptedHttpServer::requestReceived);
    QVERIFY(!requests.wait(500));
    // Fresh credentials and open() again: the session layer's way back.
    m_connection->open();
    QVERIFY(requests.wait(5000));
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
    QTRY_COMPARE_WITH_TIMEOUT(m_connection->state(), State::Live, 5000);
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
    QSignalSpy requests(m_server.get(), &ScriptedHttpServer::requestReceived);
    m_connection->open();
    QVERIFY(requests.wait(5000));
    QTRY_COMPARE_WITH_TIMEOUT(m_connection->state(), State::Reconnecting, 5000);
    QElapsedTimer waited;
    waited.start();
    const qint64 scheduledIn = QDateTime::currentDateTimeUtc().msecsTo(m_connection->nextAttemptAt());
    QVERIFY2(scheduledIn > 800 && scheduledIn <= 1000, qPrintable(QString::number(scheduledIn)));
    QVERIFY2(m_connection->reason().contains(QStringLiteral("503")), qPrintable(m_connection->reason()));
    QVERIFY(requests.wait(5000));
    QVERIFY2(waited.elapsed() >= 750, qPrintable(QString::number(waited.elapsed())));
    QTRY_COMPARE_WITH_TIMEOUT(m_connection->state(), State::Live, 5000);
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
    QTRY_VERIFY_WITH_TIMEOUT(m_server->requests().size() >= 2, 5000);
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
    QTRY_COMPARE_WITH_TIMEOUT(events.size(), 1, 5000);
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
    QTRY_COMPARE_WITH_TIMEOUT(events.size(), 1, 5000);
    QCOMPARE(m_server->requests().size(), 2);
    QCOMPARE(m_server->requests().at(1).header("Authorization"), QByteArray("Bearer secret"));
}

void TestSseConnection::tooManyRedirectsIsAnError()
{
    m_server->setHandler([](const ScriptedHttpServer::Request &, QTcpSocket *socket) {
        socket->write(ScriptedHttpServer::response(302, "Found", "Location: /again\r\n", {}));
        socket->disconnectFromHost();
    });
    m_connection->open();
    QTRY_COMPARE_WITH_TIMEOUT(m_connection->state(), State::Reconnecting, 5000);
    QVERIFY2(m_connection->reason().contains(QStringLiteral("too many redirects")),
             qPrintable(m_connection->reason()));
    QCOMPARE(m_server->requests().size(), 6); // the request and the five redirects allowed
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
    QTRY_COMPARE_WITH_TIMEOUT(m_server->requests().size(), 2, 5000);
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
    QTRY_COMPARE_WITH_TIMEOUT(m_server->requests().size(), 2, 5000);
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
    QTRY_COMPARE_WITH_TIMEOUT(events.size(), 1, 5000);
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
    m_connection->open();
    QTRY_VERIFY_WITH_TIMEOUT(delays.size() >= 12, 10000);
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
    QCOMPARE(m_connection->state(), State::Reconnecting); // never gives up
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
    connect(&connection, &SseConnection::stateChanged, this, [&](State state) {
        if (state == State::Connecting)
            ++attempts;
        // The moment the server's close puts the connection into Reconnecting, the network goes away.
        if (state == State::Reconnecting && attempts == 1 && reachability.isOnline())
            reachability.setOnline(false);
    });
    reachability.setOnline(false);
    connection.open(); // offline at start: wait rather than fail
    QCOMPARE(connection.state(), State::Reconnecting);
    QCOMPARE(connection.reason(), QStringLiteral("waiting for the network"));
    QTest::qWait(300); // a window in which nothing may happen
    QCOMPARE(attempts, 0);

    reachability.setOnline(true);
    QCOMPARE(attempts, 1); // at once, not after a backoff
    QTRY_VERIFY_WITH_TIMEOUT(!reachability.isOnline(), 5000);
    const int attemptCount = connection.attempt();
    QTest::qWait(300);
    QCOMPARE(attempts, 1);
    QCOMPARE(connection.attempt(), attemptCount);
    QCOMPARE(connection.state(), State::Reconnecting);
    QCOMPARE(connection.reason(), QStringLiteral("the server ended the stream"));

    reachability.setOnline(true); // back: one attempt at once, not after the 2 s backoff
    QCOMPARE(attempts, 2);
    QTRY_COMPARE_WITH_TIMEOUT(connection.state(), State::Live, 1500);
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
    m_connection->open();
    QTRY_COMPARE_WITH_TIMEOUT(m_connection->state(), State::Live, 5000);
    QCOMPARE(m_connection->attempt(), 3);
    QTRY_COMPARE_WITH_TIMEOUT(m_connection->attempt(), 0, 5000);
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
    QTRY_COMPARE_WITH_TIMEOUT(m_connection->state(), State::Closed, 5000);
    QSignalSpy requests(m_server.get(), &ScriptedHttpServer::requestReceived);
    QVERIFY(!requests.wait(300));
    QCOMPARE(seen, QStringList{QStringLiteral("a")});
}

void TestSseConnection::untrustedCertificateFailsWithTheReason()
{
    ScriptedHttpServer tlsServer;
    QVERIFY(tlsServer.listenTls(QSslCertificate(readFixture(QStringLiteral("localhost.crt"))),
                                QSslKey(readFixture(QStringLiteral("localhost.key")), QSsl::Rsa)));
    m_connection->setUrl(tlsServer.url(QStringLiteral("/live")));
    m_connection->open();
    QTRY_COMPARE_WITH_TIMEOUT(m_connection->state(), State::Failed, 5000);
    QVERIFY2(m_connection->reason().startsWith(QStringLiteral("TLS error: ")),
             qPrintable(m_connection->reason()));
    QVERIFY2(m_connection->reason().contains(QStringLiteral("self signed"), Qt::CaseInsensitive)
                 || m_connection->reason().contains(QStringLiteral("self-signed"), Qt::CaseInsensitive),
             qPrintable(m_connection->reason()));
    QVERIFY(tlsServer.requests().isEmpty());
}

void TestSseConnection::extraCaCertificateIsTrusted()
{
    const QSslCertificate certificate(readFixture(QStringLiteral("localhost.crt")));
    ScriptedHttpServer tlsServer;
    QVERIFY(
        tlsServer.listenTls(certificate, QSslKey(readFixture(QStringLiteral("localhost.key")), QSsl::Rsa)));
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
    QTRY_COMPARE_WITH_TIMEOUT(events.size(), 1, 5000);
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
    QTRY_VERIFY_WITH_TIMEOUT(m_connection->reconnects() >= 1, 5000);
    QTRY_VERIFY_WITH_TIMEOUT(m_connection->eventsReceived() >= 4, 5000);
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
    QTRY_VERIFY_WITH_TIMEOUT(m_server->requests().size() >= 3, 5000);
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
    m_connection->open();
    QTRY_COMPARE_WITH_TIMEOUT(m_connection->state(), State::Reconnecting, 5000);
    const qint64 scheduledIn = QDateTime::currentDateTimeUtc().msecsTo(m_connection->nextAttemptAt());
    QVERIFY2(scheduledIn > 1500 && scheduledIn <= 2000, qPrintable(QString::number(scheduledIn)));
}

void TestSseConnection::redirectFromHttpsToHttpIsRefused()
{
    const QSslCertificate certificate(readFixture(QStringLiteral("localhost.crt")));
    ScriptedHttpServer tlsServer;
    QVERIFY(
        tlsServer.listenTls(certificate, QSslKey(readFixture(QStringLiteral("localhost.key")), QSsl::Rsa)));
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
    QTRY_COMPARE_WITH_TIMEOUT(m_connection->state(), State::Failed, 5000);
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
    QTRY_COMPARE_WITH_TIMEOUT(m_connection->state(), State::Reconnecting, 5000);
    QVERIFY(QDateTime::currentDateTimeUtc().msecsTo(m_connection->nextAttemptAt()) > 40);
    m_connection->reconnectNow();
    QCOMPARE(m_connection->state(), State::Connecting);
    QTRY_COMPARE_WITH_TIMEOUT(m_connection->state(), State::Live, 3000);
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
    QTRY_COMPARE_WITH_TIMEOUT(m_connection->state(), State::Unauthorized, 6000);
    QVERIFY2(timer.elapsed() < 4500, qPrintable(QString::number(timer.elapsed()))); // not the 5 s watchdog
    QCOMPARE(m_connection->reason(), QStringLiteral("HTTP 403 Forbidden"));
}

QTEST_GUILESS_MAIN(TestSseConnection)
#include "tst_SseConnection.moc"
