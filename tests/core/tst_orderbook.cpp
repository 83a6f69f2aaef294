// Qt first: moc 6.4 fails with "Parse error at std" when <compare> (from core/price.h) is the
// first header it reads.
#include <QTest>
// (a separate block, so clang-format keeps this order)
#include "core/orderbook.h"

#include <cstdint>
#include <map>
#include <random>
#include <string>
#include <utility>

namespace hoga::core {

// Readable QCOMPARE failures; QTest finds these by argument-dependent lookup.
char* toString(const Level& level) {
    const std::string text =
        std::to_string(level.qty.lots) + " @ " + std::to_string(level.price.ticks);
    return qstrdup(text.c_str());
}

char* toString(const std::optional<Level>& level) {
    return level ? toString(*level) : qstrdup("(none)");
}

char* toString(const Qty& qty) {
    return qstrdup(std::to_string(qty.lots).c_str());
}

char* toString(const DepthSum& sum) {
    const std::string text = "{qty " + std::to_string(sum.qty.lots) + ", notional " +
                             std::to_string(sum.notional.units) + ", levels " +
                             std::to_string(sum.levels) + "}";
    return qstrdup(text.c_str());
}

bool operator==(const DepthSum& a, const DepthSum& b) {
    return a.qty == b.qty && a.notional == b.notional && a.levels == b.levels;
}

} // namespace hoga::core

using hoga::core::DepthSum;
using hoga::core::Level;
using hoga::core::OrderBook;
using hoga::core::Price;
using hoga::core::Qty;
using hoga::core::Side;

namespace {

__extension__ using Int128 = __int128;

constexpr Side kBuy = Side::Buy;
constexpr Side kSell = Side::Sell;

std::optional<Level> level(std::int64_t ticks, std::int64_t lots) {
    return Level{Price{ticks}, Qty{lots}};
}

DepthSum depth(std::int64_t lots, std::int64_t notional, int levels) {
    return DepthSum{Qty{lots}, hoga::core::Notional{notional}, levels};
}

// The obviously-correct model the differential test compares against: one ordered map per side.
struct ReferenceBook {
    std::map<std::int64_t, std::int64_t> bids;
    std::map<std::int64_t, std::int64_t> asks;

