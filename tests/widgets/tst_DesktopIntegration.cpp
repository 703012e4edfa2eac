// Tray and notifications end to end: the console against the simulator, under Xvfb on a private D-Bus session
// with dunst as the notification service, with a StatusNotifier tray (SWARMWATCH_EXPECT_TRAY=1) or without
// one (=0). Run through tests/support/desktop-session, which sets that session up.
#include "Autostart.h"
#include "CampaignModel.h"
#include "ConsoleFixture.h"
#include "DesktopIntegration.h"
#include "DesktopNotifications.h"
#include "LiveSync.h"
#include "Notifier.h"

#include <QApplication>
#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QMenu>
#include <QProcess>
#include <QSignalSpy>
#include <QSystemTrayIcon>

using namespace swarmwatch;
using namespace swarmwatch::test;
using namespace std::chrono_literals;
using Key = ConsoleSettings::Key;

class TestDesktopIntegration : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();
    void cleanupTestCase();
    void trayOrPlainWindow();
    void shortOutageSaysNothing();
    void longOutageOnceThenBack();
    void crackBurstAtMostTwoWithoutPlaintext();
    void closingTheWindow();
    void notificationWithoutServiceFallsBack();
    void sleepAndWakeFromLogind();
    void trayComingAndGoing();

private:
    QList<Notification> shownOf(Notification::Kind kind) const;
    // What dunst received and still holds, as text (closes what it shows so that its history has all).
    QString dunstHistory() const;

    bool m_expectTray = false;
    ConsoleFixture m_fixture;
    QTemporaryDir m_config;
    std::unique_ptr<Autostart> m_autostart;
    std::unique_ptr<DesktopIntegration> m_desktop;
    std::unique_ptr<QSignalSpy> m_shown;
    std::unique_ptr<QSignalSpy> m_delivered;
    std::unique_ptr<QSignalSpy> m_trayChanges;
};

void TestDesktopIntegration::initTestCase()
{
    QVERIFY2(qEnvironmentVariableIsSet("SWARMWATCH_EXPECT_TRAY"),
             "run me through tests/support/desktop-session");
    m_expectTray = qEnvironmentVariableIntValue("SWARMWATCH_EXPECT_TRAY") == 1;
    QVERIFY(m_fixture.startSim(20));
    m_fixture.open();
    m_autostart = std::make_unique<Autostart>(m_config.path(), QStringLiteral("/usr/bin/swarmwatch"));
    m_desktop = std::make_unique<DesktopIntegration>(m_fixture.console.get(), m_fixture.settings.get(),
                                                     m_fixture.presenter.get(), m_fixture.window.get(),
                                                     m_autostart.get());
    m_shown = std::make_unique<QSignalSpy>(m_desktop->notifier(), &Notifier::show);
    m_delivered = std::make_unique<QSignalSpy>(m_desktop->notifications(), &DesktopNotifications::delivered);
    m_trayChanges = std::make_unique<QSignalSpy>(m_desktop.get(), &DesktopIntegration::trayChanged);
    QVERIFY2(m_desktop->notifications()->isServiceAvailable(), "dunst should be on the session bus");
    QVERIFY(m_fixture.signInDemo());
    QTRY_COMPARE_WITH_TIMEOUT(m_fixture.console->sync()->status(), LiveSync::Status::Live, kWaitMs);
    QTRY_VERIFY_WITH_TIMEOUT(m_fixture.console->sync()->isSnapshotSettled(), kWaitMs);
}

void TestDesktopIntegration::cleanupTestCase()
{
    m_shown.reset();
    m_delivered.reset();
    m_trayChanges.reset();
    m_desktop.reset();
    m_fixture.close();
}

QList<Notification> TestDesktopIntegration::shownOf(Notification::Kind kind) const
{
    QList<Notification> list;
    for (const QList<QVariant> &call : *m_shown) {
        const Notification n = call.first().value<Notification>();
        if (n.kind == kind)
            list.append(n);
    }
    return list;
}

