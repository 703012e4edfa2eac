#include "CampaignTableModel.h"

#include "CampaignModel.h"
#include "Icons.h"

namespace swarmwatch {

QVariant CampaignTableModel::data(const QModelIndex &index, int role) const
{
    if (index.column() == CampaignModel::State && role == Qt::DecorationRole)
        return Icons::campaignState(CampaignFilterModel::data(index, CampaignModel::StateRole).toString());
    if (role == Qt::AccessibleTextRole) {
        const QString text = CampaignFilterModel::data(index, Qt::DisplayRole).toString();
        return text.isEmpty() ? tr("unknown") : text;
    }
    return CampaignFilterModel::data(index, role);
}

} // namespace swarmwatch
