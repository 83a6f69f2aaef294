#pragma once

// GET /fapi/v1/exchangeInfo: the symbol's trading rules (filters, precisions) and the rate limits.
// Hoga reads the grids from here at run time instead of trusting constants (tickSize was 0.01 in
// 2021 and is 0.10 now; MIN_NOTIONAL went from 5 to 100).

#include "core/instrument.h"

#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

namespace hoga::binance {

struct RateLimit {
    std::string type;     // REQUEST_WEIGHT, ORDERS, RAW_REQUESTS
    std::string interval; // SECOND, MINUTE, DAY
    std::int64_t intervalNum = 0;
    std::int64_t limit = 0;
};

struct ExchangeInfo {
    std::int64_t serverTimeMs = 0;
    std::vector<RateLimit> rateLimits;
    core::InstrumentSpec instrument; // the requested symbol
    std::string status;              // TRADING, …
    std::string contractType;        // PERPETUAL, …
};

// Parses the body and extracts `symbol`. False with `error` set when the JSON is malformed, the
// symbol is missing, or a filter cannot be represented exactly.
bool parseExchangeInfo(std::string_view json, std::string_view symbol, ExchangeInfo& out,
                       std::string& error);

} // namespace hoga::binance
