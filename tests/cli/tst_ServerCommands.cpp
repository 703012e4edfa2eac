// swarmwatch-cli's server commands, run as a separate process against the simulated CipherSwarm in this one,
// with the real keychain of ./scripts/test's D-Bus session and a throwaway settings folder per test.
#include "ScriptedHttpServer.h"
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
    void oneLoginPerServer();
    void withoutKeychainNothingIsWritten();
    void tokenForScripts();
    void sessionExpiredIsOneLineEverywhere();
    void notCipherSwarmIsOneLine_data();
    void notCipherSwarmIsOneLine();
    void tablesFitTheTerminal();
    void sortFilterAndLimit();
    void projectInUseAgreesUnderAnEnvironmentToken();
    void helpAllNeverRunsTheCommand();
    void anotherEmailReplacesTheServersLogin();
    void noTerminalForThePrompt();
    void failuresAreNeverExitZero();
    void anotherApisComplaintIsNotAUsageError();

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
        return loginTo(m_sim->url(), password);
    }
    Run loginTo(const QUrl &server, const QString &password = QString::fromLatin1(SimWorld::kDemoPassword))
    {
        return cli({QStringLiteral("login"), QStringLiteral("--server"), server.toString(),
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
    QVERIFY2(table.out.trimmed().startsWith("ID"), QByteArray(table.out + table.err).constData());
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
    QCOMPARE(refused.err.count('\n'), 1);
    QVERIFY2(refused.err.startsWith("swarmwatch-cli whoami: SWARMWATCH_TOKEN was refused by http://"),
             refused.err.constData());
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
    QVERIFY2(run.out.contains("*   1  Default\n"), run.out.constData());
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
    QCOMPARE(run.exitCode, 3);
    QCOMPARE(run.err,
             QByteArray("swarmwatch-cli use-project: POST /api/v1/web/auth/context: HTTP 403: User does "
                        "not have access to this project.\n"));
    run = cli({QStringLiteral("use-project"), QStringLiteral("abc")});
    QCOMPARE(run.exitCode, 2);
}

void TestServerCommands::logoutForgetsTheToken()
{
    QCOMPARE(login().exitCode, 0);
    QCOMPARE(cli({QStringLiteral("whoami")}).exitCode, 0);
    const Run out = cli({QStringLiteral("logout")});
    QCOMPARE(out.exitCode, 0);
    QCOMPARE(out.out, QStringLiteral("Logged out of %1.\n").arg(m_sim->url().toString()).toUtf8());
    QVERIFY2(!settingsFile().contains("admin@"),
             settingsFile().constData()); // the login is gone from the list
    const Run after = cli({QStringLiteral("whoami"), QStringLiteral("--server"), m_sim->url().toString()});
    QCOMPARE(after.exitCode, 3);
    QVERIFY2(after.err.contains("not logged in"), after.err.constData());
    QCOMPARE(loginTo(m_sim->url()).exitCode, 0);

    // Where the keychain cannot be reached, logout must not claim the token is gone.
    m_environment.insert(QStringLiteral("DBUS_SESSION_BUS_ADDRESS"),
                         QStringLiteral("unix:path=/nonexistent/bus"));
    m_environment.insert(QStringLiteral("DISPLAY"), QString());
    const Run stuck = cli({QStringLiteral("logout")});
    QCOMPARE(stuck.exitCode, 3);
    QVERIFY2(stuck.err.contains("could not be deleted"), stuck.err.constData());
    QCOMPARE(stuck.err.count('\n'), 1);
    QVERIFY(!stuck.out.contains("Logged out"));
    QVERIFY2(settingsFile().contains("admin@"), "a login whose token is still stored stays listed");
}

void TestServerCommands::helpForEveryCommand()
{
    for (const char *command : {"login", "logout", "logins", "token", "whoami", "projects", "use-project",
                                "campaigns", "agents", "summary", "watch", "sse", "journal", "completion"}) {
        const Run run = cli({QLatin1String(command), QStringLiteral("--help")});
        QVERIFY2(run.exitCode == 0, command);
        QVERIFY2(run.out.contains("Usage: swarmwatch-cli"), run.out.constData());
    }
    const Run version = cli({QStringLiteral("--version")});
    QVERIFY(version.out.startsWith("swarmwatch-cli 0."));
}

void TestServerCommands::oneLoginPerServer()
{
    SimServer::Options options;
    options.world.campaigns = 3;
    options.ticksPerSecond = 0;
    SimServer second(options);
    QVERIFY(second.start());
    const QString first = m_sim->url().toString();
    const QString other = second.url().toString();
    QCOMPARE(login().exitCode, 0);
    QCOMPARE(loginTo(second.url()).exitCode, 0);

    // Both are kept; the latest is the default.
    Run run = cli({QStringLiteral("logins")});
    QCOMPARE(run.exitCode, 0);
    QVERIFY2(run.out.contains(QStringLiteral("*  %1").arg(other).toUtf8()), run.out.constData());
    QVERIFY2(run.out.contains(QStringLiteral("   %1").arg(first).toUtf8()), run.out.constData());
    const QJsonArray logins =
        QJsonDocument::fromJson(cli({QStringLiteral("logins"), QStringLiteral("--json")}).out).array();
    QCOMPARE(logins.size(), 2);
    QCOMPARE(logins[0].toObject().value(QStringLiteral("server")).toString(), other);
    QVERIFY(logins[0].toObject().value(QStringLiteral("default")).toBool());

    const auto campaignCount = [this](const QStringList &extra) {
        const Run listed = cli(QStringList{QStringLiteral("campaigns"), QStringLiteral("--json")} + extra);
        return listed.exitCode == 0 ? QJsonDocument::fromJson(listed.out).array().size() : -1;
    };
    QCOMPARE(campaignCount({}), second.world().listedCampaigns(1).size());
    QCOMPARE(campaignCount({QStringLiteral("--server"), first}), m_sim->world().listedCampaigns(1).size());
    m_environment.insert(QStringLiteral("SWARMWATCH_SERVER"), first);
    QCOMPARE(campaignCount({}), m_sim->world().listedCampaigns(1).size());
    m_environment.remove(QStringLiteral("SWARMWATCH_SERVER"));

    // Logging out of one leaves the other signed in, and the default moves to it.
    run = cli({QStringLiteral("logout"), QStringLiteral("--server"), other});
    QCOMPARE(run.exitCode, 0);
    QCOMPARE(campaignCount({}), m_sim->world().listedCampaigns(1).size());
    run = cli({QStringLiteral("whoami"), QStringLiteral("--server"), other});
    QCOMPARE(run.exitCode, 3);

    QCOMPARE(loginTo(second.url()).exitCode, 0);
    run = cli({QStringLiteral("logout"), QStringLiteral("--all")});
    QCOMPARE(run.exitCode, 0);
    QCOMPARE(run.out.count("Logged out of"), 2);
    for (const QString &server : {first, other}) {
        run = cli({QStringLiteral("whoami"), QStringLiteral("--server"), server});
        QCOMPARE(run.exitCode, 3);
        QVERIFY2(run.err.contains("not logged in"), run.err.constData());
    }
    QVERIFY(cli({QStringLiteral("logins")}).out.startsWith("Not logged in to any server"));
    run = cli({QStringLiteral("logout"), QStringLiteral("--all"), QStringLiteral("--server"), first});
    QCOMPARE(run.exitCode, 2);
}

void TestServerCommands::withoutKeychainNothingIsWritten()
{
    m_environment.insert(QStringLiteral("DBUS_SESSION_BUS_ADDRESS"),
                         QStringLiteral("unix:path=/nonexistent/bus"));
    m_environment.insert(QStringLiteral("DISPLAY"), QString());
    const Run run = login();
    QCOMPARE(run.exitCode, 3);
    QCOMPARE(run.err.count('\n'), 1);
    QVERIFY2(run.err.startsWith("swarmwatch-cli login: no keychain to keep the token in"),
             run.err.constData());
    QVERIFY(run.err.contains("SWARMWATCH_TOKEN"));
    QVERIFY(run.out.isEmpty());
    QVERIFY2(!QFile::exists(m_config->filePath(QStringLiteral("SwarmWatch/swarmwatch.conf"))),
             "nothing may be written without a keychain");
    // Asked before the password: the server never saw a login.
    QCOMPARE(m_sim->requestCount(QStringLiteral("/api/v1/web/auth/login")), quint64(0));
}

void TestServerCommands::tokenForScripts()
{
    Run run = cli({QStringLiteral("token"), QStringLiteral("--server"), m_sim->url().toString()});
    QCOMPARE(run.exitCode, 3);
    QVERIFY2(run.err.contains("not logged in"), run.err.constData());
    QCOMPARE(login().exitCode, 0);
    run = cli({QStringLiteral("token")});
    QCOMPARE(run.exitCode, 0);
    const QByteArray token = run.out.trimmed();
    QCOMPARE(token.count('.'), 2); // a JWT, alone on its line
    QCOMPARE(run.out, token + '\n');
    QVERIFY(run.err.isEmpty());

    // What the token is for: another machine (no keychain, no settings) with SWARMWATCH_TOKEN.
    QTemporaryDir elsewhere;
    m_environment.insert(QStringLiteral("XDG_CONFIG_HOME"), elsewhere.path());
    m_environment.insert(QStringLiteral("DBUS_SESSION_BUS_ADDRESS"),
                         QStringLiteral("unix:path=/nonexistent/bus"));
    m_environment.insert(QStringLiteral("DISPLAY"), QString());
    m_environment.insert(QStringLiteral("SWARMWATCH_TOKEN"), QString::fromLatin1(token));
    m_environment.insert(QStringLiteral("SWARMWATCH_SERVER"), m_sim->url().toString());
    run = cli({QStringLiteral("whoami")});
    QVERIFY2(run.exitCode == 0, run.err.constData());
    run = cli({QStringLiteral("token")});
    QCOMPARE(run.out, token + '\n');
}

void TestServerCommands::sessionExpiredIsOneLineEverywhere()
{
    QCOMPARE(login().exitCode, 0);
    m_sim->expireTokens();
    // (agents and summary need no token on CipherSwarm: they answer whatever the session's state.)
    for (const char *command : {"whoami", "projects", "campaigns", "use-project 2", "watch"}) {
        const QStringList arguments = QString::fromLatin1(command).split(QLatin1Char(' '));
        const Run run = cli(arguments);
        QVERIFY2(run.exitCode == 3, QByteArray(command + QByteArray(": ") + run.out + run.err).constData());
        QCOMPARE(QString::fromUtf8(run.err),
                 QStringLiteral("swarmwatch-cli %1: session expired for %2: run `swarmwatch-cli login`\n")
                     .arg(arguments.first(), m_sim->url().toString()));
    }
    // And the way out that the line names works.
    QCOMPARE(login().exitCode, 0);
    QCOMPARE(cli({QStringLiteral("summary")}).exitCode, 0);
}

void TestServerCommands::notCipherSwarmIsOneLine_data()
{
    QTest::addColumn<QByteArray>("answer");
    QTest::addColumn<QByteArray>("line");
    const QByteArray page = "<!DOCTYPE html><html><head><title>501</title></head><body>"
                            + QByteArray(20000, 'x') + "</body></html>";
    QTest::newRow("501 html") << swarmwatch::test::ScriptedHttpServer::response(501, "Not Implemented", {},
                                                                                page, "text/html")
                              << QByteArray("answered 501 with an HTML page: not a CipherSwarm server?\n");
    QTest::newRow("200 html") << swarmwatch::test::ScriptedHttpServer::response(200, "OK", {}, page,
                                                                                "text/html")
                              << QByteArray("answered with an HTML page: not a CipherSwarm server?\n");
    const QByteArray regex =
        R"({"detail":[{"type":"string_pattern_mismatch","loc":["body","username"],"msg":"String should match pattern '^[a-z0-9_-]{3,64}$'","input":"admin@swarmwatch.example","ctx":{"pattern":"^[a-z0-9_-]{3,64}$"}},{"type":"missing","loc":["body","grant_type"],"msg":"Field required","input":null}]})";
    QTest::newRow("422 regex") << swarmwatch::test::ScriptedHttpServer::response(422, "Unprocessable Entity",
                                                                                 {}, regex)
                               << QByteArray(": not a CipherSwarm server?\n");
}

void TestServerCommands::notCipherSwarmIsOneLine()
{
    QFETCH(QByteArray, answer);
    QFETCH(QByteArray, line);
    swarmwatch::test::ScriptedHttpServer server;
    QVERIFY(server.listen());
    server.setHandler([answer](const swarmwatch::test::ScriptedHttpServer::Request &, QTcpSocket *socket) {
        socket->write(answer);
        socket->disconnectFromHost();
    });
    const QString url = server.url().adjusted(QUrl::RemovePath).toString();
    const Run run = loginTo(QUrl(url));
    QCOMPARE(run.exitCode, 4);
    QCOMPARE(run.err.count('\n'), 1);
    QVERIFY2(run.err.startsWith(QStringLiteral("swarmwatch-cli login: %1 answered").arg(url).toUtf8()),
             run.err.constData());
    QVERIFY2(run.err.endsWith(line), run.err.constData());
    QVERIFY2(run.err.size() < 600, run.err.constData()); // summarised, never dumped
    QVERIFY(!run.err.contains("<html"));
    QVERIFY(run.out.isEmpty());
}

void TestServerCommands::tablesFitTheTerminal()
{
    QCOMPARE(login().exitCode, 0);
    m_environment.insert(QStringLiteral("COLUMNS"), QStringLiteral("200"));
    Run run = cli({QStringLiteral("campaigns")});
    QVERIFY2(run.exitCode == 0, run.err.constData());
    const QList<QByteArray> wide = run.out.split('\n');
    for (const char *header : {"ID", "NAME", "STATE", "PROGRESS", "CRACKED", "ETA", "AGENTS", "UPDATED"})
        QVERIFY2(wide.first().contains(header), wide.first().constData());
    // Relative times in tables, as in the console: "… ago", never an ISO stamp.
    QVERIFY2(run.out.contains(" ago\n"), run.out.constData());
    QVERIFY(!run.out.contains("T0"));

    m_environment.insert(QStringLiteral("COLUMNS"), QStringLiteral("50"));
    run = cli({QStringLiteral("campaigns")});
    QCOMPARE(run.exitCode, 0);
    const QList<QByteArray> narrow = run.out.split('\n');
    for (const QByteArray &line : narrow)
        QVERIFY2(QString::fromUtf8(line).size() <= 50, line.constData());
    for (const char *header : {"ID", "NAME", "STATE", "PROGRESS"})
        QVERIFY2(narrow.first().contains(header), narrow.first().constData());
    QVERIFY(!narrow.first().contains("UPDATED"));
    QCOMPARE(narrow.size(), wide.size()); // every row is still there

    run = cli({QStringLiteral("agents")});
    QCOMPARE(run.exitCode, 0);
    for (const QByteArray &line : run.out.split('\n'))
        QVERIFY2(QString::fromUtf8(line).size() <= 50, line.constData());
    QVERIFY(run.out.contains("LAST SEEN") || run.out.contains("ONLINE"));
}

void TestServerCommands::sortFilterAndLimit()
{
    QCOMPARE(login().exitCode, 0);
    const auto list = [this](const QStringList &extra) {
        const Run run = cli(QStringList{QStringLiteral("campaigns"), QStringLiteral("--json")} + extra);
        return run.exitCode == 0 ? QJsonDocument::fromJson(run.out).array() : QJsonArray();
    };
    // The server's order by default: newest first.
    const QJsonArray all = list({});
    QCOMPARE(all.size(), m_sim->world().listedCampaigns(1).size());
    for (qsizetype i = 0; i < all.size(); ++i)
        QCOMPARE(all[i].toObject().value(QStringLiteral("id")).toInteger(),
                 m_sim->world().listedCampaigns(1).at(i)->id);

    const QJsonArray active =
        list({QStringLiteral("--state"), QStringLiteral("active"), QStringLiteral("--sort"),
              QStringLiteral("-progress"), QStringLiteral("--limit"), QStringLiteral("5")});
    QCOMPARE(active.size(), 5);
    double previous = 101;
    for (const QJsonValue &value : active) {
        const QJsonObject campaign = value.toObject();
        QCOMPARE(campaign.value(QStringLiteral("state")).toString(), QStringLiteral("active"));
        const double progress = campaign.value(QStringLiteral("progress_percent")).toDouble();
        QVERIFY(progress <= previous);
        previous = progress;
    }
    const QJsonArray byName = list({QStringLiteral("--sort"), QStringLiteral("name")});
    for (qsizetype i = 1; i < byName.size(); ++i)
        QVERIFY(QString::localeAwareCompare(byName[i - 1].toObject().value(QStringLiteral("name")).toString(),
                                            byName[i].toObject().value(QStringLiteral("name")).toString())
                <= 0);

    Run run = cli({QStringLiteral("campaigns"), QStringLiteral("--sort"), QStringLiteral("colour")});
    QCOMPARE(run.exitCode, 2);
    QVERIFY2(run.err.contains("--sort takes one of"), run.err.constData());
    run = cli({QStringLiteral("campaigns"), QStringLiteral("--limit"), QStringLiteral("-3")});
    QCOMPARE(run.exitCode, 2);
}

void TestServerCommands::projectInUseAgreesUnderAnEnvironmentToken()
{
    QCOMPARE(login().exitCode, 0);
    const QByteArray token = cli({QStringLiteral("token")}).out.trimmed();
    QTemporaryDir elsewhere; // no settings: no remembered project
    m_environment.insert(QStringLiteral("XDG_CONFIG_HOME"), elsewhere.path());
    m_environment.insert(QStringLiteral("SWARMWATCH_TOKEN"), QString::fromLatin1(token));
    m_environment.insert(QStringLiteral("SWARMWATCH_SERVER"), m_sim->url().toString());
    Run run = cli({QStringLiteral("whoami")});
    QCOMPARE(run.exitCode, 0);
    QVERIFY2(run.out.contains("project: Default (1)"), run.out.constData());
    run = cli({QStringLiteral("projects")});
    QVERIFY2(run.out.contains("*   1  Default"), run.out.constData());
    run = cli({QStringLiteral("campaigns"), QStringLiteral("--json")});
    for (const QJsonValue &campaign : QJsonDocument::fromJson(run.out).array())
        QCOMPARE(campaign.toObject().value(QStringLiteral("project_id")).toInt(), 1);
}

void TestServerCommands::helpAllNeverRunsTheCommand()
{
    QCOMPARE(login().exitCode, 0);
    for (const char *command : {"logout", "login", "campaigns", "sse", "journal"}) {
        const Run run = cli({QLatin1String(command), QStringLiteral("--help-all")});
        QCOMPARE(run.exitCode, 0);
        QVERIFY2(run.out.startsWith("Usage: swarmwatch-cli"), run.out.constData());
    }
    QCOMPARE(cli({QStringLiteral("whoami")}).exitCode, 0); // still logged in
}

void TestServerCommands::anotherEmailReplacesTheServersLogin()
{
    QCOMPARE(login().exitCode, 0);
    const QByteArray adminToken = cli({QStringLiteral("token")}).out;
    const Run analyst = cli({QStringLiteral("login"), QStringLiteral("--server"), m_sim->url().toString(),
                             QStringLiteral("--email"), QStringLiteral("analyst@swarmwatch.example"),
                             QStringLiteral("--password-stdin")},
                            QByteArray(SimWorld::kDemoPassword) + '\n');
    QVERIFY2(analyst.exitCode == 0, analyst.err.constData());
    QVERIFY(cli({QStringLiteral("whoami")}).out.startsWith("analyst@swarmwatch.example"));
    QVERIFY(cli({QStringLiteral("token")}).out != adminToken);
    // One login per server: logging out leaves no token of either behind (the admin's was deleted at the
    // second login; a third login as admin starts from nothing, not from the old token).
    QCOMPARE(cli({QStringLiteral("logout")}).exitCode, 0);
    const Run after = cli({QStringLiteral("token"), QStringLiteral("--server"), m_sim->url().toString()});
    QCOMPARE(after.exitCode, 3);
    QVERIFY(!settingsFile().contains("@swarmwatch.example"));
}

void TestServerCommands::noTerminalForThePrompt()
{
    // Without --password-stdin and without a terminal, nothing is read silently from the pipe.
    const Run run = cli({QStringLiteral("login"), QStringLiteral("--server"), m_sim->url().toString(),
                         QStringLiteral("--email"), QString::fromLatin1(SimWorld::kDemoEmail)},
                        QByteArray(SimWorld::kDemoPassword) + '\n');
    QCOMPARE(run.exitCode, 2);
    QVERIFY2(run.err.contains("--password-stdin"), run.err.constData());
    QCOMPARE(m_sim->requestCount(QStringLiteral("/api/v1/web/auth/login")), quint64(0));
}

void TestServerCommands::failuresAreNeverExitZero()
{
    QCOMPARE(login().exitCode, 0);
    m_sim->failPath(QStringLiteral("/auth/context"), 500, 1000);
    const Run whoami = cli({QStringLiteral("whoami")});
    QCOMPARE(whoami.exitCode, 4);
    QVERIFY(whoami.out.isEmpty());
    QCOMPARE(whoami.err.count('\n'), 1);
    m_sim->failPath(QStringLiteral("/auth/context"), 500, 0);

    Run run = cli({QStringLiteral("campaigns"), QStringLiteral("--state"), QStringLiteral("actve")});
    QCOMPARE(run.exitCode, 2);
    QVERIFY2(run.err.contains("--state takes states from"), run.err.constData());

    // use-project cannot be remembered without a login; SWARMWATCH_PROJECT is the way for scripts.
    const QByteArray token = cli({QStringLiteral("token")}).out.trimmed();
    QTemporaryDir elsewhere;
    m_environment.insert(QStringLiteral("XDG_CONFIG_HOME"), elsewhere.path());
    m_environment.insert(QStringLiteral("SWARMWATCH_TOKEN"), QString::fromLatin1(token));
    m_environment.insert(QStringLiteral("SWARMWATCH_SERVER"), m_sim->url().toString());
    run = cli({QStringLiteral("use-project"), QStringLiteral("2")});
    QCOMPARE(run.exitCode, 2);
    QVERIFY2(run.err.contains("SWARMWATCH_PROJECT=2"), run.err.constData());
    m_environment.insert(QStringLiteral("SWARMWATCH_PROJECT"), QStringLiteral("2"));
    run = cli({QStringLiteral("campaigns"), QStringLiteral("--json")});
    QCOMPARE(run.exitCode, 0);
    const QJsonArray campaigns = QJsonDocument::fromJson(run.out).array();
    QCOMPARE(campaigns.size(), m_sim->world().listedCampaigns(2).size());
    for (const QJsonValue &campaign : campaigns)
        QCOMPARE(campaign.toObject().value(QStringLiteral("project_id")).toInt(), 2);
    QVERIFY(cli({QStringLiteral("whoami")}).out.contains("project: Red Team (2)"));
}

void TestServerCommands::anotherApisComplaintIsNotAUsageError()
{
    swarmwatch::test::ScriptedHttpServer server;
    QVERIFY(server.listen());
    server.setHandler([](const swarmwatch::test::ScriptedHttpServer::Request &, QTcpSocket *socket) {
        socket->write(swarmwatch::test::ScriptedHttpServer::response(
            422, "Unprocessable Entity", {},
            R"({"detail":[{"type":"missing","loc":["query","tenant"],"msg":"Field required","input":null}]})"));
        socket->disconnectFromHost();
    });
    const QString url = server.url().adjusted(QUrl::RemovePath).toString();
    m_environment.insert(QStringLiteral("SWARMWATCH_TOKEN"), QStringLiteral("x.y.z"));
    const Run run = cli({QStringLiteral("campaigns"), QStringLiteral("--server"), url});
    QCOMPARE(run.exitCode, 4);
    QCOMPARE(run.err.count('\n'), 1);
    QVERIFY2(
        run.err.startsWith(QStringLiteral("swarmwatch-cli campaigns: %1 answered 422").arg(url).toUtf8()),
        run.err.constData());
    QVERIFY(run.err.endsWith(": not a CipherSwarm server?\n"));
}

QTEST_GUILESS_MAIN(TestServerCommands)
#include "tst_ServerCommands.moc"
