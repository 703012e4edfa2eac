#pragma once

#include "NetworkReachability.h"

namespace swarmwatch {

// NetworkReachability from QNetworkInformation. Where no backend can be loaded (no NetworkManager, no glib
// backend), it reports online: not knowing must never stop reconnects.
class SystemNetworkReachability : public NetworkReachability
{
    Q_OBJECT

public:
    explicit SystemNetworkReachability(QObject *parent = nullptr);
    bool isOnline() const override;
    bool hasBackend() const { return m_hasBackend; }

private:
    bool m_hasBackend = false;
};

} // namespace swarmwatch
