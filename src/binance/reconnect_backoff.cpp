#include "reconnect_backoff.h"

#include <algorithm>

namespace hoga::binance {

ReconnectBackoff::ReconnectBackoff(BackoffPolicy policy, std::uint64_t seed)
    : m_policy(policy), m_random(seed) {}

void ReconnectBackoff::succeeded(std::int64_t nowMs) {
    m_upSinceMs = nowMs;
}

std::int64_t ReconnectBackoff::nextDelayMs(std::int64_t nowMs) {
    // A connection that lived long enough proves the earlier trouble is over.
    if (m_upSinceMs >= 0 && nowMs - m_upSinceMs >= m_policy.stableMs) {
        m_failures = 0;
    }
    m_upSinceMs = -1;
    const int doublings = std::min(m_failures, 30);
    ++m_failures;
    const double base = std::min(static_cast<double>(m_policy.maxMs),
                                 static_cast<double>(m_policy.initialMs) *
                                     static_cast<double>(std::int64_t{1} << doublings));
    std::uniform_real_distribution<double> spread(1.0 - m_policy.jitter, 1.0);
    auto delay = static_cast<std::int64_t>(base * spread(m_random));
    delay = std::max(delay, m_floorMs);
    m_floorMs = 0;
    return std::max<std::int64_t>(delay, 1);
}

} // namespace hoga::binance
