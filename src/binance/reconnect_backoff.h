#pragma once

// When to try again after a failure: exponential backoff with jitter. The first retry waits
// `initialMs`, each failure doubles it up to `maxMs`, and every delay is drawn uniformly from
// [delay × (1 − jitter), delay] ("decorrelated" enough that a fleet of clients that lost the same
// server does not come back in lock-step). A connection that stayed up for `stableMs` counts as
// healthy: the next failure starts from `initialMs` again.
//
// Plain C++ and clock-free: callers pass the times in, so the policy is testable and the same in
// every mode.

#include <cstdint>
#include <random>

namespace hoga::binance {

struct BackoffPolicy {
    std::int64_t initialMs = 500;
    std::int64_t maxMs = 30000;
    double jitter = 0.3; // fraction of the delay that is random
    std::int64_t stableMs = 60000;
};

class ReconnectBackoff {
public:
    explicit ReconnectBackoff(BackoffPolicy policy = {},
                              std::uint64_t seed = 0x9e3779b97f4a7c15ULL);

    // A failure at `nowMs`: how long to wait before the next attempt.
    std::int64_t nextDelayMs(std::int64_t nowMs);
    // The attempt succeeded at `nowMs` (connected / answered).
    void succeeded(std::int64_t nowMs);
    // A server asked for at least this long (Retry-After, a ban): the next delay is no shorter.
    void atLeast(std::int64_t ms) { m_floorMs = ms; }

    [[nodiscard]] int failuresInARow() const { return m_failures; }
    [[nodiscard]] const BackoffPolicy& policy() const { return m_policy; }

private:
    BackoffPolicy m_policy;
    std::mt19937_64 m_random;
    int m_failures = 0;
    std::int64_t m_upSinceMs = -1; // time of the last success, -1 if none since a failure
    std::int64_t m_floorMs = 0;
};

} // namespace hoga::binance
