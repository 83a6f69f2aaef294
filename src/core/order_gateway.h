#pragma once

// The port between the engine and whatever executes orders: the paper broker here, the local
// exchange simulator or Binance itself later. The engine cannot tell them apart.

#include "trading.h"

#include <string>

namespace hoga::core {

// Receives what a gateway executed, on the engine's thread.
class ExecutionListener {
public:
    virtual ~ExecutionListener() = default;
    virtual void onFill(const Fill& fill) = 0;
    // The order will not fill any further: `unfilled` is what is left (0 when fully filled).
    virtual void onOrderFinished(const std::string& clientOrderId, Qty filled, Qty unfilled,
                                 std::string_view reason) = 0;
};

class OrderGateway {
public:
    virtual ~OrderGateway() = default;
    // Market orders only for now (the strategy takes liquidity); results arrive through the
    // ExecutionListener the gateway was given.
    virtual void submit(const OrderRequest& order) = 0;
    [[nodiscard]] virtual bool hasPendingOrders() const = 0;
    // Market time advanced to `nowMs` (event time). A simulated gateway fills what is due; a
    // venue gateway has nothing to do.
    virtual void onMarketTime(std::int64_t nowMs) { (void)nowMs; }
};

} // namespace hoga::core
