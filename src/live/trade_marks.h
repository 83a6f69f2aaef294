#pragma once

// A Journal that keeps only what a chart marks: our latest executions, each with whether it
// opened or closed and why (the order's purpose and exit reason). The session tees the engine's
// records into it beside the real journal. Engine thread only; copies go into snapshots.

#include "engine/journal.h"
#include "live/station_snapshot.h"

#include <deque>
#include <string>
#include <unordered_map>

namespace hoga::live {

class TradeMarks final : public engine::Journal {
public:
    void recordRun(const engine::RunInfo&) override {}
    void recordOrder(const core::OrderRequest& order, const engine::OrderIntent& intent) override {
        std::string why = intent.purpose == "entry" || !intent.exitReason
                              ? std::string(intent.purpose)
                              : std::string(core::exitReasonName(*intent.exitReason));
        m_orders[order.clientOrderId] = {intent.purpose == "entry", std::move(why)};
        if (m_orders.size() > 4 * kSnapshotMarks) {
            m_orders.clear(); // only recent orders are looked up; a rare rebuild is fine
            m_orders[order.clientOrderId] = {intent.purpose == "entry",
                                             std::string(intent.purpose)};
        }
    }
    void recordFill(const core::Fill& fill) override {
        TradeMark mark;
        mark.timeMs = fill.timeMs;
        mark.side = fill.side;
        mark.price = fill.price;
        mark.qty = fill.qty;
        const auto it = m_orders.find(fill.clientOrderId);
        mark.entry = it != m_orders.end() && it->second.entry;
        mark.reason = it != m_orders.end() ? it->second.why : std::string("liquidation");
        m_marks.push_back(std::move(mark));
        while (m_marks.size() > kSnapshotMarks) {
            m_marks.pop_front();
        }
    }
    void recordFunding(const engine::FundingRecord&) override {}
    void recordRoundTrip(const core::RoundTrip&) override {}
    void recordRefusal(const engine::RefusalRecord&) override {}
    void recordEquity(const engine::EquitySample&) override {}
    void finish() override {}

    [[nodiscard]] std::vector<TradeMark> copy() const { return {m_marks.begin(), m_marks.end()}; }

private:
    struct Order {
        bool entry = false;
        std::string why;
    };
    std::unordered_map<std::string, Order> m_orders;
    std::deque<TradeMark> m_marks;
};

} // namespace hoga::live
