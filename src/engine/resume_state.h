#pragma once

// The account a restarted session takes over: what the journal says the previous run left when
// its process stopped. storage::loadResumeState reconstructs it from the journal's rows;
// TradingEngine::restore continues from it. Rules (which run, what carries over): docs/journal.md.

#include "core/position.h"
#include "core/trading.h"

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

namespace hoga::engine {

// The closing fills of a position that an exit has only partly reduced: they belong to the round
// trip that the rest of the position completes.
struct PartialExit {
    core::Qty closedQty{};
    core::Notional closedEntryNotional{}; // the closed part's share of the entry notional
    core::Notional exitNotional{};
    core::Fixed8 exitFees{};
};

struct ResumeState {
    std::string runId;                 // the run resumed from: the new run's resumedFrom
    std::vector<std::string> runChain; // that run and the runs it resumed, oldest first
    core::Fixed8 balance{};            // cash: starting balance + gross PnL - fees + funding
    core::Fixed8 peakEquity{};         // the highest equity journalled (candle closes, balances)
    core::Position position;           // flat when none; funding is what it has received so far
    PartialExit partialExit;
    // Set when an exit was under way and the position is still open (the exit order was still
    // in flight, or the book could not fill all of it): the engine sends it again.
    std::optional<core::ExitReason> exitReason;
    std::string unfinishedOrderId;     // that order, or an entry that had not filled completely
    std::int64_t orderSequence = 0;    // the highest order number used in the chain
    std::int64_t tripSequence = 0;     // the highest round-trip number used in the chain
    std::int64_t fundingPaidForMs = 0; // the last funding time that was booked
    std::int64_t lastTimeMs = 0;       // the latest market time in the run's rows
    // What the risk engine remembers: round trips of the last trading day and the last stop, and
    // the decision times of the orders of the last minute, oldest first.
    std::vector<core::RoundTrip> riskTrips;
    std::vector<std::int64_t> recentOrderTimesMs;
};

} // namespace hoga::engine
