#include "exchange_info.h"

#include <simdjson.h>

#include <map>

namespace hoga::binance {

namespace od = simdjson::ondemand;

namespace {

// A filter's fields, kept as text: their order differs between captures, and the price grid must
// be known before minPrice can be converted.
using FieldMap = std::map<std::string, std::string, std::less<>>;

bool readFilter(od::object filter, FieldMap& fields, std::string& error) {
    for (auto field : filter) {
        std::string_view key;
        if (field.unescaped_key().get(key)) {
            error = "exchangeInfo: bad filter key";
            return false;
        }
        od::value value;
        if (field.value().get(value)) {
            error = "exchangeInfo: bad filter value";
            return false;
        }
        od::json_type type;
        if (value.type().get(type)) {
            error = "exchangeInfo: bad filter value";
            return false;
        }
        std::string text;
        if (type == od::json_type::string) {
            std::string_view s;
            if (value.get_string().get(s)) {
                return false;
            }
            text.assign(s);
        } else if (type == od::json_type::number) {
            std::int64_t n = 0;
            if (value.get_int64().get(n)) {
                error = "exchangeInfo: non-integer number in filter";
                return false;
            }
            text = std::to_string(n);
        } else {
            continue; // arrays/objects/nulls carry nothing Hoga uses
        }
        fields.emplace(std::string(key), std::move(text));
    }
    return true;
}

bool convert(const core::DecimalGrid& grid, const FieldMap& f, std::string_view key,
             std::int64_t& out, std::string& error) {
    const auto it = f.find(key);
    if (it == f.end()) {
        return true;
    }
    const auto v = grid.parse(it->second);
    if (!v.ok()) {
        error = "exchangeInfo: " + std::string(key) + " '" + it->second +
                "': " + std::string(core::describe(v.error));
        return false;
    }
    out = v.value;
    return true;
}

bool applyFilters(const std::vector<FieldMap>& filters, int pricePrecision, int qtyPrecision,
                  core::InstrumentSpec& spec, std::string& error) {
    const auto find = [&](std::string_view type) -> const FieldMap* {
        for (const auto& f : filters) {
            const auto it = f.find("filterType");
            if (it != f.end() && it->second == type) {
                return &f;
            }
        }
        return nullptr;
    };
    const FieldMap* price = find("PRICE_FILTER");
    const FieldMap* lot = find("LOT_SIZE");
    if (!price || !lot || !price->count("tickSize") || !lot->count("stepSize")) {
        error = "exchangeInfo: PRICE_FILTER.tickSize or LOT_SIZE.stepSize missing";
        return false;
    }
    if (!core::DecimalGrid::fromStep(price->at("tickSize"), pricePrecision, spec.priceGrid) ||
        !core::DecimalGrid::fromStep(lot->at("stepSize"), qtyPrecision, spec.qtyGrid)) {
        error = "exchangeInfo: unusable tickSize or stepSize";
        return false;
    }
    // minPrice can sit off the tick grid in testnet captures ("402" with tick 0.10 is fine, but
    // not every value is); a bound that is off-grid is rounded inward, never an error.
    const auto bound = [&](std::string_view key, bool roundUp, core::Price& out) {
        const auto it = price->find(key);
        if (it == price->end()) {
            return;
        }
        const auto scaled = core::parseScaled(it->second, spec.priceGrid.decimals);
        if (!scaled.ok()) {
            return;
        }
        std::int64_t ticks = scaled.value / spec.priceGrid.step;
        if (roundUp && scaled.value % spec.priceGrid.step != 0) {
            ++ticks;
        }
        out.ticks = ticks;
    };
    bound("minPrice", true, spec.minPrice);
    bound("maxPrice", false, spec.maxPrice);
    if (!convert(spec.qtyGrid, *lot, "minQty", spec.minQty.lots, error) ||
        !convert(spec.qtyGrid, *lot, "maxQty", spec.maxQty.lots, error)) {
        return false;
    }
    spec.marketMaxQty = spec.maxQty;
    if (const FieldMap* market = find("MARKET_LOT_SIZE")) {
        if (!convert(spec.qtyGrid, *market, "maxQty", spec.marketMaxQty.lots, error)) {
            return false;
        }
    }
    if (const FieldMap* notional = find("MIN_NOTIONAL")) {
        // USDⓈ-M calls it "notional"; spot's older shape calls it "minNotional".
        auto it = notional->find("notional");
        if (it == notional->end()) {
            it = notional->find("minNotional");
        }
        if (it != notional->end()) {
            const auto v = core::parseFixed8(it->second);
            if (!v.ok()) {
                error = "exchangeInfo: MIN_NOTIONAL '" + it->second + "'";
                return false;
            }
            spec.minNotional.e8 = v.value;
        }
    }
    const auto limit = [&](std::string_view type, int& out) {
        if (const FieldMap* f = find(type)) {
            const auto it = f->find("limit");
            if (it != f->end()) {
                out = std::stoi(it->second);
            }
        }
    };
    limit("MAX_NUM_ORDERS", spec.maxOpenOrders);
    limit("MAX_NUM_ALGO_ORDERS", spec.maxOpenAlgoOrders);
    return true;
}

} // namespace

bool parseExchangeInfo(std::string_view json, std::string_view symbol, ExchangeInfo& out,
                       std::string& error) {
    od::parser parser;
    const simdjson::padded_string padded(json);
    od::document doc;
    if (auto code = parser.iterate(padded).get(doc)) {
        error = std::string("exchangeInfo: ") + simdjson::error_message(code);
        return false;
    }
    od::object root;
    if (doc.get_object().get(root)) {
        error = "exchangeInfo: not a JSON object";
        return false;
    }
    bool found = false;
    for (auto field : root) {
        std::string_view key;
        if (field.unescaped_key().get(key)) {
            error = "exchangeInfo: bad key";
            return false;
        }
        if (key == "serverTime") {
            if (field.value().get_int64().get(out.serverTimeMs)) {
                error = "exchangeInfo: serverTime";
                return false;
            }
        } else if (key == "rateLimits") {
            od::array limits;
            if (field.value().get_array().get(limits)) {
                error = "exchangeInfo: rateLimits";
                return false;
            }
            for (auto item : limits) {
                od::object o;
                if (item.get_object().get(o)) {
                    error = "exchangeInfo: rateLimits entry";
                    return false;
                }
                FieldMap f;
                if (!readFilter(o, f, error)) {
                    return false;
                }
                RateLimit r;
                r.type = f["rateLimitType"];
                r.interval = f["interval"];
                r.intervalNum = f.count("intervalNum") ? std::stoll(f["intervalNum"]) : 0;
                r.limit = f.count("limit") ? std::stoll(f["limit"]) : 0;
                out.rateLimits.push_back(std::move(r));
            }
        } else if (key == "symbols") {
            od::array symbols;
            if (field.value().get_array().get(symbols)) {
                error = "exchangeInfo: symbols";
                return false;
            }
            for (auto item : symbols) {
                od::object s;
                if (item.get_object().get(s)) {
                    error = "exchangeInfo: symbols entry";
                    return false;
                }
                std::string_view name;
                int pricePrecision = -1;
                int qtyPrecision = -1;
                std::string status, contractType;
                std::vector<FieldMap> filters;
                bool parsedFilters = true;
                for (auto sf : s) {
                    std::string_view k;
                    if (sf.unescaped_key().get(k)) {
                        parsedFilters = false;
                        break;
                    }
                    if (k == "symbol") {
                        if (sf.value().get_string().get(name)) {
                            parsedFilters = false;
                            break;
                        }
                    } else if (!name.empty() && name != symbol) {
                        continue; // not ours: skip the rest of its fields cheaply
                    } else if (k == "pricePrecision" || k == "quantityPrecision") {
                        std::int64_t p = 0;
                        if (sf.value().get_int64().get(p)) {
                            parsedFilters = false;
                            break;
                        }
                        (k == "pricePrecision" ? pricePrecision : qtyPrecision) =
                            static_cast<int>(p);
                    } else if (k == "status" || k == "contractType") {
                        std::string_view v;
                        if (!sf.value().get_string().get(v)) {
                            (k == "status" ? status : contractType).assign(v);
                        }
                    } else if (k == "filters") {
                        od::array fa;
                        if (sf.value().get_array().get(fa)) {
                            parsedFilters = false;
                            break;
                        }
                        for (auto fi : fa) {
                            od::object fo;
                            FieldMap fm;
                            if (fi.get_object().get(fo) || !readFilter(fo, fm, error)) {
                                parsedFilters = false;
                                break;
                            }
                            filters.push_back(std::move(fm));
                        }
                    }
                }
                if (!parsedFilters) {
                    if (error.empty()) {
                        error = "exchangeInfo: malformed symbol entry";
                    }
                    return false;
                }
                if (name != symbol) {
                    continue;
                }
                core::InstrumentSpec spec;
                spec.symbol.assign(name);
                if (!applyFilters(filters, pricePrecision, qtyPrecision, spec, error)) {
                    return false;
                }
                out.instrument = std::move(spec);
                out.status = std::move(status);
                out.contractType = std::move(contractType);
                found = true;
            }
        }
    }
    if (!found) {
        error = "exchangeInfo: symbol " + std::string(symbol) + " not listed";
        return false;
    }
    return true;
}

} // namespace hoga::binance
