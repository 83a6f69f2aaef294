#include "gui/replay/replay_driver.h"

#include "live/tape_feed.h"
#include "platform/local_clock.h"
#include "platform/thread_name.h"

#include <QMetaObject>

#include <algorithm>
#include <chrono>

namespace hoga::gui {

namespace {

live::LiveSessionOptions sessionOptions(const core::StrategyParams& params) {
    live::LiveSessionOptions o;
    o.params = params; // the run's own: its candle interval and feature windows
    o.runId = "replay";
    return o;
}

} // namespace

std::atomic<int> ReplayDriver::s_active{0};

ReplayDriver::ReplayDriver(QString recordingsDir, qint64 entryMs, qint64 exitMs,
                           core::StrategyParams params, QObject* parent)
    : QObject(parent), m_dir(std::move(recordingsDir)), m_entryMs(entryMs), m_exitMs(exitMs),
      m_queue(1024),
      // No journal, and no snapshot requests: the recording carries the snapshots it had.
      m_session(sessionOptions(params), m_queue, nullptr, {}) {
    m_session.setTakingEntries(false); // runs before the first event
}

ReplayDriver::~ReplayDriver() {
    stop();
}

template <typename F>
void ReplayDriver::post(F f) {
    // Queued to this object: dropped if it is gone, and never delivered inside stop().
    QMetaObject::invokeMethod(this, std::move(f), Qt::QueuedConnection);
}

void ReplayDriver::start() {
    if (m_started) {
        return;
    }
    m_started = true;
    ++s_active;
    m_session.start();
    m_thread = std::thread([this] {
        platform::setCurrentThreadName("trade-replay");
        run();
    });
}

void ReplayDriver::stop() {
    if (!m_started || m_stopped) {
        return;
    }
    m_stopped = true;
    m_cancel = true;
    {
        const std::lock_guard lock(m_mutex);
        m_stopRequested = true;
    }
    m_wake.notify_all();
    m_queue.close(); // a push waiting for room returns at once
    // Planning stops between files, so this can wait for one file's decoding (about a second
    // for a busy hour); everything else returns within microseconds.
    m_thread.join();
    m_session.stop(false);
    --s_active;
}

void ReplayDriver::setSpeed(double speed) {
    {
        const std::lock_guard lock(m_mutex);
        m_speed = speed;
        m_rebase = true; // from here on at the new speed, without a jump
    }
    m_speedValue = speed;
    m_wake.notify_all();
}

void ReplayDriver::setPaused(bool paused) {
    {
        const std::lock_guard lock(m_mutex);
        m_paused = paused;
        m_rebase = true;
    }
    m_pausedFlag = paused;
    m_wake.notify_all();
}

void ReplayDriver::run() {
    ReplayPlan plan = planReplay(listRecordings(m_dir), m_entryMs, m_exitMs, m_cancel);
    const bool ready = plan.outcome == ReplayPlan::Outcome::Ready;
    m_phase = ready ? Phase::FastForward : Phase::Failed;
    ReplayPlan shown = plan;
    shown.tapes.clear();
    post([this, shown = std::move(shown)]() mutable {
        m_shownPlan = std::move(shown);
        Q_EMIT planned();
    });
    if (ready && play(plan)) {
        m_phase = Phase::Finished;
        post([this] { Q_EMIT finished(); });
    }
}

bool ReplayDriver::play(ReplayPlan& plan) {
    // The replay's "feed" is the recording: connected for as long as it lasts.
    live::pushFeedHealth(m_queue, binance::FeedHealth::Connected, "replay of recorded data");
    for (std::size_t k = 0; k < plan.files.size(); ++k) {
        std::shared_ptr<const binance::EventTape> tape = std::move(plan.tapes[k]);
        if (!tape) {
            if (m_cancel.load()) {
                return false;
            }
            tape = std::make_shared<const binance::EventTape>(
                binance::decodeTape({plan.files[k]}, core::InstrumentSpec::btcusdtDefaults()));
        }
        for (std::size_t i = k == 0 ? plan.firstIndex : 0; i < tape->entries.size(); ++i) {
            const binance::EventTape::Entry& e = tape->entries[i];
            // The window is on the exchange's clock (the journal's); the pace on the local one.
            if (e.timeMs > plan.endMs) {
                return true;
            }
            if (m_phase.load() == Phase::FastForward && e.timeMs >= plan.startMs) {
                m_phase = Phase::Playing;
                const std::lock_guard lock(m_mutex);
                m_rebase = true;
            }
            if (m_phase.load() == Phase::Playing) {
                if (!waitUntilDue(e.localNs)) {
                    return false;
                }
            } else if (m_cancel.load(std::memory_order_relaxed)) {
                return false;
            }
            if (!live::pushTapeEntry(m_queue, *tape, i)) {
                return false; // closed by stop()
            }
            m_playedNs = e.localNs;
            if (e.timeMs > 0) {
                m_playedMs = e.timeMs;
            }
            ++m_fed;
        }
    }
    return true;
}

bool ReplayDriver::waitUntilDue(std::int64_t localNs) {
    std::unique_lock lock(m_mutex);
    while (true) {
        if (m_stopRequested) {
            return false;
        }
        if (m_paused) {
            m_wake.wait(lock);
            continue; // setPaused(false) asked for a rebase
        }
        if (m_speed <= kMaxSpeed) {
            return true;
        }
        const std::int64_t now = platform::steadyNs();
        if (m_rebase) {
            const std::int64_t played = m_playedNs.load();
            m_baseSteadyNs = now;
            m_baseLocalNs = played > 0 ? std::min(played, localNs) : localNs;
            m_rebase = false;
        }
        const auto recordedAhead = static_cast<double>(localNs - m_baseLocalNs) -
                                   static_cast<double>(now - m_baseSteadyNs) * m_speed;
        if (recordedAhead > static_cast<double>(kMaxGapNs)) {
            m_baseLocalNs = localNs - kMaxGapNs;
            m_baseSteadyNs = now;
        }
        const auto due =
            m_baseSteadyNs +
            static_cast<std::int64_t>(static_cast<double>(localNs - m_baseLocalNs) / m_speed);
        if (now >= due) {
            return true;
        }
        m_wake.wait_until(lock,
                          std::chrono::steady_clock::time_point(std::chrono::nanoseconds(due)));
    }
}

} // namespace hoga::gui
