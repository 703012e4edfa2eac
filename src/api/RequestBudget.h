#pragma once

#include <chrono>
#include <functional>

namespace swarmwatch {

// A token bucket: at most `rate` requests per second on average, with bursts of up to `burst` after a quiet
// spell (so the first refetch after a pause goes out at once). The clock is passed in, so tests control time.
class RequestBudget
{
public:
    using Clock = std::function<std::chrono::steady_clock::time_point()>;

    explicit RequestBudget(Clock clock = &std::chrono::steady_clock::now);

    // requestsPerSecond <= 0: unlimited. The burst defaults to a fifth of a second's worth (at least 1).
    void setRate(double requestsPerSecond, double burst = 0);
    double rate() const { return m_rate; }
    double burst() const { return m_burst; }
    bool isLimited() const { return m_rate > 0; }

    // Takes one token if there is one.
    bool tryTake();
    // How long until tryTake() can succeed (zero when it can now).
    std::chrono::milliseconds waitTime();
    // 0 (exhausted) to 1 (a full burst available): how much room there is right now.
    double fill();

private:
    void refill();

    Clock m_clock;
    double m_rate = 0;
    double m_burst = 1;
    double m_tokens = 1;
    std::chrono::steady_clock::time_point m_last;
};

} // namespace swarmwatch
