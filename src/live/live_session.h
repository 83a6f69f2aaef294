#pragma once

// The engine thread of a live session (paper now; testnet and live wire another gateway): it
// takes FeedEvents from the feed's queue in order and runs them through the same market-data path
// and TradingEngine as a backtest (binance::MarketDataProcessor's event entry points, as
// app::BacktestSession does for a decoded tape), with the paper broker filling against the live
// book. Time comes only from the events.
//
// Book health gates entries: new entries need the book in sync and uncrossed *and* every feed
// route connected and fresh; the refusal records why. Exits and the stop loss keep working.
//
// Threads: start() runs the loop on its own std::thread. Every public method may be called from
// any other thread: commands are queued and run on the engine thread between events; status() is
// a copy published by the engine thread (at most every `statusIntervalMs` of steady time).

#include "binance/feed_event_queue.h"
#include "binance/market_data_processor.h"
#include "core/paper_broker.h"
#include "engine/journal.h"
#include "engine/memory_journal.h"
#include "engine/resume_state.h"
#include "engine/trading_engine.h"
#include "live/station_snapshot.h"
#include "live/timed_gateway.h"
#include "live/trade_marks.h"
#include "platform/latency_histogram.h"

#include <atomic>
#include <functional>
#include <memory>
#include <mutex>
#include <optional>
#include <string>
#include <thread>
#include <vector>

namespace hoga::live {

struct LiveSessionOptions {
    core::InstrumentSpec instrument = core::InstrumentSpec::btcusdtDefaults();
    core::StrategyParams params;
    std::string runId = "paper";
    std::int64_t statusIntervalMs = 100;
    std::int64_t snapshotIntervalMs = 33; // StationSnapshot: at most ~30 per second
    bool snapshots = true;                // false: none (no front end shows them)
    // > 0: the engine thread asks for SCHED_FIFO at this priority (platform/thread_priority.h);
    // refused, it logs why and keeps the normal scheduler.
    int realtimePriority = 0;
};

// What the session looks like from outside, copied on the engine thread.
struct LiveStatus {
    std::int64_t marketTimeMs = 0;
    binance::SyncState syncState = binance::SyncState::WaitingForSnapshot;
    std::string syncReason;
    binance::FeedHealth feedHealth = binance::FeedHealth::Connecting;
    std::string feedDetail;
    bool entriesAllowed = false; // book verified and feed healthy
    bool takingEntries = true;   // not stopped by a command
    binance::SyncCounters sync;
    std::int64_t ignoredSnapshots = 0; // arrived while the book was already live
    std::int64_t depthRestarts = 0;    // depth stream restarted by the feed (resync forced)
    std::int64_t events = 0;
    engine::EngineStats engine;
    core::Position position;
    core::Fixed8 balance{};
    core::Fixed8 equity{};
    std::optional<core::Level> bestBid, bestAsk;
    int realtimePriority = 0; // the engine thread's SCHED_FIFO priority; 0: the normal scheduler
    std::size_t queueDepth = 0;
    std::size_t queueMaxDepth = 0;
    std::int64_t queueProducerWaits = 0;
};

// Latencies measured on the engine thread, all from the frame's arrival (steady clock).
struct LiveLatencies {
    platform::LatencyHistogramSnapshot queueWait; // arrival → the engine picks it up
    platform::LatencyHistogramSnapshot decision;  // arrival → the engine has decided
    platform::LatencyHistogramSnapshot entries;   // arrival → entry order at the gateway
    platform::LatencyHistogramSnapshot exits;     // arrival → exit order at the gateway
};

class LiveSession {
public:
    // `requestSnapshot` is called on the engine thread when the depth synchroniser needs a REST
    // snapshot (MarketFeed::requestSnapshot is safe to call from there). `journal` may be null.
    LiveSession(LiveSessionOptions options, binance::FeedEventQueue& queue,
                engine::Journal* journal, std::function<void()> requestSnapshot);
    ~LiveSession(); // stop()

    // Before start(): continue the account of an earlier run (TradingEngine::restore).
    bool restore(const engine::ResumeState& state, std::string& error);
    void start();
    // Stops the loop after the events already received (up to the queue's end when `drain`),
    // closes the position at market first when `flatten`, then joins the thread and makes the
    // journal durable (Journal::finish). Idempotent.
    void stop(bool flatten, bool drain = false);

    // Commands (any thread).
    void setTakingEntries(bool on);
    void flatten(); // kill switch: halt and close at market
    // New thresholds for the running engine (validated there, see TradingEngine::applyParams);
    // `done` runs on the engine thread with the outcome.
    void applyParams(const core::StrategyParams& params,
                     std::function<void(bool ok, const std::string& error)> done);
    // Runs `fn` on the engine thread with the engine and the market data (tests, GUI queries).
    void post(std::function<void(engine::TradingEngine&, const binance::MarketDataProcessor&)> fn);

    [[nodiscard]] LiveStatus status() const;
    // The latest published snapshot (nullptr before the first event).
    [[nodiscard]] std::shared_ptr<const StationSnapshot> snapshot() const;
    [[nodiscard]] LiveLatencies latencies() const;
    [[nodiscard]] bool running() const { return m_running.load(); }
    // Before start() or after stop() only (the engine is the engine thread's otherwise).
    [[nodiscard]] const engine::TradingEngine& engineWhenStopped() const { return m_engine; }

private:
    using Command = std::function<void()>;
    void run();
    void runCommands();
    void handle(binance::FeedEvent& event);
    void feedEngine(engine::MarketInput::Kind kind, const core::Trade* trade,
                    const core::MarkPriceUpdate* mark);
    [[nodiscard]] engine::MarketState state() const;
    void publishStatus(bool force);
    void publishSnapshot();
    void enqueue(Command command);

    LiveSessionOptions m_options;
    binance::FeedEventQueue& m_queue;
    engine::Journal* m_journal;
    std::function<void()> m_requestSnapshot;

    // Engine-thread state.
    TradeMarks m_marks;
    engine::TeeJournal m_tee; // the real journal and the chart's marks
    binance::MarketDataProcessor m_processor;
    core::FeatureTracker m_display; // the signal panel's features, computed at its own pace
    engine::TradingEngine m_engine;
    core::PaperBroker m_broker;
    TimedGateway m_gateway;
    binance::FeedHealth m_feedHealth = binance::FeedHealth::Connecting;
    std::string m_feedDetail = "connecting";
    std::string m_unverifiedReason;
    bool m_takingEntries = true;
    std::int64_t m_events = 0;
    std::int64_t m_ignoredSnapshots = 0;
    std::int64_t m_depthRestarts = 0;
    std::int64_t m_lastStatusNs = 0;
    std::int64_t m_lastSnapshotNs = 0;
    bool m_snapshotDirty = true; // an event or a command since the last snapshot
    int m_realtimePriority = 0;  // engine thread: what it got
    std::uint64_t m_snapshotSequence = 0;
    platform::LatencyHistogram m_queueWait;
    platform::LatencyHistogram m_decision;

    std::mutex m_commandsMutex;
    std::vector<Command> m_commands;
    std::atomic<bool> m_hasCommands{false};
    std::atomic<bool> m_stopRequested{false};
    std::atomic<bool> m_drain{false};
    std::atomic<bool> m_running{false};
    std::thread m_thread;

    mutable std::mutex m_statusMutex;
    LiveStatus m_status;
    std::shared_ptr<const StationSnapshot> m_snapshot;
};

} // namespace hoga::live
