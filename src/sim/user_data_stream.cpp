#include "user_data_stream.h"

#include "sim/fault_plan.h"
#include "sim/user_data_json.h"

#include <QDateTime>
#include <QRandomGenerator>
#include <QUrlQuery>

#include <QtWebSockets/QWebSocket>

#include <algorithm>

namespace hoga::sim {

namespace {
std::string newListenKey() {
    // 64 characters from Binance's listenKey alphabet.
    static constexpr char kAlphabet[] =
        "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789";
    std::string key;
    for (int i = 0; i < 64; ++i) {
        key.push_back(kAlphabet[QRandomGenerator::global()->bounded(62)]);
    }
    return key;
}
} // namespace

UserDataStreams::UserDataStreams(std::int64_t validityMs, QObject* parent)
    : QObject(parent), m_validityMs(validityMs) {
    m_expiryTimer.setInterval(
        static_cast<int>(std::clamp<std::int64_t>(validityMs / 10, 10, 1000)));
    connect(&m_expiryTimer, &QTimer::timeout, this,
            [this] { expire(QDateTime::currentMSecsSinceEpoch()); });
    m_expiryTimer.start();
}

UserDataStreams::~UserDataStreams() {
    for (auto& [key, k] : m_keys) {
        for (QWebSocket* s : k.sockets) {
            s->disconnect(this);
            s->abort();
            s->deleteLater();
        }
    }
}

std::int64_t UserDataStreams::validityMs() const {
    return m_faults ? m_faults->listenKeyLifetimeMs(m_validityMs) : m_validityMs;
}

std::string UserDataStreams::createOrExtend(const std::string& apiKey, std::int64_t nowMs) {
    for (auto& [listenKey, k] : m_keys) {
        if (k.apiKey == apiKey) {
            k.expiresAtMs = nowMs + validityMs();
            return listenKey;
        }
    }
    const std::string listenKey = newListenKey();
    m_keys[listenKey] = Key{apiKey, nowMs + validityMs(), {}};
    return listenKey;
}

std::optional<ApiError> UserDataStreams::keepAlive(const std::string& apiKey,
                                                   const std::string& listenKey,
                                                   std::int64_t nowMs) {
    for (auto& [key, k] : m_keys) {
        if (k.apiKey == apiKey && (listenKey.empty() || listenKey == key)) {
            k.expiresAtMs = nowMs + validityMs();
            return std::nullopt;
        }
    }
    return ApiError{-1125,
                    "This listenKey does not exist. Please use POST /fapi/v1/listenKey to "
                    "recreate listenKey",
                    400};
}

void UserDataStreams::close(const std::string& apiKey) {
    for (auto it = m_keys.begin(); it != m_keys.end(); ++it) {
        if (it->second.apiKey == apiKey) {
            for (QWebSocket* s : it->second.sockets) {
                s->disconnect(this);
                s->close(QWebSocketProtocol::CloseCodeNormal, QStringLiteral("listenKey closed"));
                s->deleteLater();
            }
            m_keys.erase(it);
            return;
        }
    }
}

bool UserDataStreams::accept(QWebSocket* socket, const QString& path) {
    // `/ws/<listenKey>` (raw events), or `/stream?listenKey=<key>` (events wrapped as a combined
    // stream named after the key), which current clients use on the /private endpoint.
    std::string listenKey;
    bool combined = false;
    if (path.startsWith(QStringLiteral("/ws/"))) {
        listenKey = path.mid(4).toStdString();
    } else if (path == QStringLiteral("/stream")) {
        listenKey = QUrlQuery(socket->requestUrl())
                        .queryItemValue(QStringLiteral("listenKey"))
                        .toStdString();
        combined = true;
    }
    const auto it = listenKey.empty() ? m_keys.end() : m_keys.find(listenKey);
    if (it == m_keys.end()) {
        return false;
    }
    if (combined) {
        m_combined.insert(socket);
    }
    socket->setParent(this);
    it->second.sockets.push_back(socket);
    connect(socket, &QWebSocket::disconnected, this, [this, socket] { drop(socket); });
    return true;
}

void UserDataStreams::drop(QWebSocket* socket) {
    for (auto& [key, k] : m_keys) {
        std::erase(k.sockets, socket);
    }
    m_combined.erase(socket);
    socket->deleteLater();
}

void UserDataStreams::send(QWebSocket* socket, const std::string& listenKey,
                           const QString& payload) const {
    if (m_combined.count(socket) != 0) {
        socket->sendTextMessage(QStringLiteral("{\"stream\":\"") +
                                QString::fromStdString(listenKey) + QStringLiteral("\",\"data\":") +
                                payload + QLatin1Char('}'));
    } else {
        socket->sendTextMessage(payload);
    }
}

void UserDataStreams::publish(const std::string& apiKey, const std::string& payload) {
    const QString text = QString::fromStdString(payload);
    for (auto& [key, k] : m_keys) {
        if (k.apiKey == apiKey) {
            for (QWebSocket* s : k.sockets) {
                send(s, key, text);
            }
        }
    }
}

int UserDataStreams::connectionCount() const {
    int n = 0;
    for (const auto& [key, k] : m_keys) {
        n += static_cast<int>(k.sockets.size());
    }
    return n;
}

void UserDataStreams::expire(std::int64_t nowMs) {
    for (auto it = m_keys.begin(); it != m_keys.end();) {
        if (nowMs < it->second.expiresAtMs) {
            ++it;
            continue;
        }
        const QString message = QString::fromStdString(listenKeyExpiredJson(it->first, nowMs));
        for (QWebSocket* s : it->second.sockets) {
            // The connection stays open, as on Binance, but carries no more events.
            send(s, it->first, message);
        }
        it = m_keys.erase(it);
    }
}

} // namespace hoga::sim
