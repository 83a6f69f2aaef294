// Derived streams (aggTrade, kline, markPrice) and connection lifetime over real sockets.
// Qt headers first: moc (Qt 6.4) fails on <compare> when it comes before them.
#include <QTest>

#include "sim/derived_streams.h"
#include "sim_test_client.h"
#include "test_printers.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QTcpSocket>

#include <map>

using namespace hoga;

namespace {
QJsonObject dataOf(const QString& m, QString* stream = nullptr) {
    const QJsonObject o = QJsonDocument::fromJson(m.toUtf8()).object();
    if (stream) {
        *stream = o.value(QStringLiteral("stream")).toString();
    }
    return o.value(QStringLiteral("data")).toObject();
}
qint64 lots(const QJsonValue& v) { // "0.123" → 123 (3 decimals)
    return qRound64(v.toString().toDouble() * 1000);
}
} // namespace

class TestSimStreams : public QObject {
    Q_OBJECT
private Q_SLOTS:
    void candleBoundaries();
    void aggTradesAndKlinesFromTrades();
    void markPriceFromTheMid();
    void recordedMarkPricesPassThrough();
    void connectionLifetimeEnds();
    void silentClientIsDroppedAfterMissedPong();
};

void TestSimStreams::candleBoundaries() {
    using D = sim::DerivedStreams;
    const qint64 t = 1723161599123; // 2024-08-08 23:59:59.123 UTC, a Thursday
    QCOMPARE(D::candleOpenMs(0, t), qint64(1723161540000)); // 1m
    QCOMPARE(D::candleCloseMs(0, 1723161540000), qint64(1723161599999));
    QCOMPARE(D::candleOpenMs(11, t), qint64(1723075200000)); // 1d: 2024-08-08
    QCOMPARE(D::candleOpenMs(13, t), qint64(1722816000000)); // 1w: Monday 2024-08-05
    QCOMPARE(D::candleOpenMs(14, t), qint64(1722470400000)); // 1M: 2024-08-01
    QCOMPARE(D::candleCloseMs(14, 1722470400000), qint64(1725148800000 - 1)); // to 2024-09-01
}

