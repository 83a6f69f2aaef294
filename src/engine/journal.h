#pragma once

// The engine's record of a run, written as it happens: orders, fills, round trips, refusals and
// equity. The SQLite journal (src/storage) implements it; the GUI's trade journal reads the same
// schema. Calls come from the engine thread; an implementation may queue them.

#include "core/trading.h"

#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace hoga::engine {

struct RunInfo {
    std::string runId;
    std::string mode; // backtest, paper, testnet, live
    std::string symbol;
    std::string paramsJson; // the exact parameters
    std::vector<std::string> dataFiles;
    std::string codeVersion;
    // A restarted session is a new run that continues an earlier one (docs/journal.md): the id
    // of the run it resumed (empty for a fresh start) and the balance it took over. Unset
    // startingBalance is journalled as NULL (a backtest that does not say).
    std::string resumedFrom;
    std::optional<core::Fixed8> startingBalance;
};

// Why an order was sent: its purpose, the exit's reason, and the features the decision saw. A
// restart needs the reason to finish an exit that was under way, and the entry features to keep
// the round trip's record of its decision.
struct OrderIntent {
    std::string_view purpose; // entry, exit
    std::optional<core::ExitReason> exitReason;
    core::FeatureSnapshot features;
};

// One funding payment applied to the open position. tripId is the number the position's round
// trip will get when it closes, so the funding of an open position can be summed after a restart.
struct FundingRecord {
    std::int64_t timeMs = 0;        // market time it was booked
    std::int64_t fundingTimeMs = 0; // the funding time it pays for
    std::int64_t tripId = 0;
    core::PositionSide side = core::PositionSide::Flat;
    core::Qty qty{};
    core::Fixed8 markPrice{};
    core::Fixed8 rate{};
    core::Fixed8 amount{}; // received (+) or paid (-)
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
    virtual void recordOrder(const core::OrderRequest& order, const OrderIntent& intent) = 0;
    virtual void recordFill(const core::Fill& fill) = 0;
    virtual void recordFunding(const FundingRecord& funding) = 0;
    virtual void recordRoundTrip(const core::RoundTrip& trip) = 0;
    virtual void recordRefusal(const RefusalRecord& refusal) = 0;
    virtual void recordEquity(const EquitySample& sample) = 0;
    // The run ended: make everything durable.
    virtual void finish() = 0;
};

} // namespace hoga::engine
