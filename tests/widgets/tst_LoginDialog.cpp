// Signing in through the dialog, as a user types it, against the simulator on 127.0.0.1 (plain and with a
// self-signed certificate), a port nobody listens on, and a web server that is not CipherSwarm.
#include "CampaignModel.h"
#include "CampaignsView.h"
#include "ConsoleFixture.h"
#include "LiveSync.h"
#include "LoginDialog.h"
#include "ScriptedHttpServer.h"

#include <QCheckBox>
#include <QComboBox>
#include <QFile>
#include <QGroupBox>
#include <QLabel>
#include <QLineEdit>
#include <QPushButton>
#include <QSslKey>
#include <QTableView>
#include <QTcpServer>
#include <QTcpSocket>
#include <QTest>

using namespace swarmwatch;
using namespace swarmwatch::test;

class TestLoginDialog : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void init()
    {
        m_fixture = std::make_unique<ConsoleFixture>();
        QVERIFY(m_fixture->config.isValid());
        QVERIFY(m_fixture->startSim());
        m_fixture->open();
        QVERIFY(QTest::qWaitForWindowExposed(m_fixture->window.get()));
    }
    void cleanup()
    {
        m_fixture->close();
        m_fixture.reset();
    }

    void firstStartAsksAndSignsInWithAProjectPicker();
    void wrongPasswordInactiveAndTypos();
    void unreachableAndNotCipherSwarm();
    void untrustedCertificateCanBeTrustedOnce();
    void expiredSessionAsksAgainKeepingTheTables();

private:
    ConsoleFixture &f() { return *m_fixture; }
    LoginDialog *dialog() { return f().window->loginDialog(); }
    template <typename T>
    T *child(const char *name)
    {
        T *found = dialog()->findChild<T *>(QString::fromLatin1(name));
        if (!found)
            QTest::qFail(qPrintable(QStringLiteral("no %1 in the login dialog").arg(QLatin1String(name))),
                         __FILE__, __LINE__);
        return found;
    }
    // Types into the dialog as a user would and presses Enter.
    void type(const QString &server, const QString &email, const QString &password)
    {
        for (const auto &[name, text] : {std::pair{"serverEdit", server}, std::pair{"emailEdit", email},
                                         std::pair{"passwordEdit", password}}) {
            auto *edit = child<QLineEdit>(name);
            edit->clear();
            QTest::keyClicks(edit, text);
        }
        QTest::keyClick(child<QLineEdit>("passwordEdit"), Qt::Key_Return);
    }
    // The dialog has finished with this attempt (an error shown, or it moved on).
    bool settled()
    {
        return QTest::qWaitFor([this] { return child<QPushButton>("signInButton")->isEnabled(); }, kWaitMs);
    }

    std::unique_ptr<ConsoleFixture> m_fixture;
};

