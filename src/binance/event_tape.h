#pragma once

// Recordings decoded once into memory, so that a parameter sweep or the exchange simulator replays
// the same events many times without reading or parsing them again. Each replay still runs the full
// market-data path (depth sync, book, candles) of binance::MarketDataProcessor, on its own copy of
// the state.

#include "core/instrument.h"
#include "core/market_events.h"

#include <cstdint>
#include <string>
#include <vector>

namespace hoga::binance {

struct EventTape {
    enum class Kind : std::uint8_t { Depth, Snapshot, Trade, Ticker, Mark, Other };
    struct Entry {
        Kind kind;
        std::uint32_t index;  // into the vector of its kind
        std::int64_t timeMs;  // exchange event time (Other: kline and the like)
        std::int64_t localNs; // local receive time of the recording
    };
    std::vector<Entry> entries;
    std::vector<core::DepthUpdate> depth;
    std::vector<core::DepthSnapshot> snapshots;
    std::vector<core::Trade> trades;
    std::vector<core::BookTicker> tickers;
    std::vector<core::MarkPriceUpdate> marks;
    std::int64_t malformed = 0;
    std::int64_t firstTimeMs = 0;
    std::int64_t lastTimeMs = 0;
    std::string error;

    [[nodiscard]] std::size_t memoryBytes() const;
};

EventTape decodeTape(const std::vector<std::string>& files, const core::InstrumentSpec& spec);

} // namespace hoga::binance