    void set(Side side, std::int64_t ticks, std::int64_t lots) {
        auto& book = side == kBuy ? bids : asks;
        if (lots == 0) {
            book.erase(ticks);
        } else {
            book[ticks] = lots;
        }
    }
    std::optional<Level> bestBid() const {
        return bids.empty() ? std::nullopt : level(bids.rbegin()->first, bids.rbegin()->second);
    }
    std::optional<Level> bestAsk() const {
        return asks.empty() ? std::nullopt : level(asks.begin()->first, asks.begin()->second);
    }
    // Best-first walk, keeping levels while `keep(ticks)` holds and at most k of them.
    template <typename Keep>
    DepthSum sum(Side side, int k, Keep keep) const {
        DepthSum out;
        auto add = [&](std::int64_t ticks, std::int64_t lots) {
            if (out.levels >= k || !keep(ticks)) {
                return false;
            }
            out.qty += Qty{lots};
            out.notional += hoga::core::notionalOf(Price{ticks}, Qty{lots});
            ++out.levels;
            return true;
        };
        if (side == kBuy) {
            for (auto it = bids.rbegin(); it != bids.rend() && add(it->first, it->second); ++it) {
            }
        } else {
            for (auto it = asks.begin(); it != asks.end() && add(it->first, it->second); ++it) {
            }
        }
        return out;
    }
    DepthSum top(Side side, int k) const {
        return sum(side, k, [](std::int64_t) { return true; });
    }
    // Straight from the definition: price × 2 × 10⁴ against midX2 × (10⁴ ∓ bps).
    DepthSum within(Side side, int bps) const {
        if (bids.empty() || asks.empty()) {
            return {};
        }
        const Int128 midX2 = Int128{bids.rbegin()->first} + asks.begin()->first;
        return sum(side, INT32_MAX, [&](std::int64_t ticks) {
            return side == kBuy ? Int128{ticks} * 20000 >= midX2 * (10000 - bps)
                                : Int128{ticks} * 20000 <= midX2 * (10000 + bps);
        });
    }
    std::vector<Level> levels(Side side) const {
        std::vector<Level> out;
        if (side == kBuy) {
            for (auto it = bids.rbegin(); it != bids.rend(); ++it) {
                out.push_back(Level{Price{it->first}, Qty{it->second}});
            }
        } else {
            for (const auto& [ticks, lots] : asks) {
                out.push_back(Level{Price{ticks}, Qty{lots}});
            }
        }
        return out;
    }
};

// Applies to both the book and the reference.
struct Pair {
    OrderBook book;
    ReferenceBook ref;
    void set(Side side, std::int64_t ticks, std::int64_t lots) {
        book.set(side, Price{ticks}, Qty{lots});
        ref.set(side, ticks, lots);
    }
};

std::vector<Level> allLevels(const OrderBook& book, Side side) {
    std::vector<Level> out;
    book.levels(side, -1, out);
    return out;
}

// Compares every query; returns an empty string when the book matches the reference.
std::string mismatch(const OrderBook& book, const ReferenceBook& ref, bool full) {
    if (book.bestBid() != ref.bestBid() || book.bestAsk() != ref.bestAsk()) {
        return "best levels";
    }
    if (book.levelCount(kBuy) != ref.bids.size() || book.levelCount(kSell) != ref.asks.size()) {
        return "level counts";
    }
    if (!full) {
        return {};
    }
    for (const Side side : {kBuy, kSell}) {
        for (const int k : {1, 5, 10, 20, 1000}) {
            if (!(book.topLevels(side, k) == ref.top(side, k))) {
                return "topLevels k=" + std::to_string(k);
            }
        }
        for (const int bps : {0, 1, 10, 50, 500, 10000}) {
            if (!(book.withinBps(side, bps) == ref.within(side, bps))) {
                return "withinBps bps=" + std::to_string(bps);
            }
        }
    }
    const bool crossed =
        ref.bestBid() && ref.bestAsk() && ref.bestBid()->price >= ref.bestAsk()->price;
    if (book.isCrossed() != crossed) {
        return "isCrossed";
    }
    return {};
}

// One update aimed at the book's existing levels: mostly deletes and modifies near the best,
// sometimes anywhere on the side, plus deletes of absent levels and far outliers.
void applyToExisting(Pair& p, Side side, std::int64_t mid, std::mt19937_64& rng) {
    auto uniform = [&](std::int64_t lo, std::int64_t hi) {
        return std::uniform_int_distribution<std::int64_t>(lo, hi)(rng);
    };
    const auto& ref = side == kBuy ? p.ref.bids : p.ref.asks;
    const std::int64_t away = side == kBuy ? -1 : 1;
    const std::int64_t best = side == kBuy ? ref.rbegin()->first : ref.begin()->first;
    const std::int64_t probe = uniform(0, 4) == 0
                                   ? uniform(ref.begin()->first, ref.rbegin()->first)
                                   : best + away * uniform(0, std::int64_t{1} << uniform(0, 12));
    auto it = ref.lower_bound(probe);
    if (it == ref.end()) {
        --it;
    }
    const std::int64_t existing = it->first;
    const std::int64_t kind = uniform(0, 99);
    if (kind < 75) {
        p.set(side, existing, 0);
    } else if (kind < 85) {
        p.set(side, existing, uniform(1, 1000));
    } else if (kind < 92) { // a delete for a level that most likely is not there
        p.set(side, std::max<std::int64_t>(1, mid + uniform(-5000, 5000)), 0);
    } else if (kind < 97) { // a far outlier, mostly on the far side, sometimes crossing
        const bool crossing = uniform(0, 9) == 0;
        const std::int64_t ticks =
            (side == kBuy) != crossing ? uniform(1, mid / 2) : uniform(2 * mid, 4000000000);
        p.set(side, ticks, uniform(1, 1000));
    } else { // remove the side's worst level (often an outlier)
        p.set(side, side == kBuy ? ref.begin()->first : ref.rbegin()->first, 0);
    }
}

} // namespace

class TestOrderBook : public QObject {
    Q_OBJECT

private Q_SLOTS:
    void setModifyDelete();
    void deleteUnknownIsNoOp();
    void invalidInputIsIgnored();
    void bestAfterRemovals();
    void levelCounts();
    void topLevelsSums();
    void withinBpsBoundaries();
    void imbalance();
    void crossedDetection();
    void overflowFarLevels();
    void bidAboveWindowIsBest();
    void recenterAfterDrift();
    void recenterAfterJumpBeyondWindow();
    void clearResets();
    void moveKeepsState();
    void levelsListing();
    void randomizedDifferential();
};

