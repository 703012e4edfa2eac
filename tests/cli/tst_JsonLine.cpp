#include "JsonLine.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonValue>
#include <QTest>

using namespace swarmwatch;

class TestJsonLine : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void escapesAndRoundTrips_data()
    {
        QTest::addColumn<QString>("text");
        QTest::addColumn<QByteArray>("json");
        QTest::newRow("plain") << QStringLiteral("abc") << QByteArray("\"abc\"");
        QTest::newRow("quote and backslash") << QStringLiteral("a\"b\\c") << QByteArray("\"a\\\"b\\\\c\"");
        QTest::newRow("newline tab cr") << QStringLiteral("a\nb\tc\rd") << QByteArray("\"a\\nb\\tc\\rd\"");
        QTest::newRow("control") << QString(QChar(1)) + QChar(0x1F) << QByteArray("\"\\u0001\\u001f\"");
        QTest::newRow("unicode stays UTF-8")
            << QStringLiteral("→🎉") << QByteArray("\"\xE2\x86\x92\xF0\x9F\x8E\x89\"");
        QTest::newRow("slash not escaped") << QStringLiteral("a/b") << QByteArray("\"a/b\"");
    }
    void escapesAndRoundTrips()
    {
        QFETCH(QString, text);
        QFETCH(QByteArray, json);
        QByteArray out;
        appendJsonString(out, text);
        QCOMPARE(out, json);
        const QJsonDocument parsed = QJsonDocument::fromJson("[" + out + "]");
        QCOMPARE(parsed.array().at(0).toString(), text);
    }
};

QTEST_GUILESS_MAIN(TestJsonLine)
#include "tst_JsonLine.moc"
