// `swarmwatch-cli journal` through the real binary, on a journal written by the same Journal the GUI uses.
#include "Journal.h"

#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QProcess>
#include <QTemporaryDir>
#include <QTest>

using namespace swarmwatch;

class TestJournalCommand : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();
    void tableNewestFirst();
    void filtersAndFormats();
    void defaultPathIsTheGuis();
    void errorsAreOneLine();
    void sinceParsing();

private:
    struct Result {
        int exitCode = -1;
        QString out;
        QString err;
    };
    Result run(const QStringList &arguments, const QString &dataHome = {});
    QTemporaryDir m_dir;
    QString m_path;
};

TestJournalCommand::Result TestJournalCommand::run(const QStringList &arguments, const QString &dataHome)
{
    QProcess process;
    QProcessEnvironment environment = QProcessEnvironment::systemEnvironment();
    environment.insert(QStringLiteral("XDG_DATA_HOME"),
                       dataHome.isEmpty() ? m_dir.filePath(QStringLiteral("none")) : dataHome);
    environment.insert(QStringLiteral("TZ"), QStringLiteral("UTC"));
    environment.remove(QStringLiteral("QT_LOGGING_RULES")); // as a user runs it: ctest turns debug logs on
    process.setProcessEnvironment(environment);
    process.start(QStringLiteral(SWARMWATCH_CLI), QStringList{QStringLiteral("journal")} + arguments);
    if (!process.waitForFinished(30000))
        return {};
    return {process.exitStatus() == QProcess::NormalExit ? process.exitCode() : -1,
            QString::fromUtf8(process.readAllStandardOutput()),
            QString::fromUtf8(process.readAllStandardError())};
}

void TestJournalCommand::initTestCase()
{
    m_path = m_dir.filePath(QStringLiteral("journal.sqlite"));
    Journal journal(m_path);
    QVERIFY(journal.open());
    const QDateTime now = QDateTime::currentDateTimeUtc();
    const auto add = [&journal](JournalEntry::Kind kind, const QString &text, const QDateTime &at,
                                std::optional<qint64> campaign = {}) {
        JournalEntry e;
        e.kind = kind;
        e.text = text;
        e.at = at;
        e.server = QStringLiteral("https://cs.example");
        e.campaignId = campaign;
        if (kind == JournalEntry::Kind::Sample) {
            e.progress = 42.5;
            e.cracked = 7;
        }
        journal.record(e);
    };
    add(JournalEntry::Kind::Connection, QStringLiteral("Live"), now.addDays(-2));
    add(JournalEntry::Kind::Campaign, QStringLiteral("NTLM: active → completed"), now.addSecs(-3 * 3600), 3);
    add(JournalEntry::Kind::Toast, QStringLiteral("Hash cracked by gpu-01: 5f4dcc3b..."), now.addSecs(-600));
    add(JournalEntry::Kind::Sample, {}, now.addSecs(-60), 3);
}

void TestJournalCommand::tableNewestFirst()
{
    const Result result = run({QStringLiteral("--journal"), m_path});
    QCOMPARE(result.exitCode, 0);
    const QStringList lines = result.out.split(QLatin1Char('\n'), Qt::SkipEmptyParts);
    QCOMPARE(lines.size(), 4);
    QVERIFY2(lines.at(0).contains(QStringLiteral("sample"))
                 && lines.at(0).contains(QStringLiteral("campaign 3: 42.5 %, 7 cracked")),
             qPrintable(lines.at(0)));
    QVERIFY(lines.at(0).contains(QStringLiteral(" UTC "))); // the zone with the absolute time
    QVERIFY(lines.at(3).contains(QStringLiteral("Live")));
}

