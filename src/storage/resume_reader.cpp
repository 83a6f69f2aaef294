#include "storage/resume_reader.h"

#include "core/wide_int.h"
#include "storage/journal_schema.h"
#include "storage/sqlite_statement.h"

#include <sqlite3.h>

#include <algorithm>
#include <filesystem>
#include <limits>
#include <set>
#include <vector>

namespace hoga::storage {

namespace {

constexpr std::int64_t kDayMs = 86'400'000; // the risk engine's trading day (UTC)
constexpr std::int64_t kMinuteMs = 60'000;  // its order-rate window
constexpr const char* kExitName = "exit";   // orders.purpose of an exit

struct RunRow {
    std::string id;
    std::string mode;
    std::string symbol;
    std::string resumedFrom; // empty: a fresh start
    std::optional<std::int64_t> startingBalanceE8;
};

struct FillRow {
    std::string clientOrderId;
    bool buy = true;
    std::int64_t priceTicks = 0;
    std::int64_t lots = 0;
    std::int64_t feeE8 = 0;
    std::int64_t timeMs = 0;
};

struct TripRow {
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

// Runs `sql` with the run id bound to ?1 and hands every row to `read`.
template <typename Read>
bool forEachRow(sqlite3* db, const char* sql, std::string_view runId, std::string& error,
                Read read) {
    SqliteStatement stmt;
    if (!stmt.prepare(db, sql, error)) {
        return false;
    }
    if (!runId.empty()) {
        stmt.bindText(1, runId);
    }
    for (;;) {
        switch (stmt.step(error)) {
        case SqliteStatement::Step::Row:
            read(stmt);
            break;
        case SqliteStatement::Step::Done:
            return true;
        case SqliteStatement::Step::Failed:
            return false;
        }
    }
}

std::optional<core::ExitReason> exitReasonFromName(std::string_view name) {
    for (std::size_t i = 0; i < core::kExitReasonCount; ++i) {
        const auto reason = static_cast<core::ExitReason>(i);
        if (core::exitReasonName(reason) == name) {
            return reason;
        }
    }
    return std::nullopt;
}

// The sequence number of "hoga-<run>-<n>"; 0 for any other id (a liquidation's, a foreign one).
std::int64_t orderNumber(const std::string& clientOrderId, const std::string& runId) {
    const std::string prefix = "hoga-" + runId + "-";
    if (!clientOrderId.starts_with(prefix) || clientOrderId.size() == prefix.size() ||
        clientOrderId.size() - prefix.size() > 18) {
        return 0;
    }
    std::int64_t n = 0;
    for (std::size_t i = prefix.size(); i < clientOrderId.size(); ++i) {
        const char c = clientOrderId[i];
        if (c < '0' || c > '9') {
            return 0;
        }
        n = n * 10 + (c - '0');
    }
    return n;
}

// The account while the chain's rows are replayed: TradingEngine::onFill and completeRoundTrip in
// the same integer arithmetic.
class Replay {
public:
    explicit Replay(engine::ResumeState& state) : m_state(state) {}

