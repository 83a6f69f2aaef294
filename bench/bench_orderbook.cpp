// Cost of keeping the local book and of the queries the engine runs on every market event.
//
// The book imitates BTCUSDT futures: tick 0.1 at about 60,000 USDT, so a mid of 600,000 ticks,
// 5000 levels a side, dense near the top (90% of ticks filled) and thinner further out (60%).
// Update streams are generated beforehand, so the timed loop is one OrderBook::set per iteration;
// each stream follows the book it is applied to (an update to a present level is a modify or a
// delete, to an absent one an insert), so the book keeps its shape while the stream cycles.
//
//   bench_orderbook --benchmark_repetitions=9 --benchmark_report_aggregates_only=true

#include "core/orderbook.h"

#include <benchmark/benchmark.h>

#include <cstdint>
#include <random>
#include <vector>

namespace {

using hoga::core::OrderBook;
using hoga::core::Price;
using hoga::core::Qty;
using hoga::core::Side;

constexpr std::int64_t kMid = 600000;
constexpr int kLevelsPerSide = 5000;
constexpr std::size_t kStreamSize = std::size_t{1} << 20;

struct Update {
    Side side;
    Price price;
    Qty qty;
};

std::int64_t randomQty(std::mt19937_64& rng) {
    // Mostly small resting orders with the occasional large one, in lots of 0.001 BTC.
    return 1 + static_cast<std::int64_t>(std::exponential_distribution<double>(1.0 / 400.0)(rng));
}

// Ticks below/above the mid that hold a level, best first, for a realistic 5000-level side.
std::vector<std::int64_t> sideOffsets(std::mt19937_64& rng) {
    std::vector<std::int64_t> offsets;
    std::bernoulli_distribution nearTop(0.9);
    std::bernoulli_distribution farOut(0.6);
    for (std::int64_t offset = 1; static_cast<int>(offsets.size()) < kLevelsPerSide; ++offset) {
        if (offset < 200 ? nearTop(rng) : farOut(rng)) {
            offsets.push_back(offset);
        }
    }
    return offsets;
}

struct Scenario {
    OrderBook book;
    std::vector<Update> updates;
};

// nearTopShare: fraction of updates within 20 ticks of the mid; the rest are spread uniformly
// over the whole depth (a little beyond it, so the book's edge moves as well).
Scenario makeScenario(double nearTopShare, std::uint64_t seed) {
    std::mt19937_64 rng(seed);
    Scenario s;
    constexpr std::int64_t kDepth = 9000; // offsets tracked by the generator
    std::vector<std::int64_t> present[2] = {std::vector<std::int64_t>(kDepth + 1),
                                            std::vector<std::int64_t>(kDepth + 1)};
    for (int sideIndex = 0; sideIndex < 2; ++sideIndex) {
        const Side side = sideIndex == 0 ? Side::Buy : Side::Sell;
        for (const std::int64_t offset : sideOffsets(rng)) {
            const std::int64_t qty = randomQty(rng);
            present[sideIndex][offset] = qty;
            s.book.set(side, Price{side == Side::Buy ? kMid - offset : kMid + offset}, Qty{qty});
        }
    }
    std::bernoulli_distribution pickNearTop(nearTopShare);
    std::bernoulli_distribution pickDelete(0.3);
    std::uniform_int_distribution<std::int64_t> nearOffset(1, 20);
    std::uniform_int_distribution<std::int64_t> anyOffset(1, 7600);
    s.updates.reserve(kStreamSize);
    while (s.updates.size() < kStreamSize) {
        const int sideIndex = static_cast<int>(rng() & 1);
        const Side side = sideIndex == 0 ? Side::Buy : Side::Sell;
        const std::int64_t offset = pickNearTop(rng) ? nearOffset(rng) : anyOffset(rng);
        std::int64_t& qty = present[sideIndex][offset];
        // Present: modify, or delete 30% of the time; absent: insert. Near the top this keeps
        // about 3 in 4 ticks filled, with the best level itself removed and refilled often.
        qty = qty != 0 && pickDelete(rng) ? 0 : randomQty(rng);
        s.updates.push_back(
            Update{side, Price{side == Side::Buy ? kMid - offset : kMid + offset}, Qty{qty}});
    }
    return s;
}

void runUpdates(benchmark::State& state, double nearTopShare) {
    Scenario s = makeScenario(nearTopShare, 42);
    std::size_t i = 0;
    for (auto _ : state) {
        const Update& u = s.updates[i];
        s.book.set(u.side, u.price, u.qty);
        i = (i + 1) & (kStreamSize - 1);
    }
    benchmark::DoNotOptimize(s.book.bestBid());
    state.SetItemsProcessed(state.iterations());
    state.counters["bidLevels"] = static_cast<double>(s.book.levelCount(Side::Buy));
}

// 70% of updates at the top, 30% through the book: closest to what a depth stream carries.
void BM_LevelUpdateMixed(benchmark::State& state) {
    runUpdates(state, 0.7);
}
void BM_LevelUpdateNearTop(benchmark::State& state) {
    runUpdates(state, 1.0);
}
void BM_LevelUpdateSpread(benchmark::State& state) {
    runUpdates(state, 0.0);
}

// The worst ordinary case: the best bid is removed (the next one must be found) and put back.
void BM_LevelUpdateBestRemoved(benchmark::State& state) {
    Scenario s = makeScenario(0.7, 7);
    const auto best = *s.book.bestBid();
    std::int64_t n = 0;
    for (auto _ : state) {
        s.book.set(Side::Buy, best.price, Qty{(n & 1) == 0 ? 0 : best.qty.lots});
        ++n;
    }
    state.SetItemsProcessed(state.iterations());
}

// Far outliers live in the ordered overflow; updates there cost a map operation.
void BM_LevelUpdateOverflow(benchmark::State& state) {
    Scenario s = makeScenario(0.7, 9);
    std::vector<Update> far;
    std::mt19937_64 rng(11);
    std::uniform_int_distribution<std::int64_t> farAsk(10 * kMid, 1000 * kMid);
    for (int k = 0; k < 4096; ++k) {
        far.push_back(Update{Side::Sell, Price{farAsk(rng)}, Qty{(k & 1) == 0 ? 5 : 0}});
    }
    std::size_t i = 0;
    for (auto _ : state) {
        s.book.set(far[i].side, far[i].price, far[i].qty);
        i = (i + 1) & 4095;
    }
    state.SetItemsProcessed(state.iterations());
}

// Applying a full 5000-level-a-side snapshot to a cleared book (the resync path), per level.
void BM_SnapshotApply(benchmark::State& state) {
    Scenario s = makeScenario(0.7, 13);
    std::vector<hoga::core::Level> bids;
    std::vector<hoga::core::Level> asks;
    s.book.levels(Side::Buy, -1, bids);
    s.book.levels(Side::Sell, -1, asks);
    for (auto _ : state) {
        s.book.clear();
        for (std::size_t k = 0; k < bids.size(); ++k) {
            s.book.set(Side::Buy, bids[k].price, bids[k].qty);
            s.book.set(Side::Sell, asks[k].price, asks[k].qty);
        }
        benchmark::ClobberMemory();
    }
    state.SetItemsProcessed(state.iterations() * static_cast<std::int64_t>(2 * bids.size()));
}

// Queries run on the mixed book after a million updates, so it is not freshly built.
Scenario& queryScenario() {
    static Scenario s = [] {
        Scenario built = makeScenario(0.7, 42);
        for (const Update& u : built.updates) {
            built.book.set(u.side, u.price, u.qty);
        }
        return built;
    }();
    return s;
}

void BM_BestBid(benchmark::State& state) {
    const OrderBook& book = queryScenario().book;
    for (auto _ : state) {
        benchmark::DoNotOptimize(book.bestBid());
    }
}

void BM_TopLevels(benchmark::State& state) {
    const OrderBook& book = queryScenario().book;
    const int k = static_cast<int>(state.range(0));
    for (auto _ : state) {
        benchmark::DoNotOptimize(book.topLevels(Side::Buy, k));
    }
}

void BM_WithinBps(benchmark::State& state) {
    const OrderBook& book = queryScenario().book;
    const int bps = static_cast<int>(state.range(0));
    for (auto _ : state) {
        benchmark::DoNotOptimize(book.withinBps(Side::Sell, bps));
    }
    state.counters["levels"] = book.withinBps(Side::Sell, bps).levels;
}

void BM_ImbalanceTopLevels(benchmark::State& state) {
    const OrderBook& book = queryScenario().book;
    const int k = static_cast<int>(state.range(0));
    for (auto _ : state) {
        benchmark::DoNotOptimize(book.imbalanceTopLevels(k));
    }
}

void BM_ImbalanceWithinBps(benchmark::State& state) {
    const OrderBook& book = queryScenario().book;
    const int bps = static_cast<int>(state.range(0));
    for (auto _ : state) {
        benchmark::DoNotOptimize(book.imbalanceWithinBps(bps));
    }
}

} // namespace

BENCHMARK(BM_LevelUpdateMixed);
BENCHMARK(BM_LevelUpdateNearTop);
BENCHMARK(BM_LevelUpdateSpread);
BENCHMARK(BM_LevelUpdateBestRemoved);
BENCHMARK(BM_LevelUpdateOverflow);
BENCHMARK(BM_SnapshotApply);
BENCHMARK(BM_BestBid);
BENCHMARK(BM_TopLevels)->Arg(10)->Arg(20);
BENCHMARK(BM_WithinBps)->Arg(10)->Arg(50);
BENCHMARK(BM_ImbalanceTopLevels)->Arg(10)->Arg(20);
BENCHMARK(BM_ImbalanceWithinBps)->Arg(10)->Arg(50);

BENCHMARK_MAIN();
