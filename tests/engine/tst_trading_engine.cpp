// The engine on hand-made markets: entries exactly at their thresholds, the stop at exactly 5 %
// with the slippage beyond it, PnL and fees to the cent, liquidation, funding, end of data.
// Qt headers first: moc (Qt 6.4) fails on <compare> when it comes before them.
#include <QTest>

#include "core/paper_broker.h"
#include "engine/memory_journal.h"
#include "engine/trading_engine.h"
#include "test_printers.h"

#include <memory>

using namespace hoga;
using core::Price;
using core::Qty;
using core::Side;

namespace {

// Momentum exactly at a threshold needs a change that is exact in binary: 300 / 614400 = 2⁻¹¹,
// so 4.8828125 bps.
constexpr std::int64_t kBase = 614400; // 61,440.0
constexpr std::int64_t kUp = 614700;   // +4.8828125 bps

core::StrategyParams testParams() {
    core::StrategyParams p;
    p.volumeLookback = 3;
    p.volumeBurstRatio = 3.0;
    p.imbalanceLevels = 10;
    p.imbalanceEntry = 0.3;
    p.imbalanceExit = 0.3;
    p.momentumWindowMs = 5000;
    p.momentumBps = 4.8828125;
    p.latencyMs = 0;
    return p;
}

struct Harness {
    core::InstrumentSpec spec = core::InstrumentSpec::btcusdtDefaults();
    core::StrategyParams params;
    core::OrderBook book;
    core::CandleAggregator candles;
    engine::MemoryJournal journal;
    engine::TradingEngine engine;
    core::PaperBroker broker;
    bool verified = true;

    explicit Harness(core::StrategyParams p)
        : params(p), candles(p.candleIntervalMs, 4096), engine(spec, p, "t", &journal),
          broker(book, spec, p.latencyMs, core::percentToRateE8(p.takerFeePct),
                 engine.executionListener()) {
        engine.setGateway(&broker);
    }
    engine::MarketState state() const { return {book, candles, verified}; }

    // Top of book: 130 lots bid at `bid`, 70 asked at `ask`: imbalance (130 − 70)/200 = 0.3.
    void entryBook(std::int64_t bid, std::int64_t ask, std::int64_t bidLots = 130,
                   std::int64_t askLots = 70) {
        book.clear();
        book.set(Side::Buy, Price{bid}, Qty{bidLots});
        book.set(Side::Sell, Price{ask}, Qty{askLots});
    }
    void trade(std::int64_t timeMs, std::int64_t ticks, std::int64_t lots,
               bool buyerIsMaker = false) {
        core::Trade t;
        t.eventTimeMs = timeMs;
        t.tradeTimeMs = timeMs;
        t.price = Price{ticks};
        t.qty = Qty{lots};
        t.buyerIsMaker = buyerIsMaker;
        candles.addTrade(t);
        engine::MarketInput in;
        in.kind = engine::MarketInput::Kind::Trade;
        in.timeMs = timeMs;
        in.trade = &t;
        engine.onMarket(in, state());
    }
    void tick(std::int64_t timeMs) {
        candles.advanceTo(timeMs);
        engine::MarketInput in;
        in.kind = engine::MarketInput::Kind::BookUpdate;
        in.timeMs = timeMs;
        engine.onMarket(in, state());
    }
    // 2 lots a second at kBase from 1 s to 10 s: three closed candles of 2 lots (mean 2) and a
    // momentum reference at kBase.
    void warmUp() {
        entryBook(kBase - 10, kBase);
        for (std::int64_t t = 1000; t <= 10000; t += 1000) {
            trade(t, kBase, 2);
        }
    }
};

} // namespace

class TestTradingEngine : public QObject {
    Q_OBJECT
private Q_SLOTS:
    void entersExactlyAtTheThresholds();
    void noEntryJustBelowTheVolumeThreshold();
    void noEntryJustBelowTheMomentumThreshold();
    void noEntryJustBelowTheImbalanceThreshold();
    void noEntryOnAnUnverifiedBook();
    void stopLossAtExactlyFivePercentWithSlippage();
    void liquidation();
    void fundingIsPaidAtTheFundingTime();
    void volumeFadeExit();
    void endOfDataCloses();
    void latencyFillsOnTheLaterBook();
    void killSwitchFlattensAndHalts();
};

