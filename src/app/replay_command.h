#pragma once

// hoga-replay: replays recordings through parser → depth sync → order book → candles and reports
// what it saw. The logic lives here, in a library, so tests drive exactly what the command runs.

#include "binance/market_data_processor.h"

#include <iosfwd>
#include <optional>
#include <string>
#include <vector>

namespace hoga::app {

struct ReplayOptions {
    std::vector<std::string> files;
    std::string symbol = "BTCUSDT";
    std::string interval = "1s";
    std::string exchangeInfoPath; // optional: read the symbol's grids from an exchangeInfo body
    binance::TradeSource tradeSource = binance::TradeSource::Auto;
    bool json = false;
};

// Parses argv (without argv[0]). nullopt and a message in `error` on bad usage.
std::optional<ReplayOptions> parseReplayArguments(const std::vector<std::string>& args,
                                                  std::string& error);
std::string replayUsage();

struct ReplayReport {
    std::int64_t lines = 0;
    std::int64_t malformedLines = 0; // recording lines without a timestamp/frame
    binance::FeedCounters feed;
    binance::SyncCounters sync;
    std::string bookState;
    bool crossedNow = false;
    std::string bestBid, bestBidQty, bestAsk, bestAskQty;
    std::size_t bidLevels = 0, askLevels = 0;
    std::string interval;
    std::int64_t candlesClosed = 0;
    std::int64_t candleTrades = 0;
    std::string volume;
    double elapsedSeconds = 0;
    std::string error; // empty on success
    [[nodiscard]] std::int64_t events() const { return feed.frames; }
};

// Runs the replay. Never throws for bad input: the report's error says what went wrong.
ReplayReport runReplay(const ReplayOptions& options);

std::string formatReplayJson(const ReplayReport& report);
std::string formatReplayText(const ReplayReport& report);

// The whole command: parse, run, print to out/err; returns the process exit code
// (0 success, 1 unreadable or corrupt input, 2 usage).
int replayMain(const std::vector<std::string>& args, std::ostream& out, std::ostream& err);

} // namespace hoga::app
