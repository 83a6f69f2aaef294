#pragma once

// One position at a time, with its exact cost: the entry notional is Σ ticks × lots of the entry
// fills, so the average price and the PnL never drift through rounding.

#include "instrument.h"
#include "trading.h"

#include <optional>
#include <string>

namespace hoga::core {

struct Position {
    PositionSide side = PositionSide::Flat;
    Qty qty{};
    Notional entryNotional{};
    std::int64_t entryTimeMs = 0;
    Fixed8 entryFees{};
    Fixed8 funding{};
    FeatureSnapshot atEntry;

    [[nodiscard]] bool flat() const { return side == PositionSide::Flat || qty.lots == 0; }
    // Average entry price in ticks (display only).
    [[nodiscard]] double averagePriceTicks() const;
};

// Exact arithmetic helpers over a position.
Fixed8 unrealizedPnl(const Position& position, Price mark, const InstrumentSpec& spec);
// Liquidation price estimate of an isolated position with leverage L and maintenance margin rate
// mmr (first bracket, no maintenance amount): long EP·(1 − 1/L)/(1 − mmr), short
// EP·(1 + 1/L)/(1 + mmr), rounded toward the entry (the conservative side).
Price isolatedLiquidationPrice(const Position& position, int leverage, double mmrPct);
// Fee of an execution: notional × rate, rounded half away from zero to 8 decimals.
Fixed8 feeFor(Notional notional, std::int64_t rateE8, const InstrumentSpec& spec);
// notional / qty as a decimal price with `extraDecimals` more digits than the price grid,
// rounded half away from zero ("61800.3333333333" for BTCUSDT with the default 8); empty when
// qty is zero. Exact integer arithmetic: the journal and the CSVs print the same string.
inline constexpr int kAveragePriceExtraDecimals = 8;
std::string formatAveragePrice(Notional notional, Qty qty, const DecimalGrid& priceGrid,
                               int extraDecimals = kAveragePriceExtraDecimals);
// A percentage as an exact rate ×10⁸ ("0.05" % → 50000).
std::int64_t percentToRateE8(double percent);

} // namespace hoga::core
