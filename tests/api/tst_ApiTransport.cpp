// ApiTransport's queue against a real HTTP server on 127.0.0.1 whose answers the test holds back: priorities,
// the connection kept free for urgent requests, and the request budget on a clock the test moves.
#include "ApiCall.h"
#include "ApiTransport.h"
#include "ScriptedHttpServer.h"

#include <QNetworkAccessManager>
#include <QPointer>
#include <QTest>

using namespace swarmwatch;
using namespace swarmwatch::test;
using namespace std::chrono_literals;

namespace {

constexpr int kWaitMs = 20000; // generous: a sanitizer build on a loaded machine

} // namespace

class TestApiTransport : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void init()
    {
        m_server = std::make_unique<ScriptedHttpServer>();
        QVERIFY(m_server->listen());
        m_held.clear();
        // Every request is held until the test answers it.
        m_server->setHandler([this](const ScriptedHttpServer::Request &, QTcpSocket *socket) {
            m_held.append(QPointer<QTcpSocket>(socket));
        });
        m_network = std::make_unique<QNetworkAccessManager>();
        m_transport = std::make_unique<ApiTransport>(m_network.get(), nullptr, [this] { return m_now; });
        m_transport->setBaseUrl(m_server->url(QString()));
        m_answered.clear();
    }
    void cleanup()
    {
        m_transport.reset();
        m_network.reset();
        m_server.reset();
    }

    void higherPrioritiesStartFirst();
    void backgroundLeavesAConnectionFree();
    void budgetBoundsTheStarts();
    void cancelledWhileQueuedCostsNothing();

private:
    ApiCall *send(const QString &name, ApiRequest::Priority priority)
    {
        ApiRequest request;
        request.path = QStringLiteral("/") + name;
        request.priority = priority;
        auto *call = new ApiCall(this);
        m_transport->send(request, call, [this, name](const ApiResponse &response) {
            if (response.status == 200)
                m_answered.append(name);
        });
        return call;
    }
    // Answers the oldest held request.
    void answerOne()
    {
        QVERIFY(!m_held.isEmpty());
        QPointer<QTcpSocket> socket = m_held.takeFirst();
        if (socket)
            socket->write(ScriptedHttpServer::response(200, "OK", {}, "{}"));
    }
    QStringList targets() const
    {
        QStringList out;
        for (const auto &request : m_server->requests())
            out.append(QString::fromLatin1(request.target));
        return out;
    }

    std::unique_ptr<ScriptedHttpServer> m_server;
    std::unique_ptr<QNetworkAccessManager> m_network;
    std::unique_ptr<ApiTransport> m_transport;
    QList<QPointer<QTcpSocket>> m_held;
    QStringList m_answered;
    std::chrono::steady_clock::time_point m_now{std::chrono::hours(1)};
};

void TestApiTransport::higherPrioritiesStartFirst()
{
    m_transport->setMaxConcurrent(1);
    send(QStringLiteral("first"), ApiRequest::Priority::Low);
    QTRY_COMPARE_WITH_TIMEOUT(m_held.size(), 1, kWaitMs);
    // Queued behind it, in this order: they start by priority, and in order within one.
    send(QStringLiteral("low"), ApiRequest::Priority::Low);
    send(QStringLiteral("normal1"), ApiRequest::Priority::Normal);
    send(QStringLiteral("high"), ApiRequest::Priority::High);
    send(QStringLiteral("normal2"), ApiRequest::Priority::Normal);
    for (int answered = 1; answered <= 5; ++answered) {
        answerOne();
        QTRY_COMPARE_WITH_TIMEOUT(m_answered.size(), answered, kWaitMs);
        if (answered < 5)
            QTRY_COMPARE_WITH_TIMEOUT(m_held.size(), 1, kWaitMs);
    }
    QCOMPARE(targets(),
             (QStringList{QStringLiteral("/first"), QStringLiteral("/high"), QStringLiteral("/normal1"),
                          QStringLiteral("/normal2"), QStringLiteral("/low")}));
}

void TestApiTransport::backgroundLeavesAConnectionFree()
{
    m_transport->setMaxConcurrent(3);
    for (int i = 0; i < 5; ++i)
        send(QStringLiteral("low%1").arg(i), ApiRequest::Priority::Low);
    QTRY_COMPARE_WITH_TIMEOUT(m_held.size(), 2, kWaitMs);
    QCOMPARE(m_transport->inFlight(), 2); // the third connection waits for something urgent
    send(QStringLiteral("urgent"), ApiRequest::Priority::Normal);
    QTRY_COMPARE_WITH_TIMEOUT(m_held.size(), 3, kWaitMs);
    QCOMPARE(targets().last(), QStringLiteral("/urgent"));
    // Answered, the rest of the background work goes through.
    m_server->setHandler([](const ScriptedHttpServer::Request &, QTcpSocket *socket) {
        socket->write(ScriptedHttpServer::response(200, "OK", {}, "{}"));
    });
    while (!m_held.isEmpty())
        answerOne();
    QTRY_COMPARE_WITH_TIMEOUT(m_answered.size(), 6, kWaitMs);
}

void TestApiTransport::budgetBoundsTheStarts()
{
    m_transport->setMaxConcurrent(100);
    m_server->setHandler([](const ScriptedHttpServer::Request &, QTcpSocket *socket) {
        socket->write(ScriptedHttpServer::response(200, "OK", {}, "{}"));
    });
    m_transport->setRateLimit(100); // a burst of 20, then one every 10 ms
    m_now += 1s;                    // a full bucket
    for (int i = 0; i < 50; ++i)
        send(QStringLiteral("r%1").arg(i), ApiRequest::Priority::Normal);
    QTRY_COMPARE_WITH_TIMEOUT(m_answered.size(), 20, kWaitMs);
    // The clock stands still: nothing more starts, however long the test waits.
    QTest::qWait(200);
    QCOMPARE(m_transport->requestsStarted(), quint64(20));
    m_now += 100ms; // ten more
    QTRY_COMPARE_WITH_TIMEOUT(m_answered.size(), 30, kWaitMs);
    QTest::qWait(100);
    QCOMPARE(m_transport->requestsStarted(), quint64(30));
    m_transport->setRateLimit(0); // no budget: the rest at once
    QTRY_COMPARE_WITH_TIMEOUT(m_answered.size(), 50, kWaitMs);
}

void TestApiTransport::cancelledWhileQueuedCostsNothing()
{
    m_transport->setMaxConcurrent(100);
    m_server->setHandler([](const ScriptedHttpServer::Request &, QTcpSocket *socket) {
        socket->write(ScriptedHttpServer::response(200, "OK", {}, "{}"));
    });
    m_transport->setRateLimit(5); // a burst of 1: one token now, the next 200 ms later on the test's clock
    send(QStringLiteral("a"), ApiRequest::Priority::Normal);
    ApiCall *doomed = send(QStringLiteral("b"), ApiRequest::Priority::Normal);
    send(QStringLiteral("c"), ApiRequest::Priority::Normal);
    QTRY_COMPARE_WITH_TIMEOUT(m_answered.size(), 1, kWaitMs);
    doomed->cancel();
    m_now += 200ms; // one token: it goes to c, not to the cancelled b
    QTRY_COMPARE_WITH_TIMEOUT(m_answered.size(), 2, kWaitMs);
    QCOMPARE(m_answered, (QStringList{QStringLiteral("a"), QStringLiteral("c")}));
    QCOMPARE(m_transport->requestsStarted(), quint64(2));
}

QTEST_GUILESS_MAIN(TestApiTransport)
#include "tst_ApiTransport.moc"
