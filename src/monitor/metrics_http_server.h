#pragma once

// Serves the metrics page to Prometheus (or curl) over HTTP/1.1 on loopback:
// `GET /metrics` (and HEAD) answers 200 with `Content-Type: text/plain; version=0.0.4;
// charset=utf-8` and the text the provider returns.
//
// Contract:
// - Binds 127.0.0.1 only: listen() refuses any other address (also ::1 and 0.0.0.0) with an
//   error naming it. Port 0 picks a free port (serverPort() says which).
// - One request per connection: every response carries `Connection: close` and the server
//   closes after it. A request split across TCP segments is assembled; a request whose head
//   exceeds maxRequestBytes gets 431; one that is not HTTP gets 400 (505 for HTTP/2+); another
//   path 404; another method 405 with `Allow: GET, HEAD`; a head not complete within
//   requestTimeoutMs gets 408. A provider that throws gives 500. Connections beyond
//   maxConnections are closed at once, unanswered. Every error is counted and logged (logger
//   "metrics"), and none stops the server.
// - The provider is called on the thread this object lives on (the server's thread), once per
//   GET or HEAD of /metrics and for nothing else; it must not block for long: the loop serves
//   nothing else meanwhile.
// - Not thread-safe: use it, and read stats(), from its own thread.

#include <QHostAddress>
#include <QObject>
#include <QString>

#include <cstdint>
#include <functional>
#include <string>
#include <unordered_map>

class QTcpServer;
class QTcpSocket;

namespace hoga::monitor {

// Times ≤ 0 mean the default.
struct MetricsHttpServerOptions {
    std::size_t maxRequestBytes = 8192; // request line and header fields
    int requestTimeoutMs = 10'000;      // from accept to a complete head
    int maxConnections = 32;            // open at once
    int lingerMs = 2'000;               // after answering, how long to drain what the client sends
};

struct MetricsHttpServerStats {
    std::uint64_t connections = 0;      // accepted
    std::uint64_t refused = 0;          // closed at once: too many open
    std::uint64_t requests = 0;         // answered, whatever the status
    std::uint64_t served = 0;           // 200
    std::uint64_t errors = 0;           // answered with 4xx/5xx (the counts below)
    std::uint64_t badRequests = 0;      // 400 and 505
    std::uint64_t notFound = 0;         // 404
    std::uint64_t methodNotAllowed = 0; // 405
    std::uint64_t timeouts = 0;         // 408
    std::uint64_t tooLarge = 0;         // 431
    std::uint64_t providerFailures = 0; // 500
};

class MetricsHttpServer : public QObject {
    Q_OBJECT

public:
    using Provider = std::function<std::string()>;

    explicit MetricsHttpServer(Provider provider, MetricsHttpServerOptions options = {},
                               QObject* parent = nullptr);
    ~MetricsHttpServer() override;

    // false with errorString() set if the address is not 127.0.0.1 or listening fails.
    bool listen(const QHostAddress& address, quint16 port);
    bool listen(quint16 port) { return listen(QHostAddress(QHostAddress::LocalHost), port); }
    void close(); // stops listening and drops every open connection

    bool isListening() const;
    quint16 serverPort() const;
    QString errorString() const { return m_error; }
    const MetricsHttpServerStats& stats() const { return m_stats; }
    std::size_t openConnections() const { return m_connections.size(); }

Q_SIGNALS:
    // After each answer, with its status code (tests and the GUI's status line watch it).
    void requestAnswered(int status);

private:
    struct Connection {
        std::string received;
        bool answered = false;
    };

    void acceptConnections();
    void readFrom(QTcpSocket* socket);
    void answer(QTcpSocket* socket, int status, const std::string& body, bool headOnly = false,
                const std::string& detail = {});
    void timeOut(QTcpSocket* socket);
    void halfCloseWhenSent(QTcpSocket* socket);

    Provider m_provider;
    MetricsHttpServerOptions m_options;
    QTcpServer* m_server = nullptr;
    std::unordered_map<QTcpSocket*, Connection> m_connections;
    QString m_error;
    MetricsHttpServerStats m_stats;
};

} // namespace hoga::monitor
