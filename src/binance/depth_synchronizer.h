#pragma once

// Keeps a core::OrderBook in sync with Binance USDⓈ-M's diff-depth stream, following the
// futures procedure of API_FACTS.md §3 as an explicit state machine:
//
//   WaitingForSnapshot ──snapshot──► Bridging ──bracketing event──► Live
//          ▲                            │ first event starts after the snapshot   │ pu ≠ previous
//          u, │                            ▼                                        │ or crossed
//          book └────────────── Resyncing ◄───────────────────────────────────────────┘
//
// - WaitingForSnapshot / Resyncing: every diff is buffered (bounded; the oldest go first), because
//   the event that brackets the snapshot often arrives before the snapshot itself.
// - On a snapshot: load it, drop buffered events with u < lastUpdateId, accept the first event
//   with U <= lastUpdateId <= u (<= and >= exactly as documented), then require pu == previous u.
//   If the first remaining event starts after lastUpdateId, the snapshot is too old: ask again.
// - Live: an event with u <= the last applied u is a duplicate (dropped, counted); pu ≠ previous
//   u is a gap (counted, book marked unverified, diffs buffered again, new snapshot wanted).
// - Only Live with an uncrossed book counts as in sync; anything else must block new entries.

#include "core/market_events.h"
#include "core/orderbook.h"

#include <cstddef>
#include <cstdint>
#include <deque>
#include <string_view>

namespace hoga::binance {

enum class SyncState : std::uint8_t { WaitingForSnapshot, Bridging, Live, Resyncing };
std::string_view syncStateName(SyncState state);

struct SyncCounters {
    std::int64_t snapshots = 0;         // snapshots received
    std::int64_t staleSnapshots = 0;    // snapshots older than the buffered stream (asked again)
    std::int64_t syncs = 0;             // times the book became Live
    std::int64_t gaps = 0;              // pu chain breaks while Live
    std::int64_t crossed = 0;           // times a Live book crossed (treated like a gap)
    std::int64_t applied = 0;           // diff events applied
    std::int64_t levelsApplied = 0;     // price levels changed by applied diffs
    std::int64_t staleDropped = 0;      // u < lastUpdateId while bridging
    std::int64_t duplicatesDropped = 0; // u <= last applied u while Live
    std::int64_t buffered = 0;          // events that went through the buffer
    std::int64_t bufferOverflows = 0;   // oldest buffered events dropped for space
    std::int64_t streamRestarts = 0;    // markStale() calls: the diff stream was interrupted
};

class DepthSynchronizer {
public:
    enum class Outcome : std::uint8_t {
        Buffered,
        Applied,
        DroppedStale,
        DroppedDuplicate,
        Gap, // this event revealed a gap (or crossed the book); it was buffered for the resync
    };

    explicit DepthSynchronizer(core::OrderBook& book, std::size_t maxBuffered = 20000);

    Outcome onDepthUpdate(const core::DepthUpdate& update);
    void onSnapshot(const core::DepthSnapshot& snapshot);

    // The feed asks for a REST snapshot when this is true and then calls snapshotRequested(),
    // so that only one request is in flight. A failed request calls snapshotFailed().
    [[nodiscard]] bool wantsSnapshot() const;
    void snapshotRequested() { m_snapshotInFlight = true; }
    void snapshotFailed() { m_snapshotInFlight = false; }

    [[nodiscard]] SyncState state() const { return m_state; }
    [[nodiscard]] bool inSync() const { return m_state == SyncState::Live; }
    [[nodiscard]] std::uint64_t lastAppliedUpdateId() const { return m_lastApplied; }
    [[nodiscard]] const SyncCounters& counters() const { return m_counters; }
    [[nodiscard]] std::size_t bufferedCount() const { return m_buffer.size(); }
    // Why the book is not in sync, for a health light ("waiting for snapshot", "gap at …").
    [[nodiscard]] std::string_view reason() const;

    // Forget everything: book cleared, back to WaitingForSnapshot.
    void reset();
    // The diff stream was interrupted (a new connection): its next events cannot chain onto the
    // last applied one. Resyncs like a gap, but keeps the book (unverified) until a snapshot
    // replaces it, so that a paper broker can still close a position against it.
    void markStale();

private:
    enum class Step : std::uint8_t { Applied, Stale, Duplicate, Gap, SnapshotTooOld };
    Step process(const core::DepthUpdate& update);
    void apply(const core::DepthUpdate& update);
    void startResync(SyncState next);
    void buffer(const core::DepthUpdate& update);
    void drainBuffer();

    core::OrderBook& m_book;
    std::size_t m_maxBuffered;
    SyncState m_state = SyncState::WaitingForSnapshot;
    std::uint64_t m_snapshotId = 0;
    std::uint64_t m_lastApplied = 0;
    bool m_snapshotInFlight = false;
    bool m_lastWasCrossed = false;
    bool m_streamRestarted = false; // the last resync was markStale()'s
    std::deque<core::DepthUpdate> m_buffer;
    SyncCounters m_counters;
};

} // namespace hoga::binance
