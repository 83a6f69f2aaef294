#pragma once

// The journal's schema as an ordered list of migration steps. PRAGMA user_version holds the number
// of steps a file has had applied; opening a file applies the missing ones, each in its own
// transaction, so a failure leaves the file at the last complete version. A step, once released,
// never changes: files written by older builds depend on it. Change the schema by appending one.
//
// The tables (every money value twice: exact decimal TEXT and an INTEGER scaled value):
//   runs         one row per run: mode, symbol, exact parameters, input files, code version,
//                the instrument's tick and step sizes, the run it resumed and its starting balance
//   orders       every order the engine submitted (purpose entry/exit, side BUY/SELL), with the
//                exit's reason and the features the decision saw
//   fills        every execution (price TEXT + price_ticks, qty + qty_lots, fee + fee_e8)
//   round_trips  one row per closed position with P&L and the features at entry and exit
//   refusals     every entry the risk engine denied, with the features it was decided on
//   equity       balance and equity samples with the position at that time
//   funding      every funding payment booked on an open position
// All rows of a run reference runs(id); foreign keys are enforced.

#include <cstdint>
#include <span>
#include <string>

struct sqlite3;

namespace hoga::storage {

// PRAGMA application_id of a Hoga journal: "Hoga" in ASCII. Lets `file(1)` and the GUI tell a
// journal from any other SQLite file.
inline constexpr std::int32_t kJournalApplicationId = 0x486F6761;

// The SQL of each step; step i (0-based) takes a file from version i to i + 1.
std::span<const char* const> journalMigrations();

// The version a file has after every step: journalMigrations().size().
int journalSchemaVersion();

// Brings the open database up to journalSchemaVersion(). Refuses, with an explanation in `error`,
// a file written by a newer build (user_version above ours), a file of another application
// (foreign application_id, or tables without a version) and a file that is not a database.
// `versionFound` is the version before migrating (0 for a new file).
bool migrateJournal(sqlite3* db, int& versionFound, std::string& error);

} // namespace hoga::storage
