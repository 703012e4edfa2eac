// The journal on a real SQLite file: records, reads back after a restart, filters, retains by age and size,
// exports, survives a damaged or locked file; and the recorder's downsampling with a controlled clock.
#include "Journal.h"
#include "JournalRecorder.h"

#include <QDir>
#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QSignalSpy>
#include <QSqlDatabase>
#include <QSqlQuery>
#include <QTemporaryDir>
#include <QTest>

using namespace swarmwatch;
using Kind = JournalEntry::Kind;

class TestJournal : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void recordsAndReadsBackAfterRestart();
    void filters();
    void retentionByAgeAndSize();
    void damagedFileIsSetAside();
    void unwritablePlaceIsReportedNotFatal();
    void lockedFileWaitsAndLosesNothing();
    void writesBesideTheCallersThread();
    void exportsCsvAndJson();
    void recorderDownsamples();

private:
    static JournalEntry make(Kind kind, const QString &text, const QDateTime &at = {},
                             std::optional<qint64> campaign = {})
    {
        JournalEntry e;
        e.kind = kind;
        e.text = text;
        e.at = at;
        e.server = QStringLiteral("https://cs.example");
        e.projectId = 1;
        e.campaignId = campaign;
        return e;
    }
    QTemporaryDir m_dir;
};

void TestJournal::recordsAndReadsBackAfterRestart()
{
    const QString path = m_dir.filePath(QStringLiteral("restart/journal.sqlite"));
    {
        Journal journal(path);
        QVERIFY2(journal.open(), qPrintable(journal.problem()));
        QSignalSpy written(&journal, &Journal::written);
        journal.record(make(Kind::Connection, QStringLiteral("Live")));
        JournalEntry sample = make(Kind::Sample, {}, {}, 7);
        sample.progress = 42.5;
        sample.cracked = 12;
        journal.record(sample);
        QCOMPARE(journal.queued(), 2);
        QVERIFY(written.wait(60000)); // the batch goes within a second, by itself
        QCOMPARE(written.first().first().toInt(), 2);
        journal.record(make(Kind::Toast, QStringLiteral("Hash cracked by gpu-01: 5f4dcc3b...")));
    } // the destructor writes what is queued
    QVERIFY(QFile::exists(path));
    Journal again(path);
    QVERIFY(again.open());
    const QList<JournalEntry> entries = again.read({});
    QCOMPARE(entries.size(), 3);
    QCOMPARE(entries.at(0).kind, Kind::Toast); // newest first
    const JournalEntry &sample = entries.at(1);
    QCOMPARE(sample.campaignId, std::optional<qint64>(7));
    QCOMPARE(sample.progress, std::optional<double>(42.5));
    QCOMPARE(sample.cracked, std::optional<qint64>(12));
    QCOMPARE(sample.server, QStringLiteral("https://cs.example"));
    QVERIFY(!entries.at(2).campaignId);
    // Read-only, as the CLI opens it.
    Journal reader(path);
    QVERIFY(reader.openReadOnly());
    QCOMPARE(reader.read({}).size(), 3);
}

void TestJournal::filters()
{
    Journal journal(m_dir.filePath(QStringLiteral("filters.sqlite")));
    QVERIFY(journal.open());
    const QDateTime t0 = QDateTime(QDate(2026, 12, 1), QTime(12, 0), Qt::UTC);
    journal.record(make(Kind::Connection, QStringLiteral("Live"), t0));
    journal.record(make(Kind::Campaign, QStringLiteral("NTLM: active → completed"), t0.addSecs(60), 3));
    journal.record(make(Kind::Toast, QStringLiteral("Hash cracked by GPU-01"), t0.addSecs(120)));
    journal.record(make(Kind::Sample, {}, t0.addSecs(180), 3));
    Journal::Query query;
    query.kinds = {Kind::Campaign, Kind::Toast};
    QCOMPARE(journal.read(query).size(), 2);
    query = {};
    query.campaignId = 3;
    QCOMPARE(journal.read(query).size(), 2);
    query = {};
    query.since = t0.addSecs(90);
    QCOMPARE(journal.read(query).size(), 2);
    query.until = t0.addSecs(150);
    QCOMPARE(journal.read(query).size(), 1);
    query = {};
    query.search = QStringLiteral("gpu-01"); // case ignored; % and _ are no wildcards
    QCOMPARE(journal.read(query).size(), 1);
    query.search = QStringLiteral("%");
    QCOMPARE(journal.read(query).size(), 0);
    query = {};
    query.newestFirst = false;
    query.limit = 1;
    QCOMPARE(journal.read(query).constFirst().text, QStringLiteral("Live"));
}

