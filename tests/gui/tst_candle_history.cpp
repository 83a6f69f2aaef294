// The chart's candle history: deduplication across overlapping snapshots, the bound, and
// aggregation to coarser intervals that equals a core::CandleAggregator of that interval fed the
// same trades (quiet stretches included). Qt-free apart from QTest.
#include <QTest>

#include "core/candles.h"
#include "gui/charts/candle_history.h"

#include "test_printers.h"

#include <random>
#include <vector>

using namespace hoga;
using hoga::gui::CandleHistory;

namespace {

// 40 minutes of trades from 2024-08-08 00:00:03.250 with bursts, quiet seconds and a 3-minute
// silence, prices wandering on the tick grid.
std::vector<core::Trade> syntheticTrades() {
    std::mt19937_64 rng(20240808);
    std::vector<core::Trade> trades;
    std::int64_t t = 1723075203250;
    std::int64_t ticks = 616590;
    const std::int64_t end = t + 40 * 60 * 1000;
    while (t < end) {
        const auto step = static_cast<std::int64_t>(rng() % 900);
        t += step < 850 ? step : 2500 + step * 4; // mostly busy, now and then a few quiet seconds
        if (t > 1723075203250 + 10 * 60 * 1000 && t < 1723075203250 + 13 * 60 * 1000) {
            t = 1723075203250 + 13 * 60 * 1000; // a silence of three minutes
        }
        ticks += static_cast<std::int64_t>(rng() % 21) - 10;
        core::Trade trade;
        trade.eventTimeMs = t;
        trade.tradeTimeMs = t - 1;
        trade.price = core::Price{ticks};
        trade.qty = core::Qty{1 + static_cast<std::int64_t>(rng() % 400)};
        trade.buyerIsMaker = rng() % 2 == 0;
        trades.push_back(trade);
    }
    return trades;
}

struct Built {
    std::vector<core::Candle> closed;
    std::optional<core::Candle> forming;
};

Built build(const std::vector<core::Trade>& trades, std::int64_t intervalMs) {
    Built b;
    core::CandleAggregator agg(intervalMs, 1 << 16);
    agg.setClosedCallback([&b](const core::Candle& c) { b.closed.push_back(c); });
    for (const core::Trade& trade : trades) {
        agg.addTrade(trade);
    }
    agg.advanceTo(trades.back().eventTimeMs + 400); // some seconds later, candles still forming
    b.forming = agg.current();
    return b;
}

void compareCandles(const core::Candle& got, const core::Candle& want) {
    QCOMPARE(got.openTimeMs, want.openTimeMs);
    QCOMPARE(got.intervalMs, want.intervalMs);
    QCOMPARE(got.open, want.open);
    QCOMPARE(got.high, want.high);
    QCOMPARE(got.low, want.low);
    QCOMPARE(got.close, want.close);
    QCOMPARE(got.volume, want.volume);
    QCOMPARE(got.takerBuyVolume, want.takerBuyVolume);
    QCOMPARE(got.takerSellVolume, want.takerSellVolume);
    QCOMPARE(got.quoteVolume.units, want.quoteVolume.units);
    QCOMPARE(got.tradeCount, want.tradeCount);
}

// Feeds the 1-s candles as successive snapshots would: windows of the last 600 closed candles
// every 7 s of market time, each with the candle forming then.
std::size_t feedAsSnapshots(CandleHistory& history, const Built& base) {
    std::size_t duplicates = 0;
    for (std::size_t end = 1; end <= base.closed.size(); end += 7) {
        const std::size_t begin = end > 600 ? end - 600 : 0;
        for (std::size_t i = begin; i < end; ++i) {
            duplicates += history.addClosed(base.closed[i]) ? 0 : 1;
        }
        history.setForming(end < base.closed.size() ? base.closed[end] : base.forming.value());
    }
    for (const core::Candle& c : base.closed) {
        duplicates += history.addClosed(c) ? 0 : 1;
    }
    history.setForming(base.forming);
    return duplicates;
}

} // namespace

class TestCandleHistory : public QObject {
    Q_OBJECT
private Q_SLOTS:
    void initTestCase() { m_trades = syntheticTrades(); }
    void keepsEachCandleOnce();
    void aggregatesLikeTheAggregatorOfThatInterval_data();
    void aggregatesLikeTheAggregatorOfThatInterval();
    void fromTimeAndMaxBars();
    void isBounded();
    void anotherBaseIntervalStartsOver();

private:
    std::vector<core::Trade> m_trades;
};

