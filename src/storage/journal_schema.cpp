#include "storage/journal_schema.h"

#include "storage/sqlite_statement.h"

#include <sqlite3.h>

#include <array>

namespace hoga::storage {

namespace {

// Schema 1: the trade record.
constexpr const char* kSchema1 = R"sql(
PRAGMA application_id = 1215260513;

CREATE TABLE runs (
    id           TEXT PRIMARY KEY NOT NULL,
    mode         TEXT NOT NULL,                -- backtest, paper, testnet, live
    symbol       TEXT NOT NULL,
    params_json  TEXT NOT NULL,
    data_files   TEXT NOT NULL,                -- JSON array of file names
    code_version TEXT NOT NULL
);

CREATE TABLE orders (
    id               INTEGER PRIMARY KEY,
    run_id           TEXT NOT NULL REFERENCES runs(id),
    client_order_id  TEXT NOT NULL,
    purpose          TEXT NOT NULL,            -- entry, exit
    side             TEXT NOT NULL CHECK (side IN ('BUY', 'SELL')),
    qty              TEXT NOT NULL,
    qty_lots         INTEGER NOT NULL,
    reduce_only      INTEGER NOT NULL CHECK (reduce_only IN (0, 1)),
    decision_time_ms INTEGER NOT NULL,
    UNIQUE (run_id, client_order_id)
);
CREATE INDEX orders_run_time ON orders (run_id, decision_time_ms);

-- No foreign key to orders: a fill must be kept even if its order row is missing (an order
-- placed before a restart, a liquidation), since losing an execution is worse than an orphan.
CREATE TABLE fills (
    id              INTEGER PRIMARY KEY,
    run_id          TEXT NOT NULL REFERENCES runs(id),
    client_order_id TEXT NOT NULL,
    side            TEXT NOT NULL CHECK (side IN ('BUY', 'SELL')),
    price           TEXT NOT NULL,
    price_ticks     INTEGER NOT NULL,
    qty             TEXT NOT NULL,
    qty_lots        INTEGER NOT NULL,
    fee             TEXT NOT NULL,             -- USDT, positive = paid
    fee_e8          INTEGER NOT NULL,
    maker           INTEGER NOT NULL CHECK (maker IN (0, 1)),
    time_ms         INTEGER NOT NULL
);
CREATE INDEX fills_run_time ON fills (run_id, time_ms);
CREATE INDEX fills_run_order ON fills (run_id, client_order_id);

-- avg_*_price: notional / qty with the price grid's decimals + 8 more, rounded half away from
-- zero (journal_format.h); NULL for a zero quantity. The features are those the entry and the
-- exit were decided on.
CREATE TABLE round_trips (
    id                       INTEGER PRIMARY KEY,
    run_id                   TEXT NOT NULL REFERENCES runs(id),
    trip_id                  INTEGER NOT NULL,
    side                     TEXT NOT NULL CHECK (side IN ('long', 'short', 'flat')),
    entry_time_ms            INTEGER NOT NULL,
    exit_time_ms             INTEGER NOT NULL,
    qty                      TEXT NOT NULL,
    qty_lots                 INTEGER NOT NULL,
    entry_notional           TEXT NOT NULL,
    entry_notional_units     INTEGER NOT NULL, -- ticks x lots
    exit_notional            TEXT NOT NULL,
    exit_notional_units      INTEGER NOT NULL,
    avg_entry_price          TEXT,
    avg_exit_price           TEXT,
    gross_pnl                TEXT NOT NULL,
    gross_pnl_e8             INTEGER NOT NULL,
    fees                     TEXT NOT NULL,
    fees_e8                  INTEGER NOT NULL,
    funding                  TEXT NOT NULL,    -- received (+) or paid (-)
    funding_e8               INTEGER NOT NULL,
    net_pnl                  TEXT NOT NULL,
    net_pnl_e8               INTEGER NOT NULL,
    exit_reason              TEXT NOT NULL,
    entry_feature_time_ms    INTEGER NOT NULL,
    entry_volume_ratio       REAL,
    entry_imbalance          REAL,
    entry_momentum_bps       REAL,
    entry_taker_buy_share    REAL,
    entry_last_price         TEXT NOT NULL,
    entry_last_price_ticks   INTEGER NOT NULL,
    exit_feature_time_ms     INTEGER NOT NULL,
    exit_volume_ratio        REAL,
    exit_imbalance           REAL,
    exit_momentum_bps        REAL,
    exit_taker_buy_share     REAL,
    exit_last_price          TEXT NOT NULL,
    exit_last_price_ticks    INTEGER NOT NULL,
    UNIQUE (run_id, trip_id)
);
CREATE INDEX round_trips_run_exit ON round_trips (run_id, exit_time_ms);
)sql";

// Schema 2: the decision log (refusals, equity) and the instrument grids of a run, so that a
// reader can turn ticks and lots back into prices without knowing the symbol's rules.
constexpr const char* kSchema2 = R"sql(
ALTER TABLE runs ADD COLUMN tick_size TEXT; -- NULL for runs recorded by schema 1
ALTER TABLE runs ADD COLUMN step_size TEXT;

CREATE TABLE refusals (
    id               INTEGER PRIMARY KEY,
    run_id           TEXT NOT NULL REFERENCES runs(id),
    time_ms          INTEGER NOT NULL,
    side             TEXT NOT NULL,            -- long, short: the entry that was refused
    reason           TEXT NOT NULL,
    detail           TEXT NOT NULL,
    feature_time_ms  INTEGER NOT NULL,
    volume_ratio     REAL,
    imbalance        REAL,
    momentum_bps     REAL,
    taker_buy_share  REAL,
    last_price       TEXT NOT NULL,
    last_price_ticks INTEGER NOT NULL
);
CREATE INDEX refusals_run_time ON refusals (run_id, time_ms);

CREATE TABLE equity (
    id         INTEGER PRIMARY KEY,
    run_id     TEXT NOT NULL REFERENCES runs(id),
    time_ms    INTEGER NOT NULL,
    balance    TEXT NOT NULL,
    balance_e8 INTEGER NOT NULL,
    equity     TEXT NOT NULL,
    equity_e8  INTEGER NOT NULL,
    side       TEXT NOT NULL,                  -- flat, long, short
    qty        TEXT NOT NULL,
    qty_lots   INTEGER NOT NULL
);
CREATE INDEX equity_run_time ON equity (run_id, time_ms);
)sql";

