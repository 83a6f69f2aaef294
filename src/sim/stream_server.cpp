#include "stream_server.h"

#include <QPointer>

#include "sim/fault_plan.h"

#include <QDateTime>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QTimer>
#include <QUrlQuery>

#include <QtWebSockets/QWebSocket>

#include <algorithm>
#include <limits>

namespace hoga::sim {

struct StreamServer::Client {
    QWebSocket* socket = nullptr;
    bool combined = false;
    std::set<QString> streams;
    qint64 windowStartMs = 0;
    int messagesInWindow = 0;
    bool awaitingPong = false;
};

StreamServer::StreamServer(QString symbol, StreamServerOptions options, QObject* parent)
    : QObject(parent), m_symbol(symbol.toLower()), m_options(options),
      m_server(QStringLiteral("hoga-exchange-sim"), QWebSocketServer::NonSecureMode) {
    connect(&m_server, &QWebSocketServer::newConnection, this, &StreamServer::onNewConnection);
    m_pingTimer = new QTimer(this);
    m_pingTimer->setInterval(m_options.pingIntervalMs);
    connect(m_pingTimer, &QTimer::timeout, this, &StreamServer::sendPings);
    m_releaseTimer = new QTimer(this);
    m_releaseTimer->setSingleShot(true);
    connect(m_releaseTimer, &QTimer::timeout, this, &StreamServer::releaseDue);
}

StreamServer::~StreamServer() {
    for (auto& c : m_clients) {
        c->socket->disconnect(this);
        c->socket->abort();
        c->socket->deleteLater();
    }
}

bool StreamServer::listen(const QHostAddress& address, quint16 port, QString& error) {
    if (!m_server.listen(address, port)) {
        error = m_server.errorString();
        return false;
    }
    m_pingTimer->start();
    return true;
}

quint16 StreamServer::port() const {
    return m_server.serverPort();
}

bool StreamServer::streamMatches(const QString& stream, StreamKind kind,
                                 std::string_view only) const {
    const QString prefix = m_symbol + QLatin1Char('@');
    if (!stream.startsWith(prefix)) {
        return false;
    }
    const QStringView name = QStringView(stream).mid(prefix.size());
    if (!only.empty()) {
        return name == QLatin1String(only.data(), static_cast<qsizetype>(only.size()));
    }
    switch (kind) {
    case StreamKind::Depth:
        // The recording's depth diffs serve every update speed (documented in the README).
        return name == u"depth" || name == u"depth@100ms" || name == u"depth@500ms" ||
               name == u"depth@0ms" || name == u"depth@250ms";
    case StreamKind::Trade:
        return name == u"trade";
    case StreamKind::AggTrade:
        return name == u"aggTrade";
    case StreamKind::BookTicker:
        return name == u"bookTicker";
    case StreamKind::MarkPrice:
        return name == u"markPrice" || name == u"markPrice@1s";
    case StreamKind::Kline:
        return false; // always sent to one named stream ("kline_1m")
    }
    return false;
}

void StreamServer::onNewConnection() {
    while (QWebSocket* socket = m_server.nextPendingConnection()) {
        const QUrl url = socket->requestUrl();
        QString path = url.path();
        for (const QString& prefix :
             {QStringLiteral("/public"), QStringLiteral("/market"), QStringLiteral("/private")}) {
            if (path.startsWith(prefix + QLatin1Char('/'))) {
                path = path.mid(prefix.size());
                break;
            }
        }
        if (m_connectionFilter && m_connectionFilter(socket, path)) {
            continue;
        }
        auto client = std::make_unique<Client>();
        client->socket = socket;
        QStringList streams;
        if (path.startsWith(QStringLiteral("/ws/"))) {
            streams = path.mid(4).split(QLatin1Char('/'), Qt::SkipEmptyParts);
        } else if (path == QStringLiteral("/ws")) {
            // no stream yet: the client will SUBSCRIBE
        } else if (path == QStringLiteral("/stream")) {
            client->combined = true;
            streams = QUrlQuery(url)
                          .queryItemValue(QStringLiteral("streams"))
                          .split(QLatin1Char('/'), Qt::SkipEmptyParts);
        } else {
            socket->close(QWebSocketProtocol::CloseCodeBadOperation,
                          QStringLiteral("unknown path"));
            socket->deleteLater();
            continue;
        }
        for (const QString& s : streams) {
            client->streams.insert(s);
        }
        Client* raw = client.get();
        connect(socket, &QWebSocket::textMessageReceived, this,
                [this, raw](const QString& m) { onMessage(raw, m); });
        connect(socket, &QWebSocket::pong, this,
                [raw](quint64, const QByteArray&) { raw->awaitingPong = false; });
        connect(socket, &QWebSocket::disconnected, this, [this, raw] { removeClient(raw); });
        // Binance ends every connection after 24 h; clients must reconnect on their own.
        const auto lifetime = static_cast<int>(
            std::clamp<qint64>(m_options.connectionLifetimeMs, 1, std::numeric_limits<int>::max()));
        QTimer::singleShot(lifetime, socket, [socket] {
            socket->close(QWebSocketProtocol::CloseCodeGoingAway,
                          QStringLiteral("connection lifetime reached"));
            QTimer::singleShot(1000, socket, [socket] { socket->abort(); });
        });
        m_clients.push_back(std::move(client));
        Q_EMIT clientConnected();
    }
}

void StreamServer::removeClient(Client* client) {
    const auto it = std::find_if(m_clients.begin(), m_clients.end(),
                                 [client](const auto& c) { return c.get() == client; });
    if (it == m_clients.end()) {
        return;
    }
    (*it)->socket->deleteLater();
    m_clients.erase(it);
    Q_EMIT clientDisconnected();
}

void StreamServer::onMessage(Client* client, const QString& message) {
    // Binance closes a connection that sends more than 10 messages a second.
    const qint64 nowMs = QDateTime::currentMSecsSinceEpoch();
    if (nowMs - client->windowStartMs >= 1000) {
        client->windowStartMs = nowMs;
        client->messagesInWindow = 0;
    }
    if (++client->messagesInWindow > m_options.maxIncomingPerSecond) {
        client->socket->close(QWebSocketProtocol::CloseCodePolicyViolated,
                              QStringLiteral("Too many messages"));
        return;
    }
    const QJsonDocument doc = QJsonDocument::fromJson(message.toUtf8());
    const QJsonObject request = doc.object();
    const QJsonValue id = request.value(QStringLiteral("id"));
    const QString method = request.value(QStringLiteral("method")).toString();
    QJsonObject reply;
    reply.insert(QStringLiteral("id"), id);
    if (!doc.isObject() || method.isEmpty()) {
        QJsonObject err;
        err.insert(QStringLiteral("code"), 3);
        err.insert(QStringLiteral("msg"),
                   QStringLiteral("Invalid JSON: expected an object with a method"));
        reply.insert(QStringLiteral("error"), err);
    } else if (method == QStringLiteral("SUBSCRIBE") || method == QStringLiteral("UNSUBSCRIBE")) {
        for (const QJsonValue v : request.value(QStringLiteral("params")).toArray()) {
            if (method == QStringLiteral("SUBSCRIBE")) {
                client->streams.insert(v.toString());
            } else {
                client->streams.erase(v.toString());
            }
        }
        reply.insert(QStringLiteral("result"), QJsonValue::Null);
    } else if (method == QStringLiteral("LIST_SUBSCRIPTIONS")) {
        QJsonArray list;
        for (const QString& s : client->streams) {
            list.append(s);
        }
        reply.insert(QStringLiteral("result"), list);
    } else {
        QJsonObject err;
        err.insert(QStringLiteral("code"), 2);
        err.insert(QStringLiteral("msg"), QStringLiteral("Invalid request: unknown method"));
        reply.insert(QStringLiteral("error"), err);
    }
    client->socket->sendTextMessage(
        QString::fromUtf8(QJsonDocument(reply).toJson(QJsonDocument::Compact)));
}

void StreamServer::publish(StreamKind kind, std::string_view stream, const std::string& payload) {
    if (m_faults && !m_faults->empty() && kind == StreamKind::Depth) {
        if (m_faults->skipDepth()) {
            return; // clients see pu != their last u
        }
        if (m_faults->reorderDepth() && !m_heldDepth) {
            m_heldDepth = payload;
            return;
        }
        route(kind, stream, payload);
        if (m_faults->duplicateDepth()) {
            route(kind, stream, payload);
        }
        if (m_heldDepth) {
            std::string held = std::move(*m_heldDepth);
            m_heldDepth.reset();
            route(kind, stream, held);
        }
        return;
    }
    route(kind, stream, payload);
}

void StreamServer::route(StreamKind kind, std::string_view stream, const std::string& payload) {
    const qint64 delayMs = m_faults ? m_faults->streamDelayMs() : 0;
    const qint64 nowMs = QDateTime::currentMSecsSinceEpoch();
    if (delayMs <= 0 && m_pending.empty() && nowMs >= m_stallUntilMs) {
        deliver(kind, stream, payload);
        return;
    }
    // Queued behind what is already held, so that the order never changes.
    const qint64 release = std::max(
        {nowMs + delayMs, m_stallUntilMs, m_pending.empty() ? 0 : m_pending.back().releaseMs});
    m_pending.push_back({release, kind, std::string(stream), payload});
    if (!m_releaseTimer->isActive()) {
        m_releaseTimer->start(
            static_cast<int>(std::max<qint64>(0, m_pending.front().releaseMs - nowMs)));
    }
}

void StreamServer::releaseDue() {
    const qint64 nowMs = QDateTime::currentMSecsSinceEpoch();
    while (!m_pending.empty() && m_pending.front().releaseMs <= nowMs) {
        const Pending p = std::move(m_pending.front());
        m_pending.pop_front();
        deliver(p.kind, p.stream, p.payload);
    }
    if (!m_pending.empty()) {
        m_releaseTimer->start(static_cast<int>(m_pending.front().releaseMs - nowMs));
    }
}

void StreamServer::stall(qint64 ms) {
    m_stallUntilMs = QDateTime::currentMSecsSinceEpoch() + ms;
}

void StreamServer::deliver(StreamKind kind, std::string_view stream, const std::string& payload) {
    QString raw; // built lazily: most events go to few clients
    for (const auto& c : m_clients) {
        for (const QString& name : c->streams) {
            if (!streamMatches(name, kind, stream)) {
                continue;
            }
            if (raw.isEmpty()) {
                raw = QString::fromStdString(payload);
                if (m_faults && !m_faults->empty() && m_faults->malformFrame()) {
                    raw.truncate(raw.size() / 2); // cut mid-object: invalid JSON
                }
            }
            ++m_framesSent;
            if (c->combined) {
                c->socket->sendTextMessage(QStringLiteral("{\"stream\":\"") + name +
                                           QStringLiteral("\",\"data\":") + raw + QLatin1Char('}'));
            } else {
                c->socket->sendTextMessage(raw);
            }
        }
    }
}

void StreamServer::sendPings() {
    std::vector<QWebSocket*> silent;
    for (const auto& c : m_clients) {
        if (c->awaitingPong) {
            silent.push_back(c->socket);
            continue;
        }
        c->awaitingPong = true;
        c->socket->ping();
    }
    for (QWebSocket* s : silent) {
        s->close(QWebSocketProtocol::CloseCodeGoingAway, QStringLiteral("pong timeout"));
        // A client that ignores pings may ignore the close handshake too.
        QTimer::singleShot(1000, s, [s] { s->abort(); });
    }
}

void StreamServer::dropAll() {
    // abort() emits disconnected() at once, which removes the client from m_clients: iterate
    // over a copy.
    std::vector<QPointer<QWebSocket>> sockets;
    sockets.reserve(m_clients.size());
    for (const auto& c : m_clients) {
        sockets.emplace_back(c->socket);
    }
    for (const auto& s : sockets) {
        if (s) {
            s->abort();
        }
    }
}

} // namespace hoga::sim
