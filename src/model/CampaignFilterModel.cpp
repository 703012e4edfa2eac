#include "CampaignFilterModel.h"

#include "CampaignModel.h"

namespace swarmwatch {

CampaignFilterModel::CampaignFilterModel(QObject *parent)
    : QSortFilterProxyModel(parent)
{
    setSortRole(CampaignModel::SortRole);
    setSortCaseSensitivity(Qt::CaseInsensitive);
    setSortLocaleAware(true);
    // Live rows change all the time: keep the order and the filter true without a reset.
    setDynamicSortFilter(true);
    const QStringList all = knownStates();
    m_states = QSet<QString>(all.begin(), all.end());
    m_states.insert(otherState());
    m_states.remove(QStringLiteral("archived"));
}

QStringList CampaignFilterModel::knownStates()
{
    return {QStringLiteral("active"),    QStringLiteral("paused"), QStringLiteral("draft"),
            QStringLiteral("completed"), QStringLiteral("error"),  QStringLiteral("archived")};
}

void CampaignFilterModel::setText(const QString &text)
{
    if (text == m_text)
        return;
    m_text = text;
    invalidateRowsFilter();
    Q_EMIT filterChanged();
}

void CampaignFilterModel::setStates(const QSet<QString> &states)
{
    if (states == m_states)
        return;
    m_states = states;
    invalidateRowsFilter();
    Q_EMIT filterChanged();
}

void CampaignFilterModel::setSourceModel(QAbstractItemModel *model)
{
    m_campaigns = qobject_cast<CampaignModel *>(model);
    QSortFilterProxyModel::setSourceModel(model);
}

bool CampaignFilterModel::lessThan(const QModelIndex &left, const QModelIndex &right) const
{
    if (m_campaigns && sortRole() == CampaignModel::SortRole && left.model() == m_campaigns.data()) {
        if (const std::optional<bool> less = m_campaigns->rowLessThan(left.row(), right.row(), left.column()))
            return *less;
    }
    return QSortFilterProxyModel::lessThan(left, right);
}

bool CampaignFilterModel::filterAcceptsRow(int sourceRow, const QModelIndex &sourceParent) const
{
    const QModelIndex index = sourceModel()->index(sourceRow, CampaignModel::Name, sourceParent);
    const QString state = index.data(CampaignModel::StateRole).toString();
    static const QStringList known = knownStates();
    if (!m_states.contains(known.contains(state) ? state : otherState()))
        return false;
    return m_text.isEmpty() || index.data(Qt::DisplayRole).toString().contains(m_text, Qt::CaseInsensitive);
}

} // namespace swarmwatch
