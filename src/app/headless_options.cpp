#include "headless_options.h"

#include "engine/params_json.h"

#include <QUrl>

#include <cstdlib>

namespace hoga::app {

const char* headlessUsage() {
    return "usage: hoga-headless --mode paper (--params P.json | --preset default|demo)\n"
           "                     --journal J.sqlite [--ws URL] [--rest URL]\n"
           "                     [--endpoints split|legacy] [--depth-speed 100ms|0ms|250ms|500ms]\n"
           "                     [--trades trade|aggTrade] [--record DIR] [--metrics-port N]\n"
           "                     [--flatten-on-exit] [--stale-after-s S] [--rotate-after-s S]\n"
           "                     [--run-for-s S] [--engine-priority 10] [--engine-spin-us 200]\n"
           "                     [--log-level info] [--log-file F]\n"
           "Paper-trades BTCUSDT on a live Binance USD-M market feed (default: Binance mainnet\n"
           "market data; --ws/--rest point it at the testnet or at hoga-exchange-sim). SIGINT or\n"
           "SIGTERM stops new entries, flushes the journal and exits 0; the position stays open "
           "in\n"
           "the journal (and is resumed by the next start) unless --flatten-on-exit.\n"
           "--engine-priority: the engine thread's SCHED_FIFO priority (0: the normal scheduler);\n"
           "where it is not permitted the runner says so in the log and runs anyway.\n"
           "--engine-spin-us: how long the engine waits awake for the next event before it sleeps\n"
           "(lower: less CPU, slower wake-ups; 0: sleep at once).\n";
}

namespace {

bool parseUrl(const std::string& text, const char* schemeA, const char* schemeB, QUrl& out) {
    const QUrl url(QString::fromStdString(text), QUrl::StrictMode);
    if (!url.isValid() || url.host().isEmpty()) {
        return false;
    }
    const QString scheme = url.scheme();
    if (scheme != QLatin1String(schemeA) && scheme != QLatin1String(schemeB)) {
        return false;
    }
    out = url;
    return true;
}

bool parseSeconds(const std::string& text, double& out) {
    char* end = nullptr;
    const double v = std::strtod(text.c_str(), &end);
    if (end == text.c_str() || *end != '\0' || !(v > 0) || v > 1e7) {
        return false;
    }
    out = v;
    return true;
}

// A whole decimal number in [lo, hi].
bool parseInteger(const std::string& text, long lo, long hi, long& out) {
    char* end = nullptr;
    const long v = std::strtol(text.c_str(), &end, 10);
    if (end == text.c_str() || *end != '\0' || v < lo || v > hi) {
        return false;
    }
    out = v;
    return true;
}

} // namespace

bool parseHeadlessOptions(const std::vector<std::string>& args, HeadlessOptions& out,
                          std::string& error) {
    std::string mode, paramsPath, preset;
    bool journalGiven = false;
    for (std::size_t i = 0; i < args.size(); ++i) {
        const std::string& a = args[i];
        const auto value = [&](std::string& v) {
            if (i + 1 >= args.size()) {
                error = a + " needs a value";
                return false;
            }
            v = args[++i];
            return true;
        };
        std::string v;
        if (a == "-h" || a == "--help") {
            error.clear();
            return false;
        } else if (a == "--mode") {
            if (!value(mode)) {
                return false;
            }
        } else if (a == "--params") {
            if (!value(paramsPath)) {
                return false;
            }
        } else if (a == "--preset") {
            if (!value(preset)) {
                return false;
            }
            if (preset != "default" && preset != "demo") {
                error = "--preset must be default or demo";
                return false;
            }
        } else if (a == "--journal") {
            if (!value(out.trader.journalPath)) {
                return false;
            }
            journalGiven = true;
        } else if (a == "--ws") {
            if (!value(v) || !parseUrl(v, "ws", "wss", out.trader.feed.wsBase)) {
                error = "--ws needs a ws:// or wss:// URL, got '" + v + "'";
                return false;
            }
        } else if (a == "--rest") {
            if (!value(v) || !parseUrl(v, "http", "https", out.trader.feed.restBase)) {
                error = "--rest needs an http:// or https:// URL, got '" + v + "'";
                return false;
            }
        } else if (a == "--endpoints") {
            if (!value(v)) {
                return false;
            }
            if (v == "split") {
                out.trader.feed.layout = binance::EndpointLayout::Split;
            } else if (v == "legacy") {
                out.trader.feed.layout = binance::EndpointLayout::Legacy;
            } else {
                error = "--endpoints must be split or legacy";
                return false;
            }
        } else if (a == "--depth-speed") {
            if (!value(v)) {
                return false;
            }
            if (v != "100ms" && v != "0ms" && v != "250ms" && v != "500ms") {
                error = "--depth-speed must be 100ms, 0ms, 250ms or 500ms";
                return false;
            }
            out.trader.feed.depthSpeed = QString::fromStdString(v);
        } else if (a == "--trades") {
            if (!value(v)) {
                return false;
            }
            if (v == "trade") {
                out.trader.feed.trades = binance::TradeStream::Trade;
            } else if (v == "aggTrade") {
                out.trader.feed.trades = binance::TradeStream::AggTrade;
            } else {
                error = "--trades must be trade or aggTrade";
                return false;
            }
        } else if (a == "--record") {
            if (!value(out.trader.recordDir)) {
                return false;
            }
        } else if (a == "--metrics-port") {
            long port = 0;
            if (!value(v) || !parseInteger(v, 0, 65535, port)) {
                error = "--metrics-port must be 0..65535";
                return false;
            }
            out.trader.metricsPort = static_cast<int>(port);
        } else if (a == "--engine-priority") {
            long priority = 0;
            if (!value(v) || !parseInteger(v, 0, 99, priority)) {
                error = "--engine-priority must be 0..99 (0: the normal scheduler)";
                return false;
            }
            out.trader.engineRealtimePriority = static_cast<int>(priority);
        } else if (a == "--engine-spin-us") {
            long us = 0;
            if (!value(v) || !parseInteger(v, 0, 100000, us)) {
                error = "--engine-spin-us must be 0..100000";
                return false;
            }
            out.trader.engineSpinUs = us;
        } else if (a == "--flatten-on-exit") {
            out.flattenOnExit = true;
        } else if (a == "--stale-after-s" || a == "--rotate-after-s" || a == "--run-for-s") {
            double s = 0;
            if (!value(v) || !parseSeconds(v, s)) {
                error = a + " needs a positive number of seconds";
                return false;
            }
            const auto ms = static_cast<std::int64_t>(s * 1000);
            if (a == "--stale-after-s") {
                out.trader.feed.staleAfterMs = ms;
            } else if (a == "--rotate-after-s") {
                out.trader.feed.rotateAfterMs = ms;
            } else {
                out.runForSeconds = s;
            }
        } else if (a == "--log-level") {
            if (!value(out.logLevel)) {
                return false;
            }
        } else if (a == "--log-file") {
            if (!value(out.logFile)) {
                return false;
            }
        } else {
            error = "unknown argument " + a;
            return false;
        }
    }
    if (mode.empty()) {
        error = "--mode is required (paper)";
        return false;
    }
    if (mode == "testnet" || mode == "live") {
        error = "--mode " + mode +
                " needs the signed order gateway, which this build does not have yet; use "
                "--mode paper";
        return false;
    }
    if (mode != "paper") {
        error = "--mode must be paper";
        return false;
    }
    out.trader.mode = mode;
    if (!journalGiven || out.trader.journalPath.empty()) {
        error = "--journal FILE is required: every paper trade is journalled";
        return false;
    }
    if (!paramsPath.empty() && !preset.empty()) {
        error = "give --params or --preset, not both";
        return false;
    }
    if (!paramsPath.empty()) {
        if (!engine::loadParamsFile(paramsPath, out.trader.params, error)) {
            return false;
        }
    } else if (preset == "demo") {
        out.trader.params = core::StrategyParams::demo();
    } else if (preset == "default") {
        out.trader.params = core::StrategyParams::defaults();
    } else {
        error = "--params P.json or --preset default|demo is required";
        return false;
    }
    return true;
}

} // namespace hoga::app