void TestOrderBook::setModifyDelete() {
    OrderBook book;
    QVERIFY(book.empty());
    QCOMPARE(book.bestBid(), std::nullopt);

    book.set(kBuy, Price{600000}, Qty{5});
    QCOMPARE(book.qtyAt(kBuy, Price{600000}), Qty{5});
    QCOMPARE(book.qtyAt(kSell, Price{600000}), Qty{0}); // sides are independent
    QCOMPARE(book.bestBid(), level(600000, 5));
    QCOMPARE(book.bestAsk(), std::nullopt);
    QVERIFY(!book.empty());

    book.set(kBuy, Price{600000}, Qty{7});
    QCOMPARE(book.bestBid(), level(600000, 7));
    QCOMPARE(book.levelCount(kBuy), std::size_t{1});

    book.set(kBuy, Price{600000}, Qty{0});
    QCOMPARE(book.bestBid(), std::nullopt);
    QCOMPARE(book.qtyAt(kBuy, Price{600000}), Qty{0});
    QCOMPARE(book.levelCount(kBuy), std::size_t{0});
    QVERIFY(book.empty());
}

void TestOrderBook::deleteUnknownIsNoOp() {
    OrderBook book;
    book.set(kSell, Price{600010}, Qty{0}); // on a book that has never seen a level
    QVERIFY(book.empty());

    book.set(kBuy, Price{600000}, Qty{3});
    book.set(kSell, Price{600010}, Qty{4});
    book.set(kBuy, Price{599999}, Qty{0});     // absent, inside the window
    book.set(kBuy, Price{600010}, Qty{0});     // present on the other side only
    book.set(kSell, Price{1}, Qty{0});         // far outside the window
    book.set(kSell, Price{900000000}, Qty{0}); // far outside the window
    QCOMPARE(book.levelCount(kBuy), std::size_t{1});
    QCOMPARE(book.levelCount(kSell), std::size_t{1});
    QCOMPARE(book.bestBid(), level(600000, 3));
    QCOMPARE(book.bestAsk(), level(600010, 4));
    QCOMPARE(book.outsideWindowCount(kSell), std::size_t{0});
}

void TestOrderBook::invalidInputIsIgnored() {
    OrderBook book;
    book.set(kBuy, Price{0}, Qty{5});
    book.set(kBuy, Price{-100}, Qty{5});
    book.set(kSell, Price{std::int64_t{1} << 62}, Qty{5});
    QVERIFY(book.empty());
    QCOMPARE(book.qtyAt(kBuy, Price{-100}), Qty{0});

    book.set(kBuy, Price{100}, Qty{5});
    book.set(kBuy, Price{100}, Qty{-1}); // a negative quantity removes, like 0
    QVERIFY(book.empty());
}

void TestOrderBook::bestAfterRemovals() {
    OrderBook book;
    // Gaps of 1, 9, 2990 (several bitmap words) and 97000 (several summary words).
    for (const std::int64_t ticks : {600000, 599999, 599990, 597000, 500000}) {
        book.set(kBuy, Price{ticks}, Qty{ticks % 7 + 1});
    }
    for (const std::int64_t ticks : {600001, 600100, 700000}) {
        book.set(kSell, Price{ticks}, Qty{2});
    }
    book.set(kBuy, Price{599990}, Qty{0}); // not the best: best unchanged
    QCOMPARE(book.bestBid()->price, Price{600000});

    book.set(kBuy, Price{600000}, Qty{0});
    QCOMPARE(book.bestBid()->price, Price{599999});
    book.set(kBuy, Price{599999}, Qty{0});
    QCOMPARE(book.bestBid()->price, Price{597000});
    book.set(kBuy, Price{597000}, Qty{0});
    QCOMPARE(book.bestBid(), level(500000, 500000 % 7 + 1));
    book.set(kBuy, Price{500000}, Qty{0});
    QCOMPARE(book.bestBid(), std::nullopt);

    book.set(kSell, Price{600001}, Qty{0});
    QCOMPARE(book.bestAsk()->price, Price{600100});
    book.set(kSell, Price{600100}, Qty{0});
    QCOMPARE(book.bestAsk(), level(700000, 2));
    book.set(kSell, Price{650000}, Qty{9}); // a better ask arrives
    QCOMPARE(book.bestAsk(), level(650000, 9));
    book.set(kSell, Price{650000}, Qty{0});
    QCOMPARE(book.bestAsk(), level(700000, 2));
}

