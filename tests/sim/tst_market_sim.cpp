// The exchange simulator over real sockets on 127.0.0.1 (ephemeral ports): a client that follows
// Binance's book procedure with Hoga's own feed code ends in sync with the simulator's book.
// Qt headers first: moc (Qt 6.4) fails on <compare> when it comes before them.
#include <QTest>

#include "binance/market_data_processor.h"
#include "sim/exchange_simulator.h"
#include "test_printers.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QNetworkAccessManager>
#include <QNetworkReply>
#include <QSignalSpy>

#include <QtWebSockets/QWebSocket>

using namespace hoga;

namespace {
const std::string kRecording =
    std::string(HOGA_RECORDINGS) + "/hftbacktest_usdm_btcusdt_20240808.gz";

std::unique_ptr<sim::ExchangeSimulator> startSimulator(double speed) {
    sim::SimulatorOptions options;
    options.recordings = {kRecording};
    options.replay.speed = speed;
    auto simulator = std::make_unique<sim::ExchangeSimulator>(options);
    QString error;
    if (!simulator->start(error)) {
        qWarning("%s", qPrintable(error));
        return nullptr;
    }
    return simulator;
}

QByteArray httpGet(QNetworkAccessManager& net, const QString& url, int* status = nullptr) {
    QNetworkReply* reply = net.get(QNetworkRequest(QUrl(url)));
    QSignalSpy done(reply, &QNetworkReply::finished);
    done.wait(10000);
    if (status) {
        *status = reply->attribute(QNetworkRequest::HttpStatusCodeAttribute).toInt();
    }
    const QByteArray body = reply->readAll();
    reply->deleteLater();
    return body;
}
} // namespace

class TestMarketSim : public QObject {
    Q_OBJECT
private Q_SLOTS:
    void clientSyncsAndMatchesTheSimulatorBook();
    void restEndpoints();
    void rawStreamsPrefixesAndSubscriptions();
    void tooManyMessagesCloseTheConnection();
    void unknownPathIsRefused();
};

void TestMarketSim::clientSyncsAndMatchesTheSimulatorBook() {
    auto simulator = startSimulator(20.0);
    QVERIFY(simulator);
    binance::MarketDataProcessor client(core::InstrumentSpec::btcusdtDefaults(), {});
    QNetworkAccessManager net;
    QWebSocket socket;
    bool snapshotRequested = false;
    int depthFrames = 0;
    QObject::connect(&socket, &QWebSocket::textMessageReceived, [&](const QString& message) {
        const std::string frame = message.toStdString();
        const auto type = client.onFrame(frame, frame.size());
        if (type == binance::MessageType::DepthUpdate) {
            ++depthFrames;
        }
        // As the procedure says: buffer first, then ask for the snapshot.
        if (type == binance::MessageType::DepthUpdate && !snapshotRequested) {
            snapshotRequested = true;
            QNetworkReply* reply = net.get(
                QNetworkRequest(QUrl(simulator->restUrl() +
                                     QStringLiteral("/fapi/v1/depth?symbol=BTCUSDT&limit=1000"))));
            QObject::connect(reply, &QNetworkReply::finished, [&client, reply] {
                const std::string body = reply->readAll().toStdString();
                client.onFrame(body, body.size());
                reply->deleteLater();
            });
        }
    });
    socket.open(
        QUrl(simulator->wsUrl() +
             QStringLiteral("/stream?streams=btcusdt@depth@0ms/btcusdt@bookTicker/btcusdt@trade")));
    QTest::qWait(2500); // 50 s of the recorded market at 20×
    simulator->pause();
    QTest::qWait(300); // let what is in flight arrive
    QVERIFY(depthFrames > 100);
    const auto& sync = client.synchronizer();
    QCOMPARE(sync.state(), binance::SyncState::Live);
    QCOMPARE(sync.counters().syncs, qint64(1));
    QCOMPARE(sync.counters().gaps, qint64(0));
    QCOMPARE(sync.counters().crossed, qint64(0));
    const auto& simSync = simulator->market().processor().synchronizer();
    QCOMPARE(sync.lastAppliedUpdateId(), simSync.lastAppliedUpdateId());
    // Same book at the same update id: the top 200 levels of each side are identical.
    for (const core::Side side : {core::Side::Buy, core::Side::Sell}) {
        std::vector<core::Level> ours, theirs;
        client.book().levels(side, 200, ours);
        simulator->market().book().levels(side, 200, theirs);
        QCOMPARE(ours.size(), std::size_t(200));
        QVERIFY(ours == theirs);
    }
    const auto& c = client.counters();
    QVERIFY(c.tickerCompared + c.tickerFirstCompared > 0);
    QCOMPARE(c.tickerMismatched + c.tickerFirstMismatched, qint64(0));
    QVERIFY(c.count(binance::MessageType::Trade) > 100);
    QCOMPARE(c.count(binance::MessageType::Malformed), qint64(0));
}

