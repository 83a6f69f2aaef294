// Replay throughput of RecordingReader over the 27.7 MB hftbacktest recording (warm page cache):
// lines/s and decompressed MB/s, for the libdeflate fast path, the forced zlib path, the same text
// re-written by RecordingWriter as 4 MiB members (where decompression overlaps line splitting),
// and plain gzread() as the baseline. Wall time: the decompression runs on a second thread.
//
//   ninja -C build/<dir> bench_recordings && build/<dir>/bench/bench_recordings

#include "storage/recording_reader.h"
#include "storage/recording_writer.h"

#include <benchmark/benchmark.h>

#include <cstdio>
#include <cstring>
#include <string>
#include <unistd.h>
#include <vector>
#include <zlib.h>

using namespace hoga::storage;

namespace {

const std::string kFile2024 =
    std::string(HOGA_TEST_DATA "/../../resources/recordings/hftbacktest_usdm_btcusdt_20240808.gz");

void report(benchmark::State& state, std::uint64_t lines, std::uint64_t bytes) {
    state.counters["lines/s"] =
        benchmark::Counter(static_cast<double>(lines), benchmark::Counter::kIsRate);
    state.counters["MB/s"] =
        benchmark::Counter(static_cast<double>(bytes) / 1e6, benchmark::Counter::kIsRate);
    state.counters["lines"] = static_cast<double>(lines) / static_cast<double>(state.iterations());
}

void readWith(benchmark::State& state, const std::string& path, RecordingReaderOptions options) {
    std::uint64_t lines = 0;
    std::uint64_t bytes = 0;
    for (auto _ : state) {
        RecordingReader reader({path}, options);
        RecordedFrame frame;
        std::uint64_t checksum = 0;
        while (reader.next(frame)) {
            checksum += static_cast<unsigned char>(frame.frame[0]) + frame.frame.size();
        }
        benchmark::DoNotOptimize(checksum);
        if (!reader.error().empty()) {
            state.SkipWithError(reader.error().c_str());
            return;
        }
        lines += reader.stats().lines;
        bytes += reader.stats().decompressedBytes;
    }
    report(state, lines, bytes);
}

void BM_ReplayLibdeflate(benchmark::State& state) {
    readWith(state, kFile2024, RecordingReaderOptions{});
}

void BM_ReplayZlibForced(benchmark::State& state) {
    RecordingReaderOptions options;
    options.useLibdeflate = false;
    readWith(state, kFile2024, options);
}

// The same recording as Hoga's writer stores it: many members, so the producer thread decodes
// the next member while the consumer splits the previous one.
void BM_ReplayWriterMembers(benchmark::State& state) {
    char path[] = "/tmp/bench_recordings_XXXXXX";
    const int fd = ::mkstemp(path);
    ::close(fd);
    {
        RecordingReader source({kFile2024});
        RecordingWriterOptions writerOptions;
        writerOptions.overwrite = true;
        RecordingWriter writer(writerOptions);
        writer.open(path);
        RecordedFrame frame;
        while (source.next(frame)) {
            writer.write(frame.localTimeNs, frame.frame);
        }
        writer.close();
    }
    readWith(state, path, RecordingReaderOptions{});
    std::remove(path);
}

// Baseline: zlib's gzread() and a memchr line count, no line parsing, one thread.
void BM_GzreadBaseline(benchmark::State& state) {
    std::vector<char> buffer(std::size_t{1} << 20);
    std::uint64_t lines = 0;
    std::uint64_t bytes = 0;
    for (auto _ : state) {
        gzFile file = gzopen(kFile2024.c_str(), "rb");
        gzbuffer(file, 1 << 20);
        int n = 0;
        while ((n = gzread(file, buffer.data(), static_cast<unsigned>(buffer.size()))) > 0) {
            bytes += static_cast<std::uint64_t>(n);
            const char* p = buffer.data();
            const char* end = p + n;
            while ((p = static_cast<const char*>(std::memchr(p, '\n', end - p))) != nullptr) {
                ++lines;
                ++p;
            }
        }
        gzclose(file);
    }
    report(state, lines, bytes);
}

} // namespace

BENCHMARK(BM_ReplayLibdeflate)->Unit(benchmark::kMillisecond)->UseRealTime();
BENCHMARK(BM_ReplayZlibForced)->Unit(benchmark::kMillisecond)->UseRealTime();
BENCHMARK(BM_ReplayWriterMembers)->Unit(benchmark::kMillisecond)->UseRealTime();
BENCHMARK(BM_GzreadBaseline)->Unit(benchmark::kMillisecond)->UseRealTime();

BENCHMARK_MAIN();
