#pragma once

// Checks an API key pair against the exchange with one signed `GET /fapi/v2/account`
// (USER_DATA: X-MBX-APIKEY header, timestamp, recvWindow, HMAC signature last). The answer is
// classified for a person deciding what to do with the key: it works (with the balance it sees),
// Binance refused it (-2014 malformed key, -2015 unknown key or no permission, -1022 wrong secret,
// -1021 clock out of the receive window, …), or the endpoint could not be reached.
//
// The secret only lives in memory: it is taken by value, used to sign, then overwritten before
// the request leaves. Nothing here logs.
//
// Lives on the thread that owns it (Qt's event loop); the callback runs there.

#include <QByteArray>
#include <QNetworkAccessManager>
#include <QObject>
#include <QString>
#include <QUrl>

#include <cstdint>
#include <functional>

namespace hoga::binance {

struct AccountResult {
    enum class Outcome : std::uint8_t {
        Ok,           // the key pair works; the balances below are set
        BinanceError, // the exchange answered with an error (binanceCode, message)
        NetworkError  // no usable answer: unreachable, timed out, or not an account document
    };
    Outcome outcome = Outcome::NetworkError;
    int httpStatus = 0;
    int binanceCode = 0; // from {"code","msg"}, 0 when the body had none
    QString message;     // Binance's msg or the network error, for the user
    // Decimal strings exactly as sent (USDT for a single-asset account).
    QString totalWalletBalance;
    QString availableBalance;
    bool canTrade = false;
    [[nodiscard]] bool ok() const { return outcome == Outcome::Ok; }
};

class AccountClient : public QObject {
    Q_OBJECT
public:
    // `baseUrl`: e.g. https://fapi.binance.com, or the simulator's http://127.0.0.1:PORT.
    explicit AccountClient(QUrl baseUrl, QObject* parent = nullptr);

    void setTimeoutMs(int ms) { m_timeoutMs = ms; }
    void setRecvWindowMs(int ms) { m_recvWindowMs = ms; }
    // Exchange clock minus ours (ClockOffsetTracker::offsetMs()), added to the timestamp.
    void setClockOffsetMs(std::int64_t ms) { m_clockOffsetMs = ms; }

    // One signed account request; `done` runs once. `secretKey` is overwritten here: pass a buffer
    // nobody else shares (std::move it in) for the wipe to reach the only copy.
    void fetchAccount(const QByteArray& apiKey, QByteArray secretKey,
                      std::function<void(AccountResult)> done);

    [[nodiscard]] const QUrl& baseUrl() const { return m_baseUrl; }

private:
    QUrl m_baseUrl;
    QNetworkAccessManager m_network;
    int m_timeoutMs = 10000;
    int m_recvWindowMs = 5000;
    std::int64_t m_clockOffsetMs = 0;
};

} // namespace hoga::binance
