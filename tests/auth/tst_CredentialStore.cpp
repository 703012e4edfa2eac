// The keychain for real: gnome-keyring's Secret Service on the private D-Bus session that ./scripts/test
// starts (dbus-run-session, keyring unlocked). Entries use a service name of their own and are removed at the
// end.
#include "CredentialStore.h"
#include "LoginSettings.h"
#include "SettingsFile.h"

#include <QProcess>
#include <QSettings>
#include <QTemporaryDir>
#include <QTest>
#include <QUuid>

#include <memory>
#include <optional>

using namespace swarmwatch;
using Secret = CredentialStore::Secret;

namespace {

// Upper bound for waiting on the keychain: generous, for a sanitizer build on a loaded machine; a passing run
// never waits for it.
constexpr int kWaitMs = 30000;

// One keychain operation, the event loop turning until it answers. If it does not, the test fails here (the
// empty outcome, not ok, then fails the caller's checks too) and later operations in the same test are not
// started. The answer lands in shared storage, so one that comes after a failed wait writes nowhere it must
// not.
CredentialStore::Outcome run(const std::function<void(CredentialStore::Callback)> &start)
{
    if (QTest::currentTestFailed())
        return {};
    const auto outcome = std::make_shared<std::optional<CredentialStore::Outcome>>();
    start([outcome](const CredentialStore::Outcome &o) { *outcome = o; });
    if (!QTest::qWaitFor([&outcome] { return outcome->has_value(); }, kWaitMs)) {
        QTest::qFail("the keychain did not answer within 30 s", __FILE__, __LINE__);
        return {};
    }
    return **outcome;
}

// What secret-tool (libsecret's own client) finds for the service, in `found`: proof the secret is in the
// keyring. False if secret-tool did not run to its end.
bool secretToolLookup(const QString &service, const QString &key, QByteArray *found)
{
    QProcess tool;
    tool.start(QStringLiteral("secret-tool"),
               {QStringLiteral("lookup"), QStringLiteral("server"), service, QStringLiteral("user"), key});
    if (!tool.waitForFinished(kWaitMs))
        return false;
    *found = tool.readAllStandardOutput();
    return true;
}

constexpr char kSecretToolFailed[] = "secret-tool did not run to its end within 30 s";

} // namespace

class TestCredentialStore : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void init()
    {
        m_store = std::make_unique<CredentialStore>(QStringLiteral("SwarmWatch-test-")
                                                    + QUuid::createUuid().toString(QUuid::WithoutBraces));
    }

    void roundTripOverwriteAndDelete()
    {
        const QUrl server(QStringLiteral("https://cipherswarm.example:8443"));
        const QString email = QStringLiteral("alice@example.com");
        const QByteArray token = "eyJhbGciOiJIUzI1NiJ9.eyJzdWIiOiJ4In0.c2lnbmF0dXJl";

        const auto missing = run([&](auto done) { m_store->read(server, email, Secret::Token, done); });
        QVERIFY2(missing.ok, qPrintable(missing.message));
        QVERIFY(!missing.found);

        const auto written =
            run([&](auto done) { m_store->write(server, email, Secret::Token, token, done); });
        QVERIFY2(written.ok, qPrintable(written.message));
        const auto read = run([&](auto done) { m_store->read(server, email, Secret::Token, done); });
        QVERIFY(read.found);
        QCOMPARE(read.value, token);

        // Really in the keyring, under the key for this server and email, as libsecret's own tool sees it.
        const QString key = CredentialStore::key(server, email, Secret::Token);
        QByteArray found;
        QVERIFY2(secretToolLookup(m_store->service(), key, &found), kSecretToolFailed);
        QVERIFY2(!found.isEmpty(), "secret-tool finds nothing");

        // Another server or another secret kind is another entry.
        const auto other = run([&](auto done) {
            m_store->read(QUrl(QStringLiteral("https://other.example")), email, Secret::Token, done);
        });
        QVERIFY(!other.found);
        const auto password = run([&](auto done) { m_store->read(server, email, Secret::Password, done); });
        QVERIFY(!password.found);

        const QByteArray newer = "eyJhbGciOiJIUzI1NiJ9.eyJzdWIiOiJ5In0.bmV3ZXI";
        QVERIFY(run([&](auto done) { m_store->write(server, email, Secret::Token, newer, done); }).ok);
        QCOMPARE(run([&](auto done) { m_store->read(server, email, Secret::Token, done); }).value, newer);

        QVERIFY(run([&](auto done) { m_store->remove(server, email, Secret::Token, done); }).ok);
        const auto gone = run([&](auto done) { m_store->read(server, email, Secret::Token, done); });
        QVERIFY(gone.ok);
        QVERIFY(!gone.found);
        QVERIFY2(secretToolLookup(m_store->service(), key, &found), kSecretToolFailed);
        QVERIFY2(found.isEmpty(), found.constData());
    }

    void settingsHoldNoSecrets()
    {
        QTemporaryDir dir;
        const QString path = dir.filePath(QStringLiteral("swarmwatch.conf"));
        {
            SettingsFile file(path, QSettings::IniFormat);
            LoginSettings settings(&file);
            LoginSettings::Login login;
            login.server = QUrl(QStringLiteral("https://bob:hunter2@cipherswarm.example"));
            login.email = QStringLiteral("bob@example.com");
            login.projectId = 4;
            login.rememberPassword = true;
            settings.saveLogin(login);
            QCOMPARE(settings.defaultServer(), QUrl(QStringLiteral("https://cipherswarm.example")));
            QCOMPARE(settings.defaultLogin()->projectId, std::optional<qint64>(4));
        }
        QFile file(path);
        QVERIFY(file.open(QIODevice::ReadOnly));
        const QByteArray content = file.readAll();
        QVERIFY(content.contains("bob@example.com"));
        QVERIFY2(!content.contains("hunter2"), content.constData()); // user info never reaches the file
    }

private:
    std::unique_ptr<CredentialStore> m_store;
};

QTEST_GUILESS_MAIN(TestCredentialStore)
#include "tst_CredentialStore.moc"