void TestJournal::retentionByAgeAndSize()
{
    QDateTime now = QDateTime(QDate(2026, 12, 4), QTime(12, 0), Qt::UTC);
    Journal::Retention retention;
    retention.maxAgeDays = 30;
    retention.maxBytes = 256 * 1024;
    Journal journal(m_dir.filePath(QStringLiteral("retention.sqlite")), retention, [&now] { return now; });
    QVERIFY(journal.open());
    journal.record(make(Kind::Connection, QStringLiteral("old"), now.addDays(-31)));
    journal.record(make(Kind::Connection, QStringLiteral("recent"), now.addDays(-29)));
    journal.applyRetention();
    QList<JournalEntry> entries = journal.read({});
    QCOMPARE(entries.size(), 1);
    QCOMPARE(entries.first().text, QStringLiteral("recent"));
    // Past the size limit: the oldest go, the newest stay.
    for (int i = 0; i < 6000; ++i)
        journal.record(make(Kind::Toast, QStringLiteral("toast %1 ").arg(i) + QString(60, QLatin1Char('x')),
                            now.addSecs(i)));
    journal.flush();
    QVERIFY(journal.fileBytes() > retention.maxBytes);
    journal.applyRetention();
    QVERIFY2(journal.fileBytes() <= retention.maxBytes, qPrintable(QString::number(journal.fileBytes())));
    Journal::Query newest;
    newest.limit = 1;
    QVERIFY(journal.read(newest).first().text.startsWith(QStringLiteral("toast 5999 ")));
    QVERIFY(journal.read({}).size() < 6000);
}

void TestJournal::damagedFileIsSetAside()
{
    const QString path = m_dir.filePath(QStringLiteral("damaged.sqlite"));
    QFile file(path);
    QVERIFY(file.open(QIODevice::WriteOnly));
    file.write(QByteArray("<html>not a database</html>").repeated(200));
    file.close();
    Journal journal(path);
    QSignalSpy problems(&journal, &Journal::problemChanged);
    QVERIFY(journal.open());
    QVERIFY2(journal.problem().contains(QStringLiteral("set aside")), qPrintable(journal.problem()));
    QVERIFY(!problems.isEmpty());
    const QStringList aside = QDir(m_dir.path()).entryList({QStringLiteral("damaged.sqlite.damaged-*")});
    QCOMPARE(aside.size(), 1);
    journal.record(make(Kind::Connection, QStringLiteral("after")));
    QCOMPARE(journal.read({}).size(), 1);
}

void TestJournal::unwritablePlaceIsReportedNotFatal()
{
    // The folder cannot exist: a file stands where it should be.
    QFile blocker(m_dir.filePath(QStringLiteral("blocker")));
    QVERIFY(blocker.open(QIODevice::WriteOnly));
    blocker.close();
    Journal journal(m_dir.filePath(QStringLiteral("blocker/journal.sqlite")));
    QVERIFY(!journal.open());
    QVERIFY(!journal.problem().isEmpty());
    journal.record(make(Kind::Connection, QStringLiteral("kept in memory, not written")));
    journal.flush();
    QVERIFY(journal.read({}).isEmpty());
    Journal reader(m_dir.filePath(QStringLiteral("nothing-here.sqlite")));
    QVERIFY(!reader.openReadOnly());
    QVERIFY(reader.problem().contains(QStringLiteral("no journal")));
}

