// The simulator's trading API over real sockets on 127.0.0.1 (ephemeral ports): signed requests,
// orders against the replayed book, positions and balances, algo orders, the user data stream
// and the request-weight limits, each checked against exact values.
// Qt headers first: moc (Qt 6.4) fails on <compare> when it comes before them.
#include <QTest>

#include "core/position.h"
#include "core/wide_int.h"
#include "sim/exchange_simulator.h"
#include "test_printers.h"
#include "trading_client.h"

#include <QtWebSockets/QWebSocket>

using namespace hoga;
using simtest::Reply;
using simtest::TradingClient;

namespace {

const std::string kRecording =
    std::string(HOGA_RECORDINGS) + "/hftbacktest_usdm_btcusdt_20240808.gz";
const QByteArray kKey = "test-key-1";
const std::string kSecret = "test-secret-1";

std::unique_ptr<sim::ExchangeSimulator> startSimulator(double speed,
                                                       sim::SimulatorOptions options = {}) {
    options.recordings = {kRecording};
    options.replay.speed = speed;
    options.accounts = {{kKey.toStdString(), kSecret, core::Fixed8{10000 * core::Fixed8::kOne}}};
    auto simulator = std::make_unique<sim::ExchangeSimulator>(options);
    QString error;
    if (!simulator->start(error)) {
        qWarning("%s", qPrintable(error));
        return nullptr;
    }
    return simulator;
}

const core::InstrumentSpec kSpec = core::InstrumentSpec::btcusdtDefaults();

QString price(core::Price p) {
    return QString::fromStdString(kSpec.formatPrice(p));
}
QString fixed8(core::Fixed8 v) {
    return QString::fromStdString(core::formatFixed8(v));
}

// A user data stream connection that keeps every event.
struct UserStream {
    QWebSocket socket;
    QList<QJsonObject> events;
    explicit UserStream(const QString& url) {
        QObject::connect(&socket, &QWebSocket::textMessageReceived, [this](const QString& m) {
            events.push_back(QJsonDocument::fromJson(m.toUtf8()).object());
        });
        QSignalSpy connected(&socket, &QWebSocket::connected);
        socket.open(QUrl(url));
        connected.wait(5000);
    }
    QList<QJsonObject> ofType(const QString& e) const {
        QList<QJsonObject> out;
        for (const QJsonObject& o : events) {
            if (o.value(QStringLiteral("e")).toString() == e) {
                out.push_back(o);
            }
        }
        return out;
    }
};

} // namespace

class TestTradingSim : public QObject {
    Q_OBJECT
private Q_SLOTS:
    void authenticationErrors();
    void marketOrderWalksTheBook();
    void limitOrderRestsThenFillsFromReplayedTrades();
    void timeInForceSemantics();
    void reduceOnlyAndDuplicateClientOrderId();
    void validationErrors();
    void cancelAndQuery();
    void leverageAndMarginType();
    void algoOrders();
    void countdownCancelAll();
    void listenKeyLifecycle();
    void weightsAndOrderCountHeaders();
    void rateLimit429Then418();
    void injectedOrderRejectionsAndShortListenKeys();
};

void TestTradingSim::authenticationErrors() {
    auto simulator = startSimulator(1.0);
    QVERIFY(simulator);
    TradingClient client(simulator->restUrl(), kKey, kSecret);
    TradingClient stranger(simulator->restUrl(), "no-such-key", kSecret);
    TradingClient forger(simulator->restUrl(), kKey, "wrong-secret");

    Reply r = stranger.signedCall("GET", QStringLiteral("/fapi/v2/balance"), {});
    QCOMPARE(r.status, 401);
    QCOMPARE(r.code(), -2015);
    QCOMPARE(r.str("msg"), QStringLiteral("Invalid API-key, IP, or permissions for action."));

    r = forger.signedCall("GET", QStringLiteral("/fapi/v2/balance"), {});
    QCOMPARE(r.status, 400);
    QCOMPARE(r.code(), -1022);

    r = client.signedCall("GET", QStringLiteral("/fapi/v2/balance"), {}, 2000); // ahead
    QCOMPARE(r.status, 400);
    QCOMPARE(r.code(), -1021);
    QCOMPARE(r.str("msg"),
             QStringLiteral("Timestamp for this request was 1000ms ahead of the server's time."));

    r = client.signedCall("GET", QStringLiteral("/fapi/v2/balance"), {}, -6000); // too old
    QCOMPARE(r.code(), -1021);
    QCOMPARE(r.str("msg"),
             QStringLiteral("Timestamp for this request is outside of the recvWindow."));
    // ... unless the recvWindow covers it.
    r = client.signedCall("GET", QStringLiteral("/fapi/v2/balance"), "recvWindow=10000", -6000);
    QCOMPARE(r.status, 200);

    // No API key at all.
    r = client.raw("GET", QStringLiteral("/fapi/v2/balance?timestamp=1"), {}, false);
    QCOMPARE(r.status, 401);
    QCOMPARE(r.code(), -2014);

    // Mixed query + body, signed over the plain concatenation (no '&' between the parts).
    const QByteArray query = "symbol=BTCUSDT&leverage=7";
    const QByteArray body = "timestamp=" + QByteArray::number(QDateTime::currentMSecsSinceEpoch());
    const QByteArray sig =
        QByteArray::fromStdString(sim::hmacSha256Hex(kSecret, (query + body).toStdString()));
    r = client.raw("POST", QStringLiteral("/fapi/v1/leverage?") + QString::fromLatin1(query),
                   body + "&signature=" + sig);
    QCOMPARE(r.status, 200);
    QCOMPARE(r.object().value(QStringLiteral("leverage")).toInt(), 7);
}

