// The notifier's rules, with a clock the test moves: no display, no D-Bus, no waiting for real time.
#include "ConsoleSettings.h"
#include "Notifier.h"
#include "SettingsFile.h"

#include <QSettings>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QTest>

using namespace swarmwatch;
using namespace std::chrono_literals;
using Key = ConsoleSettings::Key;

class TestNotifier : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void init();
    void cleanup();
    void blipShorterThanGraceSaysNothing();
    void outageToldOnceThenBack();
    void nothingDuringStartupGrace();
    void wakeFromSleepStartsGraceAgain();
    void clockJumpCountsAsWake();
    void signedOutSaysNothing();
    void pausedThenResumedTellsOngoingOutage();
    void pauseEndsByItself();
    void quietHoursSilence();
    void sessionExpiredOnceWithSignIn();
    void cracksBatchedPerCampaignWindow();
    void crackPlaintextOnlyWhenAsked();
    void campaignFinishedAndFailed();
    void stalledCampaignOnceUntilItMoves();
    void flappingAgentSaysNothing();
    void noStallAfterAWakeOrAnOutage();
    void settingsTurnKindsOff();

private:
    // Moves the clock and ticks as the 1 s timer would.
    void advance(std::chrono::seconds by);
    QList<Notification> shown() const;
    QStringList withdrawn() const;

    QTemporaryDir m_dir;
    std::unique_ptr<SettingsFile> m_settingsFile;
    std::unique_ptr<ConsoleSettings> m_settings;
    QDateTime m_now;
    std::unique_ptr<Notifier> m_notifier;
    std::unique_ptr<QSignalSpy> m_shown;
    std::unique_ptr<QSignalSpy> m_withdrawn;
};

void TestNotifier::init()
{
    m_settingsFile =
        std::make_unique<SettingsFile>(m_dir.filePath(QStringLiteral("n.conf")), QSettings::IniFormat);
    m_settingsFile->edit([](QSettings &settings) { settings.clear(); }); // the last test's changes
    m_settings = std::make_unique<ConsoleSettings>(m_settingsFile.get());
    // Noon local time, away from the default quiet hours.
    m_now = QDateTime(QDate(2026, 12, 4), QTime(12, 0), Qt::LocalTime).toUTC();
    m_notifier = std::make_unique<Notifier>(m_settings.get(), [this] { return m_now; });
    m_notifier->setServerName(QStringLiteral("cs.example"));
    m_shown = std::make_unique<QSignalSpy>(m_notifier.get(), &Notifier::show);
    m_withdrawn = std::make_unique<QSignalSpy>(m_notifier.get(), &Notifier::withdraw);
}

void TestNotifier::cleanup()
{
    m_shown.reset();
    m_withdrawn.reset();
    m_notifier.reset();
    m_settings.reset();
    m_settingsFile.reset();
}

void TestNotifier::advance(std::chrono::seconds by)
{
    // One tick per second, as the timer gives them: a jump would look like a wake.
    for (qint64 s = 0; s < by.count(); ++s) {
        m_now = m_now.addSecs(1);
        m_notifier->tick();
    }
}

QList<Notification> TestNotifier::shown() const
{
    QList<Notification> list;
    for (const QList<QVariant> &call : *m_shown)
        list.append(call.first().value<Notification>());
    return list;
}

QStringList TestNotifier::withdrawn() const
{
    QStringList keys;
    for (const QList<QVariant> &call : *m_withdrawn)
        keys.append(call.first().toString());
    return keys;
}

void TestNotifier::blipShorterThanGraceSaysNothing()
{
    m_notifier->setConnection(Notifier::Connection::Live);
    advance(60s);
    m_notifier->setConnection(Notifier::Connection::Down, QStringLiteral("campaigns: reconnecting"));
    advance(14s);
    m_notifier->setConnection(Notifier::Connection::Live);
    advance(60s);
    QVERIFY2(m_shown->isEmpty(), qPrintable(shown().value(0).summary));
    QVERIFY(m_withdrawn->isEmpty());
}

