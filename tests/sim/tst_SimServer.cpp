// The simulated CipherSwarm, checked byte for byte against ../shared/cipherswarm-api.md with plain sockets
// and curl: nothing of SwarmWatch's client is used here, so the simulator is not tested by its own twin.
#include "SimServer.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QProcess>
#include <QRegularExpression>
#include <QSignalSpy>
#include <QStandardPaths>
#include <QTcpSocket>
#include <QTest>

using namespace swarmwatch::sim;
using namespace std::chrono_literals;

namespace {

// Upper bound for waiting on the simulator or on curl: generous, for a sanitizer build on a loaded machine; a
// passing run never waits for it.
constexpr int kWaitMs = 20000;

struct RawResponse {
    QByteArray head;
    QByteArray body;
    int status() const { return head.mid(9, 3).toInt(); }
    QByteArray header(const QByteArray &name) const
    {
        for (const QByteArray &line : head.split('\n')) {
            const qsizetype colon = line.indexOf(':');
            if (colon > 0 && line.left(colon).trimmed().compare(name, Qt::CaseInsensitive) == 0)
                return line.mid(colon + 1).trimmed();
        }
        return {};
    }
};

} // namespace

class TestSimServer : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void init()
    {
        SimServer::Options options;
        options.ticksPerSecond = 0;
        options.pingInterval = 300ms;
        m_sim = std::make_unique<SimServer>(options);
        QVERIFY(m_sim->start());
    }
    void cleanup() { m_sim.reset(); }

    void loginIssuesAJwtAndCookies();
    void cookieWinsOverTheHeader();
    void campaignListNeedsTheProjectCookie();
    void trailingSlashRedirects();
    void validationErrorsAreLists();
    void feedsSendDataOnlyFramesAndHoldHeaders();
    void pingIsExactlyTheServersBytes();
    void actionsAnnounceOnlyRealChanges();
    void stalledListenerDropsPastOneHundred();
    void faultsDropAndFail();
    void curlCanFollowAFeed();
    void unknownRoutesAre404BeforeAuthentication();
    void lifeAnnouncesAsTheRealServerDoes();
    void stalledListenerDoesNotGrowWithPings();
    void controlsReportCountAndStorm();

private:
    QByteArray token()
    {
        const RawResponse response = request("POST", "/api/v1/web/auth/login", {},
                                             "email=admin%40swarmwatch.example&password=swarmwatch");
        return QJsonDocument::fromJson(response.body)
            .object()
            .value(QStringLiteral("access_token"))
            .toString()
            .toLatin1();
    }

    // A feed request on a raw socket, signed in; the answer is for the test to read.
    bool openFeed(QTcpSocket &socket, const QByteArray &topic)
    {
        socket.connectToHost(QHostAddress::LocalHost, m_sim->url().port());
        if (!socket.waitForConnected(kWaitMs))
            return false;
        socket.write("GET /api/v1/web/live/" + topic + " HTTP/1.1\r\nHost: x\r\nAuthorization: Bearer "
                     + token() + "\r\n\r\n");
        return true;
    }

    // One HTTP/1.1 exchange on a fresh socket; the body is read by Content-Length. If the exchange does not
    // complete, the test fails here with the reason (the empty or partial answer then fails the caller's
    // checks too), and later exchanges in the same test are not attempted.
    RawResponse request(const QByteArray &method, const QByteArray &path, const QByteArray &headers,
                        const QByteArray &body = {})
    {
        if (QTest::currentTestFailed())
            return {};
        QTcpSocket socket;
        socket.connectToHost(QHostAddress::LocalHost, m_sim->url().port());
        if (!QTest::qWaitFor([&] { return socket.state() == QAbstractSocket::ConnectedState; }, kWaitMs)) {
            QTest::qFail(qPrintable(QStringLiteral("cannot connect to the simulator for %1 %2")
                                        .arg(QString::fromLatin1(method), QString::fromLatin1(path))),
                         __FILE__, __LINE__);
            return {};
        }
        QByteArray out =
            method + ' ' + path + " HTTP/1.1\r\nHost: 127.0.0.1\r\nConnection: close\r\n" + headers;
        if (!body.isEmpty())
            out += "Content-Type: application/x-www-form-urlencoded\r\nContent-Length: "
                   + QByteArray::number(body.size()) + "\r\n";
        socket.write(out + "\r\n" + body);
        QByteArray received;
        RawResponse response;
        const bool complete = QTest::qWaitFor(
            [&] {
                received += socket.readAll();
                const qsizetype end = received.indexOf("\r\n\r\n");
                if (end < 0)
                    return false;
                response.head = received.left(end);
                response.body = received.mid(end + 4);
                return response.body.size() >= response.header("Content-Length").toLongLong();
            },
            kWaitMs);
        if (!complete)
            QTest::qFail(qPrintable(QStringLiteral("incomplete answer to %1 %2 within 20 s: %3")
                                        .arg(QString::fromLatin1(method), QString::fromLatin1(path),
                                             QString::fromLatin1(received))),
                         __FILE__, __LINE__);
        return response;
    }

    std::unique_ptr<SimServer> m_sim;
};

