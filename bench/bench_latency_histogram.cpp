// Cost of LatencyHistogram::record() on the feed's hot path, and of what the readers do
// (snapshot, percentiles, a Prometheus page) at their own, much lower rate.
//
// Values are drawn beforehand, log-uniform over 100 ns .. 10 ms (the spread of real feed and
// order latencies), so the timed loop is one record() per iteration and the branch predictor
// does not see a single repeated bucket.
//
//   bench_latency_histogram --benchmark_repetitions=5 --benchmark_report_aggregates_only=true

#include "platform/latency_histogram.h"
#include "platform/prometheus_text.h"

#include <benchmark/benchmark.h>

#include <cmath>
#include <cstdint>
#include <random>
#include <vector>

using hoga::platform::LatencyHistogram;

namespace {

std::vector<std::int64_t> logUniformValues(std::size_t n) {
    std::mt19937_64 rng(42);
    std::uniform_real_distribution<double> exponent(2.0, 7.0); // 10^2 .. 10^7 ns
    std::vector<std::int64_t> values(n);
    for (auto& v : values) {
        v = static_cast<std::int64_t>(std::pow(10.0, exponent(rng)));
    }
    return values;
}

void BM_Record(benchmark::State& state) {
    const std::vector<std::int64_t> values = logUniformValues(1 << 16);
    LatencyHistogram h;
    std::size_t i = 0;
    for (auto _ : state) {
        h.record(values[i]);
        i = (i + 1) & (values.size() - 1);
    }
    benchmark::DoNotOptimize(h.snapshot().count);
    state.SetItemsProcessed(state.iterations());
}
BENCHMARK(BM_Record);

// The best case: one value over and over (one hot bucket).
void BM_RecordConstant(benchmark::State& state) {
    LatencyHistogram h;
    std::int64_t v = 12'345;
    for (auto _ : state) {
        benchmark::DoNotOptimize(v);
        h.record(v);
    }
    state.SetItemsProcessed(state.iterations());
}
BENCHMARK(BM_RecordConstant);

void BM_Snapshot(benchmark::State& state) {
    LatencyHistogram h;
    for (const std::int64_t v : logUniformValues(100'000)) {
        h.record(v);
    }
    for (auto _ : state) {
        benchmark::DoNotOptimize(h.snapshot());
    }
}
BENCHMARK(BM_Snapshot);

void BM_Percentiles(benchmark::State& state) {
    LatencyHistogram h;
    for (const std::int64_t v : logUniformValues(100'000)) {
        h.record(v);
    }
    const auto s = h.snapshot();
    for (auto _ : state) {
        benchmark::DoNotOptimize(s.percentile(50));
        benchmark::DoNotOptimize(s.percentile(99));
        benchmark::DoNotOptimize(s.percentile(99.9));
    }
}
BENCHMARK(BM_Percentiles);

// One summary and one histogram family (22 bounds) per iteration: a scrape's share per latency.
void BM_PrometheusPage(benchmark::State& state) {
    LatencyHistogram h;
    for (const std::int64_t v : logUniformValues(100'000)) {
        h.record(v);
    }
    for (auto _ : state) {
        hoga::platform::PrometheusText page;
        page.summary("hoga_feed_latency_seconds", "Receive to parse.", h.snapshot());
        page.histogram("hoga_feed_latency_hist_seconds", "Receive to parse.", h.snapshot());
        benchmark::DoNotOptimize(page.take());
    }
}
BENCHMARK(BM_PrometheusPage);

} // namespace

BENCHMARK_MAIN();