void TestNotifier::outageToldOnceThenBack()
{
    m_notifier->setConnection(Notifier::Connection::Live);
    advance(10s);
    m_notifier->setConnection(Notifier::Connection::Down, QStringLiteral("campaigns: reconnecting"));
    advance(14s);
    QCOMPARE(m_shown->size(), 0);
    advance(2s);
    QCOMPARE(m_shown->size(), 1);
    const Notification down = shown().at(0);
    QCOMPARE(down.kind, Notification::Kind::Disconnected);
    QCOMPARE(down.key, QStringLiteral("connection"));
    QCOMPARE(down.summary, QStringLiteral("Disconnected from cs.example"));
    QVERIFY2(down.body.contains(QStringLiteral("No live updates since")), qPrintable(down.body));
    QVERIFY(down.body.contains(QStringLiteral("campaigns: reconnecting")));
    QVERIFY(down.actions.contains(QString::fromLatin1(Notification::kReconnect)));
    // Forty minutes of reconnecting, with the reason changing: still the one notification.
    for (int i = 0; i < 40; ++i) {
        m_notifier->setConnection(Notifier::Connection::Down, QStringLiteral("attempt %1").arg(i));
        advance(60s);
    }
    QCOMPARE(m_shown->size(), 1);
    m_notifier->setConnection(Notifier::Connection::Live);
    QCOMPARE(m_shown->size(), 2);
    const Notification back = shown().at(1);
    QCOMPARE(back.kind, Notification::Kind::Back);
    QCOMPARE(back.key, down.key); // replaces the outage's notification in place
    QVERIFY2(back.body.contains(QStringLiteral("40 min")), qPrintable(back.body));
    // A second outage is a new one.
    m_notifier->setConnection(Notifier::Connection::Down);
    advance(20s);
    QCOMPARE(m_shown->size(), 3);
}

void TestNotifier::nothingDuringStartupGrace()
{
    // Signing in, then the feeds fail to connect at once: the grace period runs from then.
    m_notifier->setConnection(Notifier::Connection::Starting);
    advance(30s);
    m_notifier->setConnection(Notifier::Connection::Down, QStringLiteral("connecting"));
    advance(10s);
    m_notifier->setConnection(Notifier::Connection::Live);
    advance(30s);
    QCOMPARE(m_shown->size(), 0);
}

void TestNotifier::wakeFromSleepStartsGraceAgain()
{
    m_notifier->setConnection(Notifier::Connection::Live);
    advance(5s);
    m_notifier->systemSleeping();
    m_notifier->setConnection(Notifier::Connection::Down, QStringLiteral("network down"));
    advance(30s); // asleep: nothing, whatever the clock says
    QCOMPARE(m_shown->size(), 0);
    m_now = m_now.addSecs(8 * 3600);
    m_notifier->systemResumed();
    advance(10s); // the feeds reconnect within the grace period
    m_notifier->setConnection(Notifier::Connection::Live);
    advance(30s);
    QCOMPARE(m_shown->size(), 0);
    // A wake into a real outage is told once the grace period after the wake has passed.
    m_notifier->systemSleeping();
    m_notifier->setConnection(Notifier::Connection::Down);
    m_now = m_now.addSecs(3600);
    m_notifier->systemResumed();
    advance(14s);
    QCOMPARE(m_shown->size(), 0);
    advance(2s);
    QCOMPARE(m_shown->size(), 1);
}

void TestNotifier::clockJumpCountsAsWake()
{
    // Without logind: the 1 s tick that comes an hour late is a wake.
    m_notifier->setConnection(Notifier::Connection::Live);
    advance(5s);
    m_notifier->setConnection(Notifier::Connection::Down);
    m_now = m_now.addSecs(3600);
    m_notifier->tick();
    QCOMPARE(m_shown->size(), 0);
    advance(10s);
    QCOMPARE(m_shown->size(), 0);
    advance(6s);
    QCOMPARE(m_shown->size(), 1);
}

