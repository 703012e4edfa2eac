// The no-keychain path: this test runs with a session bus address that leads nowhere (set by CMake), the
// situation of a headless box without a Secret Service. QtKeychain must fail, and say why, in words.
#include "CredentialStore.h"

#include <QTest>

using namespace swarmwatch;

class TestCredentialStoreWithoutKeychain : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void unavailableKeychainIsReportedClearly()
    {
        QVERIFY2(qEnvironmentVariable("DBUS_SESSION_BUS_ADDRESS").contains(QStringLiteral("nonexistent")),
                 "this test must run with the bus address CMake gives it");
        CredentialStore store(QStringLiteral("SwarmWatch-test-nokeychain"));
        std::optional<CredentialStore::Outcome> outcome;
        store.write(QUrl(QStringLiteral("https://cipherswarm.example")), QStringLiteral("a@b.io"),
                    CredentialStore::Secret::Token, "secret-token",
                    [&outcome](const CredentialStore::Outcome &o) { outcome = o; });
        QTRY_VERIFY2_WITH_TIMEOUT(outcome.has_value(), "the failed keychain write never answered", 30000);
        QVERIFY(!outcome->ok);
        QVERIFY(outcome->unavailable);
        QVERIFY2(outcome->message.startsWith(QStringLiteral("No keychain service is available")),
                 qPrintable(outcome->message));
        // Why, in the keychain's words (here: no session bus), for the caller to put in its own sentence.
        QVERIFY2(outcome->message.size() > QStringLiteral("No keychain service is available: ").size(),
                 qPrintable(outcome->message));
        QVERIFY(!outcome->message.contains(QStringLiteral("secret-token")));
    }
};

QTEST_GUILESS_MAIN(TestCredentialStoreWithoutKeychain)
#include "tst_CredentialStoreWithoutKeychain.moc"
