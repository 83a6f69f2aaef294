#pragma once

// Binance USDⓈ-M market payloads written from core events, byte for byte in Binance's shape:
// field order as the exchange sends it, prices and quantities as exact strings with the symbol's
// precision. `shiftMs` is added to every timestamp (the simulator can make a recording look live).

#include "core/instrument.h"
#include "core/market_events.h"
#include "core/orderbook.h"

#include <cstdint>
#include <string>

namespace hoga::sim {

std::string depthUpdateJson(const core::DepthUpdate& d, const core::InstrumentSpec& spec,
                            std::int64_t shiftMs, std::uint64_t idOffset);
std::string tradeJson(const core::Trade& t, const core::InstrumentSpec& spec, std::int64_t shiftMs);
std::string bookTickerJson(const core::BookTicker& t, const core::InstrumentSpec& spec,
                           std::int64_t shiftMs, std::uint64_t idOffset);
std::string markPriceJson(const core::MarkPriceUpdate& m, const core::InstrumentSpec& spec,
                          std::int64_t shiftMs);
// {"e":"kline","E":…,"s":…,"k":{"t","T","s","i","f","L","o","c","h","l","v","n","x","q","V","Q","B"}}
std::string klineJson(const core::Kline& k, const core::InstrumentSpec& spec, std::int64_t shiftMs);
// The REST snapshot {"lastUpdateId":…,"E":…,"T":…,"bids":[…],"asks":[…]}.
std::string depthSnapshotJson(std::uint64_t lastUpdateId, std::int64_t eventTimeMs,
                              const std::vector<core::Level>& bids,
                              const std::vector<core::Level>& asks,
                              const core::InstrumentSpec& spec);
// GET /fapi/v1/exchangeInfo for one perpetual symbol, with the filters Hoga parses.
std::string exchangeInfoJson(const core::InstrumentSpec& spec, std::int64_t serverTimeMs);

} // namespace hoga::sim
