// The live feed's clock-free parts: reconnect backoff, the server clock offset, the hand-off
// queue to the engine thread, and the synchroniser's resync on a restarted stream.
#include <QTest>

#include "binance/clock_offset.h"
#include "binance/depth_synchronizer.h"
#include "binance/feed_event_queue.h"
#include "binance/reconnect_backoff.h"

#include <thread>

using namespace hoga;
using namespace hoga::binance;

class TestFeedParts : public QObject {
    Q_OBJECT
private Q_SLOTS:
    void backoffDoublesToItsCapWithJitter();
    void backoffResetsAfterAStableConnection();
    void backoffHonoursAFloor();
    void clockOffsetUsesTheShortestRoundTrip();
    void queueKeepsOrderAndDropsNothingWhenFull();
    void queueCloseWakesBothSides();
    void queueConsumerTimesOut();
    void queueSlotsDoNotKeepABurstsCapacity();
    void markStaleKeepsTheBookAndResyncs();
};

void TestFeedParts::backoffDoublesToItsCapWithJitter() {
    ReconnectBackoff b({500, 30000, 0.3, 60000}, 42);
    std::int64_t now = 0;
    const std::int64_t expectedBase[] = {500, 1000, 2000, 4000, 8000, 16000, 30000, 30000};
    for (const std::int64_t base : expectedBase) {
        const std::int64_t d = b.nextDelayMs(now);
        QVERIFY2(d <= base && d >= static_cast<std::int64_t>(static_cast<double>(base) * 0.7) - 1,
                 qPrintable(QStringLiteral("%1 for base %2").arg(d).arg(base)));
        now += d;
    }
    QCOMPARE(b.failuresInARow(), 8);
}

void TestFeedParts::backoffResetsAfterAStableConnection() {
    ReconnectBackoff b({500, 30000, 0.0, 60000});
    QCOMPARE(b.nextDelayMs(0), std::int64_t(500));
    QCOMPARE(b.nextDelayMs(1000), std::int64_t(1000));
    b.succeeded(2000);
    // Up for only 10 s: still the same trouble, keep doubling.
    QCOMPARE(b.nextDelayMs(12000), std::int64_t(2000));
    b.succeeded(20000);
    // Up for a minute: start again from the initial delay.
    QCOMPARE(b.nextDelayMs(80000), std::int64_t(500));
}

void TestFeedParts::backoffHonoursAFloor() {
    ReconnectBackoff b({500, 30000, 0.0, 60000});
    b.atLeast(5000); // Retry-After: 5
    QCOMPARE(b.nextDelayMs(0), std::int64_t(5000));
    QCOMPARE(b.nextDelayMs(0), std::int64_t(1000)); // the floor was for one attempt
}

void TestFeedParts::clockOffsetUsesTheShortestRoundTrip() {
    ClockOffsetTracker t(4);
    QVERIFY(!t.hasEstimate());
    QCOMPARE(t.offsetMs(), std::int64_t(0));
    QVERIFY(t.addSample(1000, 1100, 1350)); // rtt 100: offset 1350 − 1050 = 300
    QVERIFY(t.addSample(2000, 2010, 2305)); // rtt 10: offset 2305 − 2005 = 300
    QVERIFY(t.addSample(3000, 3400, 3000)); // rtt 400: offset −200, but least trustworthy
    QCOMPARE(t.offsetMs(), std::int64_t(300));
    QCOMPARE(t.best()->rttMs, std::int64_t(10));
    QVERIFY(!t.addSample(5000, 4000, 5000)); // answered before sent
    // The window forgets the old best sample.
    QVERIFY(t.addSample(6000, 6050, 6125));
    QVERIFY(t.addSample(7000, 7050, 7125));
    QVERIFY(t.addSample(8000, 8050, 8125));
    QCOMPARE(t.offsetMs(), std::int64_t(100));
    QCOMPARE(t.samples(), std::int64_t(6));
}

