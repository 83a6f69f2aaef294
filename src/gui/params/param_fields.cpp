#include "param_fields.h"

#include <QCoreApplication>
#include <QLocale>

#include <algorithm>
#include <cmath>
#include <type_traits>
#include <utility>

namespace hoga::gui {

namespace {

using core::StrategyParams;
using G = ParamGroup;
using K = ParamKind;

constexpr const char* kContext = "hoga::gui::ParamFields";

// Accessors from a member pointer, so the table cannot read one field and write another.
template <class T>
ParamField make(const char* json, const char* label, const char* unit, G group, K kind, double min,
                double max, double step, int decimals, bool live, T StrategyParams::*member,
                std::vector<const char*> related = {}) {
    ParamField f{json, label, unit, group, kind, min, max, step, decimals, live, std::move(related),
                 {},   {}};
    f.get = [member](const StrategyParams& p) { return static_cast<double>(p.*member); };
    f.set = [member](StrategyParams& p, double v) {
        if constexpr (std::is_same_v<T, double>) {
            p.*member = v;
        } else if constexpr (std::is_same_v<T, bool>) {
            p.*member = v != 0;
        } else if constexpr (std::is_enum_v<T>) {
            p.*member = static_cast<T>(static_cast<int>(std::lround(v)));
        } else {
            p.*member = static_cast<T>(std::llround(v));
        }
    };
    return f;
}

std::vector<ParamField> buildTable() {
    // QT_TRANSLATE_NOOP marks the labels and units for lupdate; they are translated when shown.
#define L(text) QT_TRANSLATE_NOOP("hoga::gui::ParamFields", text)
    return {
        // --- entry: the volume burst, the book imbalance, momentum, the taker filter ---------
        make("candle_interval_ms", L("Candle interval"), L("ms"), G::Entry, K::Int, 1000, 3600000,
             1000, 0, false, &StrategyParams::candleIntervalMs),
        make("volume_lookback", L("Volume lookback"), L("candles"), G::Entry, K::Int, 1, 1000, 1, 0,
             true, &StrategyParams::volumeLookback),
        make("volume_burst_ratio", L("Volume burst ratio"), L("×"), G::Entry, K::Double, 0.1, 100,
             0.1, 2, true, &StrategyParams::volumeBurstRatio),
        make("pro_rate_floor", L("Pro-rate floor"), L("of a candle"), G::Entry, K::Double, 0.05, 1,
             0.05, 2, true, &StrategyParams::proRateFloor),
        make("imbalance_window", L("Imbalance depth window"), "", G::Entry, K::Enum, 0, 1, 1, 0,
             true, &StrategyParams::imbalanceWindow),
        make("imbalance_levels", L("Imbalance depth"), L("levels"), G::Entry, K::Int, 1, 1000, 1, 0,
             true, &StrategyParams::imbalanceLevels),
        make("imbalance_bps", L("Imbalance depth"), L("bps"), G::Entry, K::Int, 1, 1000, 1, 0, true,
             &StrategyParams::imbalanceBps),
        make("imbalance_entry", L("Imbalance to enter"), "", G::Entry, K::Double, 0.01, 0.99, 0.01,
             2, true, &StrategyParams::imbalanceEntry),
        make("momentum_window_ms", L("Momentum window"), L("ms"), G::Entry, K::Int, 100, 3600000,
             100, 0, true, &StrategyParams::momentumWindowMs),
        make("momentum_bps", L("Momentum"), L("bps"), G::Entry, K::Double, 0, 1000, 0.5, 1, true,
             &StrategyParams::momentumBps),
        make("taker_share_filter", L("Taker share filter"), "", G::Entry, K::Bool, 0, 1, 1, 0, true,
             &StrategyParams::takerShareFilter),
        make("taker_share_min", L("Minimum taker share"), "", G::Entry, K::Double, 0.5, 1, 0.01, 2,
             true, &StrategyParams::takerShareMin),
        // --- exit ------------------------------------------------------------------------------
        make("imbalance_exit", L("Imbalance to exit"), "", G::Exit, K::Double, 0.01, 0.99, 0.01, 2,
             true, &StrategyParams::imbalanceExit),
        make("volume_fade_ratio", L("Volume fade ratio"), L("×"), G::Exit, K::Double, 0, 99.95,
             0.05, 2, true, &StrategyParams::volumeFadeRatio, {"volume_burst_ratio"}),
        make("volume_fade_candles", L("Fade candles"), L("candles"), G::Exit, K::Int, 1, 1000, 1, 0,
             true, &StrategyParams::volumeFadeCandles, {"volume_lookback"}),
        make("stop_loss_pct", L("Stop loss"), L("%"), G::Exit, K::Double, 0.01, 99.99, 0.01, 2,
             true, &StrategyParams::stopLossPct, {"leverage", "maintenance_margin_pct"}),
        make("take_profit_pct", L("Take profit (0 = off)"), L("%"), G::Exit, K::Double, 0, 999.95,
             0.05, 2, true, &StrategyParams::takeProfitPct),
        make("max_hold_ms", L("Longest hold (0 = off)"), L("ms"), G::Exit, K::Int, 0, 86400000,
             1000, 0, true, &StrategyParams::maxHoldMs),
        // --- risk ------------------------------------------------------------------------------
        make("leverage", L("Leverage"), L("×"), G::Risk, K::Int, 1, 125, 1, 0, true,
             &StrategyParams::leverage),
        make("maintenance_margin_pct", L("Maintenance margin"), L("%"), G::Risk, K::Double, 0.01,
             49.99, 0.01, 2, true, &StrategyParams::maintenanceMarginPct),
        make("max_orders_per_minute", L("Orders per minute at most"), L("/min"), G::Risk, K::Int, 1,
             1200, 1, 0, true, &StrategyParams::maxOrdersPerMinute),
        make("max_notional_usdt", L("Largest notional (0 = capital × leverage)"), L("USDT"),
             G::Risk, K::Double, 0, 10000000, 100, 0, true, &StrategyParams::maxNotionalUsdt),
        make("daily_loss_limit_pct", L("Daily loss limit (0 = off)"), L("%"), G::Risk, K::Double, 0,
             100, 0.5, 1, true, &StrategyParams::dailyLossLimitPct),
        make("cooldown_after_stop_ms", L("Cooldown after a stop"), L("ms"), G::Risk, K::Int, 0,
             3600000, 1000, 0, true, &StrategyParams::cooldownAfterStopMs),
        // --- sizing ----------------------------------------------------------------------------
        make("capital_krw", L("Starting capital"), L("KRW"), G::Sizing, K::Double, 1000, 1000000000,
             1000, 0, false, &StrategyParams::capitalKrw),
        make("position_notional_krw", L("Position notional"), L("KRW"), G::Sizing, K::Double, 10000,
             10000000000.0, 10000, 0, true, &StrategyParams::positionNotionalKrw),
        make("krw_per_usdt", L("KRW per USDT"), L("KRW"), G::Sizing, K::Double, 100, 10000, 1, 2,
             true, &StrategyParams::krwPerUsdt),
        // --- execution: fees and the paper fill model ----------------------------------------
        make("taker_fee_pct", L("Taker fee"), L("%"), G::Execution, K::Double, 0, 0.99, 0.001, 3,
             false, &StrategyParams::takerFeePct),
        make("maker_fee_pct", L("Maker fee"), L("%"), G::Execution, K::Double, -0.99, 0.99, 0.001,
             3, false, &StrategyParams::makerFeePct),
        make("latency_ms", L("Order latency"), L("ms"), G::Execution, K::Int, 0, 60000, 1, 0, false,
             &StrategyParams::latencyMs),
    };
#undef L
}

bool isNameChar(char c) {
    return (c >= 'a' && c <= 'z') || c == '_';
}

// Position of `name` as a whole word in `text`, or npos.
std::size_t findWord(const std::string& text, std::string_view name) {
    for (std::size_t at = text.find(name); at != std::string::npos; at = text.find(name, at + 1)) {
        const bool before = at == 0 || !isNameChar(text[at - 1]);
        const std::size_t end = at + name.size();
        const bool after = end >= text.size() || !isNameChar(text[end]);
        if (before && after) {
            return at;
        }
    }
    return std::string::npos;
}

} // namespace

int ParamField::stepCount() const {
    return static_cast<int>(std::lround((max - min) / step));
}

int ParamField::sliderPosition(double value) const {
    const double clamped = std::clamp(value, min, max);
    return static_cast<int>(std::lround((clamped - min) / step));
}

double ParamField::valueAt(int position) const {
    // Rounded to the shown decimals, so 0.1 + 29 × 0.1 is 3, not 3.0000000000000004.
    const double scale = std::pow(10.0, decimals);
    return std::round((min + position * step) * scale) / scale;
}

const std::vector<ParamField>& paramFields() {
    static const std::vector<ParamField> table = buildTable();
    return table;
}

const ParamField* findParamField(std::string_view json) {
    const auto& table = paramFields();
    const auto it = std::find_if(table.begin(), table.end(),
                                 [&](const ParamField& f) { return json == f.json; });
    return it == table.end() ? nullptr : &*it;
}

QString paramLabel(const ParamField& field) {
    return QCoreApplication::translate(kContext, field.label);
}

QString paramUnit(const ParamField& field) {
    return *field.unit ? QCoreApplication::translate(kContext, field.unit) : QString();
}

QString paramGroupTitle(ParamGroup group) {
    switch (group) {
    case ParamGroup::Entry:
        return QCoreApplication::translate(kContext, "Entry");
    case ParamGroup::Exit:
        return QCoreApplication::translate(kContext, "Exit");
    case ParamGroup::Risk:
        return QCoreApplication::translate(kContext, "Risk");
    case ParamGroup::Sizing:
        return QCoreApplication::translate(kContext, "Sizing");
    case ParamGroup::Execution:
        return QCoreApplication::translate(kContext, "Execution");
    }
    return {};
}

QStringList paramChoices(const ParamField& field) {
    if (field.kind == ParamKind::Enum) { // imbalance_window: DepthWindow's order
        return {QCoreApplication::translate(kContext, "Top levels"),
                QCoreApplication::translate(kContext, "Within bps of the mid")};
    }
    if (field.kind == ParamKind::Bool) {
        return {QCoreApplication::translate(kContext, "Off"),
                QCoreApplication::translate(kContext, "On")};
    }
    return {};
}

QString paramRangeText(const ParamField& field) {
    const QLocale locale;
    QString text;
    if (field.kind == ParamKind::Int || field.kind == ParamKind::Double) {
        const QString unit = field.unit[0] ? QLatin1Char(' ') + paramUnit(field) : QString();
        text = QCoreApplication::translate(kContext, "%1 to %2%3, step %4")
                   .arg(locale.toString(field.min, 'f', field.decimals),
                        locale.toString(field.max, 'f', field.decimals), unit,
                        locale.toString(field.step, 'f', field.decimals));
    } else {
        text = paramChoices(field).join(QStringLiteral(" / "));
    }
    text += QStringLiteral(" (") + QString::fromLatin1(field.json) + QStringLiteral(")");
    if (!field.live) {
        text += QLatin1Char('\n') +
                QCoreApplication::translate(kContext, "A running session needs a restart to change "
                                                      "this.");
    }
    return text;
}

std::vector<const ParamField*> fieldsNamedIn(const std::string& message) {
    std::vector<std::pair<std::size_t, const ParamField*>> found;
    for (const ParamField& f : paramFields()) {
        const std::size_t at = findWord(message, f.json);
        if (at != std::string::npos) {
            found.emplace_back(at, &f);
        }
    }
    std::sort(found.begin(), found.end(),
              [](const auto& a, const auto& b) { return a.first < b.first; });
    std::vector<const ParamField*> out;
    for (const auto& [at, f] : found) {
        out.push_back(f);
    }
    if (!out.empty()) {
        for (const char* name : out.front()->related) {
            const ParamField* r = findParamField(name);
            if (r && std::find(out.begin(), out.end(), r) == out.end()) {
                out.push_back(r);
            }
        }
    }
    return out;
}

} // namespace hoga::gui
