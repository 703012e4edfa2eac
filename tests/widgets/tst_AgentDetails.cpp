// The agent details pane against the simulator (offscreen): selecting an agent shows its devices, hardware
// and software, its speeds over time as a chart with a line per device, and its error log newest first, which
// follows a new error.
#include "AgentDetails.h"
#include "AgentDetailsView.h"
#include "AgentModel.h"
#include "AgentsView.h"
#include "ConsoleFixture.h"
#include "LiveSync.h"

#include <QChart>
#include <QChartView>
#include <QLabel>
#include <QTableView>
#include <QTableWidget>

using namespace swarmwatch;
using namespace swarmwatch::test;

class TestAgentDetails : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();
    void cleanupTestCase();
    void selectionShowsTheAgent();
    void errorLogFollowsNewErrors();

private:
    QString label(const char *name) const
    {
        return m_fixture.window->agentDetailsView()->findChild<QLabel *>(QString::fromLatin1(name))->text();
    }
    ConsoleFixture m_fixture;
    qint64 m_agent = 0;
};

void TestAgentDetails::initTestCase()
{
    QVERIFY(m_fixture.startSim(6));
    m_fixture.open();
    QVERIFY(m_fixture.signInDemo());
    QTRY_COMPARE_WITH_TIMEOUT(m_fixture.console->sync()->status(), LiveSync::Status::Live, kWaitMs);
    QTRY_VERIFY_WITH_TIMEOUT(m_fixture.console->agents()->rowCount() > 0, kWaitMs);
}

void TestAgentDetails::cleanupTestCase()
{
    m_fixture.close();
}

void TestAgentDetails::selectionShowsTheAgent()
{
    QVERIFY(!m_fixture.window->agentDetailsView()->isVisible());
    m_fixture.window->findChild<QTabWidget *>(QStringLiteral("viewTabs"))
        ->setCurrentWidget(m_fixture.window->agentsView());
    QTableView *table = m_fixture.window->agentsView()->table();
    table->setCurrentIndex(table->model()->index(0, 0));
    m_agent = table->model()->index(0, 0).data(AgentModel::IdRole).toLongLong();
    QVERIFY(m_agent > 0);
    const sim::SimAgent *simAgent = m_fixture.sim->world().agent(int(m_agent));
    QTRY_COMPARE_WITH_TIMEOUT(label("agentNameLabel"), simAgent->customLabel.value_or(simAgent->hostName),
                              kWaitMs);
    QVERIFY(m_fixture.window->agentDetailsView()->isVisible());
    QVERIFY(!label("agentDevicesLabel").isEmpty());
    QVERIFY(label("agentSoftwareLabel").contains(simAgent->clientSignature));
    QVERIFY(label("agentTaskLabel").contains(QStringLiteral("not reported")));
    // The speeds: one line per device of the performance series.
    QTRY_VERIFY_WITH_TIMEOUT(!m_fixture.window->agentDetailsView()->speedChart()->chart()->series().isEmpty(),
                             kWaitMs);
    ConsoleFixture::screenshot(m_fixture.window.get(), QStringLiteral("agent-details"));
}

void TestAgentDetails::errorLogFollowsNewErrors()
{
    QTableWidget *errors = m_fixture.window->agentDetailsView()->errorsTable();
    const int before = errors->rowCount();
    QVERIFY(m_fixture.sim->world().reportAgentError(int(m_agent), QStringLiteral("GPU 0 overheated"),
                                                    QStringLiteral("major")));
    QTRY_COMPARE_WITH_TIMEOUT(errors->rowCount(), before + 1, kWaitMs);
    QCOMPARE(errors->item(0, 3)->text(), QStringLiteral("GPU 0 overheated")); // newest first
    QCOMPARE(errors->item(0, 1)->text(), QStringLiteral("major"));
}

QTEST_MAIN(TestAgentDetails)
#include "tst_AgentDetails.moc"
