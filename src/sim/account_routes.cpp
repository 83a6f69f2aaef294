// TradingApi: account state, leverage, margin type and listenKey endpoints.
#include "sim/api_support.h"
#include "sim/rest_server.h"
#include "sim/trading_api.h"
#include "sim/trading_json.h"

namespace hoga::sim {

namespace {
using Method = QHttpServerRequest::Method;
using Account = MatchingEngine::Account;
} // namespace

void TradingApi::addAccountRoutes(RestServer& rest) {
    const core::InstrumentSpec& spec = m_market.instrument();
    const auto accountGet = [this, &spec, &rest](const QString& path, auto body) {
        rest.route(path, Method::Get, [this, &spec, body](const QHttpServerRequest& request) {
            return withSignature(m_engine, request, [&](Account& a, const RequestParams& p) {
                if (auto e = checkSymbol(p, spec, false)) {
                    return errorResponse(*e);
                }
                return jsonResponse(body(m_engine.snapshot(a, wallClockMs())));
            });
        });
    };
    accountGet(QStringLiteral("/fapi/v2/positionRisk"),
               [&spec](const AccountSnapshot& s) { return positionRiskV2Json(s, spec); });
    accountGet(QStringLiteral("/fapi/v3/positionRisk"),
               [&spec](const AccountSnapshot& s) { return positionRiskV3Json(s, spec); });
    accountGet(QStringLiteral("/fapi/v2/balance"),
               [](const AccountSnapshot& s) { return balanceJson(s); });
    accountGet(QStringLiteral("/fapi/v3/balance"),
               [](const AccountSnapshot& s) { return balanceJson(s); });
    accountGet(QStringLiteral("/fapi/v2/account"),
               [&spec](const AccountSnapshot& s) { return accountJson(s, spec); });

    rest.route(QStringLiteral("/fapi/v1/leverage"), Method::Post,
               [this, &spec](const QHttpServerRequest& request) {
                   return withSignature(m_engine, request, [&](Account& a, const RequestParams& p) {
                       if (auto e = checkSymbol(p, spec, true)) {
                           return errorResponse(*e);
                       }
                       const auto leverage = parseInt(p, "leverage");
                       if (const ApiError* e = std::get_if<ApiError>(&leverage)) {
                           return errorResponse(*e);
                       }
                       const std::int64_t value = std::get<std::int64_t>(leverage);
                       if (auto e = m_engine.setLeverage(
                               a, static_cast<int>(std::clamp<std::int64_t>(value, -1, 1000)))) {
                           return errorResponse(*e);
                       }
                       return jsonResponse(JsonObjectWriter()
                                               .num("leverage", value)
                                               .str("maxNotionalValue", "1000000000")
                                               .str("symbol", spec.symbol)
                                               .done());
                   });
               });
    rest.route(QStringLiteral("/fapi/v1/marginType"), Method::Post,
               [this, &spec](const QHttpServerRequest& request) {
                   return withSignature(m_engine, request, [&](Account& a, const RequestParams& p) {
                       if (auto e = checkSymbol(p, spec, true)) {
                           return errorResponse(*e);
                       }
                       const auto type = p.get("marginType");
                       if (!type || (*type != "ISOLATED" && *type != "CROSSED")) {
                           return errorResponse(missingParameter("marginType"));
                       }
                       if (auto e = m_engine.setMarginType(a, *type == "ISOLATED"
                                                                  ? MarginType::Isolated
                                                                  : MarginType::Crossed)) {
                           return errorResponse(*e);
                       }
                       return jsonResponse(R"({"code":200,"msg":"success"})");
                   });
               });

    // USER_STREAM: API key only, no signature.
    rest.route(QStringLiteral("/fapi/v1/listenKey"), Method::Post | Method::Put | Method::Delete,
               [this](const QHttpServerRequest& request) {
                   return withApiKey(m_engine, request, [&](Account& a, const RequestParams& p) {
                       const std::int64_t now = wallClockMs();
                       const std::string& apiKey = a.config.apiKey;
                       if (request.method() == Method::Post) {
                           return jsonResponse(
                               JsonObjectWriter()
                                   .str("listenKey", m_streams->createOrExtend(apiKey, now))
                                   .done());
                       }
                       if (request.method() == Method::Put) {
                           if (auto e = m_streams->keepAlive(
                                   apiKey, p.get("listenKey").value_or(""), now)) {
                               return errorResponse(*e);
                           }
                           return jsonResponse(
                               JsonObjectWriter()
                                   .str("listenKey", m_streams->createOrExtend(apiKey, now))
                                   .done());
                       }
                       m_streams->close(apiKey);
                       return jsonResponse("{}");
                   });
               });
}

void TradingApi::addIncomeRoute(RestServer& rest) {
    // GET /fapi/v1/income: the account's REALIZED_PNL, COMMISSION and FUNDING_FEE rows, oldest
    // first. With startTime, the first `limit` rows from it; otherwise the latest `limit` rows
    // (up to endTime). Binance's default of "the last 7 days" is not applied: a replayed market
    // books funding at recorded times, which may be years old.
    const core::InstrumentSpec& spec = m_market.instrument();
    rest.route(
        QStringLiteral("/fapi/v1/income"), Method::Get,
        [this, &spec](const QHttpServerRequest& request) {
            return withSignature(m_engine, request, [&](Account& a, const RequestParams& p) {
                if (auto e = checkSymbol(p, spec, false)) {
                    return errorResponse(*e);
                }
                std::optional<IncomeType> type;
                if (const auto text = p.get("incomeType"); text && !text->empty()) {
                    type = incomeTypeFrom(*text);
                    if (!type) {
                        return errorResponse(missingParameter("incomeType"));
                    }
                }
                std::int64_t limit = 100, startTime = -1, endTime = -1, page = 1;
                for (auto [name, target] :
                     {std::pair{"limit", &limit}, std::pair{"startTime", &startTime},
                      std::pair{"endTime", &endTime}, std::pair{"page", &page}}) {
                    if (p.has(name)) {
                        const auto v = parseInt(p, name);
                        if (const ApiError* e = std::get_if<ApiError>(&v)) {
                            return errorResponse(*e);
                        }
                        *target = std::get<std::int64_t>(v);
                    }
                }
                if (startTime >= 0 && endTime >= 0 && startTime > endTime) {
                    return errorResponse({-1023, "Start time is greater than end time.", 400});
                }
                limit = std::clamp<std::int64_t>(limit, 1, 1000);
                page = std::max<std::int64_t>(page, 1);
                std::vector<const IncomeRecord*> selected;
                for (const IncomeRecord& r : a.income) {
                    if ((!type || r.type == *type) && (startTime < 0 || r.timeMs >= startTime) &&
                        (endTime < 0 || r.timeMs <= endTime)) {
                        selected.push_back(&r);
                    }
                }
                // Rows are kept in booking order; funding rows carry the funding time.
                std::stable_sort(selected.begin(), selected.end(),
                                 [](const IncomeRecord* x, const IncomeRecord* y) {
                                     return x->timeMs < y->timeMs;
                                 });
                const auto total = static_cast<std::int64_t>(selected.size());
                const std::int64_t skip = (page - 1) * limit;
                std::int64_t first = 0;
                std::int64_t last = 0;
                if (startTime >= 0) {
                    first = std::min(total, skip);
                    last = std::min(total, first + limit);
                } else {
                    last = std::max<std::int64_t>(0, total - skip);
                    first = std::max<std::int64_t>(0, last - limit);
                }
                std::string out = "[";
                for (std::int64_t i = first; i < last; ++i) {
                    out += (i > first ? "," : "") +
                           incomeJson(*selected[static_cast<std::size_t>(i)], spec);
                }
                return jsonResponse(out + "]");
            });
        });
}

} // namespace hoga::sim
