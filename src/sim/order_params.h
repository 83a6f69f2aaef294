#pragma once

// The parameters of one new order (POST /fapi/v1/order, and each item of /fapi/v1/batchOrders)
// parsed and validated with Binance's error codes.

#include "sim/api_support.h"

namespace hoga::sim {

class FaultPlan;

Parsed<MatchingEngine::NewOrder> parseNewOrder(const RequestParams& p,
                                               const core::InstrumentSpec& spec);

// Parses, validates and places one new order: the order's JSON as newOrderRespType asks (ACK,
// the default, or RESULT), or the error. `faults` may turn it down (-2010, order-reject).
Parsed<std::string> placeNewOrder(MatchingEngine& engine, MatchingEngine::Account& a,
                                  const RequestParams& p, FaultPlan* faults, std::int64_t nowMs);

} // namespace hoga::sim
