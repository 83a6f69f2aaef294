#pragma once

// Streams the recordings do not carry, derived from what they do carry, in Binance's payloads:
// - @aggTrade from @trade: consecutive trades with the same price, taker side and trade time form
//   one aggregate (a: own counter, never reset; f/l: first and last trade id). An aggregate is
//   sent when a trade that does not extend it arrives, or when flushAggTrade() is called (the
//   replay calls it once no further trade can join: 5 ms of recorded time without one).
// - @kline_<interval> for every Binance interval (1m … 1M), from the trades the candles count:
//   an update (x=false) at most every 250 ms of exchange time while the candle changes — as
//   Binance's 250 ms push — and one x=true when exchange time passes the candle's close. A
//   candle opens with its first trade; an interval without trades sends nothing.
// - @markPrice@1s and @markPrice (3 s) when the recording has no mark prices: mark = index =
//   estimated settle price = the book's mid, funding rate 0.0001 (Binance's baseline: the interest
//   component with a zero premium), next funding time the next 00:00/08:00/16:00 UTC (or the next
//   multiple of Options::fundingIntervalMs). Sent when
//   exchange time crosses a whole second (every third second for @markPrice).
// All times given here are already what clients see except `shiftMs`, added when writing JSON.

#include "core/instrument.h"
#include "core/market_events.h"
#include "core/orderbook.h"
#include "sim/stream_kind.h"

#include <array>
#include <cstdint>
#include <optional>
#include <string>
#include <vector>

namespace hoga::sim {

class DerivedStreams {
public:
    struct Options {
        bool aggTrades = true;  // derive @aggTrade from raw trades
        bool markPrices = true; // derive @markPrice from the mid
        std::int64_t shiftMs = 0;
        std::int64_t fundingIntervalMs = 8 * 3'600'000; // funding times: multiples of it
    };
    DerivedStreams(core::InstrumentSpec spec, Options options);

    // A trade as sent to clients (ids and times already offset). Raw trades feed the aggregator;
    // the trades that candles count feed the klines.
    void onTrade(const core::Trade& trade, bool countInKlines, const StreamSink& sink);
    // Exchange time has reached `nowMs`: pushes due kline updates and closes, and mark prices.
    void onTime(std::int64_t nowMs, const core::OrderBook& book, const StreamSink& sink);
    void flushAggTrade(const StreamSink& sink);
    [[nodiscard]] bool aggTradePending() const { return m_agg.has_value(); }

    // Binance's kline intervals and their stream names.
    static constexpr std::array<const char*, 15> kIntervals = {"1m",  "3m", "5m", "15m", "30m",
                                                               "1h",  "2h", "4h", "6h",  "8h",
                                                               "12h", "1d", "3d", "1w",  "1M"};
    // Open time of the candle of `interval` (index into kIntervals) that holds `timeMs`.
    static std::int64_t candleOpenMs(std::size_t interval, std::int64_t timeMs);
    static std::int64_t candleCloseMs(std::size_t interval, std::int64_t openMs); // T: last ms

private:
    struct Candle {
        bool open = false;
        bool dirty = false;
        std::int64_t lastPushMs = 0;
        core::Kline k;
        core::Notional quote{};
        core::Notional takerBuyQuote{};
        std::string stream; // "kline_1m"
    };
    void pushKline(Candle& c, std::int64_t nowMs, const StreamSink& sink);

    core::InstrumentSpec m_spec;
    Options m_options;
    std::optional<core::Trade> m_agg;
    std::uint64_t m_nextAggId = 0;
    std::array<Candle, kIntervals.size()> m_candles;
    std::int64_t m_nextMarkMs = 0; // next whole second a mark price is due
};

} // namespace hoga::sim
