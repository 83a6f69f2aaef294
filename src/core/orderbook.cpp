#include "orderbook.h"

#include <algorithm>
#include <bit>
#include <cstdlib>
#include <map>
#include <new>
#include <utility>

// Layout. Each side is a Ladder that works in "rank" space, rank = ticks for asks and −ticks for
// bids, so that the best level is always the lowest rank and one implementation serves both sides.
//
// - A dense window of 2^n ticks holds the quantities, indexed by rank − base. It is calloc'ed, so
//   the pages a book never touches cost no memory; its size is the first price rounded up to a
//   power of two, which covers 0.5×–1.5× of that price (clamped to 2^12..2^22 ticks).
// - A two-level bitmap marks the present levels: one bit per tick and a summary with one bit per
//   non-empty 64-bit word. Finding the next level after the best is removed, and iterating
//   best-first, skip 64 empty ticks per word and 4096 per summary bit with std::countr_zero.
// - Levels outside the window (absurd prices, or a market that has drifted away) live in two
//   ordered maps keyed by integer rank: `better` (rank below the window: bids above it, asks below
//   it) and `worse` (rank above the window). Best-first order is better → window → worse, so every
//   query merges them without special cases and nothing is ever lost.
// - When the overflow holds more levels than the window, or the top of the book has moved beyond
//   the window, the ladder recenters: it rebuilds the window around the prices that matter now.
//   A cooldown proportional to the book's size bounds what pathological inputs (many absurd
//   prices) can cost: recentering is O(levels + window/4096) and happens at most once per
//   max(64, levels/2) updates. It is the one place besides the overflow that allocates.
//
// Invalid input, chosen to be a no-op rather than an assert: prices with ticks <= 0 (Binance
// prices are positive) or >= 2^62 (keeps rank and notional arithmetic far from overflow) are
// ignored by set(), and a negative quantity removes the level like 0 does.

namespace hoga::core {

namespace {

constexpr std::int64_t kMaxTicks = std::int64_t{1} << 62;
constexpr std::size_t kMinWindow = std::size_t{1} << 12;
constexpr std::size_t kMaxWindow = std::size_t{1} << 22; // 32 MiB of address space per side
constexpr std::size_t kBetterTrigger = 64; // this many levels beyond the top of the window
constexpr std::size_t kMinCooldown = 64;

struct FreeDeleter {
    void operator()(void* p) const noexcept { std::free(p); }
};
template <typename T>
using ZeroedArray = std::unique_ptr<T[], FreeDeleter>;

template <typename T>
ZeroedArray<T> allocateZeroed(std::size_t n) {
    // calloc, not new T[](): large blocks come straight from mmap as copy-on-write zero pages.
    auto* p = static_cast<T*>(std::calloc(n, sizeof(T)));
    if (p == nullptr) {
        throw std::bad_alloc();
    }
    return ZeroedArray<T>(p);
}

std::size_t windowFor(std::int64_t ticks) {
    const auto t = static_cast<std::uint64_t>(std::max<std::int64_t>(ticks, 1));
    return std::clamp<std::size_t>(std::bit_ceil(t), kMinWindow, kMaxWindow);
}

constexpr std::uint64_t bitOf(std::size_t i) {
    return std::uint64_t{1} << (i & 63);
}

double imbalanceOf(Qty bid, Qty ask) {
    const std::int64_t total = bid.lots + ask.lots;
    if (total == 0) {
        return 0.0;
    }
    return static_cast<double>(bid.lots - ask.lots) / static_cast<double>(total);
}

// GCC's __int128 under -Wpedantic needs __extension__.
__extension__ using Int128 = __int128;

std::int64_t clampTicks(Int128 v) {
    return static_cast<std::int64_t>(std::clamp<Int128>(v, -kMaxTicks, kMaxTicks));
}

} // namespace

class OrderBook::Ladder {
public:
    explicit Ladder(Side side) : m_sign(side == Side::Buy ? -1 : 1) {}

    void clear();
    void set(std::int64_t ticks, std::int64_t lots);

