#include "strategy_params.h"

#include <cmath>

namespace hoga::core {

namespace {
void require(std::vector<std::string>& out, bool ok, const char* field, const char* range) {
    if (!ok) {
        out.push_back(std::string(field) + " must be " + range);
    }
}
bool finite(double v) {
    return std::isfinite(v);
}
} // namespace

std::vector<std::string> StrategyParams::validate() const {
    std::vector<std::string> e;
    require(e,
            candleIntervalMs >= 1000 && candleIntervalMs <= 3600000 && candleIntervalMs % 1000 == 0,
            "candle_interval_ms", "a whole number of seconds from 1000 to 3600000");
    require(e, volumeLookback >= 1 && volumeLookback <= 1000, "volume_lookback", "1 to 1000");
    require(e, finite(volumeBurstRatio) && volumeBurstRatio > 0 && volumeBurstRatio <= 100,
            "volume_burst_ratio", "above 0 and at most 100");
    require(e, finite(proRateFloor) && proRateFloor > 0 && proRateFloor <= 1, "pro_rate_floor",
            "above 0 and at most 1");
    require(e, imbalanceLevels >= 1 && imbalanceLevels <= 1000, "imbalance_levels", "1 to 1000");
    require(e, imbalanceBps >= 1 && imbalanceBps <= 1000, "imbalance_bps", "1 to 1000");
    require(e, finite(imbalanceEntry) && imbalanceEntry > 0 && imbalanceEntry < 1,
            "imbalance_entry", "between 0 and 1 (exclusive)");
    require(e, finite(imbalanceExit) && imbalanceExit > 0 && imbalanceExit < 1, "imbalance_exit",
            "between 0 and 1 (exclusive)");
    require(e, momentumWindowMs >= 100 && momentumWindowMs <= 3600000, "momentum_window_ms",
            "100 to 3600000");
    require(e, finite(momentumBps) && momentumBps >= 0 && momentumBps <= 1000, "momentum_bps",
            "0 to 1000");
    require(e, finite(takerShareMin) && takerShareMin >= 0.5 && takerShareMin <= 1,
            "taker_share_min", "0.5 to 1");
    require(e,
            finite(volumeFadeRatio) && volumeFadeRatio >= 0 && volumeFadeRatio < volumeBurstRatio,
            "volume_fade_ratio", "at least 0 and below volume_burst_ratio");
    require(e, volumeFadeCandles >= 1 && volumeFadeCandles <= volumeLookback, "volume_fade_candles",
            "1 to volume_lookback");
    require(e, finite(stopLossPct) && stopLossPct > 0 && stopLossPct < 100, "stop_loss_pct",
            "above 0 and below 100");
    require(e, finite(takeProfitPct) && takeProfitPct >= 0 && takeProfitPct < 1000,
            "take_profit_pct", "0 (off) or positive");
    require(e, maxHoldMs >= 0, "max_hold_ms", "0 (off) or positive");
    require(e, finite(krwPerUsdt) && krwPerUsdt > 0, "krw_per_usdt", "positive");
    require(e, finite(capitalKrw) && capitalKrw > 0, "capital_krw", "positive");
    require(e, finite(positionNotionalKrw) && positionNotionalKrw > 0, "position_notional_krw",
            "positive");
    require(e, leverage >= 1 && leverage <= 125, "leverage", "1 to 125");
    require(e, finite(takerFeePct) && takerFeePct >= 0 && takerFeePct < 1, "taker_fee_pct",
            "0 to 1");
    require(e, finite(makerFeePct) && makerFeePct > -1 && makerFeePct < 1, "maker_fee_pct",
            "between -1 and 1");
    require(e,
            finite(maintenanceMarginPct) && maintenanceMarginPct > 0 && maintenanceMarginPct < 50,
            "maintenance_margin_pct", "above 0 and below 50");
    require(e, maxOrdersPerMinute >= 1 && maxOrdersPerMinute <= 1200, "max_orders_per_minute",
            "1 to 1200");
    require(e, finite(maxNotionalUsdt) && maxNotionalUsdt >= 0, "max_notional_usdt",
            "0 (off) or positive");
    require(e, finite(dailyLossLimitPct) && dailyLossLimitPct >= 0 && dailyLossLimitPct <= 100,
            "daily_loss_limit_pct", "0 (off) to 100");
    require(e, cooldownAfterStopMs >= 0, "cooldown_after_stop_ms", "0 or positive");
    require(e, latencyMs >= 0 && latencyMs <= 60000, "latency_ms", "0 to 60000");
    // The stop must trigger before isolated liquidation (about (1/leverage − mmr) from entry).
    if (leverage >= 1 && finite(stopLossPct)) {
        const double liquidationDistancePct = 100.0 / leverage - maintenanceMarginPct;
        if (stopLossPct >= liquidationDistancePct) {
            e.push_back("stop_loss_pct must be below the liquidation distance (about " +
                        std::to_string(liquidationDistancePct) + " % at this leverage)");
        }
    }
    return e;
}

StrategyParams StrategyParams::demo() {
    StrategyParams p;
    p.volumeLookback = 10;
    p.volumeBurstRatio = 2.0;
    p.imbalanceEntry = 0.2;
    p.imbalanceExit = 0.4;
    p.momentumWindowMs = 3000;
    p.momentumBps = 2.0;
    p.volumeFadeRatio = 0.3;
    p.cooldownAfterStopMs = 10000;
    return p;
}

} // namespace hoga::core
