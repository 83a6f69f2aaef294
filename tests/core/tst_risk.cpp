// The risk engine: sizing to the step, exchange minimums, limits, states, and the liquidation
// estimate it checks the stop against.
// Qt headers first: moc (Qt 6.4) fails on <compare> when it comes before them.
#include <QTest>

#include "core/risk_engine.h"
#include "test_printers.h"

using namespace hoga::core;

namespace {
const InstrumentSpec kSpec = InstrumentSpec::btcusdtDefaults();
RoundTrip trip(std::int64_t exitMs, ExitReason reason, std::int64_t netE8) {
    RoundTrip t;
    t.exitTimeMs = exitMs;
    t.exitReason = reason;
    t.netPnl = Fixed8{netE8};
    return t;
}
} // namespace

class TestRisk : public QObject {
    Q_OBJECT
private Q_SLOTS:
    void defaultsSizeFromTheSpec();
    void sizeRoundsDownToTheStep();
    void minNotionalAndMinQtyRefused();
    void cappedByCapitalTimesLeverage();
    void rateLimit();
    void cooldownAfterStop();
    void dailyLossLimit();
    void statesAndBookHealth();
    void stopBeyondLiquidationRefused();
    void liquidationPriceEstimate();
    void feesRoundHalfAwayFromZero();
};

void TestRisk::defaultsSizeFromTheSpec() {
    RiskEngine risk(StrategyParams{}, kSpec);
    // 100,000 KRW at 1,380 KRW/USDT = 72.46376812 USDT.
    QCOMPARE(formatFixed8(risk.startingCapital()), std::string("72.46376812"));
    // 1,000,000 KRW = 724.63768116 USDT, below capital × 10 = 724.6376812.
    QCOMPARE(formatFixed8(risk.targetNotional(risk.startingCapital())),
             std::string("724.63768116"));
    const auto d =
        risk.checkEntry(PositionSide::Long, Price{600000}, risk.startingCapital(), 0, true);
    QVERIFY2(d.approved, d.detail.c_str());
    QCOMPARE(d.qty, Qty{12}); // 0.012 BTC × 60,000 = 720 USDT ≤ 724.64
}

void TestRisk::sizeRoundsDownToTheStep() {
    StrategyParams p;
    p.positionNotionalKrw = 1380.0 * 119.99; // 119.99 USDT
    RiskEngine risk(p, kSpec);
    const auto d =
        risk.checkEntry(PositionSide::Long, Price{500000}, risk.startingCapital(), 0, true);
    QVERIFY2(d.approved, d.detail.c_str());
    QCOMPARE(d.qty, Qty{2}); // 119.99 / 50,000 = 0.0023998 BTC → 0.002; never rounded up
}

void TestRisk::minNotionalAndMinQtyRefused() {
    StrategyParams p;
    p.positionNotionalKrw = 1380.0 * 99.0;
    RiskEngine risk(p, kSpec);
    // At 60,000: 99 USDT buys 0.001 (60 USDT) < MIN_NOTIONAL 100.
    auto d = risk.checkEntry(PositionSide::Long, Price{600000}, risk.startingCapital(), 0, true);
    QVERIFY(!d.approved);
    QCOMPARE(static_cast<int>(d.refusal), static_cast<int>(Refusal::MinNotional));
    QVERIFY(d.detail.find("100.00000000") != std::string::npos);
    p.positionNotionalKrw = 1380.0 * 50.0; // less than one lot
    RiskEngine small(p, kSpec);
    d = small.checkEntry(PositionSide::Long, Price{600000}, small.startingCapital(), 0, true);
    QCOMPARE(static_cast<int>(d.refusal), static_cast<int>(Refusal::MinQty));
}

void TestRisk::cappedByCapitalTimesLeverage() {
    StrategyParams p;
    p.capitalKrw = 13800.0; // 10 USDT → at most 100 USDT of notional at 10×
    RiskEngine risk(p, kSpec);
    const auto d =
        risk.checkEntry(PositionSide::Long, Price{500000}, risk.startingCapital(), 0, true);
    QVERIFY2(d.approved, d.detail.c_str());
    QCOMPARE(d.qty, Qty{2}); // 0.002 × 50,000 = 100 USDT
    // After losses the equity, not the starting capital, caps the size.
    const auto after =
        risk.checkEntry(PositionSide::Long, Price{500000}, Fixed8{900000000}, 0, true);
    QCOMPARE(static_cast<int>(after.refusal), static_cast<int>(Refusal::MinNotional));
}

void TestRisk::rateLimit() {
    StrategyParams p;
    p.maxOrdersPerMinute = 2;
    RiskEngine risk(p, kSpec);
    risk.onOrderSent(0);
    risk.onOrderSent(10);
    auto d = risk.checkEntry(PositionSide::Long, Price{600000}, risk.startingCapital(), 20, true);
    QCOMPARE(static_cast<int>(d.refusal), static_cast<int>(Refusal::RateLimit));
    d = risk.checkEntry(PositionSide::Long, Price{600000}, risk.startingCapital(), 60000, true);
    QVERIFY(d.approved); // the order at 0 left the one-minute window
}

