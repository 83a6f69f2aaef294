#pragma once

// Candles built from trades, on the exchange's event time (E; every stream carries it, so trades
// and the other streams that close candles share one clock): open, high, low, close, volume split
// by taker side, trade count and the exact quote volume (for VWAP). Intervals run from 1 s to 1 h.
// Intervals without trades become zero-volume candles at the previous close, so a strategy's
// "average of the last N candles" counts quiet seconds as quiet, not as missing.

#include "market_events.h"
#include "ring_buffer.h"

#include <cstdint>
#include <functional>
#include <optional>
#include <string>
#include <string_view>

namespace hoga::core {

struct Candle {
    std::int64_t openTimeMs = 0; // inclusive start, a multiple of the interval
    std::int64_t intervalMs = 0;
    Price open, high, low, close;
    Qty volume;
    Qty takerBuyVolume;
    Qty takerSellVolume;
    Notional quoteVolume; // Σ price × qty, exact
    std::int64_t tradeCount = 0;

    [[nodiscard]] std::int64_t closeTimeMs() const { return openTimeMs + intervalMs; }
    [[nodiscard]] bool hasTrades() const { return tradeCount > 0; }
    // Volume-weighted average price in ticks (a ratio, so a double is the honest type here).
    [[nodiscard]] std::optional<double> vwapTicks() const;
};

// "1s", "15s", "1m", "5m", "1h" → milliseconds; nullopt outside 1 s … 1 h or unparsable.
std::optional<std::int64_t> parseCandleInterval(std::string_view text);
std::string formatCandleInterval(std::int64_t intervalMs);

struct CandleCounters {
    std::int64_t trades = 0;
    std::int64_t closed = 0; // every closed candle, including empty ones and those the ring dropped
    std::int64_t emptyClosed = 0; // closed candles without trades
    std::int64_t lateTrades = 0;  // trades older than the current candle: added to it, counted here
    Qty volume;                   // Σ qty of all trades
    Notional quoteVolume;         // Σ price × qty of all trades
};

class CandleAggregator {
public:
    using ClosedCallback = std::function<void(const Candle&)>;

    CandleAggregator(std::int64_t intervalMs, std::size_t keepClosed);

    void addTrade(const Trade& trade);
    // Closes every candle that ends at or before `timeMs` (exchange time of any event), so that
    // candles close on time even when no trade arrives.
    void advanceTo(std::int64_t timeMs);

    void setClosedCallback(ClosedCallback callback) { m_onClosed = std::move(callback); }

    [[nodiscard]] std::int64_t intervalMs() const { return m_intervalMs; }
    [[nodiscard]] const std::optional<Candle>& current() const { return m_current; }
    [[nodiscard]] const RingBuffer<Candle>& closed() const { return m_closed; }
    [[nodiscard]] const CandleCounters& counters() const { return m_counters; }

private:
    void closeCurrent();
    void startCandle(std::int64_t openTimeMs, Price carryClose);
    [[nodiscard]] std::int64_t alignDown(std::int64_t timeMs) const;

    std::int64_t m_intervalMs;
    std::optional<Candle> m_current;
    RingBuffer<Candle> m_closed;
    CandleCounters m_counters;
    ClosedCallback m_onClosed;
};

} // namespace hoga::core
