#pragma once

// Where and what the live market feed subscribes to. Binance split its USDⓈ-M WebSocket URLs by
// traffic type in 2026 (API_FACTS.md §1): book data (depth, bookTicker) under /public, the rest
// (trades, aggTrade, markPrice) under /market. The legacy single /stream endpoint is selectable.

#include "binance/reconnect_backoff.h"

#include <QString>
#include <QUrl>

#include <cstdint>
#include <vector>

namespace hoga::binance {

enum class EndpointLayout : std::uint8_t {
    Split,  // /public/stream?streams=… and /market/stream?streams=… (Binance since 2026)
    Legacy, // one /stream?streams=… with everything
};

enum class TradeStream : std::uint8_t { Trade, AggTrade };

struct FeedConfig {
    QUrl wsBase{QStringLiteral("wss://fstream.binance.com")};
    QUrl restBase{QStringLiteral("https://fapi.binance.com")};
    QString symbol = QStringLiteral("BTCUSDT");
    EndpointLayout layout = EndpointLayout::Split;
    QString depthSpeed = QStringLiteral("100ms"); // "100ms", "0ms", "250ms" (plain @depth), "500ms"
    TradeStream trades = TradeStream::Trade;
    bool bookTicker = true;
    bool markPrice = true;
    int snapshotLimit = 1000;

    BackoffPolicy reconnect;                        // WebSocket (re)connects
    BackoffPolicy restBackoff{1000, 30000, 0.3, 0}; // snapshot and clock requests
    std::int64_t staleAfterMs = 10000; // no frame on a route for this long: reconnect it
    std::int64_t rotateAfterMs = 23LL * 3600 * 1000 + 30 * 60 * 1000; // before Binance's 24 h
    std::int64_t rotationTimeoutMs = 30000; // new connection must catch up within this
    std::int64_t clockSyncIntervalMs = 60000;
    std::int64_t pingIntervalMs = 30000; // our own pings: a round-trip measure, and keep-alive
    std::int64_t tickMs = 200;           // watchdog / wake-up period
};

// One WebSocket connection's worth of streams.
struct FeedRoute {
    QString name; // "public", "market" or "all"
    QUrl url;
    bool carriesDepth = false;
    bool carriesTrades = false;
};

// The routes for a configuration: two for Split, one for Legacy.
std::vector<FeedRoute> feedRoutes(const FeedConfig& config);

} // namespace hoga::binance