    [[nodiscard]] std::optional<Level> best() const;
    [[nodiscard]] std::int64_t qtyAt(std::int64_t ticks) const;
    [[nodiscard]] std::size_t count() const { return m_windowCount + outsideCount(); }
    [[nodiscard]] std::size_t outsideCount() const { return m_better.size() + m_worse.size(); }
    [[nodiscard]] DepthSum top(int k) const;
    // Levels whose price is at least as good as `limitTicks` (>= for bids, <= for asks).
    [[nodiscard]] DepthSum upTo(std::int64_t limitTicks) const;
    void levels(int n, std::vector<Level>& out) const;

private:
    // Calls visit(rank, lots) best-first until it returns false.
    template <typename Visit>
    void forEachBestFirst(Visit&& visit) const;

    [[nodiscard]] std::size_t windowIndex(std::int64_t rank) const {
        // Unsigned wrap-around turns "below base" into a huge index, so one compare tests both
        // ends.
        return static_cast<std::uint64_t>(rank) - static_cast<std::uint64_t>(m_base);
    }
    [[nodiscard]] std::int64_t rankAt(std::size_t index) const {
        return m_base + static_cast<std::int64_t>(index);
    }
    [[nodiscard]] std::size_t nextFrom(std::size_t index) const; // m_size when none
    [[nodiscard]] std::size_t nextWord(std::size_t word) const;  // m_size / 64 when none
    void insertAt(std::size_t index, std::int64_t lots);
    bool eraseAt(std::size_t index);
    std::map<std::int64_t, std::int64_t>& outsideFor(std::int64_t rank) {
        return rank < m_base ? m_better : m_worse;
    }

    void resize(std::size_t window);
    void wipeWindow();
    void maybeRecenter();
    void recenter(std::int64_t anchorRank);

