#pragma once

// Binance's public REST calls the feed needs (depth snapshot, server time, exchangeInfo) over
// QNetworkAccessManager, with every answer classified the way a client must act on it:
// success, a Binance error ({"code","msg"}), HTTP 429/418 with Retry-After (back off for at least
// that long), 5xx (retry with backoff), or a network failure or timeout.
//
// Lives on the thread that owns it (Qt's event loop); callbacks run there.

#include <QByteArray>
#include <QNetworkAccessManager>
#include <QObject>
#include <QString>
#include <QUrl>

#include <cstdint>
#include <functional>

namespace hoga::binance {

struct RestResult {
    enum class Outcome : std::uint8_t {
        Ok,
        BinanceError,
        RateLimited,
        Banned,
        ServerError,
        NetworkError
    };
    Outcome outcome = Outcome::NetworkError;
    int httpStatus = 0;
    QByteArray body;
    int binanceCode = 0;           // from an error body, 0 otherwise
    QString message;               // error text for logs and the user
    std::int64_t retryAfterMs = 0; // from Retry-After (429/418), 0 when absent
    std::int64_t sentWallMs = 0;
    std::int64_t receivedWallMs = 0;
    std::int64_t usedWeight1m = -1; // X-MBX-USED-WEIGHT-1M, -1 when absent
    [[nodiscard]] bool ok() const { return outcome == Outcome::Ok; }
};
QString restOutcomeName(RestResult::Outcome outcome);

class RestClient : public QObject {
    Q_OBJECT
public:
    // `baseUrl`: e.g. https://fapi.binance.com, or the simulator's http://127.0.0.1:PORT.
    explicit RestClient(QUrl baseUrl, QObject* parent = nullptr);

    void setTimeoutMs(int ms) { m_timeoutMs = ms; }
    // GET `path` (e.g. "/fapi/v1/depth") with an already encoded query; `done` runs once.
    void get(const QString& path, const QString& query, std::function<void(RestResult)> done);

    [[nodiscard]] const QUrl& baseUrl() const { return m_baseUrl; }
    [[nodiscard]] std::int64_t requests() const { return m_requests; }

private:
    QUrl m_baseUrl;
    QNetworkAccessManager m_network;
    int m_timeoutMs = 10000;
    std::int64_t m_requests = 0;
};

} // namespace hoga::binance
