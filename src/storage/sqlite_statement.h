#pragma once

// A thin RAII layer over the SQLite C API, just enough for the journal: an owned connection, a
// prepared statement that is reset after every use, and error text that names what failed.
// Values are always bound as parameters, never pasted into SQL.

#include <cstdint>
#include <memory>
#include <string>
#include <string_view>

struct sqlite3;
struct sqlite3_stmt;

namespace hoga::storage {

struct SqliteCloser {
    void operator()(sqlite3* db) const;
};
using SqliteHandle = std::unique_ptr<sqlite3, SqliteCloser>;

// "<what>: <sqlite message> (code N)", from the connection's last error.
std::string sqliteError(sqlite3* db, std::string_view what);

// Runs one or more statements without parameters (DDL, PRAGMA, BEGIN/COMMIT). On failure fills
// `error`, naming the statement by `label` (default: the SQL itself), and returns false.
bool sqliteExec(sqlite3* db, const char* sql, std::string& error, std::string_view label = {});

// Runs a query that yields one integer (PRAGMA user_version, count(*)). False on failure or when
// there is no row.
bool sqliteQueryInt(sqlite3* db, const char* sql, std::int64_t& out, std::string& error);
// The same for a text result (PRAGMA journal_mode).
bool sqliteQueryText(sqlite3* db, const char* sql, std::string& out, std::string& error);

// A prepared statement, bound by 1-based index. Strings are bound SQLITE_TRANSIENT (copied), so
// the caller's buffers may die before step().
class SqliteStatement {
public:
    SqliteStatement() = default;
    ~SqliteStatement();
    SqliteStatement(SqliteStatement&& other) noexcept;
    SqliteStatement& operator=(SqliteStatement&& other) noexcept;
    SqliteStatement(const SqliteStatement&) = delete;
    SqliteStatement& operator=(const SqliteStatement&) = delete;

    bool prepare(sqlite3* db, const char* sql, std::string& error);
    void finalize();
    [[nodiscard]] bool isPrepared() const { return m_stmt != nullptr; }

    void bindText(int index, std::string_view text);
    void bindInt(int index, std::int64_t value);
    void bindDouble(int index, double value);
    void bindNull(int index);

    // Steps a statement that returns no rows, then resets it and clears its bindings so it is
    // ready for the next use whatever happened. A bind failure (index out of range) is reported
    // here as well, so callers check one result.
    bool run(std::string& error);

    // Steps a query: Row while rows come (read them with the column accessors, 0-based), then
    // Done; Failed with `error`. Done and Failed reset the statement and clear its bindings.
    enum class Step : std::uint8_t { Row, Done, Failed };
    Step step(std::string& error);
    [[nodiscard]] bool isNull(int column) const;
    [[nodiscard]] std::int64_t columnInt(int column) const;
    [[nodiscard]] double columnDouble(int column) const;
    [[nodiscard]] std::string columnText(int column) const;

private:
    sqlite3* m_db = nullptr;
    sqlite3_stmt* m_stmt = nullptr;
    int m_bindStatus = 0; // first failing sqlite3_bind_* result, SQLITE_OK (0) if none
};

} // namespace hoga::storage
