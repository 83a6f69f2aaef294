#include "rest_client.h"

#include <QDateTime>
#include <QJsonDocument>
#include <QJsonObject>
#include <QNetworkReply>
#include <QNetworkRequest>

namespace hoga::binance {

QString restOutcomeName(RestResult::Outcome outcome) {
    switch (outcome) {
    case RestResult::Outcome::Ok:
        return QStringLiteral("ok");
    case RestResult::Outcome::BinanceError:
        return QStringLiteral("binance error");
    case RestResult::Outcome::RateLimited:
        return QStringLiteral("rate limited (429)");
    case RestResult::Outcome::Banned:
        return QStringLiteral("IP banned (418)");
    case RestResult::Outcome::ServerError:
        return QStringLiteral("server error");
    case RestResult::Outcome::NetworkError:
        return QStringLiteral("network error");
    }
    return QStringLiteral("unknown");
}

RestClient::RestClient(QUrl baseUrl, QObject* parent)
    : QObject(parent), m_baseUrl(std::move(baseUrl)) {}

namespace {

std::int64_t parseRetryAfterMs(const QByteArray& header) {
    // Binance sends seconds; an HTTP-date form is not used by it and is ignored.
    bool ok = false;
    const double seconds = header.trimmed().toDouble(&ok);
    return ok && seconds > 0 ? static_cast<std::int64_t>(seconds * 1000) : 0;
}

void classify(QNetworkReply* reply, RestResult& r) {
    r.httpStatus = reply->attribute(QNetworkRequest::HttpStatusCodeAttribute).toInt();
    r.body = reply->readAll();
    r.retryAfterMs = parseRetryAfterMs(reply->rawHeader("Retry-After"));
    bool weightOk = false;
    const qint64 weight = reply->rawHeader("X-MBX-USED-WEIGHT-1M").toLongLong(&weightOk);
    r.usedWeight1m = weightOk ? weight : -1;
    if (r.httpStatus == 0) {
        r.outcome = RestResult::Outcome::NetworkError;
        r.message = reply->errorString();
        return;
    }
    if (r.httpStatus >= 200 && r.httpStatus < 300) {
        r.outcome = RestResult::Outcome::Ok;
        return;
    }
    const QJsonObject error = QJsonDocument::fromJson(r.body).object();
    r.binanceCode = error.value(QStringLiteral("code")).toInt();
    r.message = error.value(QStringLiteral("msg")).toString();
    if (r.message.isEmpty()) {
        r.message = QStringLiteral("HTTP %1").arg(r.httpStatus);
    }
    if (r.httpStatus == 429) {
        r.outcome = RestResult::Outcome::RateLimited;
    } else if (r.httpStatus == 418) {
        r.outcome = RestResult::Outcome::Banned;
    } else if (r.httpStatus >= 500) {
        r.outcome = RestResult::Outcome::ServerError;
    } else {
        r.outcome = RestResult::Outcome::BinanceError;
    }
}

} // namespace

void RestClient::get(const QString& path, const QString& query,
                     std::function<void(RestResult)> done) {
    QUrl url = m_baseUrl;
    url.setPath(m_baseUrl.path() + path);
    url.setQuery(query, QUrl::StrictMode);
    QNetworkRequest request(url);
    request.setTransferTimeout(m_timeoutMs);
    request.setAttribute(QNetworkRequest::Http2AllowedAttribute, false);
    ++m_requests;
    const std::int64_t sent = QDateTime::currentMSecsSinceEpoch();
    QNetworkReply* reply = m_network.get(request);
    connect(reply, &QNetworkReply::finished, this, [reply, sent, done = std::move(done)] {
        RestResult r;
        r.sentWallMs = sent;
        r.receivedWallMs = QDateTime::currentMSecsSinceEpoch();
        classify(reply, r);
        reply->deleteLater();
        done(std::move(r));
    });
}

} // namespace hoga::binance
