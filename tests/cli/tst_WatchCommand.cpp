// swarmwatch-cli watch --json as a process against the simulator in this one: snapshot, live changes,
// removals, redacted toasts, status lines, and the final picture on SIGINT.
#include "SimServer.h"

#include <QSslCertificate>
#include <QSslKey>
#include <QTcpServer>

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QNetworkAccessManager>
#include <QNetworkReply>
#include <QProcess>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QTest>

#include <csignal>

using namespace swarmwatch::sim;
using namespace std::chrono_literals;

namespace {

// Upper bound for a wait on the CLI: generous, for a sanitizer build on two busy cores; a passing run never
// waits for it.
constexpr int kWaitMs = 30000;

bool isLiveStatus(const QJsonObject &line)
{
    return line.value(QStringLiteral("status")).toString() == QStringLiteral("live");
}

} // namespace

class TestWatchCommand : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void init()
    {
        SimServer::Options options;
        options.world.campaigns = 9;
        options.world.agents = 3;
        options.ticksPerSecond = 0;
        options.pingInterval = 1000ms;
        m_sim = std::make_unique<SimServer>(options);
        QVERIFY(m_sim->start());
        m_lines.clear();
        m_buffer.clear();
    }
    void cleanup()
    {
        if (m_process && m_process->state() != QProcess::NotRunning) {
            m_process->kill();
            m_process->waitForFinished(5000);
        }
        m_process.reset();
        m_sim.reset();
    }

    void jsonLinesFollowTheServer();
    void secretsOnlyWhenAsked();
    void aSecondCtrlCStillExitsZero();
    void firstSnapshotFailureShowsWhyAndWhen();
    void certificateErrorExitsFour();
    void tableShowsIdsInTheServersOrder();
    void jsonFollowsTheStateFilter();

private:
    // A token from a login made here, as a script would get one.
    QString loginToken()
    {
        QNetworkAccessManager network;
        QNetworkRequest request(QUrl(m_sim->url().toString() + QStringLiteral("/api/v1/web/auth/login")));
        request.setHeader(QNetworkRequest::ContentTypeHeader,
                          QByteArrayLiteral("application/x-www-form-urlencoded"));
        QNetworkReply *reply = network.post(request, "email=admin%40swarmwatch.example&password=swarmwatch");
        QSignalSpy done(reply, &QNetworkReply::finished);
        if (!done.wait(kWaitMs))
            return {};
        const QString token = QJsonDocument::fromJson(reply->readAll())
                                  .object()
                                  .value(QStringLiteral("access_token"))
                                  .toString();
        delete reply;
        return token;
    }
    // The CLI's environment: this token, the simulator, and a settings folder of this test's own.
    QProcessEnvironment environmentWith(const QString &token)
    {
        QProcessEnvironment environment = QProcessEnvironment::systemEnvironment();
        environment.insert(QStringLiteral("SWARMWATCH_TOKEN"), token);
        environment.insert(QStringLiteral("SWARMWATCH_SERVER"), m_sim->url().toString());
        environment.insert(QStringLiteral("XDG_CONFIG_HOME"), m_config.path());
        environment.remove(QStringLiteral("QT_LOGGING_RULES"));
        return environment;
    }
    void startWatch(const QStringList &extra)
    {
        const QString token = loginToken();
        QVERIFY2(!token.isEmpty(), "no token from the simulator");
        const QProcessEnvironment environment = environmentWith(token);
        m_process = std::make_unique<QProcess>();
        m_process->setProcessEnvironment(environment);
        connect(m_process.get(), &QProcess::readyReadStandardOutput, this, [this] {
            m_buffer += m_process->readAllStandardOutput();
            qsizetype newline;
            while ((newline = m_buffer.indexOf('\n')) >= 0) {
                const QByteArray line = m_buffer.left(newline);
                m_buffer.remove(0, newline + 1);
                QJsonParseError error;
                const QJsonObject object = QJsonDocument::fromJson(line, &error).object();
                QVERIFY2(error.error == QJsonParseError::NoError, line.constData());
                QVERIFY2(line.startsWith("{\"op\":\""), line.constData());
                m_lines.append(object);
            }
        });
        m_process->start(QStringLiteral(SWARMWATCH_CLI),
                         QStringList{QStringLiteral("watch"), QStringLiteral("--json")} + extra);
        QVERIFY(m_process->waitForStarted(kWaitMs));
    }
    std::optional<QJsonObject> find(const QString &op,
                                    const std::function<bool(const QJsonObject &)> &match = {}) const
    {
        for (const QJsonObject &line : m_lines) {
            if (line.value(QStringLiteral("op")).toString() == op && (!match || match(line)))
                return line;
        }
        return std::nullopt;
    }

    std::unique_ptr<SimServer> m_sim;
    std::unique_ptr<QProcess> m_process;
    QTemporaryDir m_config;
    QByteArray m_buffer;
    QList<QJsonObject> m_lines;
};

