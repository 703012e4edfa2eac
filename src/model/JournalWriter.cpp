#include "JournalWriter.h"

#include "ModelLogging.h"

#include <QSqlDatabase>
#include <QSqlQuery>
#include <QVariant>

#ifdef Q_OS_LINUX
#include <sys/resource.h>
#endif

namespace swarmwatch {

namespace {

constexpr int kSchemaVersion = 1;

bool isDamaged(const QSqlError &error)
{
    const QString code = error.nativeErrorCode();
    return code == QLatin1String("11") || code == QLatin1String("26"); // SQLITE_CORRUPT, SQLITE_NOTADB
}

// Errors of one line (a constraint, a type, a size): that line goes, the rest must not wait for it.
bool isLineError(const QSqlError &error)
{
    const QString code = error.nativeErrorCode();
    return code == QLatin1String("18") || code == QLatin1String("19") || code == QLatin1String("20");
}

QVariant optional(const std::optional<qint64> &value)
{
    return value ? QVariant(*value) : QVariant(QMetaType::fromType<qint64>());
}

QVariant optional(const std::optional<double> &value)
{
    return value ? QVariant(*value) : QVariant(QMetaType::fromType<double>());
}

JournalWriter::Result failure(const QSqlError &error)
{
    JournalWriter::Result result;
    result.ok = false;
    result.damaged = isDamaged(error);
    result.error = JournalWriter::describe(error);
    return result;
}

} // namespace

JournalWriter::JournalWriter(const QString &path, const QString &connection)
    : m_path(path)
    , m_connection(connection)
{}

JournalWriter::~JournalWriter() = default;

QString JournalWriter::describe(const QSqlError &error)
{
    // SQLite's own words ("file is not a database"), without Qt's "Unable to execute statement".
    return error.databaseText().isEmpty() ? error.text() : error.databaseText();
}

JournalWriter::Result JournalWriter::open()
{
#ifdef Q_OS_LINUX
    // Behind the GUI for a core: the history can wait a few ms, a frame cannot. (QThread's priorities do
    // nothing under Linux's default scheduler; a nice value is per thread there.)
    setpriority(PRIO_PROCESS, 0, 10);
#endif
    close();
    QSqlDatabase db = QSqlDatabase::addDatabase(QStringLiteral("QSQLITE"), m_connection);
    db.setDatabaseName(m_path);
    // A writer holding the file briefly (another SwarmWatch, a checkpoint) is waited for, within bounds.
    db.setConnectOptions(QStringLiteral("QSQLITE_BUSY_TIMEOUT=2000"));
    if (!db.open())
        return failure(db.lastError());
    QSqlQuery query(db);
    const QStringList statements{
        // Before any table: a file that can give space back after retention deletes.
        QStringLiteral("PRAGMA auto_vacuum = INCREMENTAL"),
        QStringLiteral("PRAGMA journal_mode = WAL"),
        QStringLiteral("PRAGMA synchronous = NORMAL"),
        QStringLiteral("CREATE TABLE IF NOT EXISTS events ("
                       " id INTEGER PRIMARY KEY,"
                       " at INTEGER NOT NULL,"
                       " kind TEXT NOT NULL,"
                       " server TEXT NOT NULL DEFAULT '',"
                       " project INTEGER,"
                       " campaign INTEGER,"
                       " text TEXT NOT NULL DEFAULT '',"
                       " progress REAL,"
                       " cracked INTEGER)"),
        QStringLiteral("CREATE INDEX IF NOT EXISTS events_at ON events(at)"),
        QStringLiteral("CREATE INDEX IF NOT EXISTS events_campaign_at ON events(campaign, at)"),
        QStringLiteral("PRAGMA user_version = %1").arg(kSchemaVersion),
    };
    for (const QString &statement : statements) {
        if (!query.exec(statement))
            return failure(query.lastError());
    }
    return {};
}

void JournalWriter::close()
{
    if (!QSqlDatabase::contains(m_connection))
        return;
    {
        QSqlDatabase db = QSqlDatabase::database(m_connection, false);
        db.close();
    }
    QSqlDatabase::removeDatabase(m_connection);
}

JournalWriter::Result JournalWriter::write(const QList<JournalEntry> &batch)
{
    QSqlDatabase db = QSqlDatabase::database(m_connection, false);
    if (!db.isOpen() || !db.transaction())
        return failure(db.lastError());
    QSqlQuery insert(db);
    insert.prepare(
        QStringLiteral("INSERT INTO events (at, kind, server, project, campaign, text, progress, cracked)"
                       " VALUES (?, ?, ?, ?, ?, ?, ?, ?)"));
    Result result;
    for (const JournalEntry &entry : batch) {
        insert.addBindValue(entry.at.toMSecsSinceEpoch());
        insert.addBindValue(JournalEntry::kindName(entry.kind));
        insert.addBindValue(entry.server.isNull() ? QStringLiteral("") : entry.server); // "" is not NULL
        insert.addBindValue(optional(entry.projectId));
        insert.addBindValue(optional(entry.campaignId));
        insert.addBindValue(entry.text.isNull() ? QStringLiteral("") : entry.text);
        insert.addBindValue(optional(entry.progress));
        insert.addBindValue(optional(entry.cracked));
        if (insert.exec()) {
            ++result.written;
            continue;
        }
        const QSqlError error = insert.lastError();
        if (isLineError(error)) {
            // This line cannot be written (a constraint, say): it goes, the rest must not wait for it.
            qCWarning(lcModel).noquote() << "journal: a line was dropped:" << error.text();
            continue;
        }
        insert.finish();
        db.rollback();
        return failure(error);
    }
    insert.finish();
    if (!db.commit()) {
        const Result failed = failure(db.lastError());
        db.rollback();
        return failed;
    }
    return result;
}

qint64 JournalWriter::fileBytes(const QSqlDatabase &db)
{
    QSqlQuery query(db);
    qint64 pages = 0, pageSize = 0, freePages = 0;
    if (query.exec(QStringLiteral("PRAGMA page_count")) && query.next())
        pages = query.value(0).toLongLong();
    if (query.exec(QStringLiteral("PRAGMA page_size")) && query.next())
        pageSize = query.value(0).toLongLong();
    if (query.exec(QStringLiteral("PRAGMA freelist_count")) && query.next())
        freePages = query.value(0).toLongLong();
    return (pages - freePages) * pageSize;
}

void JournalWriter::applyRetention(const JournalRetention &retention, const QDateTime &now)
{
    QSqlDatabase db = QSqlDatabase::database(m_connection, false);
    if (!db.isOpen())
        return;
    QSqlQuery query(db);
    query.prepare(QStringLiteral("DELETE FROM events WHERE at < ?"));
    query.addBindValue(now.addDays(-retention.maxAgeDays).toMSecsSinceEpoch());
    if (!query.exec())
        qCWarning(lcModel).noquote() << "journal: retention by age failed:" << describe(query.lastError());
    // By size: the oldest tenth at a time, until it fits.
    for (int round = 0; round < 20 && fileBytes(db) > retention.maxBytes; ++round) {
        if (!query.exec(
                QStringLiteral("DELETE FROM events WHERE id IN (SELECT id FROM events ORDER BY at, id LIMIT "
                               "max(1, (SELECT count(*) FROM events) / 10))")))
            break;
    }
    query.exec(QStringLiteral("PRAGMA incremental_vacuum"));
    query.exec(QStringLiteral("PRAGMA wal_checkpoint(TRUNCATE)"));
}

} // namespace swarmwatch
