#include "backtest_command.h"

#include "app/backtest_session.h"
#include "app/sweep.h"
#include "engine/memory_journal.h"
#include "engine/params_json.h"
#include "storage/recording_reader.h"
#include "storage/sqlite_journal.h"

#include <fmt/format.h>

#include <chrono>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <ostream>
#include <sys/resource.h>
#include <thread>
#include <unistd.h>

namespace hoga::app {

std::string backtestUsage() {
    return "usage: hoga-backtest --data FILE... [--params P.json | --preset default|demo]\n"
           "                     [--journal OUT.sqlite] [--trades OUT.csv] [--equity OUT.csv]\n"
           "                     [--json] [--quiet]\n"
           "       hoga-backtest --data FILE... --sweep GRID.json [--split 0.7] [--threads N]\n"
           "                     [--sweep-out OUT.csv] [--params P.json | --preset NAME]\n"
           "Backtests the order-flow strategy on Binance USD-M recordings with the paper broker.\n";
}

std::optional<BacktestOptions> parseBacktestArguments(const std::vector<std::string>& args,
                                                      std::string& error) {
    BacktestOptions o;
    for (std::size_t i = 0; i < args.size(); ++i) {
        const std::string& a = args[i];
        const auto value = [&](std::string& out) {
            if (i + 1 >= args.size() || args[i + 1].rfind("--", 0) == 0) {
                error = a + " needs a value";
                return false;
            }
            out = args[++i];
            return true;
        };
        if (a == "--data") {
            while (i + 1 < args.size() && args[i + 1].rfind("--", 0) != 0) {
                o.dataFiles.push_back(args[++i]);
            }
        } else if (a == "--params") {
            if (!value(o.paramsPath)) {
                return std::nullopt;
            }
        } else if (a == "--preset") {
            if (!value(o.preset)) {
                return std::nullopt;
            }
            if (o.preset != "default" && o.preset != "demo") {
                error = "--preset must be default or demo";
                return std::nullopt;
            }
        } else if (a == "--journal") {
            if (!value(o.journalPath)) {
                return std::nullopt;
            }
        } else if (a == "--trades") {
            if (!value(o.tradesCsv)) {
                return std::nullopt;
            }
        } else if (a == "--equity") {
            if (!value(o.equityCsv)) {
                return std::nullopt;
            }
        } else if (a == "--sweep") {
            if (!value(o.sweepPath)) {
                return std::nullopt;
            }
        } else if (a == "--sweep-out") {
            if (!value(o.sweepOut)) {
                return std::nullopt;
            }
        } else if (a == "--split" || a == "--threads") {
            std::string text;
            if (!value(text)) {
                return std::nullopt;
            }
            char* end = nullptr;
            const double v = std::strtod(text.c_str(), &end);
            if (end == text.c_str() || *end != '\0') {
                error = a + " needs a number";
                return std::nullopt;
            }
            if (a == "--split") {
                if (!(v > 0 && v < 1)) {
                    error = "--split must be between 0 and 1 (the in-sample fraction)";
                    return std::nullopt;
                }
                o.split = v;
            } else {
                if (v < 1 || v > 256 || v != static_cast<int>(v)) {
                    error = "--threads must be a whole number from 1 to 256";
                    return std::nullopt;
                }
                o.threads = static_cast<int>(v);
            }
        } else if (a == "--json") {
            o.json = true;
        } else if (a == "--quiet") {
            o.quiet = true;
        } else if (a == "-h" || a == "--help") {
            error.clear();
            return std::nullopt;
        } else {
            error = "unknown argument " + a;
            return std::nullopt;
        }
    }
    if (o.dataFiles.empty()) {
        error = "no --data FILE given";
        return std::nullopt;
    }
    if (!o.paramsPath.empty() && !o.preset.empty()) {
        error = "give --params or --preset, not both";
        return std::nullopt;
    }
    return o;
}

namespace {

// A line is "<19-digit timestamp> <frame>\n": the progress bar counts text, not gzip bytes,
// because a single gzip member is inflated in one go.
constexpr std::uint64_t kTimestampAndNewline = 21;

// The text size of the recordings, for the progress bar: a gzip file's trailer holds its
// (last member's) uncompressed size modulo 4 GiB; a plain file is its own size.
std::uint64_t expectedTextBytes(const std::vector<std::string>& files) {
    std::uint64_t total = 0;
    for (const auto& path : files) {
        std::ifstream in(path, std::ios::binary);
        unsigned char magic[2] = {};
        in.read(reinterpret_cast<char*>(magic), 2);
        std::error_code ec;
        const std::uint64_t size = std::filesystem::file_size(path, ec);
        if (magic[0] == 0x1f && magic[1] == 0x8b && size >= 4) {
            unsigned char trailer[4] = {};
            in.seekg(static_cast<std::streamoff>(size - 4));
            in.read(reinterpret_cast<char*>(trailer), 4);
            total += std::uint64_t{trailer[0]} | std::uint64_t{trailer[1]} << 8 |
                     std::uint64_t{trailer[2]} << 16 | std::uint64_t{trailer[3]} << 24;
        } else {
            total += size;
        }
    }
    return total;
}

} // namespace

engine::BacktestReport runBacktest(const std::vector<std::string>& files,
                                   const core::StrategyParams& params, engine::Journal* journal,
                                   const std::function<void(double)>& progress) {
    const core::InstrumentSpec spec = core::InstrumentSpec::btcusdtDefaults();
    BacktestSession session(spec, params, journal);
    if (journal) {
        engine::RunInfo run;
        run.runId = "backtest";
        run.mode = "backtest";
        run.symbol = spec.symbol;
        run.paramsJson = engine::paramsToJson(params);
        run.dataFiles = files;
        run.codeVersion = HOGA_VERSION;
        journal->recordRun(run);
    }
    const std::uint64_t totalBytes = expectedTextBytes(files);
    std::uint64_t textBytes = 0;

    const auto start = std::chrono::steady_clock::now();
    storage::RecordingReader reader(files);
    storage::RecordedFrame frame;
    while (reader.next(frame)) {
        session.onFrame(frame.frame, frame.frame.size() + storage::kFramePadding);
        textBytes += frame.frame.size() + kTimestampAndNewline;
        if (progress && (reader.stats().lines & 0x3fff) == 0 && totalBytes > 0) {
            progress(
                std::min(0.99, static_cast<double>(textBytes) / static_cast<double>(totalBytes)));
        }
    }
    const auto& counters = session.processor().counters();
    engine::BacktestReport report = session.finish(
        counters.frames, counters.count(binance::MessageType::Malformed) +
                             static_cast<std::int64_t>(reader.stats().malformedLines));
    report.elapsedSeconds =
        std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
    report.error = reader.error();
    if (journal) {
        journal->finish();
    }
    if (progress) {
        progress(1.0);
    }
    return report;
}

namespace {

bool writeTradesCsv(const std::string& path, const std::vector<core::RoundTrip>& trips,
                    std::string& error) {
    std::ofstream out(path, std::ios::binary | std::ios::trunc);
    if (!out) {
        error = "cannot write " + path;
        return false;
    }
    const auto spec = core::InstrumentSpec::btcusdtDefaults();
    out << "id,side,entry_time_ms,exit_time_ms,qty,avg_entry_price,avg_exit_price,gross_pnl,"
           "fees,funding,net_pnl,exit_reason,entry_volume_ratio,entry_imbalance,"
           "entry_momentum_bps,exit_volume_ratio,exit_imbalance,exit_momentum_bps\n";
    for (const auto& t : trips) {
        out << fmt::format(
            "{},{},{},{},{},{},{},{},{},{},{},{},{:.4f},{:.4f},{:.2f},{:.4f},{:.4f},"
            "{:.2f}\n",
            t.id, core::positionSideName(t.side), t.entryTimeMs, t.exitTimeMs,
            spec.formatQty(t.qty), core::formatAveragePrice(t.entryNotional, t.qty, spec.priceGrid),
            core::formatAveragePrice(t.exitNotional, t.qty, spec.priceGrid),
            core::formatFixed8(t.grossPnl), core::formatFixed8(t.fees),
            core::formatFixed8(t.funding), core::formatFixed8(t.netPnl),
            core::exitReasonName(t.exitReason), t.atEntry.volumeRatio, t.atEntry.imbalance,
            t.atEntry.momentumBps, t.atExit.volumeRatio, t.atExit.imbalance, t.atExit.momentumBps);
    }
    return static_cast<bool>(out);
}

bool writeEquityCsv(const std::string& path, const std::vector<engine::EquitySample>& samples,
                    std::string& error) {
    std::ofstream out(path, std::ios::binary | std::ios::trunc);
    if (!out) {
        error = "cannot write " + path;
        return false;
    }
    out << "time_ms,balance,equity,position,qty_lots\n";
    for (const auto& s : samples) {
        out << fmt::format("{},{},{},{},{}\n", s.timeMs, core::formatFixed8(s.balance),
                           core::formatFixed8(s.equity), core::positionSideName(s.side),
                           s.qty.lots);
    }
    return static_cast<bool>(out);
}

std::int64_t peakRssKb() {
    rusage usage{};
    getrusage(RUSAGE_SELF, &usage);
    return usage.ru_maxrss;
}

int sweepMain(const BacktestOptions& options, const core::StrategyParams& base, std::ostream& out,
              std::ostream& err) {
    std::ifstream in(options.sweepPath, std::ios::binary);
    if (!in) {
        err << "hoga-backtest: cannot read " << options.sweepPath << "\n";
        return 2;
    }
    const std::string grid((std::istreambuf_iterator<char>(in)), std::istreambuf_iterator<char>());
    std::vector<SweepPoint> points;
    std::string error;
    if (!expandGrid(grid, base, points, error)) {
        err << "hoga-backtest: " << options.sweepPath << ": " << error << "\n";
        return 2;
    }
    const auto start = std::chrono::steady_clock::now();
    const binance::EventTape tape =
        binance::decodeTape(options.dataFiles, core::InstrumentSpec::btcusdtDefaults());
    if (!tape.error.empty()) {
        err << "hoga-backtest: " << tape.error << "\n";
        return 1;
    }
    const double decodeSeconds =
        std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
    SweepOptions sweepOptions;
    sweepOptions.threads =
        options.threads > 0 ? options.threads
                            : static_cast<int>(std::max(1u, std::thread::hardware_concurrency()));
    sweepOptions.split = options.split;
    const auto results = runSweep(tape, points, sweepOptions);
    const double totalSeconds =
        std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
    const std::string csv = sweepCsv(results);
    if (options.sweepOut.empty()) {
        out << csv;
    } else {
        std::ofstream file(options.sweepOut, std::ios::binary | std::ios::trunc);
        file << csv;
        if (!file) {
            err << "hoga-backtest: cannot write " << options.sweepOut << "\n";
            return 1;
        }
    }
    if (!options.quiet) {
        err << fmt::format("sweep: {} points × {} on {} thread(s); {} events decoded once in "
                           "{:.3f} s ({:.1f} MiB in memory); total {:.3f} s; peak RSS {:.1f} MiB\n",
                           points.size(), options.split > 0 ? "2 runs" : "1 run",
                           sweepOptions.threads, tape.entries.size(), decodeSeconds,
                           static_cast<double>(tape.memoryBytes()) / 1048576.0, totalSeconds,
                           static_cast<double>(peakRssKb()) / 1024.0);
    }
    return 0;
}

} // namespace

int backtestMain(const std::vector<std::string>& args, std::ostream& out, std::ostream& err) {
    std::string error;
    const auto options = parseBacktestArguments(args, error);
    if (!options) {
        if (error.empty()) {
            out << backtestUsage();
            return 0;
        }
        err << "hoga-backtest: " << error << "\n" << backtestUsage();
        return 2;
    }
    core::StrategyParams params =
        options->preset == "demo" ? core::StrategyParams::demo() : core::StrategyParams::defaults();
    if (!options->paramsPath.empty() &&
        !engine::loadParamsFile(options->paramsPath, params, error)) {
        err << "hoga-backtest: " << error << "\n";
        return 2;
    }
    for (const auto& f : options->dataFiles) {
        if (!std::filesystem::exists(f)) {
            err << "hoga-backtest: no such data file: " << f << "\n";
            return 1;
        }
    }
    if (!options->sweepPath.empty()) {
        return sweepMain(*options, params, out, err);
    }

    engine::MemoryJournal memory;
    std::unique_ptr<storage::SqliteJournal> sqlite;
    if (!options->journalPath.empty()) {
        // A backtest can be re-run, so it does not pay an fsync per record (same file bytes).
        storage::SqliteJournalOptions journalOptions;
        journalOptions.synchronousFull = false;
        sqlite = std::make_unique<storage::SqliteJournal>(core::InstrumentSpec::btcusdtDefaults(),
                                                          journalOptions);
        if (!sqlite->open(options->journalPath)) {
            err << "hoga-backtest: journal " << options->journalPath << ": " << sqlite->lastError()
                << "\n";
            return 1;
        }
    }
    engine::TeeJournal journal({&memory, sqlite.get()});

    const bool showProgress = !options->quiet && isatty(STDERR_FILENO);
    const auto progress = [&](double fraction) {
        if (!showProgress) {
            return;
        }
        const int width = 40;
        const int filled = static_cast<int>(fraction * width);
        err << "\r[" << std::string(static_cast<std::size_t>(filled), '#')
            << std::string(static_cast<std::size_t>(width - filled), ' ') << "] "
            << static_cast<int>(fraction * 100) << " %" << (fraction >= 1.0 ? "\n" : "")
            << std::flush;
    };
    const engine::BacktestReport report =
        runBacktest(options->dataFiles, params, &journal, progress);

    int code = 0;
    if (sqlite && !sqlite->healthy()) {
        err << "hoga-backtest: journal errors: " << sqlite->lastError() << "\n";
        code = 1;
    }
    if (!options->tradesCsv.empty() &&
        !writeTradesCsv(options->tradesCsv, memory.roundTrips, error)) {
        err << "hoga-backtest: " << error << "\n";
        code = 1;
    }
    if (!options->equityCsv.empty() && !writeEquityCsv(options->equityCsv, memory.equity, error)) {
        err << "hoga-backtest: " << error << "\n";
        code = 1;
    }
    if (!options->quiet || options->json) {
        out << (options->json ? engine::reportToJson(report) + "\n" : engine::reportToText(report));
    }
    if (!report.error.empty()) {
        err << "hoga-backtest: " << report.error << "\n";
        code = 1;
    }
    return code;
}

} // namespace hoga::app
