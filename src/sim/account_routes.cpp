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

} // namespace hoga::sim
