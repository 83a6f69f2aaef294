#include "market_parser.h"

#include <simdjson.h>

namespace hoga::binance {

namespace od = simdjson::ondemand;

std::string_view messageTypeName(MessageType type) {
    switch (type) {
    case MessageType::DepthUpdate:
        return "depthUpdate";
    case MessageType::Trade:
        return "trade";
    case MessageType::AggTrade:
        return "aggTrade";
    case MessageType::BookTicker:
        return "bookTicker";
    case MessageType::MarkPrice:
        return "markPriceUpdate";
    case MessageType::Kline:
        return "kline";
    case MessageType::Snapshot:
        return "snapshot";
    case MessageType::Unknown:
        return "unknown";
    case MessageType::OtherSymbol:
        return "otherSymbol";
    case MessageType::Malformed:
        return "malformed";
    }
    return "invalid";
}

struct MarketParser::Simdjson {
    od::parser parser;
};

// Reads typed fields of one JSON object and records the first failure in `detail`. Fields are
// looked up in the order Binance writes them, which makes find_field_unordered a forward scan.
struct MarketParser::Payload {
    od::object& obj;
    std::string& detail;

    bool fail(std::string_view key, std::string_view why) {
        detail.assign("field '").append(key).append("': ").append(why);
        return false;
    }
    bool fail(std::string_view key, simdjson::error_code code) {
        return fail(key, simdjson::error_message(code));
    }