// Schema 3: what a restarted session needs to resume (docs/journal.md). The run chain and the
// balance each run started from; the reason of an exit and the features of every decision on its
// order; every funding payment, with the round trip it belongs to. NULL in rows of older runs.
constexpr const char* kSchema3 = R"sql(
ALTER TABLE runs ADD COLUMN resumed_from TEXT REFERENCES runs(id);
ALTER TABLE runs ADD COLUMN starting_balance TEXT;
ALTER TABLE runs ADD COLUMN starting_balance_e8 INTEGER;
CREATE INDEX runs_resumed_from ON runs (resumed_from);

ALTER TABLE orders ADD COLUMN exit_reason TEXT;  -- exits: why; NULL for entries
ALTER TABLE orders ADD COLUMN feature_time_ms INTEGER;
ALTER TABLE orders ADD COLUMN volume_ratio REAL;
ALTER TABLE orders ADD COLUMN imbalance REAL;
ALTER TABLE orders ADD COLUMN momentum_bps REAL;
ALTER TABLE orders ADD COLUMN taker_buy_share REAL;
ALTER TABLE orders ADD COLUMN last_price TEXT;
ALTER TABLE orders ADD COLUMN last_price_ticks INTEGER;
ALTER TABLE orders ADD COLUMN best_bid_ticks INTEGER;
ALTER TABLE orders ADD COLUMN best_ask_ticks INTEGER;