void TestOrderBook::levelCounts() {
    OrderBook book;
    for (std::int64_t i = 0; i < 300; ++i) {
        book.set(kBuy, Price{600000 - 3 * i}, Qty{i + 1});
        book.set(kSell, Price{600001 + i}, Qty{i + 1});
    }
    book.set(kBuy, Price{2}, Qty{1}); // overflow levels count too
    book.set(kSell, Price{5000000000}, Qty{1});
    QCOMPARE(book.levelCount(kBuy), std::size_t{301});
    QCOMPARE(book.levelCount(kSell), std::size_t{301});

    for (std::int64_t i = 0; i < 300; i += 2) {
        book.set(kBuy, Price{600000 - 3 * i}, Qty{77}); // modifies do not count
    }
    QCOMPARE(book.levelCount(kBuy), std::size_t{301});
    for (std::int64_t i = 0; i < 100; ++i) {
        book.set(kSell, Price{600001 + i}, Qty{0});
        book.set(kSell, Price{600001 + i}, Qty{0}); // twice: the second is a no-op
    }
    book.set(kBuy, Price{2}, Qty{0});
    QCOMPARE(book.levelCount(kBuy), std::size_t{300});
    QCOMPARE(book.levelCount(kSell), std::size_t{201});
}

void TestOrderBook::topLevelsSums() {
    OrderBook book;
    for (std::int64_t i = 0; i < 100; ++i) {
        book.set(kBuy, Price{600000 - 2 * i}, Qty{i + 1});
        book.set(kSell, Price{600005 + 3 * i}, Qty{10 * (i + 1)});
    }
    std::int64_t qty = 0;
    std::int64_t notional = 0;
    for (std::int64_t i = 0; i < 10; ++i) {
        qty += i + 1;
        notional += (600000 - 2 * i) * (i + 1);
    }
    QCOMPARE(book.topLevels(kBuy, 10), depth(qty, notional, 10));

    qty = 0;
    notional = 0;
    for (std::int64_t i = 0; i < 20; ++i) {
        qty += 10 * (i + 1);
        notional += (600005 + 3 * i) * 10 * (i + 1);
    }
    QCOMPARE(book.topLevels(kSell, 20), depth(qty, notional, 20));
    QCOMPARE(book.topLevels(kBuy, 1), depth(1, 600000, 1));
    QCOMPARE(book.topLevels(kBuy, 0), DepthSum{});
    QCOMPARE(book.topLevels(kBuy, -3), DepthSum{});
    QCOMPARE(book.topLevels(kBuy, 1000).levels, 100); // k beyond the book: everything
    QCOMPARE(book.topLevels(kBuy, 1000).qty, Qty{5050});
}