void TestNotifier::signedOutSaysNothing()
{
    m_notifier->setConnection(Notifier::Connection::Live);
    m_notifier->setConnection(Notifier::Connection::Down);
    advance(20s);
    QCOMPARE(m_shown->size(), 1);
    m_notifier->setConnection(Notifier::Connection::SignedOut);
    QCOMPARE(withdrawn(), QStringList{QStringLiteral("connection")}); // the outage's notice goes too
    advance(600s);
    QCOMPARE(m_shown->size(), 1);
}

void TestNotifier::pausedThenResumedTellsOngoingOutage()
{
    QSignalSpy paused(m_notifier.get(), &Notifier::pausedChanged);
    m_notifier->pauseUntilResumed();
    QVERIFY(m_notifier->isPaused());
    m_notifier->setConnection(Notifier::Connection::Live);
    m_notifier->setConnection(Notifier::Connection::Down);
    advance(120s);
    QCOMPARE(m_shown->size(), 0);
    m_notifier->resume();
    QCOMPARE(paused.size(), 2);
    QCOMPARE(m_shown->size(), 1); // still down: now the operator hears it
    QCOMPARE(shown().at(0).kind, Notification::Kind::Disconnected);
}

void TestNotifier::pauseEndsByItself()
{
    QSignalSpy paused(m_notifier.get(), &Notifier::pausedChanged);
    m_notifier->pauseFor(1h);
    advance(3599s);
    QVERIFY(m_notifier->isPaused());
    advance(2s);
    QVERIFY(!m_notifier->isPaused());
    QCOMPARE(paused.size(), 2);
    QCOMPARE(paused.at(1).first().toBool(), false);
}

void TestNotifier::quietHoursSilence()
{
    m_settings->setValue(Key::QuietHours, true);
    m_settings->setValue(Key::QuietHoursFrom, QStringLiteral("11:00"));
    m_settings->setValue(Key::QuietHoursTo, QStringLiteral("13:00"));
    m_notifier->setConnection(Notifier::Connection::Live);
    m_notifier->setConnection(Notifier::Connection::Down);
    advance(120s);
    QCOMPARE(m_shown->size(), 0);
    // Across midnight: 22:00 to 07:00 does not cover noon.
    m_settings->setValue(Key::QuietHoursFrom, QStringLiteral("22:00"));
    m_settings->setValue(Key::QuietHoursTo, QStringLiteral("07:00"));
    advance(1s);
    QCOMPARE(m_shown->size(), 1);
}

void TestNotifier::sessionExpiredOnceWithSignIn()
{
    m_notifier->setConnection(Notifier::Connection::Live);
    m_notifier->setConnection(Notifier::Connection::Expired);
    m_notifier->setConnection(Notifier::Connection::Expired);
    m_notifier->setConnection(Notifier::Connection::Starting);
    m_notifier->setConnection(Notifier::Connection::Expired);
    advance(120s);
    QCOMPARE(m_shown->size(), 1);
    const Notification expired = shown().at(0);
    QCOMPARE(expired.kind, Notification::Kind::SessionExpired);
    QVERIFY(expired.actions.contains(QString::fromLatin1(Notification::kSignIn)));
    // Signed in again: the notice goes away.
    m_notifier->setConnection(Notifier::Connection::Live);
    QVERIFY(withdrawn().contains(QStringLiteral("session")));
}