void TestTradingEngine::entersExactlyAtTheThresholds() {
    Harness h(testParams());
    h.warmUp();
    QCOMPARE(h.engine.stats().ordersSent, qint64(0));
    h.entryBook(kUp - 10, kUp);
    // At 11.5 s half of the candle has passed: 3 lots / (mean 2 × 0.5) = 3.0 exactly.
    h.trade(11500, kUp, 3);
    const auto& f = h.engine.lastFeatures();
    QCOMPARE(f.volumeRatio, 3.0);
    QCOMPARE(f.imbalance, 0.3);
    QCOMPARE(f.momentumBps, 4.8828125);
    QCOMPARE(h.engine.stats().ordersSent, qint64(1));
    QCOMPARE(h.engine.position().side, core::PositionSide::Long);
    // 724.63768116 USDT / 61,470 → 0.011 BTC, filled at the ask.
    QCOMPARE(h.engine.position().qty, Qty{11});
    QCOMPARE(h.engine.position().entryNotional.units, qint64(kUp * 11));
    QCOMPARE(h.journal.fills.size(), std::size_t(1));
    QCOMPARE(core::formatFixed8(h.journal.fills[0].fee), std::string("0.33808500"));
    QCOMPARE(h.engine.position().atEntry.volumeRatio, 3.0); // the decision's numbers are kept
}

void TestTradingEngine::noEntryJustBelowTheVolumeThreshold() {
    Harness h(testParams());
    h.warmUp();
    h.entryBook(kUp - 10, kUp);
    h.trade(11501, kUp, 3); // 3 / (2 × 0.501) = 2.994
    QCOMPARE(h.engine.stats().ordersSent, qint64(0));
}

void TestTradingEngine::noEntryJustBelowTheMomentumThreshold() {
    Harness h(testParams());
    h.warmUp();
    h.entryBook(kUp - 11, kUp - 1);
    h.trade(11500, kUp - 1, 3); // one tick short of +4.8828125 bps
    QVERIFY(h.engine.lastFeatures().momentumBps < 4.8828125);
    QCOMPARE(h.engine.stats().ordersSent, qint64(0));
}

void TestTradingEngine::noEntryJustBelowTheImbalanceThreshold() {
    Harness h(testParams());
    h.warmUp();
    h.entryBook(kUp - 10, kUp, 129, 70); // 59 / 199 = 0.2965
    h.trade(11500, kUp, 3);
    QCOMPARE(h.engine.stats().ordersSent, qint64(0));
}

void TestTradingEngine::noEntryOnAnUnverifiedBook() {
    Harness h(testParams());
    h.warmUp();
    h.entryBook(kUp - 10, kUp);
    h.verified = false;
    h.trade(11500, kUp, 3);
    h.trade(11600, kUp, 1); // same candle: one refusal episode
    QCOMPARE(h.engine.stats().ordersSent, qint64(0));
    QCOMPARE(h.engine.stats().refusals[static_cast<int>(core::Refusal::BookUnverified)], qint64(1));
    QCOMPARE(h.journal.refusals.size(), std::size_t(1));
    QCOMPARE(h.journal.refusals[0].features.volumeRatio, 3.0);
}