void TestTradingSim::marketOrderWalksTheBook() {
    auto simulator = startSimulator(1.0);
    QVERIFY(simulator);
    simulator->pause(); // the book stays as it is while we compute the expected fills
    TradingClient client(simulator->restUrl(), kKey, kSecret);

    std::vector<core::Level> asks;
    simulator->market().book().levels(core::Side::Sell, -1, asks);
    QVERIFY(asks.size() > 3);
    // Take the first two levels completely and part of the third.
    const core::Qty qty = asks[0].qty + asks[1].qty + core::Qty{1};
    core::Notional notional{};
    std::int64_t fees = 0;
    for (int i = 0; i < 3; ++i) {
        const core::Qty q = i < 2 ? asks[i].qty : core::Qty{1};
        notional += core::notionalOf(asks[i].price, q);
        fees += core::feeFor(core::notionalOf(asks[i].price, q), 50000, kSpec).e8;
    }
    // Enough margin at leverage 20 for this size?
    QVERIFY(kSpec.toFixed8(notional).e8 / 20 < 10000 * core::Fixed8::kOne);

    Reply r = client.signedCall("POST", QStringLiteral("/fapi/v1/order"),
                                "symbol=BTCUSDT&side=BUY&type=MARKET&quantity=" +
                                    QByteArray::fromStdString(kSpec.formatQty(qty)) +
                                    "&newOrderRespType=RESULT");
    QCOMPARE(r.status, 200);
    QCOMPARE(r.str("status"), QStringLiteral("FILLED"));
    QCOMPARE(r.str("executedQty"), QString::fromStdString(kSpec.formatQty(qty)));
    QCOMPARE(r.str("cumQuote"), QString::fromStdString(kSpec.formatNotional(notional)));
    QCOMPARE(r.str("avgPrice"),
             QString::fromStdString(core::formatAveragePrice(notional, qty, kSpec.priceGrid, 6)));
    QCOMPARE(r.str("type"), QStringLiteral("MARKET"));
    QVERIFY(!r.orderCount1m.isEmpty());
    const qint64 orderId = r.object().value(QStringLiteral("orderId")).toInteger();

    r = client.signedCall("GET", QStringLiteral("/fapi/v1/userTrades"), "symbol=BTCUSDT");
    QCOMPARE(r.status, 200);
    const QJsonArray trades = r.array();
    QCOMPARE(trades.size(), 3);
    for (int i = 0; i < 3; ++i) {
        const QJsonObject t = trades[i].toObject();
        const core::Qty q = i < 2 ? asks[i].qty : core::Qty{1};
        QCOMPARE(t.value(QStringLiteral("orderId")).toInteger(), orderId);
        QCOMPARE(t.value(QStringLiteral("price")).toString(), price(asks[i].price));
        QCOMPARE(t.value(QStringLiteral("qty")).toString(),
                 QString::fromStdString(kSpec.formatQty(q)));
        QCOMPARE(t.value(QStringLiteral("commission")).toString(),
                 fixed8(core::feeFor(core::notionalOf(asks[i].price, q), 50000, kSpec)));
        QCOMPARE(t.value(QStringLiteral("maker")).toBool(), false);
        QCOMPARE(t.value(QStringLiteral("buyer")).toBool(), true);
        QCOMPARE(t.value(QStringLiteral("realizedPnl")).toString(), QStringLiteral("0.00000000"));
    }

    // The wallet paid exactly the fees; the position holds the fills at their average price.
    const core::Fixed8 wallet{10000 * core::Fixed8::kOne - fees};
    r = client.signedCall("GET", QStringLiteral("/fapi/v2/balance"), {});
    QCOMPARE(r.array()[0].toObject().value(QStringLiteral("balance")).toString(), fixed8(wallet));
    r = client.signedCall("GET", QStringLiteral("/fapi/v2/positionRisk"), "symbol=BTCUSDT");
    const QJsonObject p = r.array()[0].toObject();
    QCOMPARE(p.value(QStringLiteral("positionAmt")).toString(),
             QString::fromStdString(kSpec.formatQty(qty)));
    QCOMPARE(p.value(QStringLiteral("entryPrice")).toString(),
             QString::fromStdString(core::formatAveragePrice(notional, qty, kSpec.priceGrid, 6)));
    QCOMPARE(p.value(QStringLiteral("marginType")).toString(), QStringLiteral("cross"));
    QCOMPARE(p.value(QStringLiteral("leverage")).toString(), QStringLiteral("20"));
    // Mark = mid of the book (the recording has no markPrice stream before the first one).
    const QString mark = p.value(QStringLiteral("markPrice")).toString();
    const core::ScaledValue markE8 = core::parseFixed8(mark.toStdString());
    QVERIFY(markE8.ok());
    const std::int64_t entryE8 = kSpec.toFixed8(notional).e8;
    const std::int64_t markNotionalE8 = markE8.value * qty.lots / 1000;
    QCOMPARE(p.value(QStringLiteral("unRealizedProfit")).toString(),
             fixed8(core::Fixed8{markNotionalE8 - entryE8}));

    r = client.signedCall("GET", QStringLiteral("/fapi/v3/positionRisk"), {});
    QCOMPARE(r.array().size(), 1);
    const QJsonObject v3 = r.array()[0].toObject();
    for (const char* field : {"symbol",
                              "positionSide",
                              "positionAmt",
                              "entryPrice",
                              "breakEvenPrice",
                              "markPrice",
                              "unRealizedProfit",
                              "liquidationPrice",
                              "isolatedMargin",
                              "notional",
                              "marginAsset",
                              "isolatedWallet",
                              "initialMargin",
                              "maintMargin",
                              "positionInitialMargin",
                              "openOrderInitialMargin",
                              "adl",
                              "bidNotional",
                              "askNotional",
                              "updateTime"}) {
        QVERIFY2(v3.contains(QLatin1String(field)), field);
    }
    QCOMPARE(v3.value(QStringLiteral("notional")).toString(), fixed8(core::Fixed8{markNotionalE8}));
    QCOMPARE(v3.value(QStringLiteral("initialMargin")).toString(),
             fixed8(core::Fixed8{markNotionalE8 / 20}));

    r = client.signedCall("GET", QStringLiteral("/fapi/v2/account"), {});
    QCOMPARE(r.str("totalWalletBalance"), fixed8(wallet));
    QCOMPARE(r.str("totalPositionInitialMargin"), fixed8(core::Fixed8{markNotionalE8 / 20}));
    QCOMPARE(r.object()
                 .value(QStringLiteral("positions"))
                 .toArray()[0]
                 .toObject()
                 .value(QStringLiteral("positionAmt"))
                 .toString(),
             QString::fromStdString(kSpec.formatQty(qty)));

    // Closing at the bid realizes exactly (bid − entry) over the closed lots.
    std::vector<core::Level> bids;
    simulator->market().book().levels(core::Side::Buy, 1, bids);
    QVERIFY(bids[0].qty >= core::Qty{1});
    r = client.signedCall("POST", QStringLiteral("/fapi/v1/order"),
                          "symbol=BTCUSDT&side=SELL&type=MARKET&quantity=0.001&reduceOnly=true&"
                          "newOrderRespType=RESULT");
    QCOMPARE(r.str("status"), QStringLiteral("FILLED"));
    r = client.signedCall("GET", QStringLiteral("/fapi/v1/userTrades"), "symbol=BTCUSDT&limit=1");
    QCOMPARE(r.array().size(), 1);
    const core::Notional removed{(notional.units * 1 + qty.lots / 2) /
                                 qty.lots}; // the closed lot's share of the cost
    QCOMPARE(r.array()[0].toObject().value(QStringLiteral("realizedPnl")).toString(),
             fixed8(kSpec.toFixed8(core::Notional{bids[0].price.ticks - removed.units})));
}

