#pragma once

// What both halves of MarketFeed share (market_feed.cpp: connections and frames;
// market_feed_rest.cpp: snapshots and the server clock): the clocks it stamps events with and the
// one way it hands an event to the engine's queue. Private to those two files.

#include "binance/market_feed.h"

#include <chrono>
#include <cstdint>

namespace hoga::binance::feedclock {

inline std::int64_t steadyNs() {
    return std::chrono::duration_cast<std::chrono::nanoseconds>(
               std::chrono::steady_clock::now().time_since_epoch())
        .count();
}
inline std::int64_t steadyMs() {
    return steadyNs() / 1'000'000;
}
inline std::int64_t wallNs() {
    return std::chrono::duration_cast<std::chrono::nanoseconds>(
               std::chrono::system_clock::now().time_since_epoch())
        .count();
}

} // namespace hoga::binance::feedclock

namespace hoga::binance {

template <typename Fill>
void MarketFeed::push(FeedEvent::Kind kind, std::int64_t steady, std::int64_t wall, Fill&& fill) {
    FeedEvent* slot = m_queue.beginPush();
    if (!slot) {
        return; // the queue was closed: the session is shutting down
    }
    slot->kind = kind;
    slot->receivedNs = steady;
    slot->receivedWallNs = wall;
    fill(*slot);
    m_queue.publish();
}

} // namespace hoga::binance
