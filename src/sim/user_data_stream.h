#pragma once

// listenKeys and the user data stream (API_FACTS.md §7). A key is valid for `validityMs` (60 min)
// after its creation or last keepalive; POST returns the account's active key, extended, or a new
// one. Clients connect to /ws/<listenKey> or /private/ws/<listenKey> on the simulator's WebSocket
// port (the StreamServer hands such connections over) and receive their account's events. On
// expiry every connection of the key gets {"e":"listenKeyExpired",…} and no further events.

#include "sim/request_signing.h"

#include <QObject>
#include <QString>
#include <QTimer>

#include <cstdint>
#include <map>
#include <optional>
#include <set>
#include <string>
#include <vector>

class QWebSocket;

namespace hoga::sim {

class FaultPlan;

class UserDataStreams : public QObject {
    Q_OBJECT
public:
    explicit UserDataStreams(std::int64_t validityMs = 3'600'000, QObject* parent = nullptr);
    ~UserDataStreams() override;

    std::string createOrExtend(const std::string& apiKey, std::int64_t nowMs);
    // PUT: extends the account's key (`listenKey` may be empty); -1125 when there is none.
    std::optional<ApiError> keepAlive(const std::string& apiKey, const std::string& listenKey,
                                      std::int64_t nowMs);
    void close(const std::string& apiKey);
    // With a fault plan, `listenkey-lifetime=S` shortens the life of keys created or extended.
    void setFaultPlan(const FaultPlan* plan) { m_faults = plan; }

    // Takes over a WebSocket whose path (prefix removed) is /ws/<listenKey> of a live key; false
    // when the path is not one, leaving the socket to the caller.
    bool accept(QWebSocket* socket, const QString& path);
    void publish(const std::string& apiKey, const std::string& payload);
    [[nodiscard]] int connectionCount() const;

private:
    struct Key {
        std::string apiKey;
        std::int64_t expiresAtMs = 0;
        std::vector<QWebSocket*> sockets;
    };
    void expire(std::int64_t nowMs);
    void drop(QWebSocket* socket);
    void send(QWebSocket* socket, const std::string& listenKey, const QString& payload) const;
    [[nodiscard]] std::int64_t validityMs() const;

    std::int64_t m_validityMs;
    std::map<std::string, Key> m_keys; // by listenKey
    std::set<QWebSocket*> m_combined;  // connected as /stream?listenKey=…: events are wrapped
    const FaultPlan* m_faults = nullptr;
    QTimer m_expiryTimer;
};

} // namespace hoga::sim
