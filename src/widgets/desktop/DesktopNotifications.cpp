#include "DesktopNotifications.h"

#include <QCoreApplication>
#include <QDBusConnectionInterface>
#include <QDBusMessage>
#include <QDBusPendingCallWatcher>
#include <QDBusPendingReply>
#include <QDBusServiceWatcher>
#include <QLoggingCategory>

namespace swarmwatch {

Q_LOGGING_CATEGORY(lcNotify, "swarmwatch.notify")

namespace {

const QString kPath = QStringLiteral("/org/freedesktop/Notifications");
const QString kInterface = QStringLiteral("org.freedesktop.Notifications");

QString actionLabel(const QString &action)
{
    if (action == QLatin1String(Notification::kReconnect))
        return QCoreApplication::translate("DesktopNotifications", "Reconnect now");
    if (action == QLatin1String(Notification::kSignIn))
        return QCoreApplication::translate("DesktopNotifications", "Sign in");
    return QCoreApplication::translate("DesktopNotifications", "Open");
}

QString category(Notification::Kind kind)
{
    switch (kind) {
    case Notification::Kind::Disconnected:
        return QStringLiteral("network.disconnected");
    case Notification::Kind::Back:
        return QStringLiteral("network.connected");
    case Notification::Kind::SessionExpired:
    case Notification::Kind::CampaignFailed:
    case Notification::Kind::CampaignStalled:
    case Notification::Kind::AgentOffline:
        return QStringLiteral("network.error");
    case Notification::Kind::Cracks:
    case Notification::Kind::CampaignFinished:
        return QStringLiteral("transfer.complete");
    }
    return {};
}

} // namespace

DesktopNotifications::DesktopNotifications(const QDBusConnection &bus, QObject *parent)
    : QObject(parent)
    , m_bus(bus)
    , m_watcher(new QDBusServiceWatcher(QString::fromLatin1(kService), bus,
                                        QDBusServiceWatcher::WatchForOwnerChange, this))
{
    connect(m_watcher, &QDBusServiceWatcher::serviceOwnerChanged, this,
            &DesktopNotifications::updateAvailability);
    if (m_bus.isConnected()) {
        m_bus.connect(QString::fromLatin1(kService), kPath, kInterface, QStringLiteral("ActionInvoked"), this,
                      SLOT(onActionInvoked(uint, QString)));
        m_bus.connect(QString::fromLatin1(kService), kPath, kInterface, QStringLiteral("NotificationClosed"),
                      this, SLOT(onClosed(uint, uint)));
    }
    updateAvailability();
}

DesktopNotifications::~DesktopNotifications() = default;

void DesktopNotifications::updateAvailability()
{
    bool available = false;
    if (m_bus.isConnected() && m_bus.interface()) {
        const QString service = QString::fromLatin1(kService);
        available = m_bus.interface()->isServiceRegistered(service).value();
        if (!available) {
            const QDBusReply<QStringList> activatable = m_bus.interface()->activatableServiceNames();
            available = activatable.isValid() && activatable.value().contains(service);
        }
    }
    if (available && !m_available)
        readCapabilities();
    // A new owner (the daemon restarted) numbers from 1 again: ids we knew now name others' notifications.
    m_shown.clear();
    m_keys.clear();
    m_available = available;
    qCDebug(lcNotify) << "notification service available:" << available;
}

void DesktopNotifications::readCapabilities()
{
    const QDBusMessage call = QDBusMessage::createMethodCall(QString::fromLatin1(kService), kPath, kInterface,
                                                             QStringLiteral("GetCapabilities"));
    auto *watcher = new QDBusPendingCallWatcher(m_bus.asyncCall(call), this);
    connect(watcher, &QDBusPendingCallWatcher::finished, this, [this](QDBusPendingCallWatcher *self) {
        self->deleteLater();
        const QDBusPendingReply<QStringList> reply = *self;
        if (reply.isValid()) {
            const QStringList capabilities = reply.value();
            m_capabilities = QSet<QString>(capabilities.begin(), capabilities.end());
        }
    });
}

void DesktopNotifications::show(const Notification &notification)
{
    if (!m_available) {
        if (m_fallback)
            m_fallback(notification);
        return;
    }
    Shown &shown = m_shown[notification.key];
    shown.withdrawn = false;
    if (shown.pending) {
        shown.next = notification; // sent with the id once the first answer names it
        return;
    }
    send(notification.key, notification);
}

void DesktopNotifications::send(const QString &key, const Notification &notification)
{
    Shown &shown = m_shown[key];
    QStringList actions;
    // A click on the notification opens the window; the named actions where the server shows buttons.
    actions << QStringLiteral("default") << actionLabel(QString::fromLatin1(Notification::kOpen));
    for (const QString &action : notification.actions) {
        if (action != QLatin1String(Notification::kOpen))
            actions << action << actionLabel(action);
    }
    QVariantMap hints;
    hints.insert(QStringLiteral("urgency"), QVariant::fromValue<uchar>(notification.urgent ? 2 : 1));
    hints.insert(QStringLiteral("desktop-entry"), QStringLiteral("swarmwatch"));
    hints.insert(QStringLiteral("category"), category(notification.kind));
    // Bodies may be read as markup (most servers do): names from the server are escaped.
    const bool markup = m_capabilities.isEmpty() || m_capabilities.contains(QStringLiteral("body-markup"));
    const QString body = markup ? notification.body.toHtmlEscaped() : notification.body;
    QDBusMessage call = QDBusMessage::createMethodCall(QString::fromLatin1(kService), kPath, kInterface,
                                                       QStringLiteral("Notify"));
    call << QCoreApplication::applicationName() << shown.id << QStringLiteral("swarmwatch")
         << notification.summary << body << actions << hints << int(-1);
    shown.pending = true;
    m_pendingShown.insert(key, notification);
    auto *watcher = new QDBusPendingCallWatcher(m_bus.asyncCall(call), this);
    connect(watcher, &QDBusPendingCallWatcher::finished, this, [this, key](QDBusPendingCallWatcher *self) {
        self->deleteLater();
        const QDBusPendingReply<uint> reply = *self;
        Shown &shown = m_shown[key];
        shown.pending = false;

        if (!reply.isValid()) {
            qCWarning(lcNotify).noquote()
                << "the notification service refused a notification:" << reply.error().message();
            shown.id = 0;
            // A service that is only activatable may fail to start (a daemon without a display): take the
            // fallback until one owns the name. Other failures (a slow answer) leave the service in use.
            const QDBusError dbusError = reply.error();
            if (dbusError.type() == QDBusError::ServiceUnknown
                || dbusError.name().startsWith(QLatin1String("org.freedesktop.DBus.Error.Spawn"))) {
                m_available = false;
                if (m_fallback && m_pendingShown.contains(key))
                    m_fallback(m_pendingShown.value(key));
            }
        } else {
            if (shown.id != 0 && shown.id != reply.value())
                m_keys.remove(shown.id);
            shown.id = reply.value();
            m_keys.insert(shown.id, key);
            Q_EMIT delivered(key, shown.id);
        }
        m_pendingShown.remove(key); // before a re-send below puts the next one there
        if (shown.withdrawn) {
            withdraw(key);
        } else if (shown.next) {
            const Notification next = *shown.next;
            shown.next.reset();
            send(key, next);
        }
    });
}

void DesktopNotifications::withdraw(const QString &key)
{
    auto found = m_shown.find(key);
    if (found == m_shown.end())
        return;
    if (found->pending) {
        found->withdrawn = true;
        found->next.reset();
        return;
    }
    const uint id = found->id;
    m_shown.erase(found);
    if (id == 0)
        return;
    m_keys.remove(id);
    QDBusMessage call = QDBusMessage::createMethodCall(QString::fromLatin1(kService), kPath, kInterface,
                                                       QStringLiteral("CloseNotification"));
    call << id;
    m_bus.asyncCall(call);
}

void DesktopNotifications::onActionInvoked(uint id, const QString &action)
{
    const QString key = m_keys.value(id);
    if (key.isEmpty())
        return; // another application's notification
    Q_EMIT actionInvoked(key, action);
}

void DesktopNotifications::onClosed(uint id, uint reason)
{
    Q_UNUSED(reason)
    const QString key = m_keys.take(id);
    if (key.isEmpty())
        return;
    // Closed by the user or expired: the next one with this key is a new notification.
    auto found = m_shown.find(key);
    if (found != m_shown.end() && found->id == id && !found->pending)
        m_shown.erase(found);
}

} // namespace swarmwatch
