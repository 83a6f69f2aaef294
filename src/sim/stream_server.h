#pragma once

// The WebSocket side of the simulator: Binance's market stream endpoints on loopback.
// - Raw streams `/ws/<stream>[/<stream>…]` and combined streams `/stream?streams=a/b`, also under
//   the `/public`, `/market` and `/private` prefixes of the 2026 endpoint split.
// - SUBSCRIBE / UNSUBSCRIBE / LIST_SUBSCRIPTIONS with Binance's replies; more than 10 incoming
//   messages in a second closes the connection, as Binance does.
// - Server pings every `pingIntervalMs`; a client that has not answered the previous ping (with
//   a pong) by the next one is disconnected.

#include "sim/market_replay.h"

#include <QObject>
#include <QString>

#include <QtWebSockets/QWebSocketServer>

#include <memory>
#include <set>
#include <vector>

class QWebSocket;
class QTimer;

namespace hoga::sim {

struct StreamServerOptions {
    int pingIntervalMs = 180000; // Binance: every 3 minutes
    int maxIncomingPerSecond = 10;
};

class StreamServer : public QObject {
    Q_OBJECT
public:
    StreamServer(QString symbol, StreamServerOptions options, QObject* parent = nullptr);
    ~StreamServer() override;

    bool listen(const QHostAddress& address, quint16 port, QString& error);
    [[nodiscard]] quint16 port() const;
    [[nodiscard]] int clientCount() const { return static_cast<int>(m_clients.size()); }

    // Sends one market event to every client subscribed to a stream of this kind.
    void publish(StreamKind kind, const std::string& payload);
    // Closes every connection (fault injection and shutdown).
    void dropAll();

Q_SIGNALS:
    void clientConnected();
    void clientDisconnected();

private:
    struct Client;
    void onNewConnection();
    void onMessage(Client* client, const QString& message);
    void sendPings();
    [[nodiscard]] bool streamMatches(const QString& stream, StreamKind kind) const;
    void removeClient(Client* client);

    QString m_symbol; // lower case, as in stream names
    StreamServerOptions m_options;
    QWebSocketServer m_server;
    std::vector<std::unique_ptr<Client>> m_clients;
    QTimer* m_pingTimer = nullptr;
};

} // namespace hoga::sim
