#pragma once

// The account of a chain of journalled runs, rebuilt from their fills in journal order with
// TradingEngine's own integer arithmetic (onFill, completeRoundTrip): each position the fills
// close must match its round-trip row, so a lost or altered row is found instead of resumed.
// Used by loadResumeState (resume_reader.h).

#include "engine/resume_state.h"

#include <optional>
#include <string>
#include <vector>

namespace hoga::storage {

struct JournalRun {
    std::string id;
    std::string mode;
    std::string symbol;
    std::string resumedFrom; // empty: a fresh start
    std::optional<std::int64_t> startingBalanceE8;
};

struct JournalFill {
    std::string clientOrderId;
    bool buy = true;
    std::int64_t priceTicks = 0;
    std::int64_t lots = 0;
    std::int64_t feeE8 = 0;
    std::int64_t timeMs = 0;
};

struct JournalTrip {
    std::int64_t tripId = 0;
    std::string side;
    std::int64_t entryTimeMs = 0;
    std::int64_t exitTimeMs = 0;
    std::int64_t lots = 0;
    std::int64_t entryUnits = 0;
    std::int64_t exitUnits = 0;
    std::int64_t grossE8 = 0;
    std::int64_t netE8 = 0;
    std::string exitReason;
};

class FillReplay {
public:
    // Books into `state`: balance (fees, round trips' gross PnL), position, partial exit and trip
    // sequence. The caller sets the run's starting balance and adds its funding.
    explicit FillReplay(engine::ResumeState& state) : m_state(state) {}

    // One run's fills and round trips (both in journal order); false with `error` when they do
    // not agree.
    bool runFills(const JournalRun& run, const std::vector<JournalFill>& fills,
                  const std::vector<JournalTrip>& trips, std::string& error);

    // The run and client order id of the fill that opened the open position.
    [[nodiscard]] const std::string& openedInRun() const { return m_openedInRun; }
    [[nodiscard]] const std::string& openedByOrder() const { return m_openedByOrder; }

private:
    bool apply(const JournalRun& run, const JournalFill& fill, std::string& error);
    bool matches(const JournalTrip& trip, const JournalRun& run, std::string& error) const;

    engine::ResumeState& m_state;
    std::string m_openedInRun;
    std::string m_openedByOrder;
};

} // namespace hoga::storage