void TestLoginDialog::firstStartAsksAndSignsInWithAProjectPicker()
{
    // Nothing stored: the dialog opens by itself.
    f().console->restore();
    QTRY_VERIFY_WITH_TIMEOUT(dialog()->isVisible(), kWaitMs);
    QVERIFY(child<QLineEdit>("serverEdit")->hasFocus() || child<QLineEdit>("serverEdit")->text().isEmpty());
    QCOMPARE(child<QLineEdit>("passwordEdit")->echoMode(), QLineEdit::Password);
    ConsoleFixture::screenshot(dialog(), QStringLiteral("login"));

    child<QCheckBox>("rememberCheck")->setChecked(true);
    type(f().sim->url().toString(), QString::fromLatin1(sim::SimWorld::kDemoEmail),
         QString::fromLatin1(sim::SimWorld::kDemoPassword));
    // Two projects: the dialog asks which.
    QTRY_VERIFY_WITH_TIMEOUT(child<QGroupBox>("projectBox")->isVisible(), kWaitMs);
    QCOMPARE(f().console->state(), ConsoleSession::State::SignedIn);
    auto *projects = child<QComboBox>("projectCombo");
    QCOMPARE(projects->count(), 2);
    QCOMPARE(child<QPushButton>("signInButton")->text(), QStringLiteral("&Open"));
    ConsoleFixture::screenshot(dialog(), QStringLiteral("login-project"));
    projects->setCurrentIndex(projects->findText(QStringLiteral("Red Team")));
    QTest::mouseClick(child<QPushButton>("signInButton"), Qt::LeftButton);
    QTRY_VERIFY_WITH_TIMEOUT(!dialog()->isVisible(), kWaitMs);
    QCOMPARE(f().console->projectId(), std::optional<qint64>(2));
    QTRY_COMPARE_WITH_TIMEOUT(f().window->campaignsView()->table()->model()->rowCount(), f().listed(2),
                              kWaitMs);
    QVERIFY(child<QLineEdit>("passwordEdit")->text().isEmpty()); // not kept in the widget
    // The title names the server with its port (two servers on one host differ); the platform adds the
    // application's name.
    QCOMPARE(f().window->windowTitle(), QStringLiteral("127.0.0.1:%1").arg(f().sim->url().port()));

    // Next start: signed in from the keychain, no dialog; sign out asks again with the password remembered.
    f().close();
    f().open();
    f().console->restore();
    QTRY_COMPARE_WITH_TIMEOUT(f().console->state(), ConsoleSession::State::SignedIn, kWaitMs);
    QVERIFY(!f().window->loginDialog()->isVisible());
    QCOMPARE(f().console->projectId(), std::optional<qint64>(2));
    f().window->findChild<QAction *>(QStringLiteral("signOutAction"))->trigger();
    QTRY_VERIFY_WITH_TIMEOUT(dialog()->isVisible(), kWaitMs);
    QCOMPARE(child<QLineEdit>("emailEdit")->text(), QString::fromLatin1(sim::SimWorld::kDemoEmail));
    QTRY_COMPARE_WITH_TIMEOUT(child<QLineEdit>("passwordEdit")->text(),
                              QString::fromLatin1(sim::SimWorld::kDemoPassword), kWaitMs);
    QCOMPARE(f().window->campaignsView()->table()->model()->rowCount(), 0);
}

void TestLoginDialog::wrongPasswordInactiveAndTypos()
{
    f().window->askForCredentials({}, {}, {});
    QTRY_VERIFY(dialog()->isVisible());
    type(f().sim->url().toString(), QString::fromLatin1(sim::SimWorld::kDemoEmail), QStringLiteral("wrong"));
    QVERIFY(settled());
    QCOMPARE(dialog()->errorText(), QStringLiteral("Error: Wrong email or password."));
    QVERIFY(child<QLineEdit>("passwordEdit")->hasFocus() || !dialog()->isActiveWindow());
    QVERIFY(dialog()->isVisible());
    ConsoleFixture::screenshot(dialog(), QStringLiteral("login-wrong-password"));

    type(f().sim->url().toString(), QStringLiteral("inactive@swarmwatch.example"),
         QString::fromLatin1(sim::SimWorld::kDemoPassword));
    QVERIFY(settled());
    QVERIFY2(dialog()->errorText().contains(QStringLiteral("inactive")), qPrintable(dialog()->errorText()));

    type(QStringLiteral("ftp://nope"), QStringLiteral("a@b.c"), QStringLiteral("x"));
    QVERIFY2(dialog()->errorText().contains(QStringLiteral("is not a server address")),
             qPrintable(dialog()->errorText()));
    type(f().sim->url().toString(), QString(), QStringLiteral("x"));
    QCOMPARE(dialog()->errorText(), QStringLiteral("Error: Enter your email and password."));
    QCOMPARE(f().console->state(), ConsoleSession::State::SignedOut);
}