void TestOrderBook::withinBpsBoundaries() {
    OrderBook book;
    QCOMPARE(book.withinBps(kBuy, 10), DepthSum{}); // no mid

    // Mid exactly 10000: 10 bps is 10 ticks, and both bounds are included.
    book.set(kBuy, Price{9999}, Qty{1});
    book.set(kBuy, Price{9990}, Qty{2});
    book.set(kBuy, Price{9989}, Qty{4});
    QCOMPARE(book.withinBps(kBuy, 10), DepthSum{}); // still no ask, so no mid
    book.set(kSell, Price{10001}, Qty{8});
    book.set(kSell, Price{10010}, Qty{16});
    book.set(kSell, Price{10011}, Qty{32});
    QCOMPARE(book.midTicksTimesTwo(), std::optional<std::int64_t>{20000});
    QCOMPARE(book.withinBps(kBuy, 10), depth(3, 9999 + 2 * 9990, 2));
    QCOMPARE(book.withinBps(kSell, 10), depth(24, 8 * 10001 + 16 * 10010, 2));
    QCOMPARE(book.withinBps(kBuy, 0), DepthSum{});   // nothing at or above the mid
    QCOMPARE(book.withinBps(kBuy, 20000).levels, 3); // a bound below zero takes everything
    QCOMPARE(book.withinBps(kSell, 20000).levels, 3);

    // Half-tick mid 10312.5: 16 bps lands exactly on 10296 and 10329.
    book.clear();
    book.set(kBuy, Price{10312}, Qty{1});
    book.set(kBuy, Price{10296}, Qty{2});
    book.set(kBuy, Price{10295}, Qty{4});
    book.set(kSell, Price{10313}, Qty{8});
    book.set(kSell, Price{10329}, Qty{16});
    book.set(kSell, Price{10330}, Qty{32});
    QCOMPARE(book.midTicksTimesTwo(), std::optional<std::int64_t>{20625});
    QCOMPARE(book.withinBps(kBuy, 16), depth(3, 10312 + 2 * 10296, 2));
    QCOMPARE(book.withinBps(kSell, 16), depth(24, 8 * 10313 + 16 * 10329, 2));
    QCOMPARE(book.withinBps(kBuy, 15).levels, 1);
    QCOMPARE(book.withinBps(kSell, 15).levels, 1);
    QCOMPARE(book.withinBps(kBuy, 0).levels, 0); // 10312 < 10312.5
    QCOMPARE(book.withinBps(kSell, 0).levels, 0);
}

void TestOrderBook::imbalance() {
    OrderBook book;
    QCOMPARE(book.imbalanceTopLevels(5), 0.0);
    QCOMPARE(book.imbalanceWithinBps(10), 0.0);

    book.set(kBuy, Price{600000}, Qty{30});
    QCOMPARE(book.imbalanceTopLevels(1), 1.0);  // asks empty
    QCOMPARE(book.imbalanceWithinBps(10), 0.0); // no mid, no window
    book.set(kSell, Price{600001}, Qty{10});
    QCOMPARE(book.imbalanceTopLevels(1), 0.5);
    book.set(kSell, Price{600002}, Qty{20});
    QCOMPARE(book.imbalanceTopLevels(1), 0.5);
    QCOMPARE(book.imbalanceTopLevels(2), 0.0);
    book.set(kSell, Price{601000}, Qty{60}); // about 16.7 bps away
    QCOMPARE(book.imbalanceTopLevels(3), (30.0 - 90.0) / 120.0);
    QCOMPARE(book.imbalanceWithinBps(10), 0.0);
    QCOMPARE(book.imbalanceWithinBps(20), (30.0 - 90.0) / 120.0);
    book.set(kBuy, Price{600000}, Qty{0});
    QCOMPARE(book.imbalanceTopLevels(3), -1.0);
}

void TestOrderBook::crossedDetection() {
    OrderBook book;
    QVERIFY(!book.isCrossed());
    book.set(kBuy, Price{101}, Qty{1});
    QVERIFY(!book.isCrossed()); // one side only
    QCOMPARE(book.spreadTicks(), std::nullopt);
    book.set(kSell, Price{102}, Qty{1});
    QVERIFY(!book.isCrossed());
    QCOMPARE(book.spreadTicks(), std::optional<std::int64_t>{1});
    book.set(kBuy, Price{102}, Qty{1});
    QVERIFY(book.isCrossed()); // equal prices count as crossed
    QCOMPARE(book.spreadTicks(), std::optional<std::int64_t>{0});
    book.set(kBuy, Price{103}, Qty{1});
    QVERIFY(book.isCrossed());
    QCOMPARE(book.spreadTicks(), std::optional<std::int64_t>{-1});
    book.set(kBuy, Price{103}, Qty{0});
    book.set(kBuy, Price{102}, Qty{0});
    QVERIFY(!book.isCrossed());
    QCOMPARE(book.midTicksTimesTwo(), std::optional<std::int64_t>{203});
}