void TestTradingEngine::stopLossAtExactlyFivePercentWithSlippage() {
    Harness h(testParams());
    h.warmUp();
    h.entryBook(kUp - 10, kUp);
    h.trade(11500, kUp, 3);
    QCOMPARE(h.engine.position().qty, Qty{11});
    // The market collapses. The stop is 61,470.0 × 0.95 = 58,396.5 exactly. The book below it
    // is thin: 5 lots at 58,390.0, then 58,380.0.
    h.book.clear();
    h.book.set(Side::Buy, Price{583900}, Qty{5});
    h.book.set(Side::Buy, Price{583800}, Qty{100});
    h.book.set(Side::Sell, Price{583970}, Qty{1});
    h.trade(11600, 583966, 1, true); // one tick above the stop: holds
    QCOMPARE(h.engine.position().side, core::PositionSide::Long);
    h.trade(11700, 583965, 1, true); // exactly 5 %: exit at market
    QVERIFY(h.engine.position().flat());
    QCOMPARE(h.journal.roundTrips.size(), std::size_t(1));
    const core::RoundTrip& t = h.journal.roundTrips[0];
    QCOMPARE(static_cast<int>(t.exitReason), static_cast<int>(core::ExitReason::StopLoss));
    // Exit: 5 × 58,390.0 + 6 × 58,380.0 = 642.23 USDT; entry 676.17 USDT.
    QCOMPARE(core::formatFixed8(t.grossPnl), std::string("-33.94000000"));
    // Fees 0.05 %: 0.338085 + 0.145975 + 0.17514 = 0.6592.
    QCOMPARE(core::formatFixed8(t.fees), std::string("0.65920000"));
    QCOMPARE(core::formatFixed8(t.netPnl), std::string("-34.59920000"));
    // The stop alone would have cost 5 % of 676.17 = 33.8085: the rest is slippage.
    QCOMPARE(core::formatFixed8(h.engine.balance()), std::string("37.86456812"));
    QCOMPARE(h.engine.stats().losses, qint64(1));
    QCOMPARE(h.engine.stats().exitReasons[static_cast<int>(core::ExitReason::StopLoss)], qint64(1));
    QCOMPARE(t.atEntry.volumeRatio, 3.0);
    QCOMPARE(t.entryTimeMs, qint64(11500));
    QCOMPARE(t.exitTimeMs, qint64(11700));
    // Cool-down after the stop: the same signal a second later is refused.
    h.entryBook(kUp - 10, kUp);
    h.trade(12500, kUp, 9);
    QVERIFY(h.engine.position().flat());
}

void TestTradingEngine::liquidation() {
    core::StrategyParams p = testParams();
    p.stopLossPct = 9.5; // just inside the ≈ 9.64 % liquidation distance at 10×
    Harness h(p);
    h.warmUp();
    h.entryBook(kUp - 10, kUp);
    h.trade(11500, kUp, 3);
    QCOMPARE(h.engine.position().qty, Qty{11});
    // 61,470 × 0.9 / 0.996 = 55,545.18… → 55,545.2 (toward the entry); a gap straight through it.
    const Price liquidation = core::isolatedLiquidationPrice(h.engine.position(), 10, 0.4);
    QCOMPARE(liquidation, Price{555452});
    h.book.clear();
    h.book.set(Side::Buy, Price{500000}, Qty{100});
    h.book.set(Side::Sell, Price{500010}, Qty{100});
    h.trade(11600, 500000, 1, true);
    QVERIFY(h.engine.position().flat());
    const core::RoundTrip& t = h.journal.roundTrips.at(0);
    QCOMPARE(static_cast<int>(t.exitReason), static_cast<int>(core::ExitReason::Liquidation));
    QCOMPARE(t.exitNotional.units, qint64(555452 * 11));
    // (55,545.2 − 61,470.0) × 0.011 = −65.1728 USDT: about the isolated margin (67.617).
    QCOMPARE(core::formatFixed8(t.grossPnl), std::string("-65.17280000"));
}

void TestTradingEngine::fundingIsPaidAtTheFundingTime() {
    Harness h(testParams());
    h.warmUp();
    h.entryBook(kUp - 10, kUp);
    h.trade(11500, kUp, 3);
    core::MarkPriceUpdate mark;
    mark.eventTimeMs = 11600;
    mark.markPrice = core::Fixed8{6147000000000}; // 61,470.0
    mark.fundingRate = core::Fixed8{10000};       // 0.0001
    mark.nextFundingTimeMs = 12000;
    engine::MarketInput in;
    in.kind = engine::MarketInput::Kind::MarkPrice;
    in.timeMs = 11600;
    in.mark = &mark;
    h.engine.onMarket(in, h.state());
    QCOMPARE(h.engine.stats().fundingPayments, qint64(0));
    h.tick(11999);
    QCOMPARE(h.engine.stats().fundingPayments, qint64(0));
    h.tick(12000);
    QCOMPARE(h.engine.stats().fundingPayments, qint64(1));
    // A long pays 61,470 × 0.011 × 0.0001 = 0.067617 USDT.
    QCOMPARE(core::formatFixed8(h.engine.stats().funding), std::string("-0.06761700"));
    h.tick(12500);
    QCOMPARE(h.engine.stats().fundingPayments, qint64(1)); // once per funding time
}

