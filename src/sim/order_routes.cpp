// TradingApi: /fapi/v1/order, openOrder(s), allOpenOrders, countdownCancelAll, userTrades and the
// algo-order endpoints.
#include "sim/api_support.h"
#include "sim/rest_server.h"
#include "sim/trading_api.h"

#include "sim/order_params.h"
#include "sim/trading_json.h"

namespace hoga::sim {

namespace {

using Method = QHttpServerRequest::Method;
using Account = MatchingEngine::Account;

template <typename T>
const ApiError* failed(const Parsed<T>& value) {
    return std::get_if<ApiError>(&value);
}

// The open items of an account map (orders or algo orders) as a JSON array, in id order.
template <typename Item, typename Format>
std::string openItemsJson(const std::map<std::int64_t, Item>& items, Format&& format) {
    std::string out = "[";
    for (const auto& [id, item] : items) {
        if (item.open()) {
            out += (out.size() > 1 ? "," : "") + format(item);
        }
    }
    return out + "]";
}

// The item named by its numeric id or by its client id (the latest with that client id): orders
// by orderId / origClientOrderId, algo orders by algoId / clientAlgoId.
template <typename Item>
const Item* findByIds(const std::map<std::int64_t, Item>& items, const RequestParams& p,
                      const char* idParam, const char* clientParam, std::string Item::*clientField,
                      std::optional<ApiError>& error) {
    if (p.has(idParam)) {
        const auto id = parseInt(p, idParam);
        if (const ApiError* e = failed(id)) {
            error = *e;
            return nullptr;
        }
        const auto it = items.find(std::get<std::int64_t>(id));
        return it == items.end() ? nullptr : &it->second;
    }
    const auto clientId = p.get(clientParam);
    if (!clientId || clientId->empty()) {
        error = ApiError{-1102,
                         std::string("Param '") + idParam + "' or '" + clientParam +
                             "' must be sent, but both were empty/null!",
                         400};
        return nullptr;
    }
    const Item* found = nullptr;
    for (const auto& [id, item] : items) {
        if (item.*clientField == *clientId) {
            found = &item;
        }
    }
    return found;
}

const SimOrder* findOrder(const Account& a, const RequestParams& p,
                          std::optional<ApiError>& error) {
    return findByIds(a.orders, p, "orderId", "origClientOrderId", &SimOrder::clientOrderId, error);
}

const AlgoOrder* findAlgo(const Account& a, const RequestParams& p,
                          std::optional<ApiError>& error) {
    return findByIds(a.algos, p, "algoId", "clientAlgoId", &AlgoOrder::clientAlgoId, error);
}

const ApiError kNoSuchOrder{-2013, "Order does not exist.", 400};
const ApiError kUnknownOrder{-2011, "Unknown order sent.", 400};

} // namespace

void TradingApi::addOrderRoutes(RestServer& rest) {
    const core::InstrumentSpec& spec = m_market.instrument();
    rest.route(QStringLiteral("/fapi/v1/order"), Method::Post | Method::Get | Method::Delete,
               [this, &spec](const QHttpServerRequest& request) {
                   return withSignature(m_engine, request, [&](Account& a, const RequestParams& p) {
                       const std::int64_t now = wallClockMs();
                       if (request.method() == Method::Post) {
                           const auto placed = placeNewOrder(m_engine, a, p, m_faults, now);
                           if (const ApiError* e = failed(placed)) {
                               return errorResponse(*e);
                           }
                           return jsonResponse(std::get<std::string>(placed));
                       }
                       if (auto e = checkSymbol(p, spec, true)) {
                           return errorResponse(*e);
                       }
                       std::optional<ApiError> error;
                       const SimOrder* o = findOrder(a, p, error);
                       if (error) {
                           return errorResponse(*error);
                       }
                       if (request.method() == Method::Get) {
                           return o ? jsonResponse(orderJson(*o, spec, false))
                                    : errorResponse(kNoSuchOrder);
                       }
                       if (!o || m_engine.cancelOrder(a, o->orderId, now)) {
                           return errorResponse(kUnknownOrder);
                       }
                       return jsonResponse(orderJson(*o, spec, false));
                   });
               });
    rest.route(QStringLiteral("/fapi/v1/openOrder"), Method::Get,
               [this, &spec](const QHttpServerRequest& request) {
                   return withSignature(m_engine, request, [&](Account& a, const RequestParams& p) {
                       if (auto e = checkSymbol(p, spec, true)) {
                           return errorResponse(*e);
                       }
                       std::optional<ApiError> error;
                       const SimOrder* o = findOrder(a, p, error);
                       if (error) {
                           return errorResponse(*error);
                       }
                       if (!o || !o->open()) {
                           return errorResponse({-2013, "Order does not exist.", 400});
                       }
                       return jsonResponse(orderJson(*o, spec, false));
                   });
               });
    rest.route(QStringLiteral("/fapi/v1/openOrders"), Method::Get,
               [this, &spec](const QHttpServerRequest& request) {
                   return withSignature(m_engine, request, [&](Account& a, const RequestParams& p) {
                       if (auto e = checkSymbol(p, spec, false)) {
                           return errorResponse(*e);
                       }
                       return jsonResponse(openItemsJson(
                           a.orders, [&](const SimOrder& o) { return orderJson(o, spec, false); }));
                   });
               });
    rest.route(
        QStringLiteral("/fapi/v1/allOpenOrders"), Method::Delete,
        [this, &spec](const QHttpServerRequest& request) {
            return withSignature(m_engine, request, [&](Account& a, const RequestParams& p) {
                if (auto e = checkSymbol(p, spec, true)) {
                    return errorResponse(*e);
                }
                m_engine.cancelAllOrders(a, wallClockMs());
                return jsonResponse(
                    R"({"code":200,"msg":"The operation of cancel all open order is done."})");
            });
        });
    rest.route(QStringLiteral("/fapi/v1/countdownCancelAll"), Method::Post,
               [this, &spec](const QHttpServerRequest& request) {
                   return withSignature(m_engine, request, [&](Account& a, const RequestParams& p) {
                       if (auto e = checkSymbol(p, spec, true)) {
                           return errorResponse(*e);
                       }
                       const auto ms = parseInt(p, "countdownTime");
                       if (const ApiError* e = failed(ms)) {
                           return errorResponse(*e);
                       }
                       const std::int64_t countdown = std::get<std::int64_t>(ms);
                       if (countdown < 0) {
                           return errorResponse(missingParameter("countdownTime"));
                       }
                       a.countdownDeadlineMs = countdown == 0 ? 0 : wallClockMs() + countdown;
                       return jsonResponse(JsonObjectWriter()
                                               .str("symbol", spec.symbol)
                                               .str("countdownTime", std::to_string(countdown))
                                               .done());
                   });
               });
    rest.route(QStringLiteral("/fapi/v1/userTrades"), Method::Get,
               [this, &spec](const QHttpServerRequest& request) {
                   return withSignature(m_engine, request, [&](Account& a, const RequestParams& p) {
                       if (auto e = checkSymbol(p, spec, true)) {
                           return errorResponse(*e);
                       }
                       std::int64_t limit = 500;
                       std::int64_t orderId = -1, fromId = -1, startTime = -1, endTime = -1;
                       for (auto [name, target] :
                            {std::pair{"limit", &limit}, std::pair{"orderId", &orderId},
                             std::pair{"fromId", &fromId}, std::pair{"startTime", &startTime},
                             std::pair{"endTime", &endTime}}) {
                           if (p.has(name)) {
                               const auto v = parseInt(p, name);
                               if (const ApiError* e = failed(v)) {
                                   return errorResponse(*e);
                               }
                               *target = std::get<std::int64_t>(v);
                           }
                       }
                       limit = std::clamp<std::int64_t>(limit, 1, 1000);
                       std::vector<const SimFill*> selected;
                       for (const SimFill& f : a.fills) {
                           if ((orderId < 0 || f.orderId == orderId) &&
                               (fromId < 0 || f.tradeId >= fromId) &&
                               (startTime < 0 || f.timeMs >= startTime) &&
                               (endTime < 0 || f.timeMs <= endTime)) {
                               selected.push_back(&f);
                           }
                       }
                       // The most recent `limit` trades, oldest first (fromId: the first ones).
                       const std::size_t n = std::min<std::size_t>(selected.size(), limit);
                       const std::size_t first = fromId >= 0 ? 0 : selected.size() - n;
                       std::string out = "[";
                       for (std::size_t i = first; i < first + n; ++i) {
                           out += (i > first ? "," : "") + userTradeJson(*selected[i], spec);
                       }
                       return jsonResponse(out + "]");
                   });
               });
}

void TradingApi::addAlgoRoutes(RestServer& rest) {
    const core::InstrumentSpec& spec = m_market.instrument();
    rest.route(
        QStringLiteral("/fapi/v1/algoOrder"), Method::Post | Method::Get | Method::Delete,
        [this, &spec](const QHttpServerRequest& request) {
            return withSignature(m_engine, request, [&](Account& a, const RequestParams& p) {
                const std::int64_t now = wallClockMs();
                if (auto e = checkSymbol(p, spec, request.method() == Method::Post)) {
                    return errorResponse(*e);
                }
                if (request.method() != Method::Post) {
                    std::optional<ApiError> error;
                    const AlgoOrder* algo = findAlgo(a, p, error);
                    if (error) {
                        return errorResponse(*error);
                    }
                    if (request.method() == Method::Get) {
                        return algo ? jsonResponse(algoOrderJson(*algo, spec))
                                    : errorResponse(kNoSuchOrder);
                    }
                    if (!algo || m_engine.cancelAlgo(a, algo->algoId, now)) {
                        return errorResponse(kUnknownOrder);
                    }
                    return jsonResponse(JsonObjectWriter()
                                            .num("algoId", algo->algoId)
                                            .str("clientAlgoId", algo->clientAlgoId)
                                            .str("code", "200")
                                            .str("msg", "success")
                                            .done());
                }
                const auto algoType = p.get("algoType");
                if (!algoType || *algoType != "CONDITIONAL") {
                    return errorResponse(missingParameter("algoType"));
                }
                MatchingEngine::NewAlgo algo;
                const auto side = parseSide(p);
                if (const ApiError* e = failed(side)) {
                    return errorResponse(*e);
                }
                algo.side = std::get<core::Side>(side);
                const auto type = p.get("type");
                if (!type || type->empty()) {
                    return errorResponse(missingParameter("type"));
                }
                if (*type != "STOP_MARKET" && *type != "TAKE_PROFIT_MARKET") {
                    return errorResponse({-1116, "Invalid orderType.", 400});
                }
                algo.type =
                    *type == "STOP_MARKET" ? AlgoType::StopMarket : AlgoType::TakeProfitMarket;
                if (const auto ps = p.get("positionSide"); ps && *ps != "BOTH") {
                    return errorResponse(
                        {-4061, "Order's position side does not match user's setting.", 400});
                }
                const auto trigger = parsePrice(p, "triggerPrice", spec);
                if (const ApiError* e = failed(trigger)) {
                    return errorResponse(*e);
                }
                algo.triggerPrice = std::get<core::Price>(trigger);
                const auto workingType = p.get("workingType").value_or("CONTRACT_PRICE");
                if (workingType != "CONTRACT_PRICE" && workingType != "MARK_PRICE") {
                    return errorResponse(missingParameter("workingType"));
                }
                algo.workingType = workingType == "MARK_PRICE" ? WorkingType::MarkPrice
                                                               : WorkingType::ContractPrice;
                const auto closePosition = parseBool(p, "closePosition");
                const auto reduceOnly = parseBool(p, "reduceOnly");
                if (const ApiError* e = failed(closePosition)) {
                    return errorResponse(*e);
                }
                if (const ApiError* e = failed(reduceOnly)) {
                    return errorResponse(*e);
                }
                algo.closePosition = std::get<bool>(closePosition);
                algo.reduceOnly = std::get<bool>(reduceOnly);
                if (algo.closePosition && p.has("quantity")) {
                    return errorResponse(
                        {-4137, "Quantity must be zero with closePosition equals true.", 400});
                }
                if (algo.closePosition && p.has("reduceOnly")) {
                    return errorResponse(
                        {-1106, "Parameter 'reduceOnly' sent when not required.", 400});
                }
                if (!algo.closePosition) {
                    const auto qty = parseQty(p, "quantity", spec);
                    if (const ApiError* e = failed(qty)) {
                        return errorResponse(*e);
                    }
                    algo.qty = std::get<core::Qty>(qty);
                }
                if (const auto id = p.get("clientAlgoId")) {
                    if (auto e = checkClientId(*id, "clientAlgoId")) {
                        return errorResponse(*e);
                    }
                    algo.clientAlgoId = *id;
                }
                std::int64_t id = 0;
                if (auto e = m_engine.placeAlgo(a, algo, now, id)) {
                    return errorResponse(*e);
                }
                return jsonResponse(algoOrderJson(a.algos.at(id), spec));
            });
        });
    rest.route(QStringLiteral("/fapi/v1/openAlgoOrders"), Method::Get,
               [this, &spec](const QHttpServerRequest& request) {
                   return withSignature(m_engine, request, [&](Account& a, const RequestParams& p) {
                       if (auto e = checkSymbol(p, spec, false)) {
                           return errorResponse(*e);
                       }
                       return jsonResponse(openItemsJson(
                           a.algos, [&](const AlgoOrder& o) { return algoOrderJson(o, spec); }));
                   });
               });
    rest.route(
        QStringLiteral("/fapi/v1/algoOpenOrders"), Method::Delete,
        [this, &spec](const QHttpServerRequest& request) {
            return withSignature(m_engine, request, [&](Account& a, const RequestParams& p) {
                if (auto e = checkSymbol(p, spec, true)) {
                    return errorResponse(*e);
                }
                m_engine.cancelAllAlgos(a, wallClockMs());
                return jsonResponse(
                    R"({"code":200,"msg":"The operation of cancel all open order is done."})");
            });
        });
}

} // namespace hoga::sim
