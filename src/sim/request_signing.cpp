#include "request_signing.h"

#include <QList>

#include <charconv>

namespace hoga::sim {

ApiError missingParameter(std::string_view name) {
    return {-1102,
            "Mandatory parameter '" + std::string(name) +
                "' was not sent, was empty/null, or malformed.",
            400};
}

RequestParams::Items RequestParams::split(QByteArrayView part) {
    Items items;
    for (const QByteArray& pair : part.toByteArray().split('&')) {
        if (pair.isEmpty()) {
            continue;
        }
        const qsizetype eq = pair.indexOf('=');
        QByteArray name = eq < 0 ? pair : pair.left(eq);
        QByteArray value = eq < 0 ? QByteArray() : pair.mid(eq + 1);
        // Form encoding writes spaces as '+'; a literal '+' arrives as %2B.
        name.replace('+', ' ');
        value.replace('+', ' ');
        items.emplace_back(QByteArray::fromPercentEncoding(name).toStdString(),
                           QByteArray::fromPercentEncoding(value).toStdString());
    }
    return items;
}

RequestParams RequestParams::parse(QByteArrayView query, QByteArrayView body) {
    RequestParams p;
    p.m_query = split(query);
    p.m_body = split(body);
    return p;
}

std::optional<std::string> RequestParams::get(std::string_view name) const {
    for (const Items* items : {&m_query, &m_body}) {
        for (const auto& [k, v] : *items) {
            if (k == name) {
                return v;
            }
        }
    }
    return std::nullopt;
}

namespace {

bool parseInt(const std::string& text, std::int64_t& out) {
    const char* end = text.data() + text.size();
    const auto [ptr, ec] = std::from_chars(text.data(), end, out);
    return ec == std::errc() && ptr == end && !text.empty();
}

// When the last parameter of `part` is `signature=…`, strips it (with its '&') into `signature`.
bool takeTrailingSignature(QByteArray& part, QByteArray& signature) {
    const qsizetype at = part.lastIndexOf("signature=");
    if (at < 0 || (at > 0 && part[at - 1] != '&') || part.indexOf('&', at) >= 0) {
        return false;
    }
    signature = part.mid(at + 10);
    part.truncate(at > 0 ? at - 1 : 0);
    return true;
}

} // namespace

std::optional<ApiError> verifySignedRequest(QByteArrayView query, QByteArrayView body,
                                            const RequestParams& params, std::string_view secretKey,
                                            std::int64_t serverTimeMs) {
    std::int64_t timestamp = 0;
    const auto timestampText = params.get("timestamp");
    if (!timestampText || !parseInt(*timestampText, timestamp)) {
        return missingParameter("timestamp");
    }
    std::int64_t recvWindow = 5000;
    if (const auto text = params.get("recvWindow")) {
        if (!parseInt(*text, recvWindow) || recvWindow <= 0) {
            return missingParameter("recvWindow");
        }
        if (recvWindow > 60000) {
            return ApiError{-1131, "recvWindow must be less than 60000", 400};
        }
    }
    if (timestamp >= serverTimeMs + 1000) {
        return ApiError{-1021, "Timestamp for this request was 1000ms ahead of the server's time.",
                        400};
    }
    if (serverTimeMs - timestamp > recvWindow) {
        return ApiError{-1021, "Timestamp for this request is outside of the recvWindow.", 400};
    }
    if (!params.has("signature")) {
        return missingParameter("signature");
    }
    // The signed message is every byte sent except the trailing signature parameter, which must
    // be the last one of the body, or of the query when the body does not carry it.
    QByteArray q = query.toByteArray();
    QByteArray b = body.toByteArray();
    QByteArray signature;
    if (!takeTrailingSignature(b, signature) && !takeTrailingSignature(q, signature)) {
        return ApiError{-1022, "Signature for this request is not valid.", 400};
    }
    const std::string expected = binance::RequestSigner(secretKey).signature(
        std::string_view(q.constData(), static_cast<std::size_t>(q.size())),
        std::string_view(b.constData(), static_cast<std::size_t>(b.size())));
    if (signature.toLower().toStdString() != expected) {
        return ApiError{-1022, "Signature for this request is not valid.", 400};
    }
    return std::nullopt;
}

} // namespace hoga::sim
