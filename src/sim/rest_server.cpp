#include "rest_server.h"

#include "sim/binance_json.h"

#include <QDateTime>
#include <QHttpServerRequest>
#include <QHttpServerResponse>
#include <QUrlQuery>

#include <fmt/format.h>

namespace hoga::sim {

namespace {
QHttpServerResponse
json(const std::string& body,
     QHttpServerResponse::StatusCode status = QHttpServerResponse::StatusCode::Ok) {
    return QHttpServerResponse(QByteArrayLiteral("application/json"),
                               QByteArray::fromStdString(body), status);
}
QHttpServerResponse
binanceError(int code, const std::string& message,
             QHttpServerResponse::StatusCode status = QHttpServerResponse::StatusCode::BadRequest) {
    return json(fmt::format(R"({{"code":{},"msg":"{}"}})", code, message), status);
}
} // namespace

RestServer::RestServer(const MarketReplay& market, QObject* parent)
    : QObject(parent), m_market(market) {
    addRoutes();
}

bool RestServer::listen(const QHostAddress& address, quint16 port, QString& error) {
    if (!m_tcp.listen(address, port)) {
        error = m_tcp.errorString();
        return false;
    }
    m_http.bind(&m_tcp);
    return true;
}

void RestServer::addRoutes() {
    constexpr auto get = QHttpServerRequest::Method::Get;
    route(QStringLiteral("/fapi/v1/ping"), get,
          [](const QHttpServerRequest&) { return json("{}"); });
    route(QStringLiteral("/fapi/v1/time"), get, [this](const QHttpServerRequest&) {
        // The server's wall clock, as on Binance: clients sign with it (recvWindow). The replayed
        // market's event times match it only with --live-times.
        return json(fmt::format(R"({{"serverTime":{}}})", QDateTime::currentMSecsSinceEpoch()));
    });
    route(QStringLiteral("/fapi/v1/exchangeInfo"), get, [this](const QHttpServerRequest&) {
        return json(exchangeInfoJson(m_market.instrument(), QDateTime::currentMSecsSinceEpoch()));
    });
    route(QStringLiteral("/fapi/v1/depth"), get, [this](const QHttpServerRequest& request) {
        const QUrlQuery query(request.url());
        const QString symbol = query.queryItemValue(QStringLiteral("symbol"));
        if (symbol.isEmpty()) {
            return binanceError(-1102, "Mandatory parameter 'symbol' was not sent, was empty/null, "
                                       "or malformed.");
        }
        if (symbol.toStdString() != m_market.instrument().symbol) {
            return binanceError(-1121, "Invalid symbol.");
        }
        int limit = 500;
        if (query.hasQueryItem(QStringLiteral("limit"))) {
            bool ok = false;
            limit = query.queryItemValue(QStringLiteral("limit")).toInt(&ok);
            // Binance accepts 5, 10, 20, 50, 100, 500 and 1000.
            if (!ok || (limit != 5 && limit != 10 && limit != 20 && limit != 50 && limit != 100 &&
                        limit != 500 && limit != 1000)) {
                return binanceError(-1130, "Invalid data sent for a parameter.");
            }
        }
        return json(m_market.depthSnapshot(limit));
    });
}

} // namespace hoga::sim
