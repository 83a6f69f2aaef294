#include "live_session.h"

#include "platform/local_clock.h"
#include "platform/logging.h"
#include "platform/thread_name.h"
#include "platform/thread_priority.h"

#include <algorithm>
#include <chrono>
#include <climits>

namespace hoga::live {

namespace {

using platform::steadyNs;

binance::MarketDataProcessor::Options feedOptions(const core::StrategyParams& params) {
    return binance::MarketDataProcessor::Options::forStrategy(params.candleIntervalMs,
                                                              params.volumeLookback);
}

constexpr std::int64_t kIdleWaitUs = 50'000; // the loop wakes at least this often

} // namespace

LiveSession::LiveSession(LiveSessionOptions options, binance::FeedEventQueue& queue,
                         engine::Journal* journal, std::function<void()> requestSnapshot)
    : m_options(std::move(options)), m_queue(queue), m_journal(journal),
      m_requestSnapshot(std::move(requestSnapshot)), m_tee({journal, &m_marks}),
      m_processor(m_options.instrument, feedOptions(m_options.params)), m_display(m_options.params),
      m_engine(m_options.instrument, m_options.params, m_options.runId, &m_tee),
      m_broker(m_processor.book(), m_options.instrument, m_options.params.latencyMs,
               core::percentToRateE8(m_options.params.takerFeePct), m_engine.executionListener()),
      m_gateway(m_broker) {
    m_engine.setGateway(&m_gateway);
}

LiveSession::~LiveSession() {
    stop(false);
}

bool LiveSession::restore(const engine::ResumeState& state, std::string& error) {
    if (m_running) {
        error = "the session is already running";
        return false;
    }
    return m_engine.restore(state, error);
}

void LiveSession::start() {
    if (m_running.exchange(true)) {
        return;
    }
    m_stopRequested = false;
    m_thread = std::thread([this] {
        platform::setCurrentThreadName("engine");
        if (m_options.realtimePriority > 0) {
            std::string error;
            if (platform::setCurrentThreadRealtime(m_options.realtimePriority, error)) {
                m_realtimePriority = m_options.realtimePriority;
                platform::logger("engine")->info("engine thread: SCHED_FIFO priority {}",
                                                 m_realtimePriority);
            } else {
                platform::logger("engine")->warn("engine thread keeps the normal scheduler: {}",
                                                 error);
            }
        }
        run();
    });
}

void LiveSession::stop(bool flatten, bool drain) {
    if (!m_thread.joinable()) {
        return;
    }
    if (flatten) {
        this->flatten();
    }
    m_drain = drain;
    m_stopRequested = true;
    m_thread.join();
    m_running = false;
    if (m_journal) {
        m_journal->finish();
    }
}

void LiveSession::enqueue(Command command) {
    {
        const std::lock_guard lock(m_commandsMutex);
        m_commands.push_back(std::move(command));
    }
    m_hasCommands = true;
}

void LiveSession::setTakingEntries(bool on) {
    enqueue([this, on] {
        m_takingEntries = on;
        if (on) {
            m_engine.setEntryWindow(INT64_MIN, INT64_MAX);
        } else {
            m_engine.setEntryWindow(INT64_MIN, INT64_MIN); // an empty window: no new entries
        }
        platform::logger("engine")->info("new entries {}", on ? "enabled" : "stopped");
    });
}

void LiveSession::flatten() {
    enqueue([this] {
        platform::logger("engine")->warn("flatten: trading halted, closing at market");
        m_engine.killSwitch(state());
    });
}

void LiveSession::applyParams(const core::StrategyParams& params,
                              std::function<void(bool, const std::string&)> done) {
    enqueue([this, params, done = std::move(done)] {
        std::string error;
        const bool ok = m_engine.applyParams(params, error);
        if (ok) {
            m_display.setParams(params);
            m_options.params = params;
            platform::logger("engine")->info("new parameters applied");
        } else {
            platform::logger("engine")->warn("parameters refused: {}", error);
        }
        m_lastSnapshotNs = 0; // show the new thresholds at once
        if (done) {
            done(ok, error);
        }
    });
}

void LiveSession::post(
    std::function<void(engine::TradingEngine&, const binance::MarketDataProcessor&)> fn) {
    enqueue([this, fn = std::move(fn)] { fn(m_engine, m_processor); });
}

void LiveSession::runCommands() {
    if (!m_hasCommands.load(std::memory_order_acquire)) {
        return;
    }
    std::vector<Command> commands;
    {
        const std::lock_guard lock(m_commandsMutex);
        commands.swap(m_commands);
        m_hasCommands = false;
    }
    for (Command& command : commands) {
        command();
    }
    m_snapshotDirty = true; // a command may have changed what the station shows
}

engine::MarketState LiveSession::state() const {
    engine::MarketState s{m_processor.book(), m_processor.candles(), false};
    s.bookVerified = m_processor.bookVerified() && m_feedHealth == binance::FeedHealth::Connected;
    s.unverifiedReason = m_unverifiedReason;
    return s;
}

void LiveSession::run() {
    auto log = platform::logger("engine");
    log->info("live session {} started", m_options.runId);
    while (true) {
        runCommands();
        if (m_stopRequested.load(std::memory_order_acquire) &&
            (!m_drain.load() || m_queue.size() == 0)) {
            break;
        }
        binance::FeedEvent* event = m_queue.front(kIdleWaitUs);
        if (!event) {
            publishStatus(false);
            if (m_queue.closed() && m_queue.size() == 0) {
                m_stopRequested = true;
            }
            continue;
        }
        const std::int64_t picked = steadyNs();
        if (event->receivedNs > 0) {
            m_queueWait.record(picked - event->receivedNs);
        }
        m_gateway.setCurrentEventReceivedNs(event->receivedNs);
        handle(*event);
        if (event->receivedNs > 0 && event->kind != binance::FeedEvent::Kind::Health) {
            m_decision.record(steadyNs() - event->receivedNs);
        }
        m_queue.release();
        // Ask for a snapshot after the event that made the synchroniser want one (a gap, a
        // restart, the start).
        auto& sync = m_processor.synchronizer();
        if (sync.wantsSnapshot() && m_feedHealth != binance::FeedHealth::Stopped) {
            sync.snapshotRequested();
            if (m_requestSnapshot) {
                m_requestSnapshot();
            }
        }
        publishStatus(false);
    }
    // Orders still travelling (a flatten) reach the book as it is now: nothing is left half-done.
    m_broker.onMarketTime(m_engine.stats().lastEventMs + m_options.params.latencyMs);
    publishStatus(true);
    log->info("live session {} stopped after {} events", m_options.runId, m_events);
}

void LiveSession::feedEngine(engine::MarketInput::Kind kind, const core::Trade* trade,
                             const core::MarkPriceUpdate* mark) {
    engine::MarketInput input;
    input.kind = kind;
    input.timeMs = m_processor.counters().lastEventTimeMs;
    input.trade = trade;
    input.mark = mark;
    // Why entries are refused right now, for the refusal record (a string built only here, on a
    // state change would be cheaper; refusals are rare and once per candle).
    if (!m_processor.bookVerified()) {
        m_unverifiedReason = m_processor.synchronizer().reason();
    } else if (m_feedHealth != binance::FeedHealth::Connected) {
        m_unverifiedReason = m_feedDetail;
    } else {
        m_unverifiedReason.clear();
    }
    m_engine.onMarket(input, state());
}

void LiveSession::handle(binance::FeedEvent& event) {
    using Kind = engine::MarketInput::Kind;
    ++m_events;
    m_snapshotDirty = true;
    switch (event.kind) {
    case binance::FeedEvent::Kind::Depth:
        m_processor.onDepthUpdate(event.depth);
        feedEngine(Kind::BookUpdate, nullptr, nullptr);
        break;
    case binance::FeedEvent::Kind::Snapshot:
        // A snapshot answers a request; one that arrives while the book is live (asked twice
        // around a gap) would only throw a verified book away.
        if (m_processor.synchronizer().state() == binance::SyncState::Live) {
            ++m_ignoredSnapshots;
            break;
        }
        m_processor.onSnapshot(event.snapshot);
        feedEngine(Kind::BookUpdate, nullptr, nullptr);
        break;
    case binance::FeedEvent::Kind::Trade:
        m_processor.onTradeEvent(event.trade);
        if (m_processor.lastTradeUsed()) {
            m_display.onTrade(m_processor.counters().lastEventTimeMs, event.trade.price);
            feedEngine(Kind::Trade, &event.trade, nullptr);
        }
        break;
    case binance::FeedEvent::Kind::Ticker:
        m_processor.onBookTicker(event.ticker);
        feedEngine(Kind::Ticker, nullptr, nullptr);
        break;
    case binance::FeedEvent::Kind::Mark:
        m_processor.onOtherEvent(event.mark.eventTimeMs);
        feedEngine(Kind::MarkPrice, nullptr, &event.mark);
        break;
    case binance::FeedEvent::Kind::Health:
        m_feedHealth = event.health;
        m_feedDetail = event.detail;
        if (event.depthRestarted) {
            // The diffs after a new connection cannot chain onto the old ones: resync, keeping
            // the old book for the paper broker's exits until the new one is proven.
            ++m_depthRestarts;
            m_processor.synchronizer().markStale();
        }
        publishStatus(true);
        break;
    case binance::FeedEvent::Kind::Wake:
        break;
    }
}

void LiveSession::publishStatus(bool force) {
    const std::int64_t now = steadyNs();
    // Only when something changed: an idle feed would otherwise have the GUI copy and redraw the
    // same snapshot 30 times a second.
    if (m_options.snapshots && m_snapshotDirty &&
        now - m_lastSnapshotNs >= m_options.snapshotIntervalMs * 1'000'000) {
        m_lastSnapshotNs = now;
        if (m_events > 0) {
            m_snapshotDirty = false;
            publishSnapshot();
        }
    }
    if (!force && now - m_lastStatusNs < m_options.statusIntervalMs * 1'000'000) {
        return;
    }
    m_lastStatusNs = now;
    LiveStatus s;
    const engine::MarketState st = state();
    s.marketTimeMs = m_processor.counters().lastEventTimeMs;
    s.syncState = m_processor.synchronizer().state();
    s.syncReason = std::string(m_processor.synchronizer().reason());
    s.realtimePriority = m_realtimePriority;
    s.feedHealth = m_feedHealth;
    s.feedDetail = m_feedDetail;
    s.entriesAllowed = st.bookVerified;
    s.takingEntries = m_takingEntries;
    s.sync = m_processor.synchronizer().counters();
    s.ignoredSnapshots = m_ignoredSnapshots;
    s.depthRestarts = m_depthRestarts;
    s.events = m_events;
    s.engine = m_engine.stats();
    s.position = m_engine.position();
    s.balance = m_engine.balance();
    s.equity = m_engine.equity(st);
    s.bestBid = m_processor.book().bestBid();
    s.bestAsk = m_processor.book().bestAsk();
    s.queueDepth = m_queue.size();
    s.queueMaxDepth = m_queue.maxDepth();
    s.queueProducerWaits = m_queue.producerWaits();
    const std::lock_guard lock(m_statusMutex);
    m_status = std::move(s);
}

std::shared_ptr<const StationSnapshot> LiveSession::snapshot() const {
    const std::lock_guard lock(m_statusMutex);
    return m_snapshot;
}

LiveStatus LiveSession::status() const {
    const std::lock_guard lock(m_statusMutex);
    return m_status;
}

LiveLatencies LiveSession::latencies() const {
    LiveLatencies l;
    l.queueWait = m_queueWait.snapshot();
    l.decision = m_decision.snapshot();
    l.entries = m_gateway.entries().snapshot();
    l.exits = m_gateway.exits().snapshot();
    return l;
}

} // namespace hoga::live
