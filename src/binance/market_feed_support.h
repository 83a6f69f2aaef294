#pragma once

// What both halves of MarketFeed share (market_feed.cpp: connections and frames;
// market_feed_rest.cpp: snapshots and the server clock): the clocks it stamps events with
// (platform/local_clock.h) and the one way it hands an event to the engine's queue. Private to
// those two files.

#include "binance/market_feed.h"
#include "platform/local_clock.h"

#include <cstdint>

namespace hoga::binance::feedclock {
using platform::steadyMs;
using platform::steadyNs;
using platform::wallNs;
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
