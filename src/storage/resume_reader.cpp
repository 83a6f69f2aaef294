#include "storage/resume_reader.h"

#include "platform/logging.h"
#include "storage/fill_replay.h"
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

class Loader {
public:
    explicit Loader(sqlite3* db) : m_db(db) {}

    std::optional<engine::ResumeState> load(std::string_view mode, std::string_view symbol,
                                            core::Fixed8 startingCapital, std::string& error) {
        std::vector<JournalRun> chain;
        if (!latestChain(mode, symbol, chain, error) || chain.empty()) {
            return std::nullopt;
        }
        engine::ResumeState state;
        state.runId = chain.back().id;
        FillReplay replay(state);
        std::vector<JournalTrip> allTrips;
        std::vector<std::int64_t> orderTimes;
        std::int64_t peak = std::numeric_limits<std::int64_t>::min();
        for (std::size_t i = 0; i < chain.size(); ++i) {
            const JournalRun& run = chain[i];
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
            std::vector<JournalFill> fills;
            std::vector<JournalTrip> trips;
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
    bool latestChain(std::string_view mode, std::string_view symbol, std::vector<JournalRun>& chain,
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
            std::optional<JournalRun> run;
            const bool ok =
                forEachRow(m_db,
                           "SELECT id, mode, symbol, resumed_from, starting_balance_e8 FROM runs "
                           "WHERE id = ?1",
                           next, error, [&](const SqliteStatement& s) {
                               JournalRun r{s.columnText(0), s.columnText(1), s.columnText(2),
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

    bool loadFills(const std::string& runId, std::vector<JournalFill>& fills, std::string& error) {
        return forEachRow(m_db,
                          "SELECT client_order_id, side, price_ticks, qty_lots, fee_e8, time_ms "
                          "FROM fills WHERE run_id = ?1 ORDER BY id",
                          runId, error, [&](const SqliteStatement& s) {
                              fills.push_back({s.columnText(0), s.columnText(1) == "BUY",
                                               s.columnInt(2), s.columnInt(3), s.columnInt(4),
                                               s.columnInt(5)});
                          });
    }

    bool loadTrips(const std::string& runId, std::vector<JournalTrip>& trips, std::string& error) {
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
    bool positionFunding(const std::vector<JournalRun>& chain, engine::ResumeState& state,
                         std::string& error) {
        for (const JournalRun& run : chain) {
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
    bool entryFeatures(const FillReplay& replay, engine::ResumeState& state, std::string& error) {
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
    bool lastOrder(const std::vector<JournalRun>& chain, engine::ResumeState& state,
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
    static void riskMemory(const std::vector<JournalTrip>& trips,
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

std::optional<engine::ResumeState> readResumeState(const std::string& path, std::string_view mode,
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
    if (state) {
        platform::logger("journal")->info(
            "{}: {} {} resumes run {} ({} runs): balance {}, position {} {} lots", path, mode,
            symbol, state->runId, state->runChain.size(), core::formatFixed8(state->balance),
            core::positionSideName(state->position.side), state->position.qty.lots);
    }
    return state;
}

} // namespace

std::optional<engine::ResumeState> loadResumeState(const std::string& path, std::string_view mode,
                                                   std::string_view symbol,
                                                   core::Fixed8 startingCapital,
                                                   std::string& error) {
    auto state = readResumeState(path, mode, symbol, startingCapital, error);
    if (!error.empty()) {
        platform::logger("journal")->error("cannot resume from the journal: {}", error);
    }
    return state;
}

} // namespace hoga::storage