void TestSimServer::loginIssuesAJwtAndCookies()
{
    const RawResponse ok =
        request("POST", "/api/v1/web/auth/login", {}, "email=admin%40swarmwatch.example&password=swarmwatch");
    QCOMPARE(ok.status(), 200);
    const QJsonObject body = QJsonDocument::fromJson(ok.body).object();
    QCOMPARE(body.value(QStringLiteral("message")).toString(), QStringLiteral("Login successful."));
    const QList<QByteArray> parts =
        body.value(QStringLiteral("access_token")).toString().toLatin1().split('.');
    QCOMPARE(parts.size(), 3);
    const QJsonObject claims =
        QJsonDocument::fromJson(QByteArray::fromBase64(parts[1], QByteArray::Base64UrlEncoding)).object();
    QCOMPARE(claims.value(QStringLiteral("exp")).toInteger()
                 - claims.value(QStringLiteral("iat")).toInteger(),
             3600);
    QVERIFY(!claims.value(QStringLiteral("jti")).toString().isEmpty());
    QVERIFY(ok.head.contains("Set-Cookie: access_token="));
    QVERIFY(ok.head.contains("Set-Cookie: active_project_id=1;"));

    const RawResponse bad =
        request("POST", "/api/v1/web/auth/login", {}, "email=admin%40swarmwatch.example&password=x");
    QCOMPARE(bad.status(), 400);
    QCOMPARE(bad.body,
             QByteArray(R"({"message":"Invalid email or password.","level":"error","access_token":null})"));
}

void TestSimServer::cookieWinsOverTheHeader()
{
    const QByteArray good = token();
    QCOMPARE(request("GET", "/api/v1/web/auth/me", "Authorization: Bearer " + good + "\r\n").status(), 200);
    QCOMPARE(request("GET", "/api/v1/web/auth/me", "authorization: bearer " + good + "\r\n").status(), 200);
    const RawResponse stale = request("GET", "/api/v1/web/auth/me",
                                      "Authorization: Bearer " + good + "\r\nCookie: access_token=stale\r\n");
    QCOMPARE(stale.status(), 401);
    QCOMPARE(stale.body, QByteArray(R"({"detail":"Could not validate credentials"})"));
    const RawResponse none = request("GET", "/api/v1/web/auth/me", {});
    QCOMPARE(none.body, QByteArray(R"({"detail":"Not authenticated"})"));
    m_sim->expireTokens();
    const RawResponse expired =
        request("GET", "/api/v1/web/auth/me", "Authorization: Bearer " + good + "\r\n");
    QCOMPARE(expired.body, QByteArray(R"({"detail":"Token expired"})"));
    QCOMPARE(expired.header("WWW-Authenticate"), QByteArray("Bearer"));
    const RawResponse refresh =
        request("POST", "/api/v1/web/auth/refresh", "Cookie: access_token=" + good + "\r\n");
    QCOMPARE(refresh.status(), 401); // an expired token cannot be refreshed
}

