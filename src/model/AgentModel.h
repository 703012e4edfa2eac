#pragma once

#include "CampaignRow.h"
#include "KeyedTableModel.h"

namespace swarmwatch {

// The live agent table, keyed by agent id, with minimal updates like CampaignModel. "Online" is derived, as
// the API has no such state: seen within the last two minutes (the dashboard's own rule). refreshOnline()
// re-evaluates it as time passes and signals only the rows whose answer changed.
class AgentModel : public KeyedTableModel<AgentRow>
{
    Q_OBJECT

public:
    enum Column {
        Name,
        State,
        Online,
        Enabled,
        Devices,
        OperatingSystem,
        LastSeen,
        LatestError,
        Speed,
        ColumnCount
    };
    Q_ENUM(Column)
    enum Role { IdRole = Qt::UserRole + 1, SortRole, OnlineRole };

    static constexpr qint64 kOnlineWindowSeconds = 120;

    explicit AgentModel(QObject *parent = nullptr);

    int columnCount(const QModelIndex &parent = {}) const override;
    QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation orientation, int role = Qt::DisplayRole) const override;

    void upsertAgent(const Agent &agent); // keeps the row's error and speed
    void replaceAll(const QList<Agent> &agents);
    void refreshOnline(const QDateTime &now = QDateTime::currentDateTimeUtc());
    // Time passes: "last seen ... ago" is signalled as changed.
    void refreshTimes();

    static bool isOnline(const Agent &agent, const QDateTime &now);
    static QString formatSpeed(double hashesPerSecond);

protected:
    qint64 idOf(const AgentRow &row) const override { return row.agent.id; }
    QVariant compared(int at, int column) const override { return display(at, column); }
    void rowStored(int at, bool inserted) override;
    void rowErased(int at) override { m_online.removeAt(at); }
    void rowsCleared() override { m_online.clear(); }

private:
    QVariant display(int at, int column) const;

    QList<bool> m_online; // as last signalled, per row
};

} // namespace swarmwatch
