#include "order_params.h"

#include "sim/fault_plan.h"
#include "sim/trading_json.h"

namespace hoga::sim {

namespace {
template <typename T>
const ApiError* failed(const Parsed<T>& value) {
    return std::get_if<ApiError>(&value);
}
} // namespace

// POST /fapi/v1/order parameters → NewOrder, with Binance's validation codes.
Parsed<MatchingEngine::NewOrder> parseNewOrder(const RequestParams& p,
                                               const core::InstrumentSpec& spec) {
    if (auto e = checkSymbol(p, spec, true)) {
        return *e;
    }
    MatchingEngine::NewOrder order;
    const auto side = parseSide(p);
    if (const ApiError* e = failed(side)) {
        return *e;
    }
    order.side = std::get<core::Side>(side);
    const auto type = p.get("type");
    if (!type || type->empty()) {
        return missingParameter("type");
    }
    if (*type == "STOP" || *type == "STOP_MARKET" || *type == "TAKE_PROFIT" ||
        *type == "TAKE_PROFIT_MARKET" || *type == "TRAILING_STOP_MARKET") {
        return ApiError{-4120,
                        "Order type not supported for this endpoint. Please use the Algo Order API "
                        "endpoints instead.",
                        400};
    }
    if (*type != "LIMIT" && *type != "MARKET") {
        return ApiError{-1116, "Invalid orderType.", 400};
    }
    order.type = *type == "LIMIT" ? OrderType::Limit : OrderType::Market;
    if (const auto ps = p.get("positionSide"); ps && *ps != "BOTH") {
        return ApiError{-4061, "Order's position side does not match user's setting.", 400};
    }
    for (const char* unsupported :
         {"priceMatch", "goodTillDate", "activationPrice", "callbackRate", "stopPrice"}) {
        if (p.has(unsupported)) {
            return ApiError{
                -1106, "Parameter '" + std::string(unsupported) + "' sent when not required.", 400};
        }
    }
    const auto closePosition = parseBool(p, "closePosition");
    if (const ApiError* e = failed(closePosition)) {
        return *e;
    }
    if (std::get<bool>(closePosition)) {
        return ApiError{-1106, "Parameter 'closePosition' sent when not required.", 400};
    }
    const auto qty = parseQty(p, "quantity", spec);
    if (const ApiError* e = failed(qty)) {
        return *e;
    }
    order.qty = std::get<core::Qty>(qty);
    if (order.type == OrderType::Limit) {
        const auto price = parsePrice(p, "price", spec);
        if (const ApiError* e = failed(price)) {
            return *e;
        }
        order.price = std::get<core::Price>(price);
        const auto tif = p.get("timeInForce");
        if (!tif || tif->empty()) {
            return missingParameter("timeInForce");
        }
        if (*tif == "GTC") {
            order.timeInForce = TimeInForce::Gtc;
        } else if (*tif == "IOC") {
            order.timeInForce = TimeInForce::Ioc;
        } else if (*tif == "FOK") {
            order.timeInForce = TimeInForce::Fok;
        } else if (*tif == "GTX") {
            order.timeInForce = TimeInForce::Gtx;
        } else {
            return ApiError{-1115, "Invalid timeInForce.", 400};
        }
    } else if (p.has("price")) {
        return ApiError{-1106, "Parameter 'price' sent when not required.", 400};
    }
    const auto reduceOnly = parseBool(p, "reduceOnly");
    if (const ApiError* e = failed(reduceOnly)) {
        return *e;
    }
    order.reduceOnly = std::get<bool>(reduceOnly);
    if (const auto id = p.get("newClientOrderId")) {
        if (auto e = checkClientId(*id, "newClientOrderId")) {
            return *e;
        }
        order.clientOrderId = *id;
    }
    return order;
}

Parsed<std::string> placeNewOrder(MatchingEngine& engine, MatchingEngine::Account& a,
                                  const RequestParams& p, FaultPlan* faults, std::int64_t nowMs) {
    const auto order = parseNewOrder(p, engine.spec());
    if (const ApiError* e = failed(order)) {
        return *e;
    }
    const auto respType = p.get("newOrderRespType").value_or("ACK");
    if (respType != "ACK" && respType != "RESULT") {
        return missingParameter("newOrderRespType");
    }
    // Injected: the matching engine turns the order down (-2010).
    if (faults && faults->rejectOrder()) {
        return ApiError{-2010, "Order was rejected by the matching engine.", 400};
    }
    std::int64_t id = 0;
    if (auto e = engine.placeOrder(a, std::get<MatchingEngine::NewOrder>(order), nowMs, id)) {
        return *e;
    }
    return orderJson(a.orders.at(id), engine.spec(), respType == "ACK");
}

} // namespace hoga::sim