void TestMarketSim::restEndpoints() {
    auto simulator = startSimulator(1.0);
    QVERIFY(simulator);
    QNetworkAccessManager net;
    const QString base = simulator->restUrl();
    int status = 0;
    QCOMPARE(httpGet(net, base + QStringLiteral("/fapi/v1/ping"), &status), QByteArray("{}"));
    QCOMPARE(status, 200);
    const QJsonObject time =
        QJsonDocument::fromJson(httpGet(net, base + QStringLiteral("/fapi/v1/time"))).object();
    // Wall clock (clients sign with it), not the replayed 2024 market's time.
    QVERIFY(std::abs(time.value(QStringLiteral("serverTime")).toInteger() -
                     QDateTime::currentMSecsSinceEpoch()) < 5000);
    const QByteArray info = httpGet(net, base + QStringLiteral("/fapi/v1/exchangeInfo"));
    QVERIFY(QJsonDocument::fromJson(info).isObject());
    const QJsonObject depth =
        QJsonDocument::fromJson(
            httpGet(net, base + QStringLiteral("/fapi/v1/depth?symbol=BTCUSDT&limit=5")))
            .object();
    QCOMPARE(depth.value(QStringLiteral("bids")).toArray().size(), 5);
    QVERIFY(depth.value(QStringLiteral("lastUpdateId")).toInteger() > 0);
    const QJsonObject bad =
        QJsonDocument::fromJson(
            httpGet(net, base + QStringLiteral("/fapi/v1/depth?symbol=ETHUSDT"), &status))
            .object();
    QCOMPARE(status, 400);
    QCOMPARE(bad.value(QStringLiteral("code")).toInt(), -1121);
    httpGet(net, base + QStringLiteral("/fapi/v1/depth?symbol=BTCUSDT&limit=7"), &status);
    QCOMPARE(status, 400);
    httpGet(net, base + QStringLiteral("/fapi/v1/depth"), &status);
    QCOMPARE(status, 400);
    // bookTicker is the simulator's own top of book.
    const QJsonObject ticker =
        QJsonDocument::fromJson(
            httpGet(net, base + QStringLiteral("/fapi/v1/ticker/bookTicker?symbol=BTCUSDT"),
                    &status))
            .object();
    QCOMPARE(status, 200);
    const auto best = simulator->market().book().bestBid();
    QVERIFY(best.has_value());
    QVERIFY(ticker.value(QStringLiteral("bidPrice")).toString().toDouble() > 50000);
    QVERIFY(ticker.value(QStringLiteral("askPrice")).toString().toDouble() >
            ticker.value(QStringLiteral("bidPrice")).toString().toDouble());
    QVERIFY(
        QJsonDocument::fromJson(httpGet(net, base + QStringLiteral("/fapi/v1/ticker/bookTicker")))
            .isArray());
    // premiumIndex: the mark price last published (derived from the mid in this recording).
    QJsonObject premium;
    QTRY_VERIFY_WITH_TIMEOUT(
        (premium = QJsonDocument::fromJson(
                       httpGet(net, base + QStringLiteral("/fapi/v1/premiumIndex?symbol=BTCUSDT")))
                       .object())
            .contains(QStringLiteral("markPrice")),
        5000);
    const double mark = premium.value(QStringLiteral("markPrice")).toString().toDouble();
    QVERIFY(mark > 50000 && mark < 70000);
    QCOMPARE(premium.value(QStringLiteral("lastFundingRate")).toString(),
             QStringLiteral("0.00010000"));
    QVERIFY(premium.value(QStringLiteral("nextFundingTime")).toInteger() % (8 * 3600000) == 0);
}

