#pragma once

// The strategy's inputs, computed from the book, the candles and the tape at one event, using
// only what is known at that event.

#include "candles.h"
#include "orderbook.h"
#include "strategy_params.h"
#include "trading.h"

#include <cstdint>
#include <deque>

namespace hoga::core {

class FeatureTracker {
public:
    explicit FeatureTracker(const StrategyParams& params);
    // New windows and levels; the trade history is kept (a longer momentum window fills up).
    void setParams(const StrategyParams& params) {
        m_params = params;
        m_meanForClosed = -1;
    }

    // Every trade (for momentum): call before compute() for the same event.
    void onTrade(std::int64_t timeMs, Price price);

    // Enough history: N closed candles and a full momentum window.
    [[nodiscard]] bool warmedUp(std::int64_t nowMs, const CandleAggregator& candles) const;

    [[nodiscard]] FeatureSnapshot compute(std::int64_t nowMs, const OrderBook& book,
                                          const CandleAggregator& candles) const;

    // Mean volume (lots) of the last N closed candles; 0 when there are none. Cached until the
    // next candle closes.
    [[nodiscard]] double meanClosedVolume(const CandleAggregator& candles) const;
    // The volume ratio alone (the cheapest entry condition, checked first on every event).
    [[nodiscard]] double volumeRatio(std::int64_t nowMs, const CandleAggregator& candles) const;

    // Price change in bps over the window ending at nowMs; 0 without a reference trade.
    [[nodiscard]] double momentumBps(std::int64_t nowMs) const;

private:
    struct Sample {
        std::int64_t timeMs;
        Price price;
    };
    StrategyParams m_params;
    std::deque<Sample> m_trades; // the last trade at or before now − W, and everything after
    mutable std::int64_t m_meanForClosed = -1; // candles.counters().closed the mean is for
    mutable double m_mean = 0;
};

} // namespace hoga::core
