#include "RecordingSink.h"
#include "SseParser.h"

#include <QRandomGenerator>
#include <QTest>

using namespace swarmwatch;
using swarmwatch::test::RecordingSink;

namespace {

struct Outcome {
    QStringList records;
    bool failed = false;
    QString lastEventId;
    bool operator==(const Outcome &) const = default;
};

char *toString(const Outcome &outcome)
{
    return QTest::toString(outcome.records.join(QStringLiteral(" ; ")) + QStringLiteral(" failed=")
                           + QString::number(outcome.failed) + QStringLiteral(" id=") + outcome.lastEventId);
}

// Feeds input in the pieces that the cut points give, then ends the stream.
Outcome parse(const QByteArray &input, const QList<qsizetype> &cuts, SseParser::Limits limits = {})
{
    RecordingSink sink;
    SseParser parser(&sink, limits);
    qsizetype start = 0;
    bool ok = true;
    // Each piece lives in its own buffer that is freed right after feed(), as a network read buffer would be
    // reused: a parser that kept pointing into a chunk would read freed memory (AddressSanitizer catches it).
    const auto feedPiece = [&parser](const QByteArray &all, qsizetype from, qsizetype to) {
        const QByteArray piece(all.constData() + from, to - from);
        return parser.feed(piece.constData(), piece.size());
    };
    for (qsizetype cut : cuts) {
        ok = feedPiece(input, start, cut) && ok;
        start = cut;
    }
    ok = feedPiece(input, start, input.size()) && ok;
    parser.finish();
    return {sink.records, !ok || parser.hasError(), parser.lastEventId()};
}

QString fffd(int count)
{
    return QString(count, QChar(0xFFFD));
}

} // namespace

class TestSseParser : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void interpretation_data();
    void interpretation();
    void limits_data();
    void limits();
    void randomStreamsDoNotDependOnChunking();
    void startStreamKeepsLastEventIdAndDropsPartialEvent();
    void startStreamFromInsideCallbackDropsRestOfChunk();
    void errorMessageIsClearAndStopsParsing();
};

