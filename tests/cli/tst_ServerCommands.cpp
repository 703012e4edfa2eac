// swarmwatch-cli's server commands, run as a separate process against the simulated CipherSwarm in this one,
// with the real keychain of ./scripts/test's D-Bus session and a throwaway settings folder per test.
#include "SimServer.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QProcess>
#include <QSignalSpy>
#include <QTcpServer>
#include <QTemporaryDir>
#include <QTest>

using namespace swarmwatch::sim;
using namespace std::chrono_literals;

namespace {

// Upper bound for waiting on the CLI: generous, for a sanitizer build on a loaded machine; a passing run
// never waits for it.
constexpr int kWaitMs = 30000;

struct Run {
    int exitCode = -1;
    QByteArray out;
    QByteArray err;
};

} // namespace

class TestServerCommands : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void init()
    {
        SimServer::Options options;
        options.world.campaigns = 160; // project 1 gets more than a page
        options.ticksPerSecond = 0;
        m_sim = std::make_unique<SimServer>(options);
        QVERIFY(m_sim->start());
        m_config = std::make_unique<QTemporaryDir>();
        m_environment = QProcessEnvironment::systemEnvironment();
        m_environment.insert(QStringLiteral("XDG_CONFIG_HOME"), m_config->path());
        m_environment.remove(QStringLiteral("SWARMWATCH_TOKEN"));
        m_environment.remove(QStringLiteral("SWARMWATCH_SERVER"));
        m_environment.remove(QStringLiteral("QT_LOGGING_RULES")); // ctest's debug logging is for this process
    }
    void cleanup()
    {
        m_sim.reset();
        m_config.reset();
    }

    void loginThenEverything();
    void badPasswordIsExitThree();
    void unreachableServerIsExitFour();
    void missingOrBadServerIsExitTwo();
    void tokenFromTheEnvironmentNeedsNoKeychain();
    void serverErrorIsExitFourWithTheReason();
    void projectsAndSwitching();
    void logoutForgetsTheToken();
    void helpForEveryCommand();

private:
    // Runs the CLI to its end. If it does not end in time, the test fails here with the reason (the run then
    // reads as exit code -1, which fails the caller's checks too) and later runs in the same test are not
    // started.
    Run cli(const QStringList &arguments, const QByteArray &input = {})
    {
        if (QTest::currentTestFailed())
            return {};
        // The simulator runs on this thread: wait with the event loop turning, never waitForFinished().
        QProcess process;
        process.setProcessEnvironment(m_environment);
        QSignalSpy finished(&process, &QProcess::finished);
        process.start(QStringLiteral(SWARMWATCH_CLI), arguments);
        process.write(input);
        process.closeWriteChannel();
        if (!finished.wait(kWaitMs)) {
            QTest::qFail(qPrintable(QStringLiteral("swarmwatch-cli %1 did not finish within 30 s: %2")
                                        .arg(arguments.join(QLatin1Char(' ')), process.errorString())),
                         __FILE__, __LINE__);
            process.kill();
            process.waitForFinished(kWaitMs); // killed: it needs nothing from this thread to end
            return {};
        }
        return {process.exitStatus() == QProcess::NormalExit ? process.exitCode() : -1,
                process.readAllStandardOutput(), process.readAllStandardError()};
    }
    Run login(const QString &password = QString::fromLatin1(SimWorld::kDemoPassword))
    {
        return cli({QStringLiteral("login"), QStringLiteral("--server"), m_sim->url().toString(),
                    QStringLiteral("--email"), QString::fromLatin1(SimWorld::kDemoEmail),
                    QStringLiteral("--password-stdin")},
                   password.toUtf8() + '\n');
    }
    QByteArray settingsFile() const
    {
        QFile file(m_config->filePath(QStringLiteral("SwarmWatch/swarmwatch.conf")));
        return file.open(QIODevice::ReadOnly) ? file.readAll() : QByteArray();
    }

    std::unique_ptr<SimServer> m_sim;
    std::unique_ptr<QTemporaryDir> m_config;
    QProcessEnvironment m_environment;
};

