// Fault injection: every fault kind of sim/fault_plan.h, set through the control endpoint
// /sim/faults (or on the plan for the order-side faults the trading code asks for).
// Qt headers first: moc (Qt 6.4) fails on <compare> when it comes before them.
#include <QTest>

#include "sim/fault_plan.h"
#include "sim_test_client.h"
#include "test_printers.h"

#include <QElapsedTimer>
#include <QJsonDocument>
#include <QJsonObject>

using namespace hoga;

namespace {
QJsonObject json(const QByteArray& body) {
    return QJsonDocument::fromJson(body).object();
}
int code(const QByteArray& body) {
    return json(body).value(QStringLiteral("code")).toInt();
}
} // namespace

class TestSimFaults : public QObject {
    Q_OBJECT
private Q_SLOTS:
    void specGrammarAndDeterministicRates();
    void orderSideDecisions();
    void controlEndpoint();
    void restErrors();
    void restTimeoutAnswersLate();
    void dropConnections();
    void depthSkipMakesGapsAndClientsResync();
    void depthDuplicatesAndReorders();
    void malformedFrames();
    void delayAndStall();
};

void TestSimFaults::specGrammarAndDeterministicRates() {
    sim::FaultPlan plan;
    sim::FaultActions actions;
    std::string error;
    QVERIFY(plan.apply("depth-skip=0.25, rest-1003=1:7;ws-drop stream-stall=250", actions, error));
    QVERIFY(actions.dropNow);
    QCOMPARE(actions.stallMs, qint64(250));
    QCOMPARE(plan.spec(), std::string("depth-skip=0.25,rest-1003=1:7"));
    int fired = 0;
    for (int i = 0; i < 100; ++i) {
        fired += plan.skipDepth() ? 1 : 0;
    }
    QCOMPARE(fired, 25);                                 // exactly every 4th
    QVERIFY(plan.apply("depth-skip=0", actions, error)); // 0 removes
    QVERIFY(!plan.skipDepth());
    for (const char* bad : {"nope=1", "depth-skip=2", "depth-skip=x", "rest-timeout=0.5",
                            "ws-drop=3", "stream-delay=-5"}) {
        QVERIFY2(!plan.apply(bad, actions, error), bad);
    }
    QCOMPARE(plan.spec(), std::string("rest-1003=1:7")); // a bad spec changes nothing
    const sim::RestFault f = plan.restFault("/fapi/v1/time", false, false);
    QVERIFY(f.reply);
    QCOMPARE(f.reply->httpStatus, 429);
    QCOMPARE(f.reply->retryAfterSeconds, 7);
    QVERIFY(!plan.restFault("/sim/faults", false, false).reply); // never the control API
}

void TestSimFaults::orderSideDecisions() {
    // What the trading code asks (the trading API calls these; tested here on the plan).
    sim::FaultPlan plan;
    sim::FaultActions actions;
    std::string error;
    QCOMPARE(plan.listenKeyLifetimeMs(3'600'000), qint64(3'600'000));
    QVERIFY(!plan.rejectOrder());
    QVERIFY(plan.apply("order-reject=0.5,order-2019=1,listenkey-lifetime=2.5", actions, error));
    QCOMPARE(plan.listenKeyLifetimeMs(3'600'000), qint64(2500));
    QVERIFY(!plan.rejectOrder());
    QVERIFY(plan.rejectOrder());
    QVERIFY(plan.marginInsufficient());
    // -2019 is answered by the router for new orders only.
    QVERIFY(!plan.restFault("/fapi/v1/depth", false, false).reply);
    const sim::RestFault f = plan.restFault("/fapi/v1/order", true, true);
    QVERIFY(f.reply);
    QCOMPARE(f.reply->httpStatus, 400);
    QCOMPARE(code(QByteArray::fromStdString(f.reply->body)), -2019);
    QVERIFY(plan.stateJson().find(R"("order-reject":1)") != std::string::npos);
}

void TestSimFaults::controlEndpoint() {
    auto simulator = simtest::start({});
    QVERIFY(simulator);
    QNetworkAccessManager net;
    const QString url = simulator->restUrl() + QStringLiteral("/sim/faults");
    auto r = simtest::http(net, "POST", url, "rest-5xx=1,depth-dup=0.5");
    QCOMPARE(r.status, 200);
    QCOMPARE(json(r.body).value(QStringLiteral("spec")).toString(),
             QStringLiteral("depth-dup=0.5,rest-5xx=1"));
    r = simtest::http(net, "GET", url); // /sim/* is not faulted by rest-5xx
    QCOMPARE(r.status, 200);
    QVERIFY(json(r.body)
                .value(QStringLiteral("fired"))
                .toObject()
                .contains(QStringLiteral("rest-5xx")));
    r = simtest::http(net, "POST", url, "bogus");
    QCOMPARE(r.status, 400);
    r = simtest::http(net, "DELETE", url);
    QCOMPARE(r.status, 200);
    QCOMPARE(json(r.body).value(QStringLiteral("spec")).toString(), QString());
    QCOMPARE(
        simtest::http(net, "GET", simulator->restUrl() + QStringLiteral("/fapi/v1/time")).status,
        200);
}