    bool u64(const char* key, std::uint64_t& out) {
        const auto code = obj.find_field_unordered(key).get_uint64().get(out);
        return code ? fail(key, code) : true;
    }
    bool i64(const char* key, std::int64_t& out) {
        const auto code = obj.find_field_unordered(key).get_int64().get(out);
        return code ? fail(key, code) : true;
    }
    // Missing is fine (out keeps its value); present with a wrong type is not.
    bool optionalI64(const char* key, std::int64_t& out) {
        od::value value;
        auto code = obj.find_field_unordered(key).get(value);
        if (code == simdjson::NO_SUCH_FIELD) {
            return true;
        }
        if (!code) {
            code = value.get_int64().get(out);
        }
        return code ? fail(key, code) : true;
    }
    bool boolean(const char* key, bool& out) {
        const auto code = obj.find_field_unordered(key).get_bool().get(out);
        return code ? fail(key, code) : true;
    }
    bool string(const char* key, std::string_view& out) {
        const auto code = obj.find_field_unordered(key).get_string().get(out);
        return code ? fail(key, code) : true;
    }
    bool onGrid(const char* key, const core::DecimalGrid& grid, std::int64_t& out) {
        std::string_view text;
        if (!string(key, text)) {
            return false;
        }
        const core::ScaledValue v = grid.parse(text);
        if (!v.ok()) {
            return fail(key, core::describe(v.error));
        }
        out = v.value;
        return true;
    }
    bool fixed8(const char* key, core::Fixed8& out) {
        std::string_view text;
        if (!string(key, text)) {
            return false;
        }
        const core::ScaledValue v = core::parseFixed8(text);
        if (!v.ok()) {
            return fail(key, core::describe(v.error));
        }
        out.e8 = v.value;
        return true;
    }
    // [["price","qty"], …] onto the instrument's grids.
    bool levels(const char* key, const core::InstrumentSpec& spec,
                std::vector<core::PriceLevel>& out) {
        out.clear();
        od::array array;
        if (auto code = obj.find_field_unordered(key).get_array().get(array)) {
            return fail(key, code);
        }
        for (auto element : array) {
            od::array pair;
            if (auto code = element.get_array().get(pair)) {
                return fail(key, code);
            }
            std::string_view text[2];
            int n = 0;
            for (auto item : pair) {
                std::string_view s;
                if (auto code = item.get_string().get(s)) {
                    return fail(key, code);
                }
                if (n < 2) {
                    text[n] = s;
                }
                ++n;
            }
            if (n != 2) {
                return fail(key, "a level is not a [price, quantity] pair");
            }
            const core::ScaledValue price = spec.priceGrid.parse(text[0]);
            if (!price.ok()) {
                return fail(key, core::describe(price.error));
            }
            const core::ScaledValue qty = spec.qtyGrid.parse(text[1]);
            if (!qty.ok()) {
                return fail(key, core::describe(qty.error));
            }
            if (price.value <= 0) {
                return fail(key, "non-positive price");
            }
            out.push_back({core::Price{price.value}, core::Qty{qty.value}});
        }
        return true;
    }
};

MarketParser::MarketParser(core::InstrumentSpec instrument)
    : m_instrument(std::move(instrument)), m_json(std::make_unique<Simdjson>()) {}

MarketParser::~MarketParser() = default;

namespace {
bool symbolMatches(std::string_view symbol, const core::InstrumentSpec& spec) {
    return spec.symbol.empty() || symbol == spec.symbol;
}
} // namespace

MessageType MarketParser::parse(std::string_view frame, std::size_t capacity) {
    m_detail.clear();
    const char* data = frame.data();
    if (capacity < frame.size() + simdjson::SIMDJSON_PADDING) {
        m_padded.assign(frame);
        m_padded.append(simdjson::SIMDJSON_PADDING, ' ');
        data = m_padded.data();
        capacity = m_padded.size();
    }
    od::document doc;
    if (auto code = m_json->parser.iterate(data, frame.size(), capacity).get(doc)) {
        m_detail = simdjson::error_message(code);
        return MessageType::Malformed;
    }
    od::object top;
    if (auto code = doc.get_object().get(top)) {
        m_detail.assign("not a JSON object: ").append(simdjson::error_message(code));
        return MessageType::Malformed;
    }

    // Combined stream: the payload is under "data". Otherwise the frame is the payload itself.
    od::object payload;
    od::value dataValue;
    const auto dataCode = top.find_field_unordered("data").get(dataValue);
    if (!dataCode) {
        if (auto code = dataValue.get_object().get(payload)) {
            m_detail.assign("field 'data': ").append(simdjson::error_message(code));
            return MessageType::Malformed;
        }
    } else if (dataCode == simdjson::NO_SUCH_FIELD) {
        payload = top;
    } else {
        m_detail = simdjson::error_message(dataCode);
        return MessageType::Malformed;
    }

    Payload p{payload, m_detail};
    std::string_view eventType;
    od::value eventValue;
    const auto eCode = payload.find_field_unordered("e").get(eventValue);
    if (eCode == simdjson::NO_SUCH_FIELD) {
        // The REST depth snapshot has no event type; anything else without one (a SUBSCRIBE
        // reply {"result":null,"id":1}, an error object) is not market data.
        od::value idValue;
        const auto idCode = payload.find_field_unordered("lastUpdateId").get(idValue);
        if (idCode == simdjson::NO_SUCH_FIELD) {
            m_detail = "no event type";
            return MessageType::Unknown;
        }
        if (idCode || idValue.get_uint64().get(m_snapshot.lastUpdateId)) {
            m_detail = "field 'lastUpdateId': not an unsigned integer";
            return MessageType::Malformed;
        }
        m_snapshot.eventTimeMs = 0;
        m_snapshot.transactionTimeMs = 0;
        if (!p.optionalI64("E", m_snapshot.eventTimeMs) ||
            !p.optionalI64("T", m_snapshot.transactionTimeMs) ||
            !p.levels("bids", m_instrument, m_snapshot.bids) ||
            !p.levels("asks", m_instrument, m_snapshot.asks)) {
            return MessageType::Malformed;
        }
        return MessageType::Snapshot;
    }
    if (eCode || eventValue.get_string().get(eventType)) {
        m_detail = "field 'e': not a string";
        return MessageType::Malformed;
    }

    std::string_view symbol;
    if (eventType == "depthUpdate") {
        core::DepthUpdate& d = m_depth;
        if (!p.i64("E", d.eventTimeMs) || !p.i64("T", d.transactionTimeMs) ||
            !p.string("s", symbol)) {
            return MessageType::Malformed;
        }
        if (!symbolMatches(symbol, m_instrument)) {
            return MessageType::OtherSymbol;
        }
        if (!p.u64("U", d.firstUpdateId) || !p.u64("u", d.finalUpdateId) ||
            !p.u64("pu", d.prevFinalUpdateId) || !p.levels("b", m_instrument, d.bids) ||
            !p.levels("a", m_instrument, d.asks)) {
            return MessageType::Malformed;
        }
        if (d.firstUpdateId > d.finalUpdateId) {
            m_detail = "U is greater than u";
            return MessageType::Malformed;
        }
        return MessageType::DepthUpdate;
    }
    if (eventType == "bookTicker") {
        core::BookTicker& t = m_ticker;
        if (!p.u64("u", t.updateId) || !p.string("s", symbol)) {
            return MessageType::Malformed;
        }
        if (!symbolMatches(symbol, m_instrument)) {
            return MessageType::OtherSymbol;
        }
        if (!p.onGrid("b", m_instrument.priceGrid, t.bidPrice.ticks) ||
            !p.onGrid("B", m_instrument.qtyGrid, t.bidQty.lots) ||
            !p.onGrid("a", m_instrument.priceGrid, t.askPrice.ticks) ||
            !p.onGrid("A", m_instrument.qtyGrid, t.askQty.lots)) {
            return MessageType::Malformed;
        }
        t.transactionTimeMs = 0;
        t.eventTimeMs = 0;
        if (!p.optionalI64("T", t.transactionTimeMs) || !p.optionalI64("E", t.eventTimeMs)) {
            return MessageType::Malformed;
        }
        return MessageType::BookTicker;
    }
    if (eventType == "trade" || eventType == "aggTrade") {
        core::Trade& t = m_trade;
        const bool aggregated = eventType == "aggTrade";
        t.aggregated = aggregated;
        if (!p.i64("E", t.eventTimeMs) || !p.string("s", symbol)) {
            return MessageType::Malformed;
        }
        if (!symbolMatches(symbol, m_instrument)) {
            return MessageType::OtherSymbol;
        }
        if (!p.u64(aggregated ? "a" : "t", t.id) ||
            !p.onGrid("p", m_instrument.priceGrid, t.price.ticks) ||
            !p.onGrid("q", m_instrument.qtyGrid, t.qty.lots)) {
            return MessageType::Malformed;
        }
        if (aggregated) {
            if (!p.u64("f", t.firstTradeId) || !p.u64("l", t.lastTradeId)) {
                return MessageType::Malformed;
            }
        } else {
            t.firstTradeId = t.lastTradeId = t.id;
        }
        if (!p.i64("T", t.tradeTimeMs) || !p.boolean("m", t.buyerIsMaker)) {
            return MessageType::Malformed;
        }
        if (t.qty.lots <= 0 || t.price.ticks <= 0) {
            m_detail = "trade with a non-positive price or quantity";
            return MessageType::Malformed;
        }
        return aggregated ? MessageType::AggTrade : MessageType::Trade;
    }
    if (eventType == "markPriceUpdate") {
        core::MarkPriceUpdate& m = m_mark;
        if (!p.i64("E", m.eventTimeMs) || !p.string("s", symbol)) {
            return MessageType::Malformed;
        }
        if (!symbolMatches(symbol, m_instrument)) {
            return MessageType::OtherSymbol;
        }
        if (!p.fixed8("p", m.markPrice) || !p.fixed8("i", m.indexPrice) ||
            !p.fixed8("P", m.estimatedSettlePrice) || !p.fixed8("r", m.fundingRate) ||
            !p.i64("T", m.nextFundingTimeMs)) {
            return MessageType::Malformed;
        }
        return MessageType::MarkPrice;
    }
    if (eventType == "kline") {
        core::Kline& k = m_kline;
        if (!p.i64("E", k.eventTimeMs) || !p.string("s", symbol)) {
            return MessageType::Malformed;
        }
        if (!symbolMatches(symbol, m_instrument)) {
            return MessageType::OtherSymbol;
        }
        od::object candle;
        if (auto code = payload.find_field_unordered("k").get_object().get(candle)) {
            p.fail("k", code);
            return MessageType::Malformed;
        }
        Payload c{candle, m_detail};
        std::string_view interval;
        std::int64_t first = 0;
        std::int64_t last = 0;
        if (!c.i64("t", k.openTimeMs) || !c.i64("T", k.closeTimeMs) || !c.string("i", interval) ||
            !c.i64("f", first) || !c.i64("L", last) ||
            !c.onGrid("o", m_instrument.priceGrid, k.open.ticks) ||
            !c.onGrid("c", m_instrument.priceGrid, k.close.ticks) ||
            !c.onGrid("h", m_instrument.priceGrid, k.high.ticks) ||
            !c.onGrid("l", m_instrument.priceGrid, k.low.ticks) ||
            !c.onGrid("v", m_instrument.qtyGrid, k.volume.lots) || !c.i64("n", k.tradeCount) ||
            !c.boolean("x", k.closed) || !c.fixed8("q", k.quoteVolume) ||
            !c.onGrid("V", m_instrument.qtyGrid, k.takerBuyVolume.lots) ||
            !c.fixed8("Q", k.takerBuyQuoteVolume)) {
            return MessageType::Malformed;
        }
        k.interval.assign(interval);
        // f and L are -1 when the candle has no trade yet.
        k.firstTradeId = first < 0 ? 0 : static_cast<std::uint64_t>(first);
        k.lastTradeId = last < 0 ? 0 : static_cast<std::uint64_t>(last);
        return MessageType::Kline;
    }
    m_detail.assign(eventType);
    return MessageType::Unknown;
}

} // namespace hoga::binance
