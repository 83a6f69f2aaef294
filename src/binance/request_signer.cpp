#include "request_signer.h"

#include <openssl/crypto.h>
#include <openssl/evp.h>
#include <openssl/hmac.h>

namespace hoga::binance {

std::string hmacSha256Hex(std::string_view key, std::string_view message) {
    unsigned char digest[EVP_MAX_MD_SIZE];
    unsigned int length = 0;
    HMAC(EVP_sha256(), key.data(), static_cast<int>(key.size()),
         reinterpret_cast<const unsigned char*>(message.data()), message.size(), digest, &length);
    static constexpr char kHex[] = "0123456789abcdef";
    std::string hex;
    hex.reserve(2 * length);
    for (unsigned int i = 0; i < length; ++i) {
        hex.push_back(kHex[digest[i] >> 4]);
        hex.push_back(kHex[digest[i] & 0x0f]);
    }
    return hex;
}

RequestSigner::RequestSigner(std::string_view secretKey) : m_secret(secretKey) {}

RequestSigner::~RequestSigner() {
    // OPENSSL_cleanse is not optimised away the way a memset before free can be.
    OPENSSL_cleanse(m_secret.data(), m_secret.size());
}

std::string RequestSigner::signature(std::string_view query, std::string_view body) const {
    std::string totalParams;
    totalParams.reserve(query.size() + body.size());
    totalParams.append(query).append(body);
    return hmacSha256Hex(m_secret, totalParams);
}

std::string RequestSigner::signedQuery(std::string_view query) const {
    std::string out(query);
    if (!out.empty()) {
        out.push_back('&');
    }
    return out.append("signature=").append(signature(query));
}

} // namespace hoga::binance
