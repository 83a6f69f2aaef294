#include "instrument.h"

#include "wide_int.h"

namespace hoga::core {

ScaledValue DecimalGrid::parse(std::string_view text) const {
    ScaledValue scaled = parseScaled(text, decimals);
    if (!scaled.ok()) {
        return scaled;
    }
    if (step != 1) {
        if (scaled.value % step != 0) {
            return {0, DecimalError::OffGrid};
        }
        scaled.value /= step;
    }
    return scaled;
}

void DecimalGrid::append(std::string& out, std::int64_t units) const {
    appendScaled(out, units * step, decimals);
}

std::string DecimalGrid::format(std::int64_t units) const {
    std::string out;
    append(out, units);
    return out;
}

bool DecimalGrid::fromStep(std::string_view stepText, int precision, DecimalGrid& out) {
    const auto dot = stepText.find('.');
    const std::string_view fraction =
        dot == std::string_view::npos ? std::string_view{} : stepText.substr(dot + 1);
    const int written = static_cast<int>(fraction.size());
    // Significant decimals of the step itself: "0.10" has one.
    int significant = written;
    while (significant > 0 && fraction[static_cast<std::size_t>(significant - 1)] == '0') {
        --significant;
    }
    const int decimalsToUse =
        precision >= 0 ? (precision > significant ? precision : significant) : written;
    if (decimalsToUse > 18) {
        return false;
    }
    const ScaledValue step = parseScaled(stepText, decimalsToUse);
    if (!step.ok() || step.value <= 0) {
        return false;
    }
    out.decimals = decimalsToUse;
    out.step = step.value;
    return true;
}

std::string InstrumentSpec::formatNotional(Notional n) const {
    // units × step_p × step_q at decimals_p + decimals_q.
    Int128 scaled = static_cast<Int128>(n.units) * priceGrid.step * qtyGrid.step;
    std::int64_t value = static_cast<std::int64_t>(scaled);
    return formatScaled(value, priceGrid.decimals + qtyGrid.decimals);
}

Fixed8 InstrumentSpec::toFixed8(Notional n) const {
    const int decimals = priceGrid.decimals + qtyGrid.decimals;
    Int128 scaled = static_cast<Int128>(n.units) * priceGrid.step * qtyGrid.step;
    if (decimals <= Fixed8::kDecimals) {
        scaled *= powerOfTen(Fixed8::kDecimals - decimals);
    } else {
        scaled /= powerOfTen(decimals - Fixed8::kDecimals);
    }
    return Fixed8{static_cast<std::int64_t>(scaled)};
}

InstrumentSpec InstrumentSpec::btcusdtDefaults() {
    InstrumentSpec spec;
    spec.symbol = "BTCUSDT";
    spec.priceGrid = DecimalGrid{2, 10};
    spec.qtyGrid = DecimalGrid{3, 1};
    // Only the filters documented in API_FACTS.md §6; prices are not range-checked until
    // exchangeInfo supplies minPrice/maxPrice (0 means "not known").
    spec.minQty = Qty{1};             // 0.001
    spec.maxQty = Qty{1000000};       // 1000 (LOT_SIZE, 2021 capture)
    spec.marketMaxQty = Qty{1000000}; // 1000 (MARKET_LOT_SIZE, 2021 capture)
    spec.minNotional = Fixed8{100 * Fixed8::kOne};
    spec.maxOpenOrders = 200;
    spec.maxOpenAlgoOrders = 10;
    return spec;
}

ScaledValue parseFixed8(std::string_view text) {
    return parseScaled(text, Fixed8::kDecimals, /*allowNegative=*/true);
}

std::string formatFixed8(Fixed8 value) {
    return formatScaled(value.e8, Fixed8::kDecimals);
}

} // namespace hoga::core
