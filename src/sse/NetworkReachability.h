#pragma once

#include <QObject>

namespace swarmwatch {

// What the operating system says about the network, so that reconnect attempts are not burnt while it is
// down.
class NetworkReachability : public QObject
{
    Q_OBJECT

public:
    using QObject::QObject;
    virtual bool isOnline() const = 0;

Q_SIGNALS:
    void onlineChanged(bool online);
};

} // namespace swarmwatch
