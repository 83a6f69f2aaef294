// The paper broker: walking the book, latency, fees, and a book that runs out.
// Qt headers first: moc (Qt 6.4) fails on <compare> when it comes before them.
#include <QTest>

#include "core/paper_broker.h"
#include "core/position.h"
#include "test_printers.h"

using namespace hoga::core;

namespace {
struct Recorder : ExecutionListener {
    std::vector<Fill> fills;
    std::vector<std::pair<Qty, Qty>> finished;
    void onFill(const Fill& f) override { fills.push_back(f); }
    void onOrderFinished(const std::string&, Qty filled, Qty unfilled, std::string_view) override {
        finished.emplace_back(filled, unfilled);
    }
};
OrderRequest order(Side side, std::int64_t lots, std::int64_t timeMs) {
    OrderRequest o;
    o.clientOrderId = "t-1";
    o.side = side;
    o.qty = Qty{lots};
    o.decisionTimeMs = timeMs;
    return o;
}
const InstrumentSpec kSpec = InstrumentSpec::btcusdtDefaults();
} // namespace

class TestPaperBroker : public QObject {
    Q_OBJECT
private Q_SLOTS:
    void buyWalksTheAsks();
    void sellWalksTheBids();
    void latencyUsesTheLaterBook();
    void exhaustedBookCancelsTheRest();
};

void TestPaperBroker::buyWalksTheAsks() {
    OrderBook book;
    book.set(Side::Sell, Price{1000}, Qty{5});  // 100.0 × 0.005
    book.set(Side::Sell, Price{1001}, Qty{10}); // 100.1 × 0.010
    book.set(Side::Sell, Price{1003}, Qty{1000});
    book.set(Side::Buy, Price{999}, Qty{100});
    Recorder r;
    PaperBroker broker(book, kSpec, 0, percentToRateE8(0.05), r);
    broker.onMarketTime(1000);
    broker.submit(order(Side::Buy, 12, 1000));
    QCOMPARE(r.fills.size(), std::size_t(2));
    QCOMPARE(r.fills[0].price, Price{1000});
    QCOMPARE(r.fills[0].qty, Qty{5});
    QCOMPARE(r.fills[0].fee.e8, qint64(25000)); // 0.5 USDT × 0.05 %
    QCOMPARE(r.fills[1].price, Price{1001});
    QCOMPARE(r.fills[1].qty, Qty{7});
    QCOMPARE(r.fills[1].fee.e8, qint64(35035)); // 0.7007 USDT × 0.05 %
    QCOMPARE(r.finished.size(), std::size_t(1));
    QCOMPARE(r.finished[0].second, Qty{0});
    QVERIFY(!broker.hasPendingOrders());
    QCOMPARE(book.qtyAt(Side::Sell, Price{1000}), Qty{5}); // the replayed book is not changed
}

void TestPaperBroker::sellWalksTheBids() {
    OrderBook book;
    book.set(Side::Buy, Price{999}, Qty{3});
    book.set(Side::Buy, Price{990}, Qty{3});
    book.set(Side::Sell, Price{1000}, Qty{3});
    Recorder r;
    PaperBroker broker(book, kSpec, 0, 0, r);
    broker.onMarketTime(5);
    broker.submit(order(Side::Sell, 5, 5));
    QCOMPARE(r.fills.size(), std::size_t(2));
    QCOMPARE(r.fills[0].price, Price{999});
    QCOMPARE(r.fills[1].price, Price{990});
    QCOMPARE(r.fills[1].qty, Qty{2});
    QCOMPARE(r.fills[1].fee.e8, qint64(0));
}

void TestPaperBroker::latencyUsesTheLaterBook() {
    OrderBook book;
    book.set(Side::Sell, Price{1000}, Qty{100});
    Recorder r;
    PaperBroker broker(book, kSpec, 5, 0, r);
    broker.onMarketTime(1000);
    broker.submit(order(Side::Buy, 1, 1000));
    QVERIFY(r.fills.empty());
    QVERIFY(broker.hasPendingOrders());
    broker.onMarketTime(1004);
    QVERIFY(r.fills.empty());
    book.set(Side::Sell, Price{1000}, Qty{0}); // the ask moved before our order arrived
    book.set(Side::Sell, Price{1010}, Qty{100});
    broker.onMarketTime(1005);
    QCOMPARE(r.fills.size(), std::size_t(1));
    QCOMPARE(r.fills[0].price, Price{1010});
    QCOMPARE(r.fills[0].timeMs, qint64(1005));
}

void TestPaperBroker::exhaustedBookCancelsTheRest() {
    OrderBook book;
    for (int i = 0; i < 100; ++i) { // more levels than one fetch, fewer than the order needs
        book.set(Side::Sell, Price{1000 + i}, Qty{1});
    }
    Recorder r;
    PaperBroker broker(book, kSpec, 0, 0, r);
    broker.onMarketTime(1);
    broker.submit(order(Side::Buy, 150, 1));
    QCOMPARE(r.fills.size(), std::size_t(100));
    QCOMPARE(r.fills.back().price, Price{1099});
    QCOMPARE(r.finished[0].first, Qty{100});
    QCOMPARE(r.finished[0].second, Qty{50});
}

QTEST_APPLESS_MAIN(TestPaperBroker)
#include "tst_paper_broker.moc"
