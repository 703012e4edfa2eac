#pragma once

#include <QDate>
#include <QDateTime>
#include <QTime>

namespace swarmwatch {

// Local wall-clock time for many instants, cheaply. QDateTime::toLocalTime asks the C library every time
// (a tzset, which stats /etc/localtime, then a localtime_r): the campaign table's ETA column did that three
// times per cell in every paint. Here the UTC offset is remembered per minute of UTC (zone transitions fall
// on whole minutes since 1972), for at most a minute of the steady clock and while TZ stays the same, so that
// a change of the machine's zone shows within a minute and a change of TZ at once. Per thread; no locks.
class LocalClock
{
public:
    struct WallClock {
        QDate date;
        QTime time;
    };
    // The local date and time of an instant (invalid for an invalid one).
    static WallClock at(const QDateTime &when);
    static WallClock at(qint64 msecsSinceEpoch);
    // Seconds east of UTC at that instant, as QDateTime::offsetFromUtc of its local time says.
    static int offsetFromUtc(qint64 msecsSinceEpoch);
};

} // namespace swarmwatch
