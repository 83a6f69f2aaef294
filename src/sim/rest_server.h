#pragma once

// The REST side of the simulator (public market data for now): /fapi/v1/ping, /time,
// /exchangeInfo and /depth, with Binance's error shape for bad requests. Qt HttpServer 6.4 is bound
// to a QTcpServer we listen on ourselves (its listen() was removed in 6.8).

#include "sim/market_replay.h"
#include "sim/request_limits.h"
#include "sim/tracking_tcp_server.h"

#include <QObject>
#include <QTcpServer>

#include <QtHttpServer/QHttpServer>
#include <QtHttpServer/QHttpServerRequest>
#include <QtHttpServer/QHttpServerResponder>
#include <QtHttpServer/QHttpServerResponse>

#include <functional>

namespace hoga::sim {

class FaultPlan;

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
                     [this, h = std::forward<Handler>(handler)](const QHttpServerRequest& request,
                                                                QHttpServerResponder&& responder) {
                         ++m_requests;
                         answer(request, std::move(responder), [&] {
                             return m_limits.apply(request, [&] { return h(request); });
                         });
                     });
    }
    // The plan whose REST faults apply to every route but /sim/* (nullptr: none). Not owned.
    void setFaultPlan(FaultPlan* plan) { m_faults = plan; }
    // Request weights and rate limits (429/418) of every route.
    [[nodiscard]] RequestLimits& limits() { return m_limits; }

private:
    void addRoutes();
    // Runs `handle` and writes its response, unless a fault answers instead or late.
    void answer(const QHttpServerRequest& request, QHttpServerResponder&& responder,
                const std::function<QHttpServerResponse()>& handle);

    const MarketReplay& m_market;
    QHttpServer m_http;
    TrackingTcpServer m_tcp;
    qint64 m_requests = 0;
    FaultPlan* m_faults = nullptr;
    RequestLimits m_limits;
};

} // namespace hoga::sim
