#pragma once

// The signal panel's derived numbers, from a snapshot only: the closed candles' volume ratios and
// the fade streak since the entry (counted by the strategy's own onCandleClosed), the open
// position's move in percent, and what is left of the cooldown after a stop loss.

#include "core/order_flow_strategy.h"
#include "live/station_snapshot.h"

namespace hoga::gui {

struct FadeState {
    double lastRatio = 0; // the newest closed candle's volume / mean of the last N closed
    int streak = 0;       // consecutive closed candles below the fade ratio since the entry
};

// `strategy` is a fresh one with the snapshot's params (its streak is reset first).
FadeState fadeStateOf(const live::StationSnapshot& s, core::OrderFlowStrategy& strategy);
// The position's move from its average entry to `mark` in its favour, in percent (display).
double movePercent(const core::Position& position, core::Price mark);
// Milliseconds of market time left in the cooldown after the last stop-loss exit, or 0.
std::int64_t cooldownLeftMs(const live::StationSnapshot& s);

} // namespace hoga::gui