    bool runFills(const RunRow& run, const std::vector<FillRow>& fills,
                  const std::vector<TripRow>& trips, std::string& error) {
        std::size_t nextTrip = 0;
        for (const FillRow& fill : fills) {
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

    // The run and client order id of the fill that opened the open position.
    const std::string& openedInRun() const { return m_openedInRun; }
    const std::string& openedByOrder() const { return m_openedByOrder; }

private:
    bool apply(const RunRow& run, const FillRow& fill, std::string& error) {
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

    bool matches(const TripRow& trip, const RunRow& run, std::string& error) const {
        const core::Position& p = m_state.position;
        const engine::PartialExit& closing = m_state.partialExit;
        const std::int64_t expectedId = m_state.tripSequence + 1;
        const bool same =
            trip.tripId == expectedId && trip.side == core::positionSideName(p.side) &&
            trip.entryTimeMs == p.entryTimeMs && trip.lots == closing.closedQty.lots &&
            trip.entryUnits == closing.closedEntryNotional.units &&
            trip.exitUnits == closing.exitNotional.units;
        if (!same) {
            error = "run " + run.id + ": round trip " + std::to_string(trip.tripId) +
                    " does not match its fills (expected trip " + std::to_string(expectedId) +
                    ", " + std::string(core::positionSideName(p.side)) + " " +
                    std::to_string(closing.closedQty.lots) + " lots entered at " +
                    std::to_string(p.entryTimeMs) + ", entry " +
                    std::to_string(closing.closedEntryNotional.units) + " exit " +
                    std::to_string(closing.exitNotional.units) + " units)";
        }
        return same;
    }

    engine::ResumeState& m_state;
    std::string m_openedInRun;
    std::string m_openedByOrder;
};

class Loader {
public:
    explicit Loader(sqlite3* db) : m_db(db) {}

    std::optional<engine::ResumeState> load(std::string_view mode, std::string_view symbol,
                                            core::Fixed8 startingCapital, std::string& error) {
        std::vector<RunRow> chain;
        if (!latestChain(mode, symbol, chain, error) || chain.empty()) {
            return std::nullopt;
        }
        engine::ResumeState state;
        state.runId = chain.back().id;
        Replay replay(state);
        std::vector<TripRow> allTrips;
        std::vector<std::int64_t> orderTimes;
        std::int64_t peak = std::numeric_limits<std::int64_t>::min();
        for (std::size_t i = 0; i < chain.size(); ++i) {
            const RunRow& run = chain[i];
            state.runChain.push_back(run.id);
            if (i > 0 && run.startingBalanceE8 && *run.startingBalanceE8 != state.balance.e8) {
                error = "run " + run.id + " starts with balance " +
                        core::formatFixed8(core::Fixed8{*run.startingBalanceE8}) + " but run " +
                        chain[i - 1].id + " ended with " + core::formatFixed8(state.balance);
                return std::nullopt;
            }
            if (i == 0) {
                state.balance.e8 = run.startingBalanceE8.value_or(startingCapital.e8);
            }
            peak = std::max(peak, state.balance.e8);
            std::vector<FillRow> fills;
            std::vector<TripRow> trips;
            std::int64_t fundingE8 = 0;
            if (!loadFills(run.id, fills, error) || !loadTrips(run.id, trips, error) ||
                !replay.runFills(run, fills, trips, error) ||
                !sumFunding(run.id, state, fundingE8, error) ||
                !readOrders(run.id, state, orderTimes, error) || !maxEquity(run.id, peak, error)) {
                return std::nullopt;
            }
            state.balance.e8 += fundingE8;
            allTrips.insert(allTrips.end(), trips.begin(), trips.end());
        }
        peak = std::max(peak, state.balance.e8);
        state.peakEquity = core::Fixed8{peak};
        if (!state.position.flat() &&
            (!positionFunding(chain, state, error) || !entryFeatures(replay, state, error))) {
            return std::nullopt;
        }
        if (!lastOrder(chain, state, error) || !lastTime(chain.back().id, state, error)) {
            return std::nullopt;
        }
        riskMemory(allTrips, orderTimes, state);
        return state;
    }

private:
    bool latestChain(std::string_view mode, std::string_view symbol, std::vector<RunRow>& chain,
                     std::string& error) {
        SqliteStatement latest;
        if (!latest.prepare(m_db,
                            "SELECT id FROM runs WHERE mode = ?1 AND symbol = ?2 "
                            "ORDER BY rowid DESC LIMIT 1",
                            error)) {
            return false;
        }
        latest.bindText(1, mode);
        latest.bindText(2, symbol);
        std::string next;
        for (auto step = latest.step(error); step != SqliteStatement::Step::Done;
             step = latest.step(error)) {
            if (step == SqliteStatement::Step::Failed) {
                return false;
            }
            next = latest.columnText(0);
        }
        std::set<std::string> seen;
        std::string child; // the run that resumed `next`
        while (!next.empty()) {
            if (!seen.insert(next).second) {
                error = "the runs resumed from " + next + " form a cycle";
                return false;
            }
            std::optional<RunRow> run;
            const bool ok =
                forEachRow(m_db,
                           "SELECT id, mode, symbol, resumed_from, starting_balance_e8 FROM runs "
                           "WHERE id = ?1",
                           next, error, [&](const SqliteStatement& s) {
                               RunRow r{s.columnText(0), s.columnText(1), s.columnText(2),
                                        s.columnText(3), std::nullopt};
                               if (!s.isNull(4)) {
                                   r.startingBalanceE8 = s.columnInt(4);
                               }
                               run = std::move(r);
                           });
            if (!ok) {
                return false;
            }
            if (!run) {
                error = "run " + child + " resumed run " + next + ", which is not in the journal";
                return false;
            }
            if (run->mode != mode || run->symbol != symbol) {
                error = "run " + child + " resumed run " + next + " of " + run->mode + " " +
                        run->symbol;
                return false;
            }
            child = next;
            next = run->resumedFrom;
            chain.push_back(std::move(*run));
        }
        std::reverse(chain.begin(), chain.end());
        return true;
    }

    bool loadFills(const std::string& runId, std::vector<FillRow>& fills, std::string& error) {
        return forEachRow(m_db,
                          "SELECT client_order_id, side, price_ticks, qty_lots, fee_e8, time_ms "
                          "FROM fills WHERE run_id = ?1 ORDER BY id",
                          runId, error, [&](const SqliteStatement& s) {
                              fills.push_back({s.columnText(0), s.columnText(1) == "BUY",
                                               s.columnInt(2), s.columnInt(3), s.columnInt(4),
                                               s.columnInt(5)});
                          });
    }

    bool loadTrips(const std::string& runId, std::vector<TripRow>& trips, std::string& error) {
        return forEachRow(
            m_db,
            "SELECT trip_id, side, entry_time_ms, exit_time_ms, qty_lots, entry_notional_units, "
            "exit_notional_units, gross_pnl_e8, net_pnl_e8, exit_reason FROM round_trips "
            "WHERE run_id = ?1 ORDER BY id",
            runId, error, [&](const SqliteStatement& s) {
                trips.push_back({s.columnInt(0), s.columnText(1), s.columnInt(2), s.columnInt(3),
                                 s.columnInt(4), s.columnInt(5), s.columnInt(6), s.columnInt(7),
                                 s.columnInt(8), s.columnText(9)});
            });
    }

    bool sumFunding(const std::string& runId, engine::ResumeState& state, std::int64_t& sum,
                    std::string& error) {
        return forEachRow(m_db, "SELECT amount_e8, funding_time_ms FROM funding WHERE run_id = ?1",
                          runId, error, [&](const SqliteStatement& s) {
                              sum += s.columnInt(0);
                              state.fundingPaidForMs =
                                  std::max(state.fundingPaidForMs, s.columnInt(1));
                          });
    }

    bool readOrders(const std::string& runId, engine::ResumeState& state,
                    std::vector<std::int64_t>& times, std::string& error) {
        return forEachRow(m_db,
                          "SELECT client_order_id, decision_time_ms FROM orders WHERE run_id = ?1 "
                          "ORDER BY id",
                          runId, error, [&](const SqliteStatement& s) {
                              state.orderSequence = std::max(state.orderSequence,
                                                             orderNumber(s.columnText(0), runId));
                              times.push_back(s.columnInt(1));
                          });
    }

    bool maxEquity(const std::string& runId, std::int64_t& peak, std::string& error) {
        return forEachRow(m_db, "SELECT max(equity_e8) FROM equity WHERE run_id = ?1", runId, error,
                          [&](const SqliteStatement& s) {
                              if (!s.isNull(0)) {
                                  peak = std::max(peak, s.columnInt(0));
                              }
                          });
    }

    // The open position will be round trip tripSequence + 1; its payments may span runs.
    bool positionFunding(const std::vector<RunRow>& chain, engine::ResumeState& state,
                         std::string& error) {
        for (const RunRow& run : chain) {
            const bool ok =
                forEachRow(m_db, "SELECT amount_e8, trip_id FROM funding WHERE run_id = ?1", run.id,
                           error, [&](const SqliteStatement& s) {
                               if (s.columnInt(1) == state.tripSequence + 1) {
                                   state.position.funding.e8 += s.columnInt(0);
                               }
                           });
            if (!ok) {
                return false;
            }
        }
        return true;
    }

    // The features the opening order was decided on (zero for orders journalled before schema 3).
    bool entryFeatures(const Replay& replay, engine::ResumeState& state, std::string& error) {
        SqliteStatement stmt;
        if (!stmt.prepare(m_db,
                          "SELECT feature_time_ms, volume_ratio, imbalance, momentum_bps, "
                          "taker_buy_share, last_price_ticks, best_bid_ticks, best_ask_ticks "
                          "FROM orders WHERE run_id = ?1 AND client_order_id = ?2",
                          error)) {
            return false;
        }
        stmt.bindText(1, replay.openedInRun());
        stmt.bindText(2, replay.openedByOrder());
        core::FeatureSnapshot& f = state.position.atEntry;
        for (auto step = stmt.step(error); step != SqliteStatement::Step::Done;
             step = stmt.step(error)) {
            if (step == SqliteStatement::Step::Failed) {
                return false;
            }
            if (stmt.isNull(0)) {
                continue;
            }
            // A NaN feature was stored as NULL.
            const auto real = [&](int column) {
                return stmt.isNull(column) ? std::numeric_limits<double>::quiet_NaN()
                                           : stmt.columnDouble(column);
            };
            f.timeMs = stmt.columnInt(0);
            f.volumeRatio = real(1);
            f.imbalance = real(2);
            f.momentumBps = real(3);
            f.takerBuyShare = real(4);
            f.lastPrice = core::Price{stmt.columnInt(5)};
            f.bestBid = core::Price{stmt.columnInt(6)};
            f.bestAsk = core::Price{stmt.columnInt(7)};
        }
        return true;
    }

    // The chain's last order: an exit still wanted, or an order that did not fill completely.
    bool lastOrder(const std::vector<RunRow>& chain, engine::ResumeState& state,
                   std::string& error) {
        for (auto run = chain.rbegin(); run != chain.rend(); ++run) {
            bool found = false;
            std::string id;
            std::string purpose;
            std::string reason;
            std::int64_t lots = 0;
            std::int64_t filled = 0;
            const bool ok = forEachRow(
                m_db,
                "SELECT o.client_order_id, o.purpose, o.exit_reason, o.qty_lots, "
                "(SELECT coalesce(sum(f.qty_lots), 0) FROM fills f WHERE f.run_id = o.run_id "
                "AND f.client_order_id = o.client_order_id) FROM orders o WHERE o.run_id = ?1 "
                "ORDER BY o.id DESC LIMIT 1",
                run->id, error, [&](const SqliteStatement& s) {
                    found = true;
                    id = s.columnText(0);
                    purpose = s.columnText(1);
                    reason = s.columnText(2);
                    lots = s.columnInt(3);
                    filled = s.columnInt(4);
                });
            if (!ok) {
                return false;
            }
            if (!found) {
                continue;
            }
            if (filled < lots) {
                state.unfinishedOrderId = id;
            }
            if (!state.position.flat() && purpose == kExitName) {
                state.exitReason = exitReasonFromName(reason);
            }
            return true;
        }
        return true;
    }

    bool lastTime(const std::string& runId, engine::ResumeState& state, std::string& error) {
        return forEachRow(
            m_db,
            "SELECT max(coalesce((SELECT max(time_ms) FROM fills WHERE run_id = ?1), 0), "
            "coalesce((SELECT max(decision_time_ms) FROM orders WHERE run_id = ?1), 0), "
            "coalesce((SELECT max(time_ms) FROM equity WHERE run_id = ?1), 0), "
            "coalesce((SELECT max(time_ms) FROM refusals WHERE run_id = ?1), 0), "
            "coalesce((SELECT max(time_ms) FROM funding WHERE run_id = ?1), 0))",
            runId, error, [&](const SqliteStatement& s) { state.lastTimeMs = s.columnInt(0); });
    }

    // What RiskEngine::onRoundTrip and onOrderSent would have seen and still matter: the round
    // trips of the last trip's UTC day and the last stop (its cool-down), the last minute's
    // orders.
    static void riskMemory(const std::vector<TripRow>& trips,
                           const std::vector<std::int64_t>& orderTimes,
                           engine::ResumeState& state) {
        if (!trips.empty()) {
            const std::int64_t lastDay = trips.back().exitTimeMs / kDayMs;
            std::int64_t lastStop = -1;
            for (std::size_t i = 0; i < trips.size(); ++i) {
                if (trips[i].exitReason == "stop_loss" || trips[i].exitReason == "liquidation") {
                    lastStop = static_cast<std::int64_t>(i);
                }
            }
            for (std::size_t i = 0; i < trips.size(); ++i) {
                if (trips[i].exitTimeMs / kDayMs != lastDay &&
                    static_cast<std::int64_t>(i) != lastStop) {
                    continue;
                }
                core::RoundTrip t;
                t.id = trips[i].tripId;
                t.entryTimeMs = trips[i].entryTimeMs;
                t.exitTimeMs = trips[i].exitTimeMs;
                t.netPnl = core::Fixed8{trips[i].netE8};
                t.grossPnl = core::Fixed8{trips[i].grossE8};
                t.exitReason =
                    exitReasonFromName(trips[i].exitReason).value_or(core::ExitReason::EndOfData);
                state.riskTrips.push_back(t);
            }
        }
        if (!orderTimes.empty()) {
            const std::int64_t last = *std::max_element(orderTimes.begin(), orderTimes.end());
            for (const std::int64_t t : orderTimes) {
                if (t > last - kMinuteMs) {
                    state.recentOrderTimesMs.push_back(t);
                }
            }
        }
    }

    sqlite3* m_db;
};

} // namespace

std::optional<engine::ResumeState> loadResumeState(const std::string& path, std::string_view mode,
                                                   std::string_view symbol,
                                                   core::Fixed8 startingCapital,
                                                   std::string& error) {
    error.clear();
    std::error_code ec;
    if (!std::filesystem::exists(path, ec)) {
        return std::nullopt; // no journal yet: a fresh start
    }
    sqlite3* raw = nullptr;
    const int rc = sqlite3_open_v2(
        path.c_str(), &raw, SQLITE_OPEN_READWRITE | SQLITE_OPEN_NOMUTEX | SQLITE_OPEN_EXRESCODE,
        nullptr);
    SqliteHandle db(raw);
    if (rc != SQLITE_OK) {
        error = sqliteError(raw, path + ": cannot open");
        return std::nullopt;
    }
    sqlite3_busy_timeout(raw, 5000);
    std::int64_t pages = 0;
    if (!sqliteQueryInt(raw, "PRAGMA page_count", pages, error)) {
        error = path + ": " + error;
        return std::nullopt;
    }
    if (pages == 0) {
        return std::nullopt; // an empty file: SqliteJournal::open gives it its settings
    }
    std::string journalMode;
    int versionFound = 0;
    if (!sqliteQueryText(raw, "PRAGMA journal_mode = WAL", journalMode, error) ||
        !migrateJournal(raw, versionFound, error)) {
        error = path + ": " + error;
        return std::nullopt;
    }
    // One read transaction: a consistent snapshot even if a writer appends meanwhile.
    if (!sqliteExec(raw, "BEGIN", error)) {
        error = path + ": " + error;
        return std::nullopt;
    }
    Loader loader(raw);
    auto state = loader.load(mode, symbol, startingCapital, error);
    std::string ignored;
    sqliteExec(raw, "COMMIT", ignored);
    if (!error.empty()) {
        error = path + ": " + error;
        return std::nullopt;
    }
    return state;
}

} // namespace hoga::storage