void TestLoginDialog::unreachableAndNotCipherSwarm()
{
    // A port nobody listens on: take one, then free it.
    QTcpServer probe;
    QVERIFY(probe.listen(QHostAddress::LocalHost));
    const quint16 port = probe.serverPort();
    probe.close();
    f().window->askForCredentials({}, {}, {});
    QTRY_VERIFY(dialog()->isVisible());
    type(QStringLiteral("http://127.0.0.1:%1").arg(port), QStringLiteral("a@b.c"), QStringLiteral("x"));
    QVERIFY(settled());
    QVERIFY2(dialog()->errorText().startsWith(QStringLiteral("Error: Cannot reach 127.0.0.1")),
             qPrintable(dialog()->errorText()));
    // The keyboard goes on where the mistake is: the address, selected, so typing replaces it.
    QCOMPARE(dialog()->focusWidget(), child<QLineEdit>("serverEdit"));
    QCOMPARE(child<QLineEdit>("serverEdit")->selectedText(), child<QLineEdit>("serverEdit")->text());
    QVERIFY2(!dialog()->errorText().contains(QStringLiteral("https:// was used")),
             qPrintable(dialog()->errorText()));

    // An address typed without a scheme is tried with https://; when that fails, the error says so.
    type(QStringLiteral("127.0.0.1:%1").arg(port), QStringLiteral("a@b.c"), QStringLiteral("x"));
    QVERIFY(settled());
    QVERIFY2(dialog()->errorText().contains(
                 QStringLiteral("https:// was used; for a server without TLS, type http://127.0.0.1:%1.")
                     .arg(port)),
             qPrintable(dialog()->errorText()));

    // A web server that answers with an HTML page.
    ScriptedHttpServer web;
    web.setHandler([](const ScriptedHttpServer::Request &, QTcpSocket *socket) {
        socket->write(ScriptedHttpServer::response(
            200, "OK", {},
            "<!DOCTYPE html><html><head><title>Welcome to nginx!</title></head><body>hi</body></html>",
            "text/html"));
        socket->disconnectFromHost();
    });
    QVERIFY(web.listen());
    type(web.url().toString(), QStringLiteral("a@b.c"), QStringLiteral("x"));
    QVERIFY(settled());
    const QString error = dialog()->errorText();
    QVERIFY(dialog()->isVisible()); // Enter after an error signs in again, never cancels
    QVERIFY2(error.contains(QStringLiteral("not a CipherSwarm server")), qPrintable(error));
    QCOMPARE(dialog()->focusWidget(), child<QLineEdit>("serverEdit"));
    QVERIFY2(!error.contains(QStringLiteral("<")) && error.size() < 200, qPrintable(error));
}

void TestLoginDialog::untrustedCertificateCanBeTrustedOnce()
{
    QFile certificateFile(QStringLiteral(SWARMWATCH_TEST_FIXTURES "/localhost.crt"));
    QFile keyFile(QStringLiteral(SWARMWATCH_TEST_FIXTURES "/localhost.key"));
    QVERIFY(certificateFile.open(QIODevice::ReadOnly) && keyFile.open(QIODevice::ReadOnly));
    const QSslCertificate certificate(certificateFile.readAll(), QSsl::Pem);
    const QSslKey key(keyFile.readAll(), QSsl::Rsa, QSsl::Pem);
    QVERIFY(!certificate.isNull() && !key.isNull());
    sim::SimServer::Options options;
    options.world.campaigns = 12;
    options.ticksPerSecond = 0;
    options.pingInterval = std::chrono::milliseconds(1000); // the feeds' headers wait for the first frame
    sim::SimServer tls(options);
    tls.setTls(certificate, key);
    QVERIFY(tls.start());
    QCOMPARE(tls.url().scheme(), QStringLiteral("https"));

    f().window->askForCredentials({}, {}, {});
    QTRY_VERIFY(dialog()->isVisible());
    type(tls.url().toString(), QString::fromLatin1(sim::SimWorld::kDemoEmail),
         QString::fromLatin1(sim::SimWorld::kDemoPassword));
    QVERIFY(settled());
    QVERIFY2(dialog()->errorText().contains(QStringLiteral("is not trusted")),
             qPrintable(dialog()->errorText()));
    QVERIFY(child<QGroupBox>("certificateBox")->isVisible());
    const QString details = child<QLabel>("certificateDetails")->text();
    QString fingerprint = QString::fromLatin1(ConsoleSession::fingerprint(certificate)).toUpper();
    QVERIFY2(details.contains(QStringLiteral("Subject: 127.0.0.1")), qPrintable(details));
    QVERIFY2(details.contains(QStringLiteral("Issuer: 127.0.0.1")), qPrintable(details));
    QVERIFY2(details.contains(QStringLiteral("Valid from ")), qPrintable(details));
    QString shown = details.mid(details.indexOf(QStringLiteral("SHA-256: ")) + 9);
    shown.remove(QLatin1Char(':')).remove(QLatin1Char('\n'));
    QCOMPARE(shown, fingerprint); // the whole fingerprint, to compare with what an administrator reads out
    QVERIFY2(details.contains(fingerprint.left(2) + QLatin1Char(':') + fingerprint.mid(2, 2)),
             qPrintable(details));
    QVERIFY(f().logins->pinnedCertificates(tls.url()).isEmpty()); // nothing trusted behind the user's back
    QCOMPARE(f().console->state(), ConsoleSession::State::SignedOut);
    ConsoleFixture::screenshot(dialog(), QStringLiteral("login-certificate"));

    // The user trusts this one certificate for this server: it is pinned, and the login goes through.
    QTest::mouseClick(child<QPushButton>("trustButton"), Qt::LeftButton);
    QTRY_COMPARE_WITH_TIMEOUT(f().console->state(), ConsoleSession::State::SignedIn, kWaitMs);
    QCOMPARE(f().logins->pinnedCertificates(tls.url()),
             QList<QByteArray>{ConsoleSession::fingerprint(certificate)});
    // The feeds use the pin too.
    QTRY_COMPARE_WITH_TIMEOUT(f().console->sync()->status(), LiveSync::Status::Live, kWaitMs);
}

