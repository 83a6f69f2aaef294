// Candles from trades: OHLC, taker split, VWAP, empty intervals, the ring bound and the sums.
// Qt headers first: moc (Qt 6.4) fails on <compare> when it comes before them.
#include <QTest>

#include "core/candles.h"

#include "test_printers.h"

#include <random>

using namespace hoga::core;

namespace {
Trade trade(std::int64_t timeMs, std::int64_t ticks, std::int64_t lots, bool buyerIsMaker) {
    Trade t;
    t.eventTimeMs = timeMs;
    t.tradeTimeMs = timeMs - 2;
    t.price = Price{ticks};
    t.qty = Qty{lots};
    t.buyerIsMaker = buyerIsMaker;
    return t;
}
} // namespace

class TestCandles : public QObject {
    Q_OBJECT
private Q_SLOTS:
    void intervals();
    void ohlcvAndTakerSplit();
    void emptyIntervalsCarryTheClose();
    void advanceClosesWithoutTrades();
    void longSilenceIsCountedNotMaterialised();
    void lateTradeKeepsItsVolume();
    void candleSumsEqualTradeSums();
};

void TestCandles::intervals() {
    QCOMPARE(parseCandleInterval("1s").value_or(0), 1000);
    QCOMPARE(parseCandleInterval("15s").value_or(0), 15000);
    QCOMPARE(parseCandleInterval("5m").value_or(0), 300000);
    QCOMPARE(parseCandleInterval("1h").value_or(0), 3600000);
    QVERIFY(!parseCandleInterval("2h"));
    QVERIFY(!parseCandleInterval("0s"));
    QVERIFY(!parseCandleInterval("1d"));
    QVERIFY(!parseCandleInterval("s"));
    QVERIFY(!parseCandleInterval("-1s"));
    QVERIFY(!parseCandleInterval("1.5s"));
    QCOMPARE(formatCandleInterval(1000), std::string("1s"));
    QCOMPARE(formatCandleInterval(300000), std::string("5m"));
    QCOMPARE(formatCandleInterval(3600000), std::string("1h"));
}

