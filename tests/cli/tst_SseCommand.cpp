#include "ScriptedHttpServer.h"

#include <QFile>
#include <QJsonDocument>
#include <QJsonObject>
#include <QProcess>
#include <QSignalSpy>
#include <QTest>

#include <csignal>

using namespace swarmwatch::test;

namespace {

// Upper bound for waiting on the CLI: generous, for a sanitizer build on a loaded machine; a passing run
// never waits for it.
constexpr int kWaitMs = 30000;

struct Run {
    int exitCode = -1;
    QByteArray out;
    QByteArray err;
};

// Runs the CLI to its end. If it does not start or end in time, the test fails here with the reason (the run
// then reads as exit code -1, which fails the caller's checks too) and later runs in the same test are not
// started.
Run runCli(const QStringList &arguments, const QByteArray &input = {})
{
    if (QTest::currentTestFailed())
        return {};
    const QString command = QStringLiteral("swarmwatch-cli ") + arguments.join(QLatin1Char(' '));
    QProcess process;
    process.start(QStringLiteral(SWARMWATCH_CLI), arguments);
    if (!process.waitForStarted(kWaitMs)) {
        QTest::qFail(qPrintable(command + QStringLiteral(" did not start: ") + process.errorString()),
                     __FILE__, __LINE__);
        return {};
    }
    process.write(input);
    process.closeWriteChannel();
    if (!process.waitForFinished(kWaitMs)) {
        QTest::qFail(qPrintable(command + QStringLiteral(" did not finish within 30 s")), __FILE__, __LINE__);
        process.kill();
        process.waitForFinished(kWaitMs);
        return {};
    }
    return {process.exitStatus() == QProcess::NormalExit ? process.exitCode() : -1,
            process.readAllStandardOutput(), process.readAllStandardError()};
}

QString fixture(const char *name)
{
    return QStringLiteral(SWARMWATCH_CLI_FIXTURES "/") + QLatin1String(name);
}

QByteArray readFile(const QString &path)
{
    QFile file(path);
    return file.open(QIODevice::ReadOnly) ? file.readAll() : QByteArray();
}

bool isOneLine(const QByteArray &text)
{
    return text.endsWith('\n') && text.count('\n') == 1 && text.size() > 10;
}

} // namespace

