#pragma once

// A QTcpServer that knows which connection the HTTP request being handled arrived on. Qt
// HttpServer 6.4 does not say; a late answer (the rest-timeout fault) must know whether its
// connection still exists before it writes, because the responder holds a raw socket pointer.
// Our readyRead connection is made before QHttpServer's (the socket is created here, before
// newConnection), so it runs first and marks the socket the request handler is about to see.

#include <QPointer>
#include <QTcpServer>
#include <QTcpSocket>

namespace hoga::sim {

class TrackingTcpServer : public QTcpServer {
public:
    using QTcpServer::QTcpServer;
    [[nodiscard]] QPointer<QTcpSocket> currentSocket() const { return m_current; }

protected:
    void incomingConnection(qintptr descriptor) override {
        auto* socket = new QTcpSocket(this);
        if (!socket->setSocketDescriptor(descriptor)) {
            delete socket;
            return;
        }
        connect(socket, &QTcpSocket::readyRead, this, [this, socket] { m_current = socket; });
        addPendingConnection(socket);
    }

private:
    QPointer<QTcpSocket> m_current;
};

} // namespace hoga::sim