void TestCandles::ohlcvAndTakerSplit() {
    CandleAggregator agg(1000, 16);
    std::vector<Candle> closed;
    agg.setClosedCallback([&](const Candle& c) { closed.push_back(c); });
    agg.addTrade(trade(10'000, 100, 2, false)); // taker buy 2 @ 100
    agg.addTrade(trade(10'200, 105, 1, true));  // taker sell 1 @ 105
    agg.addTrade(trade(10'999, 98, 3, false));  // taker buy 3 @ 98
    QVERIFY(closed.empty());
    agg.addTrade(trade(11'000, 101, 1, true)); // next candle
    QCOMPARE(closed.size(), std::size_t(1));
    const Candle& c = closed[0];
    QCOMPARE(c.openTimeMs, qint64(10'000));
    QCOMPARE(c.closeTimeMs(), qint64(11'000));
    QCOMPARE(c.open, Price{100});
    QCOMPARE(c.high, Price{105});
    QCOMPARE(c.low, Price{98});
    QCOMPARE(c.close, Price{98});
    QCOMPARE(c.volume, Qty{6});
    QCOMPARE(c.takerBuyVolume, Qty{5});
    QCOMPARE(c.takerSellVolume, Qty{1});
    QCOMPARE(c.tradeCount, qint64(3));
    QCOMPARE(c.quoteVolume.units, qint64(100 * 2 + 105 + 98 * 3));
    QCOMPARE(c.vwapTicks().value_or(0), (200.0 + 105 + 294) / 6.0);
    QVERIFY(agg.current());
    QCOMPARE(agg.current()->open, Price{101});
}

void TestCandles::emptyIntervalsCarryTheClose() {
    CandleAggregator agg(1000, 16);
    agg.addTrade(trade(1'500, 200, 1, false));
    agg.addTrade(trade(4'100, 210, 1, false)); // 2s and 3s are empty
    QCOMPARE(agg.closed().size(), std::size_t(3));
    const Candle& e1 = agg.closed().at(1);
    const Candle& e2 = agg.closed().at(2);
    QCOMPARE(e1.openTimeMs, qint64(2'000));
    QCOMPARE(e2.openTimeMs, qint64(3'000));
    for (const Candle* e : {&e1, &e2}) {
        QVERIFY(!e->hasTrades());
        QCOMPARE(e->volume, Qty{0});
        QCOMPARE(e->open, Price{200});
        QCOMPARE(e->close, Price{200});
        QVERIFY(!e->vwapTicks());
    }
    QCOMPARE(agg.counters().emptyClosed, qint64(2));
    QCOMPARE(agg.current()->open, Price{210}); // the first trade sets the open, not the carry
}

void TestCandles::advanceClosesWithoutTrades() {
    CandleAggregator agg(1000, 16);
    agg.advanceTo(50'000); // nothing to close before the first trade
    QVERIFY(!agg.current());
    agg.addTrade(trade(1'000, 7, 1, false));
    agg.advanceTo(1'999);
    QCOMPARE(agg.counters().closed, qint64(0));
    agg.advanceTo(2'000); // end is exclusive: the candle [1000, 2000) closes at 2000
    QCOMPARE(agg.counters().closed, qint64(1));
    QCOMPARE(agg.current()->openTimeMs, qint64(2'000));
}

void TestCandles::longSilenceIsCountedNotMaterialised() {
    CandleAggregator agg(1000, 8);
    agg.addTrade(trade(1'000, 50, 1, false));
    agg.addTrade(trade(3'601'000, 60, 1, false)); // one hour later
    QCOMPARE(agg.counters().closed, qint64(3600));
    QCOMPARE(agg.counters().emptyClosed, qint64(3599));
    QCOMPARE(agg.closed().size(), std::size_t(8));
    QCOMPARE(agg.closed().newest().openTimeMs, qint64(3'600'000));
    QCOMPARE(agg.closed().newest().close, Price{50});
    QCOMPARE(agg.current()->openTimeMs, qint64(3'601'000));
}

void TestCandles::lateTradeKeepsItsVolume() {
    CandleAggregator agg(1000, 8);
    agg.addTrade(trade(5'100, 10, 1, false));
    agg.advanceTo(6'050);                    // another stream's event closed [5000, 6000)
    agg.addTrade(trade(5'990, 11, 4, true)); // arrives late
    QCOMPARE(agg.counters().lateTrades, qint64(1));
    QCOMPARE(agg.current()->volume, Qty{4});
    QCOMPARE(agg.counters().volume, Qty{5});
}

void TestCandles::candleSumsEqualTradeSums() {
    std::mt19937_64 rng(42);
    CandleAggregator agg(1000, 100000);
    std::int64_t time = 1'700'000'000'000;
    std::int64_t volume = 0;
    std::int64_t buy = 0;
    std::int64_t quote = 0;
    for (int i = 0; i < 20000; ++i) {
        time += static_cast<std::int64_t>(rng() % 700);
        const auto ticks = 600000 + static_cast<std::int64_t>(rng() % 100);
        const auto lots = 1 + static_cast<std::int64_t>(rng() % 500);
        const bool maker = rng() % 2 == 0;
        agg.addTrade(trade(time, ticks, lots, maker));
        volume += lots;
        quote += ticks * lots;
        if (!maker) {
            buy += lots;
        }
    }
    agg.advanceTo(time + 1000); // close the last one
    std::int64_t sumVolume = 0, sumBuy = 0, sumSell = 0, sumQuote = 0, sumTrades = 0;
    for (std::size_t i = 0; i < agg.closed().size(); ++i) {
        const Candle& c = agg.closed().at(i);
        sumVolume += c.volume.lots;
        sumBuy += c.takerBuyVolume.lots;
        sumSell += c.takerSellVolume.lots;
        sumQuote += c.quoteVolume.units;
        sumTrades += c.tradeCount;
        QVERIFY(c.low <= c.open && c.open <= c.high);
        QVERIFY(c.low <= c.close && c.close <= c.high);
        if (i > 0) {
            QCOMPARE(c.openTimeMs, agg.closed().at(i - 1).closeTimeMs()); // contiguous
        }
    }
    QCOMPARE(static_cast<std::int64_t>(agg.closed().size()), agg.counters().closed);
    QCOMPARE(sumVolume, volume);
    QCOMPARE(sumBuy, buy);
    QCOMPARE(sumSell, volume - buy);
    QCOMPARE(sumQuote, quote);
    QCOMPARE(sumTrades, qint64(20000));
    QCOMPARE(agg.counters().volume.lots, volume);
}

QTEST_APPLESS_MAIN(TestCandles)
#include "tst_candles.moc"