class TestSseCommand : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void fileGivesJsonLinesInOrder()
    {
        const Run run = runCli({QStringLiteral("sse"), QStringLiteral("--file"), fixture("mixed.sse")});
        QCOMPARE(run.exitCode, 0);
        QCOMPARE(run.err, QByteArray());
        QCOMPARE(run.out, readFile(fixture("mixed.jsonl")));
        for (const QByteArray &line : run.out.trimmed().split('\n')) {
            QJsonParseError error;
            QVERIFY(QJsonDocument::fromJson(line, &error).isObject());
        }
    }

    void stdinWorksToo()
    {
        const Run run = runCli({QStringLiteral("sse"), QStringLiteral("--file"), QStringLiteral("-")},
                               readFile(fixture("mixed.sse")));
        QCOMPARE(run.exitCode, 0);
        QCOMPARE(run.out, readFile(fixture("mixed.jsonl")));
    }

    void stdinEventsShowAsTheyArrive()
    {
        // As when piped from `curl -N`: an event must print before the input ends.
        QProcess process;
        process.start(QStringLiteral(SWARMWATCH_CLI),
                      {QStringLiteral("sse"), QStringLiteral("--file"), QStringLiteral("-")});
        QVERIFY2(process.waitForStarted(kWaitMs), qPrintable(process.errorString()));
        process.write("data: first\n\n");
        QByteArray out;
        QTRY_VERIFY2_WITH_TIMEOUT((out += process.readAllStandardOutput()).contains("first"),
                                  "the first event was not printed while the input stayed open", kWaitMs);
        QCOMPARE(process.state(), QProcess::Running);
        process.write("data: second\n\n");
        process.closeWriteChannel();
        QVERIFY2(process.waitForFinished(kWaitMs), "swarmwatch-cli did not finish after its input ended");
        out += process.readAllStandardOutput();
        QCOMPARE(out, QByteArray("{\"type\": \"message\", \"data\": \"first\", \"lastEventId\": \"\"}\n"
                                 "{\"type\": \"message\", \"data\": \"second\", \"lastEventId\": \"\"}\n"));
        QCOMPARE(process.exitCode(), 0);
    }

    void countPrintsOnlyTheNumber()
    {
        const Run run = runCli({QStringLiteral("sse"), QStringLiteral("--file"), fixture("mixed.sse"),
                                QStringLiteral("--count")});
        QCOMPARE(run.exitCode, 0);
        QCOMPARE(run.out, QByteArray("5\n"));
    }

    void emptyInputGivesNothing()
    {
        const Run run = runCli({QStringLiteral("sse"), QStringLiteral("--file"), QStringLiteral("-")});
        QCOMPARE(run.exitCode, 0);
        QCOMPARE(run.out, QByteArray());
    }

    void badInputIsOneClearLineAndExitTwo_data()
    {
        QTest::addColumn<QStringList>("arguments");
        QTest::addColumn<QString>("message");
        QTest::newRow("missing file") << QStringList{QStringLiteral("sse"), QStringLiteral("--file"),
                                                     QStringLiteral("/nonexistent/feed.sse")}
                                      << QStringLiteral("cannot open /nonexistent/feed.sse");
        QTest::newRow("invalid url") << QStringList{QStringLiteral("sse"), QStringLiteral("not a url")}
                                     << QStringLiteral("invalid URL");
        QTest::newRow("ftp url") << QStringList{QStringLiteral("sse"), QStringLiteral("ftp://host/feed")}
                                 << QStringLiteral("invalid URL");
        QTest::newRow("bad header") << QStringList{QStringLiteral("sse"),
                                                   QStringLiteral("http://127.0.0.1:1/"),
                                                   QStringLiteral("--header"), QStringLiteral("NoColonHere")}
                                    << QStringLiteral("invalid header");
        QTest::newRow("header name with space")
            << QStringList{QStringLiteral("sse"), QStringLiteral("http://127.0.0.1:1/"),
                           QStringLiteral("--header"), QStringLiteral("Bad Name: x")}
            << QStringLiteral("invalid header");
        QTest::newRow("nothing to do")
            << QStringList{QStringLiteral("sse")} << QStringLiteral("expected one URL");
        QTest::newRow("unknown option")
            << QStringList{QStringLiteral("sse"), QStringLiteral("--bogus")} << QStringLiteral("bogus");
        QTest::newRow("unknown command")
            << QStringList{QStringLiteral("frobnicate")} << QStringLiteral("unknown command");
    }
    void badInputIsOneClearLineAndExitTwo()
    {
        QFETCH(QStringList, arguments);
        QFETCH(QString, message);
        const Run run = runCli(arguments);
        QCOMPARE(run.exitCode, 2);
        QVERIFY2(isOneLine(run.err), run.err.constData());
        QVERIFY2(QString::fromUtf8(run.err).contains(message), run.err.constData());
        QCOMPARE(run.out, QByteArray());
    }

    void lineOverTheLimitInAFileIsBadInput()
    {
        const Run run = runCli({QStringLiteral("sse"), QStringLiteral("--file"), QStringLiteral("-")},
                               "data: ok\n\ndata: " + QByteArray(2 * 1024 * 1024, 'x') + "\n\n");
        QCOMPARE(run.exitCode, 2);
        QCOMPARE(run.out, QByteArray(R"({"type": "message", "data": "ok", "lastEventId": ""})"
                                     "\n"));
        QVERIFY2(run.err.contains("longer than the limit of 1048576 bytes"), run.err.constData());
    }

    void helpAndVersion()
    {
        Run run = runCli({QStringLiteral("--help")});
        QCOMPARE(run.exitCode, 0);
        QVERIFY(run.out.contains("sse"));
        run = runCli({QStringLiteral("sse"), QStringLiteral("--help")});
        QCOMPARE(run.exitCode, 0);
        QVERIFY2(run.out.contains("--last-event-id"), run.out.constData());
        run = runCli({QStringLiteral("--version")});
        QCOMPARE(run.exitCode, 0);
        QVERIFY(run.out.startsWith("swarmwatch-cli "));
    }

    void followsALiveFeedUntilInterrupted()
    {
        ScriptedHttpServer server;
        QVERIFY(server.listen());
        server.setHandler([](const ScriptedHttpServer::Request &, QTcpSocket *socket) {
            socket->write(ScriptedHttpServer::streamHead());
            socket->write(
                "retry: 3000\nid: 9\ndata: {\"trigger\":\"refresh\",\"target\":\"agents\",\"id\":3}\n\n");
        });
        QProcess process;
        process.start(QStringLiteral(SWARMWATCH_CLI),
                      {QStringLiteral("sse"),
                       server.url(QStringLiteral("/api/v1/web/live/agents")).toString(),
                       QStringLiteral("--header"), QStringLiteral("Authorization: Bearer abc.def"),
                       QStringLiteral("--last-event-id"), QStringLiteral("8")});
        QVERIFY2(process.waitForStarted(kWaitMs), qPrintable(process.errorString()));
        QByteArray out;
        QTRY_VERIFY2_WITH_TIMEOUT((out += process.readAllStandardOutput()).count('\n') >= 2, out.constData(),
                                  kWaitMs);
        QCOMPARE(out, QByteArray(
                          "{\"retry\": 3000}\n{\"type\": \"message\", \"data\": "
                          "\"{\\\"trigger\\\":\\\"refresh\\\",\\\"target\\\":\\\"agents\\\",\\\"id\\\":3}\", "
                          "\"lastEventId\": \"9\"}\n"));
        const auto &request = server.requests().at(0);
        QCOMPARE(request.header("Authorization"), QByteArray("Bearer abc.def"));
        QCOMPARE(request.header("Last-Event-ID"), QByteArray("8"));

        ::kill(static_cast<pid_t>(process.processId()), SIGINT);
        QVERIFY2(process.waitForFinished(kWaitMs), "swarmwatch-cli did not end on SIGINT");
        QCOMPARE(process.exitStatus(), QProcess::NormalExit);
        QCOMPARE(process.exitCode(), 0);
        const QByteArray err = process.readAllStandardError();
        QVERIFY2(err.contains("state: connecting\n"), err.constData());
        QVERIFY2(err.contains("state: live\n"), err.constData());
    }

    void unauthorizedFeedExitsWithThree()
    {
        ScriptedHttpServer server;
        QVERIFY(server.listen());
        server.setHandler([](const ScriptedHttpServer::Request &, QTcpSocket *socket) {
            socket->write(
                ScriptedHttpServer::response(401, "Unauthorized", {}, R"({"detail":"Not authenticated"})"));
            socket->disconnectFromHost();
        });
        // The server lives on this thread's event loop, so wait with QSignalSpy, not waitForFinished().
        QProcess process;
        QSignalSpy finished(&process, &QProcess::finished);
        process.start(QStringLiteral(SWARMWATCH_CLI), {QStringLiteral("sse"), server.url().toString()});
        QVERIFY2(finished.wait(kWaitMs), "swarmwatch-cli did not exit on the 401");
        QCOMPARE(process.exitCode(), 3);
        const QByteArray err = process.readAllStandardError();
        QVERIFY2(err.contains("state: unauthorized: HTTP 401 Unauthorized: Not authenticated\n"),
                 err.constData());
    }
};

QTEST_GUILESS_MAIN(TestSseCommand)
#include "tst_SseCommand.moc"
