// The live feed and the engine thread against the exchange simulator over real loopback sockets:
// normal sync, then every fault the simulator can throw at the market-data path. Each must end
// with the book back in sync and equal to the simulator's own, the fault counted, and no crash.
#include <QTest>

#include "live_test_rig.h"

using namespace hoga;
using livetest::Rig;
using livetest::RigOptions;

class TestLiveFeed : public QObject {
    Q_OBJECT
private Q_SLOTS:
    void syncsAndMatchesTheSimulatorBook();
    void legacyEndpointSyncs();
    void droppedConnectionReconnectsAndResyncs();
    void depthGapResyncs();
    void duplicatesAreDroppedAndReordersResync();
    void malformedFramesAreCounted();
    void stalledStreamTriggersTheWatchdog();
    void snapshotRetriesAfter5xxAnd429();
    void rotationBeforeTheLifetimeKeepsTheBookVerified();
    void lifetimeCloseWithoutRotationReconnects();
    void serverPingsAreAnswered();
};

namespace {
#define REQUIRE_MATCH(rig)                                                                         \
    do {                                                                                           \
        QString why;                                                                               \
        QVERIFY2((rig).bookMatchesSimulator(why), qPrintable(why));                                \
    } while (false)
} // namespace

void TestLiveFeed::syncsAndMatchesTheSimulatorBook() {
    Rig rig(RigOptions{});
    QVERIFY(rig.started);
    QVERIFY(rig.waitInSync());
    QTest::qWait(1500);
    REQUIRE_MATCH(rig);
    const auto s = rig.session->status();
    QCOMPARE(s.sync.syncs, qint64(1));
    QCOMPARE(s.sync.gaps, qint64(0));
    QVERIFY(s.events > 500);
    const auto f = rig.feed->stats();
    QCOMPARE(f.malformed, qint64(0));
    QCOMPARE(f.reconnects, qint64(0));
    QVERIFY(f.messages[static_cast<std::size_t>(binance::StreamId::Trade)] > 100);
    QVERIFY(f.messages[static_cast<std::size_t>(binance::StreamId::BookTicker)] > 100);
    QVERIFY(f.clockSamples >= 1);
    // The bookTickers agree with the book built from the diffs.
    std::atomic<bool> done{false};
    std::int64_t compared = 0, mismatched = 0;
    rig.session->post([&](engine::TradingEngine&, const binance::MarketDataProcessor& p) {
        compared = p.counters().tickerCompared + p.counters().tickerFirstCompared;
        mismatched = p.counters().tickerMismatched + p.counters().tickerFirstMismatched;
        done = true;
    });
    QVERIFY(QTest::qWaitFor([&] { return done.load(); }, 5000));
    QVERIFY(compared > 0);
    QCOMPARE(mismatched, std::int64_t(0));
    const auto lat = rig.session->latencies();
    QVERIFY(lat.decision.count > 500);
    QVERIFY(lat.decision.percentile(50) > 0);
}

void TestLiveFeed::legacyEndpointSyncs() {
    RigOptions o;
    o.layout = binance::EndpointLayout::Legacy;
    Rig rig(o);
    QVERIFY(rig.started);
    QVERIFY(rig.waitInSync());
    QTest::qWait(800);
    REQUIRE_MATCH(rig);
}

void TestLiveFeed::droppedConnectionReconnectsAndResyncs() {
    Rig rig(RigOptions{});
    QVERIFY(rig.started);
    QVERIFY(rig.waitInSync());
    QVERIFY(rig.applyFault("ws-drop"));
    QVERIFY(QTest::qWaitFor([&] { return rig.feed->stats().reconnects >= 2; }, 10000));
    // The engine's view lags the feed's counters: wait for the resync it causes, then for sync.
    QVERIFY(QTest::qWaitFor([&] { return rig.session->status().sync.syncs >= 2; }, 15000));
    QVERIFY(rig.waitInSync());
    QTest::qWait(800);
    REQUIRE_MATCH(rig);
    const auto s = rig.session->status();
    QVERIFY(s.depthRestarts >= 1);
    QVERIFY(s.sync.syncs >= 2);
    QVERIFY(rig.feed->stats().disconnects >= 2); // both routes
    QVERIFY(std::find(rig.healthSeen.begin(), rig.healthSeen.end(),
                      binance::FeedHealth::Disconnected) != rig.healthSeen.end());
}

void TestLiveFeed::depthGapResyncs() {
    Rig rig(RigOptions{});
    QVERIFY(rig.started);
    QVERIFY(rig.waitInSync());
    QVERIFY(rig.applyFault("depth-skip=0.05"));
    QVERIFY(QTest::qWaitFor([&] { return rig.session->status().sync.gaps >= 2; }, 10000));
    QVERIFY(rig.applyFault("depth-skip=0"));
    QVERIFY(rig.waitInSync());
    QTest::qWait(800);
    REQUIRE_MATCH(rig);
    const auto s = rig.session->status();
    QVERIFY(s.sync.syncs >= 2);
    QVERIFY(rig.feed->stats().snapshotRequests >= 2);
}

void TestLiveFeed::duplicatesAreDroppedAndReordersResync() {
    Rig rig(RigOptions{});
    QVERIFY(rig.started);
    QVERIFY(rig.waitInSync());
    QVERIFY(rig.applyFault("depth-dup=0.1"));
    QVERIFY(QTest::qWaitFor([&] { return rig.feed->stats().duplicatesDropped >= 5; }, 10000));
    // A duplicate is dropped before it reaches the book: no gap, no resync.
    QCOMPARE(rig.session->status().sync.gaps, qint64(0));
    QVERIFY(rig.applyFault("depth-dup=0 depth-reorder=0.1"));
    QVERIFY(QTest::qWaitFor([&] { return rig.session->status().sync.gaps >= 1; }, 10000));
    QVERIFY(rig.applyFault("depth-reorder=0"));
    QVERIFY(rig.waitInSync());
    QTest::qWait(800);
    REQUIRE_MATCH(rig);
}

