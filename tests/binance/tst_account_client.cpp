// The signed account check against the real exchange simulator on 127.0.0.1 (port 0): a good key
// pair sees its balance; a wrong secret, an unknown or empty key and a skewed clock get Binance's
// own refusals; a closed port is a network error.
// Qt headers first: moc (Qt 6.4) fails on <compare> when it comes before them.
#include <QTest>

#include "binance/account_client.h"
#include "sim/accounts.h"
#include "sim/sim_test_client.h"

#include <QSignalSpy>
#include <QTcpServer>

#include <memory>
#include <optional>

using namespace hoga;
using binance::AccountClient;
using binance::AccountResult;

namespace {

// The answer, or nullopt when none came within 15 s.
std::optional<AccountResult> fetch(AccountClient& client, const QByteArray& key,
                                   QByteArray secret) {
    // Shared with the callback, which may outlive this call when no answer comes in time.
    auto result = std::make_shared<std::optional<AccountResult>>();
    client.fetchAccount(key, std::move(secret), [result](AccountResult r) { *result = r; });
    if (!QTest::qWaitFor([&result] { return result->has_value(); }, 15000)) {
        return std::nullopt;
    }
    return *result;
}

QByteArray demoKey() {
    return QByteArray::fromStdString(sim::demoAccount().apiKey);
}
QByteArray demoSecret() {
    return QByteArray::fromStdString(sim::demoAccount().secretKey);
}

} // namespace

class TestAccountClient : public QObject {
    Q_OBJECT
private Q_SLOTS:
    void initTestCase() {
        m_simulator = simtest::start({});
        QVERIFY(m_simulator);
    }
    void goodKeySeesItsBalance() {
        AccountClient client{QUrl(m_simulator->restUrl())};
        const auto r = fetch(client, demoKey(), demoSecret());
        QVERIFY(r);
        QVERIFY2(r->ok(), qPrintable(r->message));
        QCOMPARE(r->httpStatus, 200);
        // The demo account starts with 10000 USDT and no position (sim/accounts.cpp).
        QCOMPARE(r->totalWalletBalance, QStringLiteral("10000.00000000"));
        QCOMPARE(r->availableBalance, QStringLiteral("10000.00000000"));
        QVERIFY(r->canTrade);
    }
    void wrongSecretIsInvalidSignature() {
        AccountClient client{QUrl(m_simulator->restUrl())};
        const auto r = fetch(client, demoKey(), QByteArrayLiteral("not-the-secret"));
        QVERIFY(r);
        QCOMPARE(r->outcome, AccountResult::Outcome::BinanceError);
        QCOMPARE(r->binanceCode, -1022);
        QCOMPARE(r->message, QStringLiteral("Signature for this request is not valid."));
        QVERIFY(r->totalWalletBalance.isEmpty());
    }
    void unknownKeyIsRejected() {
        AccountClient client{QUrl(m_simulator->restUrl())};
        const auto r = fetch(client, QByteArrayLiteral("no-such-key"), demoSecret());
        QVERIFY(r);
        QCOMPARE(r->outcome, AccountResult::Outcome::BinanceError);
        QCOMPARE(r->binanceCode, -2015);
        QCOMPARE(r->httpStatus, 401);
        const auto empty = fetch(client, QByteArray(), demoSecret());
        QVERIFY(empty);
        QCOMPARE(empty->binanceCode, -2014);
    }
    void skewedClockIsOutsideTheReceiveWindow() {
        AccountClient client{QUrl(m_simulator->restUrl())};
        client.setClockOffsetMs(-60000);
        auto r = fetch(client, demoKey(), demoSecret());
        QVERIFY(r);
        QCOMPARE(r->binanceCode, -1021);
        QCOMPARE(r->message,
                 QStringLiteral("Timestamp for this request is outside of the recvWindow."));
        // The same skew passes with a receive window that covers it.
        client.setRecvWindowMs(59000);
        client.setClockOffsetMs(-55000);
        r = fetch(client, demoKey(), demoSecret());
        QVERIFY(r);
        QVERIFY2(r->ok(), qPrintable(r->message));
    }
    void closedPortIsANetworkError() {
        QTcpServer probe;
        QVERIFY(probe.listen(QHostAddress::LocalHost, 0));
        const quint16 port = probe.serverPort();
        probe.close();
        AccountClient client{QUrl(QStringLiteral("http://127.0.0.1:%1").arg(port))};
        const auto r = fetch(client, demoKey(), demoSecret());
        QVERIFY(r);
        QCOMPARE(r->outcome, AccountResult::Outcome::NetworkError);
        QCOMPARE(r->httpStatus, 0);
        QVERIFY(!r->message.isEmpty());
    }
    void wrongBaseUrlIsAnErrorWithAMessage() {
        // A base URL with an extra path: the simulator has no such route and answers 404.
        AccountClient client{QUrl(m_simulator->restUrl() + QStringLiteral("/nowhere"))};
        const auto r = fetch(client, demoKey(), demoSecret());
        QVERIFY(r);
        QVERIFY(!r->ok());
        QCOMPARE(r->httpStatus, 404);
        QVERIFY(!r->message.isEmpty());
    }
    void cleanupTestCase() { m_simulator.reset(); }

private:
    std::unique_ptr<sim::ExchangeSimulator> m_simulator;
};

QTEST_GUILESS_MAIN(TestAccountClient)
#include "tst_account_client.moc"
