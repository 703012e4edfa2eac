#pragma once

#include "NetworkReachability.h"

namespace swarmwatch::test {

// A stand-in for the operating system's network state. The real one (QNetworkInformation) cannot be switched
// off and on from a test on this machine, so this fake is the only way to exercise "network down".
class ManualReachability : public NetworkReachability
{
    Q_OBJECT

public:
    using NetworkReachability::NetworkReachability;
    bool isOnline() const override { return m_online; }
    void setOnline(bool online)
    {
        m_online = online;
        Q_EMIT onlineChanged(online);
    }

private:
    bool m_online = true;
};

} // namespace swarmwatch::test
