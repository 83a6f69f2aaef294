#pragma once

// The WebSocket side of the simulator: Binance's market stream endpoints on loopback.
// - Raw streams `/ws/<stream>[/<stream>…]` and combined streams `/stream?streams=a/b`, also under
//   the `/public`, `/market` and `/private` prefixes of the 2026 endpoint split.
// - SUBSCRIBE / UNSUBSCRIBE / LIST_SUBSCRIPTIONS with Binance's replies; more than 10 incoming
//   messages in a second closes the connection, as Binance does.
// - Server pings every `pingIntervalMs`; a client that has not answered the previous ping (with
//   a pong) by the next one is sent a close frame and dropped a second later.
// - A connection is closed `connectionLifetimeMs` after it opened (Binance: 24 h).
// - Stream faults of a FaultPlan (sim/fault_plan.h) are applied here, on the way out: skipped,
//   duplicated, reordered depth events; malformed frames; delayed or stalled delivery.

#include "sim/stream_kind.h"

#include <QObject>
#include <QString>

#include <QtWebSockets/QWebSocketServer>

#include <deque>
#include <functional>
#include <memory>
#include <optional>
#include <set>
#include <vector>

class QWebSocket;
class QTimer;

namespace hoga::sim {

class FaultPlan;

struct StreamServerOptions {
    int pingIntervalMs = 180000; // Binance: every 3 minutes
    int maxIncomingPerSecond = 10;
    qint64 connectionLifetimeMs = 24LL * 3600 * 1000; // Binance: 24 hours
};

class StreamServer : public QObject {
    Q_OBJECT
public:
    StreamServer(QString symbol, StreamServerOptions options, QObject* parent = nullptr);
    ~StreamServer() override;

    bool listen(const QHostAddress& address, quint16 port, QString& error);
    [[nodiscard]] quint16 port() const;
    [[nodiscard]] int clientCount() const { return static_cast<int>(m_clients.size()); }
    // The plan whose stream faults apply (nullptr: none). Not owned.
    void setFaultPlan(FaultPlan* plan) { m_faults = plan; }
    // Offered every new connection first, with its path minus the /public|/market|/private
    // prefix; returning true takes the socket over (the user data stream's /ws/<listenKey>).
    void setConnectionFilter(std::function<bool(QWebSocket*, const QString&)> filter) {
        m_connectionFilter = std::move(filter);
    }

    // Sends one market event to every client subscribed to a stream of this kind (`stream`:
    // only to that stream name, see StreamSink).
    void publish(StreamKind kind, std::string_view stream, const std::string& payload);
    // Closes every connection (fault injection and shutdown).
    void dropAll();
    // Holds every outgoing frame for `ms`, then sends them in order (fault injection).
    void stall(qint64 ms);
    [[nodiscard]] qint64 framesSent() const { return m_framesSent; }

Q_SIGNALS:
    void clientConnected();
    void clientDisconnected();

private:
    struct Client;
    struct Pending {
        qint64 releaseMs;
        StreamKind kind;
        std::string stream;
        std::string payload;
    };
    void onNewConnection();
    void onMessage(Client* client, const QString& message);
    void sendPings();
    [[nodiscard]] bool streamMatches(const QString& stream, StreamKind kind,
                                     std::string_view only) const;
    void removeClient(Client* client);
    void route(StreamKind kind, std::string_view stream, const std::string& payload);
    void deliver(StreamKind kind, std::string_view stream, const std::string& payload);
    void releaseDue();

    QString m_symbol; // lower case, as in stream names
    StreamServerOptions m_options;
    QWebSocketServer m_server;
    std::vector<std::unique_ptr<Client>> m_clients;
    QTimer* m_pingTimer = nullptr;
    FaultPlan* m_faults = nullptr;
    std::function<bool(QWebSocket*, const QString&)> m_connectionFilter;
    std::optional<std::string> m_heldDepth; // depth-reorder: sent after the next depth event
    std::deque<Pending> m_pending;          // stream-delay / stream-stall, in order
    qint64 m_stallUntilMs = 0;
    QTimer* m_releaseTimer = nullptr;
    qint64 m_framesSent = 0;
};

} // namespace hoga::sim
