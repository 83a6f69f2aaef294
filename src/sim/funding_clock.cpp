#include "funding_clock.h"

namespace hoga::sim {

std::optional<FundingClock::Due> FundingClock::onMarkPrice(const core::MarkPriceUpdate& m) {
    std::optional<Due> due;
    if (m_next && m_next->timeMs > m_lastSettledMs && m.eventTimeMs >= m_next->timeMs) {
        due = Due{m_next->timeMs, m_next->rate, m.markPrice};
        m_lastSettledMs = m_next->timeMs;
    }
    // A funding time at or before one already settled is not announced again (a recorded
    // update that still names the time just passed, or a duplicate payload).
    if (m.nextFundingTimeMs > m_lastSettledMs) {
        m_next = Announced{m.nextFundingTimeMs, m.fundingRate};
    }
    return due;
}

std::optional<std::int64_t> FundingClock::nextFundingTimeMs() const {
    if (!m_next) {
        return std::nullopt;
    }
    return m_next->timeMs;
}

} // namespace hoga::sim
