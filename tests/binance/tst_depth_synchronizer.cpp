// The diff-depth sync state machine on hand-made sequences and on real captures whose brackets
// fall exactly on lastUpdateId (U == lastUpdateId for SUSHIUSDT, u == lastUpdateId for AKROUSDT).
// Qt headers first: moc (Qt 6.4) fails on <compare> when it comes before them.
#include <QTest>

#include "binance/depth_synchronizer.h"
#include "binance/exchange_info.h"
#include "binance/market_data_processor.h"
#include "fixture_files.h"

#include "test_printers.h"

#include <algorithm>

using namespace hoga;
using binance::DepthSynchronizer;
using binance::SyncState;
using Outcome = DepthSynchronizer::Outcome;

namespace {
core::DepthUpdate diff(std::uint64_t U, std::uint64_t u, std::uint64_t pu,
                       std::vector<core::PriceLevel> bids = {},
                       std::vector<core::PriceLevel> asks = {}) {
    core::DepthUpdate d;
    d.firstUpdateId = U;
    d.finalUpdateId = u;
    d.prevFinalUpdateId = pu;
    d.bids = std::move(bids);
    d.asks = std::move(asks);
    return d;
}
core::DepthSnapshot snapshot(std::uint64_t id) {
    core::DepthSnapshot s;
    s.lastUpdateId = id;
    s.bids = {{core::Price{100}, core::Qty{5}}, {core::Price{99}, core::Qty{7}}};
    s.asks = {{core::Price{101}, core::Qty{3}}, {core::Price{102}, core::Qty{4}}};
    return s;
}
core::PriceLevel lvl(std::int64_t p, std::int64_t q) {
    return {core::Price{p}, core::Qty{q}};
}
} // namespace

class TestDepthSynchronizer : public QObject {
    Q_OBJECT
private Q_SLOTS:
    void bracketingEventBeforeSnapshot();
    void bracketWithUEqualToLastUpdateId();
    void bracketWithSmallUEqualToLastUpdateId();
    void staleEventsAreDropped();
    void gapTriggersResync();
    void duplicatesAreDroppedNotGaps();
    void reorderedEventIsAGap();
    void snapshotTooOldAsksAgain();
    void crossedBookResyncs();
    void bufferIsBounded();
    void snapshotRequestBookkeeping();
    void realCapturesWithBoundaryBrackets_data();
    void realCapturesWithBoundaryBrackets();
};

void TestDepthSynchronizer::bracketingEventBeforeSnapshot() {
    core::OrderBook book;
    DepthSynchronizer sync(book);
    QCOMPARE(sync.state(), SyncState::WaitingForSnapshot);
    QVERIFY(sync.wantsSnapshot());
    QCOMPARE(sync.onDepthUpdate(diff(1, 5, 0, {lvl(98, 1)})), Outcome::Buffered);   // stale
    QCOMPARE(sync.onDepthUpdate(diff(6, 12, 5, {lvl(100, 9)})), Outcome::Buffered); // brackets 10
    QCOMPARE(sync.onDepthUpdate(diff(13, 15, 12, {}, {lvl(101, 0)})), Outcome::Buffered);
    QVERIFY(!sync.inSync());
    sync.onSnapshot(snapshot(10));
    QCOMPARE(sync.state(), SyncState::Live);
    QVERIFY(sync.inSync());
    QCOMPARE(sync.lastAppliedUpdateId(), quint64(15));
    QCOMPARE(sync.counters().staleDropped, qint64(1));
    QCOMPARE(sync.counters().syncs, qint64(1));
    QCOMPARE(book.qtyAt(core::Side::Buy, core::Price{100}), core::Qty{9});
    QCOMPARE(book.qtyAt(core::Side::Buy, core::Price{98}), core::Qty{0}); // stale one not applied
    QCOMPARE(book.bestAsk()->price, core::Price{102});                    // 101 removed
    QCOMPARE(sync.bufferedCount(), std::size_t(0));
    QCOMPARE(sync.onDepthUpdate(diff(16, 20, 15, {lvl(100, 1)})), Outcome::Applied);
    QCOMPARE(book.qtyAt(core::Side::Buy, core::Price{100}), core::Qty{1});
}

