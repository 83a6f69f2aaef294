#pragma once

// The engine loop: one thread owns the features, the strategy, the risk engine, the position and
// the account, and sees the market only through events in order. Every mode — backtest, paper,
// testnet, live — runs this class unchanged; what differs is the OrderGateway wired to it and
// where the events come from. Time is read only from the events.

#include "core/candles.h"
#include "core/features.h"
#include "core/order_flow_strategy.h"
#include "core/order_gateway.h"
#include "core/orderbook.h"
#include "core/risk_engine.h"
#include "engine/journal.h"
#include "engine/resume_state.h"

#include <array>
#include <climits>
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>

namespace hoga::engine {

// What just happened in the market; the state it left is in MarketState.
struct MarketInput {
    enum class Kind : std::uint8_t { BookUpdate, Trade, Ticker, MarkPrice, Other };
    Kind kind = Kind::Other;
    std::int64_t timeMs = 0;                     // exchange event time
    const core::Trade* trade = nullptr;          // Kind::Trade
    const core::MarkPriceUpdate* mark = nullptr; // Kind::MarkPrice
};

struct MarketState {
    const core::OrderBook& book;
    const core::CandleAggregator& candles;
    bool bookVerified = false;           // in sync and not crossed (live: and the feed healthy)
    std::string_view unverifiedReason{}; // why not, for the refusal record (may be empty)
};

struct EngineStats {
    std::int64_t events = 0;
    std::int64_t roundTrips = 0;
    std::int64_t wins = 0;
    std::int64_t losses = 0;
    core::Fixed8 grossPnl{};
    core::Fixed8 fees{};
    core::Fixed8 funding{};
    core::Fixed8 netPnl{};
    std::array<std::int64_t, core::kExitReasonCount> exitReasons{};
    std::array<std::int64_t, core::kRefusalCount> refusals{}; // once per candle and reason
    std::int64_t ordersSent = 0;
    std::int64_t unfilledOrders = 0; // market orders the book could not fill completely
    std::int64_t fundingPayments = 0;
    std::int64_t exposureMs = 0;  // time with an open position
    std::int64_t holdMsTotal = 0; // Σ hold time of round trips
    std::int64_t firstEventMs = 0;
    std::int64_t lastEventMs = 0;
    core::Fixed8 peakEquity{};
    double maxDrawdownPct = 0; // largest fall from a peak, % of that peak
};

class TradingEngine : private core::ExecutionListener {
public:
    TradingEngine(core::InstrumentSpec instrument, core::StrategyParams params, std::string runId,
                  Journal* journal);

    // The gateway that executes this engine's orders, and reports back to it.
    void setGateway(core::OrderGateway* gateway) { m_gateway = gateway; }
    core::ExecutionListener& executionListener() { return *this; }

    void onMarket(const MarketInput& input, const MarketState& state);

    // New entries only for market times in [startMs, endMs); exits always. Used to split a
    // recording into in-sample and out-of-sample parts that both start from a warm state.
    void setEntryWindow(std::int64_t startMs, std::int64_t endMs) {
        m_entryStartMs = startMs;
        m_entryEndMs = endMs;
    }

    // Continues the account of an earlier run (a restart: storage::loadResumeState): balance,
    // open position with its partial exit, counters, funding already booked, and what the risk
    // engine must remember (the day's PnL, a stop's cool-down, the last minute's orders). Only
    // before the first market event; false with `error` otherwise or for an inconsistent state.
    // The restored position is then managed exactly as one this engine opened; an exit that was
    // under way is sent again on the next event. The journal gets nothing: the caller records
    // the new run (resumedFrom = state.runId, startingBalance = balance()).
    bool restore(const ResumeState& state, std::string& error);

    // New thresholds while running (the GUI's sliders): validated, then used from the next event
    // on; an open position is kept and managed by the new exit rules. Fields that the market
    // data path, the broker or the account were built with (candle interval, capital, fees,
    // latency) need a restart: changing them is refused with the names in `error`.
    bool applyParams(const core::StrategyParams& params, std::string& error);

    // End of data: close an open position at market (reason end_of_data).
    void finish(const MarketState& state);
    // Kill switch: halt, then flatten at market.
    void killSwitch(const MarketState& state);

    [[nodiscard]] const EngineStats& stats() const { return m_stats; }
    [[nodiscard]] const core::Position& position() const { return m_position; }
    [[nodiscard]] core::Fixed8 balance() const { return m_balance; }
    [[nodiscard]] core::Fixed8 equity(const MarketState& state) const;
    [[nodiscard]] const core::RiskEngine& risk() const { return m_risk; }
    [[nodiscard]] const core::StrategyParams& params() const { return m_strategy.params(); }
    // Consecutive closed candles below the fade threshold while in a position (for displays).
    [[nodiscard]] int fadeStreak() const { return m_strategy.fadeStreak(); }
    // The features of the last evaluation that needed them (in a position: every event; flat:
    // events with a volume burst). A display computes its own at its own pace.
    [[nodiscard]] const core::FeatureSnapshot& lastFeatures() const { return m_lastFeatures; }

private:
    void onFill(const core::Fill& fill) override;
    void onOrderFinished(const std::string& clientOrderId, core::Qty filled, core::Qty unfilled,
                         std::string_view reason) override;

    void handleCandleCloses(const MarketState& state);
    void handleTrade(const core::Trade& trade, const MarketState& state);
    void handleFunding(const MarketInput& input);
    void considerEntry(const MarketState& state);
    void submitExit(core::ExitReason reason, std::int64_t nowMs);
    void submit(core::Side side, core::Qty qty, bool reduceOnly, std::string_view purpose,
                std::int64_t nowMs);
    void closeAt(core::Price price, std::int64_t timeMs, core::ExitReason reason); // liquidation
    void completeRoundTrip(std::int64_t timeMs);
    void refuse(core::Refusal refusal, core::PositionSide side, std::string detail);
    void trackEquity(const MarketState& state);

    core::InstrumentSpec m_instrument;
    core::OrderFlowStrategy m_strategy;
    core::FeatureTracker m_features;
    core::RiskEngine m_risk;
    std::string m_runId;
    Journal* m_journal;
    core::OrderGateway* m_gateway = nullptr;

    core::Position m_position;
    core::Fixed8 m_balance;
    core::Notional m_exitNotional{}; // of the position being closed
    core::Notional m_closedEntryNotional{};
    core::Qty m_closedQty{};
    core::Fixed8 m_exitFees{};
    std::optional<core::ExitReason> m_exitReason; // set while an exit is wanted or in flight
    bool m_orderInFlight = false;
    core::OrderRequest m_inFlight; // the order the gateway is working on
    std::int64_t m_orderSequence = 0;
    std::int64_t m_tripSequence = 0;
    std::int64_t m_nowMs = 0;
    std::int64_t m_seenClosedCandles = 0;
    std::int64_t m_lastRefusalCandle[core::kRefusalCount] = {};
    core::FeatureSnapshot m_lastFeatures;
    core::FeatureSnapshot m_entryFeatures; // features at the decision of the pending entry
    std::optional<core::MarkPriceUpdate> m_lastMark;
    std::int64_t m_fundingPaidFor = 0; // funding time already applied
    core::Price m_lastTradePrice{};
    std::int64_t m_entryStartMs = INT64_MIN;
    std::int64_t m_entryEndMs = INT64_MAX;
    EngineStats m_stats;
};

} // namespace hoga::engine
