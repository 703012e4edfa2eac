// One login per server in a real settings file: order, defaults, per-server fields, trusted certificates, and
// the move from the single login of earlier versions.
#include "LoginSettings.h"
#include "SettingsFile.h"

#include <QCoreApplication>
#include <QFile>
#include <QLockFile>
#include <QSaveFile>
#include <QScopeGuard>
#include <QSet>
#include <QSettings>
#include <QTemporaryDir>
#include <QTest>

#include <atomic>
#include <memory>
#include <thread>

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
        SettingsFile file(m_path, QSettings::IniFormat);
        LoginSettings settings(&file);
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
            SettingsFile file(m_path, QSettings::IniFormat);
            LoginSettings settings(&file);
            settings.saveLogin(login("https://a.example", "alice@a.example", 2));
            settings.pinCertificate(QUrl(QStringLiteral("https://a.example")), "ABCDEF0123");
            settings.pinCertificate(QUrl(QStringLiteral("https://a.example")), "abcdef0123"); // the same pin
            settings.pinCertificate(QUrl(QStringLiteral("https://new.example")), "00ff"); // before any login
        }
        SettingsFile file(m_path, QSettings::IniFormat);
        LoginSettings settings(&file);
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
        SettingsFile file(m_path, QSettings::IniFormat);
        LoginSettings settings(&file);
        QCOMPARE(settings.defaultServer(), QUrl(QStringLiteral("https://old.example")));
        QCOMPARE(settings.defaultLogin()->email, QStringLiteral("old@old.example"));
        QCOMPARE(settings.defaultLogin()->projectId, std::optional<qint64>(5));
        file.flush();
        QVERIFY2(!fileText().contains(QStringLiteral("[login]")), qPrintable(fileText()));
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
        SettingsFile file(m_path, QSettings::IniFormat);
        LoginSettings settings(&file);
        QCOMPARE(settings.logins().size(), 1);
        QCOMPARE(settings.defaultServer(), QUrl(QStringLiteral("https://ok.example")));
        QVERIFY(!settings.defaultLogin()->projectId);
    }

    // swarmwatch-cli, another process, saves a login while the GUI runs. The GUI's next change is made to the
    // file as it is then, so the CLI's login stays, and the GUI answers with it once that change is written.
    void aLoginSavedByAnotherProcessIsKept()
    {
        SettingsFile file(m_path, QSettings::IniFormat);
        LoginSettings settings(&file);
        settings.saveLogin(login("https://a.example", "alice@a.example", 2));
        file.flush();
        QVERIFY2(fileText().contains(QStringLiteral("server=https://a.example")), qPrintable(fileText()));
        writeAsAnotherProcess(
            "[logins]\n"
            "1\\email=bob@b.example\n1\\rememberPassword=false\n1\\server=https://b.example\n"
            "2\\email=alice@a.example\n2\\project=2\n2\\rememberPassword=false\n"
            "2\\server=https://a.example\n"
            "size=2\n");

        settings.setProjectId(QUrl(QStringLiteral("https://a.example")), 7);
        QCOMPARE(settings.login(QUrl(QStringLiteral("https://a.example")))->projectId,
                 std::optional<qint64>(7));
        QTRY_COMPARE_WITH_TIMEOUT(settings.logins().size(), 2, 20000);
        QCOMPARE(settings.defaultServer(), QUrl(QStringLiteral("https://b.example")));
        QCOMPARE(settings.login(QUrl(QStringLiteral("https://b.example")))->email,
                 QStringLiteral("bob@b.example"));
        QCOMPARE(settings.login(QUrl(QStringLiteral("https://a.example")))->projectId,
                 std::optional<qint64>(7));
        file.flush();
        const QString text = fileText();
        QVERIFY2(text.contains(QStringLiteral("email=bob@b.example")), qPrintable(text));
        QVERIFY2(text.contains(QStringLiteral("project=7")), qPrintable(text));
    }

    // swarmwatch-cli changes the logins under their lock, from its read to its write. A change here waits for
    // it and is then made to what the CLI wrote, never merged with it key by key. (The lock is held by this
    // process's thread here; QLockFile tells holders apart by file, not by process, so it stands in for the
    // CLI.)
    void aChangeWaitsForAnotherProcessHoldingTheLock()
    {
        SettingsFile file(m_path, QSettings::IniFormat);
        LoginSettings settings(&file);
        settings.saveLogin(login("https://a.example", "alice@a.example", 2));
        file.flush();

        QLockFile cli(m_path + QStringLiteral(".logins.lock"));
        QVERIFY(cli.tryLock(0));
        settings.saveLogin(login("https://b.example", "bob@b.example", {})); // waits for the lock
        writeAsAnotherProcess("[logins]\n"
                              "1\\email=carol@c.example\n1\\server=https://c.example\n"
                              "2\\email=alice@a.example\n2\\project=2\n2\\server=https://a.example\n"
                              "size=2\n");
        cli.unlock();
        file.flush();
        const QString text = fileText();
        QVERIFY2(loginListProblem(text, 3).isEmpty(), qPrintable(text));
        QTRY_COMPARE_WITH_TIMEOUT(settings.logins().size(), 3, 20000);
        QCOMPARE(settings.defaultServer(), QUrl(QStringLiteral("https://b.example")));
        QCOMPARE(settings.login(QUrl(QStringLiteral("https://c.example")))->email,
                 QStringLiteral("carol@c.example"));
        QVERIFY2(!QFile::exists(m_path + QStringLiteral(".logins.lock")), "the lock file was left behind");
    }

    // A sign-in saves the login as this process knew it; what another process stored meanwhile for the same
    // server (a project, a trusted certificate) and the sign-in does not name stays.
    void savingALoginKeepsWhatAnotherProcessStoredForIt()
    {
        SettingsFile file(m_path, QSettings::IniFormat);
        LoginSettings settings(&file);
        LoginSettings::Login known = login("https://a.example", "alice@a.example", 2);
        known.pinnedCertificates = {"00aa"};
        settings.saveLogin(known);
        file.flush();
        writeAsAnotherProcess("[logins]\n"
                              "1\\email=alice@a.example\n1\\project=5\n1\\server=https://a.example\n"
                              "1\\pinnedCertificates=00aa, 00bb\n"
                              "size=1\n");
        LoginSettings::Login signedIn = known; // the copy read before
        signedIn.email = QStringLiteral("alice2@a.example");
        signedIn.projectId.reset(); // not chosen by this sign-in
        settings.saveLogin(signedIn);
        file.flush();
        SettingsFile reread(m_path, QSettings::IniFormat);
        const LoginSettings stored(&reread);
        QCOMPARE(stored.defaultLogin()->email, QStringLiteral("alice2@a.example"));
        QCOMPARE(stored.defaultLogin()->projectId, std::optional<qint64>(5));
        QCOMPARE(stored.defaultLogin()->pinnedCertificates, (QList<QByteArray>{"00aa", "00bb"}));
    }

    // The file's list comes back after each change and replaces what is answered here, but not over a change
    // made here since: that one's list is still to come.
    void theFileAnswersOnlyAfterTheLastChange()
    {
        SettingsFile file(m_path, QSettings::IniFormat);
        LoginSettings settings(&file);
        settings.saveLogin(login("https://a.example", "alice@a.example", 2));
        file.flush();
        QCoreApplication::sendPostedEvents();
        writeAsAnotherProcess("[logins]\n"
                              "1\\email=alice@a.example\n1\\project=2\n1\\server=https://a.example\n"
                              "2\\email=carol@c.example\n2\\server=https://c.example\n"
                              "size=2\n");
        settings.setProjectId(QUrl(QStringLiteral("https://a.example")), 3);
        file.flush(); // its list, with a and c, is on its way here

        QLockFile cli(m_path + QStringLiteral(".logins.lock"));
        QVERIFY(cli.tryLock(0)); // so the next change's list cannot come yet
        settings.removeLogin(QUrl(QStringLiteral("https://a.example")));
        QCoreApplication::sendPostedEvents(); // the first change's list arrives, after the second change
        QVERIFY2(!settings.login(QUrl(QStringLiteral("https://a.example"))),
                 "a list from before the last change replaced it");
        cli.unlock();
        QTRY_VERIFY_WITH_TIMEOUT(settings.login(QUrl(QStringLiteral("https://c.example"))), 20000);
        QCOMPARE(settings.logins().size(), 1);
    }

    // Reading again picks up what another process changed, and tells whoever asked when it has.
    void refreshReadsTheFileAgain()
    {
        SettingsFile file(m_path, QSettings::IniFormat);
        LoginSettings settings(&file);
        settings.saveLogin(login("https://a.example", "alice@a.example", 2));
        file.flush();
        writeAsAnotherProcess("[logins]\n"
                              "1\\email=carol@c.example\n1\\server=https://c.example\n"
                              "size=1\n");
        bool done = false;
        QObject context;
        settings.refresh(&context, [&] { done = true; });
        QTRY_VERIFY_WITH_TIMEOUT(done, 20000);
        QCOMPARE(settings.logins().size(), 1);
        QCOMPARE(settings.defaultServer(), QUrl(QStringLiteral("https://c.example")));

        // Asked by something that is gone by the time the list comes: not called.
        bool called = false;
        auto gone = std::make_unique<QObject>();
        settings.refresh(gone.get(), [&] { called = true; });
        gone.reset();
        file.flush();
        QCoreApplication::sendPostedEvents();
        QVERIFY(!called);
    }

    // A change made here before a refresh's answer arrives: the refresh answers with the list that change
    // leaves in the file, not with the one in memory.
    void aRefreshAnswersAfterAChangeMadeMeanwhile()
    {
        SettingsFile file(m_path, QSettings::IniFormat);
        LoginSettings settings(&file);
        file.flush();
        writeAsAnotherProcess("[logins]\n"
                              "1\\email=carol@c.example\n1\\server=https://c.example\n"
                              "size=1\n");
        std::optional<int> seen;
        QObject context;
        settings.refresh(&context, [&] { seen = int(settings.logins().size()); });
        settings.saveLogin(login("https://a.example", "alice@a.example", 2));
        QTRY_VERIFY_WITH_TIMEOUT(seen.has_value(), 20000);
        QCOMPARE(*seen, 2);
        QCOMPARE(settings.defaultServer(), QUrl(QStringLiteral("https://a.example")));
    }

    // A save rewrites the whole login list; the file must never be synced with it half done, or the CLI (or a
    // crash) would find logins missing. A thread reads the file, as another process would, while logins are
    // saved and other settings change between them; every version it sees holds the whole list.
    void everyVersionOfTheFileHoldsTheWholeLoginList()
    {
        const QList<QUrl> servers{QUrl(QStringLiteral("https://a.example")),
                                  QUrl(QStringLiteral("https://b.example")),
                                  QUrl(QStringLiteral("https://c.example"))};
        SettingsFile file(m_path, QSettings::IniFormat);
        LoginSettings settings(&file);
        for (const QUrl &server : servers)
            settings.saveLogin(login(qPrintable(server.toString()), "op@example.com", 1));
        file.flush();

        std::atomic<bool> stop = false;
        std::atomic<int> versionsRead = 0;
        QStringList problems; // the reader's until it is joined
        std::thread reader([&] {
            while (!stop) {
                const QString text = fileText();
                const QString problem = loginListProblem(text, static_cast<int>(servers.size()));
                if (!problem.isEmpty() && problems.size() < 5)
                    problems.append(problem + QStringLiteral(" in:\n") + text);
                ++versionsRead;
                std::this_thread::yield(); // the writer needs the other core
            }
        });
        const auto joinReader = qScopeGuard([&] {
            stop = true;
            if (reader.joinable())
                reader.join();
        });
        for (int i = 0; i < 200; ++i) {
            settings.setProjectId(servers.at(i % servers.size()), i + 2);
            file.edit([i](QSettings &other) { other.setValue(QStringLiteral("window/turn"), i); });
            if (i % 3 == 0)
                settings.saveLogin(
                    login(qPrintable(servers.at(i % servers.size()).toString()), "op@example.com", i));
            if (i % 10 == 0)
                file.flush();
        }
        file.flush();
        const int before = versionsRead;
        QTRY_VERIFY2_WITH_TIMEOUT(versionsRead > before, "the reader thread never read the file", 20000);
        stop = true;
        reader.join();
        QVERIFY2(problems.isEmpty(), qPrintable(problems.join(QStringLiteral("\n\n"))));
        QVERIFY2(loginListProblem(fileText(), static_cast<int>(servers.size())).isEmpty(),
                 qPrintable(fileText()));
        QVERIFY2(fileText().contains(QStringLiteral("turn=199")), qPrintable(fileText()));
    }

