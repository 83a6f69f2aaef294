#include "binance_json.h"

#include <fmt/format.h>

namespace hoga::sim {

namespace {
// [["price","qty"],…] for core::PriceLevel and core::Level alike.
template <typename LevelT>
void appendLevels(std::string& out, const std::vector<LevelT>& levels,
                  const core::InstrumentSpec& spec) {
    out += '[';
    for (std::size_t i = 0; i < levels.size(); ++i) {
        out += i ? ",[\"" : "[\"";
        spec.priceGrid.append(out, levels[i].price.ticks);
        out += "\",\"";
        spec.qtyGrid.append(out, levels[i].qty.lots);
        out += "\"]";
    }
    out += ']';
}
} // namespace

std::string depthUpdateJson(const core::DepthUpdate& d, const core::InstrumentSpec& spec,
                            std::int64_t shiftMs, std::uint64_t idOffset) {
    std::string out;
    out.reserve(64 + (d.bids.size() + d.asks.size()) * 24);
    out += fmt::format(R"({{"e":"depthUpdate","E":{},"T":{},"s":"{}","U":{},"u":{},"pu":{},"b":)",
                       d.eventTimeMs + shiftMs, d.transactionTimeMs + shiftMs, spec.symbol,
                       d.firstUpdateId + idOffset, d.finalUpdateId + idOffset,
                       d.prevFinalUpdateId + idOffset);
    appendLevels(out, d.bids, spec);
    out += ",\"a\":";
    appendLevels(out, d.asks, spec);
    out += '}';
    return out;
}

std::string tradeJson(const core::Trade& t, const core::InstrumentSpec& spec,
                      std::int64_t shiftMs) {
    if (t.aggregated) {
        return fmt::format(
            R"({{"e":"aggTrade","E":{},"a":{},"s":"{}","p":"{}","q":"{}","f":{},"l":{},"T":{},"m":{}}})",
            t.eventTimeMs + shiftMs, t.id, spec.symbol, spec.formatPrice(t.price),
            spec.formatQty(t.qty), t.firstTradeId, t.lastTradeId, t.tradeTimeMs + shiftMs,
            t.buyerIsMaker);
    }
    return fmt::format(
        R"({{"e":"trade","E":{},"T":{},"s":"{}","t":{},"p":"{}","q":"{}","X":"MARKET","m":{}}})",
        t.eventTimeMs + shiftMs, t.tradeTimeMs + shiftMs, spec.symbol, t.id,
        spec.formatPrice(t.price), spec.formatQty(t.qty), t.buyerIsMaker);
}

std::string bookTickerJson(const core::BookTicker& t, const core::InstrumentSpec& spec,
                           std::int64_t shiftMs, std::uint64_t idOffset) {
    return fmt::format(
        R"({{"e":"bookTicker","u":{},"s":"{}","b":"{}","B":"{}","a":"{}","A":"{}","T":{},"E":{}}})",
        t.updateId + idOffset, spec.symbol, spec.formatPrice(t.bidPrice), spec.formatQty(t.bidQty),
        spec.formatPrice(t.askPrice), spec.formatQty(t.askQty), t.transactionTimeMs + shiftMs,
        t.eventTimeMs + shiftMs);
}

std::string markPriceJson(const core::MarkPriceUpdate& m, const core::InstrumentSpec& spec,
                          std::int64_t shiftMs) {
    return fmt::format(
        R"({{"e":"markPriceUpdate","E":{},"s":"{}","p":"{}","P":"{}","i":"{}","r":"{}","T":{}}})",
        m.eventTimeMs + shiftMs, spec.symbol, core::formatFixed8(m.markPrice),
        core::formatFixed8(m.estimatedSettlePrice), core::formatFixed8(m.indexPrice),
        core::formatFixed8(m.fundingRate), m.nextFundingTimeMs + shiftMs);
}

std::string klineJson(const core::Kline& k, const core::InstrumentSpec& spec,
                      std::int64_t shiftMs) {
    return fmt::format(
        R"({{"e":"kline","E":{},"s":"{}","k":{{"t":{},"T":{},"s":"{}","i":"{}","f":{},"L":{},)"
        R"("o":"{}","c":"{}","h":"{}","l":"{}","v":"{}","n":{},"x":{},"q":"{}","V":"{}","Q":"{}","B":"0"}}}})",
        k.eventTimeMs + shiftMs, spec.symbol, k.openTimeMs + shiftMs, k.closeTimeMs + shiftMs,
        spec.symbol, k.interval, k.firstTradeId, k.lastTradeId, spec.formatPrice(k.open),
        spec.formatPrice(k.close), spec.formatPrice(k.high), spec.formatPrice(k.low),
        spec.formatQty(k.volume), k.tradeCount, k.closed, core::formatFixed8(k.quoteVolume),
        spec.formatQty(k.takerBuyVolume), core::formatFixed8(k.takerBuyQuoteVolume));
}

std::string depthSnapshotJson(std::uint64_t lastUpdateId, std::int64_t eventTimeMs,
                              const std::vector<core::Level>& bids,
                              const std::vector<core::Level>& asks,
                              const core::InstrumentSpec& spec) {
    std::string out = fmt::format(R"({{"lastUpdateId":{},"E":{},"T":{},"bids":)", lastUpdateId,
                                  eventTimeMs, eventTimeMs);
    appendLevels(out, bids, spec);
    out += ",\"asks\":";
    appendLevels(out, asks, spec);
    out += '}';
    return out;
}

std::string exchangeInfoJson(const core::InstrumentSpec& spec, std::int64_t serverTimeMs) {
    const auto step = [](const core::DecimalGrid& g) { return g.format(1); };
    return fmt::format(
        R"({{"timezone":"UTC","serverTime":{},"futuresType":"U_MARGINED",)"
        R"("rateLimits":[{{"rateLimitType":"REQUEST_WEIGHT","interval":"MINUTE","intervalNum":1,"limit":2400}},)"
        R"({{"rateLimitType":"ORDERS","interval":"MINUTE","intervalNum":1,"limit":1200}},)"
        R"({{"rateLimitType":"ORDERS","interval":"SECOND","intervalNum":10,"limit":300}}],)"
        R"("exchangeFilters":[],"assets":[{{"asset":"USDT","marginAvailable":true,"autoAssetExchange":"-10000"}}],)"
        R"("symbols":[{{"symbol":"{}","pair":"{}","contractType":"PERPETUAL","deliveryDate":4133404800000,)"
        R"("onboardDate":1569398400000,"status":"TRADING","maintMarginPercent":"2.5000","requiredMarginPercent":"5.0000",)"
        R"("baseAsset":"BTC","quoteAsset":"USDT","marginAsset":"USDT","pricePrecision":{},"quantityPrecision":{},)"
        R"("baseAssetPrecision":8,"quotePrecision":8,"underlyingType":"COIN","underlyingSubType":["PoW"],)"
        R"("triggerProtect":"0.0500","liquidationFee":"0.012500","marketTakeBound":"0.05","maxMoveOrderLimit":10000,)"
        R"("filters":[{{"filterType":"PRICE_FILTER","minPrice":"{}","maxPrice":"{}","tickSize":"{}"}},)"
        R"({{"filterType":"LOT_SIZE","stepSize":"{}","maxQty":"{}","minQty":"{}"}},)"
        R"({{"filterType":"MARKET_LOT_SIZE","stepSize":"{}","maxQty":"{}","minQty":"{}"}},)"
        R"({{"filterType":"MAX_NUM_ORDERS","limit":{}}},{{"filterType":"MAX_NUM_ALGO_ORDERS","limit":{}}},)"
        R"({{"filterType":"MIN_NOTIONAL","notional":"{}"}},)"
        R"({{"filterType":"PERCENT_PRICE","multiplierUp":"1.0500","multiplierDown":"0.9500","multiplierDecimal":"4"}}],)"
        R"("orderTypes":["LIMIT","MARKET","STOP","STOP_MARKET","TAKE_PROFIT","TAKE_PROFIT_MARKET","TRAILING_STOP_MARKET"],)"
        R"("timeInForce":["GTC","IOC","FOK","GTX","GTD"]}}]}})",
        serverTimeMs, spec.symbol, spec.symbol, spec.priceGrid.decimals, spec.qtyGrid.decimals,
        spec.formatPrice(spec.minPrice.ticks > 0 ? spec.minPrice : core::Price{1}),
        spec.formatPrice(spec.maxPrice.ticks > 0 ? spec.maxPrice : core::Price{80985600}),
        step(spec.priceGrid), step(spec.qtyGrid), spec.formatQty(spec.maxQty),
        spec.formatQty(spec.minQty), step(spec.qtyGrid), spec.formatQty(spec.marketMaxQty),
        spec.formatQty(spec.minQty), spec.maxOpenOrders, spec.maxOpenAlgoOrders,
        core::formatFixed8(spec.minNotional));
}

} // namespace hoga::sim
