#pragma once

// The simulator's matching engine for BTCUSDT, one-way mode: the accounts' orders against the
// replayed market.
//
// Fill model (stated; the replay's book is the market's, so the simulator never moves it):
// - Taking: a MARKET order, or the marketable part of a LIMIT order, walks the current book level
//   by level (up to its limit price) and fills each level's quantity at that level's price, taker
//   fee 0.05 %. Liquidity taken by one order is not removed for the next one: the book is the
//   recording's, and it is replaced by the next depth update anyway.
// - Resting: a LIMIT order that rests remembers the book quantity at its price on its own side
//   when it was placed (the queue ahead of it). A buy at P fills completely when a replayed trade
//   prints below P; a trade at P whose taker sold first consumes the queue ahead, and what it
//   traded beyond the queue fills the order (a sell mirrors this). Fills happen at the order's
//   price, maker fee 0.02 %. A book that moves through a resting order without trades does not
//   fill it.
// - Mark price: the recording's markPrice stream when it has one, else the book's mid.
// - Algo orders (STOP_MARKET, TAKE_PROFIT_MARKET) trigger on the mark price (MARK_PRICE) or the
//   last replayed trade price (CONTRACT_PRICE) and then become MARKET orders.
// - Liquidation: when the mark crosses the position's liquidation price (account_ledger.h), open
//   orders are cancelled and the position is closed at the mark (rounded to a tick) as a taker,
//   reported as an "autoclose-…" order with execution type CALCULATED.

#include "core/instrument.h"
#include "sim/account_ledger.h"
#include "sim/accounts.h"
#include "sim/request_signing.h"
#include "sim/trading_json.h"
#include "sim/trading_types.h"

#include <deque>
#include <functional>
#include <map>
#include <optional>
#include <string>
#include <vector>

namespace hoga::core {
class OrderBook;
struct Trade;
} // namespace hoga::core

namespace hoga::sim {

struct FeeRates {
    std::int64_t makerRateE8 = 20000; // 0.02 %
    std::int64_t takerRateE8 = 50000; // 0.05 %
};

class MatchingEngine {
public:
    using Fees = FeeRates;
    // Receives every user-data event of an account (ORDER_TRADE_UPDATE, TRADE_LITE, ...).
    using Sink = std::function<void(const std::string& apiKey, const std::string& payload)>;

    struct Account {
        AccountConfig config;
        AccountLedger ledger;
        std::map<std::int64_t, SimOrder> orders; // every order, open or done, by id
        std::vector<SimFill> fills;
        std::map<std::int64_t, AlgoOrder> algos;
        std::vector<IncomeRecord> income;     // REALIZED_PNL, COMMISSION and FUNDING_FEE, in order
        std::int64_t countdownDeadlineMs = 0; // countdownCancelAll; 0 = off
    };
    // The id counters, for saving and restoring the simulator's state (sim/state_file.h).
    struct Counters {
        std::int64_t nextOrderId = 4'000'000'001;
        std::int64_t nextTradeId = 500'000'001;
        std::int64_t nextAlgoId = 3'000'000'001;
        std::int64_t nextTranId = 9'000'000'001;
    };

    struct NewOrder {
        core::Side side = core::Side::Buy;
        OrderType type = OrderType::Limit;
        TimeInForce timeInForce = TimeInForce::Gtc;
        core::Price price{};
        core::Qty qty{};
        bool reduceOnly = false;
        std::string clientOrderId; // empty: generated
    };
    struct NewAlgo {
        core::Side side = core::Side::Buy;
        AlgoType type = AlgoType::StopMarket;
        core::Qty qty{};
        core::Price triggerPrice{};
        WorkingType workingType = WorkingType::ContractPrice;
        bool reduceOnly = false;
        bool closePosition = false;
        std::string clientAlgoId;
    };

    MatchingEngine(const core::OrderBook& book, const core::InstrumentSpec& spec,
                   const std::vector<AccountConfig>& accounts, Fees fees = {});
    void setSink(Sink sink) { m_sink = std::move(sink); }

