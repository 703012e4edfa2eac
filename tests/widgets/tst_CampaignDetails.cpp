// The campaign details pane against the simulator (offscreen): selection fetches the details and attacks,
// they follow live changes, Start / Stop / Archive round-trip through the server (Archive asks first), the
// row shows the server's answer, and a refusal is shown in the server's words.
#include "CampaignChart.h"
#include "CampaignDetails.h"
#include "CampaignDetailsView.h"
#include "CampaignModel.h"
#include "CampaignsView.h"
#include "ConsoleFixture.h"
#include "Journal.h"
#include "JournalRecorder.h"
#include "LiveSync.h"

#include <QLabel>
#include <QLineSeries>
#include <QMessageBox>
#include <QPushButton>
#include <QSignalSpy>
#include <QTableView>
#include <QTableWidget>

using namespace swarmwatch;
using namespace swarmwatch::test;

class TestCampaignDetails : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();
    void cleanupTestCase();
    void selectionShowsDetailsAndAttacks();
    void chartGrowsFromTheJournal();
    void followsLiveChanges();
    void stopAndStartRoundTrip();
    void archiveAsksThenArchives();
    void refusalInTheServersWords();
    void signOutClearsThePane();

private:
    QString label(const char *name) const
    {
        return m_fixture.window->campaignDetailsView()
            ->findChild<QLabel *>(QString::fromLatin1(name))
            ->text();
    }
    QPushButton *button(const char *name) const
    {
        return m_fixture.window->campaignDetailsView()->findChild<QPushButton *>(QString::fromLatin1(name));
    }
    // Selects the table's row of this campaign.
    bool select(qint64 id);
    // A campaign of the table in this state.
    qint64 campaignIn(const QString &state) const;

    ConsoleFixture m_fixture;
    QTemporaryDir m_data;
    std::unique_ptr<Journal> m_journal;
    std::unique_ptr<JournalRecorder> m_recorder;
};

void TestCampaignDetails::initTestCase()
{
    QVERIFY(m_fixture.startSim(12));
    m_fixture.open();
    m_journal = std::make_unique<Journal>(m_data.filePath(QStringLiteral("journal.sqlite")));
    QVERIFY(m_journal->open());
    m_recorder = std::make_unique<JournalRecorder>(m_journal.get());
    m_recorder->watch(m_fixture.console.get());
    m_fixture.window->setJournal(m_journal.get());
    QVERIFY(m_fixture.signInDemo());
    QTRY_COMPARE_WITH_TIMEOUT(m_fixture.console->sync()->status(), LiveSync::Status::Live, kWaitMs);
    QTRY_VERIFY_WITH_TIMEOUT(m_fixture.console->sync()->isSnapshotSettled(), kWaitMs);
}

void TestCampaignDetails::cleanupTestCase()
{
    m_fixture.close();
    m_recorder.reset();
    m_journal.reset();
}

bool TestCampaignDetails::select(qint64 id)
{
    QTableView *table = m_fixture.window->campaignsView()->table();
    for (int row = 0; row < table->model()->rowCount(); ++row) {
        const QModelIndex index = table->model()->index(row, 0);
        if (index.data(CampaignModel::IdRole).toLongLong() == id) {
            table->setCurrentIndex(index);
            return true;
        }
    }
    return false;
}

qint64 TestCampaignDetails::campaignIn(const QString &state) const
{
    for (const CampaignRow &row : m_fixture.console->campaigns()->rows()) {
        if (row.campaign.state == state)
            return row.campaign.id;
    }
    return 0;
}

