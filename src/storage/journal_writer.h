#pragma once

// The synchronous half of SqliteJournal: one connection, one prepared INSERT per record type, and
// one transaction per record. Used by exactly one thread at a time (SqliteJournal's writer).

#include "core/instrument.h"
#include "engine/journal.h"
#include "storage/sqlite_statement.h"

#include <string>
#include <string_view>

namespace hoga::storage {

struct SqliteJournalOptions {
    // FULL: every commit is fsynced, so an acknowledged record survives a power cut too.
    // NORMAL (false): in WAL mode commits are not fsynced, only checkpoints are; a kill -9 still
    // loses nothing committed (the WAL is in the OS cache), but a power cut may lose the latest
    // transactions. Backtests that can be re-run may choose it for speed.
    bool synchronousFull = true;
    // How long a write waits for a lock held by another connection (another process writing the
    // same file, or a checkpoint blocked by a reader) before it fails.
    int busyTimeoutMs = 5000;
};

class JournalWriter {
public:
    explicit JournalWriter(const core::InstrumentSpec& instrument) : m_instrument(instrument) {}

    // Opens or creates the file, applies the connection settings, migrates the schema and
    // prepares the statements. On failure the writer is closed and `error` says why.
    bool open(const std::string& path, const SqliteJournalOptions& options, int& versionFound,
              std::string& error);
    void close();
    [[nodiscard]] bool isOpen() const { return m_db != nullptr; }

    // Each is one transaction; false (and `error`) if it was rolled back.
    bool writeRun(const engine::RunInfo& run, std::string& error);
    bool writeOrder(const core::OrderRequest& order, const engine::OrderIntent& intent,
                    std::string& error);
    bool writeFill(const core::Fill& fill, std::string& error);
    bool writeFunding(const engine::FundingRecord& funding, std::string& error);
    bool writeRoundTrip(const core::RoundTrip& trip, std::string& error);
    bool writeRefusal(const engine::RefusalRecord& refusal, std::string& error);
    bool writeEquity(const engine::EquitySample& sample, std::string& error);

    // Copies the whole WAL into the database file and truncates the WAL to zero bytes. Busy when
    // another connection (a reader, say the GUI) kept it from completing: nothing is lost, the
    // rest stays in the WAL and is checkpointed later.
    enum class CheckpointResult : std::uint8_t { Done, Busy, Failed };
    CheckpointResult checkpoint(std::string& error);

private:
    bool configure(const SqliteJournalOptions& options, int& versionFound, std::string& error);
    bool prepareStatements(std::string& error);
    // Runs `insert` inside BEGIN IMMEDIATE ... COMMIT, rolling back on any failure.
    bool commitOne(SqliteStatement& insert, std::string& error);
    bool requireRun(std::string& error) const;

    const core::InstrumentSpec& m_instrument;
    SqliteHandle m_db;
    std::string m_path;
    std::string m_runId; // of the latest writeRun(); rows of later records reference it
    bool m_haveRun = false;

    SqliteStatement m_begin;
    SqliteStatement m_commit;
    SqliteStatement m_rollback;
    SqliteStatement m_insertRun;
    SqliteStatement m_insertOrder;
    SqliteStatement m_insertFill;
    SqliteStatement m_insertFunding;
    SqliteStatement m_insertRoundTrip;
    SqliteStatement m_insertRefusal;
    SqliteStatement m_insertEquity;
};

} // namespace hoga::storage
