#pragma once

// One account's money and its one-way BTCUSDT position: wallet balance, leverage, margin type and
// the position's exact entry cost. Fills move the position and book realized PnL and fees into the
// wallet; margins, unrealized PnL and the liquidation price are derived from a mark price.
//
// Model (stated, simplified from Binance): one maintenance margin rate (BTCUSDT's first bracket,
// 0.4 %) and no maintenance amount; cross margin backs the position with the whole wallet,
// isolated with the margin put in when it was opened (entry notional / leverage).

#include "core/instrument.h"
#include "sim/trading_types.h"

#include <cstdint>
#include <string>

namespace hoga::sim {

inline constexpr std::int64_t kMaintMarginRateE6 = 4000; // 0.4 %

struct SimPosition {
    std::int64_t lots = 0;          // signed: > 0 long, < 0 short
    core::Notional entryNotional{}; // Σ ticks × lots of the open part, always >= 0
    core::Fixed8 isolatedWallet{};  // isolated margin type only
    std::int64_t updateTimeMs = 0;
};

class AccountLedger {
public:
    AccountLedger(core::Fixed8 startingBalance, const core::InstrumentSpec& spec)
        : m_wallet(startingBalance), m_spec(&spec) {}

    // Books one execution; returns the realized PnL (before the fee). The wallet moves by
    // realized − fee.
    core::Fixed8 applyFill(core::Side side, core::Price price, core::Qty qty, core::Fixed8 fee,
                           std::int64_t timeMs);

    // Funding at a funding time: the income (+ received, − paid) of the open position, its
    // notional at `mark` times `rate`, longs paying a positive rate and shorts receiving it:
    // −lots × mark × rate, computed exactly and rounded once, half away from zero, to 1e-8 USDT.
    [[nodiscard]] core::Fixed8 fundingFee(core::Fixed8 mark, core::Fixed8 rate) const;
    // Books a funding income: the wallet moves, and so does an isolated position's margin.
    void applyFunding(core::Fixed8 income);
    // Restores a saved state (sim/state_file.h).
    void restore(core::Fixed8 wallet, const SimPosition& position, int leverage, MarginType type) {
        m_wallet = wallet;
        m_position = position;
        m_leverage = leverage;
        m_marginType = type;
    }

    [[nodiscard]] const SimPosition& position() const { return m_position; }
    [[nodiscard]] core::Fixed8 wallet() const { return m_wallet; }
    [[nodiscard]] int leverage() const { return m_leverage; }
    void setLeverage(int leverage) { m_leverage = leverage; }
    [[nodiscard]] MarginType marginType() const { return m_marginType; }
    void setMarginType(MarginType type) { m_marginType = type; }

    // Quantity of an order on `side` that would reduce the position (0 when it would add).
    [[nodiscard]] core::Qty reducible(core::Side side) const;

    // Money derived at a mark price (Fixed8, 8 decimals).
    [[nodiscard]] core::Fixed8 notional(core::Fixed8 mark) const; // signed
    [[nodiscard]] core::Fixed8 unrealizedPnl(core::Fixed8 mark) const;
    [[nodiscard]] core::Fixed8 initialMargin(core::Fixed8 mark) const;
    [[nodiscard]] core::Fixed8 maintMargin(core::Fixed8 mark) const;
    // Wallet + cross unrealized PnL − position and open-order initial margin − isolated wallet.
    [[nodiscard]] core::Fixed8 available(core::Fixed8 mark, core::Fixed8 openOrderMargin) const;
    // The mark price at which the position's margin falls to its maintenance margin; 0 when flat
    // or when no positive price would do it.
    [[nodiscard]] core::Fixed8 liquidationPrice() const;
    // Average entry price, and the price that also pays back the taker fee of closing.
    [[nodiscard]] std::string entryPriceText() const;
    [[nodiscard]] core::Fixed8 breakEvenPrice(std::int64_t takerRateE8) const;

    // Fixed8 conversions on this symbol's grids.
    [[nodiscard]] core::Fixed8 priceE8(core::Price price) const;
    [[nodiscard]] core::Fixed8 valueAt(core::Fixed8 price, core::Qty qty) const; // price × qty

private:
    void open(core::Price price, core::Qty qty, std::int64_t sign);

    core::Fixed8 m_wallet;
    const core::InstrumentSpec* m_spec;
    SimPosition m_position;
    int m_leverage = 20; // Binance's default for a new BTCUSDT account
    MarginType m_marginType = MarginType::Crossed;
};

} // namespace hoga::sim