void TestOrderBook::overflowFarLevels() {
    Pair p;
    for (std::int64_t i = 0; i < 50; ++i) {
        p.set(kBuy, 600000 - i, 1 + i);
        p.set(kSell, 600001 + i, 2 + i);
    }
    p.set(kBuy, 1, 11);
    p.set(kSell, 1000000000, 13);
    QCOMPARE(p.book.outsideWindowCount(kBuy), std::size_t{1});
    QCOMPARE(p.book.outsideWindowCount(kSell), std::size_t{1});
    QCOMPARE(p.book.bestBid(), level(600000, 1));
    QCOMPARE(p.book.levelCount(kBuy), std::size_t{51});
    QCOMPARE(allLevels(p.book, kBuy).back(), (Level{Price{1}, Qty{11}}));
    QCOMPARE(allLevels(p.book, kSell).back(), (Level{Price{1000000000}, Qty{13}}));
    QCOMPARE(p.book.topLevels(kSell, 51), p.ref.top(kSell, 51));
    QCOMPARE(mismatch(p.book, p.ref, true), std::string{});

    // Only the outliers left: they are the best levels, and the mid is theirs.
    for (std::int64_t i = 0; i < 50; ++i) {
        p.set(kBuy, 600000 - i, 0);
        p.set(kSell, 600001 + i, 0);
    }
    QCOMPARE(p.book.bestBid(), level(1, 11));
    QCOMPARE(p.book.bestAsk(), level(1000000000, 13));
    QCOMPARE(p.book.midTicksTimesTwo(), std::optional<std::int64_t>{1000000001});
    QCOMPARE(p.book.withinBps(kBuy, 10000), depth(11, 11, 1));
    QCOMPARE(p.book.withinBps(kSell, 10000), depth(13, 13000000000, 1));
    QCOMPARE(mismatch(p.book, p.ref, true), std::string{});
}

void TestOrderBook::bidAboveWindowIsBest() {
    Pair p;
    for (std::int64_t i = 0; i < 100; ++i) {
        p.set(kBuy, 600000 - i, 5);
        p.set(kSell, 600001 + i, 5);
    }
    p.set(kBuy, 5000000, 3); // far above the bids' window
    p.set(kSell, 1000, 4);   // far below the asks' window
    QCOMPARE(p.book.outsideWindowCount(kBuy), std::size_t{1});
    QCOMPARE(p.book.bestBid(), level(5000000, 3));
    QCOMPARE(p.book.bestAsk(), level(1000, 4));
    QVERIFY(p.book.isCrossed());
    QCOMPARE(p.book.topLevels(kBuy, 2), depth(8, 3 * 5000000 + 5 * 600000, 2));
    QCOMPARE(mismatch(p.book, p.ref, true), std::string{});

    p.set(kBuy, 5000000, 0);
    p.set(kSell, 1000, 0);
    QCOMPARE(p.book.bestBid(), level(600000, 5));
    QCOMPARE(p.book.bestAsk(), level(600001, 5));
    QVERIFY(!p.book.isCrossed());
    QCOMPARE(mismatch(p.book, p.ref, true), std::string{});
}

// Moves a whole 5000-level book from one price to another, level by level as a live feed would,
// checking every query along the way.
static void driftBook(Pair& p, std::int64_t from, std::int64_t to) {
    for (std::int64_t i = 0; i < 5000; ++i) {
        p.set(kBuy, to - 1 - i, 1 + i % 17);
        p.set(kSell, to + 1 + i, 1 + i % 13);
        p.set(kBuy, from - 1 - i, 0);
        p.set(kSell, from + 1 + i, 0);
        if (i % 250 == 0) {
            QCOMPARE(mismatch(p.book, p.ref, true), std::string{});
        }
    }
    QCOMPARE(mismatch(p.book, p.ref, true), std::string{});
    QCOMPARE(allLevels(p.book, kBuy), p.ref.levels(kBuy));
    QCOMPARE(allLevels(p.book, kSell), p.ref.levels(kSell));
}

void TestOrderBook::recenterAfterDrift() {
    Pair p;
    for (std::int64_t i = 0; i < 5000; ++i) {
        p.set(kBuy, 599999 - i, 1 + i % 7);
        p.set(kSell, 600001 + i, 1 + i % 5);
    }
    driftBook(p, 600000, 1500000);
    // Recentered: the whole book is back in the dense window.
    QCOMPARE(p.book.outsideWindowCount(kBuy), std::size_t{0});
    QCOMPARE(p.book.outsideWindowCount(kSell), std::size_t{0});
    QCOMPARE(p.book.midTicksTimesTwo(), std::optional<std::int64_t>{3000000});

    driftBook(p, 1500000, 600000);
    QCOMPARE(p.book.outsideWindowCount(kBuy), std::size_t{0});
    QCOMPARE(p.book.outsideWindowCount(kSell), std::size_t{0});
    QCOMPARE(p.book.bestBid(), level(599999, 1));
}

