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
    // reveal, reconnect, sign-out, filter: drawn in the application palette's button text colour, so they
    // follow a light or dark palette as the labels beside them do.
    static QIcon action(const QString &name);
    // The icon with a count in a round badge at its top right (the tray's unseen cracks); as is for 0.
    static QIcon withBadge(const QIcon &icon, int count);
};

} // namespace swarmwatch
