// The Journal view over a real journal file (offscreen): rows, search, kinds, campaign, export; the recorder
// against the simulator writes what an operator would look for, never a plaintext; a damaged journal is said.
#include "ActivityView.h"
#include "CampaignModel.h"
#include "ConsoleFixture.h"
#include "Journal.h"
#include "JournalRecorder.h"
#include "JournalTableModel.h"
#include "JournalView.h"
#include "LiveSync.h"

#include <QComboBox>
#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QLabel>
#include <QLineEdit>
#include <QSpinBox>
#include <QTableView>

using namespace swarmwatch;
using namespace swarmwatch::test;

class TestJournalView : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void showsSearchesFiltersAndExports();
    void damagedJournalIsSaid();
    void recorderFollowsALiveSession();
    void mainWindowHasTheJournalTab();

private:
    QTemporaryDir m_dir;
};

void TestJournalView::showsSearchesFiltersAndExports()
{
    Journal journal(m_dir.filePath(QStringLiteral("view.sqlite")));
    QVERIFY(journal.open());
    const QDateTime now = QDateTime::currentDateTimeUtc();
    const auto add = [&journal, &now](JournalEntry::Kind kind, const QString &text, int minutesAgo,
                                      std::optional<qint64> campaign = {}) {
        JournalEntry e;
        e.kind = kind;
        e.text = text;
        e.at = now.addSecs(-60 * minutesAgo);
        e.campaignId = campaign;
        journal.record(e);
    };
    add(JournalEntry::Kind::Connection, QStringLiteral("Live"), 3 * 24 * 60);
    add(JournalEntry::Kind::Campaign, QStringLiteral("NTLM: active → completed"), 90, 3);
    add(JournalEntry::Kind::Toast, QStringLiteral("Hash cracked by gpu-01: 5f4dcc3b..."), 10);
    add(JournalEntry::Kind::Toast, QStringLiteral("Hash cracked by gpu-02: 0badf00d..."), 5);
    journal.flush();

    JournalView view(&journal);
    view.show();
    QVERIFY(QTest::qWaitForWindowExposed(&view));
    QCOMPARE(view.table()->model()->rowCount(), 3); // the last 24 hours by default
    QCOMPARE(view.table()->model()->index(0, JournalTableModel::What).data().toString(),
             QStringLiteral("Hash cracked by gpu-02: 0badf00d..."));
    view.findChild<QComboBox *>(QStringLiteral("journalSinceCombo"))->setCurrentIndex(3); // everything
    QCOMPARE(view.table()->model()->rowCount(), 4);

    auto *search = view.findChild<QLineEdit *>(QStringLiteral("journalSearchEdit"));
    QTest::keyClicks(search, QStringLiteral("GPU-01"));
    QTRY_COMPARE_WITH_TIMEOUT(view.table()->model()->rowCount(), 1, kWaitMs);
    search->clear();
    QTRY_COMPARE_WITH_TIMEOUT(view.table()->model()->rowCount(), 4, kWaitMs);
    auto *kind = view.findChild<QComboBox *>(QStringLiteral("journalKindCombo"));
    kind->setCurrentIndex(kind->findText(QStringLiteral("Toast")));
    QCOMPARE(view.table()->model()->rowCount(), 2);
    kind->setCurrentIndex(0);
    view.findChild<QSpinBox *>(QStringLiteral("journalCampaignSpin"))->setValue(3);
    QTRY_COMPARE_WITH_TIMEOUT(view.table()->model()->rowCount(), 1, kWaitMs);
    QCOMPARE(view.table()->model()->index(0, JournalTableModel::Campaign).data().toLongLong(), 3);
    QVERIFY(view.findChild<QLabel *>(QStringLiteral("journalCountLabel"))
                ->text()
                .contains(QStringLiteral("1 line")));

    // Export what the filters find.
    const QString csv = m_dir.filePath(QStringLiteral("out.csv"));
    QVERIFY(view.exportTo(csv, JournalView::Format::Csv));
    QFile csvFile(csv);
    QVERIFY(csvFile.open(QIODevice::ReadOnly));
    QCOMPARE(csvFile.readAll().count('\n'), 2); // header and the one campaign line
    view.findChild<QSpinBox *>(QStringLiteral("journalCampaignSpin"))->setValue(0);
    QTRY_COMPARE_WITH_TIMEOUT(view.table()->model()->rowCount(), 4, kWaitMs);
    const QString json = m_dir.filePath(QStringLiteral("out.json"));
    QVERIFY(view.exportTo(json, JournalView::Format::Json));
    QFile jsonFile(json);
    QVERIFY(jsonFile.open(QIODevice::ReadOnly));
    QCOMPARE(QJsonDocument::fromJson(jsonFile.readAll()).array().size(), 4);
    QString error;
    QVERIFY(!view.exportTo(m_dir.filePath(QStringLiteral("no/such/folder/out.csv")), JournalView::Format::Csv,
                           &error));
    QVERIFY(!error.isEmpty());

    // New lines appear while the view is shown.
    add(JournalEntry::Kind::Connection, QStringLiteral("Reconnecting"), 0);
    QTRY_COMPARE_WITH_TIMEOUT(view.table()->model()->rowCount(), 5, kWaitMs);
}