void TestTradingSim::limitOrderRestsThenFillsFromReplayedTrades() {
    auto simulator = startSimulator(50.0);
    QVERIFY(simulator);
    TradingClient client(simulator->restUrl(), kKey, kSecret);
    Reply r = client.raw("POST", QStringLiteral("/fapi/v1/listenKey"));
    QCOMPARE(r.status, 200);
    const QString listenKey = r.str("listenKey");
    QCOMPARE(listenKey.size(), 64);
    UserStream stream(simulator->wsUrl() + QStringLiteral("/ws/") + listenKey);
    QCOMPARE(stream.socket.state(), QAbstractSocket::ConnectedState);

    simulator->pause();
    const auto bid = simulator->market().book().bestBid();
    QVERIFY(bid);
    // 0.002 BTC at the best bid: rests (it does not cross), then fills from the replayed trades.
    r = client.signedCall("POST", QStringLiteral("/fapi/v1/order"),
                          "symbol=BTCUSDT&side=BUY&type=LIMIT&timeInForce=GTC&quantity=0.002&"
                          "price=" +
                              price(bid->price).toLatin1() + "&newClientOrderId=rest-1");
    QCOMPARE(r.status, 200);
    QCOMPARE(r.str("status"), QStringLiteral("NEW"));
    QCOMPARE(r.str("clientOrderId"), QStringLiteral("rest-1"));
    const qint64 orderId = r.object().value(QStringLiteral("orderId")).toInteger();
    simulator->resume(); // placed on a still book: it rests, and only trades can fill it

    QString status;
    for (int i = 0; i < 300 && status != QStringLiteral("FILLED"); ++i) {
        QTest::qWait(100);
        r = client.signedCall("GET", QStringLiteral("/fapi/v1/order"),
                              "symbol=BTCUSDT&orderId=" + QByteArray::number(orderId));
        status = r.str("status");
    }
    QCOMPARE(status, QStringLiteral("FILLED"));
    QCOMPARE(r.str("avgPrice"), price(bid->price) + QStringLiteral("000000"));
    r = client.signedCall("GET", QStringLiteral("/fapi/v1/userTrades"),
                          "symbol=BTCUSDT&orderId=" + QByteArray::number(orderId));
    core::Fixed8 commission{};
    for (const QJsonValue& t : r.array()) {
        QCOMPARE(t.toObject().value(QStringLiteral("maker")).toBool(), true);
        QCOMPARE(t.toObject().value(QStringLiteral("price")).toString(), price(bid->price));
        commission.e8 +=
            core::parseFixed8(
                t.toObject().value(QStringLiteral("commission")).toString().toStdString())
                .value;
    }
    // Maker fee 0.02 % (per fill, rounded to 8 decimals; one or two fills here).
    const core::Fixed8 expected =
        core::feeFor(core::notionalOf(bid->price, core::Qty{2}), 20000, kSpec);
    QVERIFY(std::llabs(commission.e8 - expected.e8) <= 1);

    // The user data stream told the story: NEW, then TRADE(s) as maker, and the account.
    QTRY_VERIFY_WITH_TIMEOUT(!stream.ofType(QStringLiteral("ACCOUNT_UPDATE")).isEmpty(), 5000);
    const auto updates = stream.ofType(QStringLiteral("ORDER_TRADE_UPDATE"));
    QVERIFY(updates.size() >= 2);
    const QJsonObject first = updates.front().value(QStringLiteral("o")).toObject();
    QCOMPARE(first.value(QStringLiteral("x")).toString(), QStringLiteral("NEW"));
    QCOMPARE(first.value(QStringLiteral("c")).toString(), QStringLiteral("rest-1"));
    QCOMPARE(first.value(QStringLiteral("i")).toInteger(), orderId);
    const QJsonObject last = updates.back().value(QStringLiteral("o")).toObject();
    QCOMPARE(last.value(QStringLiteral("x")).toString(), QStringLiteral("TRADE"));
    QCOMPARE(last.value(QStringLiteral("X")).toString(), QStringLiteral("FILLED"));
    QCOMPARE(last.value(QStringLiteral("m")).toBool(), true);
    QCOMPARE(last.value(QStringLiteral("z")).toString(), QStringLiteral("0.002"));
    QCOMPARE(last.value(QStringLiteral("L")).toString(), price(bid->price));
    const QJsonObject account = stream.ofType(QStringLiteral("ACCOUNT_UPDATE"))
                                    .back()
                                    .value(QStringLiteral("a"))
                                    .toObject();
    QCOMPARE(account.value(QStringLiteral("m")).toString(), QStringLiteral("ORDER"));
    const QJsonObject pos = account.value(QStringLiteral("P")).toArray()[0].toObject();
    QCOMPARE(pos.value(QStringLiteral("pa")).toString(), QStringLiteral("0.002"));
    QCOMPARE(pos.value(QStringLiteral("ep")).toString(),
             price(bid->price) + QStringLiteral("000000"));
    const QJsonObject balance = account.value(QStringLiteral("B")).toArray()[0].toObject();
    QCOMPARE(balance.value(QStringLiteral("wb")).toString(),
             fixed8(core::Fixed8{10000 * core::Fixed8::kOne - commission.e8}));
    QVERIFY(!stream.ofType(QStringLiteral("TRADE_LITE")).isEmpty());
    QCOMPARE(
        stream.ofType(QStringLiteral("TRADE_LITE")).back().value(QStringLiteral("i")).toInteger(),
        orderId);
}