    std::int64_t m_sign;
    std::int64_t m_base = 0;
    std::size_t m_size = 0;    // ticks in the window, a power of two; 0 until the first level
    std::size_t m_bestIdx = 0; // index of the best window level, m_size when the window is empty
    std::size_t m_windowCount = 0;
    ZeroedArray<std::int64_t> m_qty;
    ZeroedArray<std::uint64_t> m_bits;    // m_size / 64 words
    ZeroedArray<std::uint64_t> m_summary; // m_size / 4096 words, bit w set iff m_bits[w] != 0
    std::map<std::int64_t, std::int64_t> m_better;
    std::map<std::int64_t, std::int64_t> m_worse;
    std::size_t m_setsSinceRecenter = 0;
    std::size_t m_cooldown = kMinCooldown;
    std::vector<std::pair<std::int64_t, std::int64_t>> m_scratch; // reused by recenter()
};

void OrderBook::Ladder::clear() {
    // Keeps the window's memory: a resync re-applies a snapshot at about the same price, and the
    // update path should not allocate again. Only the touched words are zeroed.
    wipeWindow();
    m_better.clear();
    m_worse.clear();
    m_setsSinceRecenter = 0;
    m_cooldown = kMinCooldown;
}

void OrderBook::Ladder::set(std::int64_t ticks, std::int64_t lots) {
    const std::int64_t rank = m_sign * ticks;
    ++m_setsSinceRecenter;
    const std::size_t index = windowIndex(rank);
    if (index < m_size) [[likely]] {
        if (lots > 0) {
            insertAt(index, lots);
        } else if (eraseAt(index) && outsideCount() != 0) {
            maybeRecenter();
        }
        return;
    }
    if (lots <= 0) {
        outsideFor(rank).erase(rank);
        return;
    }
    if (count() == 0) {
        // The first level ever, or the first after the side emptied: an empty window moves for
        // free, so place it around this price instead of starting in the overflow.
        resize(windowFor(ticks));
        m_base = rank - static_cast<std::int64_t>(m_size / 2);
        insertAt(windowIndex(rank), lots);
        return;
    }
    outsideFor(rank).insert_or_assign(rank, lots);
    maybeRecenter();
}

void OrderBook::Ladder::insertAt(std::size_t index, std::int64_t lots) {
    std::int64_t& qty = m_qty[index];
    if (qty == 0) {
        const std::size_t word = index >> 6;
        if (m_bits[word] == 0) {
            m_summary[word >> 6] |= bitOf(word);
        }
        m_bits[word] |= bitOf(index);
        ++m_windowCount;
        m_bestIdx = std::min(m_bestIdx, index);
    }
    qty = lots;
}

bool OrderBook::Ladder::eraseAt(std::size_t index) {
    if (m_qty[index] == 0) {
        return false;
    }
    m_qty[index] = 0;
    const std::size_t word = index >> 6;
    m_bits[word] &= ~bitOf(index);
    if (m_bits[word] == 0) {
        m_summary[word >> 6] &= ~bitOf(word);
    }
    --m_windowCount;
    if (index == m_bestIdx) {
        m_bestIdx = nextFrom(index + 1);
    }
    return true;
}

std::size_t OrderBook::Ladder::nextWord(std::size_t word) const {
    // The summary skips 4096 empty ticks per zero bit-word it reads.
    const std::size_t words = m_size >> 6;
    if (word >= words) {
        return words;
    }
    std::size_t summaryWord = word >> 6;
    std::uint64_t summary = m_summary[summaryWord] & (~std::uint64_t{0} << (word & 63));
    while (summary == 0) {
        if (++summaryWord >= (words >> 6)) {
            return words;
        }
        summary = m_summary[summaryWord];
    }
    return (summaryWord << 6) + static_cast<std::size_t>(std::countr_zero(summary));
}

std::size_t OrderBook::Ladder::nextFrom(std::size_t index) const {
    if (index >= m_size) {
        return m_size;
    }
    const std::size_t word = index >> 6;
    const std::uint64_t bits = m_bits[word] & (~std::uint64_t{0} << (index & 63));
    if (bits != 0) {
        return (word << 6) + static_cast<std::size_t>(std::countr_zero(bits));
    }
    const std::size_t next = nextWord(word + 1);
    if (next >= (m_size >> 6)) {
        return m_size;
    }
    return (next << 6) + static_cast<std::size_t>(std::countr_zero(m_bits[next]));
}

template <typename Visit>
void OrderBook::Ladder::forEachBestFirst(Visit&& visit) const {
    for (const auto& [rank, lots] : m_better) {
        if (!visit(rank, lots)) {
            return;
        }
    }
    if (m_bestIdx < m_size) {
        // A word at a time: pop its set bits, then let the summary find the next non-empty word.
        const std::size_t words = m_size >> 6;
        std::size_t word = m_bestIdx >> 6;
        std::uint64_t bits = m_bits[word] & (~std::uint64_t{0} << (m_bestIdx & 63));
        for (;;) {
            for (; bits != 0; bits &= bits - 1) {
                const std::size_t i =
                    (word << 6) + static_cast<std::size_t>(std::countr_zero(bits));
                if (!visit(rankAt(i), m_qty[i])) {
                    return;
                }
            }
            word = nextWord(word + 1);
            if (word >= words) {
                break;
            }
            bits = m_bits[word];
        }
    }
    for (const auto& [rank, lots] : m_worse) {
        if (!visit(rank, lots)) {
            return;
        }
    }
}

std::optional<Level> OrderBook::Ladder::best() const {
    if (!m_better.empty()) {
        const auto& [rank, lots] = *m_better.begin();
        return Level{Price{m_sign * rank}, Qty{lots}};
    }
    if (m_bestIdx < m_size) {
        return Level{Price{m_sign * rankAt(m_bestIdx)}, Qty{m_qty[m_bestIdx]}};
    }
    if (!m_worse.empty()) {
        const auto& [rank, lots] = *m_worse.begin();
        return Level{Price{m_sign * rank}, Qty{lots}};
    }
    return std::nullopt;
}

std::int64_t OrderBook::Ladder::qtyAt(std::int64_t ticks) const {
    const std::int64_t rank = m_sign * ticks;
    const std::size_t index = windowIndex(rank);
    if (index < m_size) {
        return m_qty[index];
    }
    const auto& outside = rank < m_base ? m_better : m_worse;
    const auto it = outside.find(rank);
    return it == outside.end() ? 0 : it->second;
}

// The sums are kept in locals, not in the returned DepthSum: the return slot may alias the
// ladder, which made the compiler store and reload them on every level (3x slower).
DepthSum OrderBook::Ladder::top(int k) const {
    std::int64_t qty = 0;
    std::int64_t notional = 0;
    int levels = 0;
    if (k > 0) {
        forEachBestFirst([&](std::int64_t rank, std::int64_t lots) {
            qty += lots;
            notional += m_sign * rank * lots;
            return ++levels < k;
        });
    }
    return DepthSum{Qty{qty}, Notional{notional}, levels};
}

DepthSum OrderBook::Ladder::upTo(std::int64_t limitTicks) const {
    std::int64_t qty = 0;
    std::int64_t notional = 0;
    int levels = 0;
    const std::int64_t limitRank = m_sign * limitTicks;
    forEachBestFirst([&](std::int64_t rank, std::int64_t lots) {
        if (rank > limitRank) {
            return false;
        }
        qty += lots;
        notional += m_sign * rank * lots;
        ++levels;
        return true;
    });
    return DepthSum{Qty{qty}, Notional{notional}, levels};
}

void OrderBook::Ladder::levels(int n, std::vector<Level>& out) const {
    if (n == 0) {
        return;
    }
    std::size_t left = n < 0 ? count() : static_cast<std::size_t>(n);
    forEachBestFirst([&](std::int64_t rank, std::int64_t lots) {
        out.push_back(Level{Price{m_sign * rank}, Qty{lots}});
        return --left != 0;
    });
}

void OrderBook::Ladder::resize(std::size_t window) {
    // Grows only: a window that was big enough once stays allocated, so a book that drifts back
    // and forth does not reallocate.
    if (window <= m_size) {
        return;
    }
    m_qty = allocateZeroed<std::int64_t>(window);
    m_bits = allocateZeroed<std::uint64_t>(window >> 6);
    m_summary = allocateZeroed<std::uint64_t>(window >> 12);
    m_size = window;
    m_bestIdx = window;
    m_windowCount = 0;
}

void OrderBook::Ladder::wipeWindow() {
    const std::size_t summaryWords = m_size >> 12;
    for (std::size_t sw = 0; sw < summaryWords; ++sw) {
        for (std::uint64_t summary = m_summary[sw]; summary != 0; summary &= summary - 1) {
            const std::size_t word =
                (sw << 6) + static_cast<std::size_t>(std::countr_zero(summary));
            for (std::uint64_t bits = m_bits[word]; bits != 0; bits &= bits - 1) {
                m_qty[(word << 6) + static_cast<std::size_t>(std::countr_zero(bits))] = 0;
            }
            m_bits[word] = 0;
        }
        m_summary[sw] = 0;
    }
    m_windowCount = 0;
    m_bestIdx = m_size;
}

void OrderBook::Ladder::maybeRecenter() {
    if (m_setsSinceRecenter < m_cooldown) {
        return;
    }
    if (m_better.size() >= kBetterTrigger) {
        // The top of the book has left the window: center on the middle of what lies beyond.
        recenter(
            std::next(m_better.begin(), static_cast<std::ptrdiff_t>(m_better.size() / 2))->first);
    } else if (outsideCount() > m_windowCount) {
        // Most levels are outside: center on the median level, which ignores absurd prices on
        // either end as long as they are a minority. Walking to it is within recenter()'s cost.
        std::size_t skip = count() / 2;
        std::int64_t anchor = 0;
        forEachBestFirst([&](std::int64_t rank, std::int64_t) {
            anchor = rank;
            return skip-- != 0;
        });
        recenter(anchor);
    }
}

void OrderBook::Ladder::recenter(std::int64_t anchorRank) {
    m_scratch.clear();
    forEachBestFirst([&](std::int64_t rank, std::int64_t lots) {
        m_scratch.emplace_back(rank, lots);
        return true;
    });
    wipeWindow();
    m_better.clear();
    m_worse.clear();
    resize(windowFor(m_sign * anchorRank));
    m_base = anchorRank - static_cast<std::int64_t>(m_size / 2);
    // m_scratch is in ascending rank order, so appending at the end of each map is O(1).
    for (const auto& [rank, lots] : m_scratch) {
        const std::size_t index = windowIndex(rank);
        if (index < m_size) {
            insertAt(index, lots);
        } else {
            auto& outside = outsideFor(rank);
            outside.emplace_hint(outside.end(), rank, lots);
        }
    }
    m_setsSinceRecenter = 0;
    m_cooldown = std::max(kMinCooldown, count() / 2);
}

// ---- OrderBook ------------------------------------------------------------------------------

OrderBook::OrderBook()
    : m_bids(std::make_unique<Ladder>(Side::Buy)), m_asks(std::make_unique<Ladder>(Side::Sell)) {}

OrderBook::~OrderBook() = default;
OrderBook::OrderBook(OrderBook&&) noexcept = default;
OrderBook& OrderBook::operator=(OrderBook&&) noexcept = default;

const OrderBook::Ladder& OrderBook::ladder(Side side) const {
    static const Ladder kEmpty(Side::Buy);
    const auto& ladder = side == Side::Buy ? m_bids : m_asks;
    return ladder ? *ladder : kEmpty;
}

OrderBook::Ladder& OrderBook::ladderForUpdate(Side side) {
    auto& ladder = side == Side::Buy ? m_bids : m_asks;
    if (!ladder) [[unlikely]] {
        ladder = std::make_unique<Ladder>(side);
    }
    return *ladder;
}

void OrderBook::clear() {
    if (m_bids) {
        m_bids->clear();
    }
    if (m_asks) {
        m_asks->clear();
    }
}

void OrderBook::set(Side side, Price price, Qty qty) {
    if (price.ticks <= 0 || price.ticks >= kMaxTicks) {
        return;
    }
    ladderForUpdate(side).set(price.ticks, qty.lots);
}

std::optional<Level> OrderBook::bestBid() const {
    return ladder(Side::Buy).best();
}

std::optional<Level> OrderBook::bestAsk() const {
    return ladder(Side::Sell).best();
}

Qty OrderBook::qtyAt(Side side, Price price) const {
    if (price.ticks <= 0 || price.ticks >= kMaxTicks) {
        return Qty{};
    }
    return Qty{ladder(side).qtyAt(price.ticks)};
}

std::size_t OrderBook::levelCount(Side side) const {
    return ladder(side).count();
}

std::size_t OrderBook::outsideWindowCount(Side side) const {
    return ladder(side).outsideCount();
}

bool OrderBook::isCrossed() const {
    const auto bid = bestBid();
    const auto ask = bestAsk();
    return bid && ask && bid->price >= ask->price;
}

std::optional<std::int64_t> OrderBook::midTicksTimesTwo() const {
    const auto bid = bestBid();
    const auto ask = bestAsk();
    if (!bid || !ask) {
        return std::nullopt;
    }
    return bid->price.ticks + ask->price.ticks; // both < 2^62, so no overflow
}

std::optional<std::int64_t> OrderBook::spreadTicks() const {
    const auto bid = bestBid();
    const auto ask = bestAsk();
    if (!bid || !ask) {
        return std::nullopt;
    }
    return ask->price.ticks - bid->price.ticks;
}

DepthSum OrderBook::topLevels(Side side, int k) const {
    return ladder(side).top(k);
}

DepthSum OrderBook::withinBps(Side side, int bps) const {
    const auto midX2 = midTicksTimesTwo();
    if (!midX2) {
        return {};
    }
    // price × 2 × 10⁴ compared with midX2 × (10⁴ ∓ bps), turned into one integer price bound:
    // the smallest bid price and the largest ask price that qualify.
    constexpr Int128 kScale = 2 * 10000;
    if (side == Side::Buy) {
        const Int128 num = Int128{*midX2} * (10000 - Int128{bps});
        const Int128 floor = num / kScale - ((num % kScale != 0 && num < 0) ? 1 : 0);
        const Int128 ceil = floor + (num % kScale != 0 ? 1 : 0);
        return ladder(side).upTo(clampTicks(ceil));
    }
    const Int128 num = Int128{*midX2} * (10000 + Int128{bps});
    const Int128 floor = num / kScale - ((num % kScale != 0 && num < 0) ? 1 : 0);
    return ladder(side).upTo(clampTicks(floor));
}

double OrderBook::imbalanceTopLevels(int k) const {
    return imbalanceOf(topLevels(Side::Buy, k).qty, topLevels(Side::Sell, k).qty);
}

double OrderBook::imbalanceWithinBps(int bps) const {
    return imbalanceOf(withinBps(Side::Buy, bps).qty, withinBps(Side::Sell, bps).qty);
}

void OrderBook::levels(Side side, int n, std::vector<Level>& out) const {
    ladder(side).levels(n, out);
}

} // namespace hoga::core