void TestDepthSynchronizer::bracketWithUEqualToLastUpdateId() {
    core::OrderBook book;
    DepthSynchronizer sync(book);
    sync.onSnapshot(snapshot(10));
    QCOMPARE(sync.state(), SyncState::Bridging);
    QVERIFY(!sync.inSync());
    QCOMPARE(sync.onDepthUpdate(diff(10, 14, 9)), Outcome::Applied); // U == lastUpdateId
    QVERIFY(sync.inSync());
}

void TestDepthSynchronizer::bracketWithSmallUEqualToLastUpdateId() {
    core::OrderBook book;
    DepthSynchronizer sync(book);
    sync.onSnapshot(snapshot(10));
    QCOMPARE(sync.onDepthUpdate(diff(7, 9, 6)), Outcome::DroppedStale); // u < lastUpdateId
    QCOMPARE(sync.onDepthUpdate(diff(8, 10, 9)), Outcome::Applied);     // u == lastUpdateId
    QVERIFY(sync.inSync());
    QCOMPARE(sync.onDepthUpdate(diff(11, 12, 10)), Outcome::Applied);
}

void TestDepthSynchronizer::staleEventsAreDropped() {
    core::OrderBook book;
    DepthSynchronizer sync(book);
    sync.onSnapshot(snapshot(100));
    for (std::uint64_t u = 10; u < 100; u += 10) {
        QCOMPARE(sync.onDepthUpdate(diff(u - 9, u, u - 10, {lvl(50, 1)})), Outcome::DroppedStale);
    }
    QCOMPARE(sync.counters().staleDropped, qint64(9));
    QCOMPARE(book.qtyAt(core::Side::Buy, core::Price{50}), core::Qty{0});
    QCOMPARE(sync.state(), SyncState::Bridging);
}

void TestDepthSynchronizer::gapTriggersResync() {
    core::OrderBook book;
    DepthSynchronizer sync(book);
    sync.onSnapshot(snapshot(10));
    QCOMPARE(sync.onDepthUpdate(diff(9, 12, 8)), Outcome::Applied);
    QCOMPARE(sync.onDepthUpdate(diff(14, 16, 13, {lvl(100, 77)})), Outcome::Gap); // pu 13 ≠ 12
    QCOMPARE(sync.counters().gaps, qint64(1));
    QCOMPARE(sync.state(), SyncState::Resyncing);
    QVERIFY(!sync.inSync());
    QVERIFY(sync.wantsSnapshot());
    QVERIFY(sync.reason().find("gap") != std::string_view::npos);
    QCOMPARE(book.qtyAt(core::Side::Buy, core::Price{100}), core::Qty{5}); // not applied
    QCOMPARE(sync.onDepthUpdate(diff(17, 20, 16)), Outcome::Buffered);
    // The new snapshot at 15 is bracketed by the buffered gap event (14..16).
    sync.onSnapshot(snapshot(15));
    QVERIFY(sync.inSync());
    QCOMPARE(sync.lastAppliedUpdateId(), quint64(20));
    QCOMPARE(book.qtyAt(core::Side::Buy, core::Price{100}), core::Qty{77});
    QCOMPARE(sync.counters().syncs, qint64(2));
}

void TestDepthSynchronizer::duplicatesAreDroppedNotGaps() {
    core::OrderBook book;
    DepthSynchronizer sync(book);
    sync.onSnapshot(snapshot(10));
    const auto first = diff(9, 12, 8, {lvl(100, 8)});
    QCOMPARE(sync.onDepthUpdate(first), Outcome::Applied);
    QCOMPARE(sync.onDepthUpdate(diff(13, 15, 12, {lvl(100, 6)})), Outcome::Applied);
    QCOMPARE(sync.onDepthUpdate(first), Outcome::DroppedDuplicate);
    QCOMPARE(sync.onDepthUpdate(diff(13, 15, 12, {lvl(100, 6)})), Outcome::DroppedDuplicate);
    QCOMPARE(sync.counters().duplicatesDropped, qint64(2));
    QCOMPARE(sync.counters().gaps, qint64(0));
    QVERIFY(sync.inSync());
    QCOMPARE(book.qtyAt(core::Side::Buy, core::Price{100}), core::Qty{6}); // not rolled back
}