void TestRisk::cooldownAfterStop() {
    RiskEngine risk(StrategyParams{}, kSpec); // 60 s
    risk.onRoundTrip(trip(1000, ExitReason::StopLoss, -100));
    auto d =
        risk.checkEntry(PositionSide::Long, Price{600000}, risk.startingCapital(), 60999, true);
    QCOMPARE(static_cast<int>(d.refusal), static_cast<int>(Refusal::Cooldown));
    d = risk.checkEntry(PositionSide::Long, Price{600000}, risk.startingCapital(), 61000, true);
    QVERIFY(d.approved);
    risk.onRoundTrip(trip(70000, ExitReason::VolumeFade, -100)); // no cool-down for other exits
    QVERIFY(risk.checkEntry(PositionSide::Long, Price{600000}, risk.startingCapital(), 70001, true)
                .approved);
}

void TestRisk::dailyLossLimit() {
    StrategyParams p;
    p.dailyLossLimitPct = 1.0; // 1 % of 72.46376812 = 0.7246376812 USDT
    p.cooldownAfterStopMs = 0;
    RiskEngine risk(p, kSpec);
    const std::int64_t day = 86'400'000;
    risk.onRoundTrip(trip(day + 10, ExitReason::ImbalanceReversal, -72000000)); // −0.72
    QVERIFY(
        risk.checkEntry(PositionSide::Long, Price{600000}, risk.startingCapital(), day + 20, true)
            .approved);
    risk.onRoundTrip(trip(day + 30, ExitReason::ImbalanceReversal, -500000)); // −0.725 in all
    auto d =
        risk.checkEntry(PositionSide::Long, Price{600000}, risk.startingCapital(), day + 40, true);
    QCOMPARE(static_cast<int>(d.refusal), static_cast<int>(Refusal::DailyLoss));
    d = risk.checkEntry(PositionSide::Long, Price{600000}, risk.startingCapital(), 2 * day, true);
    QVERIFY(d.approved); // a new UTC day
}

void TestRisk::statesAndBookHealth() {
    RiskEngine risk(StrategyParams{}, kSpec);
    auto d = risk.checkEntry(PositionSide::Long, Price{600000}, risk.startingCapital(), 0, false);
    QCOMPARE(static_cast<int>(d.refusal), static_cast<int>(Refusal::BookUnverified));
    risk.setState(TradingState::ReducingOnly);
    d = risk.checkEntry(PositionSide::Long, Price{600000}, risk.startingCapital(), 0, true);
    QCOMPARE(static_cast<int>(d.refusal), static_cast<int>(Refusal::TradingHalted));
    risk.setState(TradingState::Halted);
    d = risk.checkEntry(PositionSide::Short, Price{600000}, risk.startingCapital(), 0, true);
    QCOMPARE(static_cast<int>(d.refusal), static_cast<int>(Refusal::TradingHalted));
    risk.setState(TradingState::Active);
    QVERIFY(risk.checkEntry(PositionSide::Short, Price{600000}, risk.startingCapital(), 0, true)
                .approved);
}

void TestRisk::stopBeyondLiquidationRefused() {
    StrategyParams p;
    p.leverage = 20; // liquidation ≈ 4.6 % away, the 5 % stop lies beyond it
    p.capitalKrw = 1000000.0;
    RiskEngine risk(p, kSpec);
    const auto d =
        risk.checkEntry(PositionSide::Long, Price{600000}, risk.startingCapital(), 0, true);
    QCOMPARE(static_cast<int>(d.refusal), static_cast<int>(Refusal::StopBeyondLiquidation));
    QVERIFY(!p.validate().empty()); // and validation says so up front
}

void TestRisk::liquidationPriceEstimate() {
    Position l;
    l.side = PositionSide::Long;
    l.qty = Qty{12};
    l.entryNotional = notionalOf(Price{600000}, l.qty);
    // 60,000 × 0.9 / 0.996 = 54,216.867… → rounded toward the entry: 54,216.9.
    QCOMPARE(isolatedLiquidationPrice(l, 10, 0.4), Price{542169});
    Position s = l;
    s.side = PositionSide::Short;
    // 60,000 × 1.1 / 1.004 = 65,737.051… → 65,737.0.
    QCOMPARE(isolatedLiquidationPrice(s, 10, 0.4), Price{657370});
    QCOMPARE(isolatedLiquidationPrice(Position{}, 10, 0.4), Price{0});
}

void TestRisk::feesRoundHalfAwayFromZero() {
    // 0.10 × 0.001 = 0.0001 USDT; at 0.025 % that is 0.000000025 → 0.00000003.
    QCOMPARE(feeFor(Notional{1}, percentToRateE8(0.025), kSpec).e8, qint64(3));
    // 720 USDT at the 0.05 % taker fee: exactly 0.36 USDT.
    QCOMPARE(formatFixed8(feeFor(notionalOf(Price{600000}, Qty{12}), percentToRateE8(0.05), kSpec)),
             std::string("0.36000000"));
    QCOMPARE(percentToRateE8(0.05), qint64(50000));
    QCOMPARE(percentToRateE8(0.02), qint64(20000));
}

QTEST_APPLESS_MAIN(TestRisk)
#include "tst_risk.moc"
