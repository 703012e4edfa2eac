// One login per server in a real settings file: order, defaults, per-server fields, trusted certificates, and
// the move from the single login of earlier versions.
#include "LoginSettings.h"

#include <QSettings>
#include <QTemporaryDir>
#include <QTest>

using namespace swarmwatch;

class TestLoginSettings : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void init()
    {
        QVERIFY(m_dir.isValid());
        m_path = m_dir.filePath(QStringLiteral("swarmwatch-%1.conf").arg(++m_run));
    }

    void oneLoginPerServerMostRecentFirst()
    {
        QSettings qsettings(m_path, QSettings::IniFormat);
        LoginSettings settings(&qsettings);
        QVERIFY(!settings.defaultLogin());
        settings.saveLogin(login("https://a.example/", "alice@a.example", 2));
        settings.saveLogin(login("http://b.example:8000", "bob@b.example", {}));
        QCOMPARE(settings.defaultServer(), QUrl(QStringLiteral("http://b.example:8000")));
        QCOMPARE(settings.logins().size(), 2);
        // The first server again: one entry for it (not two), and it is the default once more.
        settings.saveLogin(login("https://a.example", "alice2@a.example", 3));
        QCOMPARE(settings.logins().size(), 2);
        QCOMPARE(settings.defaultServer(), QUrl(QStringLiteral("https://a.example")));
        QCOMPARE(settings.login(QUrl(QStringLiteral("https://a.example/")))->email,
                 QStringLiteral("alice2@a.example"));
        QCOMPARE(settings.login(QUrl(QStringLiteral("http://b.example:8000")))->email,
                 QStringLiteral("bob@b.example"));
        QVERIFY(!settings.login(QUrl(QStringLiteral("https://c.example"))));

        settings.setProjectId(QUrl(QStringLiteral("http://b.example:8000")), 9);
        QCOMPARE(settings.login(QUrl(QStringLiteral("http://b.example:8000")))->projectId,
                 std::optional<qint64>(9));
        QCOMPARE(settings.defaultServer(), QUrl(QStringLiteral("https://a.example"))); // order unchanged
        settings.removeLogin(QUrl(QStringLiteral("https://a.example")));
        QCOMPARE(settings.defaultServer(), QUrl(QStringLiteral("http://b.example:8000")));
    }

    void readBackByAnotherInstance()
    {
        {
            QSettings qsettings(m_path, QSettings::IniFormat);
            LoginSettings settings(&qsettings);
            settings.saveLogin(login("https://a.example", "alice@a.example", 2));
            settings.pinCertificate(QUrl(QStringLiteral("https://a.example")), "ABCDEF0123");
            settings.pinCertificate(QUrl(QStringLiteral("https://a.example")), "abcdef0123"); // the same pin
            settings.pinCertificate(QUrl(QStringLiteral("https://new.example")), "00ff"); // before any login
        }
        QSettings qsettings(m_path, QSettings::IniFormat);
        LoginSettings settings(&qsettings);
        QCOMPARE(settings.pinnedCertificates(QUrl(QStringLiteral("https://a.example"))),
                 QList<QByteArray>{"abcdef0123"});
        QCOMPARE(settings.pinnedCertificates(QUrl(QStringLiteral("https://new.example"))),
                 QList<QByteArray>{"00ff"});
        QCOMPARE(settings.defaultServer(), QUrl(QStringLiteral("https://a.example")));
        QCOMPARE(settings.defaultLogin()->projectId, std::optional<qint64>(2));
    }

    void singleLoginOfEarlierVersionsIsKept()
    {
        {
            QSettings qsettings(m_path, QSettings::IniFormat);
            qsettings.setValue(QStringLiteral("login/server"), QStringLiteral("https://old.example"));
            qsettings.setValue(QStringLiteral("login/email"), QStringLiteral("old@old.example"));
            qsettings.setValue(QStringLiteral("login/project"), 5);
        }
        QSettings qsettings(m_path, QSettings::IniFormat);
        LoginSettings settings(&qsettings);
        QCOMPARE(settings.defaultServer(), QUrl(QStringLiteral("https://old.example")));
        QCOMPARE(settings.defaultLogin()->email, QStringLiteral("old@old.example"));
        QCOMPARE(settings.defaultLogin()->projectId, std::optional<qint64>(5));
        QVERIFY(!qsettings.contains(QStringLiteral("login/server")));
    }

    void nonsenseInTheFileIsSkipped()
    {
        {
            QSettings qsettings(m_path, QSettings::IniFormat);
            qsettings.beginWriteArray(QStringLiteral("logins"), 2);
            qsettings.setArrayIndex(0);
            qsettings.setValue(QStringLiteral("server"), QStringLiteral("not a url"));
            qsettings.setArrayIndex(1);
            qsettings.setValue(QStringLiteral("server"), QStringLiteral("https://ok.example"));
            qsettings.setValue(QStringLiteral("project"), QStringLiteral("seven"));
            qsettings.endArray();
        }
        QSettings qsettings(m_path, QSettings::IniFormat);
        LoginSettings settings(&qsettings);
        QCOMPARE(settings.logins().size(), 1);
        QCOMPARE(settings.defaultServer(), QUrl(QStringLiteral("https://ok.example")));
        QVERIFY(!settings.defaultLogin()->projectId);
    }

private:
    static LoginSettings::Login login(const char *server, const char *email, std::optional<qint64> project)
    {
        LoginSettings::Login login;
        login.server = QUrl(QString::fromLatin1(server));
        login.email = QString::fromLatin1(email);
        login.projectId = project;
        return login;
    }

    QTemporaryDir m_dir;
    QString m_path;
    int m_run = 0;
};

QTEST_GUILESS_MAIN(TestLoginSettings)
#include "tst_LoginSettings.moc"