void TestMarketSim::rawStreamsPrefixesAndSubscriptions() {
    auto simulator = startSimulator(50.0);
    QVERIFY(simulator);
    // Raw stream under the /public prefix: bare payloads, no envelope.
    QWebSocket raw;
    QStringList rawMessages;
    QObject::connect(&raw, &QWebSocket::textMessageReceived,
                     [&](const QString& m) { rawMessages << m; });
    raw.open(QUrl(simulator->wsUrl() + QStringLiteral("/public/ws/btcusdt@bookTicker")));
    // A bare /ws connection that subscribes later.
    QWebSocket sub;
    QStringList subMessages;
    QObject::connect(&sub, &QWebSocket::textMessageReceived,
                     [&](const QString& m) { subMessages << m; });
    QSignalSpy connected(&sub, &QWebSocket::connected);
    sub.open(QUrl(simulator->wsUrl() + QStringLiteral("/market/ws")));
    QVERIFY(connected.wait(5000));
    sub.sendTextMessage(
        QStringLiteral(R"({"method":"SUBSCRIBE","params":["btcusdt@trade"],"id":7})"));
    QTest::qWait(400);
    sub.sendTextMessage(QStringLiteral(R"({"method":"LIST_SUBSCRIPTIONS","id":8})"));
    QTest::qWait(400);
    QVERIFY(rawMessages.size() > 10);
    const QJsonObject first = QJsonDocument::fromJson(rawMessages.first().toUtf8()).object();
    QCOMPARE(first.value(QStringLiteral("e")).toString(), QStringLiteral("bookTicker"));
    QVERIFY(!first.contains(QStringLiteral("stream")));
    QVERIFY(subMessages.contains(QStringLiteral(R"({"id":7,"result":null})")));
    QVERIFY(subMessages.contains(QStringLiteral(R"({"id":8,"result":["btcusdt@trade"]})")));
    int trades = 0;
    for (const QString& m : subMessages) {
        trades +=
            QJsonDocument::fromJson(m.toUtf8()).object().value(QStringLiteral("e")).toString() ==
                    QStringLiteral("trade")
                ? 1
                : 0;
    }
    QVERIFY(trades > 0);
}

void TestMarketSim::tooManyMessagesCloseTheConnection() {
    auto simulator = startSimulator(1.0);
    QVERIFY(simulator);
    QWebSocket socket;
    QSignalSpy connected(&socket, &QWebSocket::connected);
    QSignalSpy disconnected(&socket, &QWebSocket::disconnected);
    socket.open(QUrl(simulator->wsUrl() + QStringLiteral("/ws")));
    QVERIFY(connected.wait(5000));
    for (int i = 0; i < 11; ++i) {
        socket.sendTextMessage(QStringLiteral(R"({"method":"LIST_SUBSCRIPTIONS","id":1})"));
    }
    QVERIFY(disconnected.wait(5000));
    QCOMPARE(socket.closeCode(), QWebSocketProtocol::CloseCodePolicyViolated);
}

void TestMarketSim::unknownPathIsRefused() {
    auto simulator = startSimulator(1.0);
    QVERIFY(simulator);
    QWebSocket socket;
    QSignalSpy disconnected(&socket, &QWebSocket::disconnected);
    socket.open(QUrl(simulator->wsUrl() + QStringLiteral("/nope")));
    QVERIFY(disconnected.wait(5000));
}

QTEST_GUILESS_MAIN(TestMarketSim)
#include "tst_market_sim.moc"
