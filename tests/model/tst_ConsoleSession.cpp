// The console session and the status presenter against the simulated CipherSwarm on 127.0.0.1, with the real
// keychain (gnome-keyring on a private D-Bus, as ./scripts/test runs it) and a settings file of the test's
// own.
#include "CampaignModel.h"
#include "ConsoleSession.h"
#include "ConsoleSettings.h"
#include "CredentialStore.h"
#include "LiveSync.h"
#include "LoginSettings.h"
#include "Session.h"
#include "SettingsFile.h"
#include "SimServer.h"
#include "StatusPresenter.h"

#include <QProcess>
#include <QScopeGuard>
#include <QSettings>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QTest>

using namespace swarmwatch;
using namespace swarmwatch::sim;
using namespace std::chrono_literals;

namespace {
constexpr int kWaitMs = 30000; // generous: 2 busy cores under sanitizers
}

class TestConsoleSession : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void init()
    {
        m_sim = std::make_unique<SimServer>(simOptions());
        QVERIFY(m_sim->start());
        m_config = std::make_unique<QTemporaryDir>();
        QVERIFY(m_config->isValid());
        m_now = QDateTime::currentDateTimeUtc();
        open();
        // The keychain outlives the test: an earlier test (here or in another program of the run) may have
        // left a token under this same 127.0.0.1 port. Start clean, so that "not stored" means this test.
        forgetSecrets(m_sim->url());
    }
    void cleanup()
    {
        close();
        m_sim.reset();
        m_config.reset();
    }

    void restoresTheLoginOfTheCli();
    void followsWhatTheCliStoresWhileRunning();
    void nothingStoredAsksForCredentials();
    void aServerNamedWhileSignedInKeepsTheSessionUntilItsToken();
    void signInStoresTokenAndSignOutRemovesIt();
    void wrongPasswordAndInactiveAccountAreTold();
    void expiredSessionKeepsTablesUntilTheNewLogin();
    void switchingProjectReloadsTheTable();
    void indicatorsSayReconnectingAndCountDown();
    void demoKeepsNothing();