void TestSimServer::campaignListNeedsTheProjectCookie()
{
    const QByteArray auth = "Authorization: Bearer " + token() + "\r\n";
    QCOMPARE(request("GET", "/api/v1/web/campaigns", auth).body,
             QByteArray(R"({"detail":"No active project selected."})"));
    const RawResponse page =
        request("GET", "/api/v1/web/campaigns?page=1&size=3", auth + "Cookie: active_project_id=1\r\n");
    QCOMPARE(page.status(), 200);
    const QJsonObject list = QJsonDocument::fromJson(page.body).object();
    QCOMPARE(list.value(QStringLiteral("items")).toArray().size(), 3);
    QCOMPARE(list.value(QStringLiteral("size")).toInt(), 3);
    const int total = list.value(QStringLiteral("total")).toInt();
    QCOMPARE(list.value(QStringLiteral("total_pages")).toInt(), (total + 2) / 3);
    QCOMPARE(request("GET", "/api/v1/web/campaigns", auth + "Cookie: active_project_id=3\r\n").status(),
             200); // member
    QCOMPARE(request("GET", "/api/v1/web/campaigns", auth + "Cookie: active_project_id=abc\r\n").status(),
             422);
}

void TestSimServer::trailingSlashRedirects()
{
    const RawResponse redirect = request("GET", "/api/v1/web/campaigns/", {});
    QCOMPARE(redirect.status(), 307);
    QVERIFY2(redirect.header("Location").endsWith("/api/v1/web/campaigns"), redirect.head.constData());
    QVERIFY(redirect.header("Location").startsWith("http://"));
}

void TestSimServer::validationErrorsAreLists()
{
    const RawResponse tooBig = request("GET", "/api/v1/web/agents?page_size=500", {});
    QCOMPARE(tooBig.status(), 422);
    const QJsonArray detail =
        QJsonDocument::fromJson(tooBig.body).object().value(QStringLiteral("detail")).toArray();
    QCOMPARE(detail.first().toObject().value(QStringLiteral("loc")).toArray(),
             (QJsonArray{QStringLiteral("query"), QStringLiteral("page_size")}));
    const RawResponse past = request("GET", "/api/v1/web/agents?page=101", {});
    QCOMPARE(past.status(), 500);
    QCOMPARE(past.body, QByteArray("Internal Server Error"));
    QVERIFY(past.header("Content-Type").startsWith("text/plain"));
}

void TestSimServer::feedsSendDataOnlyFramesAndHoldHeaders()
{
    m_sim->feeds().setPingInterval(60s); // no ping in this test
    QTcpSocket socket;
    QVERIFY2(openFeed(socket, "campaigns"), "cannot connect to the simulator");
    QTRY_COMPARE_WITH_TIMEOUT(m_sim->feeds().listenerCount(QStringLiteral("campaigns")), 1, kWaitMs);
    QTest::qWait(200); // a window in which the real server sends nothing, not even its status line
    QCOMPARE(socket.bytesAvailable(), 0);

    QCOMPARE(m_sim->world().startCampaign(4), SimWorld::ActionResult::Ok);
    m_sim->world().renameCampaign(4, QStringLiteral("Renamed"));
    QByteArray received;
    QTRY_VERIFY2_WITH_TIMEOUT((received += socket.readAll()).count("\n\n") >= 2, received.constData(),
                              kWaitMs);
    const qsizetype headEnd = received.indexOf("\r\n\r\n");
    const QByteArray head = received.left(headEnd);
    QVERIFY(head.startsWith("HTTP/1.1 200"));
    QVERIFY(head.contains("Content-Type: text/event-stream; charset=utf-8"));
    QVERIFY(head.contains("X-Accel-Buffering: no"));
    const QList<QByteArray> frames = received.mid(headEnd + 4).split('\n');
    int events = 0;
    for (const QByteArray &line : frames) {
        if (line.isEmpty())
            continue;
        QVERIFY2(line.startsWith("data: {\"trigger\":\"refresh\",\"timestamp\":\""), line.constData());
        const QJsonObject event = QJsonDocument::fromJson(line.mid(6)).object();
        QCOMPARE(event.keys().size(), 5);
        QCOMPARE(event.value(QStringLiteral("target")).toString(), QStringLiteral("campaigns"));
        QCOMPARE(event.value(QStringLiteral("id")).toInt(), 4);
        QVERIFY(event.value(QStringLiteral("timestamp")).toString().endsWith(QLatin1Char('Z')));
        ++events;
    }
    QCOMPARE(events, 2); // the start and the rename
}

