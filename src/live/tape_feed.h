#pragma once

// Feeds a decoded recording (binance::EventTape) into a live session's queue, event by event, as
// the live feed would: how a recorded market is replayed through the engine thread exactly as a
// live one (tests, the station's views on recorded data, a trade replay).

#include "binance/event_tape.h"
#include "binance/feed_event_queue.h"

#include <string_view>

namespace hoga::live {

// Pushes entry `index` of `tape` (waits while the queue is full). The steady receive time is 0,
// "not received now", so replayed events do not count in the latency figures; the recording's
// local time is kept as the wall time. False when the queue was closed.
bool pushTapeEntry(binance::FeedEventQueue& queue, const binance::EventTape& tape,
                   std::size_t index);

// Pushes a change of the feed's health, as MarketFeed does.
bool pushFeedHealth(binance::FeedEventQueue& queue, binance::FeedHealth health,
                    std::string_view detail, bool depthRestarted = false);

} // namespace hoga::live