void TestSseParser::interpretation_data()
{
    QTest::addColumn<QByteArray>("input");
    QTest::addColumn<QStringList>("expected");
    QTest::addColumn<QString>("lastEventId");

    const auto add = [](const char *name, const QByteArray &input, const QStringList &expected,
                        const QString &lastEventId = {}) {
        QTest::newRow(name) << input << expected << lastEventId;
    };

    add("simple", "data: hello\n\n", {QStringLiteral("message|hello|")});
    add("no space after colon", "data:hello\n\n", {QStringLiteral("message|hello|")});
    add("only one space removed", "data:  hello\n\n", {QStringLiteral("message| hello|")});
    add("colon in value", "data: a:b\n\n", {QStringLiteral("message|a:b|")});
    add("lines joined with LF", "data: a\ndata: b\n\n", {QStringLiteral("message|a\nb|")});
    add("CRLF", "data: a\r\ndata: b\r\n\r\n", {QStringLiteral("message|a\nb|")});
    add("CR only", "data: a\rdata: b\r\r", {QStringLiteral("message|a\nb|")});
    add("mixed terminators", "data: a\r\ndata: b\rdata: c\n\n", {QStringLiteral("message|a\nb\nc|")});
    add("CR then LF is one terminator", "data: a\r\n\r\n", {QStringLiteral("message|a|")});
    add("LF then CR is two", "data: a\n\rdata: b\n\n",
        {QStringLiteral("message|a|"), QStringLiteral("message|b|")});
    add("comment ignored", ": hello\ndata: x\n\n", {QStringLiteral("message|x|")});
    add("bare colon comment", ":\n\n", {});
    add("event type", "event: add\ndata: x\n\n", {QStringLiteral("add|x|")});
    add("event type resets after dispatch", "event: a\ndata: 1\n\ndata: 2\n\n",
        {QStringLiteral("a|1|"), QStringLiteral("message|2|")});
    add("event type resets without data", "event: a\n\ndata: 2\n\n", {QStringLiteral("message|2|")});
    add("empty event type means message", "event:\ndata: x\n\n", {QStringLiteral("message|x|")});
    add("no data, no dispatch", "event: a\nid: 5\n\n", {}, QStringLiteral("5"));
    add("id set at blank line without data", "id: 5\n\ndata: x\n\n", {QStringLiteral("message|x|5")},
        QStringLiteral("5"));
    add("id persists", "id: 1\ndata: a\n\ndata: b\n\n",
        {QStringLiteral("message|a|1"), QStringLiteral("message|b|1")}, QStringLiteral("1"));
    add("empty id resets", "id: 1\ndata: a\n\nid\ndata: b\n\n",
        {QStringLiteral("message|a|1"), QStringLiteral("message|b|")});
    add("empty id with colon resets", "id: 1\ndata: a\n\nid:\ndata: b\n\n",
        {QStringLiteral("message|a|1"), QStringLiteral("message|b|")});
    add("id with NUL ignored", QByteArray("id: 1\ndata: a\n\nid: 2") + '\0' + "3\ndata: b\n\n",
        {QStringLiteral("message|a|1"), QStringLiteral("message|b|1")}, QStringLiteral("1"));
    add("id after data in the same block", "data: a\nid: 7\n\n", {QStringLiteral("message|a|7")},
        QStringLiteral("7"));
    add("id without blank line not applied", "id: 7\ndata: a\n", {}, QString());
    add("retry", "retry: 1500\n", {QStringLiteral("retry 1500")});
    add("retry zero", "retry: 0\n", {QStringLiteral("retry 0")});
    add("retry with letters ignored", "retry: 15a\n", {});
    add("retry negative ignored", "retry: -1\n", {});
    add("retry empty ignored", "retry:\nretry\n", {});
    add("retry fraction ignored", "retry: 1.5\n", {});
    add("retry extra space ignored", "retry:  100\n", {});
    add("retry too large ignored", "retry: 99999999999999999999999\n", {});
    add("unknown field ignored", "foo: bar\ndata: x\n\n", {QStringLiteral("message|x|")});
    add("field names are case sensitive", "Data: x\n\n", {});
    add("field without colon", "data\n\n", {QStringLiteral("message||")});
    add("two empty data lines", "data\ndata\n\n", {QStringLiteral("message|\n|")});
    add("empty data dispatches empty string", "data:\n\n", {QStringLiteral("message||")});
    add("space-only data", "data: \n\n", {QStringLiteral("message||")});
    add("unterminated event discarded", "data: a\n\ndata: b\n", {QStringLiteral("message|a|")});
    add("unterminated line discarded", "data: a\n\ndata: b", {QStringLiteral("message|a|")});
    add("blank lines alone", "\n\n\r\n\r", {});
    add("leading BOM stripped",
        "\xEF\xBB\xBF"
        "data: x\n\n",
        {QStringLiteral("message|x|")});
    add("only one BOM stripped",
        "\xEF\xBB\xBF\xEF\xBB\xBF"
        "data: x\n\n",
        {});
    add("partial BOM is text",
        "\xEF"
        "data: x\n\n",
        {});
    add("partial BOM then newline", "\xEF\xBB\ndata: x\n\n", {QStringLiteral("message|x|")});
    add("BOM only at stream start",
        "data: a\n\n\xEF\xBB\xBF"
        "data: b\n\n",
        {QStringLiteral("message|a|")});
    add("UTF-8 text", "data: h\xC3\xA9llo \xE2\x86\x92 \xF0\x9F\x8E\x89\n\n",
        {QStringLiteral("message|h") + QChar(0xE9) + QStringLiteral("llo ") + QChar(0x2192)
         + QStringLiteral(" ") + QString::fromUcs4(U"\U0001F389") + QStringLiteral("|")});
    add("invalid byte",
        "data: a\xFF"
        "b\n\n",
        {QStringLiteral("message|a") + fffd(1) + QStringLiteral("b|")});
    add("truncated two-byte", "data: \xC3\n\n", {QStringLiteral("message|") + fffd(1) + QStringLiteral("|")});
    add("truncated three-byte is one maximal subpart",
        "data: \xE2\x82"
        "x\n\n",
        {QStringLiteral("message|") + fffd(1) + QStringLiteral("x|")});
    add("truncated four-byte is one maximal subpart", "data: \xF0\x9F\x8E\n\n",
        {QStringLiteral("message|") + fffd(1) + QStringLiteral("|")});
    add("overlong two-byte", "data: \xC0\xAF\n\n",
        {QStringLiteral("message|") + fffd(2) + QStringLiteral("|")});
    add("overlong three-byte", "data: \xE0\x80\x80\n\n",
        {QStringLiteral("message|") + fffd(3) + QStringLiteral("|")});
    add("surrogate", "data: \xED\xA0\x80\n\n", {QStringLiteral("message|") + fffd(3) + QStringLiteral("|")});
    add("above U+10FFFF", "data: \xF4\x90\x80\x80\n\n",
        {QStringLiteral("message|") + fffd(4) + QStringLiteral("|")});
    add("lone continuation bytes", "data: \x80\x80\n\n",
        {QStringLiteral("message|") + fffd(2) + QStringLiteral("|")});
    add("invalid UTF-8 in event type", "event: \xFF\ndata: x\n\n", {fffd(1) + QStringLiteral("|x|")});
    add("invalid UTF-8 in id", "id: \xE2\x82\ndata: x\n\n", {QStringLiteral("message|x|") + fffd(1)},
        fffd(1));
    add("invalid UTF-8 before colon", "\xC3: x\ndata: y\n\n", {QStringLiteral("message|y|")});
    add("CipherSwarm refresh",
        "data: "
        "{\"trigger\":\"refresh\",\"timestamp\":\"2025-10-11T20:24:25.123456Z\",\"target\":\"campaigns\","
        "\"id\":7,\"project_id\":2}\n\n",
        {QStringLiteral(
            "message|{\"trigger\":\"refresh\",\"timestamp\":\"2025-10-11T20:24:25.123456Z\",\"target\":"
            "\"campaigns\",\"id\":7,\"project_id\":2}|")});
    add("CipherSwarm ping", "data: {\"trigger\": \"ping\"}\n\n",
        {QStringLiteral("message|{\"trigger\": \"ping\"}|")});
}

