#include "features.h"

#include <algorithm>

namespace hoga::core {

FeatureTracker::FeatureTracker(const StrategyParams& params) : m_params(params) {}

void FeatureTracker::onTrade(std::int64_t timeMs, Price price) {
    m_trades.push_back({timeMs, price});
    // Keep one sample at or before the window start as the reference price.
    const std::int64_t windowStart = timeMs - m_params.momentumWindowMs;
    while (m_trades.size() >= 2 && m_trades[1].timeMs <= windowStart) {
        m_trades.pop_front();
    }
}

bool FeatureTracker::warmedUp(std::int64_t nowMs, const CandleAggregator& candles) const {
    return candles.closed().size() >= static_cast<std::size_t>(m_params.volumeLookback) &&
           !m_trades.empty() && m_trades.front().timeMs <= nowMs - m_params.momentumWindowMs;
}

double FeatureTracker::meanClosedVolume(const CandleAggregator& candles) const {
    if (candles.counters().closed == m_meanForClosed) {
        return m_mean;
    }
    m_meanForClosed = candles.counters().closed;
    m_mean = 0.0;
    const auto& closed = candles.closed();
    const std::size_t n =
        std::min(closed.size(), static_cast<std::size_t>(m_params.volumeLookback));
    if (n == 0) {
        return 0.0;
    }
    std::int64_t sum = 0;
    for (std::size_t i = 0; i < n; ++i) {
        sum += closed.fromNewest(i).volume.lots;
    }
    m_mean = static_cast<double>(sum) / static_cast<double>(n);
    return m_mean;
}

double FeatureTracker::volumeRatio(std::int64_t nowMs, const CandleAggregator& candles) const {
    const auto& current = candles.current();
    const double mean = meanClosedVolume(candles);
    if (!current || mean <= 0) {
        return 0.0;
    }
    const double elapsed =
        static_cast<double>(nowMs - current->openTimeMs) / static_cast<double>(current->intervalMs);
    const double fraction = std::clamp(elapsed, m_params.proRateFloor, 1.0);
    return static_cast<double>(current->volume.lots) / (mean * fraction);
}

double FeatureTracker::momentumBps(std::int64_t nowMs) const {
    if (m_trades.empty()) {
        return 0.0;
    }
    // The reference is the last trade at or before now − W; the trades after it are newer.
    const std::int64_t windowStart = nowMs - m_params.momentumWindowMs;
    std::size_t ref = 0;
    while (ref + 1 < m_trades.size() && m_trades[ref + 1].timeMs <= windowStart) {
        ++ref;
    }
    if (m_trades[ref].timeMs > windowStart) {
        return 0.0; // history shorter than the window
    }
    const double from = static_cast<double>(m_trades[ref].price.ticks);
    const double to = static_cast<double>(m_trades.back().price.ticks);
    return (to - from) / from * 10000.0;
}

FeatureSnapshot FeatureTracker::compute(std::int64_t nowMs, const OrderBook& book,
                                        const CandleAggregator& candles) const {
    FeatureSnapshot f;
    f.timeMs = nowMs;
    if (const auto bid = book.bestBid()) {
        f.bestBid = bid->price;
    }
    if (const auto ask = book.bestAsk()) {
        f.bestAsk = ask->price;
    }
    if (!m_trades.empty()) {
        f.lastPrice = m_trades.back().price;
    }
    f.imbalance = m_params.imbalanceWindow == DepthWindow::TopLevels
                      ? book.imbalanceTopLevels(m_params.imbalanceLevels)
                      : book.imbalanceWithinBps(m_params.imbalanceBps);
    f.momentumBps = momentumBps(nowMs);

    f.volumeRatio = volumeRatio(nowMs, candles);
    if (const auto& current = candles.current(); current && current->volume.lots > 0) {
        f.takerBuyShare = static_cast<double>(current->takerBuyVolume.lots) /
                          static_cast<double>(current->volume.lots);
    }
    return f;
}

} // namespace hoga::core