void TestNotifier::cracksBatchedPerCampaignWindow()
{
    QSignalSpy badge(m_notifier.get(), &Notifier::unseenCracksChanged);
    m_notifier->setConnection(Notifier::Connection::Live);
    m_notifier->campaignSeen(7, QStringLiteral("NTLM sweep"), QStringLiteral("active"), 10.0, 0);
    m_notifier->campaignSeen(8, QStringLiteral("Other"), QStringLiteral("active"), 10.0, 100);
    QCOMPARE(m_shown->size(), 0); // first sight: the baseline
    m_notifier->crackAnnounced(
        Toast::fromTrigger(QStringLiteral("\U0001F389 Hash cracked by gpu-01: 5f4dcc3b...") + QChar(0x2192)
                           + QStringLiteral("hunter2")));
    m_notifier->campaignSeen(7, QStringLiteral("NTLM sweep"), QStringLiteral("active"), 11.0, 1);
    QCOMPARE(m_shown->size(), 1); // the first crack at once
    QCOMPARE(shown().at(0).summary, QStringLiteral("1 new crack in NTLM sweep"));
    QCOMPARE(shown().at(0).body,
             QStringLiteral("Latest: hash 5f4dcc3b") + QChar(0x2026) + QStringLiteral(" by gpu-01"));
    // A burst within the window: held, then told as one.
    for (int cracked = 2; cracked <= 6; ++cracked) {
        advance(1s);
        m_notifier->campaignSeen(7, QStringLiteral("NTLM sweep"), QStringLiteral("active"), 11.0, cracked);
    }
    QCOMPARE(m_shown->size(), 1);
    advance(10s);
    QCOMPARE(m_shown->size(), 2);
    QCOMPARE(shown().at(1).summary, QStringLiteral("5 new cracks in NTLM sweep"));
    QCOMPARE(shown().at(1).key, QStringLiteral("cracks:7"));
    // Another campaign has its own window.
    m_notifier->campaignSeen(8, QStringLiteral("Other"), QStringLiteral("active"), 10.0, 103);
    QCOMPARE(m_shown->size(), 3);
    QCOMPARE(shown().at(2).summary, QStringLiteral("3 new cracks in Other"));
    advance(30s);
    QCOMPARE(m_shown->size(), 3); // quiet windows close without a word
    QCOMPARE(m_notifier->unseenCracks(), 9);
    QVERIFY(!badge.isEmpty());
    m_notifier->markCracksSeen();
    QCOMPARE(m_notifier->unseenCracks(), 0);
    for (const Notification &n : shown())
        QVERIFY2(!QString(n.summary + n.body).contains(QStringLiteral("hunter2")), qPrintable(n.body));
}

void TestNotifier::crackPlaintextOnlyWhenAsked()
{
    m_settings->setValue(Key::ShowCrackPlaintext, true);
    m_notifier->campaignSeen(7, QStringLiteral("NTLM sweep"), QStringLiteral("active"), 10.0, 0);
    m_notifier->crackAnnounced(
        Toast::fromTrigger(QStringLiteral("\U0001F389 Hash cracked by gpu-01: 5f4dcc3b...") + QChar(0x2192)
                           + QStringLiteral("hunter2")));
    m_notifier->campaignSeen(7, QStringLiteral("NTLM sweep"), QStringLiteral("active"), 10.0, 1);
    QCOMPARE(m_shown->size(), 1);
    QVERIFY2(shown().at(0).body.contains(QStringLiteral("hunter2")), qPrintable(shown().at(0).body));
}

void TestNotifier::campaignFinishedAndFailed()
{
    m_notifier->campaignSeen(1, QStringLiteral("done before"), QStringLiteral("completed"), 100.0, 5);
    m_notifier->campaignSeen(2, QStringLiteral("Rockyou"), QStringLiteral("active"), 99.0, 5);
    m_notifier->campaignSeen(3, QStringLiteral("Masks"), QStringLiteral("active"), 50.0, 0);
    QCOMPARE(m_shown->size(), 0);
    m_notifier->campaignSeen(2, QStringLiteral("Rockyou"), QStringLiteral("completed"), 100.0, 5);
    m_notifier->campaignSeen(3, QStringLiteral("Masks"), QStringLiteral("error"), 50.0, 0);
    m_notifier->campaignSeen(2, QStringLiteral("Rockyou"), QStringLiteral("completed"), 100.0, 5);
    QCOMPARE(m_shown->size(), 2);
    QCOMPARE(shown().at(0).kind, Notification::Kind::CampaignFinished);
    QCOMPARE(shown().at(0).summary, QStringLiteral("Campaign finished: Rockyou"));
    QCOMPARE(shown().at(1).kind, Notification::Kind::CampaignFailed);
    QVERIFY(shown().at(1).urgent);
}