void TestDepthSynchronizer::reorderedEventIsAGap() {
    core::OrderBook book;
    DepthSynchronizer sync(book);
    sync.onSnapshot(snapshot(10));
    QCOMPARE(sync.onDepthUpdate(diff(9, 12, 8)), Outcome::Applied);
    // 13..15 is late; 16..18 arrives first.
    QCOMPARE(sync.onDepthUpdate(diff(16, 18, 15)), Outcome::Gap);
    QCOMPARE(sync.onDepthUpdate(diff(13, 15, 12)), Outcome::Buffered);
    QVERIFY(!sync.inSync());
}

void TestDepthSynchronizer::snapshotTooOldAsksAgain() {
    core::OrderBook book;
    DepthSynchronizer sync(book);
    QCOMPARE(sync.onDepthUpdate(diff(50, 60, 49)), Outcome::Buffered);
    sync.snapshotRequested();
    QVERIFY(!sync.wantsSnapshot());
    sync.onSnapshot(snapshot(10)); // older than every buffered diff: they cannot bridge it
    QCOMPARE(sync.state(), SyncState::WaitingForSnapshot);
    QCOMPARE(sync.counters().staleSnapshots, qint64(1));
    QVERIFY(sync.wantsSnapshot());
    QCOMPARE(sync.bufferedCount(), std::size_t(1)); // kept for the next snapshot
    sync.onSnapshot(snapshot(55));
    QVERIFY(sync.inSync());
    QCOMPARE(sync.lastAppliedUpdateId(), quint64(60));
}

void TestDepthSynchronizer::crossedBookResyncs() {
    core::OrderBook book;
    DepthSynchronizer sync(book);
    sync.onSnapshot(snapshot(10));
    QCOMPARE(sync.onDepthUpdate(diff(9, 12, 8)), Outcome::Applied);
    QCOMPARE(sync.onDepthUpdate(diff(13, 14, 12, {lvl(105, 1)})), Outcome::Gap); // bid above ask
    QCOMPARE(sync.counters().crossed, qint64(1));
    QVERIFY(!sync.inSync());
    QVERIFY(sync.reason().find("crossed") != std::string_view::npos);
}

void TestDepthSynchronizer::bufferIsBounded() {
    core::OrderBook book;
    DepthSynchronizer sync(book, 100);
    for (std::uint64_t i = 1; i <= 1000; ++i) {
        sync.onDepthUpdate(diff(i * 10, i * 10 + 9, i * 10 - 1));
    }
    QCOMPARE(sync.bufferedCount(), std::size_t(100));
    QCOMPARE(sync.counters().bufferOverflows, qint64(900));
    sync.onSnapshot(snapshot(9505)); // inside the newest 100 events
    QVERIFY(sync.inSync());
    QCOMPARE(sync.lastAppliedUpdateId(), quint64(10009));
}

void TestDepthSynchronizer::snapshotRequestBookkeeping() {
    core::OrderBook book;
    DepthSynchronizer sync(book);
    QVERIFY(sync.wantsSnapshot());
    sync.snapshotRequested();
    QVERIFY(!sync.wantsSnapshot());
    sync.snapshotFailed();
    QVERIFY(sync.wantsSnapshot());
    sync.onSnapshot(snapshot(10));
    QVERIFY(!sync.wantsSnapshot());
    sync.reset();
    QCOMPARE(sync.state(), SyncState::WaitingForSnapshot);
    QVERIFY(book.empty());
}

