#include "AgentModel.h"

#include <QLocale>

namespace swarmwatch {

AgentModel::AgentModel(QObject *parent)
    : QAbstractTableModel(parent)
{}

int AgentModel::rowCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : static_cast<int>(m_rows.size());
}

int AgentModel::columnCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : ColumnCount;
}

bool AgentModel::isOnline(const Agent &agent, const QDateTime &now)
{
    return agent.lastSeenAt && agent.lastSeenAt->secsTo(now) <= kOnlineWindowSeconds;
}

QString AgentModel::formatSpeed(double hashesPerSecond)
{
    static const char *const units[] = {"H/s", "kH/s", "MH/s", "GH/s", "TH/s", "PH/s"};
    int unit = 0;
    while (hashesPerSecond >= 1000 && unit < 5) {
        hashesPerSecond /= 1000;
        ++unit;
    }
    return QStringLiteral("%1 %2")
        .arg(hashesPerSecond, 0, 'f', unit == 0 ? 0 : 1)
        .arg(QLatin1String(units[unit]));
}

QVariant AgentModel::display(int at, int column) const
{
    const AgentRow &row = m_rows.at(at);
    const Agent &a = row.agent;
    switch (column) {
    case Name:
        return a.displayName();
    case State:
        return a.state;
    case Online:
        return m_online.at(at) ? tr("online") : tr("offline");
    case Enabled:
        return a.enabled ? tr("yes") : tr("no");
    case Devices:
        return a.devices.join(QStringLiteral(", "));
    case OperatingSystem:
        return a.operatingSystem;
    case LastSeen:
        return a.lastSeenAt ? QLocale().toString(a.lastSeenAt->toLocalTime(), QLocale::ShortFormat)
                            : tr("never");
    case LatestError:
        return row.latestError ? QVariant(*row.latestError) : QVariant();
    case Speed:
        return row.currentSpeed ? QVariant(formatSpeed(*row.currentSpeed)) : QVariant();
    default:
        return {};
    }
}

QVariant AgentModel::data(const QModelIndex &index, int role) const
{
    if (!checkIndex(index, CheckIndexOption::IndexIsValid | CheckIndexOption::ParentIsInvalid))
        return {};
    const AgentRow &row = m_rows.at(index.row());
    switch (role) {
    case Qt::DisplayRole:
        return display(index.row(), index.column());
    case IdRole:
        return row.agent.id;
    case OnlineRole:
        return m_online.at(index.row());
    case SortRole:
        if (index.column() == Speed)
            return row.currentSpeed.value_or(-1.0);
        if (index.column() == LastSeen)
            return row.agent.lastSeenAt.value_or(QDateTime());
        return display(index.row(), index.column());
    default:
        return {};
    }
}

QVariant AgentModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation != Qt::Horizontal || role != Qt::DisplayRole)
        return {};
    switch (section) {
    case Name:
        return tr("Agent");
    case State:
        return tr("State");
    case Online:
        return tr("Online");
    case Enabled:
        return tr("Enabled");
    case Devices:
        return tr("Devices");
    case OperatingSystem:
        return tr("OS");
    case LastSeen:
        return tr("Last seen");
    case LatestError:
        return tr("Latest error");
    case Speed:
        return tr("Speed");
    default:
        return {};
    }
}

void AgentModel::upsert(const AgentRow &row)
{
    const QDateTime now = QDateTime::currentDateTimeUtc();
    const auto it = m_rowById.constFind(row.agent.id);
    if (it == m_rowById.cend()) {
        const int at = static_cast<int>(m_rows.size());
        beginInsertRows({}, at, at);
        m_rows.append(row);
        m_online.append(isOnline(row.agent, now));
        m_rowById.insert(row.agent.id, at);
        endInsertRows();
        return;
    }
    const int at = *it;
    if (m_rows.at(at) == row)
        return;
    QList<QVariant> before;
    for (int column = 0; column < ColumnCount; ++column)
        before.append(display(at, column));
    m_rows[at] = row;
    m_online[at] = isOnline(row.agent, now);
    int first = -1;
    for (int column = 0; column <= ColumnCount; ++column) {
        const bool changed = column < ColumnCount && before.at(column) != display(at, column);
        if (changed && first < 0)
            first = column;
        if (!changed && first >= 0) {
            Q_EMIT dataChanged(index(at, first), index(at, column - 1));
            first = -1;
        }
    }
}

void AgentModel::upsertAgent(const Agent &agent)
{
    AgentRow row;
    if (const AgentRow *existing = this->row(agent.id))
        row = *existing;
    row.agent = agent;
    upsert(row);
}

bool AgentModel::remove(qint64 id)
{
    const auto it = m_rowById.constFind(id);
    if (it == m_rowById.cend())
        return false;
    const int at = *it;
    beginRemoveRows({}, at, at);
    m_rows.removeAt(at);
    m_online.removeAt(at);
    m_rowById.remove(id);
    for (int i = at; i < m_rows.size(); ++i)
        m_rowById[m_rows.at(i).agent.id] = i;
    endRemoveRows();
    return true;
}

void AgentModel::replaceAll(const QList<Agent> &agents)
{
    QSet<qint64> keep;
    for (const Agent &agent : agents)
        keep.insert(agent.id);
    for (const qint64 id : ids()) {
        if (!keep.contains(id))
            remove(id);
    }
    for (const Agent &agent : agents)
        upsertAgent(agent);
}

void AgentModel::clear()
{
    if (m_rows.isEmpty())
        return;
    beginResetModel();
    m_rows.clear();
    m_online.clear();
    m_rowById.clear();
    endResetModel();
}

void AgentModel::refreshOnline(const QDateTime &now)
{
    for (int at = 0; at < m_rows.size(); ++at) {
        const bool online = isOnline(m_rows.at(at).agent, now);
        if (online != m_online.at(at)) {
            m_online[at] = online;
            Q_EMIT dataChanged(index(at, Online), index(at, Online));
        }
    }
}

const AgentRow *AgentModel::row(qint64 id) const
{
    const auto it = m_rowById.constFind(id);
    return it == m_rowById.cend() ? nullptr : &m_rows.at(*it);
}

QList<qint64> AgentModel::ids() const
{
    QList<qint64> out;
    for (const AgentRow &row : m_rows)
        out.append(row.agent.id);
    return out;
}

} // namespace swarmwatch
