#pragma once

#include "CampaignRow.h"

#include <QAbstractTableModel>
#include <QHash>
#include <QList>

namespace swarmwatch {

// The live agent table, keyed by agent id, with minimal updates like CampaignModel. "Online" is derived, as
// the API has no such state: seen within the last two minutes (the dashboard's own rule). refreshOnline()
// re-evaluates it as time passes and signals only the rows whose answer changed.
class AgentModel : public QAbstractTableModel
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

    int rowCount(const QModelIndex &parent = {}) const override;
    int columnCount(const QModelIndex &parent = {}) const override;
    QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation orientation, int role = Qt::DisplayRole) const override;

    void upsert(const AgentRow &row);
    void upsertAgent(const Agent &agent); // keeps the row's error and speed
    bool remove(qint64 id);
    void replaceAll(const QList<Agent> &agents);
    void clear();
    void refreshOnline(const QDateTime &now = QDateTime::currentDateTimeUtc());

    const AgentRow *row(qint64 id) const;
    const QList<AgentRow> &rows() const { return m_rows; }
    QList<qint64> ids() const;
    static bool isOnline(const Agent &agent, const QDateTime &now);
    static QString formatSpeed(double hashesPerSecond);

private:
    QVariant display(int at, int column) const;

    QList<AgentRow> m_rows;
    QList<bool> m_online; // as last signalled, per row
    QHash<qint64, int> m_rowById;
};

} // namespace swarmwatch
