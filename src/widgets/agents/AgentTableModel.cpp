#include "AgentTableModel.h"

#include "AgentModel.h"
#include "Icons.h"

namespace swarmwatch {

AgentTableModel::AgentTableModel(QObject *parent)
    : QSortFilterProxyModel(parent)
{
    setSortRole(AgentModel::SortRole);
    setSortCaseSensitivity(Qt::CaseInsensitive);
    setFilterCaseSensitivity(Qt::CaseInsensitive);
    setFilterKeyColumn(AgentModel::Name);
    setDynamicSortFilter(true);
}

QVariant AgentTableModel::data(const QModelIndex &index, int role) const
{
    if (index.column() == AgentModel::Online && role == Qt::DecorationRole)
        return Icons::connection(QSortFilterProxyModel::data(index, AgentModel::OnlineRole).toBool()
                                     ? StatusPresenter::Look::Live
                                     : StatusPresenter::Look::Disconnected);
    if (role == Qt::AccessibleTextRole)
        return QSortFilterProxyModel::data(index, Qt::DisplayRole);
    return QSortFilterProxyModel::data(index, role);
}

} // namespace swarmwatch
