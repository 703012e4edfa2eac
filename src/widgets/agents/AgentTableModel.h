#pragma once

#include <QSortFilterProxyModel>

namespace swarmwatch {

// The agent table as the window shows it: sorted by each column's SortRole, filtered by name, and the online
// column with an icon whose shape says online or offline.
class AgentTableModel : public QSortFilterProxyModel
{
    Q_OBJECT

public:
    explicit AgentTableModel(QObject *parent = nullptr);

    QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;
};

} // namespace swarmwatch