void TestServerCommands::loginThenEverything()
{
    const Run loggedIn = login();
    QVERIFY2(loggedIn.exitCode == 0, loggedIn.err.constData());
    QVERIFY(loggedIn.out.contains("Logged in to"));
    const QByteArray settings = settingsFile();
    QVERIFY2(settings.contains("admin@swarmwatch.example"), settings.constData());
    QVERIFY(settings.contains(m_sim->url().toString().toUtf8()));
    QVERIFY2(!settings.contains("eyJ"), settings.constData()); // no JWT in the settings file

    const Run whoami = cli({QStringLiteral("whoami")}); // server and token from the last login
    QCOMPARE(whoami.exitCode, 0);
    QVERIFY2(whoami.out.startsWith("admin@swarmwatch.example (Demo Admin), role admin"),
             whoami.out.constData());

    const Run campaigns = cli({QStringLiteral("campaigns"), QStringLiteral("--json")});
    QVERIFY2(campaigns.exitCode == 0, campaigns.err.constData());
    const QJsonArray list = QJsonDocument::fromJson(campaigns.out).array();
    QCOMPARE(list.size(), m_sim->world().listedCampaigns(1).size()); // all pages of project 1
    QVERIFY(list.size() > 100);
    const QJsonObject first = list.first().toObject();
    for (const char *field : {"id", "name", "state", "priority", "project_id", "created_at", "updated_at"})
        QVERIFY2(first.contains(QLatin1String(field)), field);

    const Run table = cli({QStringLiteral("campaigns")});
    QCOMPARE(table.exitCode, 0);
    QVERIFY(table.out.startsWith("ID"));
    QCOMPARE(table.out.count('\n'), list.size() + 1);

    const Run agents = cli({QStringLiteral("agents"), QStringLiteral("--json")});
    QCOMPARE(agents.exitCode, 0);
    QCOMPARE(QJsonDocument::fromJson(agents.out).array().size(), m_sim->world().agents().size());
    QVERIFY2(!agents.out.contains("csa_"), "an agent's own token must never be shown");
    QVERIFY(!agents.out.contains("\"token\""));

    const Run summary = cli({QStringLiteral("summary"), QStringLiteral("--json")});
    QCOMPARE(summary.exitCode, 0);
    QCOMPARE(QJsonDocument::fromJson(summary.out).object().value(QStringLiteral("total_agents")).toInt(),
             m_sim->world().agents().size());
    // As a table: the hash rate too (the newest point of the usage series: 120 GH/s in the simulator).
    const Run summaryTable = cli({QStringLiteral("summary")});
    QCOMPARE(summaryTable.exitCode, 0);
    QVERIFY2(summaryTable.out.contains("hash rate:       120"), summaryTable.out.constData());
    QVERIFY2(summaryTable.out.contains("GH/s (at "), summaryTable.out.constData());
}

void TestServerCommands::badPasswordIsExitThree()
{
    const Run run = login(QStringLiteral("not-the-password"));
    QCOMPARE(run.exitCode, 3);
    QCOMPARE(run.err, QByteArray("swarmwatch-cli login: Invalid email or password.\n"));
    QVERIFY(run.out.isEmpty());
}

void TestServerCommands::unreachableServerIsExitFour()
{
    quint16 port;
    {
        QTcpServer probe;
        QVERIFY(probe.listen(QHostAddress::LocalHost));
        port = probe.serverPort();
    }
    m_environment.insert(QStringLiteral("SWARMWATCH_TOKEN"), QStringLiteral("x.y.z"));
    const Run run = cli({QStringLiteral("summary"), QStringLiteral("--server"),
                         QStringLiteral("http://127.0.0.1:%1").arg(port)});
    QCOMPARE(run.exitCode, 4);
    QCOMPARE(run.err.count('\n'), 1);
    QVERIFY2(run.err.contains("refused"), run.err.constData());
}

void TestServerCommands::missingOrBadServerIsExitTwo()
{
    Run run = cli({QStringLiteral("campaigns")});
    QCOMPARE(run.exitCode, 2);
    QVERIFY2(run.err.contains("no server given"), run.err.constData());
    run = cli({QStringLiteral("campaigns"), QStringLiteral("--server"), QStringLiteral("ftp://x")});
    QCOMPARE(run.exitCode, 2);
    QVERIFY2(run.err.contains("invalid server URL"), run.err.constData());
    run = cli({QStringLiteral("campaigns"), QStringLiteral("--bogus")});
    QCOMPARE(run.exitCode, 2);
    run = cli({QStringLiteral("use-project"), QStringLiteral("--server"), m_sim->url().toString()});
    QCOMPARE(run.exitCode, 2);
    // Without its id, use-project says what it expects (one line), not "unexpected arguments".
    QVERIFY2(run.err.contains("use-project needs the id of a project"), run.err.constData());
    QCOMPARE(run.err.count('\n'), 1);
}

