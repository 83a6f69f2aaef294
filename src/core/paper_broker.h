#pragma once

// Simulated execution for backtests and paper trading. Assumptions (docs/paper-fills.md):
// - A market order reaches the book `latencyMs` after its decision; it fills against the first
//   book state at or after that time (the book after the first event whose time is ≥ due).
// - It walks the book from the best level: every level is one fill at that level's price, so
//   slippage is real. Our own fills do not remove liquidity from the replayed book (the book is
//   the exchange's, which never saw our order); a size large against the top levels is warned
//   about in the docs, not modelled.
// - What the book cannot fill is cancelled (reported as unfilled), like an exhausted market order.
// - Every fill pays the taker fee on its notional.

#include "instrument.h"
#include "order_gateway.h"
#include "orderbook.h"

#include <cstdint>
#include <deque>
#include <vector>

namespace hoga::core {

class PaperBroker : public OrderGateway {
public:
    PaperBroker(const OrderBook& book, InstrumentSpec instrument, std::int64_t latencyMs,
                std::int64_t takerRateE8, ExecutionListener& listener);

    void submit(const OrderRequest& order) override;
    [[nodiscard]] bool hasPendingOrders() const override { return !m_pending.empty(); }

    // The market moved to `nowMs` (and the book to its state then): fill what is due.
    void onMarketTime(std::int64_t nowMs) override;

private:
    void execute(const OrderRequest& order);

    const OrderBook& m_book;
    InstrumentSpec m_instrument;
    std::int64_t m_latencyMs;
    std::int64_t m_takerRateE8;
    ExecutionListener& m_listener;
    std::int64_t m_now = 0;
    std::deque<OrderRequest> m_pending;
    std::vector<Level> m_levels; // scratch
};

} // namespace hoga::core
