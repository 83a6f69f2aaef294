#include "position.h"

#include "wide_int.h"

#include <algorithm>
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

namespace {
// value / 10^decimals with exactly `decimals` digits after the dot; formatScaled() for Int128.
std::string formatScaled128(Int128 value, int decimals) {
    const bool negative = value < 0;
    // Digits of |value|, least significant first; negated digit by digit so that the minimum
    // value cannot overflow.
    std::string digits;
    do {
        const int digit = static_cast<int>(value % 10);
        digits.push_back(static_cast<char>('0' + (digit < 0 ? -digit : digit)));
        value /= 10;
    } while (value != 0);
    while (static_cast<int>(digits.size()) <= decimals) {
        digits.push_back('0');
    }
    std::reverse(digits.begin(), digits.end());
    std::string out;
    if (negative) {
        out.push_back('-');
    }
    const std::size_t integerDigits = digits.size() - static_cast<std::size_t>(decimals);
    out.append(digits, 0, integerDigits);
    if (decimals > 0) {
        out.push_back('.');
        out.append(digits, integerDigits, std::string::npos);
    }
    return out;
}

} // namespace

std::string formatAveragePrice(Notional notional, Qty qty, const DecimalGrid& priceGrid,
                               int extraDecimals) {
    if (qty.lots == 0) {
        return {};
    }
    // notional units are ticks × lots, so units / lots is a count of ticks and
    // units × step / lots counts 10^-decimals. Scaling by 10^extra first keeps the extra digits.
    // Magnitude: 10^14 units (10^10 USDT of BTCUSDT) × step 10 × 10^8 = 10^23, far inside Int128.
    Int128 numerator =
        static_cast<Int128>(notional.units) * priceGrid.step * powerOfTen(extraDecimals);
    Int128 denominator = qty.lots;
    if (denominator < 0) {
        numerator = -numerator;
        denominator = -denominator;
    }
    Int128 quotient = numerator / denominator;
    const Int128 remainder = numerator % denominator; // same sign as numerator
    const Int128 twiceRemainder = remainder < 0 ? -2 * remainder : 2 * remainder;
    if (twiceRemainder >= denominator) {
        quotient += numerator < 0 ? -1 : 1; // half away from zero
    }
    return formatScaled128(quotient, priceGrid.decimals + extraDecimals);
}

std::int64_t percentToRateE8(double percent) {
    return std::llround(percent * 1'000'000.0);
}

} // namespace hoga::core