void TestSimFaults::restErrors() {
    sim::SimulatorOptions options;
    options.faults = "rest-5xx=1"; // from the command line
    auto simulator = simtest::start(options);
    QVERIFY(simulator);
    QNetworkAccessManager net;
    const QString base = simulator->restUrl();
    auto r = simtest::http(net, "GET", base + QStringLiteral("/fapi/v1/depth?symbol=BTCUSDT"));
    QCOMPARE(r.status, 503);
    QCOMPARE(code(r.body), -1001);
    simtest::http(net, "DELETE", base + QStringLiteral("/sim/faults"));
    simtest::http(net, "POST", base + QStringLiteral("/sim/faults"), "rest-1003=1:7");
    r = simtest::http(net, "GET", base + QStringLiteral("/fapi/v1/time"));
    QCOMPARE(r.status, 429);
    QCOMPARE(code(r.body), -1003);
    QCOMPARE(r.retryAfter, QByteArray("7"));
    simtest::http(net, "POST", base + QStringLiteral("/sim/faults"), "rest-1003=0,rest-1021=1");
    r = simtest::http(net, "GET", base + QStringLiteral("/fapi/v1/time?timestamp=1"));
    QCOMPARE(r.status, 400);
    QCOMPARE(code(r.body), -1021);
    r = simtest::http(net, "GET", base + QStringLiteral("/fapi/v1/time")); // unsigned: unaffected
    QCOMPARE(r.status, 200);
    simtest::http(net, "POST", base + QStringLiteral("/sim/faults"), "rest-1021=0,rest-5xx=0.5");
    int failed = 0;
    for (int i = 0; i < 10; ++i) {
        failed += simtest::http(net, "GET", base + QStringLiteral("/fapi/v1/ping")).status == 503;
    }
    QCOMPARE(failed, 5);
}

void TestSimFaults::restTimeoutAnswersLate() {
    auto simulator = simtest::start({});
    QVERIFY(simulator);
    QNetworkAccessManager net;
    const QString base = simulator->restUrl();
    simtest::http(net, "POST", base + QStringLiteral("/sim/faults"), "rest-timeout=1:1200");
    // A client that waits 400 ms gets nothing.
    auto r = simtest::http(net, "GET", base + QStringLiteral("/fapi/v1/ping"), {}, 400);
    QCOMPARE(r.status, 0);
    // A patient one gets the answer, late.
    QElapsedTimer clock;
    clock.start();
    r = simtest::http(net, "GET", base + QStringLiteral("/fapi/v1/ping"), {}, 5000);
    QCOMPARE(r.status, 200);
    QVERIFY(clock.elapsed() >= 1150);
    QTest::qWait(1000); // the abandoned request's late answer finds its connection gone
}

void TestSimFaults::dropConnections() {
    auto simulator = simtest::start({});
    QVERIFY(simulator);
    QNetworkAccessManager net;
    QWebSocket socket;
    QSignalSpy connected(&socket, &QWebSocket::connected);
    QSignalSpy disconnected(&socket, &QWebSocket::disconnected);
    const QUrl url(simulator->wsUrl() + QStringLiteral("/ws/btcusdt@bookTicker"));
    socket.open(url);
    QVERIFY(connected.wait(5000));
    simtest::http(net, "POST", simulator->restUrl() + QStringLiteral("/sim/faults"), "ws-drop");
    QVERIFY(disconnected.count() == 1 || disconnected.wait(5000));
    // Every 0.3 s: a client that reconnects at once is dropped again and again.
    simtest::http(net, "POST", simulator->restUrl() + QStringLiteral("/sim/faults"),
                  "ws-drop-every=0.3");
    QObject::connect(&socket, &QWebSocket::disconnected, [&] { socket.open(url); });
    socket.open(url);
    QTest::qWait(1400);
    QVERIFY(disconnected.count() >= 4);
}

