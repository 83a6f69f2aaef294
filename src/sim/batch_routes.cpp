// TradingApi: POST and DELETE /fapi/v1/batchOrders.
//
// POST: `batchOrders` is a JSON array of up to 5 orders, each an object of the parameters of
// POST /fapi/v1/order (values as strings, as Binance's own example sends them; booleans and
// numbers are taken by their JSON text). The orders are placed one after another in the
// array's order, and the answer is one array in that order, holding each order's JSON or its
// error object {"code","msg"}: one bad order does not stop the others.
// DELETE: `orderIdList` (JSON array of ids) or `origClientOrderIdList` (JSON array of client
// ids), up to 10; per item the cancelled order or {"code":-2011,"msg":"Unknown order sent."}.
#include "sim/api_support.h"
#include "sim/order_params.h"
#include "sim/rest_server.h"
#include "sim/trading_api.h"
#include "sim/trading_json.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QUrl>

namespace hoga::sim {

namespace {

using Method = QHttpServerRequest::Method;
using Account = MatchingEngine::Account;

constexpr qsizetype kMaxBatchOrders = 5;
constexpr qsizetype kMaxBatchCancels = 10;

std::string errorItem(const ApiError& e) {
    return errorJson(e.code, e.message);
}

// A JSON array parameter; nullopt (and `error`) when it is missing or not an array.
std::optional<QJsonArray> jsonArrayParam(const RequestParams& p, std::string_view name) {
    const auto text = p.get(name);
    if (!text || text->empty()) {
        return std::nullopt;
    }
    QJsonParseError parseError{};
    const QJsonDocument doc =
        QJsonDocument::fromJson(QByteArray::fromStdString(*text), &parseError);
    if (parseError.error != QJsonParseError::NoError || !doc.isArray()) {
        return std::nullopt;
    }
    return doc.array();
}

// One batch item's parameters as a single-order request would carry them: the object's names and
// values, form-encoded and parsed back by the same code as every request.
std::optional<RequestParams> orderItemParams(const QJsonValue& item) {
    if (!item.isObject()) {
        return std::nullopt;
    }
    QByteArray form;
    const QJsonObject o = item.toObject();
    for (auto it = o.begin(); it != o.end(); ++it) {
        const QJsonValue v = it.value();
        QString value;
        if (v.isString()) {
            value = v.toString();
        } else if (v.isBool()) {
            value = v.toBool() ? QStringLiteral("true") : QStringLiteral("false");
        } else if (v.isDouble()) {
            // The shortest text that reads back as the same double: "0.001", "61000.1".
            value = v.toVariant().toString();
        } else {
            return std::nullopt; // null, arrays and objects are no order parameters
        }
        form += (form.isEmpty() ? "" : "&") + QUrl::toPercentEncoding(it.key()) + '=' +
                QUrl::toPercentEncoding(value);
    }
    return RequestParams::parse(form, {});
}

} // namespace

void TradingApi::addBatchRoutes(RestServer& rest) {
    const core::InstrumentSpec& spec = m_market.instrument();
    rest.route(
        QStringLiteral("/fapi/v1/batchOrders"), Method::Post | Method::Delete,
        [this, &spec](const QHttpServerRequest& request) {
            return withSignature(m_engine, request, [&](Account& a, const RequestParams& p) {
                const std::int64_t now = wallClockMs();
                std::string out = "[";
                const auto append = [&out](const std::string& item) {
                    out += (out.size() > 1 ? "," : "") + item;
                };
                if (request.method() == Method::Post) {
                    const auto orders = jsonArrayParam(p, "batchOrders");
                    if (!orders) {
                        return errorResponse(missingParameter("batchOrders"));
                    }
                    if (orders->isEmpty() || orders->size() > kMaxBatchOrders) {
                        return errorResponse({-4082, "Invalid number of batch place orders.", 400});
                    }
                    for (const QJsonValue& item : *orders) {
                        const auto params = orderItemParams(item);
                        if (!params) {
                            append(errorItem(missingParameter("batchOrders")));
                            continue;
                        }
                        const auto placed = placeNewOrder(m_engine, a, *params, m_faults, now);
                        const ApiError* e = std::get_if<ApiError>(&placed);
                        append(e ? errorItem(*e) : std::get<std::string>(placed));
                    }
                    return jsonResponse(out + "]");
                }
                if (auto e = checkSymbol(p, spec, true)) {
                    return errorResponse(*e);
                }
                const bool byId = p.has("orderIdList");
                const char* name = byId ? "orderIdList" : "origClientOrderIdList";
                if (!byId && !p.has(name)) {
                    return errorResponse({-1102,
                                          "Param 'orderIdList' or 'origClientOrderIdList' must be "
                                          "sent, but both were empty/null!",
                                          400});
                }
                const auto list = jsonArrayParam(p, name);
                if (!list) {
                    return errorResponse(missingParameter(name));
                }
                if (list->isEmpty() || list->size() > kMaxBatchCancels) {
                    return errorResponse(
                        {-1130, std::string("Data sent for parameter '") + name + "' is not valid.",
                         400});
                }
                const ApiError unknown{-2011, "Unknown order sent.", 400};
                for (const QJsonValue& item : *list) {
                    const SimOrder* o = nullptr;
                    if (byId && item.isDouble()) {
                        const auto it = a.orders.find(item.toInteger());
                        o = it == a.orders.end() ? nullptr : &it->second;
                    } else if (!byId && item.isString()) {
                        const std::string clientId = item.toString().toStdString();
                        for (const auto& [id, order] : a.orders) {
                            if (order.clientOrderId == clientId) {
                                o = &order; // the latest with that client id
                            }
                        }
                    }
                    if (!o || m_engine.cancelOrder(a, o->orderId, now)) {
                        append(errorItem(unknown));
                        continue;
                    }
                    append(orderJson(*o, spec, false));
                }
                return jsonResponse(out + "]");
            });
        });
}

} // namespace hoga::sim