void TestTradingSim::timeInForceSemantics() {
    auto simulator = startSimulator(1.0);
    QVERIFY(simulator);
    simulator->pause();
    TradingClient client(simulator->restUrl(), kKey, kSecret);
    std::vector<core::Level> asks;
    simulator->market().book().levels(core::Side::Sell, 2, asks);
    const auto bid = simulator->market().book().bestBid();
    QVERIFY(asks.size() == 2 && bid);
    const QByteArray askPrice = price(asks[0].price).toLatin1();
    const QByteArray overBest =
        QByteArray::fromStdString(kSpec.formatQty(asks[0].qty + core::Qty{1}));

    // IOC at the best ask for more than it holds: takes that level, the rest expires.
    Reply r =
        client.signedCall("POST", QStringLiteral("/fapi/v1/order"),
                          "symbol=BTCUSDT&side=BUY&type=LIMIT&timeInForce=IOC&price=" + askPrice +
                              "&quantity=" + overBest + "&newOrderRespType=RESULT");
    QCOMPARE(r.status, 200);
    QCOMPARE(r.str("status"), QStringLiteral("EXPIRED"));
    QCOMPARE(r.str("executedQty"), QString::fromStdString(kSpec.formatQty(asks[0].qty)));
    QCOMPARE(r.str("timeInForce"), QStringLiteral("IOC"));

    // FOK for the same: not fully fillable at that price → -5021, nothing recorded.
    r = client.signedCall("POST", QStringLiteral("/fapi/v1/order"),
                          "symbol=BTCUSDT&side=BUY&type=LIMIT&timeInForce=FOK&price=" + askPrice +
                              "&quantity=" + overBest);
    QCOMPARE(r.code(), -5021);
    // ... and fillable at the second level's price → FILLED.
    r = client.signedCall("POST", QStringLiteral("/fapi/v1/order"),
                          "symbol=BTCUSDT&side=SELL&type=LIMIT&timeInForce=FOK&price=" +
                              price(bid->price).toLatin1() +
                              "&quantity=0.002&newOrderRespType=RESULT");
    QCOMPARE(r.str("status"), QStringLiteral("FILLED"));
    QCOMPARE(r.str("avgPrice"), price(bid->price) + QStringLiteral("000000"));

    // GTX (post-only) that would take → -5022; one that rests → NEW.
    r = client.signedCall("POST", QStringLiteral("/fapi/v1/order"),
                          "symbol=BTCUSDT&side=BUY&type=LIMIT&timeInForce=GTX&price=" + askPrice +
                              "&quantity=0.002");
    QCOMPARE(r.code(), -5022);
    r = client.signedCall("POST", QStringLiteral("/fapi/v1/order"),
                          "symbol=BTCUSDT&side=BUY&type=LIMIT&timeInForce=GTX&price=" +
                              price(bid->price).toLatin1() + "&quantity=0.002");
    QCOMPARE(r.status, 200);
    QCOMPARE(r.str("status"), QStringLiteral("NEW"));
    QCOMPARE(r.str("timeInForce"), QStringLiteral("GTX"));

    // A marketable GTC takes up to its price and rests the rest at its price.
    r = client.signedCall("POST", QStringLiteral("/fapi/v1/order"),
                          "symbol=BTCUSDT&side=BUY&type=LIMIT&timeInForce=GTC&price=" + askPrice +
                              "&quantity=" + overBest + "&newOrderRespType=RESULT");
    QCOMPARE(r.str("status"), QStringLiteral("PARTIALLY_FILLED"));
    QCOMPARE(r.str("executedQty"), QString::fromStdString(kSpec.formatQty(asks[0].qty)));
    r = client.signedCall("GET", QStringLiteral("/fapi/v1/openOrders"), "symbol=BTCUSDT");
    QCOMPARE(r.array().size(), 2); // the GTX and the rest of the GTC
}

void TestTradingSim::reduceOnlyAndDuplicateClientOrderId() {
    auto simulator = startSimulator(1.0);
    QVERIFY(simulator);
    simulator->pause();
    TradingClient client(simulator->restUrl(), kKey, kSecret);
    Reply r =
        client.signedCall("POST", QStringLiteral("/fapi/v1/order"),
                          "symbol=BTCUSDT&side=SELL&type=MARKET&quantity=0.002&reduceOnly=true");
    QCOMPARE(r.code(), -2022);
    QCOMPARE(r.str("msg"), QStringLiteral("ReduceOnly Order is rejected."));

    r = client.signedCall("POST", QStringLiteral("/fapi/v1/order"),
                          "symbol=BTCUSDT&side=BUY&type=MARKET&quantity=0.003");
    QCOMPARE(r.status, 200);
    QCOMPARE(r.str("status"), QStringLiteral("NEW")); // ACK is the default response type
    // A reduce-only order larger than the position only closes it. Below min notional is fine.
    r = client.signedCall("POST", QStringLiteral("/fapi/v1/order"),
                          "symbol=BTCUSDT&side=SELL&type=MARKET&quantity=0.010&reduceOnly=true&"
                          "newOrderRespType=RESULT");
    QCOMPARE(r.str("executedQty"), QStringLiteral("0.003"));
    QCOMPARE(r.object().value(QStringLiteral("reduceOnly")).toBool(), true);
    r = client.signedCall("GET", QStringLiteral("/fapi/v2/positionRisk"), {});
    QCOMPARE(r.array()[0].toObject().value(QStringLiteral("positionAmt")).toString(),
             QStringLiteral("0.000"));

    const auto bid = simulator->market().book().bestBid();
    const QByteArray low = price(core::Price{bid->price.ticks - 5000}).toLatin1();
    const QByteArray order = "symbol=BTCUSDT&side=BUY&type=LIMIT&timeInForce=GTC&quantity=0.004&"
                             "price=" +
                             low + "&newClientOrderId=dup-1";
    QCOMPARE(client.signedCall("POST", QStringLiteral("/fapi/v1/order"), order).status, 200);
    r = client.signedCall("POST", QStringLiteral("/fapi/v1/order"), order);
    QCOMPARE(r.code(), -4116);
    QCOMPARE(r.str("msg"), QStringLiteral("ClientOrderId is duplicated."));
    // Once the first is cancelled the id is free again.
    QCOMPARE(client
                 .signedCall("DELETE", QStringLiteral("/fapi/v1/order"),
                             "symbol=BTCUSDT&origClientOrderId=dup-1")
                 .str("status"),
             QStringLiteral("CANCELED"));
    QCOMPARE(client.signedCall("POST", QStringLiteral("/fapi/v1/order"), order).status, 200);
}

