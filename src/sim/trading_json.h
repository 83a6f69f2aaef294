#pragma once

// Binance USDⓈ-M account and order payloads, field for field as the fixtures in tests/data/rest and
// tests/data/user_data show them: prices, quantities and money as strings, ids and times as
// numbers, booleans as JSON booleans.

#include "core/instrument.h"
#include "sim/account_ledger.h"
#include "sim/trading_types.h"

#include <cstdint>
#include <string>
#include <string_view>

namespace hoga::sim {

// Appends "key":value pairs to one JSON object. Values given as strings are escaped.
class JsonObjectWriter {
public:
    JsonObjectWriter& str(std::string_view key, std::string_view value);
    JsonObjectWriter& num(std::string_view key, std::int64_t value);
    JsonObjectWriter& boolean(std::string_view key, bool value);
    JsonObjectWriter& raw(std::string_view key, std::string_view json);
    [[nodiscard]] std::string done() const { return m_out + "}"; }

private:
    void key(std::string_view key);
    std::string m_out = "{";
};

std::string quoted(std::string_view text);
// A Binance error body {"code":…,"msg":"…"}.
std::string errorJson(int code, std::string_view message);
// Fixed8 without needless trailing zeros ("100", "0.5"): Binance's style for limits and rates.
std::string compactFixed8(core::Fixed8 value);

// What the JSON needs of an account besides its ledger.
struct AccountSnapshot {
    const AccountLedger* ledger = nullptr;
    core::Fixed8 mark{};
    core::Fixed8 openOrderMargin{};
    std::int64_t takerRateE8 = 0;
    std::int64_t timeMs = 0;
};

// REST
std::string orderJson(const SimOrder& o, const core::InstrumentSpec& spec, bool ack);
std::string algoOrderJson(const AlgoOrder& a, const core::InstrumentSpec& spec);
std::string userTradeJson(const SimFill& f, const core::InstrumentSpec& spec);
std::string positionRiskV2Json(const AccountSnapshot& a, const core::InstrumentSpec& spec);
std::string positionRiskV3Json(const AccountSnapshot& a, const core::InstrumentSpec& spec);
std::string balanceJson(const AccountSnapshot& a);
std::string accountJson(const AccountSnapshot& a, const core::InstrumentSpec& spec);
// One row of GET /fapi/v1/income.
std::string incomeJson(const IncomeRecord& r, const core::InstrumentSpec& spec);

// Shared by the REST and user-data payloads: the average fill price ("0.00" before any fill, else
// 8 decimals) and the order type before a trigger (STOP_MARKET for a triggered stop).
std::string avgPrice(core::Notional cumQuote, core::Qty executed, const core::InstrumentSpec& spec);
std::string_view origTypeOf(const SimOrder& o);

} // namespace hoga::sim