private:
    // The same files the app uses: $config/SwarmWatch/swarmwatch.conf, the keychain service "SwarmWatch".
    void open()
    {
        m_settingsFile = std::make_unique<SettingsFile>(
            m_config->filePath(QStringLiteral("SwarmWatch/swarmwatch.conf")), QSettings::IniFormat);
        m_settings = std::make_unique<ConsoleSettings>(m_settingsFile.get());
        m_logins = std::make_unique<LoginSettings>(m_settingsFile.get());
        m_credentials = std::make_unique<CredentialStore>(QStringLiteral("SwarmWatch"));
        m_console =
            std::make_unique<ConsoleSession>(m_settings.get(), m_logins.get(), m_credentials.get(), nullptr);
        m_presenter = std::make_unique<StatusPresenter>(m_console.get(), [this] { return m_now; });
    }
    void close()
    {
        m_presenter.reset();
        m_console.reset();
        m_credentials.reset();
        m_logins.reset();
        m_settings.reset();
        m_settingsFile.reset();
    }
    ApiError signIn(const QString &email = QString::fromLatin1(SimWorld::kDemoEmail),
                    const QString &password = QString::fromLatin1(SimWorld::kDemoPassword),
                    bool remember = false)
    {
        std::optional<ApiError> result;
        m_console->signIn(m_sim->url(), email, password, remember,
                          [&result](const ApiError &e) { result = e; });
        if (!QTest::qWaitFor([&] { return result.has_value(); }, kWaitMs)) {
            QTest::qFail("the sign-in did not finish within 30 s", __FILE__, __LINE__);
            return ApiError{ApiError::Kind::Timeout, 0, QStringLiteral("timeout")};
        }
        return *result;
    }
    static SimServer::Options simOptions()
    {
        SimServer::Options options;
        options.world.campaigns = 30;
        options.world.agents = 5;
        options.ticksPerSecond = 0;
        options.pingInterval = 1000ms;
        return options;
    }
    // swarmwatch-cli with this test's settings file and the keychain; its stderr when it fails.
    QString runCli(const QStringList &arguments, const QByteArray &input = {})
    {
        QProcess cli;
        QProcessEnvironment environment = QProcessEnvironment::systemEnvironment();
        environment.insert(QStringLiteral("XDG_CONFIG_HOME"), m_config->path());
        environment.remove(QStringLiteral("SWARMWATCH_TOKEN"));
        environment.remove(QStringLiteral("QT_LOGGING_RULES"));
        cli.setProcessEnvironment(environment);
        QSignalSpy finished(&cli,
                            &QProcess::finished); // waits with the event loop on: the simulator runs here
        cli.start(QStringLiteral(SWARMWATCH_CLI), arguments);
        cli.write(input);
        cli.closeWriteChannel();
        if (!finished.wait(kWaitMs))
            return QStringLiteral("swarmwatch-cli %1 did not finish within 30 s").arg(arguments.join(u' '));
        if (cli.exitStatus() != QProcess::NormalExit || cli.exitCode() != 0)
            return QStringLiteral("swarmwatch-cli %1 failed (%2): %3")
                .arg(arguments.join(u' '))
                .arg(cli.exitCode())
                .arg(QString::fromUtf8(cli.readAllStandardError()));
        return {};
    }
    QString loginToCli(const QUrl &server)
    {
        return runCli({QStringLiteral("login"), QStringLiteral("--server"), server.toString(),
                       QStringLiteral("--email"), QString::fromLatin1(SimWorld::kDemoEmail),
                       QStringLiteral("--password-stdin")},
                      QByteArray(SimWorld::kDemoPassword) + '\n');
    }
    void forgetSecrets(const QUrl &server)
    {
        for (const char *email : {SimWorld::kDemoEmail, "inactive@swarmwatch.example"}) {
            for (const auto secret : {CredentialStore::Secret::Token, CredentialStore::Secret::Password}) {
                std::optional<CredentialStore::Outcome> outcome;
                m_credentials->remove(LoginSettings::normalized(server), QString::fromLatin1(email), secret,
                                      [&outcome](const CredentialStore::Outcome &o) { outcome = o; });
                QVERIFY2(QTest::qWaitFor([&] { return outcome.has_value(); }, kWaitMs),
                         "the keychain did not answer within 30 s");
                QVERIFY2(outcome->ok, qPrintable(outcome->message));
            }
        }
    }
    CredentialStore::Outcome readSecret(CredentialStore::Secret secret)
    {
        std::optional<CredentialStore::Outcome> outcome;
        m_credentials->read(LoginSettings::normalized(m_sim->url()),
                            QString::fromLatin1(SimWorld::kDemoEmail), secret,
                            [&outcome](const CredentialStore::Outcome &o) { outcome = o; });
        if (!QTest::qWaitFor([&] { return outcome.has_value(); }, kWaitMs))
            QTest::qFail("the keychain did not answer within 30 s", __FILE__, __LINE__);
        return outcome.value_or(CredentialStore::Outcome{});
    }
    int listed(int projectId) const
    {
        return static_cast<int>(m_sim->world().listedCampaigns(projectId).size());
    }

    std::unique_ptr<SimServer> m_sim;
    std::unique_ptr<QTemporaryDir> m_config;
    std::unique_ptr<SettingsFile> m_settingsFile;
    std::unique_ptr<ConsoleSettings> m_settings;
    std::unique_ptr<LoginSettings> m_logins;
    std::unique_ptr<CredentialStore> m_credentials;
    std::unique_ptr<ConsoleSession> m_console;
    std::unique_ptr<StatusPresenter> m_presenter;
    QDateTime m_now;
};

void TestConsoleSession::restoresTheLoginOfTheCli()
{
    // swarmwatch-cli logs in (its settings file and keychain entry); the console opens signed in, no dialog.
    close();
    const QString cliFailed = loginToCli(m_sim->url());
    QVERIFY2(cliFailed.isEmpty(), qPrintable(cliFailed));

    open();
    QSignalSpy needed(m_console.get(), &ConsoleSession::credentialsNeeded);
    m_console->restore();
    QTRY_COMPARE_WITH_TIMEOUT(m_console->state(), ConsoleSession::State::SignedIn, kWaitMs);
    QCOMPARE(needed.count(), 0);
    QCOMPARE(m_console->server(), LoginSettings::normalized(m_sim->url()));
    QCOMPARE(m_console->email(), QString::fromLatin1(SimWorld::kDemoEmail));
    QTRY_COMPARE_WITH_TIMEOUT(m_console->campaigns()->rowCount(), listed(1), kWaitMs);
    QTRY_COMPARE_WITH_TIMEOUT(m_presenter->overall().look, StatusPresenter::Look::Live, kWaitMs);
}

