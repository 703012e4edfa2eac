#pragma once

#include <QRandomGenerator>

#include <chrono>

namespace swarmwatch {

// Exponential backoff with full jitter: the delay before attempt n is drawn uniformly from
// [floor, min(cap, base * 2^n)], so a fleet of clients that lost the same server do not return in step.
// The small floor keeps a server that fails instantly (or sends `retry: 0`) from being hammered.
class BackoffPolicy
{
public:
    BackoffPolicy(std::chrono::milliseconds base, std::chrono::milliseconds cap, quint32 seed);

    void setBase(std::chrono::milliseconds base) { m_base = base; }
    std::chrono::milliseconds base() const { return m_base; }
    std::chrono::milliseconds cap() const { return m_cap; }

    // The upper bound of the draw for this attempt (0-based).
    std::chrono::milliseconds ceilingFor(int attempt) const;
    std::chrono::milliseconds delayFor(int attempt);

    static constexpr std::chrono::milliseconds kFloor{50};

private:
    std::chrono::milliseconds m_base;
    std::chrono::milliseconds m_cap;
    QRandomGenerator m_random;
};

} // namespace swarmwatch