void TestFeedParts::queueKeepsOrderAndDropsNothingWhenFull() {
    FeedEventQueue queue(64);
    constexpr std::int64_t kEvents = 200000;
    std::thread producer([&] {
        for (std::int64_t i = 1; i <= kEvents; ++i) {
            FeedEvent* e = queue.beginPush();
            e->kind = FeedEvent::Kind::Trade;
            e->trade.id = static_cast<std::uint64_t>(i);
            e->receivedNs = i;
            queue.publish();
        }
    });
    std::int64_t expected = 1;
    bool ordered = true;
    while (expected <= kEvents) {
        FeedEvent* e = queue.front(100000);
        if (!e) {
            continue;
        }
        ordered = ordered && e->trade.id == static_cast<std::uint64_t>(expected);
        ++expected;
        if (expected % 10000 == 0) {
            std::this_thread::sleep_for(std::chrono::milliseconds(1)); // fall behind now and then
        }
        queue.release();
    }
    producer.join();
    QVERIFY(ordered);
    QCOMPARE(queue.size(), std::size_t(0));
    QVERIFY(queue.producerWaits() > 0); // it was full, and the producer waited instead of dropping
    QCOMPARE(queue.maxDepth(), std::size_t(64));
}

void TestFeedParts::queueCloseWakesBothSides() {
    FeedEventQueue queue(2);
    for (int i = 0; i < 2; ++i) {
        queue.beginPush();
        queue.publish();
    }
    std::thread producer([&] { QVERIFY(queue.beginPush() == nullptr); }); // full: waits
    std::this_thread::sleep_for(std::chrono::milliseconds(20));
    queue.close();
    producer.join();
    // What was published can still be read after close.
    QVERIFY(queue.front(0) != nullptr);
    queue.release();
    QVERIFY(queue.front(0) != nullptr);
    queue.release();
    QVERIFY(queue.front(1000000) == nullptr); // closed and drained: no wait
}

void TestFeedParts::queueConsumerTimesOut() {
    FeedEventQueue queue(4);
    QElapsedTimer timer;
    timer.start();
    QVERIFY(queue.front(30000) == nullptr);
    QVERIFY(timer.elapsed() >= 25);
    QVERIFY(timer.elapsed() < 2000);
}

// Every slot of the ring is reused for the life of the session: one that kept the capacity of
// the largest update it ever carried made the heap grow for hours (each new record size pinned
// more), which the soak showed as RSS that never levelled off.
void TestFeedParts::queueSlotsDoNotKeepABurstsCapacity() {
    FeedEventQueue queue(2);
    core::DepthUpdate burst;
    burst.bids.resize(1000);
    burst.asks.resize(700);
    core::DepthUpdate small;
    small.bids.resize(10);
    small.asks.resize(10);
    for (const core::DepthUpdate* update : {&burst, &small}) {
        FeedEvent* slot = queue.beginPush();
        QVERIFY(slot != nullptr);
        slot->kind = FeedEvent::Kind::Depth;
        slot->depth = *update;
        queue.publish();
        FeedEvent* read = queue.front(0);
        QVERIFY(read != nullptr);
        QCOMPARE(read->depth.bids.size(), update->bids.size());
        queue.release();
    }
    // Both slots again: the burst's is back to a small capacity, the small one's keeps its own.
    FeedEvent* first = queue.beginPush();
    QVERIFY(first->depth.bids.capacity() <= 64);
    QVERIFY(first->depth.asks.capacity() <= 64);
    queue.publish();
    queue.front(0);
    queue.release();
    FeedEvent* second = queue.beginPush();
    QVERIFY(second->depth.bids.capacity() >= 10);
    QVERIFY(second->depth.bids.capacity() <= 64);
}

void TestFeedParts::markStaleKeepsTheBookAndResyncs() {
    core::OrderBook book;
    DepthSynchronizer sync(book);
    core::DepthSnapshot snap;
    snap.lastUpdateId = 100;
    snap.bids = {{core::Price{600000}, core::Qty{5}}};
    snap.asks = {{core::Price{600001}, core::Qty{7}}};
    sync.onSnapshot(snap);
    core::DepthUpdate d;
    d.firstUpdateId = 95;
    d.finalUpdateId = 105;
    d.prevFinalUpdateId = 90;
    d.bids = {{core::Price{600000}, core::Qty{6}}};
    QCOMPARE(sync.onDepthUpdate(d), DepthSynchronizer::Outcome::Applied);
    QVERIFY(sync.inSync());
    sync.markStale();
    QCOMPARE(sync.state(), SyncState::Resyncing);
    QVERIFY(sync.wantsSnapshot());
    QCOMPARE(sync.reason(), std::string_view("depth stream reconnected: resyncing"));
    QCOMPARE(book.bestBid()->qty, core::Qty{6}); // kept for the broker until the new snapshot
    QCOMPARE(sync.counters().streamRestarts, std::int64_t(1));
}

QTEST_GUILESS_MAIN(TestFeedParts)
#include "tst_feed_parts.moc"
