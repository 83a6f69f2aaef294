#pragma once

// The engine's record of a run, written as it happens: orders, fills, round trips, refusals and
// equity. The SQLite journal (src/storage) implements it; the GUI's trade journal reads the same
// schema. Calls come from the engine thread; an implementation may queue them.

#include "core/trading.h"

#include <string>
#include <vector>

namespace hoga::engine {

struct RunInfo {
    std::string runId;
    std::string mode; // backtest, paper, testnet, live
    std::string symbol;
    std::string paramsJson; // the exact parameters
    std::vector<std::string> dataFiles;
    std::string codeVersion;
};

struct RefusalRecord {
    std::int64_t timeMs = 0;
    core::PositionSide side = core::PositionSide::Flat;
    core::Refusal refusal = core::Refusal::BookUnverified;
    std::string detail;
    core::FeatureSnapshot features;
};

struct EquitySample {
    std::int64_t timeMs = 0;
    core::Fixed8 balance{};
    core::Fixed8 equity{};
    core::PositionSide side = core::PositionSide::Flat;
    core::Qty qty{};
};

class Journal {
public:
    virtual ~Journal() = default;
    virtual void recordRun(const RunInfo& run) = 0;
    virtual void recordOrder(const core::OrderRequest& order, std::string_view purpose) = 0;
    virtual void recordFill(const core::Fill& fill) = 0;
    virtual void recordRoundTrip(const core::RoundTrip& trip) = 0;
    virtual void recordRefusal(const RefusalRecord& refusal) = 0;
    virtual void recordEquity(const EquitySample& sample) = 0;
    // The run ended: make everything durable.
    virtual void finish() = 0;
};

} // namespace hoga::engine