QString TestDesktopIntegration::dunstHistory() const
{
    QProcess::execute(QStringLiteral("dunstctl"), {QStringLiteral("close-all")});
    QProcess history;
    history.start(QStringLiteral("dunstctl"), {QStringLiteral("history")});
    if (!history.waitForFinished(kWaitMs))
        return {};
    // {"type": "aa{sv}", "data": [[{"summary": {"data": "..."}, "body": {"data": "..."}}, ...]]}
    QString text;
    const QJsonArray outer =
        QJsonDocument::fromJson(history.readAllStandardOutput()).object()[u"data"].toArray();
    for (const QJsonValue &list : outer) {
        for (const QJsonValue &entry : list.toArray()) {
            const QJsonObject object = entry.toObject();
            text += object[u"summary"].toObject()[u"data"].toString() + QStringLiteral(" | ")
                    + object[u"body"].toObject()[u"data"].toString() + QLatin1Char('\n');
        }
    }
    return text;
}

void TestDesktopIntegration::trayOrPlainWindow()
{
    if (m_expectTray) {
        QTRY_VERIFY_WITH_TIMEOUT(m_desktop->tray() && m_desktop->tray()->isVisible(), kWaitMs);
        QVERIFY(!QApplication::quitOnLastWindowClosed());
        QTRY_VERIFY_WITH_TIMEOUT(m_desktop->tray()->toolTip().contains(m_fixture.sim->url().host()), kWaitMs);
        QVERIFY2(m_desktop->tray()->toolTip().contains(QStringLiteral("Campaigns")),
                 qPrintable(m_desktop->tray()->toolTip()));
        QMenu *menu = m_desktop->trayMenu();
        for (const char *name : {"trayShowAction", "trayReconnectAction", "trayPauseAction",
                                 "traySignOutAction", "trayQuitAction"})
            QVERIFY2(menu->findChild<QAction *>(QString::fromLatin1(name)), name);
        // Pausing from the menu pauses the notifier, and the menu then offers to resume.
        menu->findChild<QAction *>(QStringLiteral("trayPauseAction"))->trigger();
        QVERIFY(m_desktop->notifier()->isPaused());
        QVERIFY(menu->findChild<QAction *>(QStringLiteral("trayResumeAction"))->isVisible());
        menu->findChild<QAction *>(QStringLiteral("trayResumeAction"))->trigger();
        QVERIFY(!m_desktop->notifier()->isPaused());
        // --minimized with a tray: straight to the tray; its Show item brings the window.
        m_fixture.window->hide();
        m_desktop->start(true);
        QVERIFY(!m_fixture.window->isVisible());
        menu->findChild<QAction *>(QStringLiteral("trayShowAction"))->trigger();
        QVERIFY(m_fixture.window->isVisible());
    } else {
        QVERIFY(!QSystemTrayIcon::isSystemTrayAvailable());
        QVERIFY(!m_desktop->tray());
        QVERIFY(QApplication::quitOnLastWindowClosed());
        // "Start minimised" without a tray still leaves a window to find.
        m_fixture.window->hide();
        m_desktop->start(true);
        QVERIFY(m_fixture.window->isVisible());
        m_desktop->showWindow();
    }
}

