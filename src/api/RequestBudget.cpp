#include "RequestBudget.h"

#include <algorithm>
#include <cmath>

namespace swarmwatch {

RequestBudget::RequestBudget(Clock clock)
    : m_clock(std::move(clock))
    , m_last(m_clock())
{}

void RequestBudget::setRate(double requestsPerSecond, double burst)
{
    refill();
    m_rate = std::max(0.0, requestsPerSecond);
    m_burst = burst > 0 ? burst : std::max(1.0, m_rate / 5);
    m_tokens = std::min(m_tokens, m_burst);
    if (m_rate <= 0)
        m_tokens = m_burst;
}

void RequestBudget::refill()
{
    const auto now = m_clock();
    if (m_rate > 0) {
        const double seconds = std::chrono::duration<double>(now - m_last).count();
        m_tokens = std::min(m_burst, m_tokens + std::max(0.0, seconds) * m_rate);
    }
    m_last = now;
}

namespace {
// Time comes in as a sum of double seconds: a token may be short of 1 by a rounding error, not by a request.
constexpr double kWhole = 1 - 1e-9;
} // namespace

bool RequestBudget::tryTake()
{
    if (m_rate <= 0)
        return true;
    refill();
    if (m_tokens < kWhole)
        return false;
    m_tokens -= 1;
    return true;
}

std::chrono::milliseconds RequestBudget::waitTime()
{
    if (m_rate <= 0)
        return std::chrono::milliseconds(0);
    refill();
    if (m_tokens >= kWhole)
        return std::chrono::milliseconds(0);
    return std::chrono::milliseconds(static_cast<long long>(std::ceil((1 - m_tokens) / m_rate * 1000)));
}

double RequestBudget::fill()
{
    if (m_rate <= 0)
        return 1;
    refill();
    return std::clamp(m_tokens / m_burst, 0.0, 1.0);
}

} // namespace swarmwatch
