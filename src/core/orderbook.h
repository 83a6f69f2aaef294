#pragma once

// The local limit order book of one instrument, keyed by integer price ticks.
//
// Contract:
// - set(side, price, qty) stores the absolute quantity of a level (Binance depth semantics);
//   qty == 0 removes the level, and removing a level that is not there is a normal no-op.
// - The book itself does not know about update ids or sync state: binance::DepthSynchronizer owns
//   that. It does report whether it is crossed (best bid >= best ask).
// - Every query is cheap enough to call on every market event: O(1) for best levels, and for
//   windows proportional to the number of price ticks in the window, never to the book's size.
// - No allocation on the update path once the book has been sized by its first snapshot, except
//   for levels far from the mid (see orderbook.cpp).

#include "price.h"

#include <cstddef>
#include <cstdint>
#include <memory>
#include <optional>
#include <vector>

namespace hoga::core {

struct Level {
    Price price;
    Qty qty;
    bool operator==(const Level&) const = default;
};

// Sum over a window of one side.
struct DepthSum {
    Qty qty{};
    Notional notional{};
    int levels = 0;
};

class OrderBook {
public:
    OrderBook();
    ~OrderBook();
    OrderBook(OrderBook&&) noexcept;
    OrderBook& operator=(OrderBook&&) noexcept;
    OrderBook(const OrderBook&) = delete;
    OrderBook& operator=(const OrderBook&) = delete;

    void clear();
    void set(Side side, Price price, Qty qty);

    [[nodiscard]] std::optional<Level> bestBid() const;
    [[nodiscard]] std::optional<Level> bestAsk() const;
    [[nodiscard]] Qty qtyAt(Side side, Price price) const;
    [[nodiscard]] std::size_t levelCount(Side side) const;
    [[nodiscard]] bool empty() const {
        return levelCount(Side::Buy) == 0 && levelCount(Side::Sell) == 0;
    }
    // Both sides present and best bid >= best ask.
    [[nodiscard]] bool isCrossed() const;

    // Twice the mid price in ticks (bid + ask), so that a half-tick mid stays exact.
    [[nodiscard]] std::optional<std::int64_t> midTicksTimesTwo() const;
    [[nodiscard]] std::optional<std::int64_t> spreadTicks() const;

    // The best k levels of one side.
    [[nodiscard]] DepthSum topLevels(Side side, int k) const;
    // Levels of one side whose price lies within `bps` basis points of the mid, bounds included:
    // bids with price >= mid × (1 − bps/10⁴), asks with price <= mid × (1 + bps/10⁴).
    // Empty when either side is empty (no mid).
    [[nodiscard]] DepthSum withinBps(Side side, int bps) const;

    // (bid − ask) / (bid + ask) of quantities over the window; 0 when both sums are zero.
    [[nodiscard]] double imbalanceTopLevels(int k) const;
    [[nodiscard]] double imbalanceWithinBps(int bps) const;

    // Best-first levels of one side, at most n of them (n < 0: all), appended to `out`.
    void levels(Side side, int n, std::vector<Level>& out) const;

    // Diagnostics: levels of one side kept in the ordered overflow instead of the dense window
    // around the price (see orderbook.cpp). Tests and benches use it to check recentering.
    [[nodiscard]] std::size_t outsideWindowCount(Side side) const;

private:
    class Ladder; // one side's price ladder, defined in orderbook.cpp
    // A moved-from book has no ladders: queries see an empty one, set() creates them again.
    [[nodiscard]] const Ladder& ladder(Side side) const;
    Ladder& ladderForUpdate(Side side);

    std::unique_ptr<Ladder> m_bids;
    std::unique_ptr<Ladder> m_asks;
};

} // namespace hoga::core
