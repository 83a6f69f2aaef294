#pragma once

// Strong integer types for the exact numbers of trading. A Price counts ticks of the instrument's
// tickSize, a Qty counts lots of its stepSize; neither is ever a double, so they can key maps,
// compare exactly and print back the string Binance sent.

#include <compare>
#include <cstdint>

namespace hoga::core {

struct Price {
    std::int64_t ticks = 0;
    constexpr auto operator<=>(const Price&) const = default;
};

struct Qty {
    std::int64_t lots = 0;
    constexpr auto operator<=>(const Qty&) const = default;
    constexpr Qty& operator+=(Qty other) {
        lots += other.lots;
        return *this;
    }
    constexpr Qty& operator-=(Qty other) {
        lots -= other.lots;
        return *this;
    }
    friend constexpr Qty operator+(Qty a, Qty b) { return Qty{a.lots + b.lots}; }
    friend constexpr Qty operator-(Qty a, Qty b) { return Qty{a.lots - b.lots}; }
    [[nodiscard]] constexpr bool isZero() const { return lots == 0; }
};

// price × quantity in units of (tickSize × stepSize) of the quote asset. For BTCUSDT that is
// 0.10 × 0.001 = 0.0001 USDT: a 1,000,000-USDT book side is 10^10 units, far inside int64.
struct Notional {
    std::int64_t units = 0;
    constexpr auto operator<=>(const Notional&) const = default;
    constexpr Notional& operator+=(Notional other) {
        units += other.units;
        return *this;
    }
};

constexpr Notional notionalOf(Price price, Qty qty) {
    return Notional{price.ticks * qty.lots};
}

// A value with exactly 8 decimals (value × 10^8), for numbers that are not on the tick or step
// grid: mark and index prices, funding rates, quote volumes, commissions, balances. Binance never
// sends more than 8 decimals.
struct Fixed8 {
    static constexpr int kDecimals = 8;
    static constexpr std::int64_t kOne = 100000000;
    std::int64_t e8 = 0;
    constexpr auto operator<=>(const Fixed8&) const = default;
};

enum class Side : std::uint8_t { Buy, Sell };

constexpr Side opposite(Side side) {
    return side == Side::Buy ? Side::Sell : Side::Buy;
}

} // namespace hoga::core
