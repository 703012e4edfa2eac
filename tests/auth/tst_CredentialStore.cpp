// The keychain for real: gnome-keyring's Secret Service on the private D-Bus session that ./scripts/test
// starts (dbus-run-session, keyring unlocked). Entries use a service name of their own and are removed at the
// end.
#include "CredentialStore.h"
#include "LoginSettings.h"

#include <QProcess>
#include <QSettings>
#include <QTemporaryDir>
#include <QTest>
#include <QUuid>

using namespace swarmwatch;
using Secret = CredentialStore::Secret;

namespace {

CredentialStore::Outcome run(const std::function<void(CredentialStore::Callback)> &start)
{
    std::optional<CredentialStore::Outcome> outcome;
    start([&outcome](const CredentialStore::Outcome &o) { outcome = o; });
    if (!QTest::qWaitFor([&] { return outcome.has_value(); }, 20000))
        qFatal("the keychain did not answer within 20 s");
    return *outcome;
}

// What secret-tool (libsecret's own client) finds for the service: proof the secret is in the keyring.
QByteArray secretToolLookup(const QString &service, const QString &key)
{
    QProcess tool;
    tool.start(QStringLiteral("secret-tool"),
               {QStringLiteral("lookup"), QStringLiteral("server"), service, QStringLiteral("user"), key});
    if (!tool.waitForFinished(20000))
        return "(secret-tool hung)";
    return tool.readAllStandardOutput();
}

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
        QVERIFY2(!secretToolLookup(m_store->service(), key).isEmpty(), "secret-tool finds nothing");

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
        QVERIFY(secretToolLookup(m_store->service(), key).isEmpty());
    }

    void settingsHoldNoSecrets()
    {
        QTemporaryDir dir;
        const QString path = dir.filePath(QStringLiteral("swarmwatch.conf"));
        {
            QSettings qsettings(path, QSettings::IniFormat);
            LoginSettings settings(&qsettings);
            settings.setServer(QUrl(QStringLiteral("https://bob:hunter2@cipherswarm.example")));
            settings.setEmail(QStringLiteral("bob@example.com"));
            settings.setProjectId(4);
            settings.setRememberPassword(true);
            QCOMPARE(settings.server(), QUrl(QStringLiteral("https://cipherswarm.example")));
            QCOMPARE(settings.projectId(), std::optional<qint64>(4));
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
