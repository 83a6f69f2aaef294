#pragma once

// Signatures for Binance's SIGNED endpoints (API_FACTS.md §4): lower-case hex of
// HMAC-SHA256(key = secretKey, msg = totalParams), where totalParams is the query string
// concatenated with the request body, with no '&' between them, over the bytes exactly as sent.
// The signature goes last: `signedQuery` appends it to what it signed.
//
// Both sides use it: the REST clients sign with it and the simulator verifies with it.

#include <string>
#include <string_view>

namespace hoga::binance {

// Lower-case hex of HMAC-SHA256(key, message).
std::string hmacSha256Hex(std::string_view key, std::string_view message);

// Holds one secret key for as long as requests are signed with it, and overwrites it when done:
// the secret should not outlive its use in freed heap memory.
class RequestSigner {
public:
    explicit RequestSigner(std::string_view secretKey);
    ~RequestSigner();
    RequestSigner(const RequestSigner&) = delete;
    RequestSigner& operator=(const RequestSigner&) = delete;

    // The signature of `query` + `body` (totalParams).
    [[nodiscard]] std::string signature(std::string_view query, std::string_view body = {}) const;
    // `query` with `signature=<hex>` appended as its last parameter (for GET and DELETE requests
    // whose parameters all travel in the query string).
    [[nodiscard]] std::string signedQuery(std::string_view query) const;

private:
    std::string m_secret;
};

} // namespace hoga::binance