void TestLiveFeed::malformedFramesAreCounted() {
    Rig rig(RigOptions{});
    QVERIFY(rig.started);
    QVERIFY(rig.waitInSync());
    QVERIFY(rig.applyFault("malformed=0.05"));
    QVERIFY(QTest::qWaitFor([&] { return rig.feed->stats().malformed >= 5; }, 10000));
    QVERIFY(rig.applyFault("malformed=0"));
    QVERIFY(rig.waitInSync());
    QTest::qWait(800);
    REQUIRE_MATCH(rig);
}

void TestLiveFeed::stalledStreamTriggersTheWatchdog() {
    RigOptions o;
    o.staleAfterMs = 700;
    Rig rig(o);
    QVERIFY(rig.started);
    QVERIFY(rig.waitInSync());
    QVERIFY(rig.applyFault("stream-stall=2000"));
    QVERIFY(QTest::qWaitFor([&] { return rig.feed->stats().staleReconnects >= 1; }, 10000));
    QVERIFY(std::find(rig.healthSeen.begin(), rig.healthSeen.end(), binance::FeedHealth::Stale) !=
            rig.healthSeen.end());
    QVERIFY(QTest::qWaitFor([&] { return rig.session->status().sync.syncs >= 2; }, 15000));
    QVERIFY(rig.waitInSync());
    // The comparison pauses the simulator: with a 0.7 s watchdog a slow machine would see that
    // pause as another stall.
    rig.feed->setStaleAfterMs(60000);
    QTest::qWait(800);
    REQUIRE_MATCH(rig);
}

void TestLiveFeed::snapshotRetriesAfter5xxAnd429() {
    RigOptions o;
    o.faults = "rest-5xx=1";
    Rig rig(o);
    QVERIFY(rig.started);
    QVERIFY(QTest::qWaitFor([&] { return rig.feed->stats().snapshotFailures >= 2; }, 10000));
    QVERIFY(!rig.session->status().entriesAllowed);
    const auto failuresBefore = rig.feed->stats().snapshotFailures;
    QVERIFY(rig.applyFault("rest-5xx=0 rest-1003=1:1"));
    // The second failure after the switch is certainly a 429 (the first may have been in flight).
    QVERIFY(QTest::qWaitFor(
        [&] { return rig.feed->stats().snapshotFailures >= failuresBefore + 2; }, 10000));
    QVERIFY(rig.feed->stats().rateLimited >= 1);
    // Retry-After: 1 s — the next request may not come sooner.
    const auto requestsAt429 = rig.feed->stats().snapshotRequests;
    QTest::qWait(800);
    QCOMPARE(rig.feed->stats().snapshotRequests, requestsAt429);
    QVERIFY(rig.applyFault("rest-1003=0"));
    QVERIFY(rig.waitInSync());
    QTest::qWait(800);
    REQUIRE_MATCH(rig);
}

void TestLiveFeed::rotationBeforeTheLifetimeKeepsTheBookVerified() {
    RigOptions o;
    o.connectionLifetimeMs = 3000;
    o.rotateAfterMs = 1500;
    Rig rig(o);
    QVERIFY(rig.started);
    QVERIFY(rig.waitInSync());
    QVERIFY(QTest::qWaitFor([&] { return rig.feed->stats().rotations >= 4; }, 15000));
    REQUIRE_MATCH(rig);
    const auto s = rig.session->status();
    const auto f = rig.feed->stats();
    QCOMPARE(s.sync.syncs, qint64(1)); // never unverified
    QCOMPARE(s.sync.gaps, qint64(0));
    QCOMPARE(s.depthRestarts, qint64(0));
    QCOMPARE(f.disconnects, qint64(0));
    QCOMPARE(f.rotationsForced, qint64(0));
    QVERIFY(f.duplicatesDropped > 0); // the overlap delivered events twice; we kept one
}

void TestLiveFeed::lifetimeCloseWithoutRotationReconnects() {
    RigOptions o;
    o.connectionLifetimeMs = 1500;
    Rig rig(o);
    QVERIFY(rig.started);
    QVERIFY(QTest::qWaitFor([&] { return rig.feed->stats().reconnects >= 2; }, 10000));
    // The engine's view lags the feed's counters: wait for the resync it causes, then for sync.
    QVERIFY(QTest::qWaitFor([&] { return rig.session->status().sync.syncs >= 2; }, 15000));
    QVERIFY(rig.waitInSync());
    QTest::qWait(300);
    const auto s = rig.session->status();
    QVERIFY(s.depthRestarts >= 1);
}

void TestLiveFeed::serverPingsAreAnswered() {
    // The simulator closes a client that has not answered the previous ping by the next one.
    RigOptions o;
    o.pingIntervalMs = 200;
    Rig rig(o);
    QVERIFY(rig.started);
    QVERIFY(rig.waitInSync());
    QTest::qWait(2500); // a dozen ping intervals
    QCOMPARE(rig.feed->stats().disconnects, std::int64_t(0));
    QCOMPARE(rig.feed->stats().reconnects, std::int64_t(0));
    REQUIRE_MATCH(rig);
}

QTEST_GUILESS_MAIN(TestLiveFeed)
#include "tst_live_feed.moc"
