// POST and DELETE /fapi/v1/batchOrders over real sockets: per-order results and errors in one
// array in the request's order, Binance's weights and order counts, and the limits of a batch.
// Qt headers first: moc (Qt 6.4) fails on <compare> when it comes before them.
#include <QTest>

#include "sim/exchange_simulator.h"
#include "test_printers.h"
#include "trading_client.h"

#include <QUrl>

using namespace hoga;
using simtest::Reply;
using simtest::TradingClient;

namespace {

const QByteArray kKey = "batch-key";
const std::string kSecret = "batch-secret";

std::unique_ptr<sim::ExchangeSimulator> startSimulator() {
    sim::SimulatorOptions options;
    options.recordings = {std::string(HOGA_RECORDINGS) + "/hftbacktest_usdm_btcusdt_20240808.gz"};
    options.accounts = {{kKey.toStdString(), kSecret, core::Fixed8{10000 * core::Fixed8::kOne}}};
    auto simulator = std::make_unique<sim::ExchangeSimulator>(options);
    QString error;
    if (!simulator->start(error)) {
        qWarning("%s", qPrintable(error));
        return nullptr;
    }
    return simulator;
}

QByteArray param(const char* name, const QByteArray& json) {
    return QByteArray(name) + '=' + QUrl::toPercentEncoding(QString::fromUtf8(json));
}

} // namespace

class TestSimBatch : public QObject {
    Q_OBJECT
private Q_SLOTS:
    void placeThenCancelInBatches() {
        auto simulator = startSimulator();
        QVERIFY(simulator);
        TradingClient client(simulator->restUrl(), kKey, kSecret);
        // The 2024-08-08 market trades near 61 600: bids at 50 000 rest; the second order is
        // under the 100 USDT notional; the fourth is a conditional type; the fifth gives its
        // numbers as JSON numbers.
        const QByteArray orders =
            R"([{"symbol":"BTCUSDT","side":"BUY","type":"LIMIT","timeInForce":"GTC","quantity":"0.003","price":"50000"},)"
            R"({"symbol":"BTCUSDT","side":"BUY","type":"LIMIT","timeInForce":"GTC","quantity":"0.001","price":"50000"},)"
            R"({"symbol":"BTCUSDT","side":"BUY","type":"LIMIT","timeInForce":"GTC","quantity":"0.002","price":"50000.1","newClientOrderId":"batch-3","newOrderRespType":"RESULT"},)"
            R"({"symbol":"BTCUSDT","side":"SELL","type":"STOP_MARKET","quantity":"0.002","stopPrice":"40000"},)"
            R"({"symbol":"BTCUSDT","side":"SELL","type":"LIMIT","timeInForce":"GTC","quantity":0.002,"price":90000.5,"reduceOnly":false}])";
        Reply r = client.signedCall("POST", QStringLiteral("/fapi/v1/batchOrders"),
                                    param("batchOrders", orders));
        QCOMPARE(r.status, 200);
        // Weight 5; 5 on the 10-second order count, 1 on the minute's (a fresh simulator).
        QCOMPARE(r.usedWeight, QByteArray("5"));
        QCOMPARE(r.orderCount10s, QByteArray("5"));
        QCOMPARE(r.orderCount1m, QByteArray("1"));
        Reply again = client.signedCall("POST", QStringLiteral("/fapi/v1/batchOrders"),
                                        param("batchOrders", "[]"));
        QCOMPARE(again.code(), -4082); // refused, but counted: weight 5 more, orders 5 more
        QVERIFY(again.usedWeight == "10" || again.usedWeight == "5"); // (or a new minute)
        QVERIFY(again.orderCount10s == "10" || again.orderCount10s == "5");
        const QJsonArray results = r.array();
        QCOMPARE(results.size(), 5);
        const QJsonObject first = results[0].toObject();
        QCOMPARE(first.value(QStringLiteral("status")).toString(), QStringLiteral("NEW"));
        QCOMPARE(first.value(QStringLiteral("price")).toString(), QStringLiteral("50000.00"));
        QCOMPARE(first.value(QStringLiteral("origQty")).toString(), QStringLiteral("0.003"));
        QCOMPARE(results[1].toObject().value(QStringLiteral("code")).toInt(), -4164);
        QCOMPARE(results[2].toObject().value(QStringLiteral("clientOrderId")).toString(),
                 QStringLiteral("batch-3"));
        QCOMPARE(results[3].toObject().value(QStringLiteral("code")).toInt(), -4120);
        QCOMPARE(results[4].toObject().value(QStringLiteral("price")).toString(),
                 QStringLiteral("90000.50"));
        QCOMPARE(results[4].toObject().value(QStringLiteral("side")).toString(),
                 QStringLiteral("SELL"));
        r = client.signedCall("GET", QStringLiteral("/fapi/v1/openOrders"), "symbol=BTCUSDT");
        QCOMPARE(r.array().size(), 3);

        // Cancel by id (one unknown) and by client id, in the request's order.
        const qint64 firstId = first.value(QStringLiteral("orderId")).toInteger();
        const int weightBefore = r.usedWeight.toInt();
        r = client.signedCall(
            "DELETE", QStringLiteral("/fapi/v1/batchOrders"),
            "symbol=BTCUSDT&" +
                param("orderIdList", "[" + QByteArray::number(firstId) + ",12345]"));
        QCOMPARE(r.status, 200);
        // DELETE weighs 1 (or the window turned to a new minute) and places no order.
        QVERIFY(r.usedWeight.toInt() == weightBefore + 1 || r.usedWeight.toInt() == 1);
        QVERIFY(r.orderCount10s.isEmpty());
        QCOMPARE(r.array().size(), 2);
        QCOMPARE(r.array()[0].toObject().value(QStringLiteral("status")).toString(),
                 QStringLiteral("CANCELED"));
        QCOMPARE(r.array()[0].toObject().value(QStringLiteral("orderId")).toInteger(), firstId);
        QCOMPARE(r.array()[1].toObject().value(QStringLiteral("code")).toInt(), -2011);
        r = client.signedCall("DELETE", QStringLiteral("/fapi/v1/batchOrders"),
                              "symbol=BTCUSDT&" + param("origClientOrderIdList", R"(["batch-3"])"));
        QCOMPARE(r.array()[0].toObject().value(QStringLiteral("clientOrderId")).toString(),
                 QStringLiteral("batch-3"));
        QCOMPARE(r.array()[0].toObject().value(QStringLiteral("status")).toString(),
                 QStringLiteral("CANCELED"));
        r = client.signedCall("GET", QStringLiteral("/fapi/v1/openOrders"), "symbol=BTCUSDT");
        QCOMPARE(r.array().size(), 1);
    }

