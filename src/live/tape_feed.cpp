#include "tape_feed.h"

namespace hoga::live {

bool pushTapeEntry(binance::FeedEventQueue& queue, const binance::EventTape& tape,
                   std::size_t index) {
    const binance::EventTape::Entry& entry = tape.entries[index];
    binance::FeedEvent* e = queue.beginPush();
    if (!e) {
        return false;
    }
    e->receivedNs = 0; // not received now: no latency figures
    e->receivedWallNs = entry.localNs;
    using Kind = binance::EventTape::Kind;
    switch (entry.kind) {
    case Kind::Depth:
        e->kind = binance::FeedEvent::Kind::Depth;
        e->depth = tape.depth[entry.index];
        break;
    case Kind::Snapshot:
        e->kind = binance::FeedEvent::Kind::Snapshot;
        e->snapshot = tape.snapshots[entry.index];
        break;
    case Kind::Trade:
        e->kind = binance::FeedEvent::Kind::Trade;
        e->trade = tape.trades[entry.index];
        break;
    case Kind::Ticker:
        e->kind = binance::FeedEvent::Kind::Ticker;
        e->ticker = tape.tickers[entry.index];
        break;
    case Kind::Mark:
        e->kind = binance::FeedEvent::Kind::Mark;
        e->mark = tape.marks[entry.index];
        break;
    case Kind::Other:
        e->kind = binance::FeedEvent::Kind::Wake;
        break;
    }
    queue.publish();
    return true;
}

bool pushFeedHealth(binance::FeedEventQueue& queue, binance::FeedHealth health,
                    std::string_view detail, bool depthRestarted) {
    binance::FeedEvent* e = queue.beginPush();
    if (!e) {
        return false;
    }
    e->kind = binance::FeedEvent::Kind::Health;
    e->receivedNs = 0; // not received now: no latency figures
    e->health = health;
    e->detail = std::string(detail);
    e->depthRestarted = depthRestarted;
    queue.publish();
    return true;
}

} // namespace hoga::live
