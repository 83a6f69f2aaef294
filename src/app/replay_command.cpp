#include "replay_command.h"

#include "binance/exchange_info.h"
#include "core/candles.h"
#include "storage/recording_reader.h"

#include <fmt/format.h>

#include <chrono>
#include <fstream>
#include <ostream>
#include <sstream>

namespace hoga::app {

std::string replayUsage() {
    return "usage: hoga-replay FILE... [--symbol BTCUSDT] [--interval 1s] [--trades "
           "auto|trade|aggTrade]\n"
           "                   [--exchange-info FILE] [--json]\n"
           "Replays Binance USD-M recordings (hftbacktest format: '<local ts> <frame>' lines, "
           "gzip\n"
           "or plain) through the parser, the depth synchroniser, the order book and the "
           "candles.\n";
}

std::optional<ReplayOptions> parseReplayArguments(const std::vector<std::string>& args,
                                                  std::string& error) {
    ReplayOptions options;
    for (std::size_t i = 0; i < args.size(); ++i) {
        const std::string& arg = args[i];
        const auto value = [&](std::string& out) {
            if (i + 1 >= args.size()) {
                error = arg + " needs a value";
                return false;
            }
            out = args[++i];
            return true;
        };
        if (arg == "--json") {
            options.json = true;
        } else if (arg == "--symbol") {
            if (!value(options.symbol)) {
                return std::nullopt;
            }
        } else if (arg == "--interval") {
            if (!value(options.interval)) {
                return std::nullopt;
            }
            if (!core::parseCandleInterval(options.interval)) {
                error = "--interval must be between 1s and 1h, like 1s, 15s, 1m, 5m, 1h";
                return std::nullopt;
            }
        } else if (arg == "--exchange-info") {
            if (!value(options.exchangeInfoPath)) {
                return std::nullopt;
            }
        } else if (arg == "--trades") {
            std::string t;
            if (!value(t)) {
                return std::nullopt;
            }
            if (t == "auto") {
                options.tradeSource = binance::TradeSource::Auto;
            } else if (t == "trade") {
                options.tradeSource = binance::TradeSource::Trade;
            } else if (t == "aggTrade") {
                options.tradeSource = binance::TradeSource::AggTrade;
            } else {
                error = "--trades must be auto, trade or aggTrade";
                return std::nullopt;
            }
        } else if (arg == "-h" || arg == "--help") {
            error.clear();
            return std::nullopt;
        } else if (arg.size() > 1 && arg[0] == '-') {
            error = "unknown option " + arg;
            return std::nullopt;
        } else {
            options.files.push_back(arg);
        }
    }
    if (options.files.empty()) {
        error = "no recording given";
        return std::nullopt;
    }
    return options;
}

namespace {

bool loadInstrument(const ReplayOptions& options, core::InstrumentSpec& spec, std::string& error) {
    if (options.exchangeInfoPath.empty()) {
        if (options.symbol != "BTCUSDT") {
            error = "--symbol " + options.symbol +
                    " needs --exchange-info FILE for its tick and step sizes";
            return false;
        }
        spec = core::InstrumentSpec::btcusdtDefaults();
        return true;
    }
    std::ifstream in(options.exchangeInfoPath, std::ios::binary);
    if (!in) {
        error = "cannot read " + options.exchangeInfoPath;
        return false;
    }
    std::stringstream buffer;
    buffer << in.rdbuf();
    binance::ExchangeInfo info;
    if (!binance::parseExchangeInfo(buffer.str(), options.symbol, info, error)) {
        error = options.exchangeInfoPath + ": " + error;
        return false;
    }
    spec = info.instrument;
    return true;
}

} // namespace

ReplayReport runReplay(const ReplayOptions& options) {
    ReplayReport report;
    report.interval = options.interval;
    core::InstrumentSpec spec;
    if (!loadInstrument(options, spec, report.error)) {
        return report;
    }
    binance::MarketDataProcessor::Options processorOptions;
    processorOptions.candleIntervalMs = core::parseCandleInterval(options.interval).value_or(1000);
    processorOptions.tradeSource = options.tradeSource;
    binance::MarketDataProcessor processor(spec, processorOptions);

    const auto start = std::chrono::steady_clock::now();
    storage::RecordingReader reader(options.files);
    storage::RecordedFrame frame;
    while (reader.next(frame)) {
        processor.onFrame(frame.frame, frame.frame.size() + storage::kFramePadding);
    }
    report.elapsedSeconds =
        std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
    report.error = reader.error();
    report.lines = static_cast<std::int64_t>(reader.stats().lines + reader.stats().malformedLines);
    report.malformedLines = static_cast<std::int64_t>(reader.stats().malformedLines);

    report.feed = processor.counters();
    report.sync = processor.synchronizer().counters();
    report.bookState = std::string(binance::syncStateName(processor.synchronizer().state()));
    const core::OrderBook& book = processor.book();
    report.crossedNow = book.isCrossed();
    if (const auto bid = book.bestBid()) {
        report.bestBid = spec.formatPrice(bid->price);
        report.bestBidQty = spec.formatQty(bid->qty);
    }
    if (const auto ask = book.bestAsk()) {
        report.bestAsk = spec.formatPrice(ask->price);
        report.bestAskQty = spec.formatQty(ask->qty);
    }
    report.bidLevels = book.levelCount(core::Side::Buy);
    report.askLevels = book.levelCount(core::Side::Sell);
    const auto& candles = processor.candles().counters();
    report.candlesClosed = candles.closed;
    report.candleTrades = candles.trades;
    report.volume = spec.formatQty(candles.volume);
    return report;
}

namespace {
std::string jsonString(std::string_view s) {
    std::string out = "\"";
    for (const char c : s) {
        switch (c) {
        case '"':
            out += "\\\"";
            break;
        case '\\':
            out += "\\\\";
            break;
        case '\n':
            out += "\\n";
            break;
        default:
            if (static_cast<unsigned char>(c) < 0x20) {
                out += fmt::format("\\u{:04x}", static_cast<unsigned>(c));
            } else {
                out += c;
            }
        }
    }
    return out + "\"";
}
} // namespace

std::string formatReplayJson(const ReplayReport& r) {
    using binance::MessageType;
    const auto& f = r.feed;
    const double eventsPerSecond =
        r.elapsedSeconds > 0 ? static_cast<double>(r.events()) / r.elapsedSeconds : 0.0;
    std::string out = "{";
    out += fmt::format("\"lines\":{},", r.lines);
    out += fmt::format(
        "\"messages\":{{\"depthUpdate\":{},\"trade\":{},\"aggTrade\":{},\"bookTicker\":{},"
        "\"markPriceUpdate\":{},\"kline\":{},\"snapshot\":{}}},",
        f.count(MessageType::DepthUpdate), f.count(MessageType::Trade),
        f.count(MessageType::AggTrade), f.count(MessageType::BookTicker),
        f.count(MessageType::MarkPrice), f.count(MessageType::Kline),
        f.count(MessageType::Snapshot));
    out += fmt::format("\"malformed\":{},\"unknown\":{},\"other_symbol\":{},",
                       f.count(MessageType::Malformed) + r.malformedLines,
                       f.count(MessageType::Unknown), f.count(MessageType::OtherSymbol));
    out += fmt::format(
        "\"book\":{{\"state\":{},\"syncs\":{},\"gaps\":{},\"crossed\":{},\"best_bid\":{},"
        "\"best_bid_qty\":{},\"best_ask\":{},\"best_ask_qty\":{},\"bid_levels\":{},"
        "\"ask_levels\":{},\"snapshots\":{},\"diffs_applied\":{},\"stale_dropped\":{},"
        "\"duplicates_dropped\":{}}},",
        jsonString(r.bookState), r.sync.syncs, r.sync.gaps, r.sync.crossed, jsonString(r.bestBid),
        jsonString(r.bestBidQty), jsonString(r.bestAsk), jsonString(r.bestAskQty), r.bidLevels,
        r.askLevels, r.sync.snapshots, r.sync.applied, r.sync.staleDropped,
        r.sync.duplicatesDropped);
    out += fmt::format("\"ticker_check\":{{\"compared\":{},\"mismatched\":{},"
                       "\"ticker_first_compared\":{},\"ticker_first_mismatched\":{}}},",
                       f.tickerCompared, f.tickerMismatched, f.tickerFirstCompared,
                       f.tickerFirstMismatched);
    out +=
        fmt::format("\"candles\":{{\"interval\":{},\"closed\":{},\"trades\":{},\"volume\":{}}},",
                    jsonString(r.interval), r.candlesClosed, r.candleTrades, jsonString(r.volume));
    out += fmt::format("\"elapsed_s\":{:.6f},\"events_per_s\":{:.0f}", r.elapsedSeconds,
                       eventsPerSecond);
    if (!r.error.empty()) {
        out += ",\"error\":" + jsonString(r.error);
    }
    out += "}";
    return out;
}

std::string formatReplayText(const ReplayReport& r) {
    using binance::MessageType;
    const auto& f = r.feed;
    const double eventsPerSecond =
        r.elapsedSeconds > 0 ? static_cast<double>(r.events()) / r.elapsedSeconds : 0.0;
    std::string out;
    out += fmt::format("lines            {}\n", r.lines);
    out += fmt::format("messages         depthUpdate {}  trade {}  aggTrade {}  bookTicker {}  "
                       "markPrice {}  kline {}  snapshot {}\n",
                       f.count(MessageType::DepthUpdate), f.count(MessageType::Trade),
                       f.count(MessageType::AggTrade), f.count(MessageType::BookTicker),
                       f.count(MessageType::MarkPrice), f.count(MessageType::Kline),
                       f.count(MessageType::Snapshot));
    out += fmt::format("bad input        malformed {}  unknown {}  other symbol {}\n",
                       f.count(MessageType::Malformed) + r.malformedLines,
                       f.count(MessageType::Unknown), f.count(MessageType::OtherSymbol));
    out += fmt::format("book             {}  syncs {}  gaps {}  crossed {}\n", r.bookState,
                       r.sync.syncs, r.sync.gaps, r.sync.crossed);
    out += fmt::format("best bid / ask   {} × {}  /  {} × {}   ({} bid, {} ask levels)\n",
                       r.bestBid, r.bestBidQty, r.bestAsk, r.bestAskQty, r.bidLevels, r.askLevels);
    out += fmt::format("ticker check     {} compared, {} mismatched; ticker ahead of depth: {} "
                       "compared, {} mismatched\n",
                       f.tickerCompared, f.tickerMismatched, f.tickerFirstCompared,
                       f.tickerFirstMismatched);
    out += fmt::format("candles          {} closed at {}, volume {}\n", r.candlesClosed, r.interval,
                       r.volume);
    out += fmt::format("speed            {:.3f} s, {:.0f} events/s\n", r.elapsedSeconds,
                       eventsPerSecond);
    if (!r.error.empty()) {
        out += "error            " + r.error + "\n";
    }
    return out;
}

int replayMain(const std::vector<std::string>& args, std::ostream& out, std::ostream& err) {
    std::string error;
    const auto options = parseReplayArguments(args, error);
    if (!options) {
        if (error.empty()) { // --help
            out << replayUsage();
            return 0;
        }
        err << "hoga-replay: " << error << "\n" << replayUsage();
        return 2;
    }
    const ReplayReport report = runReplay(*options);
    out << (options->json ? formatReplayJson(report) + "\n" : formatReplayText(report));
    if (!report.error.empty()) {
        err << "hoga-replay: " << report.error << "\n";
        return 1;
    }
    return 0;
}

} // namespace hoga::app
