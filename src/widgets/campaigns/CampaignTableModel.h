#pragma once

#include "CampaignFilterModel.h"

namespace swarmwatch {

// The campaign table as the window shows it: the filter model's rows with what only a GUI needs, the state's
// icon beside its word and the texts a screen reader reads (the state as a word, progress as "42.0 %").
class CampaignTableModel : public CampaignFilterModel
{
    Q_OBJECT

public:
    using CampaignFilterModel::CampaignFilterModel;

    QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;
};

} // namespace swarmwatch
