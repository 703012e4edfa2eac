// The token bucket behind the REST budget, on a clock the test moves.
#include "RequestBudget.h"

#include <QTest>

using namespace swarmwatch;
using namespace std::chrono_literals;

class TestRequestBudget : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void unlimitedByDefault()
    {
        RequestBudget budget(clock());
        QVERIFY(!budget.isLimited());
        for (int i = 0; i < 10000; ++i)
            QVERIFY(budget.tryTake());
        QCOMPARE(budget.waitTime(), 0ms);
        QCOMPARE(budget.fill(), 1.0);
    }

    void burstThenTheRate()
    {
        RequestBudget budget(clock());
        budget.setRate(100); // a burst of a fifth of a second: 20
        QCOMPARE(budget.burst(), 20.0);
        // Fresh: the bucket starts with one token and fills at the rate, up to the burst.
        m_now += 1s;
        int taken = 0;
        while (budget.tryTake())
            ++taken;
        QCOMPARE(taken, 20);
        QCOMPARE(budget.fill(), 0.0);
        QVERIFY(budget.waitTime() >= 10ms && budget.waitTime() <= 11ms); // one token every 10 ms
        m_now += 5ms;
        QVERIFY(!budget.tryTake());
        QVERIFY(budget.waitTime() >= 5ms && budget.waitTime() <= 6ms);
        m_now += 5ms;
        QVERIFY(budget.tryTake());
        // Over a long run, the rate and no more: 10 s give 1,000.
        taken = 0;
        for (int ms = 0; ms < 10000; ++ms) {
            m_now += 1ms;
            while (budget.tryTake())
                ++taken;
        }
        QVERIFY2(taken >= 999 && taken <= 1001, qPrintable(QString::number(taken)));
    }

    void lowerRateKeepsNoMoreThanItsBurst()
    {
        RequestBudget budget(clock());
        budget.setRate(1000);
        m_now += 1s;
        QCOMPARE(budget.fill(), 1.0);
        budget.setRate(10); // burst 2: what was saved under the old rate is not kept
        int taken = 0;
        while (budget.tryTake())
            ++taken;
        QCOMPARE(taken, 2);
        budget.setRate(0); // unlimited again
        QVERIFY(budget.tryTake());
    }

    void clockGoingBackwardsGivesNothing()
    {
        RequestBudget budget(clock());
        budget.setRate(10, 1);
        QVERIFY(budget.tryTake());
        m_now -= 10s;
        QVERIFY(!budget.tryTake());
        m_now += 100ms;
        QVERIFY(budget.tryTake());
    }

private:
    RequestBudget::Clock clock()
    {
        return [this] {
            return m_now;
        };
    }
    std::chrono::steady_clock::time_point m_now{std::chrono::hours(1)};
};

QTEST_GUILESS_MAIN(TestRequestBudget)
#include "tst_RequestBudget.moc"