void TestTradingSim::validationErrors() {
    auto simulator = startSimulator(1.0);
    QVERIFY(simulator);
    simulator->pause();
    TradingClient client(simulator->restUrl(), kKey, kSecret);
    const auto bid = simulator->market().book().bestBid();
    const QByteArray bidPrice = price(bid->price).toLatin1();
    const auto post = [&](const QByteArray& params) {
        return client.signedCall("POST", QStringLiteral("/fapi/v1/order"), params);
    };
    Reply r =
        post("symbol=BTCUSDT&side=BUY&type=LIMIT&timeInForce=GTC&quantity=0.001&price=" + bidPrice);
    QCOMPARE(r.code(), -4164);
    QCOMPARE(r.str("msg"), QStringLiteral("Order's notional must be no smaller than 100 (unless "
                                          "you choose reduce only)."));
    r = post("symbol=BTCUSDT&side=BUY&type=LIMIT&timeInForce=GTC&quantity=0.002&price=" +
             price(bid->price).toLatin1().chopped(1) + "5"); // x.x5: off the 0.10 grid
    QCOMPARE(r.code(), -4014);
    r = post("symbol=BTCUSDT&side=BUY&type=LIMIT&timeInForce=GTC&quantity=0.0025&price=" +
             bidPrice);
    QCOMPARE(r.code(), -1111);
    r = post("symbol=BTCUSDT&side=BUY&type=LIMIT&timeInForce=GTC&price=" + bidPrice);
    QCOMPARE(r.code(), -1102);
    QCOMPARE(r.str("msg"), QStringLiteral("Mandatory parameter 'quantity' was not sent, was "
                                          "empty/null, or malformed."));
    r = post("symbol=BTCUSDT&side=BUY&type=STOP_MARKET&quantity=0.002&stopPrice=" + bidPrice);
    QCOMPARE(r.code(), -4120);
    QCOMPARE(r.str("msg"), QStringLiteral("Order type not supported for this endpoint. Please use "
                                          "the Algo Order API endpoints instead."));
    r = post("symbol=BTCUSDT&side=BUY&type=TRAILING_STOP_MARKET&quantity=0.002&callbackRate=1");
    QCOMPARE(r.code(), -4120);
    r = post("symbol=BTCUSDT&side=BUY&type=LIMIT_MAKER&quantity=0.002");
    QCOMPARE(r.code(), -1116);
    r = post("symbol=ETHUSDT&side=BUY&type=MARKET&quantity=0.002");
    QCOMPARE(r.code(), -1121);
    r = post("symbol=BTCUSDT&side=BUY&type=MARKET&quantity=0.002&newClientOrderId=" +
             QByteArray(37, 'a'));
    QCOMPARE(r.code(), -4015);
    // 10 000 USDT at leverage 20 carry at most ~200 000 USDT of notional.
    r = post("symbol=BTCUSDT&side=BUY&type=MARKET&quantity=5");
    QCOMPARE(r.code(), -2019);
    QCOMPARE(r.str("msg"), QStringLiteral("Margin is insufficient."));
    r = client.signedCall("POST", QStringLiteral("/fapi/v1/order"), "symbol=BTCUSDT");
    QCOMPARE(r.code(), -1102);
    QCOMPARE(r.str("msg"), QStringLiteral("Mandatory parameter 'side' was not sent, was "
                                          "empty/null, or malformed."));
}

void TestTradingSim::cancelAndQuery() {
    auto simulator = startSimulator(1.0);
    QVERIFY(simulator);
    simulator->pause();
    TradingClient client(simulator->restUrl(), kKey, kSecret);
    const auto bid = simulator->market().book().bestBid();
    const QByteArray low = price(core::Price{bid->price.ticks - 10000}).toLatin1();
    Reply r = client.signedCall("POST", QStringLiteral("/fapi/v1/order"),
                                "symbol=BTCUSDT&side=BUY&type=LIMIT&timeInForce=GTC&quantity=0.003&"
                                "price=" +
                                    low + "&newClientOrderId=c-1");
    const QByteArray id =
        QByteArray::number(r.object().value(QStringLiteral("orderId")).toInteger());
    r = client.signedCall("GET", QStringLiteral("/fapi/v1/order"),
                          "symbol=BTCUSDT&origClientOrderId=c-1");
    QCOMPARE(r.str("status"), QStringLiteral("NEW"));
    QCOMPARE(r.str("price"), QString::fromLatin1(low));
    QCOMPARE(r.str("origQty"), QStringLiteral("0.003"));
    r = client.signedCall("GET", QStringLiteral("/fapi/v1/openOrders"), {});
    QCOMPARE(r.array().size(), 1);
    // Open-order margin is held: price × qty / 20.
    r = client.signedCall("GET", QStringLiteral("/fapi/v2/account"), {});
    QCOMPARE(
        r.str("totalOpenOrderInitialMargin"),
        fixed8(core::Fixed8{
            kSpec.toFixed8(core::notionalOf(core::Price{bid->price.ticks - 10000}, core::Qty{3}))
                .e8 /
            20}));

    r = client.signedCall("DELETE", QStringLiteral("/fapi/v1/order"),
                          "symbol=BTCUSDT&orderId=" + id);
    QCOMPARE(r.status, 200);
    QCOMPARE(r.str("status"), QStringLiteral("CANCELED"));
    r = client.signedCall("DELETE", QStringLiteral("/fapi/v1/order"),
                          "symbol=BTCUSDT&orderId=" + id);
    QCOMPARE(r.code(), -2011);
    QCOMPARE(r.str("msg"), QStringLiteral("Unknown order sent."));
    r = client.signedCall("GET", QStringLiteral("/fapi/v1/order"), "symbol=BTCUSDT&orderId=1");
    QCOMPARE(r.code(), -2013);
    QCOMPARE(r.str("msg"), QStringLiteral("Order does not exist."));
    r = client.signedCall("GET", QStringLiteral("/fapi/v1/order"), "symbol=BTCUSDT");
    QCOMPARE(r.code(), -1102);
    QCOMPARE(client.signedCall("GET", QStringLiteral("/fapi/v1/openOrders"), {}).array().size(), 0);

    // allOpenOrders
    for (const char* cid : {"a-1", "a-2"}) {
        client.signedCall(
            "POST", QStringLiteral("/fapi/v1/order"),
            "symbol=BTCUSDT&side=BUY&type=LIMIT&timeInForce=GTC&quantity=0.003&price=" + low +
                "&newClientOrderId=" + cid);
    }
    QCOMPARE(client.signedCall("GET", QStringLiteral("/fapi/v1/openOrders"), {}).array().size(), 2);
    r = client.signedCall("DELETE", QStringLiteral("/fapi/v1/allOpenOrders"), "symbol=BTCUSDT");
    QCOMPARE(r.code(), 200);
    QCOMPARE(client.signedCall("GET", QStringLiteral("/fapi/v1/openOrders"), {}).array().size(), 0);
}

