#include "sweep.h"

#include "app/backtest_session.h"
#include "engine/params_json.h"

#include <simdjson.h>

#include <fmt/format.h>

#include <algorithm>
#include <atomic>
#include <climits>
#include <thread>

namespace hoga::app {

bool expandGrid(std::string_view gridJson, const core::StrategyParams& base,
                std::vector<SweepPoint>& out, std::string& error) {
    simdjson::ondemand::parser parser;
    const simdjson::padded_string padded(gridJson);
    simdjson::ondemand::document doc;
    simdjson::ondemand::object object;
    if (parser.iterate(padded).get(doc) || doc.get_object().get(object)) {
        error = "sweep grid: not a JSON object of arrays";
        return false;
    }
    std::vector<std::pair<std::string, std::vector<std::string>>> axes;
    for (auto field : object) {
        std::string_view key;
        simdjson::ondemand::array values;
        if (field.unescaped_key().get(key) || field.value().get_array().get(values)) {
            error = "sweep grid: every key needs an array of values";
            return false;
        }
        std::vector<std::string> texts;
        for (auto v : values) {
            std::string_view raw;
            if (v.raw_json_token().get(raw)) {
                error = fmt::format("sweep grid: bad value for \"{}\"", key);
                return false;
            }
            while (!raw.empty() && (raw.back() == ' ' || raw.back() == '\n' || raw.back() == '\t' ||
                                    raw.back() == '\r')) {
                raw.remove_suffix(1);
            }
            texts.emplace_back(raw);
        }
        if (texts.empty()) {
            error = fmt::format("sweep grid: \"{}\" has no values", key);
            return false;
        }
        axes.emplace_back(std::string(key), std::move(texts));
    }
    if (axes.empty()) {
        error = "sweep grid: no parameters";
        return false;
    }
    std::size_t total = 1;
    for (const auto& axis : axes) {
        total *= axis.second.size();
        if (total > 100000) {
            error = "sweep grid: more than 100,000 points";
            return false;
        }
    }
    out.clear();
    for (std::size_t n = 0; n < total; ++n) {
        SweepPoint point;
        std::size_t rest = n;
        std::string json = "{";
        for (std::size_t a = axes.size(); a-- > 0;) { // last axis varies fastest
            const auto& [name, values] = axes[a];
            const std::string& value = values[rest % values.size()];
            rest /= values.size();
            point.values.insert(point.values.begin(), {name, value});
        }
        for (std::size_t i = 0; i < point.values.size(); ++i) {
            json += fmt::format("{}\"{}\":{}", i ? "," : "", point.values[i].first,
                                point.values[i].second);
        }
        json += "}";
        point.params = base;
        if (!engine::paramsFromJson(json, point.params, point.error) && point.error.empty()) {
            point.error = "invalid parameters";
        }
        if (point.error.rfind("parameters: unknown key", 0) == 0) {
            error = "sweep grid: " + point.error.substr(12);
            return false;
        }
        out.push_back(std::move(point));
    }
    return true;
}

namespace {

engine::BacktestReport runPoint(const binance::EventTape& tape, const core::StrategyParams& params,
                                std::int64_t entryStart, std::int64_t entryEnd) {
    BacktestSession session(core::InstrumentSpec::btcusdtDefaults(), params, nullptr);
    session.engine().setEntryWindow(entryStart, entryEnd);
    for (const auto& entry : tape.entries) {
        session.onTapeEntry(tape, entry);
    }
    return session.finish(static_cast<std::int64_t>(tape.entries.size()), tape.malformed);
}

} // namespace

std::vector<SweepResult> runSweep(const binance::EventTape& tape,
                                  const std::vector<SweepPoint>& points,
                                  const SweepOptions& options) {
    std::vector<SweepResult> results(points.size());
    const bool split = options.split > 0 && options.split < 1;
    const std::int64_t splitMs =
        tape.firstTimeMs +
        static_cast<std::int64_t>(static_cast<double>(tape.lastTimeMs - tape.firstTimeMs) *
                                  options.split);
    std::atomic<std::size_t> next{0};
    const auto work = [&] {
        for (std::size_t i = next++; i < points.size(); i = next++) {
            SweepResult& r = results[i];
            r.point = points[i];
            if (!r.point.error.empty()) {
                continue;
            }
            r.primary = runPoint(tape, r.point.params, INT64_MIN, split ? splitMs : INT64_MAX);
            if (split) {
                r.outOfSample = runPoint(tape, r.point.params, splitMs, INT64_MAX);
            }
        }
    };
    const int threads = std::max(1, options.threads);
    std::vector<std::thread> pool;
    for (int t = 1; t < threads; ++t) {
        pool.emplace_back(work);
    }
    work();
    for (auto& t : pool) {
        t.join();
    }
    std::stable_sort(results.begin(), results.end(),
                     [](const SweepResult& a, const SweepResult& b) {
                         if (a.point.error.empty() != b.point.error.empty()) {
                             return a.point.error.empty();
                         }
                         return a.primary.stats.netPnl.e8 > b.primary.stats.netPnl.e8;
                     });
    return results;
}

std::string sweepCsv(const std::vector<SweepResult>& results) {
    if (results.empty()) {
        return {};
    }
    const bool split = results.front().outOfSample.has_value();
    std::string out = "rank";
    for (const auto& [name, value] : results.front().point.values) {
        out += "," + name;
    }
    const char* columns[] = {"trades", "win_rate",         "net_pnl",
                             "fees",   "max_drawdown_pct", "return_pct"};
    for (const char* part :
         split ? std::vector<const char*>{"is_", "oos_"} : std::vector<const char*>{""}) {
        for (const char* c : columns) {
            out += fmt::format(",{}{}", part, c);
        }
    }
    out += ",error\n";
    const auto figures = [](const engine::BacktestReport& r) {
        return fmt::format(",{},{:.2f},{},{},{:.4f},{:.4f}", r.stats.roundTrips, r.winRatePct(),
                           core::formatFixed8(r.stats.netPnl), core::formatFixed8(r.stats.fees),
                           r.stats.maxDrawdownPct, r.returnPct());
    };
    for (std::size_t i = 0; i < results.size(); ++i) {
        const SweepResult& r = results[i];
        out += std::to_string(i + 1);
        for (const auto& [name, value] : r.point.values) {
            out += "," + value;
        }
        if (!r.point.error.empty()) {
            out += std::string(split ? 12 : 6, ',') + ",\"" + r.point.error + "\"\n";
            continue;
        }
        out += figures(r.primary);
        if (r.outOfSample) {
            out += figures(*r.outOfSample);
        }
        out += ",\n";
    }
    return out;
}

} // namespace hoga::app
