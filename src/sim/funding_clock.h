#pragma once

// When funding is due: follows the markPrice stream the clients see (recorded, or derived, see
// derived_streams.h) and reports a funding time once the market's time has passed it.
//
// Each markPriceUpdate announces the next funding time (T) and the rate that will be paid then
// (r). When an update's event time E reaches the announced time, that funding is due, with the
// rate last announced for it and this update's mark price (the first mark at or after the funding
// time). Every funding time is reported once, even though the payload may arrive on both mark
// streams (@markPrice@1s and @markPrice) and a loop replays the same recorded times shifted.

#include "core/market_events.h"

#include <cstdint>
#include <optional>

namespace hoga::sim {

class FundingClock {
public:
    struct Due {
        std::int64_t fundingTimeMs = 0;
        core::Fixed8 rate{};
        core::Fixed8 mark{};
    };

    // One mark price update, times as clients see them. The funding now due, if any.
    std::optional<Due> onMarkPrice(const core::MarkPriceUpdate& m);

    // The funding time and rate announced last (none before the first update).
    [[nodiscard]] std::optional<std::int64_t> nextFundingTimeMs() const;

private:
    struct Announced {
        std::int64_t timeMs = 0;
        core::Fixed8 rate{};
    };
    std::optional<Announced> m_next;
    std::int64_t m_lastSettledMs = 0;
};

} // namespace hoga::sim