    [[nodiscard]] Account* account(std::string_view apiKey);
    [[nodiscard]] std::deque<Account>& accounts() { return m_accounts; }
    [[nodiscard]] const std::deque<Account>& accounts() const { return m_accounts; }
    [[nodiscard]] const Counters& counters() const { return m_ids; }
    void setCounters(const Counters& counters) { m_ids = counters; }
    [[nodiscard]] const core::InstrumentSpec& spec() const { return m_spec; }
    [[nodiscard]] const Fees& fees() const { return m_fees; }

    // Orders. `orderId` is set on success.
    std::optional<ApiError> placeOrder(Account& a, const NewOrder& order, std::int64_t nowMs,
                                       std::int64_t& orderId);
    std::optional<ApiError> cancelOrder(Account& a, std::int64_t orderId, std::int64_t nowMs);
    int cancelAllOrders(Account& a, std::int64_t nowMs);
    std::optional<ApiError> placeAlgo(Account& a, const NewAlgo& algo, std::int64_t nowMs,
                                      std::int64_t& algoId);
    std::optional<ApiError> cancelAlgo(Account& a, std::int64_t algoId, std::int64_t nowMs);
    int cancelAllAlgos(Account& a, std::int64_t nowMs);
    std::optional<ApiError> setLeverage(Account& a, int leverage);
    std::optional<ApiError> setMarginType(Account& a, MarginType type);

    // Market input, in replay order.
    void onTrade(const core::Trade& trade, std::int64_t nowMs);
    void onMarkPrice(core::Fixed8 mark, std::int64_t nowMs);
    void onBookChanged(std::int64_t nowMs);
    // Wall-clock housekeeping: countdownCancelAll deadlines.
    void onClock(std::int64_t nowMs);
    // A funding time has passed (sim/funding_clock.h): every open position pays or receives
    // its notional at `mark` × `rate` (AccountLedger::fundingFee), booked as FUNDING_FEE income
    // at `fundingTimeMs` and reported in an ACCOUNT_UPDATE with reason FUNDING_FEE.
    void settleFunding(std::int64_t fundingTimeMs, core::Fixed8 rate, core::Fixed8 mark,
                       std::int64_t nowMs);

    [[nodiscard]] core::Fixed8 markPrice() const;
    [[nodiscard]] core::Fixed8 openOrderMargin(const Account& a) const;
    [[nodiscard]] AccountSnapshot snapshot(const Account& a, std::int64_t nowMs) const;

private:
    std::optional<ApiError> checkOrder(const Account& a, const NewOrder& order,
                                       bool checkMinNotional) const;
    SimOrder& submit(Account& a, const NewOrder& order, std::int64_t nowMs);
    void take(Account& a, SimOrder& o, std::int64_t nowMs);
    void fill(Account& a, SimOrder& o, core::Price price, core::Qty qty, bool maker,
              std::int64_t nowMs, std::string_view executionType = "TRADE");
    void finish(Account& a, SimOrder& o, OrderStatus status, std::int64_t nowMs);
    void checkTriggers(std::int64_t nowMs);
    void trigger(Account& a, AlgoOrder& algo, std::int64_t nowMs);
    void liquidate(Account& a, std::int64_t nowMs);
    void emit(const Account& a, const std::string& payload) const;
    void emitAlgo(const Account& a, AlgoOrder& algo, AlgoStatus status, std::int64_t nowMs);
    [[nodiscard]] core::Fixed8 priceE8(core::Price p) const;
    [[nodiscard]] bool clientIdInUse(const Account& a, const std::string& id) const;

    const core::OrderBook& m_book;
    core::InstrumentSpec m_spec;
    Fees m_fees;
    std::deque<Account> m_accounts; // stable addresses
    Sink m_sink;
    std::optional<core::Fixed8> m_mark; // from the markPrice stream
    std::optional<core::Price> m_lastTrade;
    Counters m_ids;
};

} // namespace hoga::sim
