// The matching engine on a book the test controls: the queue model of resting orders, fees,
// realized PnL and liquidation, with exact values.
// Qt headers first: moc (Qt 6.4) fails on <compare> when it comes before them.
#include <QTest>

#include "core/market_events.h"
#include "core/orderbook.h"
#include "core/position.h"
#include "sim/matching_engine.h"
#include "test_printers.h"

using namespace hoga;
using namespace hoga::sim;

namespace {
const core::InstrumentSpec kSpec = core::InstrumentSpec::btcusdtDefaults();
constexpr std::int64_t kOne = core::Fixed8::kOne;

QString st(OrderStatus status) {
    const std::string_view text = toString(status);
    return QString::fromLatin1(text.data(), static_cast<qsizetype>(text.size()));
}

core::Price px(std::int64_t ticks) {
    return core::Price{ticks};
}

core::Trade trade(std::int64_t ticks, std::int64_t lots, bool takerSells) {
    core::Trade t;
    t.price = px(ticks);
    t.qty = core::Qty{lots};
    t.buyerIsMaker = takerSells;
    return t;
}

struct Fixture {
    core::OrderBook book;
    MatchingEngine engine;
    std::vector<std::string> events;
    Fixture() : engine(book, kSpec, {AccountConfig{"k", "s", core::Fixed8{10000 * kOne}}}) {
        // 60000.00 / 60000.10, 5 BTC at the bid, 2 BTC at the ask, deeper levels behind.
        book.set(core::Side::Buy, px(600000), core::Qty{5000});
        book.set(core::Side::Buy, px(599999), core::Qty{1000});
        book.set(core::Side::Sell, px(600001), core::Qty{2000});
        book.set(core::Side::Sell, px(600002), core::Qty{3000});
        engine.setSink([this](const std::string&, const std::string& e) { events.push_back(e); });
    }
    MatchingEngine::Account& account() { return *engine.account("k"); }
    std::int64_t place(core::Side side, OrderType type, std::int64_t priceTicks, std::int64_t lots,
                       TimeInForce tif = TimeInForce::Gtc, bool reduceOnly = false) {
        MatchingEngine::NewOrder o;
        o.side = side;
        o.type = type;
        o.price = px(priceTicks);
        o.qty = core::Qty{lots};
        o.timeInForce = tif;
        o.reduceOnly = reduceOnly;
        std::int64_t id = 0;
        const auto error = engine.placeOrder(account(), o, 1, id);
        if (error) {
            qWarning("%d %s", error->code, error->message.c_str());
        }
        return id;
    }
};
} // namespace

class TestMatchingEngine : public QObject {
    Q_OBJECT
private Q_SLOTS:
    void restingBuyWaitsForItsQueue() {
        Fixture f;
        const auto id = f.place(core::Side::Buy, OrderType::Limit, 600000, 2000);
        const SimOrder& o = f.account().orders.at(id);
        QCOMPARE(st(o.status), st(OrderStatus::New));
        QCOMPARE(o.queueAhead, core::Qty{5000}); // the bid's 5 BTC were there first
        // Buyers taking at our price, or sellers trading above it, do not reach us.
        f.engine.onTrade(trade(600000, 9000, false), 2);
        f.engine.onTrade(trade(600001, 9000, true), 2);
        QCOMPARE(o.executed, core::Qty{});
        // Sellers at our price eat the queue first: 4 of 5 BTC, then 1.5 more → 0.5 for us.
        f.engine.onTrade(trade(600000, 4000, true), 3);
        QCOMPARE(o.queueAhead, core::Qty{1000});
        QCOMPARE(o.executed, core::Qty{});
        f.engine.onTrade(trade(600000, 1500, true), 4);
        QCOMPARE(o.executed, core::Qty{500});
        QCOMPARE(st(o.status), st(OrderStatus::PartiallyFilled));
        // A trade below our price means the level was traded through: the rest fills, at our price.
        f.engine.onTrade(trade(599999, 1, true), 5);
        QCOMPARE(o.executed, core::Qty{2000});
        QCOMPARE(st(o.status), st(OrderStatus::Filled));
        const auto& fills = f.account().fills;
        QCOMPARE(fills.size(), std::size_t{2});
        QCOMPARE(fills[1].price, px(600000));
        QVERIFY(fills[0].maker && fills[1].maker);
        // Maker 0.02 %: 30 000 USDT × 0.0002 = 6, 90 000 × 0.0002 = 18 (0.5 and 1.5 BTC).
        QCOMPARE(fills[0].commission.e8, 6 * kOne);
        QCOMPARE(fills[1].commission.e8, 18 * kOne);
        QCOMPARE(f.account().ledger.wallet().e8, (10000 - 24) * kOne);
        QCOMPARE(f.account().ledger.position().lots, std::int64_t{2000});
    }

