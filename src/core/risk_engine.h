#pragma once

// Between the strategy and the order gateway: sizes entries and can deny them. Exits are never
// denied (a reduce-only close is always safer than an open position); the kill switch is the
// engine's, which flattens and halts.

#include "instrument.h"
#include "position.h"
#include "strategy_params.h"
#include "trading.h"

#include <cstdint>
#include <deque>
#include <string>

namespace hoga::core {

enum class TradingState : std::uint8_t { Active, ReducingOnly, Halted };
std::string_view tradingStateName(TradingState state);

struct RiskDecision {
    bool approved = false;
    Refusal refusal = Refusal::TradingHalted;
    Qty qty{};
    std::string detail; // the numbers behind a refusal
};

class RiskEngine {
public:
    RiskEngine(StrategyParams params, InstrumentSpec instrument);

    // Sizes a new position at `reference` (the price it would fill near) and checks every limit.
    // `equity` is the account's current equity in USDT.
    RiskDecision checkEntry(PositionSide side, Price reference, Fixed8 equity, std::int64_t nowMs,
                            bool bookVerified) const;

    void onOrderSent(std::int64_t nowMs);
    void onRoundTrip(const RoundTrip& trip);

    // New limits for the decisions to come. The starting capital stays (it is the account's).
    void setParams(const StrategyParams& params) { m_params = params; }
    void setState(TradingState state) { m_state = state; }
    [[nodiscard]] TradingState state() const { return m_state; }
    [[nodiscard]] Fixed8 startingCapital() const { return m_startingCapital; }
    [[nodiscard]] Fixed8 targetNotional(Fixed8 equity) const;

private:
    StrategyParams m_params;
    InstrumentSpec m_instrument;
    Fixed8 m_startingCapital;
    TradingState m_state = TradingState::Active;
    mutable std::deque<std::int64_t> m_orderTimes; // last minute of orders (event time)
    std::int64_t m_cooldownUntilMs = 0;
    std::int64_t m_day = -1; // UTC day of m_dayPnl
    Fixed8 m_dayPnl{};       // realised net PnL of that day
};

} // namespace hoga::core
