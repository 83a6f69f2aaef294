#include "risk_engine.h"

#include "wide_int.h"

#include <cmath>

namespace hoga::core {

std::string_view tradingStateName(TradingState state) {
    switch (state) {
    case TradingState::Active:
        return "active";
    case TradingState::ReducingOnly:
        return "reducing_only";
    case TradingState::Halted:
        return "halted";
    }
    return "invalid";
}

namespace {
Fixed8 usdt(double value) {
    return Fixed8{std::llround(value * static_cast<double>(Fixed8::kOne))};
}
constexpr std::int64_t kDayMs = 86'400'000;
constexpr std::int64_t kMinuteMs = 60'000;
} // namespace

RiskEngine::RiskEngine(StrategyParams params, InstrumentSpec instrument)
    : m_params(std::move(params)), m_instrument(std::move(instrument)),
      m_startingCapital(usdt(m_params.capitalKrw / m_params.krwPerUsdt)) {}

Fixed8 RiskEngine::targetNotional(Fixed8 equity) const {
    // The spec's position size, capped at capital × leverage and at the configured maximum.
    std::int64_t target = usdt(m_params.positionNotionalKrw / m_params.krwPerUsdt).e8;
    const std::int64_t byMargin = equity.e8 > 0 ? equity.e8 * m_params.leverage : 0;
    target = std::min(target, byMargin);
    if (m_params.maxNotionalUsdt > 0) {
        target = std::min(target, usdt(m_params.maxNotionalUsdt).e8);
    }
    return Fixed8{target};
}

RiskDecision RiskEngine::checkEntry(PositionSide side, Price reference, Fixed8 equity,
                                    std::int64_t nowMs, bool bookVerified) const {
    RiskDecision d;
    const auto refuse = [&](Refusal r, std::string detail) {
        d.approved = false;
        d.refusal = r;
        d.detail = std::move(detail);
        return d;
    };
    if (m_state != TradingState::Active) {
        return refuse(Refusal::TradingHalted, std::string(tradingStateName(m_state)));
    }
    if (!bookVerified) {
        return refuse(Refusal::BookUnverified, "book not proven in sync");
    }
    if (nowMs < m_cooldownUntilMs) {
        return refuse(Refusal::Cooldown,
                      "cool-down after stop until " + std::to_string(m_cooldownUntilMs));
    }
    if (m_params.dailyLossLimitPct > 0 && nowMs / kDayMs == m_day) {
        const Int128 limit = static_cast<Int128>(m_startingCapital.e8) *
                             std::llround(m_params.dailyLossLimitPct * 100.0) / 10000;
        if (-static_cast<Int128>(m_dayPnl.e8) >= limit) {
            return refuse(Refusal::DailyLoss, "daily loss " + formatFixed8(m_dayPnl));
        }
    }
    while (!m_orderTimes.empty() && m_orderTimes.front() <= nowMs - kMinuteMs) {
        m_orderTimes.pop_front();
    }
    if (static_cast<int>(m_orderTimes.size()) >= m_params.maxOrdersPerMinute) {
        return refuse(Refusal::RateLimit,
                      std::to_string(m_orderTimes.size()) + " orders in the last minute");
    }
    if (reference.ticks <= 0) {
        return refuse(Refusal::BookUnverified, "no reference price");
    }
    // Size: floor(target / value of one lot), so the order never exceeds the target.
    const Fixed8 target = targetNotional(equity);
    const std::int64_t lotValue = m_instrument.toFixed8(notionalOf(reference, Qty{1})).e8;
    const std::int64_t lots = lotValue > 0 ? target.e8 / lotValue : 0;
    d.qty = Qty{lots};
    if (d.qty < m_instrument.minQty || lots <= 0) {
        return refuse(Refusal::MinQty, "size " + m_instrument.formatQty(d.qty) + " below minQty " +
                                           m_instrument.formatQty(m_instrument.minQty));
    }
    const Fixed8 notional = m_instrument.toFixed8(notionalOf(reference, d.qty));
    if (notional < m_instrument.minNotional) {
        return refuse(Refusal::MinNotional, "notional " + formatFixed8(notional) +
                                                " below MIN_NOTIONAL " +
                                                formatFixed8(m_instrument.minNotional));
    }
    if (m_instrument.maxQty.lots > 0 && d.qty > m_instrument.marketMaxQty) {
        return refuse(Refusal::MaxNotional, "size above the market max quantity");
    }
    // The stop must trigger before an isolated liquidation would.
    Position hypothetical;
    hypothetical.side = side;
    hypothetical.qty = d.qty;
    hypothetical.entryNotional = notionalOf(reference, d.qty);
    const Price liquidation =
        isolatedLiquidationPrice(hypothetical, m_params.leverage, m_params.maintenanceMarginPct);
    const std::int64_t stopBps = std::llround(m_params.stopLossPct * 100.0);
    const Int128 stopScaled = static_cast<Int128>(reference.ticks) *
                              (side == PositionSide::Long ? 10000 - stopBps : 10000 + stopBps);
    const Int128 liqScaled = static_cast<Int128>(liquidation.ticks) * 10000;
    if ((side == PositionSide::Long && stopScaled <= liqScaled) ||
        (side == PositionSide::Short && stopScaled >= liqScaled)) {
        return refuse(Refusal::StopBeyondLiquidation,
                      "liquidation near " + m_instrument.formatPrice(liquidation));
    }
    d.approved = true;
    return d;
}

void RiskEngine::onOrderSent(std::int64_t nowMs) {
    m_orderTimes.push_back(nowMs);
}

void RiskEngine::onRoundTrip(const RoundTrip& trip) {
    const std::int64_t day = trip.exitTimeMs / kDayMs;
    if (day != m_day) {
        m_day = day;
        m_dayPnl = {};
    }
    m_dayPnl.e8 += trip.netPnl.e8;
    if (trip.exitReason == ExitReason::StopLoss || trip.exitReason == ExitReason::Liquidation) {
        m_cooldownUntilMs = trip.exitTimeMs + m_params.cooldownAfterStopMs;
    }
}

} // namespace hoga::core
