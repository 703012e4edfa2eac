#pragma once

#include "Toast.h"

#include <QAbstractListModel>
#include <QDateTime>

#include <deque>

namespace swarmwatch {

// What happened, newest first: crack toasts, connection changes and errors, as the Activity view and the
// journal show them. A crack's plaintext is kept apart and shown only for a row the user revealed
// (RevealedRole set to true); DisplayRole and AccessibleTextRole never carry it otherwise. Bounded: the
// oldest entries go.
class ActivityModel : public QAbstractListModel
{
    Q_OBJECT

public:
    enum class Kind { Crack, Connection, Error, Session };
    Q_ENUM(Kind)
    enum Role {
        KindRole = Qt::UserRole + 1,
        TimeRole,     // QDateTime, UTC
        RevealedRole, // bool; settable for cracks
        CanRevealRole,
        PlaintextRole, // the secret, only when revealed
    };

    struct Entry {
        Kind kind = Kind::Connection;
        QDateTime time;
        QString text;      // what anyone may see
        QString plaintext; // cracks only
        bool revealed = false;
    };

    explicit ActivityModel(int capacity = 2000, QObject *parent = nullptr);

    int rowCount(const QModelIndex &parent = {}) const override;
    QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;
    bool setData(const QModelIndex &index, const QVariant &value, int role) override;
    Qt::ItemFlags flags(const QModelIndex &index) const override;

    void addToast(const Toast &toast);
    void add(Kind kind, const QString &text, const QDateTime &time = QDateTime::currentDateTimeUtc());
    const Entry &entry(int row) const { return m_entries.at(static_cast<size_t>(row)); }
    void clear();

    static QString kindName(Kind kind);

private:
    void prepend(Entry entry);

    std::deque<Entry> m_entries; // newest first
    int m_capacity;
};

} // namespace swarmwatch
