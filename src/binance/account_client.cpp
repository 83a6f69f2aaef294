#include "account_client.h"

#include "binance/request_signer.h"

#include <QDateTime>
#include <QJsonDocument>
#include <QJsonObject>
#include <QNetworkReply>
#include <QNetworkRequest>

#include <openssl/crypto.h>

namespace hoga::binance {

namespace {

// Overwrites the bytes in place when this is the buffer's only owner (data() on a shared buffer
// would copy first and leave the original), then drops the reference.
void wipe(QByteArray& bytes) {
    if (bytes.isDetached()) {
        OPENSSL_cleanse(bytes.data(), static_cast<std::size_t>(bytes.size()));
    }
    bytes.clear();
}

void classify(QNetworkReply* reply, AccountResult& r) {
    r.httpStatus = reply->attribute(QNetworkRequest::HttpStatusCodeAttribute).toInt();
    const QByteArray body = reply->readAll();
    if (r.httpStatus == 0) {
        r.outcome = AccountResult::Outcome::NetworkError;
        r.message = reply->errorString();
        return;
    }
    const QJsonObject object = QJsonDocument::fromJson(body).object();
    if (r.httpStatus >= 200 && r.httpStatus < 300) {
        // An account document always carries the wallet total; anything else (a proxy's page, a
        // different service on the port) means the URL does not point at a futures API.
        const QJsonValue wallet = object.value(QStringLiteral("totalWalletBalance"));
        if (!wallet.isString()) {
            r.outcome = AccountResult::Outcome::NetworkError;
            r.message = QStringLiteral("the answer is not a Binance futures account");
            return;
        }
        r.outcome = AccountResult::Outcome::Ok;
        r.totalWalletBalance = wallet.toString();
        r.availableBalance = object.value(QStringLiteral("availableBalance")).toString();
        r.canTrade = object.value(QStringLiteral("canTrade")).toBool();
        return;
    }
    r.outcome = AccountResult::Outcome::BinanceError;
    r.binanceCode = object.value(QStringLiteral("code")).toInt();
    r.message = object.value(QStringLiteral("msg")).toString();
    if (r.message.isEmpty()) {
        r.message = QStringLiteral("HTTP %1").arg(r.httpStatus);
    }
}

} // namespace

AccountClient::AccountClient(QUrl baseUrl, QObject* parent)
    : QObject(parent), m_baseUrl(std::move(baseUrl)) {}

void AccountClient::fetchAccount(const QByteArray& apiKey, QByteArray secretKey,
                                 std::function<void(AccountResult)> done) {
    const std::int64_t timestamp = QDateTime::currentMSecsSinceEpoch() + m_clockOffsetMs;
    const std::string query =
        "recvWindow=" + std::to_string(m_recvWindowMs) + "&timestamp=" + std::to_string(timestamp);
    std::string signedQuery;
    {
        const RequestSigner signer(
            std::string_view(secretKey.constData(), static_cast<std::size_t>(secretKey.size())));
        signedQuery = signer.signedQuery(query);
    }
    wipe(secretKey);

    QUrl url = m_baseUrl;
    url.setPath(m_baseUrl.path() + QStringLiteral("/fapi/v2/account"));
    // The query is already in its final encoded form: the signature covers these exact bytes.
    url.setQuery(QString::fromStdString(signedQuery), QUrl::StrictMode);
    QNetworkRequest request(url);
    request.setRawHeader(QByteArrayLiteral("X-MBX-APIKEY"), apiKey);
    request.setTransferTimeout(m_timeoutMs);
    request.setAttribute(QNetworkRequest::Http2AllowedAttribute, false);
    QNetworkReply* reply = m_network.get(request);
    connect(reply, &QNetworkReply::finished, this, [reply, done = std::move(done)] {
        AccountResult r;
        classify(reply, r);
        reply->deleteLater();
        done(std::move(r));
    });
}

} // namespace hoga::binance
