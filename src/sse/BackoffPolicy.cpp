#include "BackoffPolicy.h"

#include <algorithm>

namespace swarmwatch {

BackoffPolicy::BackoffPolicy(std::chrono::milliseconds base, std::chrono::milliseconds cap, quint32 seed)
    : m_base(base)
    , m_cap(cap)
    , m_random(seed)
{}

std::chrono::milliseconds BackoffPolicy::ceilingFor(int attempt) const
{
    const qint64 cap = std::max<qint64>(0, m_cap.count());
    // Even a server's `retry: 0` does not allow a reconnect loop: the ceiling starts at the floor at least.
    qint64 ceiling = std::clamp<qint64>(std::max(m_base, kFloor).count(), 0, cap);
    for (int i = 0; i < attempt && ceiling < cap; ++i)
        ceiling = std::min(cap, ceiling * 2);
    return std::chrono::milliseconds(ceiling);
}

std::chrono::milliseconds BackoffPolicy::delayFor(int attempt)
{
    const qint64 ceiling = ceilingFor(attempt).count();
    const qint64 floor = std::min<qint64>(kFloor.count(), ceiling);
    return std::chrono::milliseconds(
        floor + static_cast<qint64>(m_random.bounded(static_cast<quint64>(ceiling - floor) + 1)));
}

} // namespace swarmwatch
