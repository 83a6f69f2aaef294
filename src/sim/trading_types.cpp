#include "trading_types.h"

namespace hoga::sim {

std::string_view toString(core::Side side) {
    return side == core::Side::Buy ? "BUY" : "SELL";
}

std::string_view toString(OrderType type) {
    return type == OrderType::Limit ? "LIMIT" : "MARKET";
}

std::string_view toString(TimeInForce tif) {
    switch (tif) {
    case TimeInForce::Gtc:
        return "GTC";
    case TimeInForce::Ioc:
        return "IOC";
    case TimeInForce::Fok:
        return "FOK";
    case TimeInForce::Gtx:
        return "GTX";
    }
    return "GTC";
}

std::string_view toString(OrderStatus status) {
    switch (status) {
    case OrderStatus::New:
        return "NEW";
    case OrderStatus::PartiallyFilled:
        return "PARTIALLY_FILLED";
    case OrderStatus::Filled:
        return "FILLED";
    case OrderStatus::Canceled:
        return "CANCELED";
    case OrderStatus::Expired:
        return "EXPIRED";
    }
    return "NEW";
}

std::string_view toString(AlgoType type) {
    return type == AlgoType::StopMarket ? "STOP_MARKET" : "TAKE_PROFIT_MARKET";
}

std::string_view toString(WorkingType type) {
    return type == WorkingType::MarkPrice ? "MARK_PRICE" : "CONTRACT_PRICE";
}

std::string_view toString(AlgoStatus status) {
    switch (status) {
    case AlgoStatus::New:
        return "NEW";
    case AlgoStatus::Canceled:
        return "CANCELED";
    case AlgoStatus::Triggering:
        return "TRIGGERING";
    case AlgoStatus::Triggered:
        return "TRIGGERED";
    case AlgoStatus::Finished:
        return "FINISHED";
    case AlgoStatus::Rejected:
        return "REJECTED";
    case AlgoStatus::Expired:
        return "EXPIRED";
    }
    return "NEW";
}

std::string_view toString(IncomeType type) {
    switch (type) {
    case IncomeType::RealizedPnl:
        return "REALIZED_PNL";
    case IncomeType::FundingFee:
        return "FUNDING_FEE";
    case IncomeType::Commission:
        return "COMMISSION";
    }
    return "COMMISSION";
}

std::string_view toString(MarginType type) {
    return type == MarginType::Isolated ? "ISOLATED" : "CROSSED";
}

std::optional<IncomeType> incomeTypeFrom(std::string_view text) {
    for (const IncomeType t :
         {IncomeType::RealizedPnl, IncomeType::FundingFee, IncomeType::Commission}) {
        if (toString(t) == text) {
            return t;
        }
    }
    return std::nullopt;
}

} // namespace hoga::sim
