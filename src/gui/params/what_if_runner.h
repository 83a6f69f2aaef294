#pragma once

// What-if backtests for the threshold editor: the edited parameters and the ones in force, each
// run through app::BacktestSession (the engine and paper broker hoga-backtest uses) over the same
// recordings, so the trader sees both sets of figures before applying anything.
//
// One worker thread does the work, so the GUI never waits. The recordings are decoded once into a
// binance::EventTape and kept while the files are unchanged (a growing session recording is
// decoded again); the current parameters' report is kept too while they and the tape stay the
// same. Only the newest request matters: a new one cancels the run in progress (an atomic flag
// the worker checks between events) and replaces any that has not started. Edits arrive through
// schedule(), which waits for a quiet moment (debounce) before running.
//
// Signals are delivered on the runner's (GUI) thread; every run ends with exactly one finished().

#include "core/strategy_params.h"
#include "engine/backtest_report.h"

#include <QObject>
#include <QStringList>
#include <QTimer>

#include <atomic>
#include <condition_variable>
#include <cstdint>
#include <memory>
#include <mutex>
#include <optional>
#include <string>
#include <thread>
#include <vector>

namespace hoga::binance {
struct EventTape;
}

namespace hoga::gui {

struct WhatIfResult {
    std::uint64_t id = 0;
    bool cancelled = false;
    QString error; // failed: no figures (or a warning beside them when the reports are set)
    std::optional<engine::BacktestReport> current;
    std::optional<engine::BacktestReport> edited;
};

class WhatIfRunner : public QObject {
    Q_OBJECT

public:
    explicit WhatIfRunner(QObject* parent = nullptr);
    ~WhatIfRunner() override; // cancels and joins the worker

    // The recordings to replay (played in sequence as one session, as hoga-backtest does).
    void setSource(const QStringList& files);
    [[nodiscard]] const QStringList& source() const { return m_files; }
    void setCurrentParams(const core::StrategyParams& params) { m_current = params; }
    void setDebounceMs(int ms) { m_debounce.setInterval(ms); }

    // Runs `edited` after `debounceMs` without a newer schedule() (the slider is still moving).
    void schedule(const core::StrategyParams& edited);
    // Runs now, superseding what runs or waits. Returns the run's id (finished() carries it).
    std::uint64_t run(const core::StrategyParams& edited);
    // Stops the run in progress and drops a waiting one; finished() reports it as cancelled.
    void cancel();
    [[nodiscard]] bool busy() const { return m_busy; }

Q_SIGNALS:
    void started(std::uint64_t id);
    // Events replayed so far of `total` (both runs together).
    void progressed(std::uint64_t id, qint64 done, qint64 total);
    void finished(const hoga::gui::WhatIfResult& result);

private:
    struct Request {
        std::uint64_t id = 0;
        std::vector<std::string> files;
        core::StrategyParams current;
        core::StrategyParams edited;
    };
    struct Cache;

    void work();
    void execute(const Request& request);
    bool ensureTape(const std::vector<std::string>& files, std::string& error);
    std::optional<engine::BacktestReport> backtest(const Request& request,
                                                   const core::StrategyParams& params,
                                                   std::int64_t offset, std::int64_t total);
    void post(WhatIfResult result);

    QStringList m_files;
    core::StrategyParams m_current;
    core::StrategyParams m_scheduled;
    QTimer m_debounce;
    std::uint64_t m_nextId = 0;
    bool m_busy = false;        // GUI thread: a run was started and has not finished
    std::uint64_t m_latest = 0; // GUI thread: the id whose finished() ends busy

    std::mutex m_mutex;
    std::condition_variable m_wake;
    std::optional<Request> m_request; // waiting for the worker
    bool m_quit = false;
    std::atomic<std::uint64_t> m_cancelBelow{0}; // runs with a smaller id stop
    std::unique_ptr<Cache> m_cache;              // the worker's only
    std::thread m_thread;
};

} // namespace hoga::gui