void TestSimStreams::aggTradesAndKlinesFromTrades() {
    sim::SimulatorOptions options;
    options.replay.speed = 100.0; // 6 recorded minutes in 3.5 s: several 1m candles close
    auto simulator = simtest::start(options);
    QVERIFY(simulator);
    QWebSocket socket;
    QList<QJsonObject> trades, aggs, klines;
    QObject::connect(&socket, &QWebSocket::textMessageReceived, [&](const QString& m) {
        QString stream;
        const QJsonObject d = dataOf(m, &stream);
        if (stream == QStringLiteral("btcusdt@trade")) {
            trades << d;
        } else if (stream == QStringLiteral("btcusdt@aggTrade")) {
            aggs << d;
        } else if (stream == QStringLiteral("btcusdt@kline_1m")) {
            klines << d;
        }
    });
    socket.open(
        QUrl(simulator->wsUrl() + QStringLiteral("/stream?streams=btcusdt@trade/btcusdt@aggTrade/"
                                                 "btcusdt@kline_1m")));
    QSignalSpy finished(simulator.get(), &sim::ExchangeSimulator::replayFinished);
    QVERIFY(finished.wait(20000));
    QTest::qWait(300);
    QVERIFY(trades.size() > 1000);
    QVERIFY(aggs.size() > 100);
    QVERIFY(aggs.size() < trades.size()); // some trades were aggregated
    // Every trade is in exactly one aggregate, whose trades share price, side and time.
    std::map<qint64, QJsonObject> byId;
    for (const auto& t : trades) {
        byId[t.value(QStringLiteral("t")).toInteger()] = t;
    }
    qint64 prevA = -1, prevL = -1, covered = 0;
    for (const auto& a : aggs) {
        QCOMPARE(a.value(QStringLiteral("e")).toString(), QStringLiteral("aggTrade"));
        const qint64 id = a.value(QStringLiteral("a")).toInteger();
        const qint64 f = a.value(QStringLiteral("f")).toInteger();
        const qint64 l = a.value(QStringLiteral("l")).toInteger();
        if (prevA >= 0) {
            QCOMPARE(id, prevA + 1);
            QVERIFY(f > prevL);
        }
        prevA = id;
        prevL = l;
        qint64 qty = 0;
        for (qint64 t = f; t <= l; ++t) {
            const auto it = byId.find(t);
            if (it == byId.end()) {
                continue; // a gap in the recording's trade ids
            }
            ++covered;
            QCOMPARE(it->second.value(QStringLiteral("p")), a.value(QStringLiteral("p")));
            QCOMPARE(it->second.value(QStringLiteral("m")), a.value(QStringLiteral("m")));
            QCOMPARE(it->second.value(QStringLiteral("T")), a.value(QStringLiteral("T")));
            qty += lots(it->second.value(QStringLiteral("q")));
        }
        QCOMPARE(qty, lots(a.value(QStringLiteral("q"))));
    }
    QCOMPARE(covered, qint64(trades.size()));

    // Klines: updates and closes; a closed candle matches the trades of its minute.
    int closed = 0;
    for (const auto& k : klines) {
        const QJsonObject c = k.value(QStringLiteral("k")).toObject();
        QCOMPARE(c.value(QStringLiteral("i")).toString(), QStringLiteral("1m"));
        if (!c.value(QStringLiteral("x")).toBool()) {
            continue;
        }
        const qint64 open = c.value(QStringLiteral("t")).toInteger();
        const qint64 close = c.value(QStringLiteral("T")).toInteger();
        QCOMPARE(close - open, qint64(59999));
        if (open < trades.first().value(QStringLiteral("T")).toInteger()) {
            continue; // began before the book synced: trades before it were not sent
        }
        ++closed;
        qint64 n = 0, volume = 0;
        double high = 0, low = 1e12;
        for (const auto& t : trades) {
            const qint64 time = t.value(QStringLiteral("T")).toInteger();
            if (time >= open && time <= close) {
                ++n;
                volume += lots(t.value(QStringLiteral("q")));
                high = std::max(high, t.value(QStringLiteral("p")).toString().toDouble());
                low = std::min(low, t.value(QStringLiteral("p")).toString().toDouble());
            }
        }
        QCOMPARE(c.value(QStringLiteral("n")).toInteger(), n);
        QCOMPARE(lots(c.value(QStringLiteral("v"))), volume);
        QCOMPARE(c.value(QStringLiteral("h")).toString().toDouble(), high);
        QCOMPARE(c.value(QStringLiteral("l")).toString().toDouble(), low);
    }
    QVERIFY(closed >= 3);
    QVERIFY(klines.size() > closed * 10); // x=false updates between closes
}

void TestSimStreams::markPriceFromTheMid() {
    sim::SimulatorOptions options;
    options.replay.speed = 20.0;
    auto simulator = simtest::start(options);
    QVERIFY(simulator);
    QWebSocket socket;
    QList<QJsonObject> everySecond, everyThree;
    QObject::connect(&socket, &QWebSocket::textMessageReceived, [&](const QString& m) {
        QString stream;
        const QJsonObject d = dataOf(m, &stream);
        (stream.endsWith(QStringLiteral("@1s")) ? everySecond : everyThree) << d;
    });
    socket.open(QUrl(simulator->wsUrl() + QStringLiteral("/stream?streams=btcusdt@markPrice@1s/"
                                                         "btcusdt@markPrice")));
    QTest::qWait(1600); // ~32 s of the recording
    QVERIFY(everySecond.size() >= 25);
    QVERIFY(everyThree.size() >= 8 && everyThree.size() <= everySecond.size() / 3 + 1);
    qint64 prev = 0;
    for (const auto& m : everySecond) {
        QCOMPARE(m.value(QStringLiteral("e")).toString(), QStringLiteral("markPriceUpdate"));
        const qint64 e = m.value(QStringLiteral("E")).toInteger();
        QCOMPARE(e % 1000, qint64(0));
        if (prev) {
            QCOMPARE(e - prev, qint64(1000));
        }
        prev = e;
        const double p = m.value(QStringLiteral("p")).toString().toDouble();
        QVERIFY(p > 50000 && p < 70000);
        QCOMPARE(m.value(QStringLiteral("i")), m.value(QStringLiteral("p")));
        QCOMPARE(m.value(QStringLiteral("r")).toString(), QStringLiteral("0.00010000"));
        QCOMPARE(m.value(QStringLiteral("T")).toInteger() % (8 * 3600 * 1000), qint64(0));
        QVERIFY(m.value(QStringLiteral("T")).toInteger() > e);
    }
    for (const auto& m : everyThree) {
        QCOMPARE((m.value(QStringLiteral("E")).toInteger() / 1000) % 3, qint64(0));
    }
}