void TestNotifier::stalledCampaignOnceUntilItMoves()
{
    m_notifier->setConnection(Notifier::Connection::Live);
    m_notifier->campaignSeen(4, QStringLiteral("Slow"), QStringLiteral("active"), 42.0, 0);
    m_notifier->campaignSeen(5, QStringLiteral("Paused"), QStringLiteral("paused"), 42.0, 0);
    advance(29min);
    QCOMPARE(m_shown->size(), 0);
    advance(2min);
    QCOMPARE(m_shown->size(), 1);
    QCOMPARE(shown().at(0).kind, Notification::Kind::CampaignStalled);
    QCOMPARE(shown().at(0).key, QStringLiteral("stall:4"));
    advance(60min);
    QCOMPARE(m_shown->size(), 1);
    m_notifier->campaignSeen(4, QStringLiteral("Slow"), QStringLiteral("active"), 43.0, 0);
    QCOMPARE(withdrawn(), QStringList{QStringLiteral("stall:4")});
}

void TestNotifier::flappingAgentSaysNothing()
{
    m_notifier->setConnection(Notifier::Connection::Live);
    m_notifier->agentSeen(3, QStringLiteral("gpu-03"), true);
    for (int i = 0; i < 10; ++i) {
        m_notifier->agentSeen(3, QStringLiteral("gpu-03"), false);
        advance(3min);
        m_notifier->agentSeen(3, QStringLiteral("gpu-03"), true);
        advance(1min);
    }
    QCOMPARE(m_shown->size(), 0);
    m_notifier->agentSeen(3, QStringLiteral("gpu-03"), false);
    advance(5min + 15s);
    QCOMPARE(m_shown->size(), 1);
    QCOMPARE(shown().at(0).summary, QStringLiteral("Agent offline: gpu-03"));
    advance(30min);
    QCOMPARE(m_shown->size(), 1);
    m_notifier->agentSeen(3, QStringLiteral("gpu-03"), true);
    QCOMPARE(withdrawn(), QStringList{QStringLiteral("agent:3")});
}

void TestNotifier::noStallAfterAWakeOrAnOutage()
{
    // Asleep for two hours: the campaign's progress was not seen, which is not the same as not moving.
    m_notifier->setConnection(Notifier::Connection::Live);
    m_notifier->campaignSeen(4, QStringLiteral("Slow"), QStringLiteral("active"), 42.0, 0);
    advance(10min);
    m_notifier->systemSleeping();
    m_now = m_now.addSecs(2 * 3600);
    m_notifier->systemResumed();
    advance(1min);
    QCOMPARE(m_shown->size(), 0);
    // The same after an outage: the stall clock starts again when the data is live again.
    m_notifier->setConnection(Notifier::Connection::Down);
    m_settings->setValue(Key::NotifyDisconnected, false);
    advance(40min);
    m_notifier->setConnection(Notifier::Connection::Live);
    advance(1min);
    QCOMPARE(m_shown->size(), 0);
    // Still not moving 30 minutes after that: now it is a stall.
    advance(30min);
    QCOMPARE(m_shown->size(), 1);
    QCOMPARE(shown().at(0).kind, Notification::Kind::CampaignStalled);
}

void TestNotifier::settingsTurnKindsOff()
{
    m_settings->setValue(Key::NotifyDisconnected, false);
    m_settings->setValue(Key::NotifyCracks, false);
    m_settings->setValue(Key::DisconnectGraceSeconds, 60.0);
    m_notifier->setConnection(Notifier::Connection::Live);
    m_notifier->setConnection(Notifier::Connection::Down);
    advance(120s);
    m_notifier->campaignSeen(7, QStringLiteral("x"), QStringLiteral("active"), 10.0, 0);
    m_notifier->campaignSeen(7, QStringLiteral("x"), QStringLiteral("active"), 10.0, 4);
    QCOMPARE(m_shown->size(), 0);
    QCOMPARE(m_notifier->unseenCracks(), 4); // the badge still counts
    m_settings->setValue(Key::NotifyDisconnected, true);
    advance(1s);
    QCOMPARE(m_shown->size(), 1);
}

QTEST_GUILESS_MAIN(TestNotifier)
#include "tst_Notifier.moc"
