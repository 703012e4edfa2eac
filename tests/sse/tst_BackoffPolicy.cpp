#include "BackoffPolicy.h"

#include <QTest>

using namespace swarmwatch;
using namespace std::chrono_literals;

class TestBackoffPolicy : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void ceilingDoublesUpToTheCap()
    {
        const BackoffPolicy policy(1000ms, 30000ms, 1);
        QCOMPARE(policy.ceilingFor(0), 1000ms);
        QCOMPARE(policy.ceilingFor(1), 2000ms);
        QCOMPARE(policy.ceilingFor(4), 16000ms);
        QCOMPARE(policy.ceilingFor(5), 30000ms);
        QCOMPARE(policy.ceilingFor(1000), 30000ms); // no overflow however long the outage
    }

    void baseAboveCapIsCapped()
    {
        const BackoffPolicy policy(60000ms, 30000ms, 1);
        QCOMPARE(policy.ceilingFor(0), 30000ms);
    }

    void delaysAreFullyJitteredWithinTheCeiling()
    {
        BackoffPolicy policy(1000ms, 30000ms, 12345);
        for (int attempt = 0; attempt < 12; ++attempt) {
            const auto ceiling = policy.ceilingFor(attempt);
            std::chrono::milliseconds lowest = ceiling;
            std::chrono::milliseconds highest = 0ms;
            for (int i = 0; i < 400; ++i) {
                const auto delay = policy.delayFor(attempt);
                QVERIFY2(delay >= BackoffPolicy::kFloor && delay <= ceiling,
                         qPrintable(QStringLiteral("attempt %1 gave %2 ms").arg(attempt).arg(delay.count())));
                lowest = std::min(lowest, delay);
                highest = std::max(highest, delay);
            }
            // Full jitter spreads over the whole range, not just near the ceiling.
            QVERIFY2(lowest < ceiling / 10, qPrintable(QString::number(lowest.count())));
            QVERIFY2(highest > ceiling * 9 / 10, qPrintable(QString::number(highest.count())));
        }
    }

    void sameSeedSameSequenceOtherSeedDiffers()
    {
        BackoffPolicy a(1000ms, 30000ms, 7);
        BackoffPolicy b(1000ms, 30000ms, 7);
        BackoffPolicy c(1000ms, 30000ms, 8);
        bool differs = false;
        for (int i = 0; i < 20; ++i) {
            const auto fromA = a.delayFor(4);
            QCOMPARE(fromA, b.delayFor(4));
            differs = differs || fromA != c.delayFor(4);
        }
        QVERIFY(differs);
    }

    void serverRetryBecomesTheBase()
    {
        BackoffPolicy policy(1000ms, 30000ms, 1);
        policy.setBase(60ms);
        QCOMPARE(policy.ceilingFor(0), 60ms);
        QCOMPARE(policy.ceilingFor(2), 240ms);
        policy.setBase(0ms); // `retry: 0` must not become a busy loop
        QCOMPARE(policy.ceilingFor(0), BackoffPolicy::kFloor);
        QCOMPARE(policy.ceilingFor(3), BackoffPolicy::kFloor * 8);
        for (int i = 0; i < 100; ++i)
            QVERIFY(policy.delayFor(0) >= BackoffPolicy::kFloor);
    }
};

QTEST_GUILESS_MAIN(TestBackoffPolicy)
#include "tst_BackoffPolicy.moc"
