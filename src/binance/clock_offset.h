#pragma once

// The exchange clock relative to ours, from `GET /fapi/v1/time` round trips. For one request sent
// at local t0 and answered at t1 with serverTime S, the offset S − (t0 + t1)/2 is off by at most
// half the round trip; so of the recent samples the one with the shortest round trip wins. With
// it, exchange-to-receive lag (local receive time + offset − event time E) means something.
//
// Clock-free: callers pass local wall times (ms since the epoch) in.

#include <cstddef>
#include <cstdint>
#include <deque>
#include <optional>

namespace hoga::binance {

struct ClockSample {
    std::int64_t offsetMs = 0; // server − local
    std::int64_t rttMs = 0;
    std::int64_t atMs = 0; // local time of the answer
};

class ClockOffsetTracker {
public:
    explicit ClockOffsetTracker(std::size_t window = 8) : m_window(window > 0 ? window : 1) {}

    // One round trip; false (and ignored) when it is implausible (answered before sent).
    bool addSample(std::int64_t sentLocalMs, std::int64_t receivedLocalMs,
                   std::int64_t serverTimeMs);

    [[nodiscard]] bool hasEstimate() const { return !m_samples.empty(); }
    // server − local, from the best recent sample; 0 without one.
    [[nodiscard]] std::int64_t offsetMs() const;
    [[nodiscard]] std::optional<ClockSample> best() const;
    [[nodiscard]] std::int64_t samples() const { return m_total; }

private:
    std::size_t m_window;
    std::deque<ClockSample> m_samples;
    std::int64_t m_total = 0;
};

} // namespace hoga::binance
