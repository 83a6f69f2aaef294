#pragma once

// The market-data path of one instrument, shared by replay, paper and live: a raw Binance frame
// goes in; the parser, the depth synchroniser with its order book, the candle aggregator and the
// counters come out updated. The live feed (later) and hoga-replay both drive this class, so a
// recording exercises exactly the code that trades.

#include "binance/depth_synchronizer.h"
#include "binance/market_parser.h"
#include "core/candles.h"
#include "core/orderbook.h"

#include <algorithm>
#include <array>
#include <cstdint>
#include <functional>
#include <memory>
#include <optional>
#include <string_view>

namespace spdlog {
class logger;
}

namespace hoga::binance {

// Which trade stream feeds the candles. A recording or connection may carry both `trade` and
// `aggTrade`; counting both would double the volume, so exactly one is used.
enum class TradeSource : std::uint8_t { Auto, Trade, AggTrade };

struct FeedCounters {
    std::array<std::int64_t, kMessageTypeCount> messages{}; // by MessageType
    std::int64_t frames = 0;
    std::int64_t bytes = 0;
    std::int64_t tradesIgnored = 0;    // trades of the stream not chosen for candles
    std::int64_t tickerCompared = 0;   // bookTickers with u == last applied depth u
    std::int64_t tickerMismatched = 0; // … whose best bid/ask or quantities differ from the book
    // The ticker stream is often faster than the depth stream: a bookTicker that arrives before
    // the diff with the same u is compared once that diff has been applied.
    std::int64_t tickerFirstCompared = 0;
    std::int64_t tickerFirstMismatched = 0;
    std::int64_t firstEventTimeMs = 0;
    std::int64_t lastEventTimeMs = 0;
    [[nodiscard]] std::int64_t count(MessageType type) const {
        return messages[static_cast<std::size_t>(type)];
    }
};

class MarketDataProcessor {
public:
    struct Options {
        std::int64_t candleIntervalMs = 1000;
        std::size_t candlesKept = 4096;
        TradeSource tradeSource = TradeSource::Auto;
        std::size_t maxBufferedDiffs = 20000;
        // What a strategy needs: its candle interval, and enough closed candles for its lookback
        // (four times it, at least 4,096) — the same for backtests and live sessions.
        static Options forStrategy(std::int64_t candleIntervalMs, int volumeLookback) {
            Options o;
            o.candleIntervalMs = candleIntervalMs;
            o.candlesKept =
                std::max<std::size_t>(4096, static_cast<std::size_t>(volumeLookback) * 4);
            return o;
        }
    };

    MarketDataProcessor(core::InstrumentSpec instrument, Options options);

    // `capacity`: readable bytes at frame.data() (>= size + 64 avoids a copy).
    MessageType onFrame(std::string_view frame, std::size_t capacity);

    // The same path for events decoded earlier (a replay tape): onFrame parses, then calls these.
    // They do not touch the frame/message counters, which count what was parsed.
    void onDepthUpdate(const core::DepthUpdate& update);
    void onSnapshot(const core::DepthSnapshot& snapshot);
    void onTradeEvent(const core::Trade& trade);
    void onBookTicker(const core::BookTicker& ticker);
    void onOtherEvent(std::int64_t eventTimeMs); // mark price, kline: they only move time

    [[nodiscard]] const core::OrderBook& book() const { return m_book; }
    [[nodiscard]] DepthSynchronizer& synchronizer() { return m_sync; }
    [[nodiscard]] const DepthSynchronizer& synchronizer() const { return m_sync; }
    [[nodiscard]] core::CandleAggregator& candles() { return m_candles; }
    [[nodiscard]] const core::CandleAggregator& candles() const { return m_candles; }
    [[nodiscard]] const MarketParser& parser() const { return m_parser; }
    [[nodiscard]] const FeedCounters& counters() const { return m_counters; }
    [[nodiscard]] const core::InstrumentSpec& instrument() const { return m_parser.instrument(); }
    [[nodiscard]] TradeSource activeTradeSource() const { return m_tradeSource; }
    // Whether the last trade frame fed the candles (false for the stream not chosen).
    [[nodiscard]] bool lastTradeUsed() const { return m_lastTradeUsed; }
    // In sync and not crossed: the only state in which new entries are allowed.
    [[nodiscard]] bool bookVerified() const { return m_sync.inSync() && !m_book.isCrossed(); }

private:
    void onTrade(const core::Trade& trade, MessageType type);
    void checkTicker(const core::BookTicker& ticker);
    [[nodiscard]] bool bookMatches(const core::BookTicker& ticker) const;
    void noteEventTime(std::int64_t eventTimeMs);
    void logMalformed(std::string_view frame);

    MarketParser m_parser;
    core::OrderBook m_book;
    DepthSynchronizer m_sync;
    core::CandleAggregator m_candles;
    TradeSource m_tradeSource;
    bool m_lastTradeUsed = false;
    std::optional<core::BookTicker> m_pendingTicker; // ahead of the book, see FeedCounters
    FeedCounters m_counters;
    std::shared_ptr<spdlog::logger> m_log;
};

} // namespace hoga::binance
