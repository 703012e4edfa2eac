// TextTable: columns padded by the width characters take on a terminal, fitted to a width by dropping the
// least useful columns, then shortening the elastic ones, and never wider than asked.
#include "TextTable.h"

#include <QTest>

using swarmwatch::TextTable;

class TestTextTable : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void displayWidthCountsTerminalColumns()
    {
        QCOMPARE(TextTable::displayWidth(QStringLiteral("abc")), 3);
        QCOMPARE(TextTable::displayWidth(QStringLiteral("攻撃")), 4);          // wide: two columns each
        QCOMPARE(TextTable::displayWidth(QStringLiteral("e\u0301")), 1);       // a combining accent: none
        QCOMPARE(TextTable::displayWidth(QStringLiteral("\U0001F389 ok")), 5); // an emoji: two
        QCOMPARE(TextTable::elide(QStringLiteral("攻撃キャンペーン"), 7), QStringLiteral("攻撃キ…"));
        QCOMPARE(TextTable::elide(QStringLiteral("short"), 7), QStringLiteral("short"));
    }

    void fitsTheWidthLeastUsefulFirst()
    {
        TextTable table({{QStringLiteral("ID"), true, 0, false, 0},
                         {QStringLiteral("NAME"), false, 0, true, 6},
                         {QStringLiteral("STATE"), false, 0, false, 0},
                         {QStringLiteral("UPDATED"), false, 2, false, 0},
                         {QStringLiteral("SPEED"), true, 1, false, 0}});
        table.addRow({QStringLiteral("7"), QStringLiteral("A rather long campaign name"),
                      QStringLiteral("active"), QStringLiteral("5 min ago"), QStringLiteral("1.2 GH/s")});
        table.addRow({QStringLiteral("12"), QStringLiteral("攻撃キャンペーン"), QStringLiteral("paused"),
                      QStringLiteral("2 h ago"), QString()});
        const QString wide = table.render(0);
        QVERIFY(wide.contains(QStringLiteral("A rather long campaign name")));
        QVERIFY(wide.contains(QStringLiteral("UPDATED")));
        // Numbers to the right; the wide name padded by its columns, so the next column lines up.
        const QStringList lines = wide.split(QLatin1Char('\n'), Qt::SkipEmptyParts);
        QVERIFY(lines[1].startsWith(QStringLiteral(" 7  A rather")));
        QCOMPARE(TextTable::displayWidth(lines[2].section(QStringLiteral("paused"), 0, 0)),
                 TextTable::displayWidth(lines[1].section(QStringLiteral("active"), 0, 0)));

        const QString narrow = table.render(50);
        for (const QString &line : narrow.split(QLatin1Char('\n'), Qt::SkipEmptyParts))
            QVERIFY2(TextTable::displayWidth(line) <= 50, qPrintable(line));
        QVERIFY(!narrow.contains(QStringLiteral("UPDATED"))); // dropped first (the highest rank)
        QVERIFY(narrow.contains(QStringLiteral("SPEED")));
        QVERIFY(narrow.contains(QChar(0x2026))
                || narrow.contains(QStringLiteral("A rather long campaign name")));

        const QString tiny = table.render(12); // less than the columns that never go: cut, never wrapped
        for (const QString &line : tiny.split(QLatin1Char('\n'), Qt::SkipEmptyParts))
            QVERIFY2(TextTable::displayWidth(line) <= 12, qPrintable(line));
        QCOMPARE(tiny.count(QLatin1Char('\n')), 3);
    }
};

QTEST_GUILESS_MAIN(TestTextTable)
#include "tst_TextTable.moc"
