#include "api_support.h"

#include "sim/trading_json.h"

#include <QDateTime>
#include <QUrl>

#include <algorithm>
#include <charconv>

namespace hoga::sim {

QHttpServerResponse jsonResponse(const std::string& body, int httpStatus) {
    return QHttpServerResponse(QByteArrayLiteral("application/json"),
                               QByteArray::fromStdString(body),
                               static_cast<QHttpServerResponse::StatusCode>(httpStatus));
}

QHttpServerResponse errorResponse(const ApiError& error) {
    return jsonResponse(errorJson(error.code, error.message), error.httpStatus);
}

std::int64_t wallClockMs() {
    return QDateTime::currentMSecsSinceEpoch();
}

namespace {

MatchingEngine::Account* findAccount(MatchingEngine& engine, const QHttpServerRequest& request,
                                     ApiError& error) {
    const QByteArray key = request.value(QByteArrayLiteral("X-MBX-APIKEY"));
    if (key.isEmpty()) {
        error = ApiError{-2014, "API-key format invalid.", 401};
        return nullptr;
    }
    MatchingEngine::Account* account = engine.account(key.toStdString());
    if (!account) {
        error = ApiError{-2015, "Invalid API-key, IP, or permissions for action.", 401};
    }
    return account;
}

} // namespace

QHttpServerResponse withApiKey(MatchingEngine& engine, const QHttpServerRequest& request,
                               const AccountHandler& handler) {
    ApiError error;
    MatchingEngine::Account* account = findAccount(engine, request, error);
    if (!account) {
        return errorResponse(error);
    }
    const QByteArray query = request.url().query(QUrl::FullyEncoded).toUtf8();
    return handler(*account, RequestParams::parse(query, request.body()));
}

QHttpServerResponse withSignature(MatchingEngine& engine, const QHttpServerRequest& request,
                                  const AccountHandler& handler) {
    ApiError error;
    MatchingEngine::Account* account = findAccount(engine, request, error);
    if (!account) {
        return errorResponse(error);
    }
    const QByteArray query = request.url().query(QUrl::FullyEncoded).toUtf8();
    const QByteArray body = request.body();
    const RequestParams params = RequestParams::parse(query, body);
    if (auto failed =
            verifySignedRequest(query, body, params, account->config.secretKey, wallClockMs())) {
        return errorResponse(*failed);
    }
    return handler(*account, params);
}

std::optional<ApiError> checkSymbol(const RequestParams& p, const core::InstrumentSpec& spec,
                                    bool required) {
    const auto symbol = p.get("symbol");
    if (!symbol || symbol->empty()) {
        return required ? std::optional<ApiError>(missingParameter("symbol")) : std::nullopt;
    }
    if (*symbol != spec.symbol) {
        return ApiError{-1121, "Invalid symbol.", 400};
    }
    return std::nullopt;
}

Parsed<core::Side> parseSide(const RequestParams& p) {
    const auto side = p.get("side");
    if (!side || side->empty()) {
        return missingParameter("side");
    }
    if (*side == "BUY") {
        return core::Side::Buy;
    }
    if (*side == "SELL") {
        return core::Side::Sell;
    }
    return ApiError{-1117, "Invalid side.", 400};
}

namespace {
ApiError gridError(core::DecimalError e, std::string_view name, bool price) {
    switch (e) {
    case core::DecimalError::TooManyDecimals:
        return ApiError{-1111, "Precision is over the maximum defined for this asset.", 400};
    case core::DecimalError::OffGrid:
        return price ? ApiError{-4014, "Price not increased by tick size.", 400}
                     : ApiError{-4023, "Quantity not increased by step size.", 400};
    default:
        return missingParameter(name);
    }
}
} // namespace

namespace {
// A price or quantity parameter on its grid; the two differ only in the grid and the error text.
Parsed<std::int64_t> parseOnGrid(const RequestParams& p, std::string_view name,
                                 const core::DecimalGrid& grid, bool isPrice) {
    const auto text = p.get(name);
    if (!text || text->empty()) {
        return missingParameter(name);
    }
    const core::ScaledValue v = grid.parse(*text);
    if (!v.ok()) {
        return gridError(v.error, name, isPrice);
    }
    return v.value;
}
} // namespace

Parsed<core::Price> parsePrice(const RequestParams& p, std::string_view name,
                               const core::InstrumentSpec& spec) {
    auto v = parseOnGrid(p, name, spec.priceGrid, true);
    if (auto* e = std::get_if<ApiError>(&v)) {
        return *e;
    }
    return core::Price{std::get<std::int64_t>(v)};
}

Parsed<core::Qty> parseQty(const RequestParams& p, std::string_view name,
                           const core::InstrumentSpec& spec) {
    auto v = parseOnGrid(p, name, spec.qtyGrid, false);
    if (auto* e = std::get_if<ApiError>(&v)) {
        return *e;
    }
    return core::Qty{std::get<std::int64_t>(v)};
}

Parsed<bool> parseBool(const RequestParams& p, std::string_view name) {
    const auto text = p.get(name);
    if (!text || *text == "false" || *text == "FALSE") {
        return false;
    }
    if (*text == "true" || *text == "TRUE") {
        return true;
    }
    return ApiError{-1102,
                    "Mandatory parameter '" + std::string(name) +
                        "' was not sent, was empty/null, or malformed.",
                    400};
}

Parsed<std::int64_t> parseInt(const RequestParams& p, std::string_view name) {
    const auto text = p.get(name);
    std::int64_t value = 0;
    if (!text || text->empty()) {
        return missingParameter(name);
    }
    const char* end = text->data() + text->size();
    const auto [ptr, ec] = std::from_chars(text->data(), end, value);
    if (ec != std::errc() || ptr != end) {
        return missingParameter(name);
    }
    return value;
}

std::optional<ApiError> checkClientId(const std::string& id, std::string_view name) {
    if (id.size() > 36) {
        return ApiError{-4015, "Client order id length should not be more than 36 chars", 400};
    }
    const bool legal = !id.empty() && std::all_of(id.begin(), id.end(), [](char c) {
        return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') ||
               c == '.' || c == ':' || c == '/' || c == '_' || c == '-';
    });
    if (!legal) {
        return ApiError{-1100,
                        "Illegal characters found in parameter '" + std::string(name) +
                            "'; legal range is '^[\\.A-Z\\:/a-z0-9_-]{1,36}$'.",
                        400};
    }
    return std::nullopt;
}

} // namespace hoga::sim
