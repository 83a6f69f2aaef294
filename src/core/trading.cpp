#include "trading.h"

namespace hoga::core {

std::string_view positionSideName(PositionSide side) {
    switch (side) {
    case PositionSide::Flat:
        return "flat";
    case PositionSide::Long:
        return "long";
    case PositionSide::Short:
        return "short";
    }
    return "invalid";
}

std::string_view exitReasonName(ExitReason reason) {
    switch (reason) {
    case ExitReason::VolumeFade:
        return "volume_fade";
    case ExitReason::ImbalanceReversal:
        return "imbalance_reversal";
    case ExitReason::StopLoss:
        return "stop_loss";
    case ExitReason::TakeProfit:
        return "take_profit";
    case ExitReason::MaxHold:
        return "max_hold";
    case ExitReason::Liquidation:
        return "liquidation";
    case ExitReason::EndOfData:
        return "end_of_data";
    case ExitReason::KillSwitch:
        return "kill_switch";
    }
    return "invalid";
}

std::string_view refusalName(Refusal refusal) {
    switch (refusal) {
    case Refusal::BookUnverified:
        return "book_unverified";
    case Refusal::MinNotional:
        return "min_notional";
    case Refusal::MinQty:
        return "min_qty";
    case Refusal::MaxNotional:
        return "max_notional";
    case Refusal::RateLimit:
        return "rate_limit";
    case Refusal::DailyLoss:
        return "daily_loss";
    case Refusal::Cooldown:
        return "cooldown";
    case Refusal::StopBeyondLiquidation:
        return "stop_beyond_liquidation";
    case Refusal::TradingHalted:
        return "trading_halted";
    }
    return "invalid";
}

} // namespace hoga::core
