#include "gui/charts/candle_history.h"

#include <algorithm>

namespace hoga::gui {

void mergeCandle(core::Candle& bar, const core::Candle& next) {
    if (next.hasTrades()) {
        if (!bar.hasTrades()) {
            // Until its first trade a candle only carries the previous close; the first trade
            // sets open, high and low (core::CandleAggregator does the same).
            bar.open = next.open;
            bar.high = next.high;
            bar.low = next.low;
        } else {
            bar.high = std::max(bar.high, next.high);
            bar.low = std::min(bar.low, next.low);
        }
    }
    bar.close = next.close;
    bar.volume += next.volume;
    bar.takerBuyVolume += next.takerBuyVolume;
    bar.takerSellVolume += next.takerSellVolume;
    bar.quoteVolume += next.quoteVolume;
    bar.tradeCount += next.tradeCount;
}

CandleHistory::CandleHistory(std::size_t capacity) : m_capacity(capacity > 0 ? capacity : 1) {}

std::int64_t CandleHistory::bucketOpen(std::int64_t timeMs, std::int64_t intervalMs) {
    std::int64_t q = timeMs / intervalMs;
    if (timeMs % intervalMs < 0) {
        --q;
    }
    return q * intervalMs;
}

bool CandleHistory::addClosed(const core::Candle& candle) {
    if (candle.intervalMs <= 0) {
        return false;
    }
    if (candle.intervalMs != m_baseIntervalMs) {
        clear(); // another engine interval: the old candles cannot be merged with these
        m_baseIntervalMs = candle.intervalMs;
    }
    if (!m_closed.empty() && candle.openTimeMs <= m_closed.back().openTimeMs) {
        return false;
    }
    m_closed.push_back(candle);
    while (m_closed.size() > m_capacity) {
        m_closed.pop_front();
    }
    if (m_forming && m_forming->openTimeMs <= candle.openTimeMs) {
        m_forming.reset(); // it has just closed
    }
    return true;
}

void CandleHistory::setForming(std::optional<core::Candle> candle) {
    if (candle && m_baseIntervalMs != 0 && candle->intervalMs != m_baseIntervalMs) {
        clear();
    }
    if (candle && m_baseIntervalMs == 0) {
        m_baseIntervalMs = candle->intervalMs;
    }
    if (candle && !m_closed.empty() && candle->openTimeMs <= m_closed.back().openTimeMs) {
        candle.reset(); // older than what is already closed: an out-of-date snapshot
    }
    m_forming = std::move(candle);
}

void CandleHistory::clear() {
    m_closed.clear();
    m_forming.reset();
    m_baseIntervalMs = 0;
}

std::optional<std::int64_t> CandleHistory::newestOpenMs() const {
    if (m_closed.empty()) {
        return std::nullopt;
    }
    return m_closed.back().openTimeMs;
}

std::vector<AggregatedBar> CandleHistory::aggregate(std::int64_t intervalMs, std::int64_t fromMs,
                                                    std::size_t maxBars) const {
    std::vector<AggregatedBar> bars;
    if (empty() || intervalMs <= 0 || intervalMs % m_baseIntervalMs != 0) {
        return bars;
    }
    const core::Candle& newest = m_forming ? *m_forming : m_closed.back();
    if (maxBars > 0) {
        const std::int64_t span = static_cast<std::int64_t>(maxBars - 1) * intervalMs;
        fromMs = std::max(fromMs, bucketOpen(newest.openTimeMs, intervalMs) - span);
    }
    // The first bucket opening at or after fromMs (buckets never straddle it).
    std::int64_t firstBucket = kFromStart;
    if (fromMs != kFromStart) {
        firstBucket = bucketOpen(fromMs, intervalMs);
        if (firstBucket < fromMs) {
            firstBucket += intervalMs;
        }
    }
    const auto begin =
        std::lower_bound(m_closed.begin(), m_closed.end(), firstBucket,
                         [](const core::Candle& c, std::int64_t t) { return c.openTimeMs < t; });
    const auto fold = [&](const core::Candle& c, bool isClosed) {
        const std::int64_t bucket = bucketOpen(c.openTimeMs, intervalMs);
        if (bars.empty() || bars.back().candle.openTimeMs != bucket) {
            AggregatedBar bar;
            bar.candle = c;
            bar.candle.openTimeMs = bucket;
            bar.candle.intervalMs = intervalMs;
            bars.push_back(bar);
        } else {
            mergeCandle(bars.back().candle, c);
        }
        bars.back().closed = isClosed && c.closeTimeMs() >= bucket + intervalMs;
    };
    bars.reserve(maxBars > 0 ? maxBars : 64);
    for (auto it = begin; it != m_closed.end(); ++it) {
        fold(*it, true);
    }
    if (m_forming && m_forming->openTimeMs >= firstBucket) {
        fold(*m_forming, false);
    }
    // A bucket followed by a later one is complete even if the history has a hole in it.
    for (std::size_t i = 0; i + 1 < bars.size(); ++i) {
        bars[i].closed = true;
    }
    return bars;
}

} // namespace hoga::gui
