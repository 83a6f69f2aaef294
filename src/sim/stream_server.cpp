#include "stream_server.h"

#include <QDateTime>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QTimer>
#include <QUrlQuery>

#include <QtWebSockets/QWebSocket>

#include <algorithm>

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

bool StreamServer::streamMatches(const QString& stream, StreamKind kind) const {
    const QString prefix = m_symbol + QLatin1Char('@');
    if (!stream.startsWith(prefix)) {
        return false;
    }
    const QStringView name = QStringView(stream).mid(prefix.size());
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

void StreamServer::publish(StreamKind kind, const std::string& payload) {
    QString raw; // built lazily: most events go to few clients
    for (const auto& c : m_clients) {
        for (const QString& stream : c->streams) {
            if (!streamMatches(stream, kind)) {
                continue;
            }
            if (raw.isEmpty()) {
                raw = QString::fromStdString(payload);
            }
            if (c->combined) {
                c->socket->sendTextMessage(QStringLiteral("{\"stream\":\"") + stream +
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
    }
}

void StreamServer::dropAll() {
    for (const auto& c : m_clients) {
        c->socket->abort();
    }
}

} // namespace hoga::sim
