#pragma once

#include <QDateTime>
#include <QList>
#include <QMutex>
#include <QObject>
#include <QSet>
#include <QString>
#include <QThread>
#include <QTimer>

#include <functional>
#include <memory>
#include <optional>

namespace swarmwatch {

// One line of the journal.
struct JournalEntry {
    enum class Kind {
        Connection, // the connection's state changed (signed in, live, reconnecting, expired, ...)
        Toast,      // a toast, redacted as shown (never a plaintext)
        Campaign,   // a campaign's state changed
        Sample,     // a campaign's progress and cracks at a moment
    };
    qint64 id = 0;
    QDateTime at; // UTC
    Kind kind = Kind::Connection;
    QString server;
    std::optional<qint64> projectId;
    std::optional<qint64> campaignId;
    QString text;
    std::optional<double> progress;
    std::optional<qint64> cracked;

    static QString kindName(Kind kind); // "connection", "toast", "campaign", "sample"
    static std::optional<Kind> kindFromName(const QString &name);
};

struct JournalRetention {
    qint64 maxAgeDays = 30;
    qint64 maxBytes = 50LL * 1024 * 1024;
};
struct JournalQuery {
    QDateTime since;                // invalid: from the start
    QDateTime until;                // invalid: up to now
    QSet<JournalEntry::Kind> kinds; // empty: all
    std::optional<qint64> campaignId;
    QString search; // in the text, case-insensitive
    int limit = 10000;
    bool newestFirst = true;
};

class JournalWriter;

// What a write (or the opening) of the journal's file came to.
struct JournalWriteResult {
    bool ok = true;
    bool damaged = false; // the file is not a database (any more): it is set aside
    int written = 0;
    QString error; // SQLite's words
};

// A local history an operator can search and export: SQLite through Qt SQL, in the user's data directory,
// shared by swarmwatch (which writes) and swarmwatch-cli (which reads). Writes are queued and go in one
// transaction a second on a thread of their own (a JournalWriter with its own connection), so the GUI thread
// never waits for the disk; WAL, so that a crash loses at most the queue and a reader never blocks the
// writer. Old lines go by age and by size. A damaged file is set aside (renamed) and a new one started; a
// locked or unwritable one is reported and the journal runs without a file. Nothing here is fatal: problem()
// says what went wrong, in words.
class Journal : public QObject
{
    Q_OBJECT

public:
    using Retention = JournalRetention;
    using Query = JournalQuery;
    using Clock = std::function<QDateTime()>;

    explicit Journal(const QString &path, Retention retention = {}, Clock clock = {},
                     QObject *parent = nullptr);
    ~Journal() override;

    // $XDG_DATA_HOME/swarmwatch/journal.sqlite (the GUI's and the CLI's).
    static QString defaultPath();

    // Opens (or creates) the file; false when the journal runs without one (problem() says why).
    bool open();
    // Opens an existing file for reading only (the CLI); false when there is none or it cannot be read.
    bool openReadOnly();
    bool isOpen() const { return m_open; }
    QString path() const { return m_path; }
    QString problem() const { return m_problem; }

    void setRetention(Retention retention) { m_retention = retention; }
    void record(JournalEntry entry);
    // Writes the queue now and waits for it (each second it goes by itself, without waiting; and on
    // destruction).
    void flush();
    // What was recorded up to now is in what is read (it waits for the writer).
    QList<JournalEntry> read(const Query &query);
    // What is in the file now, without waiting for the writer: for a view that reloads on written(), which
    // says the lines are committed (WAL: reading never waits for the writer). The GUI must not wait for a
    // thread it has put behind itself.
    QList<JournalEntry> readWritten(const Query &query);
    // Removes what is older than the age limit, then the oldest lines until the file fits the size limit;
    // waits for it (each hour it runs by itself, without waiting).
    void applyRetention();
    qint64 fileBytes() const;
    // Lines recorded and not yet written (a batch being written counts).
    int queued() const { return int(m_queue.size() + m_inFlight.size()); }
    // Whether a batch is being written on the writer's thread now.
    bool isWriting() const { return !m_inFlight.isEmpty(); }

    static QByteArray toCsv(const QList<JournalEntry> &entries);
    static QByteArray toJson(const QList<JournalEntry> &entries);

Q_SIGNALS:
    void problemChanged(const QString &problem);
    void written(int count);

private:
    bool openDatabase(bool readOnly);
    void setProblem(const QString &problem);
    bool setAside(const QString &why); // false when the file cannot be moved
    void closeDatabase();
    // Runs `work` on the writer's thread and waits for it.
    void onWriter(const std::function<void()> &work);
    // The timer's write: the queue goes to the writer, the result comes back later.
    void writeInBackground();
    void collectBackgroundWrite();     // takes a finished background write's result, if there is one
    void waitForBackgroundWrite();     // until no batch is being written
    void applyRetentionInBackground(); // each hour, and at opening
    void writeFinished(const JournalWriteResult &result, QList<JournalEntry> batch);

    QString m_path;
    QString m_connection; // QSqlDatabase connection name (the reading half's), unique per Journal
    Retention m_retention;
    Clock m_clock;
    bool m_open = false;
    bool m_readOnly = false;
    QString m_problem;
    QList<JournalEntry> m_queue;
    QList<JournalEntry> m_inFlight; // the batch the writer has (never empty while it has one)
    QMutex m_outcomeLock;           // the writer's thread leaves a background write's outcome here
    std::optional<JournalWriteResult> m_outcome;
    QThread m_writerThread;
    std::unique_ptr<JournalWriter> m_writer;
    QTimer m_flushTimer;
    QTimer m_retentionTimer;
};

} // namespace swarmwatch
