#include "LocalClock.h"

#include <QByteArray>
#include <QHash>

#include <chrono>
#include <cstdlib>

namespace swarmwatch {

namespace {

constexpr qint64 kMsPerMinute = 60'000;
constexpr auto kRememberFor = std::chrono::minutes(1);
constexpr qsizetype kMostMinutes = 4096;

struct Offsets {
    QHash<qint64, int> byMinute; // minute of UTC since the epoch -> seconds east of UTC
    bool tzSet = false;
    QByteArray tz;
    std::chrono::steady_clock::time_point since;
};

Offsets &offsets()
{
    thread_local Offsets remembered;
    return remembered;
}

// Floor division: instants before 1970 belong to the minute that starts before them.
qint64 minuteOf(qint64 msecs)
{
    return msecs >= 0 ? msecs / kMsPerMinute : -((-msecs + kMsPerMinute - 1) / kMsPerMinute);
}

} // namespace

int LocalClock::offsetFromUtc(qint64 msecsSinceEpoch)
{
    Offsets &known = offsets();
    const auto now = std::chrono::steady_clock::now();
    const char *tz = std::getenv("TZ");
    const bool tzSet = tz != nullptr;
    if (now - known.since > kRememberFor || known.byMinute.size() >= kMostMinutes || tzSet != known.tzSet
        || (tzSet && known.tz != tz)) {
        known.byMinute.clear();
        known.tzSet = tzSet;
        known.tz = tzSet ? QByteArray(tz) : QByteArray();
        known.since = now;
    }
    const qint64 minute = minuteOf(msecsSinceEpoch);
    const auto found = known.byMinute.constFind(minute);
    if (found != known.byMinute.cend())
        return *found;
    const int offset = QDateTime::fromMSecsSinceEpoch(msecsSinceEpoch, Qt::LocalTime).offsetFromUtc();
    known.byMinute.insert(minute, offset);
    return offset;
}

LocalClock::WallClock LocalClock::at(qint64 msecsSinceEpoch)
{
    // Shifted by the offset, the UTC fields are the local ones: pure arithmetic, no time zone lookup.
    const QDateTime shifted = QDateTime::fromMSecsSinceEpoch(
        msecsSinceEpoch + qint64(offsetFromUtc(msecsSinceEpoch)) * 1000, Qt::UTC);
    return {shifted.date(), shifted.time()};
}

LocalClock::WallClock LocalClock::at(const QDateTime &when)
{
    if (!when.isValid())
        return {};
    return at(when.toMSecsSinceEpoch());
}

} // namespace swarmwatch
