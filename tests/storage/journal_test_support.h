#pragma once

// Helpers for tst_journal: an independent reader (the SQLite C API on its own connection, the way
// the GUI or a hand check reads the file), the sample records the suite writes, and a way to run
// a writer in a child process that can then be killed; CHECK_* macros for exact column checks.

#include <QTest>

#include "core/instrument.h"
#include "engine/journal.h"
#include "storage/sqlite_journal.h"

#include <cstdint>
#include <functional>
#include <map>
#include <sqlite3.h>
#include <string>
#include <vector>

namespace hoga::storage::testing {

struct Cell {
    int type = SQLITE_NULL;
    std::int64_t integer = 0;
    double real = 0;
    std::string text;
};
using Row = std::map<std::string, Cell>;

// Runs `sql` on a read-only connection of its own; empty with `error` set on failure.
std::vector<Row> selectRows(const std::string& path, const std::string& sql,
                            std::string* error = nullptr);
// The first column of the first row as an integer, or `fallback` on any failure.
std::int64_t selectInt(const std::string& path, const std::string& sql, std::int64_t fallback = -1);
// Runs statements on a read-write connection (to build old or foreign files by hand).
bool execSql(const std::string& path, const std::string& sql, std::string* error = nullptr);

// Column names of a table, in order (PRAGMA table_info), separated by spaces.
std::string columnsOf(const std::string& path, const std::string& table);

inline const Cell* findCell(const Row& row, const char* column) {
    const auto it = row.find(column);
    return it == row.end() ? nullptr : &it->second;
}

std::vector<char> readBytes(const std::string& path);
void writeBytes(const std::string& path, const std::vector<char>& bytes);
// `size` bytes from a fixed-seed generator.
std::vector<char> randomBytes(std::size_t size, unsigned seed);

// The records of the round-trip test, with hand-computed expectations in the test itself.
engine::RunInfo sampleRun(const std::string& runId);
core::OrderRequest sampleOrder();
engine::OrderIntent sampleEntryIntent(); // the features of sampleRoundTrip().atEntry
core::OrderRequest sampleExitOrder();
engine::OrderIntent sampleExitIntent(); // a stop loss; volume ratio NaN
engine::FundingRecord sampleFunding();
core::Fill sampleFill();
core::Fill sampleRebateFill();
core::RoundTrip sampleRoundTrip();
engine::RefusalRecord sampleRefusal();
engine::EquitySample sampleEquity();

// A run of `events` events of every kind (deterministic values), calling flush() after every
// `flushEvery` events when it is non-zero: the timing of flushes must not change the file.
void writeScript(SqliteJournal& journal, const std::string& runId, int events, int flushEvery);

// Forks; the child runs `body` and _exit()s with its result. Returns the wait status.
int runInChild(const std::function<int()>& body);

} // namespace hoga::storage::testing

// Exact checks of one column: type and value (doubles compared bit-for-bit, not fuzzily).
#define CHECK_TEXT(row, column, expected)                                                          \
    do {                                                                                           \
        const Cell* c_ = findCell(row, column);                                                    \
        QVERIFY2(c_ != nullptr, column);                                                           \
        QCOMPARE(c_->type, SQLITE_TEXT);                                                           \
        QCOMPARE(c_->text, std::string(expected));                                                 \
    } while (false)
#define CHECK_INT(row, column, expected)                                                           \
    do {                                                                                           \
        const Cell* c_ = findCell(row, column);                                                    \
        QVERIFY2(c_ != nullptr, column);                                                           \
        QCOMPARE(c_->type, SQLITE_INTEGER);                                                        \
        QCOMPARE(c_->integer, std::int64_t(expected));                                             \
    } while (false)
#define CHECK_REAL(row, column, expected)                                                          \
    do {                                                                                           \
        const Cell* c_ = findCell(row, column);                                                    \
        QVERIFY2(c_ != nullptr, column);                                                           \
        QCOMPARE(c_->type, SQLITE_FLOAT);                                                          \
        QVERIFY2(c_->real == (expected), column);                                                  \
    } while (false)
#define CHECK_NULL(row, column)                                                                    \
    do {                                                                                           \
        const Cell* c_ = findCell(row, column);                                                    \
        QVERIFY2(c_ != nullptr, column);                                                           \
        QCOMPARE(c_->type, SQLITE_NULL);                                                           \
    } while (false)