void TestWatchCommand::jsonLinesFollowTheServer()
{
    startWatch({QStringLiteral("--agents"), QStringLiteral("--watchdog-seconds"), QStringLiteral("5")});
    QTRY_VERIFY_WITH_TIMEOUT(find(QStringLiteral("snapshot")).has_value(), kWaitMs);
    const QJsonObject snapshot = *find(QStringLiteral("snapshot"));
    const QJsonArray campaigns = snapshot.value(QStringLiteral("campaigns")).toArray();
    QCOMPARE(campaigns.size(), m_sim->world().listedCampaigns(1).size());
    for (const QJsonValue &value : campaigns) {
        const QJsonObject campaign = value.toObject();
        QCOMPARE(campaign.value(QStringLiteral("project_id")).toInt(), 1);
        QVERIFY(campaign.contains(QStringLiteral("progress_percent"))); // metrics are in the snapshot
        QVERIFY(!campaign.value(QStringLiteral("total_hashes")).isNull());
    }
    QCOMPARE(snapshot.value(QStringLiteral("agents")).toArray().size(), 3);
    QTRY_VERIFY_WITH_TIMEOUT(find(QStringLiteral("status"), isLiveStatus).has_value(), kWaitMs);
    const QJsonObject live = *find(QStringLiteral("status"), isLiveStatus);
    QCOMPARE(live.value(QStringLiteral("feeds")).toObject().value(QStringLiteral("agents")).toString(),
             QStringLiteral("live"));

    const qint64 id = m_sim->world().listedCampaigns(1).first()->id;
    m_sim->world().renameCampaign(id, QStringLiteral("Seen from the CLI"));
    QTRY_VERIFY_WITH_TIMEOUT(find(QStringLiteral("upsert"),
                                  [](const QJsonObject &line) {
                                      return line.value(QStringLiteral("campaign"))
                                                 .toObject()
                                                 .value(QStringLiteral("name"))
                                                 .toString()
                                             == QStringLiteral("Seen from the CLI");
                                  })
                                 .has_value(),
                             kWaitMs);
    m_sim->world().archiveCampaign(id);
    QTRY_VERIFY_WITH_TIMEOUT(find(QStringLiteral("remove"),
                                  [id](const QJsonObject &line) {
                                      return line.value(QStringLiteral("id")).toInteger() == id
                                             && line.value(QStringLiteral("type")).toString()
                                                    == QStringLiteral("campaign");
                                  })
                                 .has_value(),
                             kWaitMs);
    m_sim->world().agentShutdown(1);
    m_sim->world().reportAgentError(1, QStringLiteral("fan failure"), QStringLiteral("fatal"));
    QTRY_VERIFY_WITH_TIMEOUT(find(QStringLiteral("upsert"),
                                  [](const QJsonObject &line) {
                                      return line.value(QStringLiteral("agent"))
                                                 .toObject()
                                                 .value(QStringLiteral("state"))
                                                 .toString()
                                             == QStringLiteral("error");
                                  })
                                 .has_value(),
                             kWaitMs);
    // Other projects' campaigns never appear.
    m_sim->world().renameCampaign(m_sim->world().listedCampaigns(2).first()->id, QStringLiteral("Elsewhere"));

    QSignalSpy finished(m_process.get(), &QProcess::finished);
    ::kill(static_cast<pid_t>(m_process->processId()), SIGINT);
    QVERIFY(finished.wait(kWaitMs));
    QCOMPARE(m_process->exitCode(), 0);
    const QJsonObject last = m_lines.last();
    QCOMPARE(last.value(QStringLiteral("op")).toString(), QStringLiteral("final"));
    const QJsonArray finalCampaigns = last.value(QStringLiteral("campaigns")).toArray();
    QCOMPARE(finalCampaigns.size(), m_sim->world().listedCampaigns(1).size());
    for (const QJsonValue &value : finalCampaigns) {
        QVERIFY(value.toObject().value(QStringLiteral("id")).toInteger() != id);
        QVERIFY(value.toObject().value(QStringLiteral("name")).toString() != QStringLiteral("Elsewhere"));
    }
}

