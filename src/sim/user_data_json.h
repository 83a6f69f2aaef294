#pragma once

// The user data stream's events (API_FACTS.md §7) in the shapes of tests/data/user_data:
// ORDER_TRADE_UPDATE, TRADE_LITE, ACCOUNT_UPDATE, ALGO_UPDATE and listenKeyExpired.

#include "sim/trading_json.h"

namespace hoga::sim {

std::string orderTradeUpdateJson(const SimOrder& o, std::string_view executionType,
                                 const SimFill* fill, const core::InstrumentSpec& spec,
                                 std::int64_t eventTimeMs);
std::string tradeLiteJson(const SimOrder& o, const SimFill& fill, const core::InstrumentSpec& spec,
                          std::int64_t eventTimeMs);
std::string accountUpdateJson(const AccountSnapshot& a, const core::InstrumentSpec& spec,
                              std::string_view reason);
// ACCOUNT_UPDATE with reason FUNDING_FEE, as Binance sends it: only the USDT balance (bc = the
// funding income) and, for an isolated position only, that position.
std::string fundingUpdateJson(const AccountSnapshot& a, const core::InstrumentSpec& spec,
                              core::Fixed8 income);
std::string algoUpdateJson(const AlgoOrder& a, const core::InstrumentSpec& spec,
                           std::int64_t eventTimeMs);
std::string listenKeyExpiredJson(std::string_view listenKey, std::int64_t eventTimeMs);

} // namespace hoga::sim