void TestCampaignDetails::selectionShowsDetailsAndAttacks()
{
    QCOMPARE(label("campaignNameLabel"), QStringLiteral("Select a campaign to see its details."));
    // Nothing chosen: the table has the whole width.
    QVERIFY(!m_fixture.window->campaignDetailsView()->isVisible());
    const qint64 id = campaignIn(QStringLiteral("active"));
    QVERIFY(id > 0);
    QVERIFY(select(id));
    QTRY_VERIFY_WITH_TIMEOUT(m_fixture.window->campaignDetailsView()->isVisible(), kWaitMs);
    const sim::SimCampaign *simCampaign = m_fixture.sim->world().campaign(int(id));
    QTRY_COMPARE_WITH_TIMEOUT(label("campaignNameLabel"), simCampaign->name, kWaitMs);
    QCOMPARE(label("campaignStateLabel"), QStringLiteral("active"));
    QTableWidget *attacks = m_fixture.window->campaignDetailsView()->attacksTable();
    QCOMPARE(attacks->rowCount(), int(m_fixture.sim->world().attacksOf(*simCampaign).size()));
    QVERIFY(attacks->rowCount() > 0);
    // Each attack's state, progress and ETA arrive from its performance.
    QTRY_VERIFY_WITH_TIMEOUT(!attacks->item(0, 2)->text().isEmpty(), kWaitMs);
    QVERIFY(attacks->item(0, 3)->text().endsWith(QStringLiteral(" %")));
    QTRY_VERIFY_WITH_TIMEOUT(label("campaignMetricsLabel").contains(QStringLiteral("cracked")), kWaitMs);
    QVERIFY(!button("campaignStartButton")->isEnabled());
    QVERIFY(button("campaignStopButton")->isEnabled());
}

void TestCampaignDetails::chartGrowsFromTheJournal()
{
    const qint64 id = m_fixture.window->campaignDetails()->campaignId().value_or(0);
    CampaignChart *chart = m_fixture.window->campaignDetailsView()->chart();
    QVERIFY(chart && chart->isVisible());
    // The first sample (and the line carried to now) once the journal has it.
    QTRY_VERIFY_WITH_TIMEOUT(chart->progressSeries()->count() >= 2, kWaitMs);
    const int before = chart->progressSeries()->count();
    // The campaign moves: after the recorder's 10 s spacing, a new point; the chart reads it.
    for (int i = 0; i < 3; ++i)
        QVERIFY(m_fixture.sim->world().reportTaskProgress(int(id), 2.0));
    QTRY_VERIFY_WITH_TIMEOUT(chart->progressSeries()->count() > before, 2 * kWaitMs);
    const QPointF last = chart->progressSeries()->at(chart->progressSeries()->count() - 1);
    QVERIFY(last.y() > 0);
    QVERIFY(chart->crackedSeries()->count() >= 2);
    m_fixture.window->resize(1280, 720);
    ConsoleFixture::screenshot(m_fixture.window.get(), QStringLiteral("campaign-details"));
}

void TestCampaignDetails::followsLiveChanges()
{
    const qint64 id = m_fixture.window->campaignDetails()->campaignId().value_or(0);
    QVERIFY(id > 0);
    QVERIFY(m_fixture.sim->world().renameCampaign(int(id), QStringLiteral("Renamed while watched")));
    QTRY_COMPARE_WITH_TIMEOUT(label("campaignNameLabel"), QStringLiteral("Renamed while watched"), kWaitMs);
}

void TestCampaignDetails::stopAndStartRoundTrip()
{
    const qint64 id = m_fixture.window->campaignDetails()->campaignId().value_or(0);
    QSignalSpy done(m_fixture.window->campaignDetails(), &CampaignDetails::actionDone);
    QTest::mouseClick(button("campaignStopButton"), Qt::LeftButton);
    QTRY_COMPARE_WITH_TIMEOUT(done.size(), 1, kWaitMs);
    QVERIFY(done.first().at(1).toBool());
    const QString stopped = m_fixture.sim->world().campaign(int(id))->state;
    QVERIFY(stopped != QStringLiteral("active"));
    // The row and the pane show the server's answer.
    QCOMPARE(m_fixture.console->campaigns()->row(id)->campaign.state, stopped);
    QCOMPARE(label("campaignStateLabel"), stopped);
    QVERIFY(button("campaignStartButton")->isEnabled());
    QTest::mouseClick(button("campaignStartButton"), Qt::LeftButton);
    QTRY_COMPARE_WITH_TIMEOUT(done.size(), 2, kWaitMs);
    QCOMPARE(m_fixture.console->campaigns()->row(id)->campaign.state, QStringLiteral("active"));
    QCOMPARE(m_fixture.sim->world().campaign(int(id))->state, QStringLiteral("active"));
}