void TestWatchCommand::secretsOnlyWhenAsked()
{
    for (const bool show : {false, true}) {
        m_lines.clear();
        startWatch(show ? QStringList{QStringLiteral("--show-secrets")} : QStringList{});
        QTRY_VERIFY_WITH_TIMEOUT(find(QStringLiteral("status"), isLiveStatus).has_value(), kWaitMs);
        // A crack on demand (the world's own cracks come at random).
        QVERIFY(m_sim->world().crackHash(m_sim->world().listedCampaigns(1).first()->id,
                                         QStringLiteral("Summer2024!")));
        QTRY_VERIFY_WITH_TIMEOUT(find(QStringLiteral("toast")).has_value(), kWaitMs);
        const QString message = find(QStringLiteral("toast"))->value(QStringLiteral("message")).toString();
        QVERIFY2(message.startsWith(QStringLiteral("\U0001F389 Hash cracked by")), qPrintable(message));
        QCOMPARE(message.contains(QStringLiteral("\u2192Summer")), show);
        m_process->kill();
        m_process->waitForFinished(5000);
    }
}

void TestWatchCommand::aSecondCtrlCStillExitsZero()
{
    m_lines.clear();
    startWatch({});
    QTRY_VERIFY_WITH_TIMEOUT(find(QStringLiteral("status"), isLiveStatus).has_value(), kWaitMs);
    QSignalSpy finished(m_process.get(), &QProcess::finished);
    // An impatient operator: Ctrl-C twice.
    const auto pid = static_cast<pid_t>(m_process->processId());
    ::kill(pid, SIGINT);
    ::kill(pid, SIGINT);
    QVERIFY(finished.wait(kWaitMs));
    QCOMPARE(m_process->exitStatus(), QProcess::NormalExit);
    QCOMPARE(m_process->exitCode(), 0);
    QTRY_COMPARE_WITH_TIMEOUT(m_lines.last().value(QStringLiteral("op")).toString(), QStringLiteral("final"),
                              kWaitMs);
}

void TestWatchCommand::firstSnapshotFailureShowsWhyAndWhen()
{
    quint16 port;
    {
        QTcpServer probe; // a port nobody listens on
        QVERIFY(probe.listen(QHostAddress::LocalHost));
        port = probe.serverPort();
    }
    QProcess process;
    QProcessEnvironment environment = environmentWith(QStringLiteral("x.y.z"));
    environment.insert(QStringLiteral("COLUMNS"), QStringLiteral("100"));
    process.setProcessEnvironment(environment);
    QByteArray out;
    connect(&process, &QProcess::readyReadStandardOutput, this,
            [&] { out += process.readAllStandardOutput(); });
    process.start(QStringLiteral(SWARMWATCH_CLI), {QStringLiteral("watch"), QStringLiteral("--server"),
                                                   QStringLiteral("http://127.0.0.1:%1").arg(port)});
    QVERIFY(process.waitForStarted(kWaitMs));
    // Not silence: the header says what is wrong and when the next try is, and keeps saying it.
    QTRY_VERIFY2_WITH_TIMEOUT(out.contains("--\n"), out.constData(), kWaitMs);
    QVERIFY2(out.contains(QStringLiteral("http://127.0.0.1:%1 - disconnected").arg(port).toUtf8()),
             out.constData());
    QVERIFY2(out.contains(", next try in "), out.constData());
    QVERIFY2(out.contains("Waiting for the first snapshot: "), out.constData());
    QVERIFY2(out.contains("refused"), out.constData());
    // Each header line fits the width, the countdown kept whole (the reason is what gets shortened).
    for (const QByteArray &line : out.split('\n'))
        QVERIFY2(QString::fromUtf8(line).size() <= 100, line.constData());
    QCOMPARE(process.state(), QProcess::Running); // it keeps trying
    QSignalSpy finished(&process, &QProcess::finished);
    ::kill(static_cast<pid_t>(process.processId()), SIGINT);
    QVERIFY(finished.wait(kWaitMs));
    QCOMPARE(process.exitCode(), 0);
}

void TestWatchCommand::certificateErrorExitsFour()
{
    QFile certificateFile(QStringLiteral(SWARMWATCH_TEST_FIXTURES "/localhost.crt"));
    QFile keyFile(QStringLiteral(SWARMWATCH_TEST_FIXTURES "/localhost.key"));
    QVERIFY(certificateFile.open(QIODevice::ReadOnly) && keyFile.open(QIODevice::ReadOnly));
    SimServer::Options options;
    options.world.campaigns = 3;
    options.ticksPerSecond = 0;
    SimServer tls(options);
    tls.setTls(QSslCertificate(certificateFile.readAll(), QSsl::Pem),
               QSslKey(keyFile.readAll(), QSsl::Rsa, QSsl::Pem));
    QVERIFY(tls.start());
    QProcess process;
    process.setProcessEnvironment(environmentWith(QStringLiteral("x.y.z")));
    QSignalSpy finished(&process, &QProcess::finished);
    process.start(QStringLiteral(SWARMWATCH_CLI), {QStringLiteral("watch"), QStringLiteral("--json"),
                                                   QStringLiteral("--server"), tls.url().toString()});
    // No retry fixes a certificate nobody trusts: it ends, as `sse` does, with exit 4.
    QVERIFY2(finished.wait(kWaitMs), "watch kept retrying a certificate error");
    QCOMPARE(process.exitCode(), 4);
    const QByteArray err = process.readAllStandardError();
    QVERIFY2(err.contains("certificate") || err.contains("Certificate"), err.constData());
    QVERIFY2(err.count('\n') == 1, err.constData()); // one line, however the handshake fails
}

