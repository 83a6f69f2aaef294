#pragma once

// The simulator's order, fill and algo-order records, in integer ticks and lots (quote amounts as
// core::Notional or Fixed8), with Binance's enum spellings next to them.

#include "core/price.h"

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>

namespace hoga::sim {

enum class OrderType : std::uint8_t { Limit, Market };
enum class TimeInForce : std::uint8_t { Gtc, Ioc, Fok, Gtx };
enum class OrderStatus : std::uint8_t { New, PartiallyFilled, Filled, Canceled, Expired };
enum class AlgoType : std::uint8_t { StopMarket, TakeProfitMarket };
enum class WorkingType : std::uint8_t { ContractPrice, MarkPrice };
enum class AlgoStatus : std::uint8_t {
    New,
    Canceled,
    Triggering,
    Triggered,
    Finished,
    Rejected,
    Expired
};
enum class MarginType : std::uint8_t { Crossed, Isolated };
// The income types the simulator books (GET /fapi/v1/income).
enum class IncomeType : std::uint8_t { RealizedPnl, FundingFee, Commission };

std::string_view toString(core::Side side);
std::string_view toString(OrderType type);
std::string_view toString(TimeInForce tif);
std::string_view toString(OrderStatus status);
std::string_view toString(AlgoType type);
std::string_view toString(WorkingType type);
std::string_view toString(AlgoStatus status);
std::string_view toString(IncomeType type);
std::string_view toString(MarginType type); // ISOLATED / CROSSED
std::optional<IncomeType> incomeTypeFrom(std::string_view text);

struct SimOrder {
    std::int64_t orderId = 0;
    std::string clientOrderId;
    core::Side side = core::Side::Buy;
    OrderType type = OrderType::Limit;
    TimeInForce timeInForce = TimeInForce::Gtc;
    core::Price price{}; // 0 for MARKET
    core::Qty qty{};
    core::Qty executed{};
    core::Notional cumQuote{};
    bool reduceOnly = false;
    bool closePosition = false;
    // Orders placed by a triggered algo order keep its type, trigger price and working type.
    std::string_view origType; // empty: same as type
    core::Price stopPrice{};
    WorkingType workingType = WorkingType::ContractPrice;
    OrderStatus status = OrderStatus::New;
    std::int64_t timeMs = 0;
    std::int64_t updateTimeMs = 0;
    // Resting orders: the book quantity ahead of this order at its price (see matching_engine.h).
    core::Qty queueAhead{};
    [[nodiscard]] core::Qty remaining() const { return qty - executed; }
    [[nodiscard]] bool open() const {
        return status == OrderStatus::New || status == OrderStatus::PartiallyFilled;
    }
};

struct SimFill {
    std::int64_t tradeId = 0;
    std::int64_t orderId = 0;
    core::Side side = core::Side::Buy;
    core::Price price{};
    core::Qty qty{};
    core::Fixed8 realizedPnl{};
    core::Fixed8 commission{};
    bool maker = false;
    std::int64_t timeMs = 0;
};

struct AlgoOrder {
    std::int64_t algoId = 0;
    std::string clientAlgoId;
    AlgoType type = AlgoType::StopMarket;
    core::Side side = core::Side::Buy;
    core::Qty qty{}; // zero with closePosition
    core::Price triggerPrice{};
    WorkingType workingType = WorkingType::ContractPrice;
    bool reduceOnly = false;
    bool closePosition = false;
    AlgoStatus status = AlgoStatus::New;
    std::int64_t actualOrderId = 0; // the market order placed when it triggered
    core::Qty executed{};
    core::Notional cumQuote{};
    std::int64_t createTimeMs = 0;
    std::int64_t updateTimeMs = 0;
    std::int64_t triggerTimeMs = 0;
    [[nodiscard]] bool open() const { return status == AlgoStatus::New; }
};

// One row of an account's income history: money that moved the wallet, signed (+ received).
struct IncomeRecord {
    std::int64_t tranId = 0;
    IncomeType type = IncomeType::Commission;
    core::Fixed8 amount{};
    std::int64_t timeMs = 0;
    std::int64_t tradeId = 0; // the fill behind REALIZED_PNL / COMMISSION; 0 for FUNDING_FEE
};

} // namespace hoga::sim
