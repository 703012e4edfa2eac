#pragma once

#include "Journal.h"

#include <QObject>
#include <QSqlDatabase>
#include <QSqlError>
#include <QString>

namespace swarmwatch {

// The journal's writing half: its own SQLite connection on a thread of its own (a Journal moves it there), so
// that a batch of thousands of lines, retention's deletes and WAL checkpoints never hold up the GUI thread.
// Every call runs on the writer's thread; the Journal hands batches over and takes results back.
class JournalWriter : public QObject
{
    Q_OBJECT

public:
    using Result = JournalWriteResult;

    JournalWriter(const QString &path, const QString &connection);
    ~JournalWriter() override;

    // Opens the file and makes its schema (WAL, tables, indexes).
    Result open();
    void close();
    // One transaction; a line that cannot be written (a constraint) is dropped, anything else fails the
    // batch.
    Result write(const QList<JournalEntry> &batch);
    // Removes what is older than the age limit, then the oldest lines until the file fits the size limit.
    void applyRetention(const JournalRetention &retention, const QDateTime &now);

    // Shared with the Journal's reading half: SQLite's own words for an error, and the bytes a file's lines
    // take (its pages less the free ones).
    static QString describe(const QSqlError &error);
    static qint64 fileBytes(const QSqlDatabase &db);

private:
    QString m_path;
    QString m_connection;
};

} // namespace swarmwatch