void TestSseParser::interpretation()
{
    QFETCH(QByteArray, input);
    QFETCH(QStringList, expected);
    QFETCH(QString, lastEventId);
    const Outcome want{expected, false, lastEventId};

    QCOMPARE(parse(input, {}), want);

    QList<qsizetype> everyByte;
    for (qsizetype i = 1; i < input.size(); ++i)
        everyByte.append(i);
    QCOMPARE(parse(input, everyByte), want);

    for (qsizetype i = 0; i <= input.size(); ++i) {
        const Outcome got = parse(input, {i});
        if (got != want)
            QFAIL(qPrintable(
                QStringLiteral("split at %1 gave %2").arg(i).arg(QString::fromLatin1(toString(got)))));
        for (qsizetype j = i; j <= input.size() && input.size() <= 48; ++j) {
            if (parse(input, {i, j}) != want)
                QFAIL(qPrintable(QStringLiteral("splits at %1 and %2 differ").arg(i).arg(j)));
        }
    }
}

void TestSseParser::limits_data()
{
    QTest::addColumn<QByteArray>("input");
    QTest::addColumn<bool>("fails");
    QTest::addColumn<QStringList>("expected"); // what is dispatched before the failure

    QTest::newRow("line at the limit")
        << QByteArray("data: 0123456789\n\n") << false << QStringList{QStringLiteral("message|0123456789|")};
    QTest::newRow("line one over") << QByteArray("data: 0123456789a\n\n") << true << QStringList{};
    QTest::newRow("unterminated line over the limit") << QByteArray("data: x\n\ndata: 0123456789abcdef")
                                                      << true << QStringList{QStringLiteral("message|x|")};
    QTest::newRow("comment over the limit") << QByteArray(": 0123456789abcdefgh\n") << true << QStringList{};
    QTest::newRow("CRLF does not count") << QByteArray("data: 0123456789\r\n\r\n") << false
                                         << QStringList{QStringLiteral("message|0123456789|")};
    QTest::newRow("data at the limit") << QByteArray("data: 0123456\ndata: 7890\n\n") << false
                                       << QStringList{QStringLiteral("message|0123456\n7890|")};
    QTest::newRow("data one over") << QByteArray("data: 0123456\ndata: 7890a\n\n") << true << QStringList{};
    QTest::newRow("data limit is per event")
        << QByteArray("data: 0123456789\n\ndata: 0123456789\n\n") << false
        << QStringList{QStringLiteral("message|0123456789|"), QStringLiteral("message|0123456789|")};
}

