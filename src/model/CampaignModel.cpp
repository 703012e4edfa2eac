#include "CampaignModel.h"

#include "Format.h"

#include <QLocale>

#include <algorithm>
#include <numeric>

namespace swarmwatch {

CampaignModel::CampaignModel(QObject *parent)
    : KeyedTableModel(parent)
    // The C locale collates by code point (case first, "10" before "9"); it means "no preference", so names
    // sort by the root (English) rules there.
    , m_collator(QLocale().language() == QLocale::C ? QLocale(QLocale::English) : QLocale())
{
    // Names sort as an operator reads them: "Campaign 9" before "Campaign 10", case ignored.
    m_collator.setCaseSensitivity(Qt::CaseInsensitive);
    m_collator.setNumericMode(true);
}

int CampaignModel::columnCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : ColumnCount;
}

QVariant CampaignModel::display(const CampaignRow &row, int column)
{
    const auto &c = row.campaign;
    switch (column) {
    case Name:
        return c.name;
    case State:
        return c.state;
    case Progress:
        return row.metrics ? QVariant(QStringLiteral("%1 %").arg(row.metrics->progressPercent, 0, 'f', 1))
                           : QVariant();
    case Cracked:
        return row.metrics ? QVariant(
                   QStringLiteral("%1 / %2").arg(row.metrics->crackedHashes).arg(row.metrics->totalHashes))
                           : QVariant();
    case PercentCracked:
        return row.metrics ? QVariant(QStringLiteral("%1 %").arg(row.metrics->percentCracked, 0, 'f', 2))
                           : QVariant();
    case ActiveAgents:
        return row.activeAgents ? QVariant(*row.activeAgents) : QVariant();
    case Attacks:
        return row.attackCount ? QVariant(*row.attackCount) : QVariant();
    case Priority:
        return c.priority;
    case Updated:
        return Format::ago(c.updatedAt, QDateTime::currentDateTimeUtc());
    case Eta:
        if (!row.etaSeconds)
            return {};
        if (!row.etaAt)
            return Format::duration(*row.etaSeconds);
        return Format::eta(row.etaAt->addSecs(*row.etaSeconds), QDateTime::currentDateTimeUtc());
    case Speed:
        return row.hashesPerSecond ? QVariant(Format::rate(*row.hashesPerSecond)) : QVariant();
    default:
        return {};
    }
}

QVariant CampaignModel::sortValue(const CampaignRow &row, int column)
{
    switch (column) {
    case Progress:
        return row.metrics ? row.metrics->progressPercent : -1.0;
    case Cracked:
        return row.metrics ? row.metrics->crackedHashes : -1;
    case PercentCracked:
        return row.metrics ? row.metrics->percentCracked : -1.0;
    case Updated:
        return row.campaign.updatedAt;
    case Eta:
        if (!row.etaSeconds)
            return std::numeric_limits<qint64>::max();
        return row.etaAt ? row.etaAt->addSecs(*row.etaSeconds).toSecsSinceEpoch() : *row.etaSeconds;
    case Speed:
        return row.hashesPerSecond.value_or(-1.0);
    default:
        return display(row, column);
    }
}

QVariant CampaignModel::data(const QModelIndex &index, int role) const
{
    if (!checkIndex(index, CheckIndexOption::IndexIsValid | CheckIndexOption::ParentIsInvalid))
        return {};
    const CampaignRow &row = rows().at(index.row());
    switch (role) {
    case Qt::DisplayRole:
        return display(row, index.column());
    case Qt::ToolTipRole:
        if (index.column() == Name && row.campaign.description)
            return *row.campaign.description;
        if (index.column() == Updated)
            return QLocale().toString(row.campaign.updatedAt.toLocalTime(), QLocale::LongFormat);
        return {};
    case Qt::TextAlignmentRole:
        return index.column() == Name || index.column() == State
                   ? QVariant()
                   : QVariant(Qt::AlignRight | Qt::AlignVCenter);
    case IdRole:
        return row.campaign.id;
    case SortRole:
        return sortValue(row, index.column());
    case StateRole:
        return row.campaign.state;
    case ProjectRole:
        return row.campaign.projectId;
    case ProgressRole:
        return row.metrics ? QVariant(row.metrics->progressPercent) : QVariant();
    case ChangedAtRole:
        return m_marks.value(index.row()).changedAt;
    default:
        return {};
    }
}

QVariant CampaignModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation != Qt::Horizontal || role != Qt::DisplayRole)
        return {};
    switch (section) {
    case Name:
        return tr("Name");
    case State:
        return tr("State");
    case Progress:
        return tr("Progress");
    case Cracked:
        return tr("Cracked");
    case PercentCracked:
        return tr("% cracked");
    case ActiveAgents:
        return tr("Agents");
    case Attacks:
        return tr("Attacks");
    case Priority:
        return tr("Priority");
    case Updated:
        return tr("Updated");
    case Eta:
        return tr("ETA");
    case Speed:
        return tr("Speed");
    default:
        return {};
    }
}

