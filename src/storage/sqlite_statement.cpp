#include "storage/sqlite_statement.h"

#include <sqlite3.h>

#include <algorithm>
#include <utility>

namespace hoga::storage {

void SqliteCloser::operator()(sqlite3* db) const {
    // close_v2 defers the close until every statement is finalised instead of failing with BUSY.
    sqlite3_close_v2(db);
}

std::string sqliteError(sqlite3* db, std::string_view what) {
    std::string out(what);
    out += ": ";
    if (db == nullptr) {
        out += "no database connection";
        return out;
    }
    out += sqlite3_errmsg(db);
    out += " (code ";
    out += std::to_string(sqlite3_extended_errcode(db));
    out += ')';
    return out;
}

bool sqliteExec(sqlite3* db, const char* sql, std::string& error, std::string_view label) {
    if (sqlite3_exec(db, sql, nullptr, nullptr, nullptr) != SQLITE_OK) {
        error = sqliteError(db, label.empty() ? std::string_view(sql) : label);
        return false;
    }
    return true;
}

namespace {

// Prepares `sql`, steps it once and hands the first row to `read`.
template <typename Read>
bool queryOne(sqlite3* db, const char* sql, std::string& error, Read read) {
    sqlite3_stmt* raw = nullptr;
    if (sqlite3_prepare_v2(db, sql, -1, &raw, nullptr) != SQLITE_OK) {
        error = sqliteError(db, sql);
        return false;
    }
    const int rc = sqlite3_step(raw);
    bool ok = false;
    if (rc == SQLITE_ROW) {
        read(raw);
        ok = true;
    } else if (rc == SQLITE_DONE) {
        error = std::string(sql) + ": no result row";
    } else {
        error = sqliteError(db, sql);
    }
    sqlite3_finalize(raw);
    return ok;
}

} // namespace

bool sqliteQueryInt(sqlite3* db, const char* sql, std::int64_t& out, std::string& error) {
    return queryOne(db, sql, error,
                    [&](sqlite3_stmt* stmt) { out = sqlite3_column_int64(stmt, 0); });
}

bool sqliteQueryText(sqlite3* db, const char* sql, std::string& out, std::string& error) {
    return queryOne(db, sql, error, [&](sqlite3_stmt* stmt) {
        const auto* text = sqlite3_column_text(stmt, 0);
        out = text == nullptr ? std::string() : reinterpret_cast<const char*>(text);
    });
}

SqliteStatement::~SqliteStatement() {
    finalize();
}

SqliteStatement::SqliteStatement(SqliteStatement&& other) noexcept
    : m_db(std::exchange(other.m_db, nullptr)), m_stmt(std::exchange(other.m_stmt, nullptr)),
      m_bindStatus(std::exchange(other.m_bindStatus, 0)) {}

SqliteStatement& SqliteStatement::operator=(SqliteStatement&& other) noexcept {
    if (this != &other) {
        finalize();
        m_db = std::exchange(other.m_db, nullptr);
        m_stmt = std::exchange(other.m_stmt, nullptr);
        m_bindStatus = std::exchange(other.m_bindStatus, 0);
    }
    return *this;
}

bool SqliteStatement::prepare(sqlite3* db, const char* sql, std::string& error) {
    finalize();
    m_db = db;
    // PERSISTENT: the statement lives for the whole journal, so SQLite may keep it out of its
    // lookaside pool.
    if (sqlite3_prepare_v3(db, sql, -1, SQLITE_PREPARE_PERSISTENT, &m_stmt, nullptr) != SQLITE_OK) {
        error = sqliteError(db, std::string("prepare ") + sql);
        m_stmt = nullptr;
        return false;
    }
    return true;
}

void SqliteStatement::finalize() {
    if (m_stmt != nullptr) {
        sqlite3_finalize(m_stmt);
        m_stmt = nullptr;
    }
    m_bindStatus = SQLITE_OK;
}

namespace {
inline void keepFirstError(int& status, int rc) {
    if (status == SQLITE_OK && rc != SQLITE_OK) {
        status = rc;
    }
}
} // namespace

void SqliteStatement::bindText(int index, std::string_view text) {
    keepFirstError(m_bindStatus, sqlite3_bind_text64(m_stmt, index, text.data(), text.size(),
                                                     SQLITE_TRANSIENT, SQLITE_UTF8));
}

void SqliteStatement::bindInt(int index, std::int64_t value) {
    keepFirstError(m_bindStatus, sqlite3_bind_int64(m_stmt, index, value));
}

void SqliteStatement::bindDouble(int index, double value) {
    keepFirstError(m_bindStatus, sqlite3_bind_double(m_stmt, index, value));
}

void SqliteStatement::bindNull(int index) {
    keepFirstError(m_bindStatus, sqlite3_bind_null(m_stmt, index));
}

namespace {
// "INSERT INTO fills" rather than the whole statement with its column list.
std::string_view statementLabel(sqlite3_stmt* stmt) {
    const std::string_view sql = sqlite3_sql(stmt);
    return sql.substr(0, std::min(sql.find(" ("), std::size_t{40}));
}
} // namespace

bool SqliteStatement::run(std::string& error) {
    bool ok = true;
    if (m_bindStatus != SQLITE_OK) {
        error = "bind parameters of " + std::string(statementLabel(m_stmt)) + ": " +
                sqlite3_errstr(m_bindStatus);
        ok = false;
    } else {
        const int rc = sqlite3_step(m_stmt);
        if (rc != SQLITE_DONE && rc != SQLITE_ROW) {
            error = sqliteError(m_db, statementLabel(m_stmt));
            ok = false;
        }
    }
    sqlite3_reset(m_stmt);
    sqlite3_clear_bindings(m_stmt);
    m_bindStatus = SQLITE_OK;
    return ok;
}

SqliteStatement::Step SqliteStatement::step(std::string& error) {
    Step result = Step::Failed;
    if (m_bindStatus != SQLITE_OK) {
        error = "bind parameters of " + std::string(statementLabel(m_stmt)) + ": " +
                sqlite3_errstr(m_bindStatus);
    } else {
        const int rc = sqlite3_step(m_stmt);
        if (rc == SQLITE_ROW) {
            return Step::Row;
        }
        if (rc == SQLITE_DONE) {
            result = Step::Done;
        } else {
            error = sqliteError(m_db, statementLabel(m_stmt));
        }
    }
    sqlite3_reset(m_stmt);
    sqlite3_clear_bindings(m_stmt);
    m_bindStatus = SQLITE_OK;
    return result;
}

bool SqliteStatement::isNull(int column) const {
    return sqlite3_column_type(m_stmt, column) == SQLITE_NULL;
}

std::int64_t SqliteStatement::columnInt(int column) const {
    return sqlite3_column_int64(m_stmt, column);
}

double SqliteStatement::columnDouble(int column) const {
    return sqlite3_column_double(m_stmt, column);
}

std::string SqliteStatement::columnText(int column) const {
    const auto* text = sqlite3_column_text(m_stmt, column);
    return text == nullptr
               ? std::string()
               : std::string(reinterpret_cast<const char*>(text),
                             static_cast<std::size_t>(sqlite3_column_bytes(m_stmt, column)));
}

} // namespace hoga::storage