void TestOrderBook::recenterAfterJumpBeyondWindow() {
    // The window is at most 2^22 ticks, so a book at 5·10^7 cannot share it with one at 6·10^5:
    // levels have to move between window and overflow in both directions.
    Pair p;
    for (std::int64_t i = 0; i < 5000; ++i) {
        p.set(kBuy, 599999 - i, 2);
        p.set(kSell, 600001 + i, 3);
    }
    driftBook(p, 600000, 50000000);
    QCOMPARE(p.book.outsideWindowCount(kBuy), std::size_t{0});
    QCOMPARE(p.book.outsideWindowCount(kSell), std::size_t{0});
    driftBook(p, 50000000, 600000);
    QCOMPARE(p.book.outsideWindowCount(kBuy), std::size_t{0});
    QCOMPARE(p.book.outsideWindowCount(kSell), std::size_t{0});
}

void TestOrderBook::clearResets() {
    OrderBook book;
    for (std::int64_t i = 0; i < 1000; ++i) {
        book.set(kBuy, Price{600000 - i}, Qty{1});
        book.set(kSell, Price{600001 + i}, Qty{1});
    }
    // Outliers on both ends of both sides: clear() must drop the overflow too.
    book.set(kBuy, Price{3}, Qty{1});
    book.set(kBuy, Price{90000000}, Qty{1});
    book.set(kSell, Price{3}, Qty{1});
    book.set(kSell, Price{90000000}, Qty{1});
    QCOMPARE(book.outsideWindowCount(kBuy), std::size_t{2});
    book.clear();
    QVERIFY(book.empty());
    QCOMPARE(book.levelCount(kBuy), std::size_t{0});
    QCOMPARE(book.levelCount(kSell), std::size_t{0});
    QCOMPARE(book.qtyAt(kSell, Price{90000000}), Qty{0});
    QCOMPARE(book.bestBid(), std::nullopt);
    QCOMPARE(book.bestAsk(), std::nullopt);
    QCOMPARE(book.qtyAt(kBuy, Price{600000}), Qty{0});
    QCOMPARE(book.qtyAt(kBuy, Price{3}), Qty{0});
    QCOMPARE(book.outsideWindowCount(kBuy), std::size_t{0});
    QCOMPARE(book.topLevels(kBuy, 10), DepthSum{});

    // A snapshot at a very different price after the clear lands in the window, not the overflow.
    for (std::int64_t i = 0; i < 1000; ++i) {
        book.set(kBuy, Price{3000000 - i}, Qty{2});
        book.set(kSell, Price{3000001 + i}, Qty{2});
    }
    QCOMPARE(book.outsideWindowCount(kBuy), std::size_t{0});
    QCOMPARE(book.outsideWindowCount(kSell), std::size_t{0});
    QCOMPARE(book.bestBid(), level(3000000, 2));
    QCOMPARE(book.levelCount(kSell), std::size_t{1000});
}

void TestOrderBook::moveKeepsState() {
    OrderBook a;
    a.set(kBuy, Price{600000}, Qty{4});
    a.set(kSell, Price{600002}, Qty{6});
    a.set(kSell, Price{900000000}, Qty{1});

    OrderBook b(std::move(a));
    QCOMPARE(b.bestBid(), level(600000, 4));
    QCOMPARE(b.bestAsk(), level(600002, 6));
    QCOMPARE(b.levelCount(kSell), std::size_t{2});

    // The moved-from book is valid and empty, and usable again.
    QVERIFY(a.empty()); // NOLINT(bugprone-use-after-move)
    QCOMPARE(a.bestBid(), std::nullopt);
    QCOMPARE(a.withinBps(kBuy, 10), DepthSum{});
    a.set(kBuy, Price{100}, Qty{1});
    QCOMPARE(a.bestBid(), level(100, 1));
    a.clear();

    OrderBook c;
    c.set(kBuy, Price{5}, Qty{5});
    c = std::move(b);
    QCOMPARE(c.bestBid(), level(600000, 4));
    QCOMPARE(c.qtyAt(kSell, Price{900000000}), Qty{1});
    QCOMPARE(c.qtyAt(kBuy, Price{5}), Qty{0});
}

