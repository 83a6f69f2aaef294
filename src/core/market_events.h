#pragma once

// Venue-neutral market events, as the engine sees them. Every event carries the exchange's own
// times (ms since the Unix epoch) and, where the source provides it, the local receive time in ns:
// they are different clocks and both are kept (ARCHITECTURE.md §3, "Time").

#include "price.h"

#include <cstdint>
#include <string>
#include <vector>

namespace hoga::core {

struct PriceLevel {
    Price price;
    Qty qty; // absolute; zero removes the level
};

// One diff of the depth stream. U/u/pu are Binance's update ids; the synchroniser needs them.
struct DepthUpdate {
    std::int64_t eventTimeMs = 0;
    std::int64_t transactionTimeMs = 0;
    std::uint64_t firstUpdateId = 0;     // U
    std::uint64_t finalUpdateId = 0;     // u
    std::uint64_t prevFinalUpdateId = 0; // pu
    std::vector<PriceLevel> bids;
    std::vector<PriceLevel> asks;
};

// The REST depth snapshot (GET /fapi/v1/depth).
struct DepthSnapshot {
    std::uint64_t lastUpdateId = 0;
    std::int64_t eventTimeMs = 0;
    std::int64_t transactionTimeMs = 0;
    std::vector<PriceLevel> bids;
    std::vector<PriceLevel> asks;
};

// A trade from the `trade` stream or an aggregated one from `aggTrade`.
struct Trade {
    std::int64_t eventTimeMs = 0;
    std::int64_t tradeTimeMs = 0;
    std::uint64_t id = 0;           // trade id, or aggregate id for aggTrade
    std::uint64_t firstTradeId = 0; // aggTrade only (f); equals id for plain trades
    std::uint64_t lastTradeId = 0;  // aggTrade only (l)
    Price price;
    Qty qty;
    bool buyerIsMaker = false; // m: true means the taker sold
    bool aggregated = false;
    [[nodiscard]] Side takerSide() const { return buyerIsMaker ? Side::Sell : Side::Buy; }
};

struct BookTicker {
    std::int64_t eventTimeMs = 0;
    std::int64_t transactionTimeMs = 0;
    std::uint64_t updateId = 0; // u, same id space as depth u
    Price bidPrice;
    Qty bidQty;
    Price askPrice;
    Qty askQty;
};

// Mark and index prices are not on the tick grid (8 decimals), hence Fixed8.
struct MarkPriceUpdate {
    std::int64_t eventTimeMs = 0;
    Fixed8 markPrice;
    Fixed8 indexPrice;
    Fixed8 estimatedSettlePrice;
    Fixed8 fundingRate;
    std::int64_t nextFundingTimeMs = 0;
};

// The exchange's own candle (`kline_<interval>` stream).
struct Kline {
    std::int64_t eventTimeMs = 0;
    std::int64_t openTimeMs = 0;
    std::int64_t closeTimeMs = 0;
    std::string interval; // "1m", ...
    std::uint64_t firstTradeId = 0;
    std::uint64_t lastTradeId = 0;
    Price open, high, low, close;
    Qty volume;
    Qty takerBuyVolume;
    Fixed8 quoteVolume;
    Fixed8 takerBuyQuoteVolume;
    std::int64_t tradeCount = 0;
    bool closed = false;
};

} // namespace hoga::core