void TestCandleHistory::keepsEachCandleOnce() {
    const Built base = build(m_trades, 1000);
    QVERIFY(base.closed.size() > 2000);
    CandleHistory history;
    const std::size_t duplicates = feedAsSnapshots(history, base);
    QVERIFY(duplicates > base.closed.size()); // the windows overlapped
    QCOMPARE(history.size(), base.closed.size());
    for (std::size_t i = 0; i < base.closed.size(); ++i) {
        compareCandles(history.closed()[i], base.closed[i]);
    }
    QVERIFY(history.forming().has_value());
    compareCandles(*history.forming(), *base.forming);
    QCOMPARE(history.newestOpenMs().value_or(0), base.closed.back().openTimeMs);
    QCOMPARE(history.baseIntervalMs(), std::int64_t(1000));
}

void TestCandleHistory::aggregatesLikeTheAggregatorOfThatInterval_data() {
    QTest::addColumn<QString>("interval");
    for (const char* name : {"1s", "5s", "15s", "1m", "5m", "15m", "1h"}) {
        QTest::newRow(name) << QString::fromLatin1(name);
    }
}

void TestCandleHistory::aggregatesLikeTheAggregatorOfThatInterval() {
    QFETCH(QString, interval);
    const std::int64_t ms = core::parseCandleInterval(interval.toStdString()).value();
    const Built base = build(m_trades, 1000);
    const Built want = build(m_trades, ms);
    CandleHistory history;
    feedAsSnapshots(history, base);

    const std::vector<gui::AggregatedBar> bars = history.aggregate(ms);
    QCOMPARE(bars.size(), want.closed.size() + 1);
    for (std::size_t i = 0; i < want.closed.size(); ++i) {
        QVERIFY(bars[i].closed);
        compareCandles(bars[i].candle, want.closed[i]);
    }
    QVERIFY(!bars.back().closed);
    compareCandles(bars.back().candle, *want.forming);
    // Quiet buckets exist at every interval up to 1 m (the 3-minute silence) and carry the close.
    if (ms <= 60000) {
        const auto quiet = std::find_if(bars.begin(), bars.end(), [](const auto& b) {
            return !b.candle.hasTrades() && b.closed;
        });
        QVERIFY(quiet != bars.end());
        QCOMPARE(quiet->candle.open, (quiet - 1)->candle.close);
        QCOMPARE(quiet->candle.volume, core::Qty{0});
    }
}

void TestCandleHistory::fromTimeAndMaxBars() {
    const Built base = build(m_trades, 1000);
    CandleHistory history;
    feedAsSnapshots(history, base);
    const std::vector<gui::AggregatedBar> all = history.aggregate(60000);
    QVERIFY(all.size() > 20);

    const std::vector<gui::AggregatedBar> last5 =
        history.aggregate(60000, CandleHistory::kFromStart, 5);
    QCOMPARE(last5.size(), std::size_t(5));
    for (std::size_t i = 0; i < 5; ++i) {
        compareCandles(last5[i].candle, all[all.size() - 5 + i].candle);
        QCOMPARE(last5[i].closed, all[all.size() - 5 + i].closed);
    }
    // From the middle of a bucket: that bucket is left out (it would be incomplete).
    const std::int64_t from = all[10].candle.openTimeMs + 1;
    const std::vector<gui::AggregatedBar> tail = history.aggregate(60000, from);
    QCOMPARE(tail.size(), all.size() - 11);
    compareCandles(tail.front().candle, all[11].candle);
    // Intervals that are not a multiple of the base give nothing rather than wrong bars.
    QVERIFY(history.aggregate(1500).empty());
    QVERIFY(history.aggregate(0).empty());
}

void TestCandleHistory::isBounded() {
    const Built base = build(m_trades, 1000);
    CandleHistory history(100);
    for (const core::Candle& c : base.closed) {
        history.addClosed(c);
    }
    QCOMPARE(history.size(), std::size_t(100));
    compareCandles(history.closed().front(), base.closed[base.closed.size() - 100]);
    compareCandles(history.closed().back(), base.closed.back());
    // An old candle arriving late is not put back.
    QVERIFY(!history.addClosed(base.closed.front()));
    QCOMPARE(history.size(), std::size_t(100));
}

void TestCandleHistory::anotherBaseIntervalStartsOver() {
    const Built base = build(m_trades, 1000);
    const Built fives = build(m_trades, 5000);
    CandleHistory history;
    for (std::size_t i = 0; i < 50; ++i) {
        QVERIFY(history.addClosed(base.closed[i]));
    }
    QVERIFY(history.addClosed(fives.closed[3]));
    QCOMPARE(history.size(), std::size_t(1));
    QCOMPARE(history.baseIntervalMs(), std::int64_t(5000));
    QVERIFY(history.aggregate(1000).empty());
    QCOMPARE(history.aggregate(5000).size(), std::size_t(1));
}

QTEST_GUILESS_MAIN(TestCandleHistory)
#include "tst_candle_history.moc"