void TestDesktopIntegration::shortOutageSaysNothing()
{
    m_fixture.settings->setValue(Key::DisconnectGraceSeconds, 120.0);
    const qsizetype before = m_shown->size();
    QElapsedTimer outage;
    outage.start();
    m_fixture.sim->failRequests(503, 500ms);
    m_fixture.sim->dropFeeds();
    QTRY_VERIFY_WITH_TIMEOUT(m_fixture.console->sync()->status() != LiveSync::Status::Live, kWaitMs);
    QTRY_COMPARE_WITH_TIMEOUT(m_fixture.console->sync()->status(), LiveSync::Status::Live, 2 * kWaitMs);
    QVERIFY2(outage.elapsed() < 120'000, "the outage outlasted the grace period: this test proves nothing");
    QCOMPARE(m_shown->size(), before);
}

void TestDesktopIntegration::longOutageOnceThenBack()
{
    m_fixture.settings->setValue(Key::DisconnectGraceSeconds, 2.0);
    m_fixture.sim->failRequests(503, 10s);
    m_fixture.sim->dropFeeds();
    QTRY_COMPARE_WITH_TIMEOUT(shownOf(Notification::Kind::Disconnected).size(), 1, kWaitMs);
    const Notification down = shownOf(Notification::Kind::Disconnected).constFirst();
    QVERIFY2(down.summary.startsWith(QStringLiteral("Disconnected from 127.0.0.1")),
             qPrintable(down.summary));
    QVERIFY2(down.body.contains(QStringLiteral("No live updates since")), qPrintable(down.body));
    QTRY_VERIFY_WITH_TIMEOUT(!m_delivered->isEmpty(), kWaitMs); // dunst took it and named it
    const uint id = m_delivered->constLast().at(1).toUInt();
    // A click on it (dunst's default action) brings the window back.
    m_fixture.window->hide();
    QCOMPARE(QProcess::execute(QStringLiteral("dunstctl"), {QStringLiteral("action"), QStringLiteral("0")}),
             0);
    QTRY_VERIFY_WITH_TIMEOUT(m_fixture.window->isVisible(), kWaitMs);
    QTRY_COMPARE_WITH_TIMEOUT(shownOf(Notification::Kind::Back).size(), 1, 3 * kWaitMs);
    QCOMPARE(shownOf(Notification::Kind::Disconnected).size(), 1); // once, through the whole outage
    QTRY_COMPARE_WITH_TIMEOUT(m_delivered->constLast().at(1).toUInt(), id, kWaitMs); // replaced in place
    QVERIFY(m_delivered->constLast().at(0).toString() == QStringLiteral("connection"));
    const QString history = dunstHistory();
    QVERIFY2(history.contains(QStringLiteral("Connected again to 127.0.0.1")), qPrintable(history));
    m_fixture.settings->setValue(Key::DisconnectGraceSeconds, 120.0);
}

void TestDesktopIntegration::crackBurstAtMostTwoWithoutPlaintext()
{
    CampaignModel *campaigns = m_fixture.console->campaigns();
    QVERIFY(campaigns->rowCount() > 0);
    // A campaign of the table's project with hashes left to crack.
    qint64 id = 0;
    qint64 crackedBefore = 0;
    for (const CampaignRow &row : campaigns->rows()) {
        const sim::SimCampaign *simCampaign = m_fixture.sim->world().campaign(int(row.campaign.id));
        if (row.metrics && simCampaign && simCampaign->totalHashes - simCampaign->crackedHashes >= 6) {
            id = row.campaign.id;
            crackedBefore = row.metrics->crackedHashes;
            break;
        }
    }
    QVERIFY(id > 0);
    const qsizetype before = shownOf(Notification::Kind::Cracks).size();
    for (int i = 0; i < 6; ++i)
        QVERIFY(m_fixture.sim->world().crackHash(int(id), QStringLiteral("SECRETpw%1").arg(i)));
    QTRY_COMPARE_WITH_TIMEOUT(campaigns->row(id)->metrics->crackedHashes, crackedBefore + 6, kWaitMs);
    QTRY_VERIFY_WITH_TIMEOUT(!m_desktop->notifier()->isHoldingCracks(), kWaitMs);
    const QList<Notification> cracks = shownOf(Notification::Kind::Cracks).mid(before);
    QVERIFY2(!cracks.isEmpty() && cracks.size() <= 2, qPrintable(QString::number(cracks.size())));
    for (const Notification &n : cracks) {
        QCOMPARE(n.key, QStringLiteral("cracks:%1").arg(id));
        QVERIFY2(!QString(n.summary + n.body).contains(QStringLiteral("SECRETpw")), qPrintable(n.body));
    }
    QVERIFY(m_desktop->notifier()->unseenCracks() >= 6);
    if (m_expectTray) // the badge's count, in words too
        QVERIFY2(m_desktop->tray()->toolTip().contains(QStringLiteral("new cracks")),
                 qPrintable(m_desktop->tray()->toolTip()));
    const QString history = dunstHistory();
    QVERIFY2(history.contains(QStringLiteral("new crack")), qPrintable(history));
    QVERIFY2(!history.contains(QStringLiteral("SECRETpw")), qPrintable(history));
}

void TestDesktopIntegration::closingTheWindow()
{
    m_desktop->showWindow();
    QVERIFY(QTest::qWaitForWindowExposed(m_fixture.window.get(), kWaitMs));
    const bool closed = m_fixture.window->close();
    if (m_expectTray) {
        // Hidden to the tray, said once; the alert path lives on.
        QVERIFY(!closed);
        QVERIFY(!m_fixture.window->isVisible());
        QVERIFY(m_fixture.settings->flag(Key::ClosingHidesToTrayToldOnce));
        m_desktop->showWindow();
        QVERIFY(m_fixture.window->isVisible());
    } else {
        // A plain window application: closing closes (and with the last window, the application quits).
        QVERIFY(closed);
        QVERIFY(!m_fixture.window->isVisible());
        QVERIFY(!m_fixture.settings->flag(Key::ClosingHidesToTrayToldOnce));
    }
}

void TestDesktopIntegration::notificationWithoutServiceFallsBack()
{
    // A bus without the service (here: none at all): what would be shown goes to the fallback instead.
    DesktopNotifications notifications(QDBusConnection(QStringLiteral("no such bus")));
    QVERIFY(!notifications.isServiceAvailable());
    QList<Notification> fellBack;
    notifications.setFallback([&fellBack](const Notification &n) { fellBack.append(n); });
    notifications.show({Notification::Kind::Disconnected,
                        QStringLiteral("connection"),
                        QStringLiteral("Down"),
                        QStringLiteral("body"),
                        {},
                        true});
    QCOMPARE(fellBack.size(), 1);
    QCOMPARE(fellBack.first().summary, QStringLiteral("Down"));
}

void TestDesktopIntegration::sleepAndWakeFromLogind()
{
    // PrepareForSleep on the system bus (desktop-session's stand-in for logind) reaches the notifier.
    const QString fifo = qEnvironmentVariable("SWARMWATCH_FAKE_LOGIND");
    QVERIFY(!fifo.isEmpty());
    const auto say = [&fifo](const char *word) {
        QFile file(fifo);
        QVERIFY(file.open(QIODevice::WriteOnly));
        file.write(word);
        file.write("\n");
    };
    QVERIFY(!m_desktop->notifier()->isAsleep());
    say("sleep");
    QTRY_VERIFY_WITH_TIMEOUT(m_desktop->notifier()->isAsleep(), kWaitMs);
    say("wake");
    QTRY_VERIFY_WITH_TIMEOUT(!m_desktop->notifier()->isAsleep(), kWaitMs);
}

void TestDesktopIntegration::trayComingAndGoing()
{
    if (m_expectTray) {
        // The StatusNotifier tray stayed through every poll of the whole run (tens of seconds, a poll each 5
        // s).
        QVERIFY2(m_trayChanges->isEmpty(), "the tray flickered");
        QVERIFY(m_desktop->tray());
        return;
    }
    // An XEmbed tray (trayer) starts after SwarmWatch: the icon appears, and closing then hides to it.
    QProcess trayer;
    trayer.start(QStringLiteral("trayer"), {QStringLiteral("--edge"), QStringLiteral("top")});
    QVERIFY(trayer.waitForStarted(kWaitMs));
    QTRY_VERIFY_WITH_TIMEOUT(m_desktop->tray() != nullptr, kWaitMs);
    QVERIFY(!QApplication::quitOnLastWindowClosed());
    // It goes away again: the window must be reachable, so it is shown, and closing quits once more.
    m_fixture.window->hide();
    trayer.kill();
    QVERIFY(trayer.waitForFinished(kWaitMs));
    QTRY_VERIFY_WITH_TIMEOUT(m_desktop->tray() == nullptr, kWaitMs);
    QVERIFY(m_fixture.window->isVisible());
    QVERIFY(QApplication::quitOnLastWindowClosed());
}

QTEST_MAIN(TestDesktopIntegration)
#include "tst_DesktopIntegration.moc"
