#include "storage/sqlite_journal.h"

#include "platform/logging.h"
#include "platform/thread_name.h"
#include "storage/journal_schema.h"

#include <utility>

namespace hoga::storage {

namespace {

// A failing disk fails every record; the log gets the first ones and then a reminder now and
// then, while errorCount() and lastError() keep the whole story.
constexpr std::uint64_t kErrorsLoggedInFull = 20;
constexpr std::uint64_t kErrorLogInterval = 1000;

template <typename... Ts>
struct Overloaded : Ts... {
    using Ts::operator()...;
};

} // namespace

SqliteJournal::SqliteJournal(core::InstrumentSpec instrument, SqliteJournalOptions options)
    : m_instrument(std::move(instrument)), m_options(options), m_db(m_instrument) {}

SqliteJournal::~SqliteJournal() {
    close();
}

bool SqliteJournal::open(const std::string& path) {
    close();
    m_path = path;
    m_versionFound = 0;
    std::string error;
    if (!m_db.open(path, m_options, m_versionFound, error)) {
        noteError(error);
        return false;
    }
    if (m_versionFound != journalSchemaVersion()) {
        platform::logger("journal")->info("{}: schema version {} -> {}", path, m_versionFound,
                                          journalSchemaVersion());
    }
    {
        std::lock_guard lock(m_mutex);
        m_accepting = true;
    }
    m_writer = std::thread([this] {
        platform::setCurrentThreadName("journal");
        writerLoop();
    });
    return true;
}

bool SqliteJournal::isOpen() const {
    std::lock_guard lock(m_mutex);
    return m_accepting;
}

void SqliteJournal::recordRun(const engine::RunInfo& run) {
    // Written all the same, but reported: this run's prices are printed on another symbol's grids.
    if (!m_instrument.symbol.empty() && run.symbol != m_instrument.symbol) {
        noteError("run " + run.runId + " is for " + run.symbol + " but the journal formats " +
                  m_instrument.symbol + " prices and quantities");
    }
    enqueue(run);
}

void SqliteJournal::recordOrder(const core::OrderRequest& order,
                                const engine::OrderIntent& intent) {
    enqueue(OrderRecord{order, std::string(intent.purpose), intent});
}

void SqliteJournal::recordFill(const core::Fill& fill) {
    enqueue(fill);
}

void SqliteJournal::recordFunding(const engine::FundingRecord& funding) {
    enqueue(funding);
}

void SqliteJournal::recordRoundTrip(const core::RoundTrip& trip) {
    enqueue(trip);
}

void SqliteJournal::recordRefusal(const engine::RefusalRecord& refusal) {
    enqueue(refusal);
}

void SqliteJournal::recordEquity(const engine::EquitySample& sample) {
    enqueue(sample);
}

std::uint64_t SqliteJournal::enqueue(Command command) {
    std::uint64_t sequence = 0;
    bool wakeWriter = false;
    {
        std::lock_guard lock(m_mutex);
        if (m_accepting) {
            // The writer only sleeps on an empty queue: waking it for every record would cost
            // the engine thread a futex call each time.
            wakeWriter = m_queue.empty();
            m_queue.push_back(std::move(command));
            sequence = ++m_enqueued;
        }
    }
    if (sequence == 0) {
        noteError(m_path.empty() ? "record dropped: the journal was never opened"
                                 : "record dropped: the journal " + m_path + " is not open");
    } else if (wakeWriter) {
        m_queued.notify_one();
    }
    return sequence;
}

void SqliteJournal::waitFor(std::uint64_t sequence) {
    std::unique_lock lock(m_mutex);
    // Registered before the predicate is checked; the writer stores m_done before it reads
    // m_waiters. Both sequentially consistent, so either this sees the new m_done or the writer
    // sees the waiter and notifies under the mutex: no lost wake-up.
    m_waiters.fetch_add(1);
    m_written.wait(lock, [&] { return m_done.load() >= sequence; });
    m_waiters.fetch_sub(1);
}

bool SqliteJournal::flush() {
    std::uint64_t sequence = 0;
    {
        std::lock_guard lock(m_mutex);
        sequence = m_enqueued;
    }
    waitFor(sequence);
    return healthy();
}

void SqliteJournal::finish() {
    std::uint64_t sequence = 0;
    {
        std::lock_guard lock(m_mutex);
        if (!m_accepting) {
            return; // never opened, or closed: nothing left to make durable
        }
        m_queue.emplace_back(Checkpoint{});
        sequence = ++m_enqueued;
    }
    m_queued.notify_one();
    waitFor(sequence);
}

void SqliteJournal::close() {
    {
        std::lock_guard lock(m_mutex);
        if (m_accepting) {
            m_queue.emplace_back(Checkpoint{});
            m_queue.emplace_back(Stop{});
            m_enqueued += 2;
            m_accepting = false;
        }
    }
    if (m_writer.joinable()) {
        m_queued.notify_one();
        m_writer.join();
    }
    m_db.close();
}

std::string SqliteJournal::lastError() const {
    std::lock_guard lock(m_mutex);
    return m_lastError;
}

std::size_t SqliteJournal::pendingCount() const {
    std::lock_guard lock(m_mutex);
    return static_cast<std::size_t>(m_enqueued - m_done.load());
}

void SqliteJournal::writerLoop() {
    std::deque<Command> batch;
    bool running = true;
    while (running) {
        {
            std::unique_lock lock(m_mutex);
            m_queued.wait(lock, [this] { return !m_queue.empty(); });
            batch.swap(m_queue);
        }
        for (const Command& command : batch) {
            running = execute(command);
            m_done.fetch_add(1);
            if (m_waiters.load() > 0) {
                // Taking the mutex orders the notify after a waiter's predicate check.
                { std::lock_guard lock(m_mutex); }
                m_written.notify_all();
            }
            if (!running) {
                break; // Stop is always the last command queued
            }
        }
        batch.clear();
    }
}

bool SqliteJournal::execute(const Command& command) {
    std::string error;
    // `describe` builds the record's name only on failure: the happy path makes no strings.
    const auto record = [&](bool ok, auto describe) {
        if (ok) {
            m_recordsWritten.fetch_add(1, std::memory_order_relaxed);
        } else {
            noteError(describe() + " not written: " + error);
        }
        return true;
    };
    return std::visit(
        Overloaded{
            [&](const engine::RunInfo& run) {
                return record(m_db.writeRun(run, error), [&] { return "run " + run.runId; });
            },
            [&](const OrderRecord& r) {
                engine::OrderIntent intent = r.intent;
                intent.purpose = r.purpose; // the copy in the queue, not the caller's
                return record(m_db.writeOrder(r.order, intent, error),
                              [&] { return "order " + r.order.clientOrderId; });
            },
            [&](const engine::FundingRecord& funding) {
                return record(m_db.writeFunding(funding, error), [&] {
                    return "funding payment at " + std::to_string(funding.timeMs);
                });
            },
            [&](const core::Fill& fill) {
                return record(m_db.writeFill(fill, error), [&] {
                    return "fill of " + fill.clientOrderId + " at " + std::to_string(fill.timeMs);
                });
            },
            [&](const core::RoundTrip& trip) {
                return record(m_db.writeRoundTrip(trip, error),
                              [&] { return "round trip " + std::to_string(trip.id); });
            },
            [&](const engine::RefusalRecord& refusal) {
                return record(m_db.writeRefusal(refusal, error),
                              [&] { return "refusal at " + std::to_string(refusal.timeMs); });
            },
            [&](const engine::EquitySample& sample) {
                return record(m_db.writeEquity(sample, error),
                              [&] { return "equity sample at " + std::to_string(sample.timeMs); });
            },
            [&](const Checkpoint&) {
                switch (m_db.checkpoint(error)) {
                case JournalWriter::CheckpointResult::Done:
                    break;
                case JournalWriter::CheckpointResult::Busy:
                    // Not a lost write: the rest of the WAL is checkpointed later.
                    platform::logger("journal")->warn("{} (another connection is reading)", error);
                    break;
                case JournalWriter::CheckpointResult::Failed:
                    noteError(error);
                    break;
                }
                return true;
            },
            [&](const Stop&) { return false; },
        },
        command);
}

void SqliteJournal::noteError(const std::string& message) {
    {
        std::lock_guard lock(m_mutex);
        m_lastError = message;
    }
    const std::uint64_t count = m_errorCount.fetch_add(1) + 1;
    if (count <= kErrorsLoggedInFull || count % kErrorLogInterval == 0) {
        platform::logger("journal")->error("{} ({} journal errors so far)", message, count);
    }
}

} // namespace hoga::storage