QHash<int, QByteArray> CampaignModel::roleNames() const
{
    QHash<int, QByteArray> names = QAbstractTableModel::roleNames();
    names.insert(IdRole, "campaignId");
    names.insert(SortRole, "sortValue");
    names.insert(StateRole, "campaignState");
    names.insert(ProjectRole, "projectId");
    names.insert(ProgressRole, "progress");
    names.insert(ChangedAtRole, "changedAt");
    return names;
}

QVariant CampaignModel::compared(int at, int column) const
{
    const CampaignRow &row = rows().at(at);
    return QVariantList{display(row, column), sortValue(row, column)};
}

void CampaignModel::rowStored(int at, bool inserted)
{
    // What an operator calls "moved": state, name, priority, cracks, progress. Filling a row in (its metrics,
    // then agents, speed and ETA) is loading, not a change; the first complete look is the baseline.
    const CampaignRow &row = rows().at(at);
    QString look;
    if (row.metrics)
        look = QStringLiteral("%1|%2|%3|%4|%5")
                   .arg(row.campaign.state, row.campaign.name)
                   .arg(row.campaign.priority)
                   .arg(row.metrics->crackedHashes)
                   .arg(row.metrics->progressPercent);
    if (inserted)
        m_marks.insert(at, Mark{});
    Mark &mark = m_marks[at];
    if (!mark.nameKey || mark.keyedName != row.campaign.name) {
        mark.keyedName = row.campaign.name;
        mark.nameKey = m_collator.sortKey(row.campaign.name);
        m_nameRanks.clear();
    }
    if (inserted) {
        mark.look = look;
        return;
    }
    if (!mark.look.isEmpty() && !look.isEmpty() && look != mark.look)
        mark.changedAt = QDateTime::currentMSecsSinceEpoch();
    if (!look.isEmpty())
        mark.look = look;
}

void CampaignModel::rowErased(int at)
{
    m_marks.removeAt(at);
    if (!m_nameRanks.isEmpty())
        m_nameRanks.removeAt(at); // the others keep their order: gaps in the ranks do not matter
}

void CampaignModel::rowsCleared()
{
    m_marks.clear();
    m_nameRanks.clear();
}

void CampaignModel::rankNames() const
{
    QList<int> byName(rowCount());
    std::iota(byName.begin(), byName.end(), 0);
    std::sort(byName.begin(), byName.end(),
              [this](int a, int b) { return m_marks.at(a).nameKey->compare(*m_marks.at(b).nameKey) < 0; });
    m_nameRanks = QList<int>(rowCount(), 0);
    int rank = 0;
    for (qsizetype i = 0; i < byName.size(); ++i) {
        if (i > 0 && m_marks.at(byName[i - 1]).nameKey->compare(*m_marks.at(byName[i]).nameKey) < 0)
            ++rank;
        m_nameRanks[byName[i]] = rank;
    }
}

std::optional<bool> CampaignModel::rowLessThan(int left, int right, int column) const
{
    const CampaignRow &a = rows().at(left);
    const CampaignRow &b = rows().at(right);
    const auto progress = [](const CampaignRow &row) {
        return row.metrics ? row.metrics->progressPercent : -1.0;
    };
    const auto cracked = [](const CampaignRow &row) {
        return row.metrics ? row.metrics->crackedHashes : -1;
    };
    const auto percentCracked = [](const CampaignRow &row) {
        return row.metrics ? row.metrics->percentCracked : -1.0;
    };
    switch (column) {
    case Name:
        if (m_nameRanks.size() != rowCount())
            rankNames();
        return m_nameRanks.at(left) < m_nameRanks.at(right);
    case State:
        return a.campaign.state.compare(b.campaign.state, Qt::CaseInsensitive) < 0;
    case Progress:
        return progress(a) < progress(b);
    case Cracked:
        return cracked(a) < cracked(b);
    case PercentCracked:
        return percentCracked(a) < percentCracked(b);
    case Priority:
        return a.campaign.priority < b.campaign.priority;
    case Updated:
        return a.campaign.updatedAt < b.campaign.updatedAt;
    default:
        return std::nullopt;
    }
}

void CampaignModel::refreshTimes()
{
    if (rowCount() == 0)
        return;
    // Texts only: the sort values are absolute times, so a proxy sorted by them need not re-sort 10,000 rows
    // (that took ~20 ms of the GUI thread every 30 s).
    Q_EMIT dataChanged(index(0, Updated), index(rowCount() - 1, Eta), timeRefreshRoles());
}

void CampaignModel::upsertCampaign(const Campaign &campaign)
{
    CampaignRow row;
    if (const CampaignRow *existing = this->row(campaign.id))
        row = *existing;
    row.campaign = campaign;
    upsert(row);
}

void CampaignModel::replaceAll(const QList<Campaign> &campaigns)
{
    replaceAllWith(
        campaigns, [](const Campaign &campaign) { return campaign.id; },
        [](const CampaignRow *existing, const Campaign &campaign) {
            CampaignRow row = existing ? *existing : CampaignRow{};
            row.campaign = campaign;
            return row;
        });
}

} // namespace swarmwatch
