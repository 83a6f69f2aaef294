#include "position.h"

#include "wide_int.h"

#include <cmath>

namespace hoga::core {

double Position::averagePriceTicks() const {
    return qty.lots == 0 ? 0.0
                         : static_cast<double>(entryNotional.units) / static_cast<double>(qty.lots);
}

Fixed8 unrealizedPnl(const Position& position, Price mark, const InstrumentSpec& spec) {
    if (position.flat()) {
        return {};
    }
    const Notional now = notionalOf(mark, position.qty);
    const std::int64_t diff = position.side == PositionSide::Long
                                  ? now.units - position.entryNotional.units
                                  : position.entryNotional.units - now.units;
    return spec.toFixed8(Notional{diff});
}

Price isolatedLiquidationPrice(const Position& position, int leverage, double mmrPct) {
    if (position.flat() || leverage <= 0) {
        return {};
    }
    // Rates as integers over 10⁶ keep the arithmetic exact: 1/L and mmr.
    const Int128 scale = 1'000'000;
    const Int128 invL = scale / leverage; // exact for L in 1…125 dividing 10⁶; close otherwise
    const Int128 mmr = static_cast<Int128>(std::llround(mmrPct * 10'000.0)); // % → ×10⁶
    const Int128 notional = position.entryNotional.units;
    const Int128 qty = position.qty.lots;
    if (position.side == PositionSide::Long) {
        const Int128 num = notional * (scale - invL);
        const Int128 den = qty * (scale - mmr);
        return Price{static_cast<std::int64_t>((num + den - 1) / den)}; // ceil: toward entry
    }
    const Int128 num = notional * (scale + invL);
    const Int128 den = qty * (scale + mmr);
    return Price{static_cast<std::int64_t>(num / den)}; // floor: toward entry
}

Fixed8 feeFor(Notional notional, std::int64_t rateE8, const InstrumentSpec& spec) {
    const Int128 value = static_cast<Int128>(spec.toFixed8(notional).e8) * rateE8;
    const Int128 half = Fixed8::kOne / 2;
    const Int128 rounded =
        value >= 0 ? (value + half) / Fixed8::kOne : (value - half) / Fixed8::kOne;
    return Fixed8{static_cast<std::int64_t>(rounded)};
}

std::string formatAveragePrice(Notional notional, Qty qty, const InstrumentSpec& spec,
                               int extraDecimals) {
    if (qty.lots == 0) {
        return {};
    }
    const Int128 scaled = static_cast<Int128>(notional.units) * spec.priceGrid.step *
                          powerOfTen(extraDecimals) / qty.lots;
    return formatScaled(static_cast<std::int64_t>(scaled), spec.priceGrid.decimals + extraDecimals);
}

std::int64_t percentToRateE8(double percent) {
    return std::llround(percent * 1'000'000.0);
}

} // namespace hoga::core
