#pragma once

#include "CampaignRow.h"
#include "KeyedTableModel.h"

#include <QCollator>
#include <QCollatorSortKey>

#include <optional>

namespace swarmwatch {

// The live campaign table. Rows are keyed by campaign id; every update is minimal: dataChanged for the cells
// that changed, inserts and removals for rows that come and go, never a reset on a live update.
class CampaignModel : public KeyedTableModel<CampaignRow>
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
        Speed,
        ColumnCount
    };
    Q_ENUM(Column)
    enum Role {
        IdRole = Qt::UserRole + 1,
        SortRole,
        StateRole,
        ProjectRole,
        ProgressRole,  // double 0..100, or invalid before the first metrics
        ChangedAtRole, // ms since the epoch of the row's last update after it was complete, or 0
    };

    explicit CampaignModel(QObject *parent = nullptr);

    int columnCount(const QModelIndex &parent = {}) const override;
    QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation orientation, int role = Qt::DisplayRole) const override;
    QHash<int, QByteArray> roleNames() const override;

    // Updates only the campaign part of an existing row (keeps its metrics); inserts when new.
    void upsertCampaign(const Campaign &campaign);
    // Makes the model hold exactly these campaigns, with minimal changes, keeping known rows' metrics.
    void replaceAll(const QList<Campaign> &campaigns);
    // Time passes: the cells that say "ago" or count down (ETA, last update) are signalled as changed.
    void refreshTimes();

    // The order a sort by `column` gives, on typed values and per-row collation keys (a proxy that sorts
    // 10,000 rows through data() and QVariant spends two frames of the GUI thread doing it); nullopt for the
    // columns that a comparison of their SortRole serves well enough.
    std::optional<bool> rowLessThan(int left, int right, int column) const;

protected:
    qint64 idOf(const CampaignRow &row) const override { return row.campaign.id; }
    QVariant compared(int at, int column) const override;
    void rowStored(int at, bool inserted) override;
    void rowErased(int at) override;
    void rowsCleared() override;

private:
    static QVariant display(const CampaignRow &row, int column);
    static QVariant sortValue(const CampaignRow &row, int column);

    struct Mark {
        qint64 changedAt = 0; // see ChangedAtRole
        QString look;         // what the last complete version showed; empty while the row loads
        QString keyedName;    // the name nameKey was made from
        std::optional<QCollatorSortKey> nameKey;
    };
    QList<Mark> m_marks; // per row
    QCollator m_collator;
    // Per row, its place among the names (equal names share one), so that a sort by name compares integers:
    // a collation-key comparison costs twice a proxy's whole per-comparison overhead. Made at the first sort
    // by name after a row came or was renamed; empty until then.
    mutable QList<int> m_nameRanks;
    void rankNames() const;
};

} // namespace swarmwatch
