#include "Journal.h"

#include "JournalWriter.h"
#include "ModelLogging.h"

#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QMutexLocker>
#include <QSqlDatabase>
#include <QSqlError>
#include <QSqlQuery>
#include <QStandardPaths>
#include <QVariant>

#include <atomic>

namespace swarmwatch {

namespace {

constexpr int kFlushMs = 1000;
constexpr int kRetentionMs = 3600 * 1000;
constexpr int kMaxQueue = 100'000; // without a file, or while writes fail: the newest are kept

QString describe(const QSqlError &error)
{
    return JournalWriter::describe(error);
}

QString csvField(const QString &text)
{
    if (!text.contains(QLatin1Char(',')) && !text.contains(QLatin1Char('"'))
        && !text.contains(QLatin1Char('\n')) && !text.contains(QLatin1Char('\r')))
        return text;
    QString quoted = text;
    quoted.replace(QLatin1Char('"'), QStringLiteral("\"\""));
    return QLatin1Char('"') + quoted + QLatin1Char('"');
}

} // namespace

QString JournalEntry::kindName(Kind kind)
{
    switch (kind) {
    case Kind::Connection:
        return QStringLiteral("connection");
    case Kind::Toast:
        return QStringLiteral("toast");
    case Kind::Campaign:
        return QStringLiteral("campaign");
    case Kind::Sample:
        return QStringLiteral("sample");
    }
    return {};
}

std::optional<JournalEntry::Kind> JournalEntry::kindFromName(const QString &name)
{
    for (const Kind kind : {Kind::Connection, Kind::Toast, Kind::Campaign, Kind::Sample}) {
        if (kindName(kind) == name)
            return kind;
    }
    return std::nullopt;
}

Journal::Journal(const QString &path, Retention retention, Clock clock, QObject *parent)
    : QObject(parent)
    , m_path(path)
    , m_retention(retention)
    , m_clock(clock ? std::move(clock) : [] { return QDateTime::currentDateTimeUtc(); })
{
    static std::atomic<int> counter{0};
    m_connection = QStringLiteral("swarmwatch-journal-%1").arg(counter++);
    m_writerThread.setObjectName(QStringLiteral("journal writer"));
    m_flushTimer.setInterval(kFlushMs);
    m_flushTimer.setSingleShot(true);
    connect(&m_flushTimer, &QTimer::timeout, this, &Journal::writeInBackground);
    m_retentionTimer.setInterval(kRetentionMs);
    connect(&m_retentionTimer, &QTimer::timeout, this, &Journal::applyRetentionInBackground);
}

Journal::~Journal()
{
    flush();
    closeDatabase();
    m_writerThread.quit();
    m_writerThread.wait();
}

void Journal::onWriter(const std::function<void()> &work)
{
    QMetaObject::invokeMethod(m_writer.get(), work, Qt::BlockingQueuedConnection);
}

QString Journal::defaultPath()
{
    const QString data = QStandardPaths::writableLocation(QStandardPaths::GenericDataLocation);
    return QDir(data).filePath(QStringLiteral("swarmwatch/journal.sqlite"));
}

void Journal::closeDatabase()
{
    if (m_writer) {
        waitForBackgroundWrite();
        onWriter([this] { m_writer->close(); });
        m_writer.reset(); // its thread is idle: nothing of it runs now
    }
    if (QSqlDatabase::contains(m_connection)) {
        {
            QSqlDatabase db = QSqlDatabase::database(m_connection, false);
            db.close();
        }
        QSqlDatabase::removeDatabase(m_connection);
    }
    m_open = false;
}

bool Journal::open()
{
    return openDatabase(false);
}

bool Journal::openReadOnly()
{
    if (!QFileInfo::exists(m_path)) {
        setProblem(tr("There is no journal at %1 yet: SwarmWatch writes it while it runs.").arg(m_path));
        return false;
    }
    return openDatabase(true);
}

bool Journal::openDatabase(bool readOnly)
{
    closeDatabase();
    m_readOnly = readOnly;
    if (!readOnly) {
        if (!QDir().mkpath(QFileInfo(m_path).absolutePath())) {
            setProblem(tr("The journal's folder %1 cannot be made: not recording.")
                           .arg(QFileInfo(m_path).absolutePath()));
            return false;
        }
        // The writing half first: it makes the schema (and so finds a damaged file).
        if (!m_writerThread.isRunning())
            m_writerThread.start(QThread::LowPriority);
        m_writer = std::make_unique<JournalWriter>(m_path, m_connection + QStringLiteral("-writer"));
        m_writer->moveToThread(&m_writerThread);
        JournalWriteResult opened;
        onWriter([this, &opened] { opened = m_writer->open(); });
        if (opened.damaged) {
            if (!setAside(tr("it is damaged")))
                return false;
            return openDatabase(false); // a new file: its schema cannot be damaged
        }
        if (!opened.ok) {
            setProblem(tr("The journal %1 cannot be written (%2): not recording.").arg(m_path, opened.error));
            closeDatabase();
            return false;
        }
    }
    {
        // The reading half, on the owner's thread: in WAL mode reading never waits for the writer.
        QSqlDatabase db = QSqlDatabase::addDatabase(QStringLiteral("QSQLITE"), m_connection);
        db.setDatabaseName(m_path);
        db.setConnectOptions(readOnly ? QStringLiteral("QSQLITE_OPEN_READONLY;QSQLITE_BUSY_TIMEOUT=2000")
                                      : QStringLiteral("QSQLITE_BUSY_TIMEOUT=2000"));
        if (!db.open()) {
            setProblem(tr("The journal %1 cannot be opened (%2): not recording.")
                           .arg(m_path, describe(db.lastError())));
            closeDatabase();
            return false;
        }
    }
    m_open = true;
    if (readOnly) {
        QSqlQuery check(QSqlDatabase::database(m_connection));
        if (!check.exec(QStringLiteral("SELECT count(*) FROM events LIMIT 1"))) {
            setProblem(tr("The journal %1 cannot be read (%2).").arg(m_path, describe(check.lastError())));
            closeDatabase();
            return false;
        }
        return true;
    }
    m_retentionTimer.start();
    applyRetentionInBackground(); // once now
    if (!m_queue.isEmpty())
        m_flushTimer.start();
    return true;
}

bool Journal::setAside(const QString &why)
{
    closeDatabase();
    const QString aside = m_path + QStringLiteral(".damaged-")
                          + m_clock().toLocalTime().toString(QStringLiteral("yyyyMMdd-HHmmss"));
    if (QFileInfo::exists(m_path) && !QFile::rename(m_path, aside)) {
        // It cannot even be moved: run without a journal rather than open the same damaged file again.
        setProblem(
            tr("The journal %1 is damaged (%2) and cannot be set aside: not recording.").arg(m_path, why));
        return false;
    }
    QFile::remove(m_path + QStringLiteral("-wal"));
    QFile::remove(m_path + QStringLiteral("-shm"));
    setProblem(tr("The journal %1 was set aside as %2 (%3); a new one was started.").arg(m_path, aside, why));
    return true;
}

void Journal::setProblem(const QString &problem)
{
    // Said where it is shown (the window, the CLI's one line); the log has it once, quietly.
    qCInfo(lcModel).noquote() << "journal:" << problem;
    m_problem = problem;
    Q_EMIT problemChanged(problem);
}

void Journal::record(JournalEntry entry)
{
    if (!entry.at.isValid())
        entry.at = m_clock();
    m_queue.append(std::move(entry));
    // The batch being written counts against the limit too: a stalled write must not double what is held.
    const qsizetype room = std::max<qsizetype>(0, kMaxQueue - m_inFlight.size());
    if (m_queue.size() > room)
        m_queue.remove(0, m_queue.size() - room);
    if (m_open && !m_readOnly && !m_flushTimer.isActive())
        m_flushTimer.start();
}

void Journal::flush()
{
    m_flushTimer.stop();
    waitForBackgroundWrite();
    if (!m_open || m_readOnly || m_queue.isEmpty())
        return;
    QList<JournalEntry> batch = std::exchange(m_queue, {});
    JournalWriteResult result;
    onWriter([this, &batch, &result] { result = m_writer->write(batch); });
    writeFinished(result, std::move(batch));
}

void Journal::writeInBackground()
{
    if (!m_open || m_readOnly || m_queue.isEmpty() || isWriting())
        return;
    m_inFlight = std::exchange(m_queue, {});
    QMetaObject::invokeMethod(
        m_writer.get(),
        [this, writer = m_writer.get(), batch = m_inFlight] {
            // This Journal outlives the call: whatever closes the writer waits for the batch first.
            const JournalWriteResult result = writer->write(batch);
            {
                const QMutexLocker locked(&m_outcomeLock);
                m_outcome = result;
            }
            QMetaObject::invokeMethod(this, &Journal::collectBackgroundWrite, Qt::QueuedConnection);
        },
        Qt::QueuedConnection);
}

void Journal::collectBackgroundWrite()
{
    std::optional<JournalWriteResult> outcome;
    {
        const QMutexLocker locked(&m_outcomeLock);
        outcome = std::exchange(m_outcome, std::nullopt);
    }
    if (!outcome)
        return; // taken already, by a wait
    writeFinished(*outcome, std::exchange(m_inFlight, {}));
}

void Journal::waitForBackgroundWrite()
{
    if (!isWriting())
        return;
    onWriter([] {}); // the writer's calls run in order: the batch's is done when this one is
    collectBackgroundWrite();
}

void Journal::writeFinished(const JournalWriteResult &result, QList<JournalEntry> batch)
{
    if (result.ok) {
        if (!m_problem.isEmpty() && !m_problem.contains(QLatin1String("set aside")))
            setProblem({}); // writing works again
        if (!m_queue.isEmpty() && !m_flushTimer.isActive())
            m_flushTimer.start();
        Q_EMIT written(result.written);
        return;
    }
    // Not written: back at the head of the queue, in their order (the newest kept when it is full).
    batch.append(m_queue);
    m_queue = std::move(batch);
    if (m_queue.size() > kMaxQueue)
        m_queue.remove(0, m_queue.size() - kMaxQueue);
    if (result.damaged) {
        if (setAside(tr("it was damaged while SwarmWatch wrote to it")))
            openDatabase(false); // the queue is kept and written to the new file
        return;
    }
    setProblem(tr("The journal %1 cannot be written (%2); retrying.").arg(m_path, result.error));
    m_flushTimer.start();
}

QList<JournalEntry> Journal::read(const Query &query)
{
    flush();
    return readWritten(query);
}

QList<JournalEntry> Journal::readWritten(const Query &query)
{
    QList<JournalEntry> entries;
    if (!m_open)
        return entries;
    QStringList where;
    QVariantList values;
    if (query.since.isValid()) {
        where << QStringLiteral("at >= ?");
        values << query.since.toMSecsSinceEpoch();
    }
    if (query.until.isValid()) {
        where << QStringLiteral("at <= ?");
        values << query.until.toMSecsSinceEpoch();
    }
    if (!query.kinds.isEmpty()) {
        QStringList marks;
        for (const JournalEntry::Kind kind : query.kinds) {
            marks << QStringLiteral("?");
            values << JournalEntry::kindName(kind);
        }
        where << QStringLiteral("kind IN (%1)").arg(marks.join(QLatin1Char(',')));
    }
    if (query.campaignId) {
        where << QStringLiteral("campaign = ?");
        values << *query.campaignId;
    }
    if (!query.search.isEmpty()) {
        // instr on lower(): no LIKE wildcards to escape in what the user typed.
        where << QStringLiteral("instr(lower(text), ?) > 0");
        values << query.search.toLower();
    }
    QString sql =
        QStringLiteral("SELECT id, at, kind, server, project, campaign, text, progress, cracked FROM events");
    if (!where.isEmpty())
        sql += QStringLiteral(" WHERE ") + where.join(QStringLiteral(" AND "));
    sql +=
        query.newestFirst ? QStringLiteral(" ORDER BY at DESC, id DESC") : QStringLiteral(" ORDER BY at, id");
    sql += QStringLiteral(" LIMIT %1").arg(std::max(0, query.limit));
    QSqlQuery select(QSqlDatabase::database(m_connection));
    select.setForwardOnly(true);
    select.prepare(sql);
    for (const QVariant &value : std::as_const(values))
        select.addBindValue(value);
    if (!select.exec()) {
        setProblem(tr("The journal %1 cannot be read (%2).").arg(m_path, describe(select.lastError())));
        return entries;
    }
    while (select.next()) {
        JournalEntry entry;
        entry.id = select.value(0).toLongLong();
        entry.at = QDateTime::fromMSecsSinceEpoch(select.value(1).toLongLong(), Qt::UTC);
        entry.kind =
            JournalEntry::kindFromName(select.value(2).toString()).value_or(JournalEntry::Kind::Connection);
        entry.server = select.value(3).toString();
        if (!select.isNull(4))
            entry.projectId = select.value(4).toLongLong();
        if (!select.isNull(5))
            entry.campaignId = select.value(5).toLongLong();
        entry.text = select.value(6).toString();
        if (!select.isNull(7))
            entry.progress = select.value(7).toDouble();
        if (!select.isNull(8))
            entry.cracked = select.value(8).toLongLong();
        entries.append(entry);
    }
    return entries;
}

qint64 Journal::fileBytes() const
{
    return m_open ? JournalWriter::fileBytes(QSqlDatabase::database(m_connection)) : 0;
}

void Journal::applyRetentionInBackground()
{
    // Beside the writes: a large file's deletes and checkpoint must not hold up the GUI.
    if (!m_writer)
        return;
    QMetaObject::invokeMethod(
        m_writer.get(),
        [writer = m_writer.get(), retention = m_retention, now = m_clock()] {
            writer->applyRetention(retention, now);
        },
        Qt::QueuedConnection);
}

void Journal::applyRetention()
{
    if (!m_open || m_readOnly)
        return;
    flush();
    onWriter([this, now = m_clock()] { m_writer->applyRetention(m_retention, now); });
}

QByteArray Journal::toCsv(const QList<JournalEntry> &entries)
{
    QString csv = QStringLiteral("time,kind,server,project,campaign,text,progress,cracked\r\n");
    for (const JournalEntry &entry : entries) {
        csv += entry.at.toString(Qt::ISODateWithMs) + QLatin1Char(',') + JournalEntry::kindName(entry.kind)
               + QLatin1Char(',') + csvField(entry.server) + QLatin1Char(',')
               + (entry.projectId ? QString::number(*entry.projectId) : QString()) + QLatin1Char(',')
               + (entry.campaignId ? QString::number(*entry.campaignId) : QString()) + QLatin1Char(',')
               + csvField(entry.text) + QLatin1Char(',')
               + (entry.progress ? QString::number(*entry.progress, 'f', 2) : QString()) + QLatin1Char(',')
               + (entry.cracked ? QString::number(*entry.cracked) : QString()) + QStringLiteral("\r\n");
    }
    return csv.toUtf8();
}

QByteArray Journal::toJson(const QList<JournalEntry> &entries)
{
    QJsonArray array;
    for (const JournalEntry &entry : entries) {
        QJsonObject object{{QStringLiteral("time"), entry.at.toString(Qt::ISODateWithMs)},
                           {QStringLiteral("kind"), JournalEntry::kindName(entry.kind)},
                           {QStringLiteral("server"), entry.server},
                           {QStringLiteral("text"), entry.text}};
        if (entry.projectId)
            object.insert(QStringLiteral("project"), *entry.projectId);
        if (entry.campaignId)
            object.insert(QStringLiteral("campaign"), *entry.campaignId);
        if (entry.progress)
            object.insert(QStringLiteral("progress"), *entry.progress);
        if (entry.cracked)
            object.insert(QStringLiteral("cracked"), *entry.cracked);
        array.append(object);
    }
    return QJsonDocument(array).toJson(QJsonDocument::Indented);
}

} // namespace swarmwatch
