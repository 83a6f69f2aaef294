#include "rest_server.h"

#include "sim/binance_json.h"
#include "sim/fault_plan.h"

#include <QDateTime>
#include <QHttpServerRequest>
#include <QHttpServerResponse>
#include <QTimer>
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
    route(QStringLiteral("/fapi/v1/ticker/bookTicker"), get, [this](const QHttpServerRequest& request) {
        // The simulator's own book top, stamped with the last update id it applied. Without
        // a symbol Binance answers a list (of every symbol: here, the one).
        const QString symbol = QUrlQuery(request.url()).queryItemValue(QStringLiteral("symbol"));
        const core::InstrumentSpec& spec = m_market.instrument();
        if (!symbol.isEmpty() && symbol.toStdString() != spec.symbol) {
            return binanceError(-1121, "Invalid symbol.");
        }
        const auto bid = m_market.book().bestBid();
        const auto ask = m_market.book().bestAsk();
        const std::string ticker = fmt::format(
            R"({{"symbol":"{}","bidPrice":"{}","bidQty":"{}","askPrice":"{}","askQty":"{}","time":{},"lastUpdateId":{}}})",
            spec.symbol, bid ? spec.formatPrice(bid->price) : std::string("0"),
            bid ? spec.formatQty(bid->qty) : std::string("0"),
            ask ? spec.formatPrice(ask->price) : std::string("0"),
            ask ? spec.formatQty(ask->qty) : std::string("0"), m_market.exchangeTimeMs(),
            m_market.processor().synchronizer().lastAppliedUpdateId());
        return json(symbol.isEmpty() ? "[" + ticker + "]" : ticker);
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

void RestServer::answer(const QHttpServerRequest& request, QHttpServerResponder&& responder,
                        const std::function<QHttpServerResponse()>& handle) {
    RestFault fault;
    if (m_faults && !m_faults->empty()) {
        const QString path = request.url().path();
        const bool isOrder = request.method() == QHttpServerRequest::Method::Post &&
                             (path == QStringLiteral("/fapi/v1/order") ||
                              path == QStringLiteral("/fapi/v1/batchOrders") ||
                              path == QStringLiteral("/fapi/v1/algoOrder"));
        const bool hasTimestamp =
            QUrlQuery(request.url()).hasQueryItem(QStringLiteral("timestamp")) ||
            request.body().contains("timestamp=");
        fault = m_faults->restFault(path.toStdString(), isOrder, hasTimestamp);
    }
    if (fault.reply) {
        QHttpServerResponse response(
            QByteArrayLiteral("application/json"), QByteArray::fromStdString(fault.reply->body),
            static_cast<QHttpServerResponse::StatusCode>(fault.reply->httpStatus));
        if (fault.reply->retryAfterSeconds > 0) {
            response.setHeader(QByteArrayLiteral("Retry-After"),
                               QByteArray::number(fault.reply->retryAfterSeconds));
        }
        response.write(std::move(responder));
        return;
    }
    if (fault.delayMs <= 0) {
        handle().write(std::move(responder));
        return;
    }
    // Executed now, answered late: the request has taken effect even if the client gives up.
    // The responder holds the connection's raw socket: write only while that socket lives.
    auto response = std::make_shared<QHttpServerResponse>(handle());
    auto late = std::make_shared<QHttpServerResponder>(std::move(responder));
    const QPointer<QTcpSocket> socket = m_tcp.currentSocket();
    QTimer::singleShot(static_cast<int>(fault.delayMs), this, [response, late, socket] {
        if (socket && socket->state() == QAbstractSocket::ConnectedState) {
            response->write(std::move(*late));
        }
    });
}

} // namespace hoga::sim
