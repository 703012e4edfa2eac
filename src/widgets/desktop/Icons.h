#pragma once

#include "StatusPresenter.h"

#include <QIcon>

namespace swarmwatch {

// SwarmWatch's own icons (resources/icons), one place that knows their names. Every state has its own shape,
// so that nobody has to tell green from red.
class Icons
{
public:
    static QIcon application();
    static QIcon campaignState(const QString &state); // unknown states get "other"
    static QIcon connection(StatusPresenter::Look look);
    static QIcon action(const QString &name); // reveal, reconnect, sign-out, filter
    // The icon with a count in a round badge at its top right (the tray's unseen cracks); as is for 0.
    static QIcon withBadge(const QIcon &icon, int count);
};

} // namespace swarmwatch
