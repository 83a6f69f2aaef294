#include "gui/views/signal_math.h"

#include <algorithm>

namespace hoga::gui {

FadeState fadeStateOf(const live::StationSnapshot& s, core::OrderFlowStrategy& strategy) {
    FadeState out;
    strategy.resetFade();
    std::vector<const core::Candle*> closed;
    closed.reserve(s.candles.size());
    for (const auto& bar : s.candles) {
        if (bar.closed) {
            closed.push_back(&bar.candle);
        }
    }
    const auto lookback = static_cast<std::size_t>(std::max(1, s.params.volumeLookback));
    const bool inPosition = !s.position.flat();
    // The engine's ratio: a closed candle's volume against the mean of the last N closed
    // candles, itself included (FeatureTracker::meanClosedVolume when it closes).
    std::int64_t windowSum = 0;
    for (std::size_t i = 0; i < closed.size(); ++i) {
        windowSum += closed[i]->volume.lots;
        if (i >= lookback) {
            windowSum -= closed[i - lookback]->volume.lots;
        }
        const std::size_t n = std::min(i + 1, lookback);
        const double mean = static_cast<double>(windowSum) / static_cast<double>(n);
        const double ratio = mean > 0 ? static_cast<double>(closed[i]->volume.lots) / mean : 0.0;
        out.lastRatio = ratio;
        // Candles that closed while the position was open count towards the fade.
        const bool counts = inPosition && closed[i]->closeTimeMs() > s.position.entryTimeMs;
        strategy.onCandleClosed(ratio, counts);
    }
    out.streak = inPosition ? strategy.fadeStreak() : 0;
    return out;
}

double movePercent(const core::Position& position, core::Price mark) {
    const double entry = position.averagePriceTicks();
    if (position.flat() || entry <= 0) {
        return 0;
    }
    const double move = (static_cast<double>(mark.ticks) - entry) / entry * 100.0;
    return position.side == core::PositionSide::Long ? move : -move;
}

std::int64_t cooldownLeftMs(const live::StationSnapshot& s) {
    for (auto it = s.marks.rbegin(); it != s.marks.rend(); ++it) {
        if (!it->entry) {
            if (it->reason != "stop_loss") {
                return 0;
            }
            return std::max<std::int64_t>(0, it->timeMs + s.params.cooldownAfterStopMs -
                                                 s.marketTimeMs);
        }
    }
    return 0;
}

} // namespace hoga::gui