// The console reads the logins once and answers from memory; what swarmwatch-cli stores while it runs must
// still count, and never be overwritten by the console's older copy.
void TestConsoleSession::followsWhatTheCliStoresWhileRunning()
{
    QCOMPARE(signIn().kind, ApiError::Kind::None);
    QCOMPARE(m_console->projectId(), std::optional<qint64>(1));
    // The token stored here, which the CLI runs below use.
    QTRY_VERIFY_WITH_TIMEOUT(readSecret(CredentialStore::Secret::Token).found, kWaitMs);
    m_settingsFile->flush();

    // `swarmwatch-cli use-project 2` meanwhile: the next sign-in here uses project 2, and keeps it.
    QString cliFailed = runCli({QStringLiteral("use-project"), QStringLiteral("2"),
                                QStringLiteral("--server"), m_sim->url().toString()});
    QVERIFY2(cliFailed.isEmpty(), qPrintable(cliFailed));
    QCOMPARE(signIn().kind, ApiError::Kind::None);
    QCOMPARE(m_console->projectId(), std::optional<qint64>(2));
    QTRY_COMPARE_WITH_TIMEOUT(m_console->campaigns()->rowCount(), listed(2), kWaitMs);
    m_settingsFile->flush();
    {
        SettingsFile reread(m_settingsFile->fileName(), QSettings::IniFormat);
        LoginSettings stored(&reread);
        QCOMPARE(stored.login(m_sim->url())->projectId, std::optional<qint64>(2));
    }

    // `swarmwatch-cli login` to another server meanwhile, then `swarmwatch --server` names it: the running
    // console signs in to it with the CLI's token, no dialog.
    SimServer other(simOptions());
    QVERIFY(other.start());
    const auto forgetOther = qScopeGuard([&] { forgetSecrets(other.url()); });
    cliFailed = loginToCli(other.url());
    QVERIFY2(cliFailed.isEmpty(), qPrintable(cliFailed));
    QSignalSpy needed(m_console.get(), &ConsoleSession::credentialsNeeded);
    m_console->restore(other.url());
    QTRY_COMPARE_WITH_TIMEOUT(m_console->server(), LoginSettings::normalized(other.url()), kWaitMs);
    QTRY_COMPARE_WITH_TIMEOUT(m_console->state(), ConsoleSession::State::SignedIn, kWaitMs);
    QCOMPARE(needed.count(), 0);
    // Both logins stay, the CLI's first (it was the last used).
    QCOMPARE(m_logins->logins().size(), 2);
    QCOMPARE(m_logins->defaultServer(), LoginSettings::normalized(other.url()));

    // `swarmwatch-cli use-project 1` for the first server while signed in to the other: signing in back to
    // it uses project 1, though this console last knew 2 there.
    cliFailed = runCli({QStringLiteral("use-project"), QStringLiteral("1"), QStringLiteral("--server"),
                        m_sim->url().toString()});
    QVERIFY2(cliFailed.isEmpty(), qPrintable(cliFailed));
    QCOMPARE(signIn().kind, ApiError::Kind::None);
    QCOMPARE(m_console->projectId(), std::optional<qint64>(1));
    m_settingsFile->flush();
    {
        SettingsFile reread(m_settingsFile->fileName(), QSettings::IniFormat);
        LoginSettings stored(&reread);
        QCOMPARE(stored.login(m_sim->url())->projectId, std::optional<qint64>(1));
    }
}

void TestConsoleSession::nothingStoredAsksForCredentials()
{
    QSignalSpy needed(m_console.get(), &ConsoleSession::credentialsNeeded);
    m_console->restore();
    QTRY_COMPARE_WITH_TIMEOUT(needed.count(), 1, kWaitMs);
    QCOMPARE(m_console->state(), ConsoleSession::State::SignedOut);
    QCOMPARE(m_presenter->overall().look, StatusPresenter::Look::SignedOut);
    QCOMPARE(m_presenter->overall().text, QStringLiteral("Signed out"));

    // A server never signed in to: the dialog is prefilled with it and says why.
    m_console->restore(QUrl(QStringLiteral("https://elsewhere.example")));
    QTRY_COMPARE_WITH_TIMEOUT(needed.count(), 2, kWaitMs);
    QCOMPARE(needed.last().at(0).toUrl(), QUrl(QStringLiteral("https://elsewhere.example")));
    QVERIFY(needed.last().at(2).toString().contains(QStringLiteral("not signed in")));
}

