#include "SystemNetworkReachability.h"

#include <QNetworkInformation>

namespace swarmwatch {

SystemNetworkReachability::SystemNetworkReachability(QObject *parent)
    : NetworkReachability(parent)
{
    m_hasBackend = QNetworkInformation::instance()
                   || QNetworkInformation::loadBackendByFeatures(QNetworkInformation::Feature::Reachability);
    if (!m_hasBackend)
        return;
    connect(QNetworkInformation::instance(), &QNetworkInformation::reachabilityChanged, this,
            [this] { Q_EMIT onlineChanged(isOnline()); });
}

bool SystemNetworkReachability::isOnline() const
{
    const QNetworkInformation *information = QNetworkInformation::instance();
    if (!m_hasBackend || !information)
        return true;
    const auto reachability = information->reachability();
    // Unknown means the backend cannot tell; treat it like online rather than stall the feeds.
    return reachability != QNetworkInformation::Reachability::Disconnected;
}

} // namespace swarmwatch
