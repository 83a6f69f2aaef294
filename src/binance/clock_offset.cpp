#include "clock_offset.h"

#include <algorithm>

namespace hoga::binance {

bool ClockOffsetTracker::addSample(std::int64_t sentLocalMs, std::int64_t receivedLocalMs,
                                   std::int64_t serverTimeMs) {
    if (receivedLocalMs < sentLocalMs || serverTimeMs <= 0) {
        return false;
    }
    ClockSample sample;
    sample.rttMs = receivedLocalMs - sentLocalMs;
    // Midpoint of the round trip, rounded toward the send time: integer ms throughout.
    sample.offsetMs = serverTimeMs - (sentLocalMs + sample.rttMs / 2);
    sample.atMs = receivedLocalMs;
    m_samples.push_back(sample);
    while (m_samples.size() > m_window) {
        m_samples.pop_front();
    }
    ++m_total;
    return true;
}

std::optional<ClockSample> ClockOffsetTracker::best() const {
    if (m_samples.empty()) {
        return std::nullopt;
    }
    return *std::min_element(
        m_samples.begin(), m_samples.end(),
        [](const ClockSample& a, const ClockSample& b) { return a.rttMs < b.rttMs; });
}

std::int64_t ClockOffsetTracker::offsetMs() const {
    const auto b = best();
    return b ? b->offsetMs : 0;
}

} // namespace hoga::binance