void TestSseParser::limits()
{
    QFETCH(QByteArray, input);
    QFETCH(bool, fails);
    QFETCH(QStringList, expected);
    const SseParser::Limits limits{16, 12};
    const Outcome whole = parse(input, {}, limits);
    QCOMPARE(whole.failed, fails);
    QCOMPARE(whole.records, expected);
    for (qsizetype i = 0; i <= input.size(); ++i)
        QCOMPARE(parse(input, {i}, limits), whole);
}

void TestSseParser::randomStreamsDoNotDependOnChunking()
{
    // Random streams over an alphabet that stresses the grammar, fed whole and in random pieces.
    const QList<QByteArray> alphabet{"data",
                                     "data:",
                                     "data: ",
                                     "event:",
                                     "id:",
                                     "id: 4",
                                     "retry:",
                                     "retry: 12",
                                     ":",
                                     " ",
                                     "x",
                                     "\n",
                                     "\r",
                                     "\r\n",
                                     "\n\n",
                                     QByteArray("\0", 1),
                                     "\xEF\xBB\xBF",
                                     "\xE2\x86",
                                     "\x92",
                                     "\xF0\x9F",
                                     "\x8E\x89",
                                     "\xFF",
                                     "é"};
    const quint32 seed = QRandomGenerator::global()->generate();
    QRandomGenerator random(seed);
    for (int round = 0; round < 2000; ++round) {
        QByteArray input;
        const int count = random.bounded(1, 60);
        for (int i = 0; i < count; ++i)
            input += alphabet.at(random.bounded(static_cast<int>(alphabet.size())));
        const SseParser::Limits limits{random.bounded(4, 40), random.bounded(4, 40)};
        const Outcome whole = parse(input, {}, limits);
        QList<qsizetype> cuts;
        for (qsizetype at = 0; at < input.size(); at += random.bounded(1, 8))
            cuts.append(at);
        const Outcome chunked = parse(input, cuts, limits);
        if (chunked != whole) {
            QFAIL(qPrintable(
                QStringLiteral("seed %1 round %2: input %3 whole %4 pieces %5")
                    .arg(seed)
                    .arg(round)
                    .arg(QString::fromLatin1(input.toPercentEncoding()))
                    .arg(QString::fromLatin1(toString(whole)), QString::fromLatin1(toString(chunked)))));
        }
    }
}

void TestSseParser::startStreamKeepsLastEventIdAndDropsPartialEvent()
{
    RecordingSink sink;
    SseParser parser(&sink);
    QVERIFY(parser.feed(QByteArray("id: 42\ndata: a\n\ndata: partial\nevent: x\nid: 43\n")));
    parser.startStream();
    QVERIFY(parser.feed(QByteArray("\xEF\xBB\xBF"
                                   "data: b\n\n")));
    QCOMPARE(sink.records, (QStringList{QStringLiteral("message|a|42"), QStringLiteral("message|b|42")}));
    QCOMPARE(parser.lastEventId(), QStringLiteral("42"));
}

void TestSseParser::startStreamFromInsideCallbackDropsRestOfChunk()
{
    struct ResettingSink : RecordingSink {
        SseParser *parser = nullptr;
        void sseEvent(const SseEvent &event) override
        {
            RecordingSink::sseEvent(event);
            parser->startStream();
        }
    } sink;
    SseParser parser(&sink);
    sink.parser = &parser;
    QVERIFY(parser.feed(QByteArray("data: a\n\ndata: b\n\n")));
    QCOMPARE(sink.records, QStringList{QStringLiteral("message|a|")});
    QVERIFY(parser.feed(QByteArray("data: c\n\n")));
    QCOMPARE(sink.records.size(), 2);
}

void TestSseParser::errorMessageIsClearAndStopsParsing()
{
    RecordingSink sink;
    SseParser parser(&sink, {8, 8});
    QVERIFY(!parser.feed(QByteArray(20, 'x')));
    QVERIFY(parser.hasError());
    QVERIFY2(parser.errorString().contains(QStringLiteral("longer than the limit of 8 bytes")),
             qPrintable(parser.errorString()));
    QVERIFY(!parser.feed(QByteArray("\n\ndata: a\n\n")));
    QVERIFY(sink.records.isEmpty());
    parser.startStream();
    QVERIFY(parser.feed(QByteArray("data: a\n\n")));
    QCOMPARE(sink.records, QStringList{QStringLiteral("message|a|")});
}

QTEST_GUILESS_MAIN(TestSseParser)
#include "tst_SseParser.moc"