void TestConsoleSession::aServerNamedWhileSignedInKeepsTheSessionUntilItsToken()
{
    QCOMPARE(signIn().kind, ApiError::Kind::None);
    QTRY_COMPARE_WITH_TIMEOUT(m_console->campaigns()->rowCount(), listed(1), kWaitMs);
    QTRY_COMPARE_WITH_TIMEOUT(m_presenter->overall().look, StatusPresenter::Look::Live, kWaitMs);
    const QUrl current = m_console->server();
    QSignalSpy needed(m_console.get(), &ConsoleSession::credentialsNeeded);

    // `swarmwatch --server` with a typo, handed to the running console: it asks, and keeps what it shows.
    m_console->restore(QUrl(QStringLiteral("https://elsewhere.example")));
    QTRY_COMPARE_WITH_TIMEOUT(needed.count(), 1, kWaitMs);
    QCOMPARE(needed.last().at(0).toUrl(), QUrl(QStringLiteral("https://elsewhere.example")));
    QCOMPARE(m_console->state(), ConsoleSession::State::SignedIn);
    QCOMPARE(m_console->server(), current);
    QCOMPARE(m_console->campaigns()->rowCount(), listed(1));

    // A server signed out of earlier (its login kept, no token): the same.
    const QUrl signedOut(QStringLiteral("http://127.0.0.1:1"));
    m_logins->saveLogin({signedOut, QStringLiteral("someone@example.org"), {}, false, {}});
    m_console->restore(signedOut);
    QTRY_COMPARE_WITH_TIMEOUT(needed.count(), 2, kWaitMs);
    QCOMPARE(needed.last().at(0).toUrl(), LoginSettings::normalized(signedOut));
    QCOMPARE(needed.last().at(1).toString(), QStringLiteral("someone@example.org"));
    QCOMPARE(m_console->state(), ConsoleSession::State::SignedIn);
    QCOMPARE(m_console->server(), current);
    QCOMPARE(m_console->campaigns()->rowCount(), listed(1));
    QCOMPARE(m_presenter->overall().look, StatusPresenter::Look::Live);
}

void TestConsoleSession::signInStoresTokenAndSignOutRemovesIt()
{
    QCOMPARE(
        signIn(QString::fromLatin1(SimWorld::kDemoEmail), QString::fromLatin1(SimWorld::kDemoPassword), true)
            .kind,
        ApiError::Kind::None);
    QCOMPARE(m_console->state(), ConsoleSession::State::SignedIn);
    QTRY_COMPARE_WITH_TIMEOUT(m_console->campaigns()->rowCount(), listed(1), kWaitMs);
    // The keychain keeps the token (and the password, as asked); the settings file neither.
    QTRY_VERIFY_WITH_TIMEOUT(readSecret(CredentialStore::Secret::Token).found, kWaitMs);
    QCOMPARE(readSecret(CredentialStore::Secret::Token).value, m_console->session()->token());
    QCOMPARE(readSecret(CredentialStore::Secret::Password).value, QByteArray(SimWorld::kDemoPassword));
    m_settingsFile->flush();
    QFile file(m_settingsFile->fileName());
    QVERIFY(file.open(QIODevice::ReadOnly));
    const QByteArray stored = file.readAll();
    QVERIFY(stored.contains(SimWorld::kDemoEmail));
    QVERIFY(!stored.contains(m_console->session()->token()));
    for (const QByteArray &line :
         stored.split('\n')) // the demo's password is also part of the email's domain
        QVERIFY2(!line.endsWith(QByteArray("=" + QByteArray(SimWorld::kDemoPassword))), line.constData());

    QSignalSpy needed(m_console.get(), &ConsoleSession::credentialsNeeded);
    m_console->signOut();
    QCOMPARE(m_console->state(), ConsoleSession::State::SignedOut);
    QCOMPARE(m_console->campaigns()->rowCount(), 0);
    QCOMPARE(needed.count(), 1);
    QCOMPARE(needed.first().at(1).toString(), QString::fromLatin1(SimWorld::kDemoEmail)); // prefilled
    QTRY_VERIFY_WITH_TIMEOUT(!readSecret(CredentialStore::Secret::Token).found, kWaitMs);
    QCOMPARE(m_presenter->overall().look, StatusPresenter::Look::SignedOut);

    // The next start has no token: it asks, prefilled with the last login.
    close();
    open();
    QSignalSpy asked(m_console.get(), &ConsoleSession::credentialsNeeded);
    m_console->restore();
    QTRY_COMPARE_WITH_TIMEOUT(asked.count(), 1, kWaitMs);
    QCOMPARE(asked.first().at(0).toUrl(), LoginSettings::normalized(m_sim->url()));
    QCOMPARE(asked.first().at(1).toString(), QString::fromLatin1(SimWorld::kDemoEmail));
    QCOMPARE(m_console->state(), ConsoleSession::State::SignedOut);
}

