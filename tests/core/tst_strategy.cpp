// The order-flow strategy's conditions exactly at their thresholds, and the exact stop/take-profit.
// Qt headers first: moc (Qt 6.4) fails on <compare> when it comes before them.
#include <QTest>

#include "core/features.h"
#include "core/order_flow_strategy.h"
#include "test_printers.h"

using namespace hoga::core;

namespace {
FeatureSnapshot features(double volumeRatio, double imbalance, double momentum,
                         double takerBuyShare = 0.5) {
    FeatureSnapshot f;
    f.volumeRatio = volumeRatio;
    f.imbalance = imbalance;
    f.momentumBps = momentum;
    f.takerBuyShare = takerBuyShare;
    return f;
}
Position longAt(std::int64_t ticks, std::int64_t lots) {
    Position p;
    p.side = PositionSide::Long;
    p.qty = Qty{lots};
    p.entryNotional = notionalOf(Price{ticks}, Qty{lots});
    return p;
}
Position shortAt(std::int64_t ticks, std::int64_t lots) {
    Position p = longAt(ticks, lots);
    p.side = PositionSide::Short;
    return p;
}
} // namespace

class TestStrategy : public QObject {
    Q_OBJECT
private Q_SLOTS:
    void entryNeedsAllThreeAtThreshold();
    void entryJustBelowEachThreshold();
    void shortEntryMirrors();
    void takerShareFilter();
    void imbalanceReversalExit();
    void stopLossExactlyAtFivePercent();
    void takeProfitAndMaxHold();
    void volumeFadeNeedsConsecutiveCandles();
    void paramsValidation();
    void momentumFeatureUsesOnlyThePast();
    void volumeRatioIsProRated();
};

void TestStrategy::entryNeedsAllThreeAtThreshold() {
    const StrategyParams p; // X 3.0, θ 0.30, M 5 bps
    OrderFlowStrategy s(p);
    QCOMPARE(s.entrySignal(features(3.0, 0.30, 5.0)).value_or(PositionSide::Flat),
             PositionSide::Long);
}

void TestStrategy::entryJustBelowEachThreshold() {
    OrderFlowStrategy s(StrategyParams{});
    QVERIFY(!s.entrySignal(features(2.999, 0.30, 5.0)));
    QVERIFY(!s.entrySignal(features(3.0, 0.2999, 5.0)));
    QVERIFY(!s.entrySignal(features(3.0, 0.30, 4.999)));
    // Conflicting directions never enter.
    QVERIFY(!s.entrySignal(features(3.0, 0.30, -5.0)));
    QVERIFY(!s.entrySignal(features(3.0, -0.30, 5.0)));
    const EntryConditions c = s.entryConditions(features(3.0, 0.30, 4.999));
    QVERIFY(c.volumeBurst && c.imbalanceLong && !c.momentumLong);
}

void TestStrategy::shortEntryMirrors() {
    OrderFlowStrategy s(StrategyParams{});
    QCOMPARE(s.entrySignal(features(3.0, -0.30, -5.0)).value_or(PositionSide::Flat),
             PositionSide::Short);
    QVERIFY(!s.entrySignal(features(3.0, -0.2999, -5.0)));
    QVERIFY(!s.entrySignal(features(3.0, -0.30, -4.999)));
}

void TestStrategy::takerShareFilter() {
    StrategyParams p;
    p.takerShareFilter = true;
    p.takerShareMin = 0.6;
    OrderFlowStrategy s(p);
    QVERIFY(s.entrySignal(features(3.0, 0.3, 5.0, 0.6)));
    QVERIFY(!s.entrySignal(features(3.0, 0.3, 5.0, 0.59)));
    QVERIFY(s.entrySignal(features(3.0, -0.3, -5.0, 0.4))); // 60 % taker-sell
    QVERIFY(!s.entrySignal(features(3.0, -0.3, -5.0, 0.41)));
}

void TestStrategy::imbalanceReversalExit() {
    OrderFlowStrategy s(StrategyParams{}); // θ_exit 0.30
    const Position l = longAt(600000, 10);
    QCOMPARE(s.featureExit(features(1, -0.30, 0), l).value_or(ExitReason::EndOfData),
             ExitReason::ImbalanceReversal);
    QVERIFY(!s.featureExit(features(1, -0.2999, 0), l));
    const Position sh = shortAt(600000, 10);
    QCOMPARE(s.featureExit(features(1, 0.30, 0), sh).value_or(ExitReason::EndOfData),
             ExitReason::ImbalanceReversal);
    QVERIFY(!s.featureExit(features(1, 0.2999, 0), sh));
    QVERIFY(!s.featureExit(features(1, -0.9, 0), Position{})); // flat: nothing to exit
}

