#include "request_limits.h"

#include <QDateTime>
#include <QUrlQuery>

#include <fmt/format.h>

#include <algorithm>

namespace hoga::sim {

namespace {

constexpr std::int64_t kMaxBanMs = 3LL * 24 * 3600 * 1000; // Binance: up to 3 days

QHttpServerResponse errorResponse(int httpStatus, int code, const std::string& message,
                                  std::int64_t retryAfterS) {
    QHttpServerResponse response(
        QByteArrayLiteral("application/json"),
        QByteArray::fromStdString(fmt::format(R"({{"code":{},"msg":"{}"}})", code, message)),
        static_cast<QHttpServerResponse::StatusCode>(httpStatus));
    response.setHeader(QByteArrayLiteral("Retry-After"), QByteArray::number(retryAfterS));
    return response;
}

QString apiKeyOf(const QHttpServerRequest& request) {
    return QString::fromUtf8(request.value(QByteArrayLiteral("X-MBX-APIKEY")));
}

} // namespace

int RequestLimits::weightOf(const QString& path, QHttpServerRequest::Method method,
                            const QString& query) {
    using M = QHttpServerRequest::Method;
    const QUrlQuery q(query);
    const bool hasSymbol = q.hasQueryItem(QStringLiteral("symbol"));
    if (path == u"/fapi/v1/depth") {
        const int limit = q.hasQueryItem(QStringLiteral("limit"))
                              ? q.queryItemValue(QStringLiteral("limit")).toInt()
                              : 500;
        return limit <= 50 ? 2 : limit <= 100 ? 5 : limit <= 500 ? 10 : 20;
    }
    if (path == u"/fapi/v1/order" || path == u"/fapi/v1/algoOrder") {
        // New orders cost order counts, not IP weight; queries and cancels cost 1.
        return method == M::Post ? 0 : 1;
    }
    if (path == u"/fapi/v1/batchOrders") {
        return method == M::Post ? 5 : 1;
    }
    if (path == u"/fapi/v1/income") {
        return 30;
    }
    if (path == u"/fapi/v1/openOrders" || path == u"/fapi/v1/openAlgoOrders") {
        return hasSymbol ? 1 : 40;
    }
    if (path == u"/fapi/v2/positionRisk" || path == u"/fapi/v3/positionRisk" ||
        path == u"/fapi/v2/balance" || path == u"/fapi/v2/account" ||
        path == u"/fapi/v1/userTrades") {
        return 5;
    }
    if (path == u"/fapi/v1/countdownCancelAll") {
        return 10;
    }
    return 1; // ping, time, exchangeInfo, leverage, marginType, listenKey, cancels, …
}

RequestLimits::OrderCount RequestLimits::orderCountOf(const QString& path,
                                                      QHttpServerRequest::Method method) {
    if (method != QHttpServerRequest::Method::Post) {
        return {};
    }
    if (path == u"/fapi/v1/order" || path == u"/fapi/v1/algoOrder") {
        return {1, 1};
    }
    if (path == u"/fapi/v1/batchOrders") {
        return {5, 1}; // Binance: 5 on the 10 s order count, 1 on the minute's
    }
    return {};
}

bool RequestLimits::isOrderRequest(const QString& path, QHttpServerRequest::Method method) {
    return orderCountOf(path, method).per10s > 0;
}

RequestLimits::IpState& RequestLimits::ipState(const QHttpServerRequest& request,
                                               std::int64_t nowMs) {
    IpState& s = m_ips[request.remoteAddress().toString()];
    if (s.minute != nowMs / 60000) {
        s.minute = nowMs / 60000;
        s.weight = 0;
    }
    return s;
}

RequestLimits::OrderState& RequestLimits::orderState(const QString& apiKey, std::int64_t nowMs) {
    OrderState& s = m_orders[apiKey];
    if (s.minute != nowMs / 60000) {
        s.minute = nowMs / 60000;
        s.perMinute = 0;
    }
    if (s.tenSeconds != nowMs / 10000) {
        s.tenSeconds = nowMs / 10000;
        s.per10s = 0;
    }
    return s;
}

std::optional<QHttpServerResponse> RequestLimits::admit(const QHttpServerRequest& request) {
    const std::int64_t nowMs = QDateTime::currentMSecsSinceEpoch();
    IpState& ip = ipState(request, nowMs);
    const QString ipText = request.remoteAddress().toString();
    const auto banned = [&] {
        return errorResponse(
            418, -1003,
            fmt::format("Way too many requests; IP({}) banned until {}. Please use "
                        "the websocket for live updates to avoid bans.",
                        ipText.toStdString(), ip.bannedUntilMs),
            (ip.bannedUntilMs - nowMs + 999) / 1000);
    };
    if (nowMs < ip.bannedUntilMs) {
        return banned();
    }
    if (nowMs < ip.retryAfterUntilMs) {
        // Kept on after a 429: auto-ban, longer for each repeat.
        ip.bannedUntilMs = nowMs + ip.nextBanMs;
        ip.nextBanMs = std::min(ip.nextBanMs * 2, kMaxBanMs);
        ip.retryAfterUntilMs = 0;
        return banned();
    }
    const QString path = request.url().path();
    const int weight = weightOf(path, request.method(), request.url().query());
    if (ip.weight + weight > m_options.requestWeightPerMinute) {
        const std::int64_t resetMs = (nowMs / 60000 + 1) * 60000;
        ip.retryAfterUntilMs = resetMs;
        return errorResponse(429, -1003,
                             fmt::format("Too many requests; current limit is {} requests per "
                                         "minute. Please use the websocket for live updates to "
                                         "avoid polling the API.",
                                         m_options.requestWeightPerMinute),
                             (resetMs - nowMs + 999) / 1000);
    }
    ip.weight += weight;
    const QString apiKey = apiKeyOf(request);
    const OrderCount cost = orderCountOf(path, request.method());
    if (cost.per10s > 0 && !apiKey.isEmpty()) {
        OrderState& orders = orderState(apiKey, nowMs);
        if (orders.perMinute + cost.perMinute > m_options.ordersPerMinute) {
            return errorResponse(429, -1015,
                                 fmt::format("Too many new orders; current limit is {} orders per "
                                             "MINUTE.",
                                             m_options.ordersPerMinute),
                                 ((nowMs / 60000 + 1) * 60000 - nowMs + 999) / 1000);
        }
        if (orders.per10s + cost.per10s > m_options.ordersPer10Seconds) {
            return errorResponse(429, -1015,
                                 fmt::format("Too many new orders; current limit is {} orders per "
                                             "TEN_SECONDS.",
                                             m_options.ordersPer10Seconds),
                                 ((nowMs / 10000 + 1) * 10000 - nowMs + 999) / 1000);
        }
        orders.perMinute += cost.perMinute;
        orders.per10s += cost.per10s;
    }
    return std::nullopt;
}

void RequestLimits::stamp(const QHttpServerRequest& request, QHttpServerResponse& response) {
    const std::int64_t nowMs = QDateTime::currentMSecsSinceEpoch();
    response.setHeader(QByteArrayLiteral("X-MBX-USED-WEIGHT-1M"),
                       QByteArray::number(ipState(request, nowMs).weight));
    const QString apiKey = apiKeyOf(request);
    if (isOrderRequest(request.url().path(), request.method()) && !apiKey.isEmpty()) {
        const OrderState& orders = orderState(apiKey, nowMs);
        response.setHeader(QByteArrayLiteral("X-MBX-ORDER-COUNT-1M"),
                           QByteArray::number(orders.perMinute));
        response.setHeader(QByteArrayLiteral("X-MBX-ORDER-COUNT-10S"),
                           QByteArray::number(orders.per10s));
    }
}

} // namespace hoga::sim
