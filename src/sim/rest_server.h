#pragma once

// The REST side of the simulator (public market data for now): /fapi/v1/ping, /time,
// /exchangeInfo and /depth, with Binance's error shape for bad requests. Qt HttpServer 6.4 is bound
// to a QTcpServer we listen on ourselves (its listen() was removed in 6.8).

#include "sim/market_replay.h"

#include <QObject>
#include <QTcpServer>

#include <QtHttpServer/QHttpServer>
#include <QtHttpServer/QHttpServerRequest>

namespace hoga::sim {

class RestServer : public QObject {
    Q_OBJECT
public:
    RestServer(const MarketReplay& market, QObject* parent = nullptr);

    bool listen(const QHostAddress& address, quint16 port, QString& error);
    [[nodiscard]] quint16 port() const { return m_tcp.serverPort(); }
    [[nodiscard]] qint64 requests() const { return m_requests; }

    // Every endpoint, public or signed, is registered through here, so that what applies to all
    // requests (request counting now; fault injection and rate limits) lives in one place.
    // `handler`: QHttpServerResponse(const QHttpServerRequest&).
    template <typename Handler>
    void route(const QString& path, QHttpServerRequest::Methods methods, Handler&& handler) {
        m_http.route(path, methods,
                     [this, h = std::forward<Handler>(handler)](const QHttpServerRequest& request) {
                         ++m_requests;
                         return h(request);
                     });
    }

private:
    void addRoutes();

    const MarketReplay& m_market;
    QHttpServer m_http;
    QTcpServer m_tcp;
    qint64 m_requests = 0;
};

} // namespace hoga::sim
