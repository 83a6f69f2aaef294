#include "user_data_json.h"

namespace hoga::sim {

using core::Fixed8;
using core::formatFixed8;

std::string orderTradeUpdateJson(const SimOrder& o, std::string_view executionType,
                                 const SimFill* fill, const core::InstrumentSpec& spec,
                                 std::int64_t eventTimeMs) {
    const std::int64_t tradeTime = fill ? fill->timeMs : o.updateTimeMs;
    const std::string inner = JsonObjectWriter()
                                  .str("s", spec.symbol)
                                  .str("c", o.clientOrderId)
                                  .str("S", toString(o.side))
                                  .str("o", toString(o.type))
                                  .str("f", toString(o.timeInForce))
                                  .str("q", spec.formatQty(o.qty))
                                  .str("p", spec.formatPrice(o.price))
                                  .str("ap", avgPrice(o.cumQuote, o.executed, spec))
                                  .str("sp", spec.formatPrice(o.stopPrice))
                                  .str("x", executionType)
                                  .str("X", toString(o.status))
                                  .num("i", o.orderId)
                                  .str("l", spec.formatQty(fill ? fill->qty : core::Qty{}))
                                  .str("z", spec.formatQty(o.executed))
                                  .str("L", spec.formatPrice(fill ? fill->price : core::Price{}))
                                  .str("N", "USDT")
                                  .str("n", formatFixed8(fill ? fill->commission : Fixed8{}))
                                  .num("T", tradeTime)
                                  .num("t", fill ? fill->tradeId : 0)
                                  .str("b", "0")
                                  .str("a", "0")
                                  .boolean("m", fill && fill->maker)
                                  .boolean("R", o.reduceOnly)
                                  .str("wt", toString(o.workingType))
                                  .str("ot", origTypeOf(o))
                                  .str("ps", "BOTH")
                                  .boolean("cp", o.closePosition)
                                  .str("AP", "0")
                                  .str("cr", "0")
                                  .boolean("pP", false)
                                  .num("si", 0)
                                  .num("ss", 0)
                                  .str("rp", formatFixed8(fill ? fill->realizedPnl : Fixed8{}))
                                  .str("V", "EXPIRE_MAKER")
                                  .str("pm", "NONE")
                                  .num("gtd", 0)
                                  .done();
    return JsonObjectWriter()
        .str("e", "ORDER_TRADE_UPDATE")
        .num("T", tradeTime)
        .num("E", eventTimeMs)
        .raw("o", inner)
        .done();
}

std::string tradeLiteJson(const SimOrder& o, const SimFill& fill, const core::InstrumentSpec& spec,
                          std::int64_t eventTimeMs) {
    return JsonObjectWriter()
        .str("e", "TRADE_LITE")
        .num("E", eventTimeMs)
        .num("T", fill.timeMs)
        .str("s", spec.symbol)
        .str("c", o.clientOrderId)
        .str("S", toString(o.side))
        .str("q", spec.formatQty(o.qty))
        .str("p", spec.formatPrice(o.price))
        .num("i", o.orderId)
        .str("l", spec.formatQty(fill.qty))
        .str("L", spec.formatPrice(fill.price))
        .num("t", fill.tradeId)
        .boolean("m", fill.maker)
        .done();
}

namespace {
std::string balanceItemJson(const AccountLedger& l, std::string_view balanceChange) {
    return JsonObjectWriter()
        .str("a", "USDT")
        .str("wb", formatFixed8(l.wallet()))
        .str("cw", formatFixed8(Fixed8{l.wallet().e8 - l.position().isolatedWallet.e8}))
        .str("bc", balanceChange)
        .done();
}

std::string positionItemJson(const AccountSnapshot& a, const core::InstrumentSpec& spec) {
    const AccountLedger& l = *a.ledger;
    const bool isolated = l.marginType() == MarginType::Isolated;
    return JsonObjectWriter()
        .str("s", spec.symbol)
        .str("pa", spec.formatQty(core::Qty{l.position().lots}))
        .str("ep", l.entryPriceText())
        .str("bep", formatFixed8(l.breakEvenPrice(a.takerRateE8)))
        .str("cr", "0")
        .str("up", formatFixed8(l.unrealizedPnl(a.mark)))
        .str("mt", isolated ? "isolated" : "cross")
        .str("iw", formatFixed8(isolated ? l.position().isolatedWallet : Fixed8{}))
        .str("ps", "BOTH")
        .str("ma", "USDT")
        .done();
}

std::string accountUpdateEnvelope(const AccountSnapshot& a, std::string_view reason,
                                  const std::string& balances, const std::string& positions) {
    const std::string inner = JsonObjectWriter()
                                  .str("m", reason)
                                  .raw("B", "[" + balances + "]")
                                  .raw("P", "[" + positions + "]")
                                  .done();
    return JsonObjectWriter()
        .str("e", "ACCOUNT_UPDATE")
        .num("T", a.timeMs)
        .num("E", a.timeMs)
        .raw("a", inner)
        .done();
}
} // namespace

std::string accountUpdateJson(const AccountSnapshot& a, const core::InstrumentSpec& spec,
                              std::string_view reason) {
    return accountUpdateEnvelope(a, reason, balanceItemJson(*a.ledger, "0"),
                                 positionItemJson(a, spec));
}

std::string fundingUpdateJson(const AccountSnapshot& a, const core::InstrumentSpec& spec,
                              Fixed8 income) {
    const bool isolated = a.ledger->marginType() == MarginType::Isolated;
    return accountUpdateEnvelope(a, "FUNDING_FEE", balanceItemJson(*a.ledger, formatFixed8(income)),
                                 isolated ? positionItemJson(a, spec) : std::string());
}

std::string algoUpdateJson(const AlgoOrder& a, const core::InstrumentSpec& spec,
                           std::int64_t eventTimeMs) {
    const std::string inner =
        JsonObjectWriter()
            .str("caid", a.clientAlgoId)
            .num("aid", a.algoId)
            .str("at", "CONDITIONAL")
            .str("o", toString(a.type))
            .str("s", spec.symbol)
            .str("S", toString(a.side))
            .str("ps", "BOTH")
            .str("f", "GTC")
            .str("q", spec.formatQty(a.qty))
            .str("X", toString(a.status))
            .str("ai", a.actualOrderId ? std::to_string(a.actualOrderId) : std::string())
            .str("ap", avgPrice(a.cumQuote, a.executed, spec))
            .str("aq", spec.formatQty(a.executed))
            .str("act", "0")
            .str("tp", spec.formatPrice(a.triggerPrice))
            .str("p", spec.formatPrice(core::Price{0}))
            .str("V", "EXPIRE_MAKER")
            .str("wt", toString(a.workingType))
            .str("pm", "NONE")
            .boolean("cp", a.closePosition)
            .boolean("pP", false)
            .boolean("R", a.reduceOnly)
            .num("tt", a.triggerTimeMs)
            .num("gtd", 0)
            .str("rm", "")
            .done();
    return JsonObjectWriter()
        .str("e", "ALGO_UPDATE")
        .num("T", a.updateTimeMs)
        .num("E", eventTimeMs)
        .raw("o", inner)
        .done();
}

std::string listenKeyExpiredJson(std::string_view listenKey, std::int64_t eventTimeMs) {
    return JsonObjectWriter()
        .str("e", "listenKeyExpired")
        .num("E", eventTimeMs)
        .str("listenKey", listenKey)
        .done();
}

} // namespace hoga::sim