private:
    // What the CLI's QSettings would write, written as another process would: a new file in its place.
    void writeAsAnotherProcess(const QByteArray &text)
    {
        QSaveFile other(m_path);
        QVERIFY(other.open(QIODevice::WriteOnly));
        other.write(text);
        QVERIFY(other.commit());
    }

    QString fileText() const
    {
        QFile file(m_path);
        return file.open(QIODevice::ReadOnly) ? QString::fromUtf8(file.readAll()) : QString();
    }

    // What is wrong with the login list in an INI file's text (empty when it holds `count` logins, each with
    // its server and email).
    static QString loginListProblem(const QString &text, int count)
    {
        bool inLogins = false;
        int size = -1;
        QSet<int> servers;
        QSet<int> emails;
        for (const QString &line : text.split(QLatin1Char('\n'))) {
            if (line.startsWith(QLatin1Char('[')))
                inLogins = line == QLatin1String("[logins]");
            else if (inLogins && line.startsWith(QLatin1String("size=")))
                size = line.mid(5).toInt();
            else if (inLogins && line.contains(QLatin1String("\\server=")))
                servers.insert(line.section(QLatin1Char('\\'), 0, 0).toInt());
            else if (inLogins && line.contains(QLatin1String("\\email=")))
                emails.insert(line.section(QLatin1Char('\\'), 0, 0).toInt());
        }
        if (size != count || servers.size() != count || emails.size() != count)
            return QStringLiteral("size %1, %2 servers, %3 emails (expected %4)")
                .arg(size)
                .arg(servers.size())
                .arg(emails.size())
                .arg(count);
        return {};
    }

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