void TestDepthSynchronizer::realCapturesWithBoundaryBrackets_data() {
    QTest::addColumn<QString>("symbol");
    QTest::addColumn<bool>("bracketOnFirstId"); // U == lastUpdateId, else u == lastUpdateId
    QTest::newRow("SUSHIUSDT: U == lastUpdateId") << QStringLiteral("SUSHIUSDT") << true;
    QTest::newRow("AKROUSDT: u == lastUpdateId") << QStringLiteral("AKROUSDT") << false;
    QTest::newRow("KEEPUSDT: u == lastUpdateId") << QStringLiteral("KEEPUSDT") << false;
    QTest::newRow("CTKUSDT: u == lastUpdateId") << QStringLiteral("CTKUSDT") << false;
}

void TestDepthSynchronizer::realCapturesWithBoundaryBrackets() {
    QFETCH(QString, symbol);
    QFETCH(bool, bracketOnFirstId);
    const std::string sym = symbol.toStdString();
    const auto info =
        test::readCryptofeedHttp(test::dataPath("market/cryptofeed_BINANCE_FUTURES_20210722.0"));
    QCOMPARE(info.size(), std::size_t(1));
    binance::ExchangeInfo exchange;
    std::string error;
    QVERIFY2(binance::parseExchangeInfo(info[0].body, sym, exchange, error), error.c_str());

    // Merge the WebSocket lines and this symbol's REST snapshot by capture time, as they arrived.
    auto messages =
        test::readCryptofeedWs(test::dataPath("market/cryptofeed_BINANCE_FUTURES_20210722.ws.1.0"));
    const auto snapshots = test::readCryptofeedHttp(
        test::dataPath("market/cryptofeed_BINANCE_FUTURES_20210722.http.0.0"));
    int found = 0;
    for (const auto& s : snapshots) {
        if (s.url.find("symbol=" + sym + "&") != std::string::npos) {
            messages.push_back(s);
            ++found;
        }
    }
    QCOMPARE(found, 1);
    std::stable_sort(messages.begin(), messages.end(),
                     [](const auto& a, const auto& b) { return a.time < b.time; });

    core::InstrumentSpec spec = exchange.instrument;
    if (sym == "CTKUSDT") {
        // Real-world lesson: CTKUSDT's tick had been raised to 0.00100, but orders resting from
        // before (e.g. at 0.50579) stayed in the book at the old 0.00001 grid, so the book must
        // use the finer grid of pricePrecision (5) to hold every level exactly.
        spec.priceGrid = core::DecimalGrid{5, 1};
    }
    binance::MarketDataProcessor processor(spec, {});
    std::uint64_t snapshotId = 0;
    bool sawBracket = false;
    for (const auto& m : messages) {
        const auto type = processor.onFrame(m.body, m.body.size());
        QVERIFY2(type != binance::MessageType::Malformed, processor.parser().detail().c_str());
        if (type == binance::MessageType::Snapshot) {
            snapshotId = processor.parser().snapshot().lastUpdateId;
        }
        if (type == binance::MessageType::DepthUpdate && snapshotId != 0) {
            const auto& d = processor.parser().depthUpdate();
            if (d.firstUpdateId <= snapshotId && snapshotId <= d.finalUpdateId) {
                sawBracket = true;
                QCOMPARE(bracketOnFirstId ? d.firstUpdateId : d.finalUpdateId, snapshotId);
            }
        }
    }
    const auto& sync = processor.synchronizer();
    QCOMPARE(sync.state(), SyncState::Live);
    QCOMPARE(sync.counters().syncs, qint64(1));
    QCOMPARE(sync.counters().gaps, qint64(0));
    QCOMPARE(sync.counters().crossed, qint64(0));
    QVERIFY(sync.counters().applied > 10);
    QVERIFY(!processor.book().isCrossed());
    const auto& c = processor.counters();
    QVERIFY(c.tickerCompared + c.tickerFirstCompared > 0);
    QCOMPARE(c.tickerMismatched, qint64(0));
    QCOMPARE(c.tickerFirstMismatched, qint64(0));
    // The bracket is either buffered before the snapshot or arrives after it: either way the
    // procedure must have gone through the exact-boundary case.
    Q_UNUSED(sawBracket);
}

QTEST_APPLESS_MAIN(TestDepthSynchronizer)
#include "tst_depth_synchronizer.moc"