void TestCampaignDetails::archiveAsksThenArchives()
{
    const qint64 id = m_fixture.window->campaignDetails()->campaignId().value_or(0);
    QSignalSpy done(m_fixture.window->campaignDetails(), &CampaignDetails::actionDone);
    // Cancel first: nothing happens.
    QTest::mouseClick(button("campaignArchiveButton"), Qt::LeftButton);
    QMessageBox *confirm = m_fixture.window->campaignDetailsView()->archiveConfirmation();
    QVERIFY(confirm && confirm->isVisible());
    QVERIFY(confirm->text().contains(QStringLiteral("Renamed while watched")));
    QTest::mouseClick(confirm->button(QMessageBox::Cancel), Qt::LeftButton);
    QVERIFY(done.isEmpty());
    QCOMPARE(m_fixture.sim->world().campaign(int(id))->state, QStringLiteral("active"));
    // Then yes.
    QTest::mouseClick(button("campaignArchiveButton"), Qt::LeftButton);
    confirm = m_fixture.window->campaignDetailsView()->archiveConfirmation();
    QVERIFY(confirm);
    QTest::mouseClick(confirm->button(QMessageBox::Yes), Qt::LeftButton);
    QTRY_COMPARE_WITH_TIMEOUT(done.size(), 1, kWaitMs);
    QVERIFY(done.first().at(1).toBool());
    QCOMPARE(m_fixture.sim->world().campaign(int(id))->state, QStringLiteral("archived"));
    QCOMPARE(label("campaignStateLabel"), QStringLiteral("archived"));
    QVERIFY(!button("campaignStartButton")->isEnabled());
    QVERIFY(!button("campaignArchiveButton")->isEnabled());
    // The row left the table (archived ones are hidden); the pane stayed on it, and no row is current.
    QVERIFY(!m_fixture.window->campaignsView()->currentCampaign());
    QCOMPARE(m_fixture.window->campaignDetails()->campaignId(), std::optional<qint64>(id));
}

void TestCampaignDetails::refusalInTheServersWords()
{
    // The pane thinks the campaign can start; the server archived it meanwhile and refuses.
    const qint64 id = campaignIn(QStringLiteral("active"));
    QVERIFY(id > 0);
    QVERIFY(select(id));
    const CampaignDetails *details = m_fixture.window->campaignDetails();
    QTRY_VERIFY_WITH_TIMEOUT(details->campaign() && details->campaign()->id == id, kWaitMs);
    QSignalSpy done(m_fixture.window->campaignDetails(), &CampaignDetails::actionDone);
    QVERIFY(m_fixture.sim->world().archiveCampaign(int(id)) == sim::SimWorld::ActionResult::Ok);
    m_fixture.window->campaignDetails()->perform(CampaignDetails::Action::Start);
    QTRY_COMPARE_WITH_TIMEOUT(done.size(), 1, kWaitMs);
    QVERIFY(!done.first().at(1).toBool());
    QVERIFY2(label("campaignActionMessage").contains(QStringLiteral("Cannot start an archived campaign.")),
             qPrintable(label("campaignActionMessage")));
}

void TestCampaignDetails::signOutClearsThePane()
{
    QVERIFY(m_fixture.window->campaignDetails()->campaignId());
    m_fixture.console->signOut();
    QTRY_VERIFY_WITH_TIMEOUT(!m_fixture.window->campaignDetails()->campaignId(), kWaitMs);
    QVERIFY(!m_fixture.window->campaignDetailsView()->isVisible());
}

QTEST_MAIN(TestCampaignDetails)
#include "tst_CampaignDetails.moc"