void TestWatchCommand::tableShowsIdsInTheServersOrder()
{
    QProcessEnvironment environment = environmentWith(loginToken());
    environment.insert(QStringLiteral("COLUMNS"), QStringLiteral("200"));
    QProcess process;
    process.setProcessEnvironment(environment);
    QByteArray out;
    connect(&process, &QProcess::readyReadStandardOutput, this,
            [&] { out += process.readAllStandardOutput(); });
    process.start(QStringLiteral(SWARMWATCH_CLI), {QStringLiteral("watch")});
    QVERIFY(process.waitForStarted(kWaitMs));
    // The first frame with the table, to its end (frames before it are the header alone).
    QTRY_VERIFY2_WITH_TIMEOUT(out.contains("ID  NAME") && out.indexOf("--\n", out.indexOf("ID  NAME")) > 0,
                              out.constData(), kWaitMs);
    const QString frame =
        QString::fromUtf8(out).section(QStringLiteral("ID  NAME"), 1).section(QStringLiteral("--\n"), 0, 0);
    QStringList ids;
    for (const QString &line : frame.split(QLatin1Char('\n'), Qt::SkipEmptyParts).mid(1))
        ids.append(line.trimmed().section(QLatin1Char(' '), 0, 0));
    QStringList expected;
    for (const auto *campaign : m_sim->world().listedCampaigns(1))
        expected.append(QString::number(campaign->id));
    QCOMPARE(ids, expected);
    process.kill();
    process.waitForFinished(kWaitMs);
}

void TestWatchCommand::jsonFollowsTheStateFilter()
{
    startWatch({QStringLiteral("--state"), QStringLiteral("active")});
    QTRY_VERIFY_WITH_TIMEOUT(find(QStringLiteral("snapshot")).has_value(), kWaitMs);
    QTRY_VERIFY_WITH_TIMEOUT(find(QStringLiteral("status"), isLiveStatus).has_value(), kWaitMs);
    const QJsonArray snapshot =
        find(QStringLiteral("snapshot"))->value(QStringLiteral("campaigns")).toArray();
    QVERIFY(!snapshot.isEmpty());
    for (const QJsonValue &campaign : snapshot)
        QCOMPARE(campaign.toObject().value(QStringLiteral("state")).toString(), QStringLiteral("active"));
    // A campaign that stops leaves the reader's picture with a remove; one that starts enters it.
    const qint64 stopped = snapshot.first().toObject().value(QStringLiteral("id")).toInteger();
    QCOMPARE(m_sim->world().stopCampaign(static_cast<int>(stopped)), SimWorld::ActionResult::Ok);
    QTRY_VERIFY_WITH_TIMEOUT(find(QStringLiteral("remove"),
                                  [stopped](const QJsonObject &line) {
                                      return line.value(QStringLiteral("id")).toInteger() == stopped;
                                  })
                                 .has_value(),
                             kWaitMs);
    QCOMPARE(m_sim->world().startCampaign(static_cast<int>(stopped)), SimWorld::ActionResult::Ok);
    QTRY_VERIFY_WITH_TIMEOUT(
        find(QStringLiteral("upsert"),
             [stopped](const QJsonObject &line) {
                 const QJsonObject campaign = line.value(QStringLiteral("campaign")).toObject();
                 return campaign.value(QStringLiteral("id")).toInteger() == stopped
                        && campaign.value(QStringLiteral("state")).toString() == QStringLiteral("active");
             })
            .has_value(),
        kWaitMs);
    // Nothing outside the filter was ever upserted.
    for (const QJsonObject &line : std::as_const(m_lines)) {
        if (line.value(QStringLiteral("op")).toString() == QStringLiteral("upsert")
            && line.contains(QStringLiteral("campaign")))
            QCOMPARE(
                line.value(QStringLiteral("campaign")).toObject().value(QStringLiteral("state")).toString(),
                QStringLiteral("active"));
    }
}

QTEST_GUILESS_MAIN(TestWatchCommand)
#include "tst_WatchCommand.moc"