void TestOrderBook::levelsListing() {
    OrderBook book;
    for (const std::int64_t ticks : {600000, 599998, 599990, 2}) {
        book.set(kBuy, Price{ticks}, Qty{ticks % 10 + 1});
    }
    std::vector<Level> out{Level{Price{42}, Qty{42}}};
    book.levels(kBuy, 2, out); // appends, best first
    QCOMPARE(out.size(), std::size_t{3});
    QCOMPARE(out[0], (Level{Price{42}, Qty{42}}));
    QCOMPARE(out[1], (Level{Price{600000}, Qty{1}}));
    QCOMPARE(out[2], (Level{Price{599998}, Qty{9}}));

    out.clear();
    book.levels(kBuy, 0, out);
    QVERIFY(out.empty());
    book.levels(kBuy, -1, out);
    QCOMPARE(out.size(), std::size_t{4});
    QCOMPARE(out.back(), (Level{Price{2}, Qty{3}}));
    out.clear();
    book.levels(kSell, -1, out);
    QVERIFY(out.empty());
}

void TestOrderBook::randomizedDifferential() {
    std::mt19937_64 rng(20240808);
    auto uniform = [&](std::int64_t lo, std::int64_t hi) {
        return std::uniform_int_distribution<std::int64_t>(lo, hi)(rng);
    };
    // 0..4096, most of the mass close to 0: where a depth stream's updates land.
    auto skewed = [&] { return uniform(0, std::int64_t{1} << uniform(0, 12)); };

    Pair p;
    std::int64_t mid = 600000;
    std::int64_t target = mid;
    std::size_t maxOutside = 0;
    constexpr int kOps = 100000;
    constexpr double kTargetLevels = 3000; // per side; the insert rate leans towards it
    for (int op = 0; op < kOps; ++op) {
        // Regimes: a slow walk, a drift to 1.5M and back, and a drift down towards 20000.
        if (op == 20000) {
            target = 1500000;
        } else if (op == 45000) {
            target = 600000;
        } else if (op == 70000) {
            target = 20000;
        }
        mid += std::clamp<std::int64_t>(target - mid, -60, 60) + uniform(-2, 2);

        const Side side = uniform(0, 1) == 0 ? kBuy : kSell;
        const auto& ref = side == kBuy ? p.ref.bids : p.ref.asks;
        const std::int64_t away = side == kBuy ? -1 : 1; // direction away from the mid
        const double size = static_cast<double>(ref.size());
        const double insertShare = std::clamp(0.45 + 0.25 * (1 - size / kTargetLevels), 0.2, 0.7);
        const double roll = std::uniform_real_distribution<double>(0, 1)(rng);
        if (roll < insertShare || ref.empty()) { // insert or modify near the mid
            p.set(side, std::max<std::int64_t>(1, mid + away * (1 + skewed())), uniform(1, 1000));
        } else {
            applyToExisting(p, side, mid, rng);
        }

        maxOutside = std::max(maxOutside, p.book.outsideWindowCount(side));
        const bool full = op % 97 == 0;
        const std::string diff = mismatch(p.book, p.ref, full);
        if (!diff.empty()) {
            QFAIL(("op " + std::to_string(op) + ": " + diff).c_str());
        }
        if (full) {
            const std::int64_t at = mid + uniform(-4000, 4000);
            const auto refIt = ref.find(at);
            QCOMPARE(p.book.qtyAt(side, Price{at}), Qty{refIt == ref.end() ? 0 : refIt->second});
        }
        if (op % 5000 == 0) {
            QCOMPARE(allLevels(p.book, kBuy), p.ref.levels(kBuy));
            QCOMPARE(allLevels(p.book, kSell), p.ref.levels(kSell));
        }
    }
    QCOMPARE(mismatch(p.book, p.ref, true), std::string{});
    QCOMPARE(allLevels(p.book, kBuy), p.ref.levels(kBuy));
    QCOMPARE(allLevels(p.book, kSell), p.ref.levels(kSell));
    // The run must have exercised a real book and the overflow.
    QVERIFY(p.ref.bids.size() > 500);
    QVERIFY(p.ref.asks.size() > 500);
    QVERIFY(maxOutside > 100);
}

QTEST_APPLESS_MAIN(TestOrderBook)
#include "tst_orderbook.moc"
