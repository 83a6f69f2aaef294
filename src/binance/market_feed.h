#pragma once

// The live market feed of one symbol on Qt's event loop: WebSocket routes (feed_config.h) with
// reconnects, a proactive overlapping rotation before Binance's 24-hour limit, a stale-feed
// watchdog, REST depth snapshots on request and a tracked server clock offset. Every frame is
// parsed here, on the feed's thread, and handed to the engine thread as a FeedEvent through a
// FeedEventQueue, which never drops anything.
//
// Exactly-once delivery across connections: the feed remembers the last id it forwarded of each
// stream (depth u, bookTicker u, trade id, aggregate id, mark price E) and drops what is not newer
// — the same event arriving on two connections during a rotation, or a duplicated frame. When a
// connection breaks, the streams it carried start afresh: the baselines are forgotten and a
// Health event with feedRestarted tells the engine to resynchronise the book.
//
// Rotation: a second connection to the same route is opened before the first expires; its frames
// are held until the old connection has delivered everything before the new one's first event of
// each stream that must not lose events (depth by pu, trades by id). Then the held frames are
// replayed through the de-duplication and the old connection is closed: the depth chain never
// breaks and the book stays verified.

#include "binance/clock_offset.h"
#include "binance/feed_config.h"
#include "binance/feed_event_queue.h"
#include "binance/feed_stats.h"
#include "binance/market_parser.h"
#include "binance/reconnect_backoff.h"
#include "platform/latency_histogram.h"

#include <QObject>
#include <QTimer>

#include <deque>
#include <functional>
#include <memory>
#include <string>
#include <string_view>
#include <vector>

class QWebSocket;

namespace spdlog {
class logger;
}

namespace hoga::binance {

class RestClient;
struct RestResult;

class MarketFeed : public QObject {
    Q_OBJECT
public:
    MarketFeed(FeedConfig config, core::InstrumentSpec instrument, FeedEventQueue& queue,
               QObject* parent = nullptr);
    ~MarketFeed() override;

    void start();
    // Closes every connection and pushes a Health(Stopped) event. Idempotent.
    void stop();

    // Any thread: the engine wants a depth snapshot (its DepthSynchronizer asked). The request is
    // sent once the depth route is open and has delivered a diff (so the diffs that bracket the
    // snapshot are being buffered), and retried with backoff until an answer can be used.
    void requestSnapshot();

    // Feed thread: sees every frame that is forwarded (after de-duplication) and every snapshot
    // body, with its local receive time in Unix ns — the recorder's input.
    void setFrameTap(std::function<void(std::int64_t wallNs, std::string_view frame)> tap) {
        m_tap = std::move(tap);
    }

    // Feed thread: how long a route may stay silent before the watchdog reconnects it.
    void setStaleAfterMs(std::int64_t ms) { m_config.staleAfterMs = ms; }

    // Any thread.
    [[nodiscard]] FeedStatsSnapshot stats() const { return m_stats.snapshot(); }
    [[nodiscard]] platform::LatencyHistogramSnapshot exchangeLag() const {
        return m_exchangeLag.snapshot();
    }
    [[nodiscard]] FeedHealth health() const { return m_health.load(std::memory_order_relaxed); }
    [[nodiscard]] const FeedConfig& config() const { return m_config; }

Q_SIGNALS:
    void healthChanged(hoga::binance::FeedHealth health, const QString& detail);

private:
    struct Connection;
    struct Route;
    enum class Critical : std::uint8_t { Depth, Trades, Count };

    void openConnection(Route& route, bool incoming);
    void onConnected(Route& route, Connection* connection);
    void onDisconnected(Route& route, Connection* connection);
    void onText(Route& route, Connection* connection, const QString& text);
    void handleFrame(Route& route, std::int64_t steadyNs, std::int64_t wallNs,
                     std::string_view frame, std::size_t capacity, bool replayed);
    void holdForRotation(Route& route, Connection& incoming, std::int64_t steadyNs,
                         std::int64_t wallNs, std::string_view frame, std::size_t capacity);
    void checkRotation(Route& route);
    void promote(Route& route, bool forced);
    void retire(std::unique_ptr<Connection>& slot, bool abort);
    template <typename Fill>
    void push(FeedEvent::Kind kind, std::int64_t steadyNs, std::int64_t wallNs, Fill&& fill);
    void restartRoute(Route& route, const QString& why);
    void scheduleReconnect(Route& route);
    void forgetBaselines(const Route& route);
    void tick();
    void updateHealth(const QString& detail, bool depthRestarted);
    void pushHealth(FeedHealth health, const QString& detail, bool depthRestarted);
    void maybeFetchSnapshot();
    void onSnapshotAnswer(RestResult result);
    void syncClock();
    void noteExchangeTime(std::int64_t wallNs, std::int64_t eventTimeMs);
    // The depth route is open and has delivered a diff since it (re)connected.
    [[nodiscard]] bool depthDiffsArriving() const;

    FeedConfig m_config;
    FeedEventQueue& m_queue;
    MarketParser m_parser;
    std::unique_ptr<RestClient> m_rest;
    std::vector<std::unique_ptr<Route>> m_routes;
    std::function<void(std::int64_t, std::string_view)> m_tap;
    QTimer m_tick;
    std::string m_utf8; // frame bytes with simdjson padding, reused
    bool m_running = false;

    // Last forwarded ids (exactly-once across connections); 0: no baseline yet.
    std::uint64_t m_lastDepthU = 0;
    std::uint64_t m_lastTickerU = 0;
    std::uint64_t m_lastTradeId = 0;
    std::uint64_t m_lastAggId = 0;
    std::int64_t m_lastMarkE = 0;

    // Snapshot requests.
    bool m_snapshotWanted = false;
    bool m_snapshotInFlight = false;
    bool m_snapshotAgain = false; // asked again while one was in flight
    std::int64_t m_snapshotNotBeforeMs = 0;
    ReconnectBackoff m_snapshotBackoff;

    ClockOffsetTracker m_clock;
    ReconnectBackoff m_clockBackoff;
    std::int64_t m_nextClockSyncMs = 0;
    bool m_clockInFlight = false;

    FeedStats m_stats;
    platform::LatencyHistogram m_exchangeLag; // local receive (server clock) − event time E
    std::atomic<FeedHealth> m_health{FeedHealth::Connecting};
    std::shared_ptr<spdlog::logger> m_log;
};

} // namespace hoga::binance
