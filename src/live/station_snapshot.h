#pragma once

// What a front end shows of a running session, copied on the engine thread at a bounded rate
// (LiveSession publishes at most every `snapshotIntervalMs`) and never changed afterwards: the
// GUI holds a shared_ptr<const StationSnapshot> and reads it on its own thread without locks.

#include "binance/depth_synchronizer.h"
#include "binance/feed_event.h"
#include "core/candles.h"
#include "core/instrument.h"
#include "core/orderbook.h"
#include "core/position.h"
#include "core/risk_engine.h"
#include "core/strategy_params.h"
#include "engine/trading_engine.h"

#include <cstdint>
#include <string>
#include <vector>

namespace hoga::live {

// One execution of ours, for the chart's markers.
struct TradeMark {
    std::int64_t timeMs = 0;
    core::Side side = core::Side::Buy;
    core::Price price{};
    core::Qty qty{};
    bool entry = true;  // opened (or added to) a position; false: closed (part of) one
    std::string reason; // the exit reason of the round trip it closed, or "entry"
};

struct StationSnapshot {
    std::uint64_t sequence = 0; // increases with every publication
    std::int64_t marketTimeMs = 0;
    std::int64_t events = 0; // events the session had handled when this was built
    core::InstrumentSpec instrument;
    core::StrategyParams params; // the thresholds in force

    // Candles of the engine's interval (params.candleIntervalMs), oldest first: the closed ones
    // kept (up to kSnapshotCandles) and the one forming now (closed = false).
    struct Bar {
        core::Candle candle;
        bool closed = true;
    };
    std::vector<Bar> candles;

    // The book around the touch, best first.
    std::vector<core::Level> bids;
    std::vector<core::Level> asks;

    // The strategy's inputs now, computed for the display at publication time (the engine
    // computes its own only when it needs them).
    core::FeatureSnapshot features;
    bool warmedUp = false;
    int fadeStreak = 0; // consecutive closed candles below the fade threshold, in a position

    // Health.
    binance::SyncState syncState = binance::SyncState::WaitingForSnapshot;
    std::string syncReason;
    binance::FeedHealth feedHealth = binance::FeedHealth::Connecting;
    std::string feedDetail;
    bool entriesAllowed = false; // book verified and feed healthy
    bool takingEntries = true;   // not stopped by the trader
    core::TradingState tradingState = core::TradingState::Active;

    // Account.
    core::Position position;
    core::Fixed8 balance{};
    core::Fixed8 equity{};
    core::Fixed8 unrealizedPnl{};
    core::Price markPrice{};        // last trade price (what the engine marks the position at)
    core::Price liquidationPrice{}; // isolated estimate; zero when flat
    core::Price stopPrice{};        // where the stop loss triggers; zero when flat
    engine::EngineStats stats;

    std::vector<TradeMark> marks; // the latest executions, oldest first
};

inline constexpr std::size_t kSnapshotCandles = 600;
inline constexpr std::size_t kSnapshotLevels = 40;
inline constexpr std::size_t kSnapshotMarks = 200;

} // namespace hoga::live
