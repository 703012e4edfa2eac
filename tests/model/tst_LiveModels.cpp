// CampaignModel and AgentModel on their own: minimal updates, checked by QAbstractItemModelTester throughout.
#include "AgentModel.h"
#include "CampaignModel.h"

#include <QAbstractItemModelTester>
#include <QSignalSpy>
#include <QTest>

using namespace swarmwatch;

namespace {

Campaign campaign(qint64 id, const QString &name, qint64 priority = 10)
{
    Campaign c;
    c.id = id;
    c.name = name;
    c.projectId = 1;
    c.priority = priority;
    c.state = QStringLiteral("active");
    c.createdAt = QDateTime(QDate(2025, 10, 1), QTime(9, 0), Qt::UTC);
    c.updatedAt = c.createdAt;
    return c;
}

} // namespace

class TestLiveModels : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void campaignUpdatesTouchOnlyChangedCells()
    {
        CampaignModel model;
        QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
        QSignalSpy inserted(&model, &QAbstractItemModel::rowsInserted);
        QSignalSpy removed(&model, &QAbstractItemModel::rowsRemoved);
        QSignalSpy changed(&model, &QAbstractItemModel::dataChanged);
        QSignalSpy reset(&model, &QAbstractItemModel::modelReset);

        model.replaceAll({campaign(1, QStringLiteral("a")), campaign(2, QStringLiteral("b")),
                          campaign(3, QStringLiteral("c"))});
        QCOMPARE(inserted.size(), 3);
        QCOMPARE(model.rowCount(), 3);

        CampaignRow row = *model.row(2);
        row.campaign.priority = 90;
        model.upsert(row);
        QCOMPARE(changed.size(), 1);
        const QModelIndex topLeft = changed.first().at(0).toModelIndex();
        const QModelIndex bottomRight = changed.first().at(1).toModelIndex();
        QCOMPARE(topLeft.row(), 1);
        QCOMPARE(topLeft.column(), int(CampaignModel::Priority));
        QCOMPARE(bottomRight.column(), int(CampaignModel::Priority));

        model.upsert(row); // the same again: nothing
        QCOMPARE(changed.size(), 1);

        row.metrics = CampaignMetrics{100, 25, 75, 25.0, 40.5};
        model.upsert(row);
        QCOMPARE(changed.size(), 2);
        QCOMPARE(changed.last().at(0).toModelIndex().column(), int(CampaignModel::Progress));
        QCOMPARE(changed.last().at(1).toModelIndex().column(), int(CampaignModel::PercentCracked));
        QCOMPARE(model.data(model.index(1, CampaignModel::Progress)).toString(), QStringLiteral("40.5 %"));
        QCOMPARE(model.data(model.index(1, CampaignModel::Cracked)).toString(), QStringLiteral("25 / 100"));

        // A list with one gone and one new: one removal, one insertion, the rest untouched, metrics kept.
        changed.clear();
        model.replaceAll({campaign(2, QStringLiteral("b"), 90), campaign(3, QStringLiteral("c")),
                          campaign(4, QStringLiteral("d"))});
        QCOMPARE(removed.size(), 1);
        QCOMPARE(inserted.size(), 4);
        QCOMPARE(changed.size(), 0);
        QVERIFY(model.row(2)->metrics.has_value());
        QVERIFY(!model.row(1));
        QCOMPARE(model.data(model.index(0, 0), CampaignModel::IdRole).toLongLong(), 2);
        QCOMPARE(reset.size(), 0); // live updates never reset

        QVERIFY(model.remove(3));
        QVERIFY(!model.remove(3));
        QCOMPARE(model.ids(), (QList<qint64>{2, 4}));
        QCOMPARE(model.data(model.index(1, 0), CampaignModel::IdRole).toLongLong(), 4);
    }

    void unknownStatesAreShown()
    {
        CampaignModel model;
        Campaign c = campaign(1, QStringLiteral("x"));
        c.state = QStringLiteral("frozen");
        model.upsertCampaign(c);
        QCOMPARE(model.data(model.index(0, CampaignModel::State)).toString(), QStringLiteral("frozen"));
    }

    void agentOnlineFollowsTime()
    {
        AgentModel model;
        QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
        Agent agent;
        agent.id = 7;
        agent.hostName = QStringLiteral("gpu-node-7");
        agent.state = QStringLiteral("active");
        agent.enabled = true;
        agent.lastSeenAt = QDateTime::currentDateTimeUtc().addSecs(-30);
        model.upsertAgent(agent);
        QCOMPARE(model.data(model.index(0, AgentModel::Online)).toString(), QStringLiteral("online"));
        QSignalSpy changed(&model, &QAbstractItemModel::dataChanged);
        model.refreshOnline(QDateTime::currentDateTimeUtc().addSecs(60));
        QCOMPARE(changed.size(), 0);
        model.refreshOnline(QDateTime::currentDateTimeUtc().addSecs(120));
        QCOMPARE(changed.size(), 1);
        QCOMPARE(changed.first().at(0).toModelIndex().column(), int(AgentModel::Online));
        QCOMPARE(model.data(model.index(0, AgentModel::Online)).toString(), QStringLiteral("offline"));

        agent.customLabel = QStringLiteral("Beast");
        model.upsertAgent(agent);
        QCOMPARE(model.data(model.index(0, AgentModel::Name)).toString(), QStringLiteral("Beast"));
        AgentRow row = *model.row(7);
        row.currentSpeed = 2.5e9;
        model.upsert(row);
        QCOMPARE(model.data(model.index(0, AgentModel::Speed)).toString(), QStringLiteral("2.5 GH/s"));
    }
};

QTEST_GUILESS_MAIN(TestLiveModels)
#include "tst_LiveModels.moc"