void TestJournalView::damagedJournalIsSaid()
{
    const QString path = m_dir.filePath(QStringLiteral("damaged.sqlite"));
    QFile file(path);
    QVERIFY(file.open(QIODevice::WriteOnly));
    file.write(QByteArray(8192, '\x7f'));
    file.close();
    Journal journal(path);
    QVERIFY(journal.open());
    JournalView view(&journal);
    view.show();
    auto *problem = view.findChild<QLabel *>(QStringLiteral("journalProblemLabel"));
    QVERIFY(problem->isVisible());
    QVERIFY2(problem->text().contains(QStringLiteral("set aside")), qPrintable(problem->text()));
}

void TestJournalView::recorderFollowsALiveSession()
{
    ConsoleFixture fixture;
    QVERIFY(fixture.startSim(10));
    fixture.open();
    Journal journal(m_dir.filePath(QStringLiteral("live.sqlite")));
    QVERIFY(journal.open());
    JournalRecorder recorder(&journal);
    recorder.watch(fixture.console.get());
    QVERIFY(fixture.signInDemo());
    QTRY_COMPARE_WITH_TIMEOUT(fixture.console->sync()->status(), LiveSync::Status::Live, kWaitMs);
    QTRY_VERIFY_WITH_TIMEOUT(fixture.console->sync()->isSnapshotSettled(), kWaitMs);
    const qint64 id = fixture.console->campaigns()->rows().constFirst().campaign.id;
    QVERIFY(fixture.sim->world().crackHash(int(id), QStringLiteral("TOPSECRET-1")));
    JournalQuery toasts;
    toasts.kinds = {JournalEntry::Kind::Toast};
    QTRY_VERIFY_WITH_TIMEOUT(!journal.read(toasts).isEmpty(), kWaitMs);
    JournalQuery all;
    const QList<JournalEntry> entries = journal.read(all);
    QVERIFY(std::any_of(entries.cbegin(), entries.cend(), [](const JournalEntry &e) {
        return e.kind == JournalEntry::Kind::Connection && e.text.startsWith(QStringLiteral("Signed in as "));
    }));
    QVERIFY(std::any_of(entries.cbegin(), entries.cend(), [](const JournalEntry &e) {
        return e.kind == JournalEntry::Kind::Connection && e.text == QStringLiteral("Connection: live");
    }));
    QVERIFY(std::any_of(entries.cbegin(), entries.cend(),
                        [](const JournalEntry &e) { return e.kind == JournalEntry::Kind::Sample; }));
    for (const JournalEntry &e : entries) {
        QVERIFY2(!e.text.contains(QStringLiteral("TOPSECRET")), qPrintable(e.text));
        QCOMPARE(e.server, fixture.sim->url().toString());
    }
    // For a person to look at: build/.../tests/widgets/screenshots/journal-view.png
    {
        JournalView view(&journal);
        view.resize(900, 420);
        view.show();
        QVERIFY(QTest::qWaitForWindowExposed(&view));
        ConsoleFixture::screenshot(&view, QStringLiteral("journal-view"));
    }
    // The file itself holds no plaintext either.
    journal.flush();
    QFile file(m_dir.filePath(QStringLiteral("live.sqlite")));
    QVERIFY(file.open(QIODevice::ReadOnly));
    QVERIFY(!file.readAll().contains("TOPSECRET"));
    fixture.close();
}

void TestJournalView::mainWindowHasTheJournalTab()
{
    ConsoleFixture fixture;
    QVERIFY(fixture.startSim(5));
    fixture.open();
    Journal journal(m_dir.filePath(QStringLiteral("window.sqlite")));
    QVERIFY(journal.open());
    fixture.window->setJournal(&journal);
    auto *tabs = fixture.window->findChild<QTabWidget *>(QStringLiteral("viewTabs"));
    const int index = tabs->indexOf(fixture.window->journalView());
    QVERIFY(index > 0);
    QCOMPARE(tabs->tabText(index), QStringLiteral("&Journal"));
    QCOMPARE(tabs->indexOf(fixture.window->activityView()) + 1, index); // beside Activity
    fixture.close();
}

QTEST_MAIN(TestJournalView)
#include "tst_JournalView.moc"
