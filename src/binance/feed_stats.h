#pragma once

// Counters of the live feed, written by the feed's thread and read from any thread (relaxed
// atomics: each figure is exact, a set of them is only approximately simultaneous — fine for
// metrics). FeedStats::snapshot() gives a plain value for the GUI and the metrics endpoint.

#include <array>
#include <atomic>
#include <cstdint>

namespace hoga::binance {

// The streams counted separately.
enum class StreamId : std::uint8_t { Depth, Trade, AggTrade, BookTicker, MarkPrice, Other };
inline constexpr std::size_t kStreamIdCount = 6;
const char* streamIdName(StreamId id);

struct FeedStatsSnapshot {
    std::array<std::int64_t, kStreamIdCount> messages{};
    std::array<std::int64_t, kStreamIdCount> bytes{};
    std::int64_t frames = 0;
    std::int64_t malformed = 0;
    std::int64_t duplicatesDropped = 0; // events already forwarded (reconnect overlap, dup fault)
    std::int64_t connects = 0;          // successful opens, all routes
    std::int64_t reconnects = 0;        // opens after a broken connection
    std::int64_t disconnects = 0;       // connections lost (not closed by us)
    std::int64_t staleReconnects = 0;   // watchdog fired
    std::int64_t rotations = 0;         // proactive overlapping rotations completed
    std::int64_t rotationsForced = 0;   // … where the new connection never caught up
    std::int64_t snapshotRequests = 0;  // REST depth requests sent
    std::int64_t snapshotFailures = 0;  // failed or unusable answers
    std::int64_t snapshotsDelivered = 0;
    std::int64_t rateLimited = 0; // 429 / 418 answers
    std::int64_t clockSamples = 0;
    std::int64_t clockOffsetMs = 0; // server − local
    std::int64_t clockRttMs = 0;
    std::int64_t pingRttUs = 0; // last pong of our own ping
};

struct FeedStats {
    std::array<std::atomic<std::int64_t>, kStreamIdCount> messages{};
    std::array<std::atomic<std::int64_t>, kStreamIdCount> bytes{};
    std::atomic<std::int64_t> frames{0}, malformed{0}, duplicatesDropped{0};
    std::atomic<std::int64_t> connects{0}, reconnects{0}, disconnects{0}, staleReconnects{0};
    std::atomic<std::int64_t> rotations{0}, rotationsForced{0};
    std::atomic<std::int64_t> snapshotRequests{0}, snapshotFailures{0}, snapshotsDelivered{0};
    std::atomic<std::int64_t> rateLimited{0}, clockSamples{0}, clockOffsetMs{0}, clockRttMs{0};
    std::atomic<std::int64_t> pingRttUs{0};

    static void add(std::atomic<std::int64_t>& counter, std::int64_t n = 1) {
        counter.fetch_add(n, std::memory_order_relaxed);
    }
    [[nodiscard]] FeedStatsSnapshot snapshot() const;
};

} // namespace hoga::binance
