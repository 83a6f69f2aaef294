#pragma once

// An OrderGateway decorator that measures how long after the frame that triggered a decision the
// order reached the gateway: receive → submit, the figure the latency goal is stated in. It
// forwards everything unchanged.

#include "core/order_gateway.h"
#include "platform/latency_histogram.h"
#include "platform/local_clock.h"

#include <cstdint>

namespace hoga::live {

class TimedGateway final : public core::OrderGateway {
public:
    explicit TimedGateway(core::OrderGateway& inner) : m_inner(inner) {}

    // The steady-clock receive time of the event being processed (set by the session).
    void setCurrentEventReceivedNs(std::int64_t ns) { m_currentReceivedNs = ns; }

    void submit(const core::OrderRequest& order) override {
        const std::int64_t now = platform::steadyNs();
        if (m_currentReceivedNs > 0) {
            (order.reduceOnly ? m_exits : m_entries).record(now - m_currentReceivedNs);
        }
        m_inner.submit(order);
    }
    [[nodiscard]] bool hasPendingOrders() const override { return m_inner.hasPendingOrders(); }
    void onMarketTime(std::int64_t nowMs) override { m_inner.onMarketTime(nowMs); }

    [[nodiscard]] const platform::LatencyHistogram& entries() const { return m_entries; }
    [[nodiscard]] const platform::LatencyHistogram& exits() const { return m_exits; }

private:
    core::OrderGateway& m_inner;
    std::int64_t m_currentReceivedNs = 0;
    platform::LatencyHistogram m_entries;
    platform::LatencyHistogram m_exits;
};

} // namespace hoga::live
