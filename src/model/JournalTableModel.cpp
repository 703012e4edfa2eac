#include "JournalTableModel.h"

#include <QLocale>

namespace swarmwatch {

namespace {
constexpr int kFollowMs = 2000;
} // namespace

JournalTableModel::JournalTableModel(Journal *journal, QObject *parent)
    : QAbstractTableModel(parent)
    , m_journal(journal)
{
    m_query.limit = 5000;
    m_reloadSoon.setSingleShot(true);
    m_reloadSoon.setInterval(kFollowMs);
    connect(&m_reloadSoon, &QTimer::timeout, this, &JournalTableModel::reload);
    connect(journal, &Journal::written, this, [this] {
        if (m_following && !m_reloadSoon.isActive())
            m_reloadSoon.start();
    });
}

void JournalTableModel::setQuery(const JournalQuery &query)
{
    m_query = query;
    reload();
}

void JournalTableModel::setFollowing(bool following)
{
    m_following = following;
    if (following)
        reload();
}

void JournalTableModel::reload()
{
    m_reloadSoon.stop();
    beginResetModel();
    m_entries = m_journal->readWritten(m_query);
    endResetModel();
}

int JournalTableModel::rowCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : int(m_entries.size());
}

int JournalTableModel::columnCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : ColumnCount;
}

QString JournalTableModel::kindTitle(JournalEntry::Kind kind)
{
    switch (kind) {
    case JournalEntry::Kind::Connection:
        return tr("Connection");
    case JournalEntry::Kind::Toast:
        return tr("Toast");
    case JournalEntry::Kind::Campaign:
        return tr("Campaign");
    case JournalEntry::Kind::Sample:
        return tr("Progress");
    }
    return {};
}

QString JournalTableModel::describe(const JournalEntry &entry)
{
    if (entry.kind != JournalEntry::Kind::Sample)
        return entry.text;
    const QString progress =
        entry.progress ? QLocale().toString(*entry.progress, 'f', 1) + QStringLiteral(" %") : tr("unknown");
    const QString cracked = entry.cracked ? QLocale().toString(*entry.cracked) : tr("unknown");
    return entry.text.isEmpty() ? tr("Progress %1, %2 cracked").arg(progress, cracked)
                                : tr("%1: progress %2, %3 cracked").arg(entry.text, progress, cracked);
}

QVariant JournalTableModel::data(const QModelIndex &index, int role) const
{
    if (!checkIndex(index, CheckIndexOption::IndexIsValid | CheckIndexOption::ParentIsInvalid))
        return {};
    const JournalEntry &entry = m_entries.at(index.row());
    if (role == Qt::DisplayRole || role == Qt::AccessibleTextRole) {
        switch (index.column()) {
        case Time:
            return QLocale().toString(entry.at.toLocalTime(), QStringLiteral("yyyy-MM-dd HH:mm:ss"));
        case Kind:
            return kindTitle(entry.kind);
        case Campaign:
            return entry.campaignId ? QVariant(*entry.campaignId) : QVariant();
        case What:
            return describe(entry);
        default:
            return {};
        }
    }
    if (role == Qt::ToolTipRole && index.column() == Time)
        return QLocale().toString(entry.at.toLocalTime(), QLocale::LongFormat);
    if (role == Qt::ToolTipRole && index.column() == What)
        return entry.server;
    return {};
}

QVariant JournalTableModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation != Qt::Horizontal || role != Qt::DisplayRole)
        return {};
    switch (section) {
    case Time:
        return tr("Time");
    case Kind:
        return tr("Kind");
    case Campaign:
        return tr("Campaign");
    case What:
        return tr("What happened");
    default:
        return {};
    }
}

} // namespace swarmwatch