void TestTradingSim::leverageAndMarginType() {
    auto simulator = startSimulator(1.0);
    QVERIFY(simulator);
    simulator->pause();
    TradingClient client(simulator->restUrl(), kKey, kSecret);
    Reply r =
        client.signedCall("POST", QStringLiteral("/fapi/v1/leverage"), "symbol=BTCUSDT&leverage=0");
    QCOMPARE(r.code(), -4028);
    QCOMPARE(r.str("msg"), QStringLiteral("Leverage 0 is not valid"));
    r = client.signedCall("POST", QStringLiteral("/fapi/v1/leverage"),
                          "symbol=BTCUSDT&leverage=126");
    QCOMPARE(r.code(), -4028);
    r = client.signedCall("POST", QStringLiteral("/fapi/v1/leverage"),
                          "symbol=BTCUSDT&leverage=10");
    QCOMPARE(r.object().value(QStringLiteral("leverage")).toInt(), 10);
    QCOMPARE(r.str("symbol"), QStringLiteral("BTCUSDT"));

    r = client.signedCall("POST", QStringLiteral("/fapi/v1/marginType"),
                          "symbol=BTCUSDT&marginType=CROSSED");
    QCOMPARE(r.code(), -4046);
    QCOMPARE(r.str("msg"), QStringLiteral("No need to change margin type."));
    r = client.signedCall("POST", QStringLiteral("/fapi/v1/marginType"),
                          "symbol=BTCUSDT&marginType=ISOLATED");
    QCOMPARE(r.status, 200);
    QCOMPARE(r.code(), 200);

    std::vector<core::Level> asks;
    simulator->market().book().levels(core::Side::Sell, 1, asks);
    QVERIFY(asks[0].qty >= core::Qty{2});
    r = client.signedCall("POST", QStringLiteral("/fapi/v1/order"),
                          "symbol=BTCUSDT&side=BUY&type=MARKET&quantity=0.002");
    QCOMPARE(r.status, 200);
    r = client.signedCall("POST", QStringLiteral("/fapi/v1/marginType"),
                          "symbol=BTCUSDT&marginType=CROSSED");
    QCOMPARE(r.code(), -4048);

    r = client.signedCall("GET", QStringLiteral("/fapi/v2/positionRisk"), "symbol=BTCUSDT");
    const QJsonObject p = r.array()[0].toObject();
    QCOMPARE(p.value(QStringLiteral("marginType")).toString(), QStringLiteral("isolated"));
    QCOMPARE(p.value(QStringLiteral("leverage")).toString(), QStringLiteral("10"));
    const core::Fixed8 iw{kSpec.toFixed8(core::notionalOf(asks[0].price, core::Qty{2})).e8 / 10};
    QCOMPARE(p.value(QStringLiteral("isolatedWallet")).toString(), fixed8(iw));
    // Liquidation of an isolated long: (E·q − iw) / (q·(1 − 0.004)).
    const std::int64_t entryE8 = kSpec.toFixed8(core::notionalOf(asks[0].price, core::Qty{2})).e8;
    const core::Int128 num = static_cast<core::Int128>(entryE8 - iw.e8) * 1000 * 1'000'000;
    const core::Int128 den = static_cast<core::Int128>(2) * 996'000;
    QCOMPARE(p.value(QStringLiteral("liquidationPrice")).toString(),
             fixed8(core::Fixed8{static_cast<std::int64_t>((num + den / 2) / den)}));
}