void TestSimStreams::recordedMarkPricesPassThrough() {
    sim::SimulatorOptions options;
    options.recordings = {simtest::kRecording2023};
    options.replay.speed = 20.0;
    auto simulator = simtest::start(options);
    QVERIFY(simulator);
    QWebSocket socket;
    QList<QJsonObject> marks;
    QObject::connect(&socket, &QWebSocket::textMessageReceived, [&](const QString& m) {
        marks << QJsonDocument::fromJson(m.toUtf8()).object();
    });
    socket.open(QUrl(simulator->wsUrl() + QStringLiteral("/ws/btcusdt@markPrice@1s")));
    QTest::qWait(1000);
    QVERIFY(marks.size() >= 10);
    // Recorded values: the index differs from the mark, the funding rate is the recorded one.
    int indexDiffers = 0;
    for (const auto& m : marks) {
        indexDiffers += m.value(QStringLiteral("i")) != m.value(QStringLiteral("p"));
    }
    QVERIFY(indexDiffers > 0);
}

void TestSimStreams::connectionLifetimeEnds() {
    sim::SimulatorOptions options;
    options.streams.connectionLifetimeMs = 700;
    auto simulator = simtest::start(options);
    QVERIFY(simulator);
    QWebSocket socket;
    QSignalSpy connected(&socket, &QWebSocket::connected);
    QSignalSpy disconnected(&socket, &QWebSocket::disconnected);
    QElapsedTimer clock;
    clock.start();
    socket.open(QUrl(simulator->wsUrl() + QStringLiteral("/ws/btcusdt@bookTicker")));
    QVERIFY(connected.wait(5000));
    QVERIFY(disconnected.wait(5000));
    QVERIFY(clock.elapsed() >= 650);
    QCOMPARE(socket.closeCode(), QWebSocketProtocol::CloseCodeGoingAway);
}

void TestSimStreams::silentClientIsDroppedAfterMissedPong() {
    sim::SimulatorOptions options;
    options.streams.pingIntervalMs = 200;
    auto simulator = simtest::start(options);
    QVERIFY(simulator);
    // A client that speaks WebSocket by hand and never answers a ping.
    QTcpSocket tcp;
    tcp.connectToHost(QHostAddress::LocalHost, simulator->streams().port());
    QVERIFY(tcp.waitForConnected(5000));
    tcp.write("GET /ws HTTP/1.1\r\nHost: 127.0.0.1\r\nUpgrade: websocket\r\n"
              "Connection: Upgrade\r\nSec-WebSocket-Key: dGhlIHNhbXBsZSBub25jZQ==\r\n"
              "Sec-WebSocket-Version: 13\r\n\r\n");
    QByteArray received;
    QObject::connect(&tcp, &QTcpSocket::readyRead, [&] { received += tcp.readAll(); });
    QSignalSpy gone(&tcp, &QTcpSocket::disconnected);
    QVERIFY(gone.wait(5000));
    QVERIFY(received.startsWith("HTTP/1.1 101"));
    const qsizetype frames = received.indexOf("\r\n\r\n") + 4;
    // After the handshake: a ping frame (0x89), then a close frame (0x88) with 1001.
    QVERIFY(received.size() > frames);
    QCOMPARE(quint8(received.at(frames)), quint8(0x89));
    const qsizetype close = received.indexOf(char(0x88), frames);
    QVERIFY(close > frames);
    QCOMPARE((quint8(received.at(close + 2)) << 8) | quint8(received.at(close + 3)), 1001);
    QCOMPARE(simulator->streams().clientCount(), 0);
}

QTEST_GUILESS_MAIN(TestSimStreams)
#include "tst_sim_streams.moc"
