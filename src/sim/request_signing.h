#pragma once

// SIGNED-endpoint checks exactly as API_FACTS.md §4 states them: the parameters of the query string
// and of an x-www-form-urlencoded body (query wins on duplicates), hex HMAC-SHA256(secret,
// query + body) over the bytes as sent with `signature` as the last parameter, and the timestamp
// window `timestamp < serverTime + 1000 && serverTime - timestamp <= recvWindow`.
// serverTime is the simulator's wall clock: clients sign with their own real clock.

#include "binance/request_signer.h"

#include <QByteArray>
#include <QByteArrayView>

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

namespace hoga::sim {

// A Binance error: {"code":…,"msg":"…"} with its HTTP status.
struct ApiError {
    int code = 0;
    std::string message;
    int httpStatus = 400;
};

ApiError missingParameter(std::string_view name);

class RequestParams {
public:
    static RequestParams parse(QByteArrayView query, QByteArrayView body);
    // The decoded value; the query string's value when a name appears in both parts.
    [[nodiscard]] std::optional<std::string> get(std::string_view name) const;
    [[nodiscard]] bool has(std::string_view name) const { return get(name).has_value(); }

private:
    using Items = std::vector<std::pair<std::string, std::string>>;
    static Items split(QByteArrayView part);
    Items m_query;
    Items m_body;
};

// The clients' signing function verifies too: one definition of totalParams' HMAC for both sides.
using binance::hmacSha256Hex;

// Checks timestamp, recvWindow and signature of a request whose raw query string and body are
// given; nullopt when the request is genuine and in time.
std::optional<ApiError> verifySignedRequest(QByteArrayView query, QByteArrayView body,
                                            const RequestParams& params, std::string_view secretKey,
                                            std::int64_t serverTimeMs);

} // namespace hoga::sim
