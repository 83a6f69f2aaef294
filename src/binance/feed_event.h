#pragma once

// What the live feed hands the engine thread: one parsed market event, or a change of the feed's
// health, stamped with when its frame arrived. Slots of FeedEventQueue are reused, so the vectors
// inside keep their capacity and the steady state allocates nothing.

#include "core/market_events.h"

#include <cstdint>
#include <string>

namespace hoga::binance {

// The health of the feed as a whole, in the order the engine should worry about it.
enum class FeedHealth : std::uint8_t {
    Connected,    // every route open and delivering
    Connecting,   // starting, or a route is being (re)opened
    Stale,        // a route delivered nothing for too long (watchdog)
    Disconnected, // a route is down; reconnect pending
    Stopped,      // the feed was stopped
};
std::string_view feedHealthName(FeedHealth health);

struct FeedEvent {
    enum class Kind : std::uint8_t { Depth, Snapshot, Trade, Ticker, Mark, Health, Wake };
    Kind kind = Kind::Wake;
    std::int64_t receivedNs = 0;                // steady clock (latency)
    std::int64_t receivedWallNs = 0;            // Unix ns (exchange lag, recordings)
    core::DepthUpdate depth;                    // Depth
    core::DepthSnapshot snapshot;               // Snapshot
    core::Trade trade;                          // Trade (plain or aggregated; see trade.aggregated)
    core::BookTicker ticker;                    // Ticker
    core::MarkPriceUpdate mark;                 // Mark
    FeedHealth health = FeedHealth::Connecting; // Health
    bool depthRestarted = false; // Health: the depth stream broke (not a rotation): resync
    std::string detail;          // Health: why, for the health light and the refusals
};

} // namespace hoga::binance
