#pragma once

// The figures of a backtest, computed from the engine's statistics, and their JSON and text forms,
// with the original spec's targets beside them (win rate ≥ 50 %, max drawdown within 30 %).

#include "core/instrument.h"
#include "engine/trading_engine.h"

#include <string>

namespace hoga::engine {

struct BacktestReport {
    EngineStats stats;
    core::Fixed8 startingCapital{};
    core::Fixed8 finalEquity{};
    double krwPerUsdt = 0;
    double elapsedSeconds = 0;
    std::int64_t events = 0;
    std::int64_t malformed = 0;
    std::string error;

    [[nodiscard]] double winRatePct() const;
    [[nodiscard]] double returnPct() const;
    [[nodiscard]] double exposurePct() const;
    [[nodiscard]] double averageHoldSeconds() const;
    [[nodiscard]] double eventsPerSecond() const;
};

inline constexpr double kTargetWinRatePct = 50.0;
inline constexpr double kTargetMaxDrawdownPct = 30.0;

std::string reportToJson(const BacktestReport& report);
std::string reportToText(const BacktestReport& report);

} // namespace hoga::engine
