#include "trading_json.h"

#include "core/position.h"

#include <fmt/format.h>

namespace hoga::sim {

using core::Fixed8;
using core::formatFixed8;

std::string quoted(std::string_view text) {
    std::string out = "\"";
    for (const char c : text) {
        if (c == '"' || c == '\\') {
            out.push_back('\\');
            out.push_back(c);
        } else if (static_cast<unsigned char>(c) < 0x20) {
            out += fmt::format("\\u{:04x}", static_cast<int>(c));
        } else {
            out.push_back(c);
        }
    }
    out.push_back('"');
    return out;
}

void JsonObjectWriter::key(std::string_view key) {
    if (m_out.size() > 1) {
        m_out.push_back(',');
    }
    m_out += quoted(key);
    m_out.push_back(':');
}

JsonObjectWriter& JsonObjectWriter::str(std::string_view k, std::string_view value) {
    key(k);
    m_out += quoted(value);
    return *this;
}

JsonObjectWriter& JsonObjectWriter::num(std::string_view k, std::int64_t value) {
    key(k);
    m_out += std::to_string(value);
    return *this;
}

JsonObjectWriter& JsonObjectWriter::boolean(std::string_view k, bool value) {
    key(k);
    m_out += value ? "true" : "false";
    return *this;
}

JsonObjectWriter& JsonObjectWriter::raw(std::string_view k, std::string_view json) {
    key(k);
    m_out += json;
    return *this;
}

std::string errorJson(int code, std::string_view message) {
    return JsonObjectWriter().num("code", code).str("msg", message).done();
}

std::string compactFixed8(Fixed8 value) {
    std::string text = formatFixed8(value);
    while (!text.empty() && text.back() == '0') {
        text.pop_back();
    }
    if (!text.empty() && text.back() == '.') {
        text.pop_back();
    }
    return text;
}

std::string avgPrice(core::Notional cumQuote, core::Qty executed,
                     const core::InstrumentSpec& spec) {
    if (executed.isZero()) {
        return spec.formatPrice(core::Price{0});
    }
    return core::formatAveragePrice(cumQuote, executed, spec.priceGrid,
                                    Fixed8::kDecimals - spec.priceGrid.decimals);
}

std::string_view origTypeOf(const SimOrder& o) {
    return o.origType.empty() ? toString(o.type) : o.origType;
}

std::string orderJson(const SimOrder& o, const core::InstrumentSpec& spec, bool ack) {
    // ACK answers as soon as the order is accepted: it reports the order as NEW and unfilled.
    const OrderStatus status = ack ? OrderStatus::New : o.status;
    const core::Qty executed = ack ? core::Qty{} : o.executed;
    const core::Notional cumQuote = ack ? core::Notional{} : o.cumQuote;
    return JsonObjectWriter()
        .num("orderId", o.orderId)
        .str("symbol", spec.symbol)
        .str("status", toString(status))
        .str("clientOrderId", o.clientOrderId)
        .str("price", spec.formatPrice(o.price))
        .str("avgPrice", avgPrice(cumQuote, executed, spec))
        .str("origQty", spec.formatQty(o.qty))
        .str("executedQty", spec.formatQty(executed))
        .str("cumQty", spec.formatQty(executed))
        .str("cumQuote", spec.formatNotional(cumQuote))
        .str("timeInForce", toString(o.timeInForce))
        .str("type", toString(o.type))
        .boolean("reduceOnly", o.reduceOnly)
        .boolean("closePosition", o.closePosition)
        .str("side", toString(o.side))
        .str("positionSide", "BOTH")
        .str("stopPrice", spec.formatPrice(o.stopPrice))
        .str("workingType", toString(o.workingType))
        .boolean("priceProtect", false)
        .str("origType", origTypeOf(o))
        .str("priceMatch", "NONE")
        .str("selfTradePreventionMode", "EXPIRE_MAKER")
        .num("goodTillDate", 0)
        .num("time", o.timeMs)
        .num("updateTime", ack ? o.timeMs : o.updateTimeMs)
        .done();
}

std::string algoOrderJson(const AlgoOrder& a, const core::InstrumentSpec& spec) {
    return JsonObjectWriter()
        .num("algoId", a.algoId)
        .str("clientAlgoId", a.clientAlgoId)
        .str("algoType", "CONDITIONAL")
        .str("orderType", toString(a.type))
        .str("type", toString(a.type)) // older captures (nautilus fixture) name it "type"
        .str("symbol", spec.symbol)
        .str("side", toString(a.side))
        .str("positionSide", "BOTH")
        .str("timeInForce", "GTC")
        .str("quantity", spec.formatQty(a.qty))
        .str("algoStatus", toString(a.status))
        .str("actualOrderId", a.actualOrderId ? std::to_string(a.actualOrderId) : std::string())
        .str("actualPrice", avgPrice(a.cumQuote, a.executed, spec))
        .str("triggerPrice", spec.formatPrice(a.triggerPrice))
        .str("price", spec.formatPrice(core::Price{0}))
        .raw("icebergQuantity", "null")
        .str("selfTradePreventionMode", "EXPIRE_MAKER")
        .str("workingType", toString(a.workingType))
        .str("priceMatch", "NONE")
        .boolean("closePosition", a.closePosition)
        .boolean("priceProtect", false)
        .boolean("reduceOnly", a.reduceOnly)
        .str("activatePrice", "")
        .str("callbackRate", "")
        .num("createTime", a.createTimeMs)
        .num("updateTime", a.updateTimeMs)
        .num("triggerTime", a.triggerTimeMs)
        .num("goodTillDate", 0)
        .done();
}

std::string userTradeJson(const SimFill& f, const core::InstrumentSpec& spec) {
    return JsonObjectWriter()
        .str("symbol", spec.symbol)
        .num("id", f.tradeId)
        .num("orderId", f.orderId)
        .str("side", toString(f.side))
        .str("price", spec.formatPrice(f.price))
        .str("qty", spec.formatQty(f.qty))
        .str("realizedPnl", formatFixed8(f.realizedPnl))
        .str("marginAsset", "USDT")
        .str("quoteQty", spec.formatNotional(core::notionalOf(f.price, f.qty)))
        .str("commission", formatFixed8(f.commission))
        .str("commissionAsset", "USDT")
        .num("time", f.timeMs)
        .str("positionSide", "BOTH")
        .boolean("buyer", f.side == core::Side::Buy)
        .boolean("maker", f.maker)
        .done();
}

namespace {

struct PositionNumbers {
    std::string amount, entry, breakEven, mark, upnl, liquidation, notional, isolatedMargin,
        isolatedWallet, initialMargin, maintMargin;
};

PositionNumbers positionNumbers(const AccountSnapshot& a, const core::InstrumentSpec& spec) {
    const AccountLedger& l = *a.ledger;
    const SimPosition& p = l.position();
    const bool isolated = l.marginType() == MarginType::Isolated;
    const Fixed8 upnl = l.unrealizedPnl(a.mark);
    PositionNumbers n;
    n.amount = spec.formatQty(core::Qty{p.lots});
    n.entry = l.entryPriceText();
    n.breakEven = formatFixed8(l.breakEvenPrice(a.takerRateE8));
    n.mark = formatFixed8(a.mark);
    n.upnl = formatFixed8(upnl);
    n.liquidation = formatFixed8(l.liquidationPrice());
    n.notional = formatFixed8(l.notional(a.mark));
    n.isolatedWallet = formatFixed8(isolated ? p.isolatedWallet : Fixed8{});
    n.isolatedMargin =
        formatFixed8(isolated && p.lots != 0 ? Fixed8{p.isolatedWallet.e8 + upnl.e8} : Fixed8{});
    n.initialMargin = formatFixed8(l.initialMargin(a.mark));
    n.maintMargin = formatFixed8(l.maintMargin(a.mark));
    return n;
}

} // namespace

std::string positionRiskV2Json(const AccountSnapshot& a, const core::InstrumentSpec& spec) {
    const PositionNumbers n = positionNumbers(a, spec);
    const AccountLedger& l = *a.ledger;
    return "[" +
           JsonObjectWriter()
               .str("symbol", spec.symbol)
               .str("positionAmt", n.amount)
               .str("entryPrice", n.entry)
               .str("breakEvenPrice", n.breakEven)
               .str("markPrice", n.mark)
               .str("unRealizedProfit", n.upnl)
               .str("liquidationPrice", n.liquidation)
               .str("leverage", std::to_string(l.leverage()))
               .str("maxNotionalValue", "1000000000")
               .str("marginType", l.marginType() == MarginType::Isolated ? "isolated" : "cross")
               .str("isolatedMargin", n.isolatedMargin)
               .str("isAutoAddMargin", "false")
               .str("positionSide", "BOTH")
               .str("notional", n.notional)
               .str("isolatedWallet", n.isolatedWallet)
               .num("updateTime", l.position().updateTimeMs)
               .done() +
           "]";
}

std::string positionRiskV3Json(const AccountSnapshot& a, const core::InstrumentSpec& spec) {
    const AccountLedger& l = *a.ledger;
    if (l.position().lots == 0) {
        return "[]"; // v3 lists only symbols with a position or open orders
    }
    const PositionNumbers n = positionNumbers(a, spec);
    return "[" +
           JsonObjectWriter()
               .str("symbol", spec.symbol)
               .str("positionSide", "BOTH")
               .str("positionAmt", n.amount)
               .str("entryPrice", n.entry)
               .str("breakEvenPrice", n.breakEven)
               .str("markPrice", n.mark)
               .str("unRealizedProfit", n.upnl)
               .str("liquidationPrice", n.liquidation)
               .str("isolatedMargin", n.isolatedMargin)
               .str("notional", n.notional)
               .str("marginAsset", "USDT")
               .str("isolatedWallet", n.isolatedWallet)
               .str("initialMargin", n.initialMargin)
               .str("maintMargin", n.maintMargin)
               .str("positionInitialMargin", n.initialMargin)
               .str("openOrderInitialMargin", formatFixed8(a.openOrderMargin))
               .str("adl", "0")
               .str("bidNotional", "0")
               .str("askNotional", "0")
               .num("updateTime", l.position().updateTimeMs)
               .done() +
           "]";
}

std::string balanceJson(const AccountSnapshot& a) {
    const AccountLedger& l = *a.ledger;
    const bool cross = l.marginType() == MarginType::Crossed;
    const Fixed8 upnl = cross ? l.unrealizedPnl(a.mark) : Fixed8{};
    const Fixed8 crossWallet{l.wallet().e8 - l.position().isolatedWallet.e8};
    const Fixed8 available = l.available(a.mark, a.openOrderMargin);
    return "[" +
           JsonObjectWriter()
               .str("accountAlias", "SgsR")
               .str("asset", "USDT")
               .str("balance", formatFixed8(l.wallet()))
               .str("crossWalletBalance", formatFixed8(crossWallet))
               .str("crossUnPnl", formatFixed8(upnl))
               .str("availableBalance", formatFixed8(available))
               .str("maxWithdrawAmount", formatFixed8(Fixed8{std::max<std::int64_t>(
                                             0, std::min(available.e8, crossWallet.e8))}))
               .boolean("marginAvailable", true)
               .num("updateTime", a.timeMs)
               .done() +
           "]";
}

std::string accountJson(const AccountSnapshot& a, const core::InstrumentSpec& spec) {
    const AccountLedger& l = *a.ledger;
    const SimPosition& p = l.position();
    const bool isolated = l.marginType() == MarginType::Isolated;
    const Fixed8 upnl = l.unrealizedPnl(a.mark);
    const Fixed8 im = l.initialMargin(a.mark);
    const Fixed8 mm = l.maintMargin(a.mark);
    const Fixed8 available = l.available(a.mark, a.openOrderMargin);
    const Fixed8 crossWallet{l.wallet().e8 - p.isolatedWallet.e8};
    const Fixed8 totalIm{im.e8 + a.openOrderMargin.e8};
    const Fixed8 margin{l.wallet().e8 + upnl.e8};
    const std::string maxWithdraw =
        formatFixed8(Fixed8{std::max<std::int64_t>(0, std::min(available.e8, crossWallet.e8))});
    const std::string asset = JsonObjectWriter()
                                  .str("asset", "USDT")
                                  .str("walletBalance", formatFixed8(l.wallet()))
                                  .str("unrealizedProfit", formatFixed8(upnl))
                                  .str("marginBalance", formatFixed8(margin))
                                  .str("maintMargin", formatFixed8(mm))
                                  .str("initialMargin", formatFixed8(totalIm))
                                  .str("positionInitialMargin", formatFixed8(im))
                                  .str("openOrderInitialMargin", formatFixed8(a.openOrderMargin))
                                  .str("crossWalletBalance", formatFixed8(crossWallet))
                                  .str("crossUnPnl", formatFixed8(isolated ? Fixed8{} : upnl))
                                  .str("availableBalance", formatFixed8(available))
                                  .str("maxWithdrawAmount", maxWithdraw)
                                  .boolean("marginAvailable", true)
                                  .num("updateTime", a.timeMs)
                                  .done();
    const std::string position =
        JsonObjectWriter()
            .str("symbol", spec.symbol)
            .str("initialMargin", formatFixed8(im))
            .str("maintMargin", formatFixed8(mm))
            .str("unrealizedProfit", formatFixed8(upnl))
            .str("positionInitialMargin", formatFixed8(im))
            .str("openOrderInitialMargin", formatFixed8(a.openOrderMargin))
            .str("leverage", std::to_string(l.leverage()))
            .boolean("isolated", isolated)
            .str("entryPrice", l.entryPriceText())
            .str("breakEvenPrice", formatFixed8(l.breakEvenPrice(a.takerRateE8)))
            .str("maxNotional", "1000000000")
            .str("positionSide", "BOTH")
            .str("positionAmt", spec.formatQty(core::Qty{p.lots}))
            .str("notional", formatFixed8(l.notional(a.mark)))
            .str("isolatedWallet", formatFixed8(isolated ? p.isolatedWallet : Fixed8{}))
            .num("updateTime", p.updateTimeMs)
            .str("bidNotional", "0")
            .str("askNotional", "0")
            .done();
    return JsonObjectWriter()
        .num("feeTier", 0)
        .num("feeBurn", 0)
        .boolean("canTrade", true)
        .boolean("canDeposit", true)
        .boolean("canWithdraw", true)
        .num("updateTime", 0)
        .boolean("multiAssetsMargin", false)
        .num("tradeGroupId", -1)
        .str("totalInitialMargin", formatFixed8(totalIm))
        .str("totalMaintMargin", formatFixed8(mm))
        .str("totalWalletBalance", formatFixed8(l.wallet()))
        .str("totalUnrealizedProfit", formatFixed8(upnl))
        .str("totalMarginBalance", formatFixed8(margin))
        .str("totalPositionInitialMargin", formatFixed8(im))
        .str("totalOpenOrderInitialMargin", formatFixed8(a.openOrderMargin))
        .str("totalCrossWalletBalance", formatFixed8(crossWallet))
        .str("totalCrossUnPnl", formatFixed8(isolated ? Fixed8{} : upnl))
        .str("availableBalance", formatFixed8(available))
        .str("maxWithdrawAmount", maxWithdraw)
        .raw("assets", "[" + asset + "]")
        .raw("positions", "[" + position + "]")
        .done();
}

std::string incomeJson(const IncomeRecord& r, const core::InstrumentSpec& spec) {
    // Binance writes "info" as the income type for these rows and "tradeId" as a string ("" when
    // no fill is behind the row).
    return JsonObjectWriter()
        .str("symbol", spec.symbol)
        .str("incomeType", toString(r.type))
        .str("income", core::formatFixed8(r.amount))
        .str("asset", "USDT")
        .str("info", toString(r.type))
        .num("time", r.timeMs)
        .num("tranId", r.tranId)
        .str("tradeId", r.tradeId ? std::to_string(r.tradeId) : std::string())
        .done();
}

} // namespace hoga::sim
