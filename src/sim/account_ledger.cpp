#include "account_ledger.h"

#include "core/position.h"
#include "core/wide_int.h"

#include <cstdlib>

namespace hoga::sim {

using core::Fixed8;
using core::Int128;

namespace {
std::int64_t roundDiv(Int128 num, Int128 den) {
    // half away from zero; den > 0
    const Int128 half = den / 2;
    return static_cast<std::int64_t>(num >= 0 ? (num + half) / den : (num - half) / den);
}
} // namespace

Fixed8 AccountLedger::priceE8(core::Price price) const {
    return Fixed8{price.ticks * m_spec->priceGrid.step *
                  core::powerOfTen(Fixed8::kDecimals - m_spec->priceGrid.decimals)};
}

Fixed8 AccountLedger::valueAt(Fixed8 price, core::Qty qty) const {
    const Int128 num = static_cast<Int128>(price.e8) * qty.lots * m_spec->qtyGrid.step;
    return Fixed8{roundDiv(num, core::powerOfTen(m_spec->qtyGrid.decimals))};
}

void AccountLedger::open(core::Price price, core::Qty qty, std::int64_t sign) {
    m_position.lots += sign * qty.lots;
    m_position.entryNotional += core::notionalOf(price, qty);
    if (m_marginType == MarginType::Isolated) {
        const Fixed8 value = m_spec->toFixed8(core::notionalOf(price, qty));
        m_position.isolatedWallet.e8 += value.e8 / m_leverage;
    }
}

Fixed8 AccountLedger::applyFill(core::Side side, core::Price price, core::Qty qty, Fixed8 fee,
                                std::int64_t timeMs) {
    const std::int64_t sign = side == core::Side::Buy ? 1 : -1;
    SimPosition& p = m_position;
    p.updateTimeMs = timeMs;
    Fixed8 realized{};
    if (p.lots == 0 || (p.lots > 0) == (sign > 0)) {
        open(price, qty, sign);
    } else {
        const std::int64_t held = std::llabs(p.lots);
        const std::int64_t closing = std::min(held, qty.lots);
        // The closed part takes its share of the entry cost (rounded to a notional unit, 0.0001
        // USDT for BTCUSDT); what stays keeps the rest, so nothing is lost over many fills.
        const auto removed =
            core::Notional{roundDiv(static_cast<Int128>(p.entryNotional.units) * closing, held)};
        const core::Notional exit = core::notionalOf(price, core::Qty{closing});
        realized = m_spec->toFixed8(
            core::Notional{p.lots > 0 ? exit.units - removed.units : removed.units - exit.units});
        const Fixed8 releasedMargin{
            roundDiv(static_cast<Int128>(p.isolatedWallet.e8) * closing, held)};
        p.entryNotional.units -= removed.units;
        p.isolatedWallet.e8 -= releasedMargin.e8;
        p.lots += sign * closing;
        if (p.lots == 0) {
            p.entryNotional = {};
            p.isolatedWallet = {};
        }
        if (qty.lots > closing) {
            open(price, core::Qty{qty.lots - closing}, sign); // the fill reversed the position
        }
    }
    m_wallet.e8 += realized.e8 - fee.e8;
    return realized;
}

Fixed8 AccountLedger::fundingFee(Fixed8 mark, Fixed8 rate) const {
    // lots × step / 10^qtyDecimals BTC × mark.e8 × rate.e8 / 10^8 → 10^-8 USDT.
    const Int128 num =
        static_cast<Int128>(m_position.lots) * m_spec->qtyGrid.step * mark.e8 * rate.e8;
    const Int128 den =
        static_cast<Int128>(core::powerOfTen(m_spec->qtyGrid.decimals)) * Fixed8::kOne;
    return Fixed8{-roundDiv(num, den)};
}

void AccountLedger::applyFunding(Fixed8 income) {
    m_wallet.e8 += income.e8;
    if (m_marginType == MarginType::Isolated && m_position.lots != 0) {
        m_position.isolatedWallet.e8 += income.e8;
    }
}

core::Qty AccountLedger::reducible(core::Side side) const {
    const std::int64_t lots = m_position.lots;
    if ((side == core::Side::Sell && lots > 0) || (side == core::Side::Buy && lots < 0)) {
        return core::Qty{std::llabs(lots)};
    }
    return {};
}

Fixed8 AccountLedger::notional(Fixed8 mark) const {
    return valueAt(mark, core::Qty{m_position.lots});
}

Fixed8 AccountLedger::unrealizedPnl(Fixed8 mark) const {
    if (m_position.lots == 0) {
        return {};
    }
    const Fixed8 entry = m_spec->toFixed8(m_position.entryNotional);
    const Fixed8 now = valueAt(mark, core::Qty{std::llabs(m_position.lots)});
    return Fixed8{m_position.lots > 0 ? now.e8 - entry.e8 : entry.e8 - now.e8};
}

Fixed8 AccountLedger::initialMargin(Fixed8 mark) const {
    return Fixed8{std::llabs(notional(mark).e8) / m_leverage};
}

Fixed8 AccountLedger::maintMargin(Fixed8 mark) const {
    return Fixed8{roundDiv(static_cast<Int128>(std::llabs(notional(mark).e8)) * kMaintMarginRateE6,
                           1'000'000)};
}

Fixed8 AccountLedger::available(Fixed8 mark, Fixed8 openOrderMargin) const {
    std::int64_t value = m_wallet.e8 - openOrderMargin.e8;
    if (m_marginType == MarginType::Crossed) {
        value += unrealizedPnl(mark).e8 - initialMargin(mark).e8;
    } else {
        value -= m_position.isolatedWallet.e8;
    }
    return Fixed8{value};
}

Fixed8 AccountLedger::liquidationPrice() const {
    const SimPosition& p = m_position;
    if (p.lots == 0) {
        return {};
    }
    // Long: margin + (P − E)·q = mmr·P·q  →  P = (E·q − margin) / (q·(1 − mmr));
    // short: margin + (E − P)·q = mmr·P·q → P = (E·q + margin) / (q·(1 + mmr)).
    const Int128 entry = m_spec->toFixed8(p.entryNotional).e8;
    const Int128 margin = m_marginType == MarginType::Isolated ? p.isolatedWallet.e8 : m_wallet.e8;
    const Int128 qtyScale = core::powerOfTen(m_spec->qtyGrid.decimals);
    const Int128 lots = static_cast<Int128>(std::llabs(p.lots)) * m_spec->qtyGrid.step;
    const Int128 num = (p.lots > 0 ? entry - margin : entry + margin) * qtyScale * 1'000'000;
    const Int128 den =
        lots * (p.lots > 0 ? 1'000'000 - kMaintMarginRateE6 : 1'000'000 + kMaintMarginRateE6);
    if (num <= 0) {
        return {};
    }
    return Fixed8{roundDiv(num, den)};
}

std::string AccountLedger::entryPriceText() const {
    if (m_position.lots == 0) {
        return "0.0";
    }
    return core::formatAveragePrice(m_position.entryNotional,
                                    core::Qty{std::llabs(m_position.lots)}, m_spec->priceGrid,
                                    Fixed8::kDecimals - m_spec->priceGrid.decimals);
}

Fixed8 AccountLedger::breakEvenPrice(std::int64_t takerRateE8) const {
    if (m_position.lots == 0) {
        return {};
    }
    const Int128 entry = m_spec->toFixed8(m_position.entryNotional).e8;
    const Int128 qtyScale = core::powerOfTen(m_spec->qtyGrid.decimals);
    const Int128 lots = static_cast<Int128>(std::llabs(m_position.lots)) * m_spec->qtyGrid.step;
    const Int128 one = Fixed8::kOne;
    const Int128 factor = m_position.lots > 0 ? one + takerRateE8 : one - takerRateE8;
    return Fixed8{roundDiv(entry * qtyScale * factor, lots * one)};
}

} // namespace hoga::sim
