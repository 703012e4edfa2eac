#pragma once

#include "Journal.h"

#include <QAbstractTableModel>
#include <QTimer>

namespace swarmwatch {

// What a query of the journal finds, as a table: time, kind, campaign, what happened. It reads again when the
// query changes and (at most every 2 s) when the journal wrote something, keeping to the newest `limit`
// lines.
class JournalTableModel : public QAbstractTableModel
{
    Q_OBJECT

public:
    enum Column { Time, Kind, Campaign, What, ColumnCount };
    Q_ENUM(Column)

    explicit JournalTableModel(Journal *journal, QObject *parent = nullptr);

    void setQuery(const JournalQuery &query);
    const JournalQuery &query() const { return m_query; }
    const QList<JournalEntry> &entries() const { return m_entries; }
    // Follow the journal's writes (off while nobody looks: no reads for a hidden view).
    void setFollowing(bool following);

    int rowCount(const QModelIndex &parent = {}) const override;
    int columnCount(const QModelIndex &parent = {}) const override;
    QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation orientation, int role = Qt::DisplayRole) const override;

    static QString describe(const JournalEntry &entry); // "What" in words
    static QString kindTitle(JournalEntry::Kind kind);  // "Connection", "Toast", ...

public Q_SLOTS:
    void reload();

private:
    Journal *m_journal;
    JournalQuery m_query;
    QList<JournalEntry> m_entries;
    QTimer m_reloadSoon;
    bool m_following = true;
};

} // namespace swarmwatch