void TestJournal::lockedFileWaitsAndLosesNothing()
{
    const QString path = m_dir.filePath(QStringLiteral("locked.sqlite"));
    Journal journal(path);
    QVERIFY(journal.open());
    journal.record(make(Kind::Connection, QStringLiteral("first")));
    journal.flush();
    {
        // Another process (here: another connection) holds the write lock.
        QSqlDatabase other = QSqlDatabase::addDatabase(QStringLiteral("QSQLITE"), QStringLiteral("other"));
        other.setDatabaseName(path);
        QVERIFY(other.open());
        QSqlQuery lock(other);
        QVERIFY(lock.exec(QStringLiteral("BEGIN EXCLUSIVE")));
        journal.record(make(Kind::Connection, QStringLiteral("second")));
        journal.flush(); // waits its 2 s, then keeps the line queued
        QVERIFY2(!journal.problem().isEmpty(), "a failed write is reported");
        QCOMPARE(journal.queued(), 1);
        QVERIFY(lock.exec(QStringLiteral("ROLLBACK")));
        lock.finish();
        other.close();
    }
    QSqlDatabase::removeDatabase(QStringLiteral("other"));
    journal.flush();
    QCOMPARE(journal.queued(), 0);
    QVERIFY(journal.problem().isEmpty());
    QCOMPARE(journal.read({}).size(), 2);
}

void TestJournal::writesBesideTheCallersThread()
{
    // A write that waits for the file (another process holds it) waits on the writer's thread: meanwhile the
    // caller's thread runs on, so that here the test itself can let the file go, and the write then succeeds.
    const QString path = m_dir.filePath(QStringLiteral("beside.sqlite"));
    Journal journal(path);
    QVERIFY(journal.open());
    QSignalSpy written(&journal, &Journal::written);
    {
        QSqlDatabase other = QSqlDatabase::addDatabase(QStringLiteral("QSQLITE"), QStringLiteral("beside"));
        other.setDatabaseName(path);
        QVERIFY(other.open());
        QSqlQuery lock(other);
        QVERIFY(lock.exec(QStringLiteral("BEGIN EXCLUSIVE")));
        for (int i = 0; i < 3000; ++i)
            journal.record(make(Kind::Sample, {}, {}, i));
        QTRY_VERIFY2_WITH_TIMEOUT(journal.isWriting(), "the batch went to the writer within its second",
                                  60000);
        QCOMPARE(journal.queued(), 3000); // being written: still counted
        QVERIFY(lock.exec(QStringLiteral("ROLLBACK")));
        lock.finish();
        other.close();
    }
    QSqlDatabase::removeDatabase(QStringLiteral("beside"));
    QVERIFY2(written.wait(60000), qPrintable(journal.problem())); // a nice-10 thread, under sanitizers
    QCOMPARE(written.first().first().toInt(), 3000);
    QVERIFY2(journal.problem().isEmpty(), qPrintable(journal.problem()));
    QVERIFY(!journal.isWriting());
    QCOMPARE(journal.queued(), 0);
    QCOMPARE(journal.read({}).size(), 3000);
}

