#include "paper_broker.h"

#include "position.h"

namespace hoga::core {

PaperBroker::PaperBroker(const OrderBook& book, InstrumentSpec instrument, std::int64_t latencyMs,
                         std::int64_t takerRateE8, ExecutionListener& listener)
    : m_book(book), m_instrument(std::move(instrument)), m_latencyMs(latencyMs),
      m_takerRateE8(takerRateE8), m_listener(listener) {}

void PaperBroker::submit(const OrderRequest& order) {
    if (order.decisionTimeMs + m_latencyMs <= m_now && m_pending.empty()) {
        execute(order);
        return;
    }
    m_pending.push_back(order);
}

void PaperBroker::onMarketTime(std::int64_t nowMs) {
    if (nowMs > m_now) {
        m_now = nowMs;
    }
    while (!m_pending.empty() && m_pending.front().decisionTimeMs + m_latencyMs <= m_now) {
        const OrderRequest order = m_pending.front();
        m_pending.pop_front();
        execute(order);
    }
}

void PaperBroker::execute(const OrderRequest& order) {
    // A buy takes asks, a sell takes bids, best first.
    const Side bookSide = order.side == Side::Buy ? Side::Sell : Side::Buy;
    Qty remaining = order.qty;
    Qty filled{};
    int depth = 32;
    std::size_t consumed = 0;
    while (remaining.lots > 0) {
        m_levels.clear();
        m_book.levels(bookSide, depth, m_levels);
        if (consumed >= m_levels.size()) {
            break; // the book is exhausted
        }
        for (; consumed < m_levels.size() && remaining.lots > 0; ++consumed) {
            const Level& level = m_levels[consumed];
            const Qty take = level.qty < remaining ? level.qty : remaining;
            Fill fill;
            fill.clientOrderId = order.clientOrderId;
            fill.side = order.side;
            fill.price = level.price;
            fill.qty = take;
            fill.fee = feeFor(notionalOf(level.price, take), m_takerRateE8, m_instrument);
            fill.maker = false;
            fill.timeMs = m_now;
            m_listener.onFill(fill);
            remaining -= take;
            filled += take;
        }
        if (static_cast<int>(m_levels.size()) < depth) {
            break; // fetched every level there is
        }
        depth *= 4;
    }
    m_listener.onOrderFinished(order.clientOrderId, filled, remaining,
                               remaining.lots > 0 ? "book exhausted" : "filled");
}

} // namespace hoga::core