void TestConsoleSession::wrongPasswordAndInactiveAccountAreTold()
{
    const ApiError wrong =
        signIn(QString::fromLatin1(SimWorld::kDemoEmail), QStringLiteral("not-the-password"));
    QCOMPARE(wrong.kind, ApiError::Kind::Unauthorized);
    QCOMPARE(m_console->state(), ConsoleSession::State::SignedOut);
    const ApiError inactive = signIn(QStringLiteral("inactive@swarmwatch.example"));
    QCOMPARE(inactive.kind, ApiError::Kind::Unauthorized);
    QCOMPARE(inactive.httpStatus, 403);
    QVERIFY(!readSecret(CredentialStore::Secret::Token).found);
}

void TestConsoleSession::expiredSessionKeepsTablesUntilTheNewLogin()
{
    QCOMPARE(signIn().kind, ApiError::Kind::None);
    QTRY_COMPARE_WITH_TIMEOUT(m_console->campaigns()->rowCount(), listed(1), kWaitMs);
    QTRY_COMPARE_WITH_TIMEOUT(m_console->sync()->status(), LiveSync::Status::Live, kWaitMs);

    QSignalSpy needed(m_console.get(), &ConsoleSession::credentialsNeeded);
    m_sim->expireTokens();
    m_sim->dropFeeds(); // the feeds come back with the old token and meet a 401
    QTRY_COMPARE_WITH_TIMEOUT(m_console->state(), ConsoleSession::State::Expired, kWaitMs);
    QCOMPARE(needed.count(), 1);
    QCOMPARE(needed.first().at(1).toString(), QString::fromLatin1(SimWorld::kDemoEmail));
    QVERIFY(needed.first().at(2).toString().contains(QStringLiteral("expired")));
    // The tables stay, marked stale.
    QCOMPARE(m_console->campaigns()->rowCount(), listed(1));
    QCOMPARE(m_presenter->overall().look, StatusPresenter::Look::Unauthorized);
    QVERIFY(m_presenter->dataAsOf().startsWith(QStringLiteral("Data as of ")));

    // A mistyped password on the way keeps them too, still dated.
    QCOMPARE(signIn(QString::fromLatin1(SimWorld::kDemoEmail), QStringLiteral("typo")).kind,
             ApiError::Kind::Unauthorized);
    QCOMPARE(m_console->campaigns()->rowCount(), listed(1));
    QVERIFY(m_presenter->dataAsOf().startsWith(QStringLiteral("Data as of ")));

    // Signing in again keeps them until the new snapshot: they never go empty on the way.
    int emptied = 0;
    connect(m_console->campaigns(), &QAbstractItemModel::rowsRemoved, this,
            [this, &emptied] { emptied += m_console->campaigns()->rowCount() == 0 ? 1 : 0; });
    QCOMPARE(signIn().kind, ApiError::Kind::None);
    QTRY_COMPARE_WITH_TIMEOUT(m_presenter->overall().look, StatusPresenter::Look::Live, kWaitMs);
    QCOMPARE(m_console->campaigns()->rowCount(), listed(1));
    QCOMPARE(emptied, 0);
    QVERIFY(m_presenter->dataAsOf().isEmpty());
}

void TestConsoleSession::switchingProjectReloadsTheTable()
{
    QCOMPARE(signIn().kind, ApiError::Kind::None);
    QCOMPARE(m_console->projects().size(), 2); // the archived project is not offered
    QCOMPARE(m_console->projectId(), std::optional<qint64>(1));
    QTRY_COMPARE_WITH_TIMEOUT(m_console->campaigns()->rowCount(), listed(1), kWaitMs);
    QVERIFY(listed(1) != listed(2));

    m_console->selectProject(2);
    QTRY_COMPARE_WITH_TIMEOUT(m_console->campaigns()->rowCount(), listed(2), kWaitMs);
    for (int row = 0; row < m_console->campaigns()->rowCount(); ++row)
        QCOMPARE(m_console->campaigns()->index(row, 0).data(CampaignModel::ProjectRole).toLongLong(), 2);
    QVERIFY(m_presenter->summary().contains(QStringLiteral("Project: Red Team")));
    // Remembered for the next start, as the CLI's use-project is.
    QCOMPARE(m_logins->login(m_sim->url())->projectId, std::optional<qint64>(2));
}