void TestTradingEngine::volumeFadeExit() {
    Harness h(testParams()); // fade: below 0.5 × mean for 2 closed candles
    h.warmUp();
    h.entryBook(kUp - 10, kUp);
    h.trade(11500, kUp, 3);
    h.trade(11900, kUp, 3); // the entry candle closes with 6 lots: no fade
    h.trade(12100, kUp, 1); // [12, 13): 1 lot; mean then (2+6+1)/3 = 3 → 0.33
    h.trade(13100, kUp, 1); // closes [12, 13): fade 1
    QCOMPARE(h.engine.position().side, core::PositionSide::Long);
    h.tick(14000); // closes [13, 14): fade 2 → exit
    QVERIFY(h.engine.position().flat());
    QCOMPARE(static_cast<int>(h.journal.roundTrips.at(0).exitReason),
             static_cast<int>(core::ExitReason::VolumeFade));
}

void TestTradingEngine::endOfDataCloses() {
    Harness h(testParams());
    h.warmUp();
    h.entryBook(kUp - 10, kUp);
    h.trade(11500, kUp, 3);
    h.engine.finish(h.state());
    QVERIFY(h.engine.position().flat());
    const auto& t = h.journal.roundTrips.at(0);
    QCOMPARE(static_cast<int>(t.exitReason), static_cast<int>(core::ExitReason::EndOfData));
    QCOMPARE(t.exitNotional.units, qint64((kUp - 10) * 11)); // sold at the bid
    // Journal and statistics agree.
    QCOMPARE(h.engine.stats().netPnl.e8, t.netPnl.e8);
    std::int64_t fees = 0;
    for (const auto& f : h.journal.fills) {
        fees += f.fee.e8;
    }
    QCOMPARE(h.engine.stats().fees.e8, fees);
    QCOMPARE(h.engine.balance().e8, h.engine.risk().startingCapital().e8 + t.netPnl.e8);
}

void TestTradingEngine::latencyFillsOnTheLaterBook() {
    core::StrategyParams p = testParams();
    p.latencyMs = 50;
    Harness h(p);
    h.warmUp();
    h.entryBook(kUp - 10, kUp);
    h.trade(11500, kUp, 3);
    QCOMPARE(h.engine.stats().ordersSent, qint64(1));
    QVERIFY(h.engine.position().flat()); // in flight
    h.book.set(Side::Sell, Price{kUp}, Qty{0});
    h.book.set(Side::Sell, Price{kUp + 20}, Qty{100});
    h.tick(11549);
    QVERIFY(h.engine.position().flat());
    h.tick(11550);
    QCOMPARE(h.engine.position().entryNotional.units, qint64((kUp + 20) * 11));
}

void TestTradingEngine::killSwitchFlattensAndHalts() {
    Harness h(testParams());
    h.warmUp();
    h.entryBook(kUp - 10, kUp);
    h.trade(11500, kUp, 3);
    QCOMPARE(h.engine.position().side, core::PositionSide::Long);
    h.engine.killSwitch(h.state());
    QVERIFY(h.engine.position().flat());
    QCOMPARE(static_cast<int>(h.journal.roundTrips.at(0).exitReason),
             static_cast<int>(core::ExitReason::KillSwitch));
    QCOMPARE(static_cast<int>(h.engine.risk().state()),
             static_cast<int>(core::TradingState::Halted));
    // The same entry signal again: refused, the engine stays flat.
    h.entryBook(kUp - 10, kUp);
    h.trade(13500, kUp, 9);
    QVERIFY(h.engine.position().flat());
    QCOMPARE(h.engine.stats().refusals[static_cast<int>(core::Refusal::TradingHalted)], qint64(1));
}

QTEST_APPLESS_MAIN(TestTradingEngine)
#include "tst_trading_engine.moc"
