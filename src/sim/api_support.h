#pragma once

// What every account endpoint of the simulator shares: API-key and signature checks, Binance's
// response and error shapes, and exact parsing of the common parameters.

#include "core/instrument.h"
#include "sim/matching_engine.h"
#include "sim/request_signing.h"

#include <QHttpServerRequest>
#include <QHttpServerResponse>

#include <cstdint>
#include <functional>
#include <optional>
#include <string>
#include <variant>

namespace hoga::sim {

QHttpServerResponse jsonResponse(const std::string& body, int httpStatus = 200);
QHttpServerResponse errorResponse(const ApiError& error);

std::int64_t wallClockMs();

// Calls `handler` with the account of a USER_STREAM request (API key only) or of a SIGNED one
// (API key, timestamp and signature); answers -2014/-2015/-1021/-1022/… itself otherwise.
using AccountHandler =
    std::function<QHttpServerResponse(MatchingEngine::Account&, const RequestParams&)>;
QHttpServerResponse withApiKey(MatchingEngine& engine, const QHttpServerRequest& request,
                               const AccountHandler& handler);
QHttpServerResponse withSignature(MatchingEngine& engine, const QHttpServerRequest& request,
                                  const AccountHandler& handler);

// Parameter parsing: each returns the value, or the Binance error for a missing or bad one.
template <typename T>
using Parsed = std::variant<T, ApiError>;
std::optional<ApiError> checkSymbol(const RequestParams& p, const core::InstrumentSpec& spec,
                                    bool required);
Parsed<core::Side> parseSide(const RequestParams& p);
Parsed<core::Price> parsePrice(const RequestParams& p, std::string_view name,
                               const core::InstrumentSpec& spec);
Parsed<core::Qty> parseQty(const RequestParams& p, std::string_view name,
                           const core::InstrumentSpec& spec);
Parsed<bool> parseBool(const RequestParams& p,
                       std::string_view name); // "true"/"false", default false
Parsed<std::int64_t> parseInt(const RequestParams& p, std::string_view name);
// Client ids per Binance: ^[\.A-Z\:/a-z0-9_-]{1,36}$ (-4015 when longer, -1100 otherwise).
std::optional<ApiError> checkClientId(const std::string& id, std::string_view name);

} // namespace hoga::sim