void TestSimServer::pingIsExactlyTheServersBytes()
{
    QTcpSocket socket;
    QVERIFY2(openFeed(socket, "toasts"), "cannot connect to the simulator");
    QByteArray received;
    QTRY_VERIFY2_WITH_TIMEOUT((received += socket.readAll()).endsWith("\n\n"), received.constData(), kWaitMs);
    // Right after the head, the ping's exact bytes. A busy machine may read the next ping (300 ms on) in the
    // same go: all that follows the head must then be the same frame again, and nothing else.
    const QByteArray ping = "data: {\"trigger\": \"ping\"}\n\n";
    const qsizetype headEnd = received.indexOf("\r\n\r\n");
    QVERIFY2(headEnd > 0, received.constData());
    const QByteArray frames = received.mid(headEnd + 4);
    QVERIFY2(!frames.isEmpty() && frames == ping.repeated(frames.size() / ping.size()), received.constData());
}

void TestSimServer::actionsAnnounceOnlyRealChanges()
{
    QSignalSpy announced(&m_sim->world(), &SimWorld::announced);
    const QByteArray auth = "Authorization: Bearer " + token() + "\r\n";
    const int draft = 4; // campaigns with i % 4 == 3 start as draft
    QCOMPARE(m_sim->world().campaign(draft)->state, QStringLiteral("draft"));
    QCOMPARE(request("POST", "/api/v1/web/campaigns/4/stop", auth).status(), 200); // draft stays draft
    QCOMPARE(announced.size(), 0);
    QCOMPARE(request("POST", "/api/v1/web/campaigns/4/start", auth).status(), 200);
    QCOMPARE(announced.size(), 1);
    QCOMPARE(announced.first().at(3).value<std::optional<int>>(), std::optional<int>(1)); // project known
    QCOMPARE(request("POST", "/api/v1/web/campaigns/4/start", auth).status(), 200);       // already active
    QCOMPARE(announced.size(), 1);
    QCOMPARE(request("DELETE", "/api/v1/web/campaigns/4", auth).status(), 204);
    QCOMPARE(request("POST", "/api/v1/web/campaigns/4/start", auth).body,
             QByteArray(R"({"detail":"Cannot start an archived campaign."})"));
    QCOMPARE(request("GET", "/api/v1/web/campaigns/999", auth).body,
             QByteArray(R"({"detail":"Campaign 999 not found"})"));
    const qsizetype before = announced.size();
    m_sim->world().agentShutdown(2); // the real server announces nothing for this
    QCOMPARE(announced.size(), before);
    QCOMPARE(m_sim->world().agent(2)->state, QStringLiteral("stopped"));
}

void TestSimServer::stalledListenerDropsPastOneHundred()
{
    m_sim->feeds().setPingInterval(60s);
    QTcpSocket socket;
    QVERIFY2(openFeed(socket, "agents"), "cannot connect to the simulator");
    QTRY_COMPARE_WITH_TIMEOUT(m_sim->feeds().listenerCount(QStringLiteral("agents")), 1, kWaitMs);
    m_sim->stallFeeds(true);
    for (int i = 0; i < 150; ++i)
        m_sim->world().heartbeat(1 + i % 6);
    QCOMPARE(m_sim->feeds().droppedFrames(), 50u);
    QTest::qWait(200);
    QCOMPARE(socket.bytesAvailable(), 0); // stalled: nothing at all
    m_sim->stallFeeds(false);
    QByteArray received;
    QTRY_COMPARE_WITH_TIMEOUT((received += socket.readAll()).count("data: "), 100, kWaitMs);
}

void TestSimServer::faultsDropAndFail()
{
    const QByteArray auth = "Authorization: Bearer " + token() + "\r\n";
    m_sim->failRequests(503, 30s, 7); // ended below: long only so that the request surely falls within it
    const RawResponse unavailable = request("GET", "/api/v1/web/auth/me", auth);
    QCOMPARE(unavailable.status(), 503);
    QCOMPARE(unavailable.header("Retry-After"), QByteArray("7"));
    QCOMPARE(request("GET", "/health", {}).status(), 200); // liveness is never failed

    m_sim->failRequests(0, 0ms);
    QTcpSocket socket;
    QVERIFY2(openFeed(socket, "agents"), "cannot connect to the simulator");
    QTRY_COMPARE_WITH_TIMEOUT(m_sim->feeds().listenerCount(), 1, kWaitMs);
    QSignalSpy closed(&socket, &QTcpSocket::disconnected);
    m_sim->dropFeeds();
    QVERIFY2(closed.wait(kWaitMs), "the dropped feed's socket was not closed");
    QCOMPARE(m_sim->feeds().listenerCount(), 0);
}

