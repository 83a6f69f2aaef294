#pragma once

// Every threshold of the order-flow strategy, its risk limits and the paper fill model, in one
// validated struct. Ratios and percentages are doubles (they are thresholds, not prices); money
// is in USDT with KRW as a display/entry currency at a user-set rate.

#include <cstdint>
#include <string>
#include <vector>

namespace hoga::core {

enum class DepthWindow : std::uint8_t { TopLevels, Bps };

struct StrategyParams {
    // --- candles and the volume burst -------------------------------------------------------
    std::int64_t candleIntervalMs = 1000;
    int volumeLookback = 30;       // N closed candles in the mean
    double volumeBurstRatio = 3.0; // X: current (pro-rated) volume ≥ X × mean
    // The in-progress candle is compared pro-rated: its volume against mean × f, where f is the
    // elapsed fraction of the candle, but never less than this floor (so the first milliseconds
    // of a candle cannot fake a burst).
    double proRateFloor = 0.25;

    // --- order-book imbalance ---------------------------------------------------------------
    DepthWindow imbalanceWindow = DepthWindow::TopLevels;
    int imbalanceLevels = 10;     // K, for TopLevels
    int imbalanceBps = 10;        // B, for Bps
    double imbalanceEntry = 0.30; // θ: long when imbalance ≥ +θ, short when ≤ −θ
    double imbalanceExit = 0.30;  // θ_exit: exit a long when imbalance ≤ −θ_exit

    // --- momentum -----------------------------------------------------------------------------
    std::int64_t momentumWindowMs = 5000; // W
    double momentumBps = 5.0;             // M

    // --- optional taker-share filter (off by default) -------------------------------------------
    bool takerShareFilter = false;
    double takerShareMin = 0.60; // share of taker-buy volume for longs (taker-sell for shorts)

    // --- exits --------------------------------------------------------------------------------
    double volumeFadeRatio = 0.5; // Y: closed candle volume < Y × mean …
    int volumeFadeCandles = 2;    // … for K consecutive closed candles
    double stopLossPct = 5.0;     // S, from the entry price
    double takeProfitPct = 0.0;   // 0 = off
    std::int64_t maxHoldMs = 0;   // 0 = off

    // --- account and risk ----------------------------------------------------------------------
    double krwPerUsdt = 1380.0;   // display and entry currency rate
    double capitalKrw = 100000.0; // starting capital
    double positionNotionalKrw = 1000000.0;
    int leverage = 10;
    double takerFeePct = 0.05;
    double makerFeePct = 0.02;
    double maintenanceMarginPct = 0.4; // first BTCUSDT bracket
    int maxOrdersPerMinute = 12;
    double maxNotionalUsdt = 0.0;   // 0 = only capital × leverage
    double dailyLossLimitPct = 0.0; // of starting capital; 0 = off
    std::int64_t cooldownAfterStopMs = 60000;

    // --- paper fill model -----------------------------------------------------------------------
    // One way from a home connection in Seoul to Binance's matching engine (AWS Tokyo) is about
    // 15–25 ms; a colocated bot would set a few ms.
    std::int64_t latencyMs = 20; // order reaches the matching engine this long after the decision

    // Readable problems, empty when valid. Each names the field and the allowed range.
    [[nodiscard]] std::vector<std::string> validate() const;

    static StrategyParams defaults() { return {}; }
    // More sensitive thresholds to see the behaviour on short recordings; not a recommendation.
    static StrategyParams demo();

    bool operator==(const StrategyParams&) const = default;
};

} // namespace hoga::core
