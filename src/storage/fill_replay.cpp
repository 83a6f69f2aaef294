#include "storage/fill_replay.h"

#include "core/wide_int.h"

namespace hoga::storage {

bool FillReplay::runFills(const JournalRun& run, const std::vector<JournalFill>& fills,
                          const std::vector<JournalTrip>& trips, std::string& error) {
    std::size_t nextTrip = 0;
    for (const JournalFill& fill : fills) {
        if (fill.lots <= 0) {
            error = "run " + run.id + ": fill of " + fill.clientOrderId + " at " +
                    std::to_string(fill.timeMs) + " has no quantity";
            return false;
        }
        m_state.balance.e8 -= fill.feeE8;
        if (!apply(run, fill, error)) {
            return false;
        }
        if (m_state.position.qty.lots != 0) {
            continue;
        }
        // The position is closed: its round trip row must say the same.
        if (nextTrip >= trips.size()) {
            error = "run " + run.id + ": the fill of " + fill.clientOrderId + " at " +
                    std::to_string(fill.timeMs) + " closes round trip " +
                    std::to_string(m_state.tripSequence + 1) + ", which was not journalled";
            return false;
        }
        if (!matches(trips[nextTrip], run, error)) {
            return false;
        }
        m_state.balance.e8 += trips[nextTrip].grossE8;
        m_state.tripSequence = trips[nextTrip].tripId;
        ++nextTrip;
        m_state.position = core::Position{};
        m_state.partialExit = engine::PartialExit{};
    }
    if (nextTrip != trips.size()) {
        error = "run " + run.id + ": round trip " + std::to_string(trips[nextTrip].tripId) +
                " was journalled without the fills that close it";
        return false;
    }
    return true;
}

bool FillReplay::apply(const JournalRun& run, const JournalFill& fill, std::string& error) {
    core::Position& p = m_state.position;
    engine::PartialExit& closing = m_state.partialExit;
    const auto direction = fill.buy ? core::PositionSide::Long : core::PositionSide::Short;
    const core::Notional notional{fill.priceTicks * fill.lots};
    if (p.flat()) {
        p = core::Position{};
        p.side = direction;
        p.entryTimeMs = fill.timeMs;
        closing = engine::PartialExit{};
        m_openedInRun = run.id;
        m_openedByOrder = fill.clientOrderId;
    }
    if (direction == p.side) {
        p.qty.lots += fill.lots;
        p.entryNotional.units += notional.units;
        p.entryFees.e8 += fill.feeE8;
        return true;
    }
    if (fill.lots > p.qty.lots) {
        error = "run " + run.id + ": the fill of " + fill.clientOrderId + " at " +
                std::to_string(fill.timeMs) + " closes " + std::to_string(fill.lots) +
                " lots of a position of " + std::to_string(p.qty.lots);
        return false;
    }
    const std::int64_t portion =
        fill.lots == p.qty.lots
            ? p.entryNotional.units
            : static_cast<std::int64_t>(static_cast<core::Int128>(p.entryNotional.units) *
                                        fill.lots / p.qty.lots);
    p.entryNotional.units -= portion;
    p.qty.lots -= fill.lots;
    closing.closedEntryNotional.units += portion;
    closing.closedQty.lots += fill.lots;
    closing.exitNotional.units += notional.units;
    closing.exitFees.e8 += fill.feeE8;
    return true;
}

bool FillReplay::matches(const JournalTrip& trip, const JournalRun& run, std::string& error) const {
    const core::Position& p = m_state.position;
    const engine::PartialExit& closing = m_state.partialExit;
    const std::int64_t expectedId = m_state.tripSequence + 1;
    const bool same = trip.tripId == expectedId && trip.side == core::positionSideName(p.side) &&
                      trip.entryTimeMs == p.entryTimeMs && trip.lots == closing.closedQty.lots &&
                      trip.entryUnits == closing.closedEntryNotional.units &&
                      trip.exitUnits == closing.exitNotional.units;
    if (!same) {
        error = "run " + run.id + ": round trip " + std::to_string(trip.tripId) +
                " does not match its fills (expected trip " + std::to_string(expectedId) + ", " +
                std::string(core::positionSideName(p.side)) + " " +
                std::to_string(closing.closedQty.lots) + " lots entered at " +
                std::to_string(p.entryTimeMs) + ", entry " +
                std::to_string(closing.closedEntryNotional.units) + " exit " +
                std::to_string(closing.exitNotional.units) + " units)";
    }
    return same;
}

} // namespace hoga::storage