void TestSimServer::controlsReportCountAndStorm()
{
    const QByteArray auth = "Authorization: Bearer " + token() + "\r\n";
    const int id = static_cast<int>(m_sim->world().listedCampaigns(1).first()->id);
    request("GET", QByteArray("/api/v1/web/campaigns/") + QByteArray::number(id) + "/metrics", auth);
    // The simulator's own controls are not counted; CipherSwarm's routes are, with ids folded.
    const quint64 counted = m_sim->requestCount();
    const RawResponse stats = request("GET", "/sim/stats", {});
    QCOMPARE(stats.status(), 200);
    const QJsonObject object = QJsonDocument::fromJson(stats.body).object();
    QCOMPARE(object.value(QStringLiteral("requests")).toInteger(), qint64(counted));
    QCOMPARE(object.value(QStringLiteral("routes"))
                 .toObject()
                 .value(QStringLiteral("/api/v1/web/campaigns/{id}/metrics"))
                 .toInteger(),
             1);
    QCOMPARE(m_sim->requestCount(), counted);

    // A task report on demand: progress moves by the step asked, and the campaigns feed hears of it.
    QTcpSocket socket;
    QVERIFY2(openFeed(socket, "campaigns"), "cannot connect to the simulator");
    QTRY_COMPARE_WITH_TIMEOUT(m_sim->feeds().listenerCount(QStringLiteral("campaigns")), 1, kWaitMs);
    const double before = m_sim->world().campaignProgress(*m_sim->world().campaign(id));
    const RawResponse report = request("POST", "/sim/report?id=" + QByteArray::number(id) + "&step=3", {});
    QCOMPARE(report.status(), 200);
    const double after =
        QJsonDocument::fromJson(report.body).object().value(QStringLiteral("progress_percent")).toDouble();
    QVERIFY2(after > before, qPrintable(QStringLiteral("%1 -> %2").arg(before).arg(after)));
    const QByteArray announced = ",\"id\":" + QByteArray::number(id) + ",";
    QByteArray feed;
    QTRY_VERIFY_WITH_TIMEOUT((feed += socket.readAll()).contains(announced), kWaitMs);
    QCOMPARE(request("POST", "/sim/report?id=999999", {}).status(), 404);

    // A storm over the active campaigns only; a storm of nothing ends it.
    QCOMPARE(request("POST", "/sim/storm?rate=1000&seconds=30&ids=100&active=1", {}).status(), 202);
    QSet<int> stormed;
    const QRegularExpression idField(QStringLiteral("\"id\":(\\d+)"));
    QTRY_VERIFY_WITH_TIMEOUT(([&] {
                                 const QString text = QString::fromUtf8(socket.readAll());
                                 for (const auto &match : idField.globalMatch(text))
                                     stormed.insert(match.captured(1).toInt());
                                 return stormed.size() >= 3;
                             }()),
                             kWaitMs);
    for (const int stormedId : std::as_const(stormed))
        QCOMPARE(m_sim->world().campaign(stormedId)->state, QStringLiteral("active"));
    QCOMPARE(request("POST", "/sim/storm?rate=0", {}).status(), 202);
}

void TestSimServer::curlCanFollowAFeed()
{
    const QString curl = QStandardPaths::findExecutable(QStringLiteral("curl"));
    QVERIFY2(!curl.isEmpty(), "curl is installed by scripts/bootstrap");
    QProcess process;
    process.start(curl, {QStringLiteral("-sN"), QStringLiteral("-H"),
                         QStringLiteral("Authorization: Bearer ") + QString::fromLatin1(token()),
                         m_sim->url().toString() + QStringLiteral("/api/v1/web/live/agents")});
    QVERIFY2(process.waitForStarted(kWaitMs), qPrintable(process.errorString()));
    QTRY_COMPARE_WITH_TIMEOUT(m_sim->feeds().listenerCount(QStringLiteral("agents")), 1, kWaitMs);
    m_sim->world().heartbeat(3);
    QByteArray out;
    QTRY_VERIFY2_WITH_TIMEOUT((out += process.readAllStandardOutput()).contains("\"id\":3"), out.constData(),
                              kWaitMs);
    QVERIFY2(out.startsWith("data: {\"trigger\":\"refresh\""), out.constData());
    process.kill();
    process.waitForFinished(kWaitMs);
}