void TestSimFaults::depthSkipMakesGapsAndClientsResync() {
    sim::SimulatorOptions options;
    options.replay.speed = 20.0;
    auto simulator = simtest::start(options);
    QVERIFY(simulator);
    simtest::SyncClient client(*simulator, QStringLiteral("btcusdt@depth@0ms"));
    QTRY_COMPARE_WITH_TIMEOUT(client.processor().synchronizer().state(), binance::SyncState::Live,
                              5000);
    QNetworkAccessManager net;
    simtest::http(net, "POST", simulator->restUrl() + QStringLiteral("/sim/faults"),
                  "depth-skip=0.1");
    QTest::qWait(800);
    simtest::http(net, "DELETE", simulator->restUrl() + QStringLiteral("/sim/faults"));
    QTest::qWait(800);
    simulator->pause();
    QTest::qWait(300);
    const auto& sync = client.processor().synchronizer();
    QVERIFY(sync.counters().gaps >= 2);
    QVERIFY(client.snapshotsRequested() >= 2);
    QCOMPARE(sync.state(), binance::SyncState::Live); // and back in sync once it stopped
    QCOMPARE(sync.lastAppliedUpdateId(),
             simulator->market().processor().synchronizer().lastAppliedUpdateId());
}

void TestSimFaults::depthDuplicatesAndReorders() {
    sim::SimulatorOptions options;
    options.replay.speed = 20.0;
    options.faults = "depth-dup=0.1";
    auto simulator = simtest::start(options);
    QVERIFY(simulator);
    simtest::SyncClient client(*simulator, QStringLiteral("btcusdt@depth@0ms"));
    qint64 lastU = 0;
    int duplicates = 0, backwards = 0;
    client.onFrame = [&](const QString& m) {
        const qint64 u = json(m.toUtf8())
                             .value(QStringLiteral("data"))
                             .toObject()
                             .value(QStringLiteral("u"))
                             .toInteger();
        duplicates += u == lastU;
        backwards += u < lastU;
        lastU = u;
    };
    QTest::qWait(1200);
    QVERIFY(duplicates > 5);
    QCOMPARE(backwards, 0);
    const auto& sync = client.processor().synchronizer();
    QCOMPARE(sync.counters().gaps, qint64(0)); // duplicates are harmless to a correct client
    QVERIFY(sync.counters().duplicatesDropped > 5);
    QNetworkAccessManager net;
    simtest::http(net, "POST", simulator->restUrl() + QStringLiteral("/sim/faults"),
                  "depth-dup=0,depth-reorder=0.1");
    QTest::qWait(1000);
    QVERIFY(backwards > 3);
    QVERIFY(sync.counters().gaps > 3); // the event after a swap does not chain: resync
}

void TestSimFaults::malformedFrames() {
    sim::SimulatorOptions options;
    options.replay.speed = 20.0;
    options.faults = "malformed=0.2";
    auto simulator = simtest::start(options);
    QVERIFY(simulator);
    QWebSocket socket;
    int frames = 0, invalid = 0;
    QObject::connect(&socket, &QWebSocket::textMessageReceived, [&](const QString& m) {
        ++frames;
        invalid += QJsonDocument::fromJson(m.toUtf8()).isNull();
    });
    socket.open(QUrl(simulator->wsUrl() + QStringLiteral("/ws/btcusdt@bookTicker")));
    QTest::qWait(800);
    QVERIFY(frames > 50);
    QVERIFY(invalid >= frames / 5 - 1 && invalid <= frames / 5 + 1);
}

void TestSimFaults::delayAndStall() {
    auto simulator = simtest::start({});
    QVERIFY(simulator);
    simulator->pause(); // only the frames published below
    QWebSocket socket;
    QSignalSpy connected(&socket, &QWebSocket::connected);
    QList<QPair<qint64, QString>> got;
    QElapsedTimer clock;
    QObject::connect(&socket, &QWebSocket::textMessageReceived,
                     [&](const QString& m) { got << qMakePair(clock.elapsed(), m); });
    socket.open(QUrl(simulator->wsUrl() + QStringLiteral("/ws/btcusdt@bookTicker")));
    QVERIFY(connected.wait(5000));
    QTest::qWait(100);
    std::string error;
    QVERIFY(simulator->faults().apply("stream-delay=300", error));
    clock.start();
    simulator->streams().publish(sim::StreamKind::BookTicker, {}, R"({"n":1})");
    QTRY_COMPARE_WITH_TIMEOUT(got.size(), 1, 3000);
    QVERIFY(got[0].first >= 290);
    QVERIFY(simulator->faults().apply("stream-delay=0,stream-stall=500", error));
    got.clear();
    clock.restart();
    for (int i = 2; i <= 4; ++i) {
        simulator->streams().publish(sim::StreamKind::BookTicker, {},
                                     "{\"n\":" + std::to_string(i) + "}");
    }
    QTest::qWait(300);
    QCOMPARE(got.size(), 0); // stalled
    QTRY_COMPARE_WITH_TIMEOUT(got.size(), 3, 3000);
    QVERIFY(got[0].first >= 490);
    QCOMPARE(got[0].second, QStringLiteral(R"({"n":2})"));
    QCOMPARE(got[2].second, QStringLiteral(R"({"n":4})"));
}

QTEST_GUILESS_MAIN(TestSimFaults)
#include "tst_sim_faults.moc"
