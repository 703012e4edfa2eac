#pragma once

#include "Notifier.h"

#include <QDBusConnection>
#include <QHash>
#include <QObject>
#include <QSet>

#include <functional>
#include <optional>

class QDBusServiceWatcher;

namespace swarmwatch {

// Shows what the Notifier decided through the freedesktop notification service
// (org.freedesktop.Notifications) over QtDBus: it works with or without a tray, updates a notification in
// place (replaces_id) when one with the same key is shown again, withdraws it (CloseNotification), and offers
// actions where the server has them. Where no service is on the bus, the fallback (the tray's balloon) gets
// the notification instead. Nothing here decides; nothing here logs a notification's body.
class DesktopNotifications : public QObject
{
    Q_OBJECT

public:
    static constexpr const char *kService = "org.freedesktop.Notifications";

    explicit DesktopNotifications(const QDBusConnection &bus = QDBusConnection::sessionBus(),
                                  QObject *parent = nullptr);
    ~DesktopNotifications() override;

    bool isServiceAvailable() const { return m_available; }
    using Fallback = std::function<void(const Notification &notification)>;
    void setFallback(Fallback fallback) { m_fallback = std::move(fallback); }

    void show(const Notification &notification);
    void withdraw(const QString &key);

Q_SIGNALS:
    // The user chose an action ("default" is a click on the notification itself).
    void actionInvoked(const QString &key, const QString &action);
    // The server answered a Notify with this id (tests and diagnostics).
    void delivered(const QString &key, uint id);

private Q_SLOTS:
    // QtDBus delivers signals to slots named by string only.
    void onActionInvoked(uint id, const QString &action);
    void onClosed(uint id, uint reason);

private:
    struct Shown {
        uint id = 0; // the server's id, 0 until it answered
        bool pending = false;
        std::optional<Notification> next; // shown again while the first Notify was under way
        bool withdrawn = false;           // withdrawn while under way: close it once the id is known
    };
    void send(const QString &key, const Notification &notification);
    void readCapabilities();
    void updateAvailability();

    QDBusConnection m_bus;
    QDBusServiceWatcher *m_watcher;
    bool m_available = false;
    QSet<QString> m_capabilities;
    QHash<QString, Shown> m_shown;               // by key
    QHash<uint, QString> m_keys;                 // server id -> key
    QHash<QString, Notification> m_pendingShown; // what each Notify under way shows (for the fallback)
    Fallback m_fallback;
};

} // namespace swarmwatch