void TestSimServer::unknownRoutesAre404BeforeAuthentication()
{
    QCOMPARE(request("GET", "/api/v1/web/no-such-thing", {}).body, QByteArray(R"({"detail":"Not Found"})"));
    QCOMPARE(request("GET", "/api/v1/web/campaigns/1/bogus", {}).status(), 404);
    QCOMPARE(request("POST", "/api/v1/web/agents", {}).status(), 405);
    QCOMPARE(request("GET", "/api/v1/web/auth/me", {}).status(), 401); // a real route still asks for a token
}

void TestSimServer::stalledListenerDoesNotGrowWithPings()
{
    m_sim->feeds().setPingInterval(60ms);
    QTcpSocket socket;
    QVERIFY2(openFeed(socket, "agents"), "cannot connect to the simulator");
    QTRY_COMPARE_WITH_TIMEOUT(m_sim->feeds().listenerCount(QStringLiteral("agents")), 1, kWaitMs);
    m_sim->stallFeeds(true);
    m_sim->world().heartbeat(1);
    QTest::qWait(600); // ten ping intervals: an observation window
    // What the stall held back is flushed now; a second heartbeat, queued with no event loop turn in between,
    // marks its end. Pings before the first heartbeat are from before the stall, pings after the second from
    // after it: neither depends on how fast this machine reads.
    m_sim->stallFeeds(false);
    m_sim->world().heartbeat(2);
    QByteArray received;
    QTRY_VERIFY2_WITH_TIMEOUT((received += socket.readAll()).contains("\"id\":2"), received.constData(),
                              kWaitMs);
    const qsizetype first = received.indexOf("\"id\":1");
    QVERIFY2(first >= 0, received.constData());
    const QByteArray heldBack = received.mid(first, received.indexOf("\"id\":2") - first);
    QVERIFY2(heldBack.count("ping") <= 2, received.constData()); // not one per stalled interval
}

void TestSimServer::lifeAnnouncesAsTheRealServerDoes()
{
    // §2.4: task reports carry the campaign id and no project; heartbeats the agent id and no project; toasts
    // no id, the campaign's project, and the 🎉 text with the plaintext after the arrow.
    QSignalSpy announced(&m_sim->world(), &SimWorld::announced);
    for (int i = 0; i < 60; ++i)
        m_sim->world().tick();
    bool sawTask = false;
    bool sawHeartbeat = false;
    bool sawToast = false;
    for (const QList<QVariant> &event : announced) {
        const QString topic = event.at(0).toString();
        const QString trigger = event.at(1).toString();
        const auto id = event.at(2).value<std::optional<int>>();
        const auto project = event.at(3).value<std::optional<int>>();
        if (topic == QLatin1String("campaigns")) {
            sawTask = true;
            QCOMPARE(trigger, QStringLiteral("refresh"));
            QVERIFY(id.has_value());
            QVERIFY(!project.has_value());
        } else if (topic == QLatin1String("agents")) {
            sawHeartbeat = true;
            QVERIFY(id.has_value());
            QVERIFY(!project.has_value());
        } else {
            sawToast = true;
            QCOMPARE(topic, QStringLiteral("toasts"));
            QVERIFY(!id.has_value());
            QVERIFY(project.has_value());
            static const QRegularExpression format(
                QStringLiteral("^\U0001F389 Hash cracked by .+: [0-9a-f]{8}\\.\\.\\.\u2192.+$"));
            QVERIFY2(format.match(trigger).hasMatch(), qPrintable(trigger));
        }
    }
    QVERIFY(sawTask);
    QVERIFY(sawHeartbeat);
    QVERIFY(sawToast);
}

QTEST_GUILESS_MAIN(TestSimServer)
#include "tst_SimServer.moc"