CREATE TABLE funding (
    id              INTEGER PRIMARY KEY,
    run_id          TEXT NOT NULL REFERENCES runs(id),
    time_ms         INTEGER NOT NULL,          -- market time it was booked
    funding_time_ms INTEGER NOT NULL,          -- the funding time it pays for
    trip_id         INTEGER NOT NULL,          -- the round trip of the position it was paid on
    side            TEXT NOT NULL CHECK (side IN ('long', 'short')),
    qty             TEXT NOT NULL,
    qty_lots        INTEGER NOT NULL,
    mark_price      TEXT NOT NULL,
    mark_price_e8   INTEGER NOT NULL,
    rate            TEXT NOT NULL,
    rate_e8         INTEGER NOT NULL,
    amount          TEXT NOT NULL,             -- received (+) or paid (-)
    amount_e8       INTEGER NOT NULL
);
CREATE INDEX funding_run_time ON funding (run_id, time_ms);
)sql";

constexpr std::array<const char*, 3> kMigrations = {kSchema1, kSchema2, kSchema3};

bool applyStep(sqlite3* db, int toVersion, std::string& error) {
    if (!sqliteExec(db, "BEGIN IMMEDIATE", error)) {
        return false;
    }
    // Re-read inside the write lock: another process may have migrated the file meanwhile.
    std::int64_t current = 0;
    bool ok = sqliteQueryInt(db, "PRAGMA user_version", current, error);
    if (ok && current < toVersion) {
        // PRAGMA takes no bound parameters; the value is our own step number, not input.
        const std::string setVersion = "PRAGMA user_version = " + std::to_string(toVersion);
        ok = sqliteExec(db, kMigrations[static_cast<std::size_t>(toVersion - 1)], error,
                        "schema step") &&
             sqliteExec(db, setVersion.c_str(), error);
    }
    if (ok && sqliteExec(db, "COMMIT", error)) {
        return true;
    }
    std::string ignored;
    sqliteExec(db, "ROLLBACK", ignored);
    error = "migration to schema version " + std::to_string(toVersion) + " failed: " + error;
    return false;
}

} // namespace

std::span<const char* const> journalMigrations() {
    return kMigrations;
}

int journalSchemaVersion() {
    return static_cast<int>(kMigrations.size());
}

bool migrateJournal(sqlite3* db, int& versionFound, std::string& error) {
    std::int64_t version = 0;
    std::int64_t applicationId = 0;
    // The first reads of the file: a file that is not a database fails here ("file is not a
    // database"), before anything is written to it.
    if (!sqliteQueryInt(db, "PRAGMA user_version", version, error) ||
        !sqliteQueryInt(db, "PRAGMA application_id", applicationId, error)) {
        return false;
    }
    versionFound = static_cast<int>(version);
    if (applicationId != 0 && applicationId != kJournalApplicationId) {
        error = "not a Hoga journal (application_id " + std::to_string(applicationId) + ")";
        return false;
    }
    if (version > journalSchemaVersion()) {
        error = "the journal has schema version " + std::to_string(version) +
                ", newer than this build knows (" + std::to_string(journalSchemaVersion()) +
                "); open it with a newer Hoga";
        return false;
    }
    if (version < 0) {
        error = "invalid schema version " + std::to_string(version);
        return false;
    }
    if (version == 0) {
        std::int64_t objects = 0;
        if (!sqliteQueryInt(db, "SELECT count(*) FROM sqlite_schema", objects, error)) {
            return false;
        }
        if (objects != 0) {
            error = "not a Hoga journal: the database has tables but no schema version";
            return false;
        }
    } else if (applicationId != kJournalApplicationId) {
        error = "not a Hoga journal (schema version " + std::to_string(version) +
                " without Hoga's application_id)";
        return false;
    }
    for (int next = static_cast<int>(version) + 1; next <= journalSchemaVersion(); ++next) {
        if (!applyStep(db, next, error)) {
            return false;
        }
    }
    return true;
}

} // namespace hoga::storage
