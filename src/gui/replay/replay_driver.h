#pragma once

// Plays the recorded market around a trade through a live::LiveSession of its own, so the replay
// runs the same path as the station (depth sync, book, candles, features) and shows itself in
// the same StationSnapshots. The session takes no entries and has no journal: a replay never
// trades and never writes to the user's journal.
//
// Threads: a worker thread (never the GUI's) plans the replay (ReplayPlan: decoding, finding the
// snapshot), then feeds the tape into the session's queue with live::pushTapeEntry — everything
// before the window start at full speed (the book syncs and the candles warm up), the window
// itself paced by the entries' recorded local times at the chosen speed (the window's bounds are
// exchange times, see ReplayPlan). The session runs the engine on its own thread. stop() (and
// the destructor) wakes the worker wherever it waits (a pause, a paced wait, a full queue), joins
// it and the session's thread; nothing is left running.
//
// Signals are delivered on the GUI thread, queued; none arrives after stop().

// Qt first: moc 6.4 cannot parse <compare>/<concepts> as the first header it meets.
#include <QObject>
#include <QString>

#include "binance/feed_event_queue.h"
#include "core/strategy_params.h"
#include "gui/replay/replay_plan.h"
#include "live/live_session.h"

#include <atomic>
#include <condition_variable>
#include <memory>
#include <mutex>
#include <thread>

namespace hoga::gui {

class ReplayDriver : public QObject {
    Q_OBJECT

public:
    enum class Phase : std::uint8_t {
        Planning,    // looking for the recordings
        FastForward, // feeding what lies before the window at full speed
        Playing,     // paced (or paused: see paused())
        Finished,    // the window's end, or the recordings', was reached
        Failed,      // the plan is not Ready: nothing is played
    };
    // Recorded seconds per second; kMaxSpeed plays as fast as the engine takes it.
    static constexpr double kMaxSpeed = 0;
    // A silence in the recording (a station restart, a lost connection) is shortened to this much
    // recorded time, so a paced replay never sits still for minutes.
    static constexpr std::int64_t kMaxGapNs = 2'000'000'000;

    ReplayDriver(QString recordingsDir, qint64 entryMs, qint64 exitMs, core::StrategyParams params,
                 QObject* parent = nullptr);
    ~ReplayDriver() override; // stop()

    void start();
    // Idempotent; blocks until the worker and the session's thread have ended.
    void stop();
    void setSpeed(double speed);
    void setPaused(bool paused);

    [[nodiscard]] Phase phase() const { return m_phase.load(); }
    [[nodiscard]] bool paused() const { return m_pausedFlag.load(); }
    [[nodiscard]] double speed() const { return m_speedValue.load(); }
    // After planned(): the plan (without its decoded tapes).
    [[nodiscard]] const ReplayPlan& plan() const { return m_shownPlan; }
    [[nodiscard]] const QString& recordingsDir() const { return m_dir; }
    // The recorded local time of the last entry fed (0 before the first), and its exchange time.
    [[nodiscard]] std::int64_t playedLocalNs() const { return m_playedNs.load(); }
    [[nodiscard]] qint64 playedMs() const { return m_playedMs.load(); }
    [[nodiscard]] std::int64_t entriesFed() const { return m_fed.load(); }
    [[nodiscard]] std::shared_ptr<const live::StationSnapshot> snapshot() const {
        return m_session.snapshot();
    }
    // Replays started and not yet stopped, in the whole process (tests: nothing left running).
    static int activeReplays() { return s_active.load(); }

Q_SIGNALS:
    void planned();
    void finished();

private:
    void run();
    bool play(ReplayPlan& plan);
    bool waitUntilDue(std::int64_t localNs);
    template <typename F>
    void post(F f);

    const QString m_dir;
    const qint64 m_entryMs;
    const qint64 m_exitMs;
    ReplayPlan m_shownPlan; // GUI thread's copy

    binance::FeedEventQueue m_queue;
    live::LiveSession m_session;

    std::mutex m_mutex; // guards the pacing state below
    std::condition_variable m_wake;
    bool m_stopRequested = false;
    bool m_paused = false;
    double m_speed = 1;
    bool m_rebase = true;
    std::int64_t m_baseSteadyNs = 0; // the steady time at which m_baseLocalNs was due
    std::int64_t m_baseLocalNs = 0;

    std::atomic<bool> m_cancel{false};
    std::atomic<Phase> m_phase{Phase::Planning};
    std::atomic<bool> m_pausedFlag{false};
    std::atomic<double> m_speedValue{1};
    std::atomic<std::int64_t> m_playedNs{0};
    std::atomic<qint64> m_playedMs{0};
    std::atomic<std::int64_t> m_fed{0};
    bool m_started = false;
    bool m_stopped = false;
    std::thread m_thread;

    static std::atomic<int> s_active;
};

} // namespace hoga::gui
