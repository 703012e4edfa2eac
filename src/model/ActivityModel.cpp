#include "ActivityModel.h"

namespace swarmwatch {

ActivityModel::ActivityModel(int capacity, QObject *parent)
    : QAbstractListModel(parent)
    , m_capacity(std::max(1, capacity))
{}

int ActivityModel::rowCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : static_cast<int>(m_entries.size());
}

QVariant ActivityModel::data(const QModelIndex &index, int role) const
{
    if (!checkIndex(index, CheckIndexOption::IndexIsValid | CheckIndexOption::ParentIsInvalid))
        return {};
    const Entry &e = m_entries.at(static_cast<size_t>(index.row()));
    const bool showSecret = e.revealed && !e.plaintext.isEmpty();
    switch (role) {
    case Qt::DisplayRole:
    case Qt::AccessibleTextRole: {
        const QString text = showSecret ? tr("%1 → %2").arg(e.text, e.plaintext) : e.text;
        return tr("%1  %2").arg(e.time.toLocalTime().toString(QStringLiteral("HH:mm:ss")), text);
    }
    case Qt::ToolTipRole:
        return tr("%1, %2").arg(kindName(e.kind),
                                e.time.toLocalTime().toString(QStringLiteral("yyyy-MM-dd HH:mm:ss")));
    case KindRole:
        return QVariant::fromValue(e.kind);
    case TimeRole:
        return e.time;
    case RevealedRole:
        return e.revealed;
    case CanRevealRole:
        return !e.plaintext.isEmpty();
    case PlaintextRole:
        return showSecret ? QVariant(e.plaintext) : QVariant();
    default:
        return {};
    }
}

bool ActivityModel::setData(const QModelIndex &index, const QVariant &value, int role)
{
    if (role != RevealedRole || !checkIndex(index, CheckIndexOption::IndexIsValid))
        return false;
    Entry &e = m_entries.at(static_cast<size_t>(index.row()));
    if (e.plaintext.isEmpty() || e.revealed == value.toBool())
        return false;
    e.revealed = value.toBool();
    Q_EMIT dataChanged(index, index, {Qt::DisplayRole, Qt::AccessibleTextRole, RevealedRole, PlaintextRole});
    return true;
}

Qt::ItemFlags ActivityModel::flags(const QModelIndex &index) const
{
    return index.isValid() ? Qt::ItemIsEnabled | Qt::ItemIsSelectable : Qt::NoItemFlags;
}

void ActivityModel::addToast(const Toast &toast)
{
    Entry e;
    e.kind = Kind::Crack;
    e.time = toast.timestamp.isValid() ? toast.timestamp : QDateTime::currentDateTimeUtc();
    e.text = toast.redacted;
    e.plaintext = toast.plaintext;
    prepend(std::move(e));
}

void ActivityModel::add(Kind kind, const QString &text, const QDateTime &time)
{
    Entry e;
    e.kind = kind;
    e.time = time;
    e.text = text;
    prepend(std::move(e));
}

void ActivityModel::prepend(Entry entry)
{
    if (static_cast<int>(m_entries.size()) >= m_capacity) {
        const int last = static_cast<int>(m_entries.size()) - 1;
        beginRemoveRows({}, last, last);
        m_entries.pop_back();
        endRemoveRows();
    }
    beginInsertRows({}, 0, 0);
    m_entries.push_front(std::move(entry));
    endInsertRows();
}

void ActivityModel::clear()
{
    beginResetModel();
    m_entries.clear();
    endResetModel();
}

QString ActivityModel::kindName(Kind kind)
{
    switch (kind) {
    case Kind::Crack:
        return tr("Crack");
    case Kind::Connection:
        return tr("Connection");
    case Kind::Error:
        return tr("Error");
    case Kind::Session:
        return tr("Session");
    }
    return {};
}

} // namespace swarmwatch
