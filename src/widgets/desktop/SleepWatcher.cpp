#include "SleepWatcher.h"

#include <QDBusConnection>

namespace swarmwatch {

SleepWatcher::SleepWatcher(QObject *parent)
    : QObject(parent)
{
    QDBusConnection system = QDBusConnection::systemBus();
    if (system.isConnected())
        m_watching = system.connect(QStringLiteral("org.freedesktop.login1"),
                                    QStringLiteral("/org/freedesktop/login1"),
                                    QStringLiteral("org.freedesktop.login1.Manager"),
                                    QStringLiteral("PrepareForSleep"), this, SLOT(onPrepareForSleep(bool)));
}

void SleepWatcher::onPrepareForSleep(bool start)
{
    if (start)
        Q_EMIT sleeping();
    else
        Q_EMIT resumed();
}

} // namespace swarmwatch