void TestLoginDialog::expiredSessionAsksAgainKeepingTheTables()
{
    std::optional<ApiError> result;
    f().console->signIn(f().sim->url(), QString::fromLatin1(sim::SimWorld::kDemoEmail),
                        QString::fromLatin1(sim::SimWorld::kDemoPassword), false,
                        [&result](const ApiError &e) { result = e; });
    QTRY_VERIFY_WITH_TIMEOUT(result.has_value(), kWaitMs);
    QVERIFY(!result->isError());
    QTableView *table = f().window->campaignsView()->table();
    QTRY_COMPARE_WITH_TIMEOUT(table->model()->rowCount(), f().listed(1), kWaitMs);
    QTRY_COMPARE_WITH_TIMEOUT(f().console->sync()->status(), LiveSync::Status::Live, kWaitMs);

    f().sim->expireTokens();
    f().sim->dropFeeds();
    QTRY_VERIFY_WITH_TIMEOUT(dialog()->isVisible(), kWaitMs);
    QCOMPARE(child<QLineEdit>("emailEdit")->text(), QString::fromLatin1(sim::SimWorld::kDemoEmail));
    QVERIFY(child<QLineEdit>("serverEdit")->text().startsWith(f().sim->url().toString()));
    QVERIFY(child<QLabel>("reasonLabel")->text().contains(QStringLiteral("expired")));
    QCOMPARE(table->model()->rowCount(), f().listed(1));
    QVERIFY(f().window->findChild<QLabel *>(QStringLiteral("staleBanner"))->isVisible());
    const auto *user = f().window->findChild<QLabel *>(QStringLiteral("userLabel"));
    QCOMPARE(user->text(),
             QStringLiteral("Session expired for %1").arg(QLatin1String(sim::SimWorld::kDemoEmail)));
    ConsoleFixture::screenshot(f().window.get(), QStringLiteral("main-window-expired"));

    QTest::keyClicks(child<QLineEdit>("passwordEdit"), QString::fromLatin1(sim::SimWorld::kDemoPassword));
    QTest::keyClick(child<QLineEdit>("passwordEdit"), Qt::Key_Return);
    QTRY_COMPARE_WITH_TIMEOUT(f().console->state(), ConsoleSession::State::SignedIn, kWaitMs);
    QCOMPARE(table->model()->rowCount(), f().listed(1));
    QTRY_VERIFY_WITH_TIMEOUT(!f().window->findChild<QLabel *>(QStringLiteral("staleBanner"))->isVisible(),
                             kWaitMs);
    QTRY_COMPARE_WITH_TIMEOUT(user->text(),
                              QStringLiteral("Signed in as %1").arg(QLatin1String(sim::SimWorld::kDemoEmail)),
                              kWaitMs);
}

QTEST_MAIN(TestLoginDialog)
#include "tst_LoginDialog.moc"
