#pragma once

// Binance's REST rate limits for every endpoint of the simulator (API_FACTS.md §5): each request
// costs its documented weight against REQUEST_WEIGHT per IP and minute; every response carries
// X-MBX-USED-WEIGHT-1M, order requests also X-MBX-ORDER-COUNT-1M/-10S for the account. Past the
// limit the answer is HTTP 429 with Retry-After and -1003; a client that keeps sending before
// Retry-After has passed is banned with HTTP 418 (2 minutes, doubling per ban up to 3 days).
// Windows are fixed wall-clock windows (minute / 10 s), as Binance counts them.

#include <QHttpServerRequest>
#include <QHttpServerResponse>
#include <QString>

#include <cstdint>
#include <map>
#include <optional>
#include <utility>

namespace hoga::sim {

struct RequestLimitOptions {
    int requestWeightPerMinute = 2400;
    int ordersPerMinute = 1200;
    int ordersPer10Seconds = 300;
};

class RequestLimits {
public:
    explicit RequestLimits(RequestLimitOptions options = {}) : m_options(options) {}
    void setOptions(RequestLimitOptions options) { m_options = options; }
    [[nodiscard]] const RequestLimitOptions& options() const { return m_options; }

    // Answers a request: the refusal when it must be refused, else `handle()` with the headers.
    template <typename Handle>
    QHttpServerResponse apply(const QHttpServerRequest& request, Handle&& handle) {
        if (std::optional<QHttpServerResponse> refusal = admit(request)) {
            return std::move(*refusal);
        }
        QHttpServerResponse response = handle();
        stamp(request, response);
        return response;
    }

    // Counts the request; a 429/418 (or -1015) response when it must be refused.
    std::optional<QHttpServerResponse> admit(const QHttpServerRequest& request);
    // Adds the X-MBX-* headers to the response of an admitted request.
    void stamp(const QHttpServerRequest& request, QHttpServerResponse& response);

    // The documented request weight of one endpoint (1 for any path not listed).
    static int weightOf(const QString& path, QHttpServerRequest::Method method,
                        const QString& query);
    // What a request adds to the account's order counts (zero when it places no order).
    struct OrderCount {
        int per10s = 0;
        int perMinute = 0;
    };
    static OrderCount orderCountOf(const QString& path, QHttpServerRequest::Method method);
    static bool isOrderRequest(const QString& path, QHttpServerRequest::Method method);

private:
    struct IpState {
        std::int64_t minute = -1;
        int weight = 0;
        std::int64_t retryAfterUntilMs = 0; // a 429 was answered; requests before this are banned
        std::int64_t bannedUntilMs = 0;
        std::int64_t nextBanMs = 120'000;
    };
    struct OrderState {
        std::int64_t minute = -1;
        std::int64_t tenSeconds = -1;
        int perMinute = 0;
        int per10s = 0;
    };
    IpState& ipState(const QHttpServerRequest& request, std::int64_t nowMs);
    OrderState& orderState(const QString& apiKey, std::int64_t nowMs);

    RequestLimitOptions m_options;
    std::map<QString, IpState> m_ips;
    std::map<QString, OrderState> m_orders;
};

} // namespace hoga::sim
