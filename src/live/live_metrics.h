#pragma once

// The live session's metrics in two forms: Prometheus text for `--metrics-port` (counters as
// totals; Prometheus derives the rates), and a one-line summary for the log every minute, with
// rates over the interval since the previous line.

#include "binance/feed_stats.h"
#include "live/live_session.h"
#include "platform/latency_histogram.h"
#include "storage/rotating_recorder.h"

#include <optional>
#include <string>

namespace hoga::live {

struct LiveMetrics {
    binance::FeedStatsSnapshot feed;
    platform::LatencyHistogramSnapshot exchangeLag;
    LiveStatus status;
    LiveLatencies latencies;
    std::optional<storage::RotatingRecorderStats> recorder;
    std::int64_t takenAtMs = 0; // steady clock, for rates between two samples
};

std::string renderPrometheus(const LiveMetrics& metrics);
// "msgs/s depth 10.0 trade 61.8 …, 85 kB/s, lag p99 3.1 ms, decision p50/p99/p99.9/max …".
std::string summaryLine(const LiveMetrics& now, const LiveMetrics* previous);

} // namespace hoga::live
