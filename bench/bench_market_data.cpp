// Parse throughput on real frames, and the full replay of the 2024-08-08 recording
// (reader → parser → depth sync → book → candles), as hoga-replay runs it.
#include "binance/market_data_processor.h"
#include "binance/market_parser.h"
#include "storage/recording_reader.h"

#include <benchmark/benchmark.h>

#include <string>
#include <vector>

namespace {

const std::string kRecording = std::string(HOGA_TEST_DATA) +
                               "/../../resources/recordings/hftbacktest_usdm_btcusdt_20240808.gz";

struct Frames {
    std::vector<std::string> depth; // each with 64 bytes of padding after the frame
    std::vector<std::string> trade;
    std::size_t depthBytes = 0;
    std::size_t tradeBytes = 0;
};

const Frames& realFrames() {
    static const Frames frames = [] {
        Frames f;
        hoga::binance::MarketParser parser(hoga::core::InstrumentSpec::btcusdtDefaults());
        hoga::storage::RecordingReader reader({kRecording});
        hoga::storage::RecordedFrame frame;
        while (reader.next(frame)) {
            const auto type = parser.parse(frame.frame, frame.frame.size() + 64);
            std::string padded(frame.frame);
            padded.append(64, ' ');
            if (type == hoga::binance::MessageType::DepthUpdate) {
                f.depthBytes += frame.frame.size();
                f.depth.push_back(std::move(padded));
            } else if (type == hoga::binance::MessageType::Trade) {
                f.tradeBytes += frame.frame.size();
                f.trade.push_back(std::move(padded));
            }
        }
        return f;
    }();
    return frames;
}

void parseAll(benchmark::State& state, const std::vector<std::string>& frames, std::size_t bytes) {
    hoga::binance::MarketParser parser(hoga::core::InstrumentSpec::btcusdtDefaults());
    std::int64_t levels = 0;
    for (auto _ : state) {
        for (const auto& f : frames) {
            const auto type = parser.parse(std::string_view(f.data(), f.size() - 64), f.size());
            benchmark::DoNotOptimize(type);
            levels += static_cast<std::int64_t>(parser.depthUpdate().bids.size());
        }
    }
    benchmark::DoNotOptimize(levels);
    state.SetItemsProcessed(state.iterations() * static_cast<std::int64_t>(frames.size()));
    state.SetBytesProcessed(state.iterations() * static_cast<std::int64_t>(bytes));
}

void BM_ParseDepthUpdate(benchmark::State& state) {
    parseAll(state, realFrames().depth, realFrames().depthBytes);
}
BENCHMARK(BM_ParseDepthUpdate)->Unit(benchmark::kMillisecond);

void BM_ParseTrade(benchmark::State& state) {
    parseAll(state, realFrames().trade, realFrames().tradeBytes);
}
BENCHMARK(BM_ParseTrade)->Unit(benchmark::kMillisecond);

// The whole file, from gzip on disk (warm page cache) to the final book.
void BM_ReplayRecording20240808(benchmark::State& state) {
    std::int64_t events = 0;
    for (auto _ : state) {
        hoga::binance::MarketDataProcessor processor(hoga::core::InstrumentSpec::btcusdtDefaults(),
                                                     {});
        hoga::storage::RecordingReader reader({kRecording});
        hoga::storage::RecordedFrame frame;
        while (reader.next(frame)) {
            processor.onFrame(frame.frame, frame.frame.size() + hoga::storage::kFramePadding);
            ++events;
        }
        if (processor.synchronizer().counters().gaps != 0) {
            state.SkipWithError("unexpected gap");
        }
    }
    state.SetItemsProcessed(events);
    state.counters["events_per_s"] =
        benchmark::Counter(static_cast<double>(events), benchmark::Counter::kIsRate);
}
BENCHMARK(BM_ReplayRecording20240808)->Unit(benchmark::kMillisecond)->UseRealTime();

} // namespace