void TestConsoleSession::indicatorsSayReconnectingAndCountDown()
{
    QCOMPARE(signIn().kind, ApiError::Kind::None);
    QTRY_COMPARE_WITH_TIMEOUT(m_console->sync()->status(), LiveSync::Status::Live, kWaitMs);
    m_now = QDateTime::currentDateTimeUtc();
    m_presenter->refresh();
    const StatusPresenter::Indicator live = m_presenter->feed(LiveSync::Feed::Campaigns);
    QCOMPARE(live.look, StatusPresenter::Look::Live);
    QCOMPARE(live.text, QStringLiteral("Live"));
    QVERIFY2(live.toolTip.contains(QStringLiteral("Last data")), qPrintable(live.toolTip));
    QVERIFY(live.accessibleText.startsWith(QStringLiteral("Campaigns feed: Live")));
    QVERIFY2(m_presenter->overall().toolTip.contains(QStringLiteral("Session valid for")),
             qPrintable(m_presenter->overall().toolTip));

    // The server fails every request for a while and the feeds drop: they wait and retry.
    m_sim->failRequests(503, 3s); // short: a long outage backs the retries off further
    m_sim->dropFeeds();
    const SseConnection *campaigns = m_console->sync()->feed(LiveSync::Feed::Campaigns);
    QTRY_VERIFY_WITH_TIMEOUT(campaigns->state() == SseConnection::State::Reconnecting
                                 && campaigns->nextAttemptAt().isValid(),
                             kWaitMs);
    // Read and check without turning the event loop: the next attempt cannot move in between.
    const QDateTime next = campaigns->nextAttemptAt();
    m_now = next.addMSecs(-1500);
    m_presenter->refresh();
    QCOMPARE(m_presenter->feed(LiveSync::Feed::Campaigns).look, StatusPresenter::Look::Reconnecting);
    QCOMPARE(m_presenter->feed(LiveSync::Feed::Campaigns).text, QStringLiteral("Reconnecting in 2 s"));
    QVERIFY(m_presenter->feed(LiveSync::Feed::Campaigns).toolTip.contains(QStringLiteral("Attempt ")));
    m_now = next.addMSecs(-200);
    m_presenter->refresh();
    QCOMPARE(m_presenter->feed(LiveSync::Feed::Campaigns).text, QStringLiteral("Reconnecting in 1 s"));
    QVERIFY(
        m_presenter->feed(LiveSync::Feed::Campaigns).accessibleText.contains(QStringLiteral("Reconnecting")));
    QVERIFY(m_presenter->overall().look != StatusPresenter::Look::Live);
    QVERIFY(m_presenter->dataAsOf().startsWith(QStringLiteral("Data as of ")));

    // And back, by itself, once the server answers again.
    m_now = QDateTime::currentDateTimeUtc();
    QTRY_COMPARE_WITH_TIMEOUT(m_presenter->overall().look, StatusPresenter::Look::Live, 2 * kWaitMs);
    QVERIFY(m_presenter->dataAsOf().isEmpty());
}

void TestConsoleSession::demoKeepsNothing()
{
    std::optional<ApiError> result;
    m_console->signInDemo(m_sim->url(), QString::fromLatin1(SimWorld::kDemoEmail),
                          QString::fromLatin1(SimWorld::kDemoPassword),
                          [&result](const ApiError &e) { result = e; });
    QTRY_VERIFY_WITH_TIMEOUT(result.has_value(), kWaitMs);
    QCOMPARE(result->kind, ApiError::Kind::None);
    QVERIFY(m_console->isDemo());
    QTRY_COMPARE_WITH_TIMEOUT(m_console->campaigns()->rowCount(), listed(1), kWaitMs);
    QVERIFY(!readSecret(CredentialStore::Secret::Token).found);
    QVERIFY(!m_logins->login(m_sim->url()).has_value());
    m_settingsFile->flush();
    QFile file(m_settingsFile->fileName());
    const QByteArray stored = file.open(QIODevice::ReadOnly) ? file.readAll() : QByteArray();
    QVERIFY2(!stored.contains(m_sim->url().toEncoded(QUrl::StripTrailingSlash)), stored.constData());
}

QTEST_GUILESS_MAIN(TestConsoleSession)
#include "tst_ConsoleSession.moc"
