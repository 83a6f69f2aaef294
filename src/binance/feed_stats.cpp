#include "feed_stats.h"

namespace hoga::binance {

const char* streamIdName(StreamId id) {
    switch (id) {
    case StreamId::Depth:
        return "depth";
    case StreamId::Trade:
        return "trade";
    case StreamId::AggTrade:
        return "aggTrade";
    case StreamId::BookTicker:
        return "bookTicker";
    case StreamId::MarkPrice:
        return "markPrice";
    case StreamId::Other:
        return "other";
    }
    return "other";
}

FeedStatsSnapshot FeedStats::snapshot() const {
    const auto get = [](const std::atomic<std::int64_t>& a) {
        return a.load(std::memory_order_relaxed);
    };
    FeedStatsSnapshot s;
    for (std::size_t i = 0; i < kStreamIdCount; ++i) {
        s.messages[i] = get(messages[i]);
        s.bytes[i] = get(bytes[i]);
    }
    s.frames = get(frames);
    s.malformed = get(malformed);
    s.duplicatesDropped = get(duplicatesDropped);
    s.connects = get(connects);
    s.reconnects = get(reconnects);
    s.disconnects = get(disconnects);
    s.staleReconnects = get(staleReconnects);
    s.rotations = get(rotations);
    s.rotationsForced = get(rotationsForced);
    s.snapshotRequests = get(snapshotRequests);
    s.snapshotFailures = get(snapshotFailures);
    s.snapshotsDelivered = get(snapshotsDelivered);
    s.rateLimited = get(rateLimited);
    s.clockSamples = get(clockSamples);
    s.clockOffsetMs = get(clockOffsetMs);
    s.clockRttMs = get(clockRttMs);
    s.pingRttUs = get(pingRttUs);
    return s;
}

} // namespace hoga::binance
