#include "params_json.h"

#include <simdjson.h>

#include <fmt/format.h>

#include <fstream>
#include <functional>
#include <sstream>
#include <variant>
#include <vector>

namespace hoga::engine {

namespace {

using core::StrategyParams;

// One table drives both directions, so a field cannot be saved but not loaded.
struct Field {
    const char* name;
    std::variant<double StrategyParams::*, int StrategyParams::*, std::int64_t StrategyParams::*,
                 bool StrategyParams::*, core::DepthWindow StrategyParams::*>
        member;
};

const std::vector<Field>& fields() {
    static const std::vector<Field> table = {
        {"candle_interval_ms", &StrategyParams::candleIntervalMs},
        {"volume_lookback", &StrategyParams::volumeLookback},
        {"volume_burst_ratio", &StrategyParams::volumeBurstRatio},
        {"pro_rate_floor", &StrategyParams::proRateFloor},
        {"imbalance_window", &StrategyParams::imbalanceWindow},
        {"imbalance_levels", &StrategyParams::imbalanceLevels},
        {"imbalance_bps", &StrategyParams::imbalanceBps},
        {"imbalance_entry", &StrategyParams::imbalanceEntry},
        {"imbalance_exit", &StrategyParams::imbalanceExit},
        {"momentum_window_ms", &StrategyParams::momentumWindowMs},
        {"momentum_bps", &StrategyParams::momentumBps},
        {"taker_share_filter", &StrategyParams::takerShareFilter},
        {"taker_share_min", &StrategyParams::takerShareMin},
        {"volume_fade_ratio", &StrategyParams::volumeFadeRatio},
        {"volume_fade_candles", &StrategyParams::volumeFadeCandles},
        {"stop_loss_pct", &StrategyParams::stopLossPct},
        {"take_profit_pct", &StrategyParams::takeProfitPct},
        {"max_hold_ms", &StrategyParams::maxHoldMs},
        {"krw_per_usdt", &StrategyParams::krwPerUsdt},
        {"capital_krw", &StrategyParams::capitalKrw},
        {"position_notional_krw", &StrategyParams::positionNotionalKrw},
        {"leverage", &StrategyParams::leverage},
        {"taker_fee_pct", &StrategyParams::takerFeePct},
        {"maker_fee_pct", &StrategyParams::makerFeePct},
        {"maintenance_margin_pct", &StrategyParams::maintenanceMarginPct},
        {"max_orders_per_minute", &StrategyParams::maxOrdersPerMinute},
        {"max_notional_usdt", &StrategyParams::maxNotionalUsdt},
        {"daily_loss_limit_pct", &StrategyParams::dailyLossLimitPct},
        {"cooldown_after_stop_ms", &StrategyParams::cooldownAfterStopMs},
        {"latency_ms", &StrategyParams::latencyMs},
    };
    return table;
}

template <class... Ts>
struct Overloaded : Ts... {
    using Ts::operator()...;
};
template <class... Ts>
Overloaded(Ts...) -> Overloaded<Ts...>;

} // namespace

bool paramsFromJson(std::string_view json, StrategyParams& out, std::string& error) {
    simdjson::ondemand::parser parser;
    const simdjson::padded_string padded(json);
    simdjson::ondemand::document doc;
    simdjson::ondemand::object object;
    if (parser.iterate(padded).get(doc) || doc.get_object().get(object)) {
        error = "parameters: not a JSON object";
        return false;
    }
    StrategyParams params = out;
    for (auto entry : object) {
        std::string_view key;
        if (entry.unescaped_key().get(key)) {
            error = "parameters: malformed JSON";
            return false;
        }
        const auto it = std::find_if(fields().begin(), fields().end(),
                                     [&](const Field& f) { return key == f.name; });
        if (it == fields().end()) {
            error = fmt::format("parameters: unknown key \"{}\"", key);
            return false;
        }
        simdjson::ondemand::value value;
        if (entry.value().get(value)) {
            error = fmt::format("parameters: malformed value for \"{}\"", key);
            return false;
        }
        bool ok = true;
        std::visit(
            Overloaded{
                [&](double StrategyParams::*m) { ok = !value.get_double().get(params.*m); },
                [&](int StrategyParams::*m) {
                    std::int64_t v = 0;
                    ok = !value.get_int64().get(v) && v >= INT32_MIN && v <= INT32_MAX;
                    params.*m = static_cast<int>(v);
                },
                [&](std::int64_t StrategyParams::*m) { ok = !value.get_int64().get(params.*m); },
                [&](bool StrategyParams::*m) { ok = !value.get_bool().get(params.*m); },
                [&](core::DepthWindow StrategyParams::*m) {
                    std::string_view s;
                    ok = !value.get_string().get(s) && (s == "top_levels" || s == "bps");
                    params.*m = s == "bps" ? core::DepthWindow::Bps : core::DepthWindow::TopLevels;
                },
            },
            it->member);
        if (!ok) {
            error = fmt::format("parameters: \"{}\" has the wrong type or value", key);
            return false;
        }
    }
    const auto problems = params.validate();
    if (!problems.empty()) {
        error = "parameters: " + problems.front();
        for (std::size_t i = 1; i < problems.size(); ++i) {
            error += "; " + problems[i];
        }
        return false;
    }
    out = params;
    return true;
}

std::string paramsToJson(const StrategyParams& params) {
    std::string out = "{\n";
    const auto& table = fields();
    for (std::size_t i = 0; i < table.size(); ++i) {
        out += fmt::format("  \"{}\": ", table[i].name);
        std::visit(Overloaded{
                       [&](double StrategyParams::*m) { out += fmt::format("{}", params.*m); },
                       [&](int StrategyParams::*m) { out += std::to_string(params.*m); },
                       [&](std::int64_t StrategyParams::*m) { out += std::to_string(params.*m); },
                       [&](bool StrategyParams::*m) { out += params.*m ? "true" : "false"; },
                       [&](core::DepthWindow StrategyParams::*m) {
                           out +=
                               params.*m == core::DepthWindow::Bps ? "\"bps\"" : "\"top_levels\"";
                       },
                   },
                   table[i].member);
        out += i + 1 < table.size() ? ",\n" : "\n";
    }
    return out + "}\n";
}

bool loadParamsFile(const std::string& path, StrategyParams& out, std::string& error) {
    std::ifstream in(path, std::ios::binary);
    if (!in) {
        error = "cannot read parameters file " + path;
        return false;
    }
    std::stringstream buffer;
    buffer << in.rdbuf();
    if (!paramsFromJson(buffer.str(), out, error)) {
        error = path + ": " + error;
        return false;
    }
    return true;
}

} // namespace hoga::engine
