#pragma once

// A minimal Binance USDⓈ-M REST client for the simulator's trading tests: signs requests exactly as
// API_FACTS.md §4 says (hex HMAC-SHA256 over query + body, signature last) and returns status,
// JSON and the rate-limit headers. Include after <QTest> (moc and <compare>).

#include "sim/request_signing.h"

#include <QDateTime>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QNetworkAccessManager>
#include <QNetworkReply>
#include <QSignalSpy>

#include <QtWebSockets/QWebSocket>

namespace hoga::simtest {

struct Reply {
    int status = 0;
    QByteArray body;
    QJsonDocument json;
    QByteArray usedWeight;
    QByteArray orderCount1m;
    QByteArray orderCount10s;
    QByteArray retryAfter;
    [[nodiscard]] QJsonObject object() const { return json.object(); }
    [[nodiscard]] QJsonArray array() const { return json.array(); }
    [[nodiscard]] int code() const { return json.object().value(QStringLiteral("code")).toInt(); }
    [[nodiscard]] QString str(const char* key) const {
        return json.object().value(QLatin1String(key)).toString();
    }
};

class TradingClient {
public:
    TradingClient(QString baseUrl, QByteArray apiKey, std::string secret)
        : m_base(std::move(baseUrl)), m_apiKey(std::move(apiKey)), m_secret(std::move(secret)) {}

    // Sends `params` plus timestamp (now + skewMs) and signature. POST/PUT put them in the
    // form body, GET/DELETE in the query.
    Reply signedCall(const QByteArray& verb, const QString& path, QByteArray params,
                     qint64 skewMs = 0) {
        if (!params.isEmpty()) {
            params += '&';
        }
        params += "timestamp=" + QByteArray::number(QDateTime::currentMSecsSinceEpoch() + skewMs);
        params += "&signature=" +
                  QByteArray::fromStdString(sim::hmacSha256Hex(m_secret, params.toStdString()));
        const bool inBody = verb == "POST" || verb == "PUT";
        return raw(verb, inBody ? path : path + QLatin1Char('?') + QString::fromLatin1(params),
                   inBody ? params : QByteArray());
    }

    Reply raw(const QByteArray& verb, const QString& pathAndQuery, const QByteArray& body = {},
              bool withKey = true) {
        QNetworkRequest request{QUrl(m_base + pathAndQuery)};
        request.setHeader(QNetworkRequest::ContentTypeHeader,
                          QByteArrayLiteral("application/x-www-form-urlencoded"));
        if (withKey) {
            request.setRawHeader("X-MBX-APIKEY", m_apiKey);
        }
        QNetworkReply* reply = m_net.sendCustomRequest(request, verb, body);
        QSignalSpy done(reply, &QNetworkReply::finished);
        if (!reply->isFinished()) {
            done.wait(10000);
        }
        Reply r;
        r.status = reply->attribute(QNetworkRequest::HttpStatusCodeAttribute).toInt();
        r.body = reply->readAll();
        r.json = QJsonDocument::fromJson(r.body);
        r.usedWeight = reply->rawHeader("x-mbx-used-weight-1m");
        r.orderCount1m = reply->rawHeader("x-mbx-order-count-1m");
        r.orderCount10s = reply->rawHeader("x-mbx-order-count-10s");
        r.retryAfter = reply->rawHeader("retry-after");
        reply->deleteLater();
        return r;
    }

private:
    QString m_base;
    QByteArray m_apiKey;
    std::string m_secret;
    QNetworkAccessManager m_net;
};

// A WebSocket connection (user data or market stream) that keeps every JSON event.
struct EventStream {
    QWebSocket socket;
    QList<QJsonObject> events;
    explicit EventStream(const QString& url) {
        QObject::connect(&socket, &QWebSocket::textMessageReceived, [this](const QString& m) {
            events.push_back(QJsonDocument::fromJson(m.toUtf8()).object());
        });
        QSignalSpy connected(&socket, &QWebSocket::connected);
        socket.open(QUrl(url));
        connected.wait(5000);
    }
    [[nodiscard]] QList<QJsonObject> ofType(const QString& e) const {
        QList<QJsonObject> out;
        for (const QJsonObject& o : events) {
            if (o.value(QStringLiteral("e")).toString() == e) {
                out.push_back(o);
            }
        }
        return out;
    }
};

} // namespace hoga::simtest