    void batchLimits() {
        auto simulator = startSimulator();
        QVERIFY(simulator);
        TradingClient client(simulator->restUrl(), kKey, kSecret);
        const QByteArray one =
            R"({"symbol":"BTCUSDT","side":"BUY","type":"LIMIT","timeInForce":"GTC","quantity":"0.003","price":"50000"})";
        QByteArray six = "[" + one;
        for (int i = 0; i < 5; ++i) {
            six += "," + one;
        }
        Reply r = client.signedCall("POST", QStringLiteral("/fapi/v1/batchOrders"),
                                    param("batchOrders", six + "]"));
        QCOMPARE(r.status, 400);
        QCOMPARE(r.code(), -4082);
        r = client.signedCall("POST", QStringLiteral("/fapi/v1/batchOrders"),
                              param("batchOrders", "[]"));
        QCOMPARE(r.code(), -4082);
        r = client.signedCall("POST", QStringLiteral("/fapi/v1/batchOrders"),
                              param("batchOrders", "[{\"symbol\":"));
        QCOMPARE(r.code(), -1102);
        r = client.signedCall("POST", QStringLiteral("/fapi/v1/batchOrders"), {});
        QCOMPARE(r.code(), -1102);
        // An item that is not an object fails alone.
        r = client.signedCall("POST", QStringLiteral("/fapi/v1/batchOrders"),
                              param("batchOrders", "[" + one + ",7]"));
        QCOMPARE(r.status, 200);
        QCOMPARE(r.array()[0].toObject().value(QStringLiteral("status")).toString(),
                 QStringLiteral("NEW"));
        QCOMPARE(r.array()[1].toObject().value(QStringLiteral("code")).toInt(), -1102);
        r = client.signedCall("DELETE", QStringLiteral("/fapi/v1/batchOrders"), "symbol=BTCUSDT");
        QCOMPARE(r.code(), -1102);
        r = client.signedCall("DELETE", QStringLiteral("/fapi/v1/batchOrders"),
                              "symbol=BTCUSDT&" +
                                  param("orderIdList", "[1,2,3,4,5,6,7,8,9,10,11]"));
        QCOMPARE(r.code(), -1130);
        // Signed with the wrong secret: the usual -1022, nothing placed.
        TradingClient forger(simulator->restUrl(), kKey, "not-the-secret");
        r = forger.signedCall("POST", QStringLiteral("/fapi/v1/batchOrders"),
                              param("batchOrders", "[" + one + "]"));
        QCOMPARE(r.code(), -1022);
        r = client.signedCall("GET", QStringLiteral("/fapi/v1/openOrders"), "symbol=BTCUSDT");
        QCOMPARE(r.array().size(), 1);
    }
};

QTEST_GUILESS_MAIN(TestSimBatch)
#include "tst_sim_batch.moc"
