#include "AgentModel.h"

#include "Format.h"

#include <QLocale>

namespace swarmwatch {

AgentModel::AgentModel(QObject *parent)
    : KeyedTableModel(parent)
{}

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
    const AgentRow &row = rows().at(at);
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
        return a.lastSeenAt ? Format::ago(*a.lastSeenAt, QDateTime::currentDateTimeUtc()) : tr("never");
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
    const AgentRow &row = rows().at(index.row());
    switch (role) {
    case Qt::DisplayRole:
        return display(index.row(), index.column());
    case Qt::ToolTipRole:
        if (index.column() == LastSeen && row.agent.lastSeenAt)
            return QLocale().toString(row.agent.lastSeenAt->toLocalTime(), QLocale::LongFormat);
        if (index.column() == LatestError && row.latestError)
            return *row.latestError;
        return {};
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

void AgentModel::rowStored(int at, bool inserted)
{
    const bool online = isOnline(rows().at(at).agent, QDateTime::currentDateTimeUtc());
    if (inserted)
        m_online.append(online);
    else
        m_online[at] = online;
}

void AgentModel::upsertAgent(const Agent &agent)
{
    AgentRow row;
    if (const AgentRow *existing = this->row(agent.id))
        row = *existing;
    row.agent = agent;
    upsert(row);
}

void AgentModel::replaceAll(const QList<Agent> &agents)
{
    replaceAllWith(
        agents, [](const Agent &agent) { return agent.id; },
        [](const AgentRow *existing, const Agent &agent) {
            AgentRow row = existing ? *existing : AgentRow{};
            row.agent = agent;
            return row;
        });
}

void AgentModel::refreshOnline(const QDateTime &now)
{
    for (int at = 0; at < rows().size(); ++at) {
        const bool online = isOnline(rows().at(at).agent, now);
        if (online != m_online.at(at)) {
            m_online[at] = online;
            Q_EMIT dataChanged(index(at, Online), index(at, Online));
        }
    }
}

void AgentModel::refreshTimes()
{
    if (rowCount() > 0)
        Q_EMIT dataChanged(index(0, LastSeen), index(rowCount() - 1, LastSeen), timeRefreshRoles());
}

} // namespace swarmwatch
