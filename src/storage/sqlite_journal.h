#pragma once

// The engine's Journal as a SQLite file (schema: journal_schema.h). The engine thread only copies
// each record into a queue; a writer thread of the journal's own turns every record into one
// transaction. So:
//   - a record call never waits for the disk (the queue is unbounded: a disk slower than the
//     engine costs memory, never a stall or a dropped record; pendingCount() shows it);
//   - flush() is the acknowledgement point: when it returns, everything recorded before it is
//     committed, and a kill -9 of the process loses none of it (with synchronous=FULL, neither
//     does a power cut);
//   - finish() also checkpoints the WAL into the main file, which leaves a self-contained file
//     (and a zero-length -wal next to it until close()).
//
// Failures (unopenable or corrupt file, disk full, a locked database, a rejected row) never throw
// or abort: they are counted, the last one is kept in lastError(), they are logged to the
// "journal" logger, and the record is dropped. healthy() is true while nothing has failed.
//
// Determinism: the file holds nothing but what was recorded (no wall clock, no random ids, page
// size, encoding and auto-vacuum set explicitly), and each record is its own transaction whatever
// the timing of flush() calls. So two runs that record the same sequence into new files produce
// byte-identical files after finish(), with the same SQLite library.
//
// Records reference the run of the latest recordRun(); a record before any recordRun() is an
// error. Record calls come from one thread (the engine's); flush(), finish() and the status
// queries may come from any thread.

#include "core/instrument.h"
#include "engine/journal.h"
#include "storage/journal_writer.h"

#include <atomic>
#include <condition_variable>
#include <cstdint>
#include <deque>
#include <mutex>
#include <string>
#include <thread>
#include <variant>

namespace hoga::storage {

class SqliteJournal final : public engine::Journal {
public:
    explicit SqliteJournal(core::InstrumentSpec instrument, SqliteJournalOptions options = {});
    ~SqliteJournal() override; // close()

    SqliteJournal(const SqliteJournal&) = delete;
    SqliteJournal& operator=(const SqliteJournal&) = delete;

    // Creates or opens the file, migrates it to the current schema and starts the writer. False
    // (with lastError()) if the file cannot be opened or written, is not a journal, is corrupt or
    // was written by a newer build. Opening again closes the current file first.
    bool open(const std::string& path);
    [[nodiscard]] bool isOpen() const;
    // Schema version of the file before open() migrated it (0 for a new file).
    [[nodiscard]] int versionFound() const { return m_versionFound; }

    void recordRun(const engine::RunInfo& run) override;
    void recordOrder(const core::OrderRequest& order, const engine::OrderIntent& intent) override;
    void recordFill(const core::Fill& fill) override;
    void recordFunding(const engine::FundingRecord& funding) override;
    void recordRoundTrip(const core::RoundTrip& trip) override;
    void recordRefusal(const engine::RefusalRecord& refusal) override;
    void recordEquity(const engine::EquitySample& sample) override;

    // Blocks until every record queued before the call is committed (or has failed). Returns
    // healthy().
    bool flush();
    // flush() and checkpoint the WAL into the database file (TRUNCATE). The journal stays open;
    // later records are written as before.
    void finish() override;
    // finish(), stop the writer and close the file. Records after close() are errors.
    void close();

    [[nodiscard]] bool healthy() const { return m_errorCount.load() == 0; }
    [[nodiscard]] std::uint64_t errorCount() const { return m_errorCount.load(); }
    [[nodiscard]] std::string lastError() const;
    // Records committed since construction.
    [[nodiscard]] std::uint64_t recordsWritten() const { return m_recordsWritten.load(); }
    // Records queued and not yet written.
    [[nodiscard]] std::size_t pendingCount() const;
    [[nodiscard]] const std::string& path() const { return m_path; }

private:
    struct OrderRecord {
        core::OrderRequest order;
        std::string purpose; // owned: the intent's view may not outlive the call
        engine::OrderIntent intent;
    };
    struct Checkpoint {};
    struct Stop {};
    using Command = std::variant<engine::RunInfo, OrderRecord, core::Fill, engine::FundingRecord,
                                 core::RoundTrip, engine::RefusalRecord, engine::EquitySample,
                                 Checkpoint, Stop>;

    // Queues a command; returns its sequence number (0 when the journal is not open).
    std::uint64_t enqueue(Command command);
    void waitFor(std::uint64_t sequence);
    void writerLoop();
    // Executes one command on the writer thread; false for Stop.
    bool execute(const Command& command);
    void noteError(const std::string& message);

    const core::InstrumentSpec m_instrument;
    const SqliteJournalOptions m_options;
    std::string m_path;
    int m_versionFound = 0;

    // The connection and its statements; used only by the writer thread while it runs.
    JournalWriter m_db;

    mutable std::mutex m_mutex;
    std::condition_variable m_queued;  // writer waits: a command arrived
    std::condition_variable m_written; // flush() waits: m_done advanced
    // A deque, not a vector: a burst (a backtest outrunning the disk) never makes the engine thread
    // move the whole queue to a larger buffer.
    std::deque<Command> m_queue;
    std::uint64_t m_enqueued = 0; // sequence number of the last queued command
    std::string m_lastError;
    bool m_accepting = false; // open, and close() not yet called

    // Sequence number of the last executed command. Atomic so that the writer does not take the
    // mutex (and contend with the engine's enqueue) after every record; it only locks to wake
    // flush() callers, and only when there are any (m_waiters).
    std::atomic<std::uint64_t> m_done{0};
    std::atomic<int> m_waiters{0};
    std::atomic<std::uint64_t> m_errorCount{0};
    std::atomic<std::uint64_t> m_recordsWritten{0};
    std::thread m_writer;
};

} // namespace hoga::storage