void TestJournal::exportsCsvAndJson()
{
    JournalEntry a = make(Kind::Campaign, QStringLiteral("Say \"hi\", then: go"),
                          QDateTime(QDate(2026, 12, 4), QTime(14, 2, 11), Qt::UTC), 3);
    JournalEntry b = make(Kind::Sample, {}, QDateTime(QDate(2026, 12, 4), QTime(14, 3), Qt::UTC), 3);
    b.progress = 50;
    b.cracked = 7;
    const QByteArray csv = Journal::toCsv({a, b});
    const QList<QByteArray> lines = csv.split('\n');
    QCOMPARE(lines.at(0), QByteArray("time,kind,server,project,campaign,text,progress,cracked\r"));
    QCOMPARE(
        lines.at(1),
        QByteArray(
            "2026-12-04T14:02:11.000Z,campaign,https://cs.example,1,3,\"Say \"\"hi\"\", then: go\",,\r"));
    QCOMPARE(lines.at(2), QByteArray("2026-12-04T14:03:00.000Z,sample,https://cs.example,1,3,,50.00,7\r"));
    const QJsonArray json = QJsonDocument::fromJson(Journal::toJson({a, b})).array();
    QCOMPARE(json.size(), 2);
    QCOMPARE(json.at(1).toObject().value(QStringLiteral("cracked")).toInt(), 7);
    QCOMPARE(json.at(0).toObject().value(QStringLiteral("kind")).toString(), QStringLiteral("campaign"));
}

void TestJournal::recorderDownsamples()
{
    QDateTime now = QDateTime(QDate(2026, 12, 4), QTime(12, 0), Qt::UTC);
    Journal journal(m_dir.filePath(QStringLiteral("recorder.sqlite")), {}, [&now] { return now; });
    QVERIFY(journal.open());
    JournalRecorder recorder(&journal, [&now] { return now; });
    recorder.setContext(QStringLiteral("https://cs.example"), 1);
    recorder.connectionChanged(QStringLiteral("Live"));
    recorder.toast(QStringLiteral("Hash cracked by gpu-01: 5f4dcc3b..."));
    // Campaign 1 moves every second for 30 s; campaign 2 is active and still for 5 minutes.
    recorder.campaignSeen(1, QStringLiteral("moving"), QStringLiteral("active"), 0.0, 0);
    recorder.campaignSeen(2, QStringLiteral("still"), QStringLiteral("active"), 10.0, 5);
    for (int s = 1; s <= 300; ++s) {
        now = now.addSecs(1);
        if (s <= 30)
            recorder.campaignSeen(1, QStringLiteral("moving"), QStringLiteral("active"), s * 1.0, s / 10);
        recorder.tick();
    }
    recorder.campaignSeen(1, QStringLiteral("moving"), QStringLiteral("completed"), 100.0, 3);
    Journal::Query query;
    query.kinds = {Kind::Sample};
    query.campaignId = 1;
    query.newestFirst = false;
    const QList<JournalEntry> moving = journal.read(query);
    // The first sight, then one per 10 s while moving (the last held value written), then one a minute while
    // active and still; the move to 100 % within the 10 s of a minute's point is held.
    QVERIFY2(moving.size() >= 4 && moving.size() <= 10, qPrintable(QString::number(moving.size())));
    QVERIFY(std::any_of(moving.cbegin(), moving.cend(),
                        [](const JournalEntry &e) { return e.progress == std::optional<double>(30.0); }));
    query.campaignId = 2;
    const QList<JournalEntry> still = journal.read(query);
    QCOMPARE(still.size(), 1 + 5); // first sight, then one a minute for five minutes
    query = {};
    query.kinds = {Kind::Campaign};
    const QList<JournalEntry> states = journal.read(query);
    QCOMPARE(states.size(), 1);
    QCOMPARE(states.first().text, QStringLiteral("moving: active → completed"));
    query.kinds = {Kind::Toast, Kind::Connection};
    QCOMPARE(journal.read(query).size(), 2);

    // Not live (an outage, signed out): "nothing moved" is not known, so no minute's points.
    recorder.setLive(false);
    query = {};
    query.kinds = {Kind::Sample};
    query.campaignId = 2;
    const qsizetype before = journal.read(query).size();
    for (int s = 0; s < 300; ++s) {
        now = now.addSecs(1);
        recorder.tick();
    }
    QCOMPARE(journal.read(query).size(), before);
}

QTEST_GUILESS_MAIN(TestJournal)
#include "tst_Journal.moc"
