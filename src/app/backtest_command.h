#pragma once

// hoga-backtest: replays recordings through the same market-data path as hoga-replay and the
// same TradingEngine as paper and live trading, with the paper broker as the gateway.

#include "core/strategy_params.h"
#include "engine/backtest_report.h"
#include "engine/journal.h"

#include <functional>
#include <iosfwd>
#include <optional>
#include <string>
#include <vector>

namespace hoga::app {

struct BacktestOptions {
    std::vector<std::string> dataFiles;
    std::string paramsPath;  // empty: defaults
    std::string preset;      // "default" or "demo", when no params file is given
    std::string journalPath; // SQLite
    std::string tradesCsv;
    std::string equityCsv;
    bool json = false;
    bool quiet = false;
    // Sweep mode.
    std::string sweepPath; // grid JSON
    std::string sweepOut;  // CSV; empty: stdout
    double split = 0;      // in-sample fraction, 0 = no split
    int threads = 0;       // 0: one per core
};

std::optional<BacktestOptions> parseBacktestArguments(const std::vector<std::string>& args,
                                                      std::string& error);
std::string backtestUsage();

// Runs one backtest. `extraJournal` (e.g. SQLite) receives every record too. `progress` is called
// now and then with the fraction of input consumed.
engine::BacktestReport runBacktest(const std::vector<std::string>& files,
                                   const core::StrategyParams& params,
                                   engine::Journal* extraJournal,
                                   const std::function<void(double)>& progress = {});

int backtestMain(const std::vector<std::string>& args, std::ostream& out, std::ostream& err);

} // namespace hoga::app
