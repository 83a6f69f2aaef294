#pragma once

// The original spec's strategy: enter when a volume burst, a one-sided book and a sudden price
// move agree; exit when the volume fades, the book turns against the position, or the stop (or the
// optional take-profit / max hold) is hit. Pure: it sees features and the position, never the
// mode it runs in, a clock or an I/O port.

#include "position.h"
#include "strategy_params.h"
#include "trading.h"

#include <optional>

namespace hoga::core {

// Which entry conditions hold, per direction: for the signal panel and the decision records.
struct EntryConditions {
    bool volumeBurst = false;
    bool imbalanceLong = false;
    bool imbalanceShort = false;
    bool momentumLong = false;
    bool momentumShort = false;
    bool takerLong = true; // true when the optional filter is off
    bool takerShort = true;
    [[nodiscard]] bool longEntry() const {
        return volumeBurst && imbalanceLong && momentumLong && takerLong;
    }
    [[nodiscard]] bool shortEntry() const {
        return volumeBurst && imbalanceShort && momentumShort && takerShort;
    }
};

class OrderFlowStrategy {
public:
    explicit OrderFlowStrategy(StrategyParams params);

    [[nodiscard]] EntryConditions entryConditions(const FeatureSnapshot& f) const;
    [[nodiscard]] std::optional<PositionSide> entrySignal(const FeatureSnapshot& f) const;

    // Exits decided on features (imbalance reversal) and time (max hold). The volume fade is
    // decided on closed candles (onCandleClosed) and the price exits on trades (priceExit).
    [[nodiscard]] std::optional<ExitReason> featureExit(const FeatureSnapshot& f,
                                                        const Position& position) const;
    // Stop loss and take-profit on a trade price, exact in integers.
    [[nodiscard]] std::optional<ExitReason> priceExit(Price tradePrice,
                                                      const Position& position) const;
    // Counts consecutive closed candles below Y × mean while in a position; true to exit.
    bool onCandleClosed(double closedVolumeRatio, bool inPosition);
    void resetFade() { m_fadeStreak = 0; }
    [[nodiscard]] int fadeStreak() const { return m_fadeStreak; }

    [[nodiscard]] const StrategyParams& params() const { return m_params; }
    // New thresholds for the decisions to come; the fade streak in progress is kept.
    void setParams(const StrategyParams& params);

private:
    StrategyParams m_params;
    std::int64_t m_stopBps;
    std::int64_t m_takeProfitBps;
    int m_fadeStreak = 0;
};

} // namespace hoga::core
