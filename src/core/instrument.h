#pragma once

// The trading rules of one symbol: the price and quantity grids and the exchange filters.
// Values come from exchangeInfo at run time; the BTCUSDT defaults are only a starting point.

#include "decimal.h"
#include "price.h"

#include <string>
#include <string_view>

namespace hoga::core {

// A grid of values `step × k`, written with `decimals` digits after the dot. For BTCUSDT prices
// step is 10 at 2 decimals (tickSize 0.10, printed "61800.30"); for quantities 1 at 3 decimals.
struct DecimalGrid {
    int decimals = 0;
    std::int64_t step = 1; // in units of 10^-decimals, > 0

    // "61800.30" → 618003 ticks. Off-grid values are an error, not silently rounded.
    [[nodiscard]] ScaledValue parse(std::string_view text) const;
    // 618003 → "61800.30"
    [[nodiscard]] std::string format(std::int64_t units) const;
    void append(std::string& out, std::int64_t units) const;

    // Builds a grid from a filter string ("0.10") and an optional display precision (Binance's
    // pricePrecision / quantityPrecision, or -1 to use the digits written in `stepText`).
    static bool fromStep(std::string_view stepText, int precision, DecimalGrid& out);
    bool operator==(const DecimalGrid&) const = default;
};

struct InstrumentSpec {
    std::string symbol;
    DecimalGrid priceGrid;
    DecimalGrid qtyGrid;
    Price minPrice{};
    Price maxPrice{};
    Qty minQty{};
    Qty maxQty{};
    Qty marketMaxQty{};
    Fixed8 minNotional{};      // quote asset, from the MIN_NOTIONAL filter
    int maxOpenOrders = 0;     // MAX_NUM_ORDERS
    int maxOpenAlgoOrders = 0; // MAX_NUM_ALGO_ORDERS

    [[nodiscard]] ScaledValue parsePrice(std::string_view text) const {
        return priceGrid.parse(text);
    }
    [[nodiscard]] ScaledValue parseQty(std::string_view text) const { return qtyGrid.parse(text); }
    [[nodiscard]] std::string formatPrice(Price p) const { return priceGrid.format(p.ticks); }
    [[nodiscard]] std::string formatQty(Qty q) const { return qtyGrid.format(q.lots); }
    // Exact notional in the quote asset, e.g. "1234.5670000" for BTCUSDT (2 + 3 decimals + ...).
    [[nodiscard]] std::string formatNotional(Notional n) const;
    // Notional as Fixed8 (exact: tick × step always has at most 8 decimals for Binance symbols).
    [[nodiscard]] Fixed8 toFixed8(Notional n) const;

    // BTCUSDT as exchangeInfo described it in 2024-2025: tickSize 0.10, stepSize 0.001,
    // minQty 0.001, maxQty 1000 (market 120), MIN_NOTIONAL 100.
    static InstrumentSpec btcusdtDefaults();
};

// Fixed8 helpers.
ScaledValue parseFixed8(std::string_view text);
std::string formatFixed8(Fixed8 value);

} // namespace hoga::core
