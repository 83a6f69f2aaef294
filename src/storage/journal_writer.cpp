#include "storage/journal_writer.h"

#include "core/position.h"
#include "storage/journal_format.h"
#include "storage/journal_schema.h"

#include <sqlite3.h>

namespace hoga::storage {

namespace {

// Binds the parameters of one row in order, so that a statement's ?1..?N and the calls below
// cannot drift apart by a miscounted index.
class Row {
public:
    explicit Row(SqliteStatement& stmt) : m_stmt(stmt) {}
    Row& text(std::string_view value) {
        m_stmt.bindText(m_next++, value);
        return *this;
    }
    Row& textOrNull(std::string_view value) {
        if (value.empty()) {
            m_stmt.bindNull(m_next++);
        } else {
            m_stmt.bindText(m_next++, value);
        }
        return *this;
    }
    Row& integer(std::int64_t value) {
        m_stmt.bindInt(m_next++, value);
        return *this;
    }
    Row& nullValue() {
        m_stmt.bindNull(m_next++);
        return *this;
    }
    Row& real(double value) {
        m_stmt.bindDouble(m_next++, value);
        return *this;
    }

private:
    SqliteStatement& m_stmt;
    int m_next = 1;
};

std::string_view sideName(core::Side side) {
    return side == core::Side::Buy ? "BUY" : "SELL";
}

// The REAL features and the decision price: the same six columns in round_trips (twice) and
// refusals.
void bindFeatures(Row& row, const core::FeatureSnapshot& f, const core::InstrumentSpec& spec) {
    row.integer(f.timeMs)
        .real(f.volumeRatio)
        .real(f.imbalance)
        .real(f.momentumBps)
        .real(f.takerBuyShare)
        .text(spec.formatPrice(f.lastPrice))
        .integer(f.lastPrice.ticks);
}

// Settings that decide the bytes of a new file are set explicitly rather than left to the
// library's compile-time defaults, so that the file depends only on what was recorded. They only
// take effect before the first table is created, hence only for a new (empty) file.
constexpr const char* kNewFileSettings = "PRAGMA page_size = 4096;"
                                         "PRAGMA auto_vacuum = NONE;"
                                         "PRAGMA encoding = 'UTF-8';";

constexpr const char* kInsertRun =
    "INSERT INTO runs (id, mode, symbol, params_json, data_files, code_version, tick_size, "
    "step_size, resumed_from, starting_balance, starting_balance_e8) "
    "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)";
constexpr const char* kInsertOrder =
    "INSERT INTO orders (run_id, client_order_id, purpose, side, qty, qty_lots, reduce_only, "
    "decision_time_ms, exit_reason, feature_time_ms, volume_ratio, imbalance, momentum_bps, "
    "taker_buy_share, last_price, last_price_ticks, best_bid_ticks, best_ask_ticks) "
    "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)";
constexpr const char* kInsertFunding =
    "INSERT INTO funding (run_id, time_ms, funding_time_ms, trip_id, side, qty, qty_lots, "
    "mark_price, mark_price_e8, rate, rate_e8, amount, amount_e8) "
    "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)";
constexpr const char* kInsertFill =
    "INSERT INTO fills (run_id, client_order_id, side, price, price_ticks, qty, qty_lots, fee, "
    "fee_e8, maker, time_ms) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)";
constexpr const char* kInsertRoundTrip =
    "INSERT INTO round_trips (run_id, trip_id, side, entry_time_ms, exit_time_ms, qty, qty_lots, "
    "entry_notional, entry_notional_units, exit_notional, exit_notional_units, avg_entry_price, "
    "avg_exit_price, gross_pnl, gross_pnl_e8, fees, fees_e8, funding, funding_e8, net_pnl, "
    "net_pnl_e8, exit_reason, "
    "entry_feature_time_ms, entry_volume_ratio, entry_imbalance, entry_momentum_bps, "
    "entry_taker_buy_share, entry_last_price, entry_last_price_ticks, "
    "exit_feature_time_ms, exit_volume_ratio, exit_imbalance, exit_momentum_bps, "
    "exit_taker_buy_share, exit_last_price, exit_last_price_ticks) VALUES (?, ?, ?, ?, ?, ?, ?, "
    "?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)";
constexpr const char* kInsertRefusal =
    "INSERT INTO refusals (run_id, time_ms, side, reason, detail, feature_time_ms, volume_ratio, "
    "imbalance, momentum_bps, taker_buy_share, last_price, last_price_ticks) "
    "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)";
constexpr const char* kInsertEquity =
    "INSERT INTO equity (run_id, time_ms, balance, balance_e8, equity, equity_e8, side, qty, "
    "qty_lots) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)";

} // namespace

bool JournalWriter::open(const std::string& path, const SqliteJournalOptions& options,
                         int& versionFound, std::string& error) {
    close();
    m_path = path;
    sqlite3* raw = nullptr;
    // NOMUTEX: the connection is used by one thread at a time (handed over by thread start and
    // join), so SQLite's own locking would be pure overhead. EXRESCODE: extended error codes.
    const int flags =
        SQLITE_OPEN_READWRITE | SQLITE_OPEN_CREATE | SQLITE_OPEN_NOMUTEX | SQLITE_OPEN_EXRESCODE;
    const int rc = sqlite3_open_v2(path.c_str(), &raw, flags, nullptr);
    m_db.reset(raw); // a handle is returned even on failure, and must be closed
    if (rc != SQLITE_OK) {
        error = sqliteError(raw, path + ": cannot open");
        close();
        return false;
    }
    if (!configure(options, versionFound, error) || !prepareStatements(error)) {
        error = path + ": " + error;
        close();
        return false;
    }
    return true;
}

bool JournalWriter::configure(const SqliteJournalOptions& options, int& versionFound,
                              std::string& error) {
    sqlite3* db = m_db.get();
    sqlite3_busy_timeout(db, options.busyTimeoutMs);
    // The first read of the file: random bytes fail here with "file is not a database", and an
    // unreadable path with "unable to open database file".
    std::int64_t pages = 0;
    if (!sqliteQueryInt(db, "PRAGMA page_count", pages, error)) {
        return false;
    }
    // READWRITE silently degrades to read-only for a write-protected file; refuse that here
    // rather than fail on every record.
    if (sqlite3_db_readonly(db, "main") == 1) {
        error = "the file is read-only";
        return false;
    }
    if (pages == 0 && !sqliteExec(db, kNewFileSettings, error)) {
        return false;
    }
    std::string mode;
    if (!sqliteQueryText(db, "PRAGMA journal_mode = WAL", mode, error)) {
        return false;
    }
    if (mode != "wal") {
        error = "cannot switch to WAL mode (journal_mode is " + mode + ")";
        return false;
    }
    const char* sync =
        options.synchronousFull ? "PRAGMA synchronous = FULL" : "PRAGMA synchronous = NORMAL";
    if (!sqliteExec(db, sync, error) || !sqliteExec(db, "PRAGMA foreign_keys = ON", error) ||
        // The library default, stated so that a differently built SQLite checkpoints alike.
        !sqliteExec(db, "PRAGMA wal_autocheckpoint = 1000", error)) {
        return false;
    }
    return migrateJournal(db, versionFound, error);
}

bool JournalWriter::prepareStatements(std::string& error) {
    sqlite3* db = m_db.get();
    return m_begin.prepare(db, "BEGIN IMMEDIATE", error) && m_commit.prepare(db, "COMMIT", error) &&
           m_rollback.prepare(db, "ROLLBACK", error) &&
           m_insertRun.prepare(db, kInsertRun, error) &&
           m_insertOrder.prepare(db, kInsertOrder, error) &&
           m_insertFill.prepare(db, kInsertFill, error) &&
           m_insertFunding.prepare(db, kInsertFunding, error) &&
           m_insertRoundTrip.prepare(db, kInsertRoundTrip, error) &&
           m_insertRefusal.prepare(db, kInsertRefusal, error) &&
           m_insertEquity.prepare(db, kInsertEquity, error);
}

void JournalWriter::close() {
    for (SqliteStatement* stmt :
         {&m_begin, &m_commit, &m_rollback, &m_insertRun, &m_insertOrder, &m_insertFill,
          &m_insertFunding, &m_insertRoundTrip, &m_insertRefusal, &m_insertEquity}) {
        stmt->finalize();
    }
    m_db.reset(); // the last connection to close checkpoints and deletes the WAL
    m_runId.clear();
    m_haveRun = false;
}

bool JournalWriter::commitOne(SqliteStatement& insert, std::string& error) {
    if (!m_db) {
        error = "the journal is not open";
        return false;
    }
    if (m_begin.run(error) && insert.run(error) && m_commit.run(error)) {
        return true;
    }
    // A failed COMMIT (SQLITE_BUSY, disk full) leaves the transaction open; close it so that the
    // next record starts clean.
    if (sqlite3_get_autocommit(m_db.get()) == 0) {
        std::string ignored;
        m_rollback.run(ignored);
    }
    return false;
}

bool JournalWriter::requireRun(std::string& error) const {
    if (!m_haveRun) {
        error = "a record arrived before any recordRun(); it has no run to belong to";
        return false;
    }
    return true;
}

bool JournalWriter::writeRun(const engine::RunInfo& run, std::string& error) {
    // Later records belong to this run even if its row fails (a duplicate id, say): their own
    // inserts then succeed or fail on the foreign key, each reported on its own.
    m_runId = run.runId;
    m_haveRun = true;
    Row row(m_insertRun);
    row.text(run.runId)
        .text(run.mode)
        .text(run.symbol)
        .text(run.paramsJson)
        .text(jsonStringArray(run.dataFiles))
        .text(run.codeVersion)
        .text(m_instrument.priceGrid.format(1))
        .text(m_instrument.qtyGrid.format(1))
        .textOrNull(run.resumedFrom);
    if (run.startingBalance) {
        row.text(core::formatFixed8(*run.startingBalance)).integer(run.startingBalance->e8);
    } else {
        row.nullValue().nullValue();
    }
    return commitOne(m_insertRun, error);
}

bool JournalWriter::writeOrder(const core::OrderRequest& order, const engine::OrderIntent& intent,
                               std::string& error) {
    if (!requireRun(error)) {
        return false;
    }
    Row row(m_insertOrder);
    row.text(m_runId)
        .text(order.clientOrderId)
        .text(intent.purpose)
        .text(sideName(order.side))
        .text(m_instrument.formatQty(order.qty))
        .integer(order.qty.lots)
        .integer(order.reduceOnly ? 1 : 0)
        .integer(order.decisionTimeMs)
        .textOrNull(intent.exitReason ? core::exitReasonName(*intent.exitReason)
                                      : std::string_view());
    bindFeatures(row, intent.features, m_instrument);
    row.integer(intent.features.bestBid.ticks).integer(intent.features.bestAsk.ticks);
    return commitOne(m_insertOrder, error);
}

bool JournalWriter::writeFunding(const engine::FundingRecord& funding, std::string& error) {
    if (!requireRun(error)) {
        return false;
    }
    Row(m_insertFunding)
        .text(m_runId)
        .integer(funding.timeMs)
        .integer(funding.fundingTimeMs)
        .integer(funding.tripId)
        .text(core::positionSideName(funding.side))
        .text(m_instrument.formatQty(funding.qty))
        .integer(funding.qty.lots)
        .text(core::formatFixed8(funding.markPrice))
        .integer(funding.markPrice.e8)
        .text(core::formatFixed8(funding.rate))
        .integer(funding.rate.e8)
        .text(core::formatFixed8(funding.amount))
        .integer(funding.amount.e8);
    return commitOne(m_insertFunding, error);
}

bool JournalWriter::writeFill(const core::Fill& fill, std::string& error) {
    if (!requireRun(error)) {
        return false;
    }
    Row(m_insertFill)
        .text(m_runId)
        .text(fill.clientOrderId)
        .text(sideName(fill.side))
        .text(m_instrument.formatPrice(fill.price))
        .integer(fill.price.ticks)
        .text(m_instrument.formatQty(fill.qty))
        .integer(fill.qty.lots)
        .text(core::formatFixed8(fill.fee))
        .integer(fill.fee.e8)
        .integer(fill.maker ? 1 : 0)
        .integer(fill.timeMs);
    return commitOne(m_insertFill, error);
}

bool JournalWriter::writeRoundTrip(const core::RoundTrip& trip, std::string& error) {
    if (!requireRun(error)) {
        return false;
    }
    const core::DecimalGrid& prices = m_instrument.priceGrid;
    Row row(m_insertRoundTrip);
    row.text(m_runId)
        .integer(trip.id)
        .text(core::positionSideName(trip.side))
        .integer(trip.entryTimeMs)
        .integer(trip.exitTimeMs)
        .text(m_instrument.formatQty(trip.qty))
        .integer(trip.qty.lots)
        .text(m_instrument.formatNotional(trip.entryNotional))
        .integer(trip.entryNotional.units)
        .text(m_instrument.formatNotional(trip.exitNotional))
        .integer(trip.exitNotional.units)
        .textOrNull(core::formatAveragePrice(trip.entryNotional, trip.qty, prices))
        .textOrNull(core::formatAveragePrice(trip.exitNotional, trip.qty, prices))
        .text(core::formatFixed8(trip.grossPnl))
        .integer(trip.grossPnl.e8)
        .text(core::formatFixed8(trip.fees))
        .integer(trip.fees.e8)
        .text(core::formatFixed8(trip.funding))
        .integer(trip.funding.e8)
        .text(core::formatFixed8(trip.netPnl))
        .integer(trip.netPnl.e8)
        .text(core::exitReasonName(trip.exitReason));
    bindFeatures(row, trip.atEntry, m_instrument);
    bindFeatures(row, trip.atExit, m_instrument);
    return commitOne(m_insertRoundTrip, error);
}

bool JournalWriter::writeRefusal(const engine::RefusalRecord& refusal, std::string& error) {
    if (!requireRun(error)) {
        return false;
    }
    Row row(m_insertRefusal);
    row.text(m_runId)
        .integer(refusal.timeMs)
        .text(core::positionSideName(refusal.side))
        .text(core::refusalName(refusal.refusal))
        .text(refusal.detail);
    bindFeatures(row, refusal.features, m_instrument);
    return commitOne(m_insertRefusal, error);
}

bool JournalWriter::writeEquity(const engine::EquitySample& sample, std::string& error) {
    if (!requireRun(error)) {
        return false;
    }
    Row(m_insertEquity)
        .text(m_runId)
        .integer(sample.timeMs)
        .text(core::formatFixed8(sample.balance))
        .integer(sample.balance.e8)
        .text(core::formatFixed8(sample.equity))
        .integer(sample.equity.e8)
        .text(core::positionSideName(sample.side))
        .text(m_instrument.formatQty(sample.qty))
        .integer(sample.qty.lots);
    return commitOne(m_insertEquity, error);
}

JournalWriter::CheckpointResult JournalWriter::checkpoint(std::string& error) {
    if (!m_db) {
        error = "the journal is not open";
        return CheckpointResult::Failed;
    }
    // The C form of PRAGMA wal_checkpoint(TRUNCATE).
    int walFrames = 0;
    int checkpointed = 0;
    const int rc = sqlite3_wal_checkpoint_v2(m_db.get(), nullptr, SQLITE_CHECKPOINT_TRUNCATE,
                                             &walFrames, &checkpointed);
    if (rc == SQLITE_OK) {
        return CheckpointResult::Done;
    }
    error = sqliteError(m_db.get(), m_path + ": WAL checkpoint");
    return rc == SQLITE_BUSY ? CheckpointResult::Busy : CheckpointResult::Failed;
}

} // namespace hoga::storage