void TestStrategy::stopLossExactlyAtFivePercent() {
    OrderFlowStrategy s(StrategyParams{});
    // Long 0.011 BTC at 60000.00 (600000 ticks): the stop is at exactly 57000.00.
    const Position l = longAt(600000, 11);
    QCOMPARE(s.priceExit(Price{570000}, l).value_or(ExitReason::EndOfData), ExitReason::StopLoss);
    QVERIFY(!s.priceExit(Price{570001}, l)); // 57000.10 is above the stop
    QCOMPARE(s.priceExit(Price{569999}, l).value_or(ExitReason::EndOfData), ExitReason::StopLoss);
    // Short at 60000.00: stop at exactly 63000.00.
    const Position sh = shortAt(600000, 11);
    QCOMPARE(s.priceExit(Price{630000}, sh).value_or(ExitReason::EndOfData), ExitReason::StopLoss);
    QVERIFY(!s.priceExit(Price{629999}, sh));
    // A mixed-price entry: 0.001 @ 60000.00 + 0.002 @ 60001.00 → average 60000.666…;
    // 95 % of it is 57000.633…, so 57000.70 does not trigger and 57000.60 does.
    Position mixed = longAt(600000, 1);
    mixed.qty = Qty{3};
    mixed.entryNotional = Notional{600000 * 1 + 600010 * 2};
    QVERIFY(!s.priceExit(Price{570007}, mixed));
    QVERIFY(s.priceExit(Price{570006}, mixed));
}

void TestStrategy::takeProfitAndMaxHold() {
    StrategyParams p;
    p.takeProfitPct = 1.0;
    p.maxHoldMs = 30000;
    OrderFlowStrategy s(p);
    Position l = longAt(600000, 10);
    l.entryTimeMs = 1000;
    QCOMPARE(s.priceExit(Price{606000}, l).value_or(ExitReason::EndOfData), ExitReason::TakeProfit);
    QVERIFY(!s.priceExit(Price{605999}, l));
    FeatureSnapshot f = features(1, 0, 0);
    f.timeMs = 31000;
    QCOMPARE(s.featureExit(f, l).value_or(ExitReason::EndOfData), ExitReason::MaxHold);
    f.timeMs = 30999;
    QVERIFY(!s.featureExit(f, l));
    OrderFlowStrategy off(StrategyParams{}); // both off by default
    QVERIFY(!off.priceExit(Price{700000}, l));
    f.timeMs = 100000000;
    QVERIFY(!off.featureExit(f, l));
}

void TestStrategy::volumeFadeNeedsConsecutiveCandles() {
    StrategyParams p; // Y 0.5, K 2
    OrderFlowStrategy s(p);
    QVERIFY(!s.onCandleClosed(0.49, true));
    QVERIFY(!s.onCandleClosed(0.5, true)); // not below: the streak resets
    QCOMPARE(s.fadeStreak(), 0);
    QVERIFY(!s.onCandleClosed(0.49, true));
    QVERIFY(s.onCandleClosed(0.49, true));
    QVERIFY(!s.onCandleClosed(0.1, false)); // flat: no streak
    QCOMPARE(s.fadeStreak(), 0);
}

void TestStrategy::paramsValidation() {
    QVERIFY(StrategyParams{}.validate().empty());
    QVERIFY(StrategyParams::demo().validate().empty());
    StrategyParams p;
    p.stopLossPct = 9.7; // beyond liquidation at 10× (≈ 9.6 %)
    QCOMPARE(p.validate().size(), std::size_t(1));
    p = StrategyParams{};
    p.volumeFadeRatio = 3.0; // not below the burst ratio
    p.leverage = 0;
    p.imbalanceEntry = 1.5;
    QVERIFY(p.validate().size() >= 3);
}

void TestStrategy::momentumFeatureUsesOnlyThePast() {
    StrategyParams p;
    p.momentumWindowMs = 5000;
    FeatureTracker t(p);
    t.onTrade(1000, Price{600000});
    t.onTrade(3000, Price{600100});
    QCOMPARE(t.momentumBps(5999), 0.0); // the window reaches before the first trade
    t.onTrade(6000, Price{600300});
    // At 6000 the reference is the last trade at or before 1000: 600000 → 600300 = 5 bps.
    QCOMPARE(t.momentumBps(6000), 5.0);
    t.onTrade(8500, Price{600000});
    // At 8500 the reference is the trade at 3000 (600100): 600000 vs 600100.
    QVERIFY(std::abs(t.momentumBps(8500) - (-100.0 / 600100.0 * 10000.0)) < 1e-9);
}

void TestStrategy::volumeRatioIsProRated() {
    StrategyParams p;
    p.volumeLookback = 2;
    FeatureTracker t(p);
    CandleAggregator candles(1000, 16);
    OrderBook book;
    book.set(Side::Buy, Price{100}, Qty{1});
    book.set(Side::Sell, Price{101}, Qty{1});
    Trade tr;
    tr.price = Price{100};
    tr.qty = Qty{10};
    tr.eventTimeMs = 1000;
    candles.addTrade(tr);
    tr.eventTimeMs = 2000;
    candles.addTrade(tr); // closes [1000, 2000) with 10
    tr.eventTimeMs = 3000;
    tr.qty = Qty{20};
    candles.addTrade(tr); // closes [2000, 3000) with 10; mean 10; current 20 at 3000
    // At 3500 half the candle has passed: 20 / (10 × 0.5) = 4.
    QCOMPARE(t.compute(3500, book, candles).volumeRatio, 4.0);
    // At 3100 the floor (0.25) applies: 20 / (10 × 0.25) = 8.
    QCOMPARE(t.compute(3100, book, candles).volumeRatio, 8.0);
    QCOMPARE(t.compute(3999, book, candles).volumeRatio, 20.0 / (10.0 * 0.999));
}

QTEST_APPLESS_MAIN(TestStrategy)
#include "tst_strategy.moc"
