// The settings dialog, offscreen: each control writes its setting at once, follows changes made elsewhere,
// and "Start at login" writes and removes the autostart entry.
#include "Autostart.h"
#include "ConsoleSettings.h"
#include "SettingsDialog.h"
#include "SettingsFile.h"

#include <QCheckBox>
#include <QDir>
#include <QFile>
#include <QPushButton>
#include <QSettings>
#include <QSpinBox>
#include <QTemporaryDir>
#include <QTest>
#include <QTimeEdit>

using namespace swarmwatch;
using Key = ConsoleSettings::Key;

class TestSettingsDialog : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void controlsWriteSettingsLive();
    void followsChangesMadeElsewhere();
    void startAtLoginWritesAndRemovesTheEntry();
};

void TestSettingsDialog::controlsWriteSettingsLive()
{
    QTemporaryDir dir;
    SettingsFile file(dir.filePath(QStringLiteral("s.conf")), QSettings::IniFormat);
    ConsoleSettings settings(&file);
    Autostart autostart(dir.path(), QStringLiteral("/usr/bin/swarmwatch"));
    SettingsDialog dialog(&settings, &autostart);
    dialog.show();
    QVERIFY(QTest::qWaitForWindowExposed(&dialog));

    // For a person to look at: build/.../tests/widgets/screenshots/settings-dialog.png
    QDir().mkpath(QStringLiteral(QT_TESTCASE_BUILDDIR "/screenshots"));
    dialog.grab().save(QStringLiteral(QT_TESTCASE_BUILDDIR "/screenshots/settings-dialog.png"));

    auto *plaintext = dialog.findChild<QCheckBox *>(QStringLiteral("showPlaintextCheck"));
    QVERIFY(!plaintext->isChecked()); // off by default
    QTest::mouseClick(plaintext, Qt::LeftButton);
    QVERIFY(settings.flag(Key::ShowCrackPlaintext));

    auto *grace = dialog.findChild<QSpinBox *>(QStringLiteral("disconnectGraceSpin"));
    QCOMPARE(grace->value(), 15);
    grace->setFocus();
    grace->selectAll();
    QTest::keyClicks(grace, QStringLiteral("40"));
    QCOMPARE(settings.number(Key::DisconnectGraceSeconds), 40.0);

    // Minutes on screen, seconds in the file.
    auto *agentGrace = dialog.findChild<QSpinBox *>(QStringLiteral("agentGraceSpin"));
    QCOMPARE(agentGrace->value(), 5);
    agentGrace->setValue(7);
    QCOMPARE(settings.number(Key::AgentGraceSeconds), 420.0);

    auto *quiet = dialog.findChild<QCheckBox *>(QStringLiteral("quietHoursCheck"));
    auto *from = dialog.findChild<QTimeEdit *>(QStringLiteral("quietFromEdit"));
    QVERIFY(!from->isEnabled());
    QTest::keyClick(quiet, Qt::Key_Space); // by keyboard

    QVERIFY(settings.flag(Key::QuietHours));
    QVERIFY(from->isEnabled());
    from->setTime(QTime(23, 30));
    QCOMPARE(settings.text(Key::QuietHoursFrom), QStringLiteral("23:30"));

    // Turning a kind off disables its details.
    auto *cracks = dialog.findChild<QCheckBox *>(QStringLiteral("notifyCracksCheck"));
    QTest::mouseClick(cracks, Qt::LeftButton);
    QVERIFY(!settings.flag(Key::NotifyCracks));
    QVERIFY(!plaintext->isEnabled());

    dialog.findChild<QPushButton *>(QStringLiteral("restoreDefaultsButton"))->click();
    QVERIFY(settings.flag(Key::NotifyCracks));
    QVERIFY(!settings.flag(Key::ShowCrackPlaintext));
    QCOMPARE(grace->value(), 15);
    QVERIFY(!plaintext->isChecked());
}

void TestSettingsDialog::followsChangesMadeElsewhere()
{
    QTemporaryDir dir;
    SettingsFile file(dir.filePath(QStringLiteral("s.conf")), QSettings::IniFormat);
    ConsoleSettings settings(&file);
    SettingsDialog dialog(&settings, nullptr);
    settings.setValue(Key::WatchdogSeconds, 120.0);
    QCOMPARE(dialog.findChild<QSpinBox *>(QStringLiteral("watchdogSpin"))->value(), 120);
    settings.setValue(Key::JournalMaxMegabytes, 20.0);
    QCOMPARE(dialog.findChild<QSpinBox *>(QStringLiteral("journalSizeSpin"))->value(), 20);
    dialog.findChild<QSpinBox *>(QStringLiteral("journalAgeSpin"))->setValue(7);
    QCOMPARE(settings.number(Key::JournalMaxAgeDays), 7.0);
    settings.setValue(Key::StartMinimized, true);
    QVERIFY(dialog.findChild<QCheckBox *>(QStringLiteral("startMinimizedCheck"))->isChecked());
    // Without an autostart to write, the control says so by being off.
    QVERIFY(!dialog.findChild<QCheckBox *>(QStringLiteral("startAtLoginCheck"))->isEnabled());
}

void TestSettingsDialog::startAtLoginWritesAndRemovesTheEntry()
{
    QTemporaryDir dir;
    SettingsFile file(dir.filePath(QStringLiteral("s.conf")), QSettings::IniFormat);
    ConsoleSettings settings(&file);
    Autostart autostart(dir.path(), QStringLiteral("/opt/swarm watch/bin/swarmwatch"));
    SettingsDialog dialog(&settings, &autostart);
    auto *check = dialog.findChild<QCheckBox *>(QStringLiteral("startAtLoginCheck"));
    QVERIFY(!check->isChecked());
    check->setChecked(true);
    const QString path = dir.filePath(QStringLiteral("autostart/swarmwatch.desktop"));
    QCOMPARE(autostart.entryPath(), path);
    QFile entry(path);
    QVERIFY(entry.open(QIODevice::ReadOnly));
    const QString text = QString::fromUtf8(entry.readAll());
    QVERIFY2(text.startsWith(QStringLiteral("[Desktop Entry]\n")), qPrintable(text));
    QVERIFY2(text.contains(QStringLiteral("Exec=\"/opt/swarm watch/bin/swarmwatch\" --minimized\n")),
             qPrintable(text));
    QVERIFY(text.contains(QStringLiteral("Type=Application\n")));
    entry.close();
    // A second dialog reads the file as the truth.
    SettingsDialog again(&settings, &autostart);
    QVERIFY(again.findChild<QCheckBox *>(QStringLiteral("startAtLoginCheck"))->isChecked());
    check->setChecked(false);
    QVERIFY(!QFile::exists(path));
}

QTEST_MAIN(TestSettingsDialog)
#include "tst_SettingsDialog.moc"
