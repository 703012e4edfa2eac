#pragma once

#include <QAbstractTableModel>
#include <QHash>
#include <QList>
#include <QSet>

namespace swarmwatch {

// The roles a model's refreshTimes() announces: texts that count on as time passes ("5 min ago"), nothing an
// observer decides on. One definition, so that observers can tell such a refresh from a real change.
inline const QList<int> &timeRefreshRoles()
{
    static const QList<int> roles{Qt::DisplayRole, Qt::ToolTipRole};
    return roles;
}
inline bool isTimeRefresh(const QList<int> &roles)
{
    return roles == timeRefreshRoles();
}

// The part CampaignModel and AgentModel share: rows kept in arrival order and found by id, and updates that
// are minimal. An upsert of an existing row signals dataChanged once per run of cells whose value changed,
// inserts and removals are single rows, and replaceAll() applies a whole list as such changes; nothing but
// clear() resets. Subclasses say what a row's id is and what a cell shows.
template <typename Row>
class KeyedTableModel : public QAbstractTableModel
{
public:
    using QAbstractTableModel::QAbstractTableModel;

    int rowCount(const QModelIndex &parent = {}) const override
    {
        return parent.isValid() ? 0 : static_cast<int>(m_rows.size());
    }

    const Row *row(qint64 id) const
    {
        const auto it = m_rowById.constFind(id);
        return it == m_rowById.cend() ? nullptr : &m_rows.at(*it);
    }
    const QList<Row> &rows() const { return m_rows; }
    QList<qint64> ids() const
    {
        QList<qint64> out;
        out.reserve(m_rows.size());
        for (const Row &r : m_rows)
            out.append(idOf(r));
        return out;
    }

    void upsert(const Row &row)
    {
        const auto it = m_rowById.constFind(idOf(row));
        if (it == m_rowById.cend()) {
            const int at = static_cast<int>(m_rows.size());
            beginInsertRows({}, at, at);
            m_rows.append(row);
            m_rowById.insert(idOf(row), at);
            rowStored(at, true);
            endInsertRows();
            return;
        }
        const int at = *it;
        if (m_rows.at(at) == row)
            return;
        const int columns = columnCount();
        QList<QVariant> before;
        before.reserve(columns);
        for (int column = 0; column < columns; ++column)
            before.append(compared(at, column));
        m_rows[at] = row;
        rowStored(at, false);
        int first = -1;
        for (int column = 0; column <= columns; ++column) {
            const bool changed = column < columns && before.at(column) != compared(at, column);
            if (changed && first < 0)
                first = column;
            if (!changed && first >= 0) {
                Q_EMIT dataChanged(index(at, first), index(at, column - 1));
                first = -1;
            }
        }
    }

    bool remove(qint64 id)
    {
        const auto it = m_rowById.constFind(id);
        if (it == m_rowById.cend())
            return false;
        const int at = *it;
        beginRemoveRows({}, at, at);
        m_rows.removeAt(at);
        m_rowById.remove(id);
        rowErased(at);
        for (int i = at; i < m_rows.size(); ++i)
            m_rowById[idOf(m_rows.at(i))] = i;
        endRemoveRows();
        return true;
    }

    void clear()
    {
        if (m_rows.isEmpty())
            return;
        // Only for a change of context (a project switch), where nothing of the old table is still true.
        beginResetModel();
        m_rows.clear();
        m_rowById.clear();
        rowsCleared();
        endResetModel();
    }

protected:
    virtual qint64 idOf(const Row &row) const = 0;
    // Everything a view can see of a cell, compared before and after an update to find the changed cells.
    virtual QVariant compared(int at, int column) const = 0;
    // Hooks for state a subclass keeps beside each row.
    virtual void rowStored(int at, bool inserted)
    {
        Q_UNUSED(at)
        Q_UNUSED(inserted)
    }
    virtual void rowErased(int at) { Q_UNUSED(at) }
    virtual void rowsCleared() {}

    // Makes the model hold exactly these items: rows whose ids are gone are removed, the others upserted
    // through `merge(existing row or null, item)`.
    template <typename Item, typename ItemId, typename Merge>
    void replaceAllWith(const QList<Item> &items, ItemId itemId, Merge merge)
    {
        QSet<qint64> keep;
        for (const Item &item : items)
            keep.insert(itemId(item));
        for (const qint64 id : ids()) {
            if (!keep.contains(id))
                remove(id);
        }
        for (const Item &item : items)
            upsert(merge(row(itemId(item)), item));
    }

private:
    QList<Row> m_rows;
    QHash<qint64, int> m_rowById;
};

} // namespace swarmwatch
