#pragma once

// One live trading session wired end to end, as hoga-headless and the desktop station run it:
// exchangeInfo (the symbol's grids) → journal (resumed if it holds an open session) → the engine
// thread (LiveSession) ← FeedEventQueue ← MarketFeed on this object's thread, plus the optional
// recorder, the Prometheus endpoint and a metrics line in the log every minute.
//
// Lives on a thread with a Qt event loop (the feed's sockets are its children). start() is
// asynchronous: started() or failed() follows.

#include "binance/feed_config.h"
#include "binance/feed_event_queue.h"
#include "core/strategy_params.h"
#include "live/live_metrics.h"
#include "live/live_session.h"

#include <QObject>
#include <QString>
#include <QTimer>

#include <atomic>
#include <memory>
#include <optional>
#include <string>

namespace hoga::storage {
class SqliteJournal;
class RotatingRecorder;
} // namespace hoga::storage
namespace hoga::monitor {
class MetricsHttpServer;
}

namespace hoga::binance {
class MarketFeed;
class RestClient;
} // namespace hoga::binance

namespace hoga::live {

struct LiveTraderOptions {
    binance::FeedConfig feed;
    core::StrategyParams params;
    std::string mode = "paper";
    std::string journalPath; // empty: no journal
    std::string recordDir;   // empty: no recording
    int metricsPort = -1;    // -1: no endpoint; 0: any free port
    std::int64_t metricsLogIntervalMs = 60000;
    std::size_t queueCapacity = 2048;
    std::string codeVersion;
    // The engine thread builds a StationSnapshot (candles, book, features) ~30 times a second for
    // a front end to show; a headless runner has none and leaves that work off the hot path.
    bool stationSnapshots = true;
    // The engine thread's SCHED_FIFO priority (0: the normal scheduler); refused, it runs anyway
    // and says why in the log.
    int engineRealtimePriority = 10;
    // How long the engine spins for the next event before it sleeps (FeedEventQueue::setSpinUs).
    std::int64_t engineSpinUs = 200;
};

class LiveTrader : public QObject {
    Q_OBJECT
public:
    explicit LiveTrader(LiveTraderOptions options, QObject* parent = nullptr);
    ~LiveTrader() override;

    void start();
    // Stops new entries, closes the feed, lets the engine finish what it received, closes the
    // position first if `flatten`, and makes the journal durable. Idempotent; synchronous.
    void stop(bool flatten);

    [[nodiscard]] LiveSession* session() { return m_session.get(); }
    [[nodiscard]] binance::MarketFeed* feed() { return m_feed.get(); }
    [[nodiscard]] LiveMetrics metrics() const;
    [[nodiscard]] quint16 metricsPort() const;
    [[nodiscard]] const std::string& runId() const { return m_runId; }
    [[nodiscard]] const core::InstrumentSpec& instrument() const { return m_instrument; }
    [[nodiscard]] const storage::SqliteJournal* journal() const { return m_journal.get(); }

Q_SIGNALS:
    void started();
    void failed(const QString& error);

private:
    void begin(const std::string& exchangeInfoJson);
    void logMetrics();
    void fail(const QString& error);

    LiveTraderOptions m_options;
    core::InstrumentSpec m_instrument;
    std::string m_runId;
    std::unique_ptr<binance::RestClient> m_rest;
    std::unique_ptr<storage::SqliteJournal> m_journal;
    std::unique_ptr<storage::RotatingRecorder> m_recorder;
    std::unique_ptr<binance::FeedEventQueue> m_queue;
    std::unique_ptr<LiveSession> m_session;
    std::unique_ptr<binance::MarketFeed> m_feed;
    std::unique_ptr<monitor::MetricsHttpServer> m_metricsServer;
    QTimer m_metricsTimer;
    // Recorder figures mirrored for metrics() on other threads (the recorder is the feed's).
    std::atomic<std::uint64_t> m_recordedLines{0}, m_recorderErrors{0}, m_recorderDropped{0};
    std::optional<LiveMetrics> m_lastLogged;
    bool m_stopped = false;
};

} // namespace hoga::live
