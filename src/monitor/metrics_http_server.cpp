#include "monitor/metrics_http_server.h"

#include "monitor/http_request.h"
#include "platform/logging.h"

#include <QDateTime>
#include <QLocale>
#include <QTcpServer>
#include <QTcpSocket>
#include <QTimer>

#include <exception>
#include <sys/socket.h>
#include <vector>

namespace hoga::monitor {

namespace {

constexpr char kMetricsContentType[] = "text/plain; version=0.0.4; charset=utf-8";

const char* reasonPhrase(int status) {
    switch (status) {
    case 200:
        return "OK";
    case 400:
        return "Bad Request";
    case 404:
        return "Not Found";
    case 405:
        return "Method Not Allowed";
    case 408:
        return "Request Timeout";
    case 431:
        return "Request Header Fields Too Large";
    case 500:
        return "Internal Server Error";
    case 505:
        return "HTTP Version Not Supported";
    default:
        return "Error";
    }
}

// RFC 9110 §5.6.7 IMF-fixdate; the C locale keeps the day and month names English.
std::string httpDate() {
    return QLocale::c()
               .toString(QDateTime::currentDateTimeUtc(),
                         QStringLiteral("ddd, dd MMM yyyy hh:mm:ss"))
               .toStdString() +
           " GMT";
}

} // namespace

MetricsHttpServer::MetricsHttpServer(Provider provider, MetricsHttpServerOptions options,
                                     QObject* parent)
    : QObject(parent), m_provider(std::move(provider)), m_options(options),
      m_server(new QTcpServer(this)) {
    // Zero or negative times would answer 408 or cut the answer off before anyone could read it.
    const MetricsHttpServerOptions defaults;
    if (m_options.requestTimeoutMs <= 0) {
        m_options.requestTimeoutMs = defaults.requestTimeoutMs;
    }
    if (m_options.lingerMs <= 0) {
        m_options.lingerMs = defaults.lingerMs;
    }
    connect(m_server, &QTcpServer::newConnection, this, &MetricsHttpServer::acceptConnections);
}

MetricsHttpServer::~MetricsHttpServer() {
    close();
}

bool MetricsHttpServer::listen(const QHostAddress& address, quint16 port) {
    if (address != QHostAddress(QHostAddress::LocalHost)) {
        m_error = QStringLiteral("refusing to serve metrics on %1: only 127.0.0.1 is allowed")
                      .arg(address.toString());
        platform::logger("metrics")->error("{}", m_error.toStdString());
        return false;
    }
    if (m_server->isListening()) {
        m_error = QStringLiteral("already listening on 127.0.0.1:%1").arg(m_server->serverPort());
        return false;
    }
    if (!m_server->listen(address, port)) {
        m_error = QStringLiteral("cannot listen on 127.0.0.1:%1: %2")
                      .arg(port)
                      .arg(m_server->errorString());
        platform::logger("metrics")->error("{}", m_error.toStdString());
        return false;
    }
    m_error.clear();
    platform::logger("metrics")->info("serving metrics on http://127.0.0.1:{}/metrics",
                                      m_server->serverPort());
    return true;
}

void MetricsHttpServer::close() {
    m_server->close();
    std::vector<QTcpSocket*> sockets;
    sockets.reserve(m_connections.size());
    for (const auto& entry : m_connections) {
        sockets.push_back(entry.first);
    }
    m_connections.clear(); // before abort(): its disconnected() must find nothing to erase
    for (QTcpSocket* socket : sockets) {
        socket->abort();
        socket->deleteLater();
    }
}

bool MetricsHttpServer::isListening() const {
    return m_server->isListening();
}
quint16 MetricsHttpServer::serverPort() const {
    return m_server->serverPort();
}

void MetricsHttpServer::acceptConnections() {
    while (QTcpSocket* socket = m_server->nextPendingConnection()) {
        if (m_connections.size() >= std::size_t(std::max(m_options.maxConnections, 1))) {
            ++m_stats.refused;
            platform::logger("metrics")->warn("refusing a connection: {} already open",
                                              m_connections.size());
            socket->abort();
            socket->deleteLater();
            continue;
        }
        ++m_stats.connections;
        m_connections.emplace(socket, Connection{});
        connect(socket, &QTcpSocket::readyRead, this, [this, socket] { readFrom(socket); });
        connect(socket, &QTcpSocket::disconnected, this, [this, socket] {
            m_connections.erase(socket);
            socket->deleteLater();
        });
        QTimer::singleShot(m_options.requestTimeoutMs, socket, [this, socket] { timeOut(socket); });
        if (socket->bytesAvailable() > 0) {
            readFrom(socket);
        }
    }
}

void MetricsHttpServer::readFrom(QTcpSocket* socket) {
    const auto it = m_connections.find(socket);
    if (it == m_connections.end()) {
        return;
    }
    const QByteArray data = socket->readAll();
    Connection& connection = it->second;
    if (connection.answered) {
        return; // draining what the client still sends, so closing does not reset the answer
    }
    connection.received.append(data.constData(), std::size_t(data.size()));
    const HttpParseResult parsed =
        parseHttpRequestHead(connection.received, m_options.maxRequestBytes);
    switch (parsed.status) {
    case HttpParseStatus::Incomplete:
        return;
    case HttpParseStatus::Malformed:
    case HttpParseStatus::TooLarge:
        answer(socket, parsed.errorStatus, {}, false, parsed.error);
        return;
    case HttpParseStatus::Complete:
        break;
    }
    const HttpRequestHead& head = parsed.head;
    if (head.path != "/metrics") {
        answer(socket, 404, {}, false, head.method + " " + head.target);
        return;
    }
    const bool headOnly = head.method == "HEAD";
    if (head.method != "GET" && !headOnly) {
        answer(socket, 405, {}, false, head.method + " " + head.target);
        return;
    }
    std::string page;
    try {
        page = m_provider ? m_provider() : std::string();
    } catch (const std::exception& e) {
        answer(socket, 500, {}, false, std::string("metrics provider failed: ") + e.what());
        return;
    } catch (...) {
        answer(socket, 500, {}, false, "metrics provider failed");
        return;
    }
    answer(socket, 200, page, headOnly);
}

void MetricsHttpServer::answer(QTcpSocket* socket, int status, const std::string& body,
                               bool headOnly, const std::string& detail) {
    m_connections[socket].answered = true;
    const bool ok = status == 200;
    // An error's body says what was wrong, so a person with curl sees it.
    const std::string content = ok ? body
                                   : std::to_string(status) + " " + reasonPhrase(status) +
                                         (detail.empty() ? std::string() : ": " + detail) + "\n";
    std::string response =
        "HTTP/1.1 " + std::to_string(status) + " " + reasonPhrase(status) +
        "\r\nDate: " + httpDate() +
        "\r\nContent-Type: " + (ok ? kMetricsContentType : "text/plain; charset=utf-8") +
        "\r\nContent-Length: " + std::to_string(content.size()) + "\r\nConnection: close\r\n";
    if (status == 405) {
        response += "Allow: GET, HEAD\r\n";
    }
    response += "\r\n";
    if (!headOnly) {
        response += content;
    }
    socket->write(response.data(), qint64(response.size()));

    ++m_stats.requests;
    switch (status) {
    case 200:
        ++m_stats.served;
        break;
    case 404:
        ++m_stats.notFound;
        break;
    case 405:
        ++m_stats.methodNotAllowed;
        break;
    case 408:
        ++m_stats.timeouts;
        break;
    case 431:
        ++m_stats.tooLarge;
        break;
    case 500:
        ++m_stats.providerFailures;
        break;
    default:
        ++m_stats.badRequests;
        break;
    }
    if (!ok) {
        ++m_stats.errors;
        platform::logger("metrics")->warn(
            "answered {} {} to {}:{}: {}", status, reasonPhrase(status),
            socket->peerAddress().toString().toStdString(), socket->peerPort(), detail);
    }
    Q_EMIT requestAnswered(status);
    halfCloseWhenSent(socket);
}

void MetricsHttpServer::timeOut(QTcpSocket* socket) {
    const auto it = m_connections.find(socket);
    if (it != m_connections.end() && !it->second.answered) {
        answer(socket, 408, {}, false,
               "no complete request within " + std::to_string(m_options.requestTimeoutMs) + " ms");
    }
}

// Closing a socket that still has unread input makes the kernel send a reset, which can destroy
// the answer before the client reads it (the 431 case: the client is still sending). So: send,
// then shut down our side only, read and discard until the client closes, and abort after
// lingerMs if it never does.
void MetricsHttpServer::halfCloseWhenSent(QTcpSocket* socket) {
    auto shutdownWrite = [socket] {
        if (socket->bytesToWrite() == 0 && socket->state() == QAbstractSocket::ConnectedState) {
            ::shutdown(int(socket->socketDescriptor()), SHUT_WR);
        }
    };
    connect(socket, &QTcpSocket::bytesWritten, socket, shutdownWrite);
    socket->flush();
    shutdownWrite();
    QTimer::singleShot(m_options.lingerMs, socket, [this, socket] {
        m_connections.erase(socket);
        socket->abort();
        socket->deleteLater();
    });
}

} // namespace hoga::monitor