void TestServerCommands::tokenFromTheEnvironmentNeedsNoKeychain()
{
    // A token from a login made here, handed over as scripts and CI would; no keychain is reachable.
    QNetworkAccessManager network;
    QNetworkRequest request(QUrl(m_sim->url().toString() + QStringLiteral("/api/v1/web/auth/login")));
    request.setHeader(QNetworkRequest::ContentTypeHeader,
                      QByteArrayLiteral("application/x-www-form-urlencoded"));
    QNetworkReply *reply = network.post(request, "email=admin%40swarmwatch.example&password=swarmwatch");
    QSignalSpy done(reply, &QNetworkReply::finished);
    QVERIFY2(done.wait(kWaitMs), "no answer to the login");
    const QString token =
        QJsonDocument::fromJson(reply->readAll()).object().value(QStringLiteral("access_token")).toString();
    reply->deleteLater();
    QVERIFY(!token.isEmpty());

    m_environment.insert(QStringLiteral("SWARMWATCH_TOKEN"), token);
    m_environment.insert(QStringLiteral("SWARMWATCH_SERVER"), m_sim->url().toString());
    m_environment.insert(QStringLiteral("DBUS_SESSION_BUS_ADDRESS"),
                         QStringLiteral("unix:path=/nonexistent/bus"));
    const Run run = cli({QStringLiteral("campaigns"), QStringLiteral("--json")});
    QVERIFY2(run.exitCode == 0, run.err.constData());
    QVERIFY(QJsonDocument::fromJson(run.out).array().size() > 0);

    m_environment.insert(QStringLiteral("SWARMWATCH_TOKEN"), QStringLiteral("not-a-jwt"));
    const Run refused = cli({QStringLiteral("whoami")});
    QCOMPARE(refused.exitCode, 3);
    const Run campaignsRefused = cli({QStringLiteral("campaigns")}); // no remembered project: context first
    QCOMPARE(campaignsRefused.exitCode, 3);
    QVERIFY2(refused.err.contains("Could not validate credentials"), refused.err.constData());
}

void TestServerCommands::serverErrorIsExitFourWithTheReason()
{
    QCOMPARE(login().exitCode, 0);
    m_sim->failRequests(500, 600s); // for as long as this test runs, however slowly the CLI starts
    const Run run = cli({QStringLiteral("agents")});
    QCOMPARE(run.exitCode, 4);
    QCOMPARE(run.err,
             QByteArray("swarmwatch-cli agents: GET /api/v1/web/agents: HTTP 500: Internal Server Error\n"));
}

void TestServerCommands::projectsAndSwitching()
{
    QCOMPARE(login().exitCode, 0);
    Run run = cli({QStringLiteral("projects")});
    QCOMPARE(run.exitCode, 0);
    QVERIFY2(run.out.contains("*  1   Default"), run.out.constData());
    QVERIFY(run.out.contains("Red Team"));
    QVERIFY(!run.out.contains("Old engagement")); // archived

    run = cli({QStringLiteral("use-project"), QStringLiteral("2")});
    QVERIFY2(run.exitCode == 0, run.err.constData());
    QCOMPARE(run.out, QByteArray("Active project: Red Team (2)\n"));
    run = cli({QStringLiteral("campaigns"), QStringLiteral("--json")});
    const QJsonArray campaigns = QJsonDocument::fromJson(run.out).array();
    QCOMPARE(campaigns.size(), m_sim->world().listedCampaigns(2).size());
    for (const QJsonValue &campaign : campaigns)
        QCOMPARE(campaign.toObject().value(QStringLiteral("project_id")).toInt(), 2);

    run = cli({QStringLiteral("use-project"), QStringLiteral("3")}); // archived: not available
    QVERIFY(run.exitCode != 0);
    QVERIFY2(run.err.contains("User does not have access to this project."), run.err.constData());
    run = cli({QStringLiteral("use-project"), QStringLiteral("abc")});
    QCOMPARE(run.exitCode, 2);
}

void TestServerCommands::logoutForgetsTheToken()
{
    QCOMPARE(login().exitCode, 0);
    QCOMPARE(cli({QStringLiteral("whoami")}).exitCode, 0);
    const Run out = cli({QStringLiteral("logout")});
    QCOMPARE(out.exitCode, 0);
    const Run after = cli({QStringLiteral("whoami")});
    QCOMPARE(after.exitCode, 3);
    QVERIFY2(after.err.contains("not logged in"), after.err.constData());

    // Where the keychain cannot be reached, logout must not claim the token is gone.
    m_environment.insert(QStringLiteral("DBUS_SESSION_BUS_ADDRESS"),
                         QStringLiteral("unix:path=/nonexistent/bus"));
    m_environment.insert(QStringLiteral("DISPLAY"), QString());
    const Run stuck = cli({QStringLiteral("logout")});
    QCOMPARE(stuck.exitCode, 1);
    QVERIFY2(stuck.err.contains("the stored token could not be deleted"), stuck.err.constData());
    QVERIFY(!stuck.out.contains("Logged out"));
}

void TestServerCommands::helpForEveryCommand()
{
    for (const char *command : {"login", "logout", "whoami", "projects", "use-project", "campaigns", "agents",
                                "summary", "sse", "journal", "completion"}) {
        const Run run = cli({QLatin1String(command), QStringLiteral("--help")});
        QVERIFY2(run.exitCode == 0, command);
        QVERIFY2(run.out.contains("Usage: swarmwatch-cli"), run.out.constData());
    }
    const Run version = cli({QStringLiteral("--version")});
    QVERIFY(version.out.startsWith("swarmwatch-cli 0."));
}

QTEST_GUILESS_MAIN(TestServerCommands)
#include "tst_ServerCommands.moc"
