// The backtest of the 2024-08-08 recording end to end (gzip → parser → book → candles → features
// → strategy → risk → paper fills), and the parameter sweep on 1 and 2 threads.
#include "app/backtest_command.h"
#include "app/sweep.h"

#include <benchmark/benchmark.h>

#include <string>

namespace {

const std::string kRecording = std::string(HOGA_TEST_DATA) +
                               "/../../resources/recordings/hftbacktest_usdm_btcusdt_20240808.gz";

void BM_Backtest20240808(benchmark::State& state) {
    const auto params = state.range(0) == 0 ? hoga::core::StrategyParams::defaults()
                                            : hoga::core::StrategyParams::demo();
    std::int64_t events = 0;
    for (auto _ : state) {
        const auto report = hoga::app::runBacktest({kRecording}, params, nullptr);
        events += report.events;
        benchmark::DoNotOptimize(report.stats.netPnl);
    }
    state.counters["events_per_s"] =
        benchmark::Counter(static_cast<double>(events), benchmark::Counter::kIsRate);
}
BENCHMARK(BM_Backtest20240808)->Arg(0)->Arg(1)->Unit(benchmark::kMillisecond)->UseRealTime();

// 64 points (4 × 4 × 4) over one decoded copy of the recording, on 1 and 2 threads.
void BM_Sweep64(benchmark::State& state) {
    static const auto tape =
        hoga::binance::decodeTape({kRecording}, hoga::core::InstrumentSpec::btcusdtDefaults());
    std::vector<hoga::app::SweepPoint> points;
    std::string error;
    hoga::app::expandGrid(R"({"volume_burst_ratio": [2, 3, 4, 5],
                              "imbalance_entry": [0.2, 0.3, 0.4, 0.5],
                              "imbalance_exit": [0.3, 0.5, 0.7, 0.9]})",
                          hoga::core::StrategyParams::defaults(), points, error);
    for (auto _ : state) {
        const auto results =
            hoga::app::runSweep(tape, points, {static_cast<int>(state.range(0)), 0});
        benchmark::DoNotOptimize(results.front().primary.stats.netPnl);
    }
    state.counters["points"] = static_cast<double>(points.size());
    state.counters["tape_MiB"] = static_cast<double>(tape.memoryBytes()) / 1048576.0;
}
BENCHMARK(BM_Sweep64)->Arg(1)->Arg(2)->Unit(benchmark::kMillisecond)->UseRealTime()->Iterations(2);

} // namespace
