#pragma once

#include "CampaignRow.h"

#include <QAbstractTableModel>
#include <QHash>
#include <QList>

namespace swarmwatch {

// The live campaign table. Rows are keyed by campaign id; every update is minimal: dataChanged for the cells
// that changed, inserts and removals for rows that come and go, never a reset on a live update.
class CampaignModel : public QAbstractTableModel
{
    Q_OBJECT

public:
    enum Column {
        Name,
        State,
        Progress,
        Cracked,
        PercentCracked,
        ActiveAgents,
        Attacks,
        Priority,
        Updated,
        Eta,
        ColumnCount
    };
    Q_ENUM(Column)
    enum Role { IdRole = Qt::UserRole + 1, SortRole, StateRole, ProjectRole };

    explicit CampaignModel(QObject *parent = nullptr);

    int rowCount(const QModelIndex &parent = {}) const override;
    int columnCount(const QModelIndex &parent = {}) const override;
    QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation orientation, int role = Qt::DisplayRole) const override;
    QHash<int, QByteArray> roleNames() const override;

    // Inserts the row or updates the cells that differ.
    void upsert(const CampaignRow &row);
    // Updates only the campaign part of an existing row (keeps its metrics); inserts when new.
    void upsertCampaign(const Campaign &campaign);
    bool remove(qint64 id);
    // Makes the model hold exactly these campaigns, with minimal changes.
    void replaceAll(const QList<Campaign> &campaigns);
    void clear();

    const CampaignRow *row(qint64 id) const;
    const QList<CampaignRow> &rows() const { return m_rows; }
    QList<qint64> ids() const;

private:
    static QVariant display(const CampaignRow &row, int column);
    static QVariant sortValue(const CampaignRow &row, int column);

    QList<CampaignRow> m_rows;
    QHash<qint64, int> m_rowById;
};

} // namespace swarmwatch