void TestJournalCommand::filtersAndFormats()
{
    Result result =
        run({QStringLiteral("--journal"), m_path, QStringLiteral("--since"), QStringLiteral("4h")});
    QCOMPARE(result.out.split(QLatin1Char('\n'), Qt::SkipEmptyParts).size(), 3);
    result = run({QStringLiteral("--journal"), m_path, QStringLiteral("--kind"),
                  QStringLiteral("toast,campaign"), QStringLiteral("--json")});
    QCOMPARE(result.exitCode, 0);
    const QJsonArray array = QJsonDocument::fromJson(result.out.toUtf8()).array();
    QCOMPARE(array.size(), 2);
    QCOMPARE(array.at(0).toObject().value(QStringLiteral("kind")).toString(), QStringLiteral("toast"));
    result = run({QStringLiteral("--journal"), m_path, QStringLiteral("--campaign"), QStringLiteral("3"),
                  QStringLiteral("--csv")});
    QCOMPARE(result.out.split(QStringLiteral("\r\n"), Qt::SkipEmptyParts).size(), 3); // header + 2
    result = run({QStringLiteral("--journal"), m_path, QStringLiteral("--search"), QStringLiteral("GPU-01")});
    QCOMPARE(result.out.split(QLatin1Char('\n'), Qt::SkipEmptyParts).size(), 1);
    result = run(
        {QStringLiteral("--journal"), m_path, QStringLiteral("--search"), QStringLiteral("nothing like it")});
    QCOMPARE(result.exitCode, 0);
    QVERIFY(result.out.isEmpty());
    QVERIFY(result.err.contains(QStringLiteral("nothing in the journal matches")));
}

void TestJournalCommand::defaultPathIsTheGuis()
{
    QTemporaryDir data;
    QVERIFY(QDir().mkpath(data.filePath(QStringLiteral("swarmwatch"))));
    QVERIFY(QFile::copy(m_path, data.filePath(QStringLiteral("swarmwatch/journal.sqlite"))));
    const Result result = run({QStringLiteral("--limit"), QStringLiteral("1")}, data.path());
    QCOMPARE(result.exitCode, 0);
    QCOMPARE(result.out.split(QLatin1Char('\n'), Qt::SkipEmptyParts).size(), 1);
}

void TestJournalCommand::errorsAreOneLine()
{
    Result result = run({}); // no journal in this XDG_DATA_HOME
    QCOMPARE(result.exitCode, 2);
    QVERIFY2(result.err.contains(QStringLiteral("no journal")), qPrintable(result.err));
    QCOMPARE(result.err.count(QLatin1Char('\n')), 1);
    result = run({QStringLiteral("--journal"), m_path, QStringLiteral("--kind"), QStringLiteral("cracks")});
    QCOMPARE(result.exitCode, 2);
    QVERIFY(result.err.contains(QStringLiteral("unknown kind “cracks”")));
    result =
        run({QStringLiteral("--journal"), m_path, QStringLiteral("--since"), QStringLiteral("yesterday")});
    QCOMPARE(result.exitCode, 2);
    QCOMPARE(result.err.count(QLatin1Char('\n')), 1);
    // Not a database: said in one line, and the file is left as it is (the CLI never sets it aside).
    const QString garbage = m_dir.filePath(QStringLiteral("garbage.sqlite"));
    QFile file(garbage);
    QVERIFY(file.open(QIODevice::WriteOnly));
    file.write(QByteArray(4096, 'x'));
    file.close();
    result = run({QStringLiteral("--journal"), garbage});
    QCOMPARE(result.exitCode, 2);
    QCOMPARE(result.err.count(QLatin1Char('\n')), 1);
    QCOMPARE(QFileInfo(garbage).size(), 4096);
}

void TestJournalCommand::sinceParsing()
{
    const Result help = run({QStringLiteral("--help")});
    QCOMPARE(help.exitCode, 0);
    QVERIFY(help.out.startsWith(QStringLiteral("Usage: swarmwatch-cli journal")));
}

QTEST_GUILESS_MAIN(TestJournalCommand)
#include "tst_JournalCommand.moc"
