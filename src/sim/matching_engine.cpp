#include "matching_engine.h"

#include "core/market_events.h"
#include "core/orderbook.h"
#include "core/position.h"
#include "sim/user_data_json.h"

#include <fmt/format.h>

#include <algorithm>
#include <cstdlib>

namespace hoga::sim {

using core::Fixed8;
using core::Price;
using core::Qty;
using core::Side;

MatchingEngine::MatchingEngine(const core::OrderBook& book, const core::InstrumentSpec& spec,
                               const std::vector<AccountConfig>& accounts, Fees fees)
    : m_book(book), m_spec(spec), m_fees(fees) {
    for (const AccountConfig& config : accounts) {
        m_accounts.push_back(
            Account{config, AccountLedger(config.startingBalance, m_spec), {}, {}, {}, {}, 0});
    }
}

MatchingEngine::Account* MatchingEngine::account(std::string_view apiKey) {
    for (Account& a : m_accounts) {
        if (a.config.apiKey == apiKey) {
            return &a;
        }
    }
    return nullptr;
}

Fixed8 MatchingEngine::priceE8(Price p) const {
    return Fixed8{p.ticks * m_spec.priceGrid.step *
                  core::powerOfTen(Fixed8::kDecimals - m_spec.priceGrid.decimals)};
}

Fixed8 MatchingEngine::markPrice() const {
    if (m_mark) {
        return *m_mark;
    }
    const auto mid2 = m_book.midTicksTimesTwo();
    if (!mid2) {
        return m_lastTrade ? priceE8(*m_lastTrade) : Fixed8{};
    }
    return Fixed8{*mid2 * m_spec.priceGrid.step *
                  core::powerOfTen(Fixed8::kDecimals - m_spec.priceGrid.decimals) / 2};
}

Fixed8 MatchingEngine::openOrderMargin(const Account& a) const {
    std::int64_t total = 0;
    for (const auto& [id, o] : a.orders) {
        if (o.open() && !o.reduceOnly && o.type == OrderType::Limit) {
            total += m_spec.toFixed8(core::notionalOf(o.price, o.remaining())).e8;
        }
    }
    return Fixed8{total / a.ledger.leverage()};
}

AccountSnapshot MatchingEngine::snapshot(const Account& a, std::int64_t nowMs) const {
    return AccountSnapshot{&a.ledger, markPrice(), openOrderMargin(a), m_fees.takerRateE8, nowMs};
}

void MatchingEngine::emit(const Account& a, const std::string& payload) const {
    if (m_sink) {
        m_sink(a.config.apiKey, payload);
    }
}

bool MatchingEngine::clientIdInUse(const Account& a, const std::string& id) const {
    for (const auto& [orderId, o] : a.orders) {
        if (o.open() && o.clientOrderId == id) {
            return true;
        }
    }
    for (const auto& [algoId, algo] : a.algos) {
        if (algo.open() && algo.clientAlgoId == id) {
            return true;
        }
    }
    return false;
}

std::optional<ApiError> MatchingEngine::checkOrder(const Account& a, const NewOrder& order,
                                                   bool checkMinNotional) const {
    const bool market = order.type == OrderType::Market;
    if (order.qty.lots <= 0) {
        return ApiError{-4003, "Quantity less than or equal to zero.", 400};
    }
    if (order.qty < m_spec.minQty) {
        return ApiError{-4004, "Quantity less than min quantity.", 400};
    }
    if (order.qty > (market ? m_spec.marketMaxQty : m_spec.maxQty)) {
        return ApiError{-4005, "Quantity greater than max quantity.", 400};
    }
    // PRICE_FILTER bounds, when exchangeInfo gave them (0: not known).
    if (!market && (order.price.ticks <= 0 || order.price < m_spec.minPrice)) {
        return ApiError{-4013, "Price less than min price.", 400};
    }
    if (!market && m_spec.maxPrice.ticks > 0 && order.price > m_spec.maxPrice) {
        return ApiError{-4016, "Price greater than max price.", 400};
    }
    if (!order.clientOrderId.empty() && clientIdInUse(a, order.clientOrderId)) {
        return ApiError{-4116, "ClientOrderId is duplicated.", 400};
    }
    if (m_spec.maxOpenOrders > 0 &&
        std::count_if(a.orders.begin(), a.orders.end(), [](const auto& entry) {
            return entry.second.open();
        }) >= m_spec.maxOpenOrders) {
        return ApiError{-2025, "Reach max open order limit.", 400}; // MAX_NUM_ORDERS
    }
    const Qty reducible = a.ledger.reducible(order.side);
    if (order.reduceOnly && reducible.isZero()) {
        return ApiError{-2022, "ReduceOnly Order is rejected.", 400};
    }
    const Side opposite = core::opposite(order.side);
    const auto best = opposite == Side::Sell ? m_book.bestAsk() : m_book.bestBid();
    if (!market && order.timeInForce == TimeInForce::Gtx && best &&
        (order.side == Side::Buy ? order.price >= best->price : order.price <= best->price)) {
        return ApiError{-5022,
                        "Due to the order could not be executed as maker, the Post Only order "
                        "will be rejected. The order will not be recorded in the order history",
                        400};
    }
    if (!market && order.timeInForce == TimeInForce::Fok) {
        std::vector<core::Level> levels;
        m_book.levels(opposite, -1, levels);
        Qty available{};
        for (const core::Level& l : levels) {
            if (order.side == Side::Buy ? l.price > order.price : l.price < order.price) {
                break;
            }
            available += l.qty;
        }
        if (available < order.qty) {
            return ApiError{-5021,
                            "Due to the order could not be filled immediately, the FOK order has "
                            "been rejected. The order will not be recorded in the order history",
                            400};
        }
    }
    // The price the notional and the margin are judged at: the limit, or for a market order the
    // best opposite price (the mark when that side is empty).
    const Fixed8 refPrice = !market ? priceE8(order.price)
                            : best  ? priceE8(best->price)
                                    : markPrice();
    if (checkMinNotional && !order.reduceOnly &&
        a.ledger.valueAt(refPrice, order.qty) < m_spec.minNotional) {
        return ApiError{-4164,
                        fmt::format("Order's notional must be no smaller than {} (unless you "
                                    "choose reduce only).",
                                    compactFixed8(m_spec.minNotional)),
                        400};
    }
    const Qty increasing =
        order.reduceOnly ? Qty{} : Qty{order.qty.lots - std::min(order.qty, reducible).lots};
    if (!increasing.isZero()) {
        const Fixed8 required{a.ledger.valueAt(refPrice, increasing).e8 / a.ledger.leverage()};
        const Fixed8 available = a.ledger.available(markPrice(), openOrderMargin(a));
        if (required > available) {
            return ApiError{-2019, "Margin is insufficient.", 400};
        }
    }
    return std::nullopt;
}

std::optional<ApiError> MatchingEngine::placeOrder(Account& a, const NewOrder& order,
                                                   std::int64_t nowMs, std::int64_t& orderId) {
    if (auto error = checkOrder(a, order, true)) {
        return error;
    }
    orderId = submit(a, order, nowMs).orderId;
    return std::nullopt;
}

SimOrder& MatchingEngine::submit(Account& a, const NewOrder& order, std::int64_t nowMs) {
    SimOrder o;
    o.orderId = m_ids.nextOrderId++;
    o.clientOrderId =
        order.clientOrderId.empty() ? fmt::format("hoga-sim-{}", o.orderId) : order.clientOrderId;
    o.side = order.side;
    o.type = order.type;
    o.timeInForce = order.type == OrderType::Market ? TimeInForce::Gtc : order.timeInForce;
    o.price = order.type == OrderType::Market ? Price{} : order.price;
    o.qty = order.qty;
    o.reduceOnly = order.reduceOnly;
    o.timeMs = nowMs;
    o.updateTimeMs = nowMs;
    SimOrder& placed = a.orders.emplace(o.orderId, std::move(o)).first->second;
    emit(a, orderTradeUpdateJson(placed, "NEW", nullptr, m_spec, nowMs));
    take(a, placed, nowMs);
    if (placed.open() && !placed.remaining().isZero()) {
        if (placed.type == OrderType::Market || placed.timeInForce == TimeInForce::Ioc ||
            (placed.reduceOnly && a.ledger.reducible(placed.side).isZero())) {
            finish(a, placed, OrderStatus::Expired, nowMs);
        } else {
            placed.queueAhead = m_book.qtyAt(placed.side, placed.price);
        }
    }
    return placed;
}

void MatchingEngine::take(Account& a, SimOrder& o, std::int64_t nowMs) {
    std::vector<core::Level> levels;
    m_book.levels(core::opposite(o.side), -1, levels);
    for (const core::Level& level : levels) {
        if (o.remaining().isZero() || !o.open()) {
            break;
        }
        if (o.type == OrderType::Limit &&
            (o.side == Side::Buy ? level.price > o.price : level.price < o.price)) {
            break;
        }
        if (o.reduceOnly && a.ledger.reducible(o.side).isZero()) {
            break;
        }
        fill(a, o, level.price, std::min(o.remaining(), level.qty), false, nowMs);
    }
}

void MatchingEngine::fill(Account& a, SimOrder& o, Price price, Qty qty, bool maker,
                          std::int64_t nowMs, std::string_view executionType) {
    if (o.reduceOnly) {
        qty = std::min(qty, a.ledger.reducible(o.side));
    }
    if (qty.isZero()) {
        return;
    }
    const core::Notional notional = core::notionalOf(price, qty);
    const Fixed8 fee =
        core::feeFor(notional, maker ? m_fees.makerRateE8 : m_fees.takerRateE8, m_spec);
    const Fixed8 realized = a.ledger.applyFill(o.side, price, qty, fee, nowMs);
    o.executed += qty;
    o.cumQuote += notional;
    o.updateTimeMs = nowMs;
    o.status = o.remaining().isZero() ? OrderStatus::Filled : OrderStatus::PartiallyFilled;
    const SimFill f{
        m_ids.nextTradeId++, o.orderId, o.side, price, qty, realized, fee, maker, nowMs};
    a.fills.push_back(f);
    // Income rows as Binance books them: the realized PnL of a closing fill, then its fee.
    if (realized.e8 != 0) {
        a.income.push_back(
            {m_ids.nextTranId++, IncomeType::RealizedPnl, realized, nowMs, f.tradeId});
    }
    if (fee.e8 != 0) {
        a.income.push_back(
            {m_ids.nextTranId++, IncomeType::Commission, Fixed8{-fee.e8}, nowMs, f.tradeId});
    }
    emit(a, tradeLiteJson(o, f, m_spec, nowMs));
    emit(a, orderTradeUpdateJson(o, executionType, &f, m_spec, nowMs));
    emit(a, accountUpdateJson(snapshot(a, nowMs), m_spec, "ORDER"));
}

void MatchingEngine::finish(Account& a, SimOrder& o, OrderStatus status, std::int64_t nowMs) {
    o.status = status;
    o.updateTimeMs = nowMs;
    emit(a, orderTradeUpdateJson(o, toString(status), nullptr, m_spec, nowMs));
}

std::optional<ApiError> MatchingEngine::cancelOrder(Account& a, std::int64_t orderId,
                                                    std::int64_t nowMs) {
    const auto it = a.orders.find(orderId);
    if (it == a.orders.end() || !it->second.open()) {
        return ApiError{-2011, "Unknown order sent.", 400};
    }
    finish(a, it->second, OrderStatus::Canceled, nowMs);
    return std::nullopt;
}

int MatchingEngine::cancelAllOrders(Account& a, std::int64_t nowMs) {
    int n = 0;
    for (auto& [id, o] : a.orders) {
        if (o.open()) {
            finish(a, o, OrderStatus::Canceled, nowMs);
            ++n;
        }
    }
    return n;
}

std::optional<ApiError> MatchingEngine::placeAlgo(Account& a, const NewAlgo& algo,
                                                  std::int64_t nowMs, std::int64_t& algoId) {
    if (!algo.clientAlgoId.empty() && clientIdInUse(a, algo.clientAlgoId)) {
        return ApiError{-4116, "ClientOrderId is duplicated.", 400};
    }
    if (!algo.closePosition) {
        if (algo.qty.lots <= 0) {
            return ApiError{-4003, "Quantity less than or equal to zero.", 400};
        }
        if (algo.qty < m_spec.minQty || algo.qty > m_spec.marketMaxQty) {
            return ApiError{algo.qty < m_spec.minQty ? -4004 : -4005,
                            algo.qty < m_spec.minQty ? "Quantity less than min quantity."
                                                     : "Quantity greater than max quantity.",
                            400};
        }
        if (!algo.reduceOnly &&
            a.ledger.valueAt(priceE8(algo.triggerPrice), algo.qty) < m_spec.minNotional) {
            return ApiError{-4164,
                            fmt::format("Order's notional must be no smaller than {} (unless you "
                                        "choose reduce only).",
                                        compactFixed8(m_spec.minNotional)),
                            400};
        }
    }
    // Binance refuses a conditional order that would trigger at once.
    const std::optional<Fixed8> ref =
        algo.workingType == WorkingType::MarkPrice
            ? std::optional<Fixed8>(markPrice())
            : (m_lastTrade ? std::optional<Fixed8>(priceE8(*m_lastTrade)) : std::nullopt);
    const bool up = (algo.type == AlgoType::StopMarket) == (algo.side == Side::Buy);
    const Fixed8 trigger = priceE8(algo.triggerPrice);
    if (ref && ref->e8 > 0 && (up ? *ref >= trigger : *ref <= trigger)) {
        return ApiError{-2021, "Order would immediately trigger.", 400};
    }
    AlgoOrder o;
    o.algoId = m_ids.nextAlgoId++;
    o.clientAlgoId =
        algo.clientAlgoId.empty() ? fmt::format("hoga-sim-algo-{}", o.algoId) : algo.clientAlgoId;
    o.type = algo.type;
    o.side = algo.side;
    o.qty = algo.closePosition ? Qty{} : algo.qty;
    o.triggerPrice = algo.triggerPrice;
    o.workingType = algo.workingType;
    o.reduceOnly = algo.reduceOnly;
    o.closePosition = algo.closePosition;
    o.createTimeMs = nowMs;
    o.updateTimeMs = nowMs;
    AlgoOrder& placed = a.algos.emplace(o.algoId, std::move(o)).first->second;
    emit(a, algoUpdateJson(placed, m_spec, nowMs));
    algoId = placed.algoId;
    return std::nullopt;
}

void MatchingEngine::emitAlgo(const Account& a, AlgoOrder& algo, AlgoStatus status,
                              std::int64_t nowMs) {
    algo.status = status;
    algo.updateTimeMs = nowMs;
    emit(a, algoUpdateJson(algo, m_spec, nowMs));
}

std::optional<ApiError> MatchingEngine::cancelAlgo(Account& a, std::int64_t algoId,
                                                   std::int64_t nowMs) {
    const auto it = a.algos.find(algoId);
    if (it == a.algos.end() || !it->second.open()) {
        return ApiError{-2011, "Unknown order sent.", 400};
    }
    emitAlgo(a, it->second, AlgoStatus::Canceled, nowMs);
    return std::nullopt;
}

int MatchingEngine::cancelAllAlgos(Account& a, std::int64_t nowMs) {
    int n = 0;
    for (auto& [id, algo] : a.algos) {
        if (algo.open()) {
            emitAlgo(a, algo, AlgoStatus::Canceled, nowMs);
            ++n;
        }
    }
    return n;
}

std::optional<ApiError> MatchingEngine::setLeverage(Account& a, int leverage) {
    if (leverage < 1 || leverage > 125) {
        return ApiError{-4028, fmt::format("Leverage {} is not valid", leverage), 400};
    }
    a.ledger.setLeverage(leverage);
    return std::nullopt;
}

std::optional<ApiError> MatchingEngine::setMarginType(Account& a, MarginType type) {
    if (a.ledger.marginType() == type) {
        return ApiError{-4046, "No need to change margin type.", 400};
    }
    if (a.ledger.position().lots != 0) {
        return ApiError{-4048, "Margin type cannot be changed if there exists position.", 400};
    }
    for (const auto& [id, o] : a.orders) {
        if (o.open()) {
            return ApiError{-4047, "Margin type cannot be changed if there exists open orders.",
                            400};
        }
    }
    a.ledger.setMarginType(type);
    return std::nullopt;
}

void MatchingEngine::onTrade(const core::Trade& trade, std::int64_t nowMs) {
    m_lastTrade = trade.price;
    for (Account& a : m_accounts) {
        for (auto& [id, o] : a.orders) {
            if (!o.open() || o.type != OrderType::Limit) {
                continue;
            }
            const bool buy = o.side == Side::Buy;
            Qty qty{};
            if (buy ? trade.price < o.price : trade.price > o.price) {
                qty = o.remaining(); // the market traded through the order's price
            } else if (trade.price == o.price && trade.takerSide() != o.side) {
                if (o.queueAhead >= trade.qty) {
                    o.queueAhead -= trade.qty;
                    continue;
                }
                qty = std::min(o.remaining(), trade.qty - o.queueAhead);
                o.queueAhead = {};
            } else {
                continue;
            }
            if (o.reduceOnly && a.ledger.reducible(o.side).isZero()) {
                finish(a, o, OrderStatus::Expired, nowMs); // nothing left to reduce
                continue;
            }
            fill(a, o, o.price, qty, true, nowMs);
        }
    }
    checkTriggers(nowMs);
}

void MatchingEngine::onMarkPrice(Fixed8 mark, std::int64_t nowMs) {
    m_mark = mark;
    checkTriggers(nowMs);
}

void MatchingEngine::onBookChanged(std::int64_t nowMs) {
    if (!m_mark) {
        checkTriggers(nowMs); // the mark is the mid, which may have moved
    }
}

void MatchingEngine::onClock(std::int64_t nowMs) {
    for (Account& a : m_accounts) {
        if (a.countdownDeadlineMs > 0 && nowMs >= a.countdownDeadlineMs) {
            a.countdownDeadlineMs = 0;
            cancelAllOrders(a, nowMs);
        }
    }
}

void MatchingEngine::checkTriggers(std::int64_t nowMs) {
    const Fixed8 mark = markPrice();
    for (Account& a : m_accounts) {
        for (auto& [id, algo] : a.algos) {
            if (!algo.open()) {
                continue;
            }
            std::optional<Fixed8> ref;
            if (algo.workingType == WorkingType::MarkPrice && mark.e8 > 0) {
                ref = mark;
            } else if (algo.workingType == WorkingType::ContractPrice && m_lastTrade) {
                ref = priceE8(*m_lastTrade);
            }
            const bool up = (algo.type == AlgoType::StopMarket) == (algo.side == Side::Buy);
            const Fixed8 trig = priceE8(algo.triggerPrice);
            if (ref && (up ? *ref >= trig : *ref <= trig)) {
                trigger(a, algo, nowMs);
            }
        }
        const std::int64_t lots = a.ledger.position().lots;
        const Fixed8 liq = a.ledger.liquidationPrice();
        if (lots != 0 && mark.e8 > 0 && liq.e8 > 0 && (lots > 0 ? mark <= liq : mark >= liq)) {
            liquidate(a, nowMs);
        }
    }
}

void MatchingEngine::trigger(Account& a, AlgoOrder& algo, std::int64_t nowMs) {
    algo.triggerTimeMs = nowMs;
    emitAlgo(a, algo, AlgoStatus::Triggering, nowMs);
    NewOrder order;
    order.side = algo.side;
    order.type = OrderType::Market;
    order.qty = algo.closePosition ? a.ledger.reducible(algo.side) : algo.qty;
    order.reduceOnly = algo.reduceOnly || algo.closePosition;
    order.clientOrderId = algo.clientAlgoId;
    if (order.qty.isZero() || (order.reduceOnly && a.ledger.reducible(algo.side).isZero())) {
        emitAlgo(a, algo, AlgoStatus::Expired, nowMs); // nothing to close any more
        return;
    }
    if (checkOrder(a, order, false)) {
        emitAlgo(a, algo, AlgoStatus::Rejected, nowMs);
        return;
    }
    // The order is built here rather than through submit() so that it carries the algo's type.
    SimOrder o;
    o.orderId = m_ids.nextOrderId++;
    o.clientOrderId = algo.clientAlgoId;
    o.side = algo.side;
    o.type = OrderType::Market;
    o.qty = order.qty;
    o.reduceOnly = order.reduceOnly;
    o.closePosition = algo.closePosition;
    o.origType = toString(algo.type);
    o.stopPrice = algo.triggerPrice;
    o.workingType = algo.workingType;
    o.timeMs = nowMs;
    o.updateTimeMs = nowMs;
    SimOrder& placed = a.orders.emplace(o.orderId, std::move(o)).first->second;
    algo.actualOrderId = placed.orderId;
    emitAlgo(a, algo, AlgoStatus::Triggered, nowMs);
    emit(a, orderTradeUpdateJson(placed, "NEW", nullptr, m_spec, nowMs));
    take(a, placed, nowMs);
    if (placed.open()) {
        finish(a, placed, OrderStatus::Expired, nowMs);
    }
    algo.executed = placed.executed;
    algo.cumQuote = placed.cumQuote;
    emitAlgo(a, algo, AlgoStatus::Finished, nowMs);
}

void MatchingEngine::liquidate(Account& a, std::int64_t nowMs) {
    cancelAllOrders(a, nowMs);
    const std::int64_t lots = a.ledger.position().lots;
    const std::int64_t tickE8 =
        m_spec.priceGrid.step * core::powerOfTen(Fixed8::kDecimals - m_spec.priceGrid.decimals);
    const Price price{(markPrice().e8 + tickE8 / 2) / tickE8};
    SimOrder o;
    o.orderId = m_ids.nextOrderId++;
    o.clientOrderId = fmt::format("autoclose-{}", nowMs);
    o.side = lots > 0 ? Side::Sell : Side::Buy;
    o.type = OrderType::Limit;
    o.timeInForce = TimeInForce::Ioc;
    o.price = price;
    o.qty = Qty{std::llabs(lots)};
    o.reduceOnly = true;
    o.timeMs = nowMs;
    o.updateTimeMs = nowMs;
    SimOrder& placed = a.orders.emplace(o.orderId, std::move(o)).first->second;
    fill(a, placed, price, placed.qty, false, nowMs, "CALCULATED");
}

} // namespace hoga::sim
