#include "live_metrics.h"

#include "platform/prometheus_text.h"

#include <fmt/format.h>

namespace hoga::live {

namespace {

using platform::MetricLabels;
using platform::MetricType;

double us(std::int64_t ns) {
    return static_cast<double>(ns) / 1000.0;
}

std::string latencyText(const platform::LatencyHistogramSnapshot& h) {
    if (h.empty()) {
        return "n/a";
    }
    return fmt::format("{:.0f}/{:.0f}/{:.0f}/{:.0f} µs (n={})", us(h.percentile(50)),
                       us(h.percentile(99)), us(h.percentile(99.9)), us(h.maxNs), h.count);
}

} // namespace

std::string renderPrometheus(const LiveMetrics& m) {
    platform::PrometheusText out;
    const auto& f = m.feed;
    out.beginFamily("hoga_feed_messages_total", MetricType::Counter,
                    "Market messages received, by stream");
    for (std::size_t i = 0; i < binance::kStreamIdCount; ++i) {
        out.sample(f.messages[i],
                   {{"stream", binance::streamIdName(static_cast<binance::StreamId>(i))}});
    }
    out.beginFamily("hoga_feed_bytes_total", MetricType::Counter,
                    "Bytes of market messages received, by stream");
    for (std::size_t i = 0; i < binance::kStreamIdCount; ++i) {
        out.sample(f.bytes[i],
                   {{"stream", binance::streamIdName(static_cast<binance::StreamId>(i))}});
    }
    out.counter("hoga_feed_malformed_total", "Frames that failed to parse", f.malformed);
    out.counter("hoga_feed_duplicates_dropped_total",
                "Events dropped because they were already delivered (rotation overlap, duplicates)",
                f.duplicatesDropped);
    out.counter("hoga_feed_reconnects_total", "WebSocket reconnects after a lost connection",
                f.reconnects);
    out.counter("hoga_feed_disconnects_total", "WebSocket connections lost", f.disconnects);
    out.counter("hoga_feed_stale_reconnects_total", "Reconnects because a route went silent",
                f.staleReconnects);
    out.counter("hoga_feed_rotations_total", "Proactive overlapping connection rotations",
                f.rotations);
    out.counter("hoga_feed_rotations_forced_total",
                "Rotations where the new connection did not catch up in time", f.rotationsForced);
    out.counter("hoga_feed_snapshot_requests_total", "REST depth snapshot requests",
                f.snapshotRequests);
    out.counter("hoga_feed_snapshot_failures_total", "Failed or unusable depth snapshots",
                f.snapshotFailures);
    out.counter("hoga_feed_rate_limited_total", "REST answers 429 or 418", f.rateLimited);
    out.gauge("hoga_clock_offset_ms", "Exchange clock minus local clock", f.clockOffsetMs);
    out.gauge("hoga_clock_rtt_ms", "Round trip of the best clock sample", f.clockRttMs);
    out.summary("hoga_exchange_lag_seconds",
                "Local receive time (exchange clock) minus the event's exchange time",
                m.exchangeLag);

    const LiveStatus& s = m.status;
    out.counter("hoga_book_gaps_total", "Gaps in the depth stream (pu chain breaks)", s.sync.gaps);
    out.counter("hoga_book_resyncs_total", "Times the book became in sync again", s.sync.syncs);
    out.counter("hoga_book_crossed_total", "Times the live book crossed", s.sync.crossed);
    out.counter("hoga_book_stream_restarts_total", "Depth stream restarts (new connections)",
                s.sync.streamRestarts);
    out.gauge("hoga_book_verified", "1 while new entries are allowed (book in sync, feed healthy)",
              s.entriesAllowed ? 1 : 0);
    out.gauge("hoga_queue_depth", "Events waiting for the engine", s.queueDepth);
    out.gauge("hoga_engine_realtime_priority",
              "The engine thread's SCHED_FIFO priority (0: the normal scheduler)",
              s.realtimePriority);
    out.gauge("hoga_queue_max_depth", "Largest queue depth seen", s.queueMaxDepth);
    out.counter("hoga_queue_producer_waits_total", "Times the feed waited for a full queue",
                s.queueProducerWaits);
    out.counter("hoga_engine_events_total", "Events processed by the engine", s.events);
    out.summary("hoga_engine_queue_wait_seconds", "Frame arrival to engine pick-up (engine lag)",
                m.latencies.queueWait);
    out.summary("hoga_decision_latency_seconds", "Frame arrival to the engine's decision",
                m.latencies.decision);
    out.summary("hoga_entry_latency_seconds", "Frame arrival to an entry order at the gateway",
                m.latencies.entries);
    out.counter("hoga_orders_total", "Orders sent", s.engine.ordersSent);
    out.counter("hoga_round_trips_total", "Completed round trips", s.engine.roundTrips);
    const std::int64_t lots = s.position.flat()                             ? 0
                              : s.position.side == core::PositionSide::Long ? s.position.qty.lots
                                                                            : -s.position.qty.lots;
    out.gauge("hoga_position_lots", "Open position in lots (positive long, negative short)", lots);
    out.gauge("hoga_equity_usdt", "Account equity", static_cast<double>(s.equity.e8) / 1e8);
    out.gauge("hoga_net_pnl_usdt", "Net PnL of completed round trips",
              static_cast<double>(s.engine.netPnl.e8) / 1e8);
    if (m.recorder) {
        out.counter("hoga_recorder_lines_total", "Frames recorded", m.recorder->lines);
        out.counter("hoga_recorder_errors_total", "Recorder failures", m.recorder->errors);
        out.counter("hoga_recorder_dropped_total", "Frames not recorded because of a failure",
                    m.recorder->dropped);
    }
    return out.take();
}

std::string summaryLine(const LiveMetrics& now, const LiveMetrics* previous) {
    const double seconds =
        previous ? static_cast<double>(now.takenAtMs - previous->takenAtMs) / 1000.0 : 0.0;
    std::string rates;
    std::int64_t bytes = 0;
    for (std::size_t i = 0; i < binance::kStreamIdCount; ++i) {
        const std::int64_t n = now.feed.messages[i] - (previous ? previous->feed.messages[i] : 0);
        bytes += now.feed.bytes[i] - (previous ? previous->feed.bytes[i] : 0);
        if (n > 0 && seconds > 0) {
            rates +=
                fmt::format(" {} {:.1f}", binance::streamIdName(static_cast<binance::StreamId>(i)),
                            static_cast<double>(n) / seconds);
        }
    }
    const LiveStatus& s = now.status;
    return fmt::format(
        "feed {} | book {} | msgs/s{} | {:.1f} kB/s | exch lag p50/p99 {:.1f}/{:.1f} ms | "
        "decision p50/p99/p99.9/max {} | reconnects {} gaps {} resyncs {} | queue {} (max {}) | "
        "trades {} net {:.2f} USDT",
        binance::feedHealthName(s.feedHealth), binance::syncStateName(s.syncState),
        rates.empty() ? std::string(" n/a") : rates,
        seconds > 0 ? static_cast<double>(bytes) / 1000.0 / seconds : 0.0,
        static_cast<double>(now.exchangeLag.percentile(50)) / 1e6,
        static_cast<double>(now.exchangeLag.percentile(99)) / 1e6,
        latencyText(now.latencies.decision), now.feed.reconnects, s.sync.gaps, s.sync.syncs,
        s.queueDepth, s.queueMaxDepth, s.engine.roundTrips,
        static_cast<double>(s.engine.netPnl.e8) / 1e8);
}

} // namespace hoga::live