void TestTradingSim::algoOrders() {
    auto simulator = startSimulator(50.0);
    QVERIFY(simulator);
    TradingClient client(simulator->restUrl(), kKey, kSecret);
    const QString listenKey =
        client.raw("POST", QStringLiteral("/fapi/v1/listenKey")).str("listenKey");
    UserStream stream(simulator->wsUrl() + QStringLiteral("/private/ws/") + listenKey);
    QCOMPARE(stream.socket.state(), QAbstractSocket::ConnectedState);

    simulator->pause();
    const auto bid = simulator->market().book().bestBid();
    const auto ask = simulator->market().book().bestAsk();
    // Mark (the mid) is above the bid: a buy stop there would trigger at once.
    Reply r = client.signedCall("POST", QStringLiteral("/fapi/v1/algoOrder"),
                                "algoType=CONDITIONAL&symbol=BTCUSDT&side=BUY&type=STOP_MARKET&"
                                "quantity=0.002&workingType=MARK_PRICE&triggerPrice=" +
                                    price(bid->price).toLatin1());
    QCOMPARE(r.code(), -2021);
    QCOMPARE(r.str("msg"), QStringLiteral("Order would immediately trigger."));
    r = client.signedCall("POST", QStringLiteral("/fapi/v1/algoOrder"),
                          "symbol=BTCUSDT&side=BUY&type=STOP_MARKET&quantity=0.002&triggerPrice=1");
    QCOMPARE(r.code(), -1102); // algoType missing
    // A stop each way, one tick beyond the book: whichever way the market moves first fires.
    const QByteArray up = price(core::Price{ask->price.ticks + 1}).toLatin1();
    const QByteArray down = price(core::Price{bid->price.ticks - 1}).toLatin1();
    r = client.signedCall("POST", QStringLiteral("/fapi/v1/algoOrder"),
                          "algoType=CONDITIONAL&symbol=BTCUSDT&side=BUY&type=STOP_MARKET&"
                          "quantity=0.002&workingType=MARK_PRICE&clientAlgoId=up-1&triggerPrice=" +
                              up);
    QCOMPARE(r.status, 200);
    QCOMPARE(r.str("algoStatus"), QStringLiteral("NEW"));
    QCOMPARE(r.str("triggerPrice"), QString::fromLatin1(up));
    QCOMPARE(r.str("clientAlgoId"), QStringLiteral("up-1"));
    r = client.signedCall(
        "POST", QStringLiteral("/fapi/v1/algoOrder"),
        "algoType=CONDITIONAL&symbol=BTCUSDT&side=SELL&type=STOP_MARKET&"
        "quantity=0.002&workingType=MARK_PRICE&clientAlgoId=down-1&triggerPrice=" +
            down);
    QCOMPARE(r.status, 200);
    r = client.signedCall("GET", QStringLiteral("/fapi/v1/openAlgoOrders"), "symbol=BTCUSDT");
    QCOMPARE(r.array().size(), 2);
    // Hold the market still as soon as one has fired, so that the other most likely has not.
    QObject::connect(&stream.socket, &QWebSocket::textMessageReceived, simulator.get(),
                     [&simulator](const QString& m) {
                         if (m.contains(QStringLiteral("\"X\":\"FINISHED\""))) {
                             simulator->pause();
                         }
                     });
    simulator->resume();
    QTRY_VERIFY_WITH_TIMEOUT(
        client.signedCall("GET", QStringLiteral("/fapi/v1/openAlgoOrders"), {}).array().size() < 2,
        60000);
    simulator->pause();
    QStringList fired;
    QStringList open;
    for (const QString& id : {QStringLiteral("up-1"), QStringLiteral("down-1")}) {
        r = client.signedCall("GET", QStringLiteral("/fapi/v1/algoOrder"),
                              "symbol=BTCUSDT&clientAlgoId=" + id.toLatin1());
        (r.str("algoStatus") == QStringLiteral("NEW") ? open : fired) << id;
    }
    QVERIFY(!fired.isEmpty());
    std::int64_t expectedLots = 0;
    for (const QString& id : fired) {
        r = client.signedCall("GET", QStringLiteral("/fapi/v1/algoOrder"),
                              "symbol=BTCUSDT&clientAlgoId=" + id.toLatin1());
        QCOMPARE(r.str("algoStatus"), QStringLiteral("FINISHED"));
        const QByteArray actual = r.str("actualOrderId").toLatin1();
        QVERIFY(!actual.isEmpty());
        r = client.signedCall("GET", QStringLiteral("/fapi/v1/order"),
                              "symbol=BTCUSDT&orderId=" + actual);
        QCOMPARE(r.str("status"), QStringLiteral("FILLED"));
        QCOMPARE(r.str("type"), QStringLiteral("MARKET"));
        QCOMPARE(r.str("origType"), QStringLiteral("STOP_MARKET"));
        QCOMPARE(r.str("executedQty"), QStringLiteral("0.002"));
        expectedLots += id == QStringLiteral("up-1") ? 2 : -2;
        // ALGO_UPDATE went NEW → TRIGGERING → TRIGGERED → FINISHED.
        QStringList statuses;
        for (const QJsonObject& e : stream.ofType(QStringLiteral("ALGO_UPDATE"))) {
            const QJsonObject o = e.value(QStringLiteral("o")).toObject();
            if (o.value(QStringLiteral("caid")).toString() == id) {
                statuses << o.value(QStringLiteral("X")).toString();
            }
        }
        QCOMPARE(statuses, (QStringList{QStringLiteral("NEW"), QStringLiteral("TRIGGERING"),
                                        QStringLiteral("TRIGGERED"), QStringLiteral("FINISHED")}));
    }
    r = client.signedCall("GET", QStringLiteral("/fapi/v2/positionRisk"), {});
    QCOMPARE(r.array()[0].toObject().value(QStringLiteral("positionAmt")).toString(),
             QString::fromStdString(kSpec.formatQty(core::Qty{expectedLots})));

    // Cancel one that is still open (a far one if both fired).
    QString remaining = open.isEmpty() ? QString() : open.front();
    if (remaining.isEmpty()) {
        remaining = QStringLiteral("far-1");
        const auto a = simulator->market().book().bestAsk();
        QCOMPARE(client
                     .signedCall("POST", QStringLiteral("/fapi/v1/algoOrder"),
                                 "algoType=CONDITIONAL&symbol=BTCUSDT&side=BUY&type=STOP_MARKET&"
                                 "quantity=0.002&clientAlgoId=far-1&triggerPrice=" +
                                     price(core::Price{a->price.ticks + 100000}).toLatin1())
                     .status,
                 200);
    }
    r = client.signedCall("DELETE", QStringLiteral("/fapi/v1/algoOrder"),
                          "symbol=BTCUSDT&clientAlgoId=" + remaining.toLatin1());
    QCOMPARE(r.status, 200);
    QCOMPARE(r.str("msg"), QStringLiteral("success"));
    r = client.signedCall("DELETE", QStringLiteral("/fapi/v1/algoOrder"),
                          "symbol=BTCUSDT&clientAlgoId=" + remaining.toLatin1());
    QCOMPARE(r.code(), -2011);
    QCOMPARE(client.signedCall("GET", QStringLiteral("/fapi/v1/openAlgoOrders"), {}).array().size(),
             0);
    if (expectedLots == 0) {
        QCOMPARE(client
                     .signedCall("POST", QStringLiteral("/fapi/v1/order"),
                                 "symbol=BTCUSDT&side=BUY&type=MARKET&quantity=0.002")
                     .status,
                 200);
        expectedLots = 2;
    }

    // closePosition: a stop that closes whatever is open when it fires.
    const bool isLong = expectedLots > 0;
    const auto nowBid = simulator->market().book().bestBid();
    const auto nowAsk = simulator->market().book().bestAsk();
    r = client.signedCall(
        "POST", QStringLiteral("/fapi/v1/algoOrder"),
        QByteArray("algoType=CONDITIONAL&symbol=BTCUSDT&type=TAKE_PROFIT_MARKET&closePosition=true&"
                   "workingType=MARK_PRICE&side=") +
            (isLong
                 ? "SELL&triggerPrice=" + price(core::Price{nowAsk->price.ticks + 1}).toLatin1()
                 : "BUY&triggerPrice=" + price(core::Price{nowBid->price.ticks - 1}).toLatin1()));
    QCOMPARE(r.status, 200);
    QCOMPARE(r.object().value(QStringLiteral("closePosition")).toBool(), true);
    QCOMPARE(r.str("quantity"), QStringLiteral("0.000"));
}

void TestTradingSim::countdownCancelAll() {
    auto simulator = startSimulator(1.0);
    QVERIFY(simulator);
    simulator->pause();
    TradingClient client(simulator->restUrl(), kKey, kSecret);
    const auto bid = simulator->market().book().bestBid();
    client.signedCall("POST", QStringLiteral("/fapi/v1/order"),
                      "symbol=BTCUSDT&side=BUY&type=LIMIT&timeInForce=GTC&quantity=0.003&price=" +
                          price(core::Price{bid->price.ticks - 10000}).toLatin1());
    Reply r = client.signedCall("POST", QStringLiteral("/fapi/v1/countdownCancelAll"),
                                "symbol=BTCUSDT&countdownTime=300");
    QCOMPARE(r.str("countdownTime"), QStringLiteral("300"));
    QCOMPARE(client.signedCall("GET", QStringLiteral("/fapi/v1/openOrders"), {}).array().size(), 1);
    QTRY_COMPARE_WITH_TIMEOUT(
        client.signedCall("GET", QStringLiteral("/fapi/v1/openOrders"), {}).array().size(), 0,
        3000);
}

