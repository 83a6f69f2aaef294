#pragma once

// Orders, fills, decisions and round trips: the vocabulary shared by the strategy, the risk
// engine, the brokers and the journal. Money is Fixed8 USDT; prices and sizes stay on the grids.

#include "price.h"

#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

namespace hoga::core {

enum class PositionSide : std::uint8_t { Flat, Long, Short };
std::string_view positionSideName(PositionSide side);

enum class ExitReason : std::uint8_t {
    VolumeFade,
    ImbalanceReversal,
    StopLoss,
    TakeProfit,
    MaxHold,
    Liquidation,
    EndOfData,
    KillSwitch,
};
inline constexpr std::size_t kExitReasonCount = 8;
std::string_view exitReasonName(ExitReason reason);

enum class Refusal : std::uint8_t {
    BookUnverified, // the book is not proven in sync
    MinNotional,    // below the exchange's MIN_NOTIONAL after rounding
    MinQty,         // rounds down to less than minQty
    MaxNotional,    // above the configured cap
    RateLimit,      // max orders per minute
    DailyLoss,      // daily loss limit reached
    Cooldown,       // cool-down after a stop loss
    StopBeyondLiquidation,
    TradingHalted, // state halted or reducing-only
};
inline constexpr std::size_t kRefusalCount = 9;
std::string_view refusalName(Refusal refusal);

// The numbers a decision was made on: kept with every entry, exit and refusal.
struct FeatureSnapshot {
    std::int64_t timeMs = 0;
    double volumeRatio = 0;     // current candle (pro-rated) / mean of the last N closed
    double imbalance = 0;       // (bid − ask)/(bid + ask) over the configured window
    double momentumBps = 0;     // price change over the momentum window
    double takerBuyShare = 0.5; // of the current candle's volume
    Price lastPrice{};
    Price bestBid{};
    Price bestAsk{};
};

struct OrderRequest {
    std::string clientOrderId; // deterministic: "hoga-<run>-<sequence>"
    Side side = Side::Buy;
    Qty qty{};
    bool reduceOnly = false;
    std::int64_t decisionTimeMs = 0;
};

// One execution against one price level.
struct Fill {
    std::string clientOrderId;
    Side side = Side::Buy;
    Price price{};
    Qty qty{};
    Fixed8 fee{}; // in USDT, positive = paid
    bool maker = false;
    std::int64_t timeMs = 0;
};

struct RoundTrip {
    std::int64_t id = 0;
    PositionSide side = PositionSide::Flat;
    std::int64_t entryTimeMs = 0;
    std::int64_t exitTimeMs = 0;
    Qty qty{};
    Notional entryNotional{}; // Σ ticks × lots of the entry fills
    Notional exitNotional{};
    Fixed8 grossPnl{}; // before fees and funding
    Fixed8 fees{};
    Fixed8 funding{}; // received (+) or paid (−) while open
    Fixed8 netPnl{};
    ExitReason exitReason = ExitReason::EndOfData;
    FeatureSnapshot atEntry;
    FeatureSnapshot atExit;
};

} // namespace hoga::core