    void marketOrderTakesLevelsAndRealizesPnl() {
        Fixture f;
        const auto id = f.place(core::Side::Buy, OrderType::Market, 0, 3000);
        const SimOrder& o = f.account().orders.at(id);
        QCOMPARE(st(o.status), st(OrderStatus::Filled));
        // 2 BTC at 60000.10 and 1 at 60000.20.
        QCOMPARE(o.cumQuote, core::Notional{600001 * 2000 + 600002 * 1000});
        const std::int64_t fee =
            core::feeFor(core::notionalOf(px(600001), core::Qty{2000}), 50000, kSpec).e8 +
            core::feeFor(core::notionalOf(px(600002), core::Qty{1000}), 50000, kSpec).e8;
        QCOMPARE(fee, std::int64_t{9000020000}); // 120000.2 × 0.0005 + 60000.2 × 0.0005 USDT
        // Sell 1 BTC into the bid at 60000.00: realized (60000.00 − 60000.1333…) × 1.
        f.place(core::Side::Sell, OrderType::Market, 0, 1000, TimeInForce::Gtc, true);
        const SimFill& close = f.account().fills.back();
        // Entry cost share of 1 of 3 BTC: (600001×2000 + 600002×1000) / 3 = 1800004000/3 →
        // 600001333.
        QCOMPARE(close.realizedPnl.e8,
                 kSpec.toFixed8(core::Notional{600000 * 1000 - 600001333}).e8);
        QCOMPARE(close.realizedPnl.e8, -13330000); // −0.1333 USDT
        QCOMPARE(f.account().ledger.position().lots, std::int64_t{2000});
        QCOMPARE(f.account().ledger.wallet().e8,
                 10000 * kOne - fee - close.commission.e8 + close.realizedPnl.e8);
        // The user data stream got NEW, TRADE_LITE/TRADE/ACCOUNT_UPDATE per fill.
        QVERIFY(f.events.front().find(R"("x":"NEW")") != std::string::npos);
        QVERIFY(f.events.back().find(R"("e":"ACCOUNT_UPDATE")") != std::string::npos);
        QVERIFY(f.events.back().find(R"("pa":"2.000")") != std::string::npos);
    }

    void liquidationWhenTheMarkCrosses() {
        Fixture f;
        QVERIFY(!f.engine.setMarginType(f.account(), MarginType::Isolated));
        QVERIFY(!f.engine.setLeverage(f.account(), 100));
        f.place(core::Side::Buy, OrderType::Market, 0, 1000); // 1 BTC at 60000.10
        const AccountLedger& l = f.account().ledger;
        QCOMPARE(l.position().isolatedWallet.e8, 60000100000); // 600.001 USDT at 100×
        // (60000.1 − 600.001) / 0.996 = 59638.6536144578… → 59638.65361446
        QCOMPARE(l.liquidationPrice().e8, 5963865361446);
        // The book falls so that the mid is 59638.60: liquidated at the mark, as autoclose.
        f.book.set(core::Side::Buy, px(600000), core::Qty{});
        f.book.set(core::Side::Buy, px(599999), core::Qty{});
        f.book.set(core::Side::Sell, px(600001), core::Qty{});
        f.book.set(core::Side::Sell, px(600002), core::Qty{});
        f.book.set(core::Side::Buy, px(596385), core::Qty{1000});
        f.book.set(core::Side::Sell, px(596387), core::Qty{1000});
        f.engine.onBookChanged(9);
        QCOMPARE(l.position().lots, std::int64_t{0});
        const SimOrder& closing = f.account().orders.rbegin()->second;
        QVERIFY(closing.clientOrderId.rfind("autoclose-", 0) == 0);
        QCOMPARE(closing.price, px(596386));
        QCOMPARE(st(closing.status), st(OrderStatus::Filled));
        QVERIFY(f.events.back().find(R"("e":"ACCOUNT_UPDATE")") != std::string::npos);
        bool calculated = false;
        for (const std::string& e : f.events) {
            calculated = calculated || e.find(R"("x":"CALCULATED")") != std::string::npos;
        }
        QVERIFY(calculated);
    }

    void reduceOnlyRestingOrderExpiresWhenFlat() {
        Fixture f;
        f.place(core::Side::Buy, OrderType::Market, 0, 1000);
        const auto id =
            f.place(core::Side::Sell, OrderType::Limit, 600010, 1000, TimeInForce::Gtc, true);
        f.place(core::Side::Sell, OrderType::Market, 0, 1000, TimeInForce::Gtc, true); // flat now
        f.engine.onTrade(trade(600011, 1000, false), 3); // would fill the resting sell
        QCOMPARE(st(f.account().orders.at(id).status), st(OrderStatus::Expired));
        QCOMPARE(f.account().ledger.position().lots, std::int64_t{0});
    }
};

QTEST_GUILESS_MAIN(TestMatchingEngine)
#include "tst_matching_engine.moc"
