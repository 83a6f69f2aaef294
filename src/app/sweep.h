#pragma once

// Parameter sweeps: a grid over any StrategyParams fields, every point backtested on one decoded
// copy of the events (binance::EventTape) by a pool of threads. With a split, each point is run
// twice from the start of the data — entries allowed only before the split time (in-sample) and
// only after it (out-of-sample) — so both parts start from a warm book and warm candles, and a
// trader can see whether the best in-sample parameters hold up on data they were not chosen on.

#include "binance/event_tape.h"
#include "core/strategy_params.h"
#include "engine/backtest_report.h"

#include <optional>
#include <string>
#include <utility>
#include <vector>

namespace hoga::app {

struct SweepPoint {
    std::vector<std::pair<std::string, std::string>> values; // field → JSON value
    core::StrategyParams params;
    std::string error; // the point's parameters are invalid (it is not run)
};

// {"volume_burst_ratio": [2, 3, 4], "imbalance_entry": [0.2, 0.3]} → 6 points over `base`.
bool expandGrid(std::string_view gridJson, const core::StrategyParams& base,
                std::vector<SweepPoint>& out, std::string& error);

struct SweepResult {
    SweepPoint point;
    engine::BacktestReport primary;                    // whole data, or in-sample with a split
    std::optional<engine::BacktestReport> outOfSample; // with a split
};

struct SweepOptions {
    int threads = 1;
    double split = 0; // 0: no split; else the in-sample fraction of the data's time span
};

// Results sorted by the primary net PnL, best first (invalid points last).
std::vector<SweepResult> runSweep(const binance::EventTape& tape,
                                  const std::vector<SweepPoint>& points,
                                  const SweepOptions& options);

std::string sweepCsv(const std::vector<SweepResult>& results);

} // namespace hoga::app
