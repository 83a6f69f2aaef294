// --loop over real sockets: a client that follows Binance's book procedure stays in sync across
// many passes of a short window of the recording, and ids and times keep increasing.
// Qt headers first: moc (Qt 6.4) fails on <compare> when it comes before them.
#include <QTest>

#include "sim_test_client.h"
#include "test_printers.h"

#include <QJsonDocument>
#include <QJsonObject>

using namespace hoga;

class TestSimLoop : public QObject {
    Q_OBJECT
private Q_SLOTS:
    void clientStaysLiveAcrossLoops();
    void loopWithoutWindowRestartsTheWholeRecording();
};

void TestSimLoop::clientStaysLiveAcrossLoops() {
    sim::SimulatorOptions options;
    options.replay.speed = 20.0;
    options.replay.loop = true;
    options.replay.loopWindowMs = 3000; // a pass: 3 s recorded, 150 ms at 20×
    auto simulator = simtest::start(options);
    QVERIFY(simulator);
    simtest::SyncClient client(
        *simulator, QStringLiteral("btcusdt@depth@0ms/btcusdt@bookTicker/btcusdt@trade"));
    qint64 lastU = 0, lastDepthE = 0, lastTradeId = 0, lastTradeT = 0, lastTickerU = 0;
    int depthFrames = 0, trades = 0, outOfOrder = 0;
    client.onFrame = [&](const QString& m) {
        const QJsonObject data =
            QJsonDocument::fromJson(m.toUtf8()).object().value(QStringLiteral("data")).toObject();
        const QString e = data.value(QStringLiteral("e")).toString();
        if (e == QStringLiteral("depthUpdate")) {
            ++depthFrames;
            const qint64 u = data.value(QStringLiteral("u")).toInteger();
            const qint64 pu = data.value(QStringLiteral("pu")).toInteger();
            const qint64 time = data.value(QStringLiteral("E")).toInteger();
            outOfOrder += (lastU != 0 && pu != lastU) || u <= lastU || time < lastDepthE;
            lastU = u;
            lastDepthE = time;
        } else if (e == QStringLiteral("trade")) {
            ++trades;
            const qint64 id = data.value(QStringLiteral("t")).toInteger();
            const qint64 time = data.value(QStringLiteral("T")).toInteger();
            outOfOrder += id <= lastTradeId || time < lastTradeT;
            lastTradeId = id;
            lastTradeT = time;
        } else if (e == QStringLiteral("bookTicker")) {
            const qint64 u = data.value(QStringLiteral("u")).toInteger();
            outOfOrder += u < lastTickerU;
            lastTickerU = u;
        }
    };
    QTRY_VERIFY_WITH_TIMEOUT(simulator->market().loopsCompleted() >= 8, 10000);
    simulator->pause();
    QTest::qWait(300); // let what is in flight arrive
    QVERIFY(depthFrames > 100);
    QVERIFY(trades > 10);
    QCOMPARE(outOfOrder, 0);
    const auto& sync = client.processor().synchronizer();
    QCOMPARE(sync.state(), binance::SyncState::Live);
    QCOMPARE(sync.counters().syncs, qint64(1));
    QCOMPARE(sync.counters().gaps, qint64(0));
    QCOMPARE(sync.counters().crossed, qint64(0));
    QCOMPARE(client.snapshotsRequested(), 1);
    const auto& simSync = simulator->market().processor().synchronizer();
    QCOMPARE(sync.lastAppliedUpdateId(), simSync.lastAppliedUpdateId());
    for (const core::Side side : {core::Side::Buy, core::Side::Sell}) {
        std::vector<core::Level> ours, theirs;
        client.processor().book().levels(side, 200, ours);
        simulator->market().book().levels(side, 200, theirs);
        QCOMPARE(ours.size(), std::size_t(200));
        QVERIFY(ours == theirs);
    }
    const auto& c = client.processor().counters();
    QVERIFY(c.tickerCompared + c.tickerFirstCompared > 0);
    QCOMPARE(c.tickerMismatched + c.tickerFirstMismatched, qint64(0));
    QCOMPARE(c.count(binance::MessageType::Malformed), qint64(0));
}

void TestSimLoop::loopWithoutWindowRestartsTheWholeRecording() {
    // The whole 6-minute recording at 2000×: ~0.18 s per pass.
    sim::SimulatorOptions options;
    options.replay.speed = 2000.0;
    options.replay.loop = true;
    auto simulator = simtest::start(options);
    QVERIFY(simulator);
    const qint64 firstTime = simulator->market().exchangeTimeMs();
    QTRY_VERIFY_WITH_TIMEOUT(simulator->market().loopsCompleted() >= 3, 20000);
    QVERIFY(!simulator->market().finished());
    QVERIFY(simulator->market().processor().bookVerified());
    // Three passes of ~345 s of exchange time each have gone by.
    QVERIFY(simulator->market().exchangeTimeMs() - firstTime > 3 * 340'000);
}

QTEST_GUILESS_MAIN(TestSimLoop)
#include "tst_sim_loop.moc"