void TestTradingSim::listenKeyLifecycle() {
    sim::SimulatorOptions options;
    options.trading.listenKeyValidityMs = 400;
    auto simulator = startSimulator(1.0, options);
    QVERIFY(simulator);
    TradingClient client(simulator->restUrl(), kKey, kSecret);
    // USER_STREAM: the key only, no signature; an unknown key is refused.
    TradingClient stranger(simulator->restUrl(), "nobody", kSecret);
    QCOMPARE(stranger.raw("POST", QStringLiteral("/fapi/v1/listenKey")).code(), -2015);
    const QString key = client.raw("POST", QStringLiteral("/fapi/v1/listenKey")).str("listenKey");
    QCOMPARE(key.size(), 64);
    QCOMPARE(client.raw("POST", QStringLiteral("/fapi/v1/listenKey")).str("listenKey"), key);
    QCOMPARE(client.raw("PUT", QStringLiteral("/fapi/v1/listenKey")).str("listenKey"), key);
    Reply r = client.raw("PUT", QStringLiteral("/fapi/v1/listenKey"), "listenKey=not-a-key");
    QCOMPARE(r.code(), -1125);
    QCOMPARE(client.raw("DELETE", QStringLiteral("/fapi/v1/listenKey")).status, 200);
    r = client.raw("PUT", QStringLiteral("/fapi/v1/listenKey"));
    QCOMPARE(r.code(), -1125);

    // Expiry: the stream is told listenKeyExpired.
    const QString fresh = client.raw("POST", QStringLiteral("/fapi/v1/listenKey")).str("listenKey");
    QVERIFY(fresh != key);
    UserStream stream(simulator->wsUrl() + QStringLiteral("/ws/") + fresh);
    QCOMPARE(stream.socket.state(), QAbstractSocket::ConnectedState);
    QTRY_COMPARE_WITH_TIMEOUT(stream.ofType(QStringLiteral("listenKeyExpired")).size(), 1, 3000);
    QCOMPARE(stream.events.front().value(QStringLiteral("listenKey")).toString(), fresh);
    QCOMPARE(client.raw("PUT", QStringLiteral("/fapi/v1/listenKey")).code(), -1125);
}

void TestTradingSim::weightsAndOrderCountHeaders() {
    auto simulator = startSimulator(1.0);
    QVERIFY(simulator);
    simulator->pause();
    TradingClient client(simulator->restUrl(), kKey, kSecret);
    Reply r = client.raw("GET", QStringLiteral("/fapi/v1/ping"));
    const int base = r.usedWeight.toInt();
    QVERIFY(base >= 1);
    r = client.raw("GET", QStringLiteral("/fapi/v1/depth?symbol=BTCUSDT&limit=1000"));
    QCOMPARE(r.usedWeight.toInt(), base + 20);
    QVERIFY(r.orderCount1m.isEmpty()); // not an order request
    r = client.signedCall("GET", QStringLiteral("/fapi/v2/account"), {});
    QCOMPARE(r.usedWeight.toInt(), base + 25);
    r = client.signedCall("POST", QStringLiteral("/fapi/v1/order"),
                          "symbol=BTCUSDT&side=BUY&type=MARKET&quantity=0.002");
    QCOMPARE(r.status, 200);
    QCOMPARE(r.usedWeight.toInt(), base + 25); // new orders cost no IP weight
    QCOMPARE(r.orderCount1m, QByteArray("1"));
    QCOMPARE(r.orderCount10s, QByteArray("1"));
    r = client.signedCall("POST", QStringLiteral("/fapi/v1/order"),
                          "symbol=BTCUSDT&side=SELL&type=MARKET&quantity=0.002");
    QCOMPARE(r.orderCount1m, QByteArray("2"));
}

void TestTradingSim::rateLimit429Then418() {
    sim::SimulatorOptions options;
    options.limits.requestWeightPerMinute = 30;
    auto simulator = startSimulator(1.0, options);
    QVERIFY(simulator);
    TradingClient client(simulator->restUrl(), kKey, kSecret);
    Reply r;
    int lastWeight = 0;
    for (int i = 0; i < 100; ++i) {
        r = client.raw("GET", QStringLiteral("/fapi/v1/ping"));
        if (r.status != 200) {
            break;
        }
        lastWeight = r.usedWeight.toInt();
    }
    QCOMPARE(r.status, 429);
    QCOMPARE(lastWeight, 30);
    QCOMPARE(r.code(), -1003);
    QCOMPARE(r.str("msg"), QStringLiteral("Too many requests; current limit is 30 requests per "
                                          "minute. Please use the websocket for live updates to "
                                          "avoid polling the API."));
    QVERIFY(r.retryAfter.toInt() >= 1 && r.retryAfter.toInt() <= 60);
    // Keeping on after a 429 earns a ban.
    r = client.raw("GET", QStringLiteral("/fapi/v1/ping"));
    QCOMPARE(r.status, 418);
    QCOMPARE(r.code(), -1003);
    QVERIFY(r.str("msg").startsWith(QStringLiteral("Way too many requests; IP(")));
    QVERIFY(r.retryAfter.toInt() >= 119 && r.retryAfter.toInt() <= 120);
    r = client.signedCall("GET", QStringLiteral("/fapi/v2/balance"), {});
    QCOMPARE(r.status, 418);
}

void TestTradingSim::injectedOrderRejectionsAndShortListenKeys() {
    sim::SimulatorOptions options;
    options.faults = "order-reject=0.5,listenkey-lifetime=1";
    auto simulator = startSimulator(1.0, options);
    QVERIFY(simulator);
    simulator->pause();
    TradingClient client(simulator->restUrl(), kKey, kSecret);
    // Every second order is turned down by the "matching engine" (rates are deterministic).
    int rejected = 0;
    int accepted = 0;
    for (int i = 0; i < 4; ++i) {
        const Reply r = client.signedCall(
            "POST", QStringLiteral("/fapi/v1/order"),
            "symbol=BTCUSDT&side=BUY&type=LIMIT&timeInForce=GTC&quantity=0.004&price=30000.0");
        if (r.code() == -2010) {
            ++rejected;
            QCOMPARE(r.status, 400);
        } else {
            QVERIFY2(r.status == 200, r.body.constData());
            ++accepted;
        }
    }
    QCOMPARE(rejected, 2);
    QCOMPARE(accepted, 2);
    // listenKeys live one second instead of sixty minutes.
    const QString key = client.raw("POST", QStringLiteral("/fapi/v1/listenKey")).str("listenKey");
    UserStream stream(simulator->wsUrl() + QStringLiteral("/ws/") + key);
    QTRY_COMPARE_WITH_TIMEOUT(stream.ofType(QStringLiteral("listenKeyExpired")).size(), 1, 4000);
}

QTEST_GUILESS_MAIN(TestTradingSim)
#include "tst_trading_sim.moc"
