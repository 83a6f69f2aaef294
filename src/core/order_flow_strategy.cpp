#include "order_flow_strategy.h"

#include "wide_int.h"

#include <cmath>

namespace hoga::core {

OrderFlowStrategy::OrderFlowStrategy(StrategyParams params)
    : m_params(std::move(params)), m_stopBps(std::llround(m_params.stopLossPct * 100.0)),
      m_takeProfitBps(std::llround(m_params.takeProfitPct * 100.0)) {}

void OrderFlowStrategy::setParams(const StrategyParams& params) {
    m_params = params;
    m_stopBps = std::llround(m_params.stopLossPct * 100.0);
    m_takeProfitBps = std::llround(m_params.takeProfitPct * 100.0);
}

EntryConditions OrderFlowStrategy::entryConditions(const FeatureSnapshot& f) const {
    EntryConditions c;
    c.volumeBurst = f.volumeRatio >= m_params.volumeBurstRatio;
    c.imbalanceLong = f.imbalance >= m_params.imbalanceEntry;
    c.imbalanceShort = f.imbalance <= -m_params.imbalanceEntry;
    // A zero threshold would make "no move" count in both directions: a move must be a move.
    c.momentumLong = f.momentumBps >= m_params.momentumBps && f.momentumBps > 0;
    c.momentumShort = f.momentumBps <= -m_params.momentumBps && f.momentumBps < 0;
    if (m_params.takerShareFilter) {
        c.takerLong = f.takerBuyShare >= m_params.takerShareMin;
        c.takerShort = 1.0 - f.takerBuyShare >= m_params.takerShareMin;
    }
    return c;
}

std::optional<PositionSide> OrderFlowStrategy::entrySignal(const FeatureSnapshot& f) const {
    const EntryConditions c = entryConditions(f);
    if (c.longEntry()) {
        return PositionSide::Long;
    }
    if (c.shortEntry()) {
        return PositionSide::Short;
    }
    return std::nullopt;
}

std::optional<ExitReason> OrderFlowStrategy::featureExit(const FeatureSnapshot& f,
                                                         const Position& position) const {
    if (position.flat()) {
        return std::nullopt;
    }
    const bool isLong = position.side == PositionSide::Long;
    if ((isLong && f.imbalance <= -m_params.imbalanceExit) ||
        (!isLong && f.imbalance >= m_params.imbalanceExit)) {
        return ExitReason::ImbalanceReversal;
    }
    if (m_params.maxHoldMs > 0 && f.timeMs - position.entryTimeMs >= m_params.maxHoldMs) {
        return ExitReason::MaxHold;
    }
    return std::nullopt;
}

std::optional<ExitReason> OrderFlowStrategy::priceExit(Price tradePrice,
                                                       const Position& position) const {
    if (position.flat()) {
        return std::nullopt;
    }
    // Compare price × qty × 10⁴ with entry notional × (10⁴ ∓ bps): exact, no average price.
    const Int128 now = static_cast<Int128>(tradePrice.ticks) * position.qty.lots * 10000;
    const Int128 entry = position.entryNotional.units;
    if (position.side == PositionSide::Long) {
        if (now <= entry * (10000 - m_stopBps)) {
            return ExitReason::StopLoss;
        }
        if (m_takeProfitBps > 0 && now >= entry * (10000 + m_takeProfitBps)) {
            return ExitReason::TakeProfit;
        }
    } else {
        if (now >= entry * (10000 + m_stopBps)) {
            return ExitReason::StopLoss;
        }
        if (m_takeProfitBps > 0 && now <= entry * (10000 - m_takeProfitBps)) {
            return ExitReason::TakeProfit;
        }
    }
    return std::nullopt;
}

bool OrderFlowStrategy::onCandleClosed(double closedVolumeRatio, bool inPosition) {
    if (!inPosition) {
        m_fadeStreak = 0;
        return false;
    }
    m_fadeStreak = closedVolumeRatio < m_params.volumeFadeRatio ? m_fadeStreak + 1 : 0;
    return m_fadeStreak >= m_params.volumeFadeCandles;
}

} // namespace hoga::core
