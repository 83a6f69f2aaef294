#include "depth_synchronizer.h"

namespace hoga::binance {

std::string_view syncStateName(SyncState state) {
    switch (state) {
    case SyncState::WaitingForSnapshot:
        return "waiting_for_snapshot";
    case SyncState::Bridging:
        return "bridging";
    case SyncState::Live:
        return "live";
    case SyncState::Resyncing:
        return "resyncing";
    }
    return "invalid";
}

DepthSynchronizer::DepthSynchronizer(core::OrderBook& book, std::size_t maxBuffered)
    : m_book(book), m_maxBuffered(maxBuffered > 0 ? maxBuffered : 1) {}

void DepthSynchronizer::reset() {
    m_book.clear();
    m_buffer.clear();
    m_state = SyncState::WaitingForSnapshot;
    m_snapshotId = 0;
    m_lastApplied = 0;
    m_snapshotInFlight = false;
    m_lastWasCrossed = false;
}

bool DepthSynchronizer::wantsSnapshot() const {
    return (m_state == SyncState::WaitingForSnapshot || m_state == SyncState::Resyncing) &&
           !m_snapshotInFlight;
}

std::string_view DepthSynchronizer::reason() const {
    switch (m_state) {
    case SyncState::WaitingForSnapshot:
        return "waiting for the depth snapshot";
    case SyncState::Bridging:
        return "snapshot loaded, waiting for the diff that brackets it";
    case SyncState::Live:
        return "in sync";
    case SyncState::Resyncing:
        if (m_streamRestarted) {
            return "depth stream reconnected: resyncing";
        }
        return m_lastWasCrossed ? "book crossed: resyncing" : "gap in the depth stream: resyncing";
    }
    return "unknown";
}

void DepthSynchronizer::markStale() {
    ++m_counters.streamRestarts;
    m_buffer.clear(); // diffs of the old connection: the snapshot to come supersedes them
    m_lastWasCrossed = false;
    m_streamRestarted = true;
    if (m_state == SyncState::Live || m_state == SyncState::Bridging) {
        startResync(SyncState::Resyncing);
    } else {
        m_snapshotInFlight = false; // a snapshot asked on the old connection may never match
    }
}

void DepthSynchronizer::buffer(const core::DepthUpdate& update) {
    if (m_buffer.size() >= m_maxBuffered) {
        // The oldest events are the ones any future snapshot will have covered already.
        m_buffer.pop_front();
        ++m_counters.bufferOverflows;
    }
    m_buffer.push_back(update);
    ++m_counters.buffered;
}

void DepthSynchronizer::apply(const core::DepthUpdate& update) {
    for (const auto& level : update.bids) {
        m_book.set(core::Side::Buy, level.price, level.qty);
    }
    for (const auto& level : update.asks) {
        m_book.set(core::Side::Sell, level.price, level.qty);
    }
    m_lastApplied = update.finalUpdateId;
    ++m_counters.applied;
    m_counters.levelsApplied += static_cast<std::int64_t>(update.bids.size() + update.asks.size());
}

void DepthSynchronizer::startResync(SyncState next) {
    m_state = next;
    m_snapshotInFlight = false;
}

DepthSynchronizer::Step DepthSynchronizer::process(const core::DepthUpdate& update) {
    if (m_state == SyncState::Bridging) {
        if (update.finalUpdateId < m_snapshotId) {
            ++m_counters.staleDropped;
            return Step::Stale;
        }
        if (update.firstUpdateId <= m_snapshotId && update.finalUpdateId >= m_snapshotId) {
            apply(update);
            m_state = SyncState::Live;
            ++m_counters.syncs;
            return Step::Applied;
        }
        return Step::SnapshotTooOld; // U > lastUpdateId: the diffs that bridge it are gone
    }
    // Live
    if (update.finalUpdateId <= m_lastApplied) {
        ++m_counters.duplicatesDropped;
        return Step::Duplicate;
    }
    if (update.prevFinalUpdateId != m_lastApplied) {
        return Step::Gap;
    }
    apply(update);
    return Step::Applied;
}

DepthSynchronizer::Outcome DepthSynchronizer::onDepthUpdate(const core::DepthUpdate& update) {
    if (m_state == SyncState::WaitingForSnapshot || m_state == SyncState::Resyncing) {
        buffer(update);
        return Outcome::Buffered;
    }
    switch (process(update)) {
    case Step::Applied:
        if (m_book.isCrossed()) {
            ++m_counters.crossed;
            m_lastWasCrossed = true;
            m_streamRestarted = false;
            startResync(SyncState::Resyncing);
            buffer(update); // harmless to replay: the next snapshot decides whether it is stale
            return Outcome::Gap;
        }
        m_lastWasCrossed = false;
        return Outcome::Applied;
    case Step::Stale:
        return Outcome::DroppedStale;
    case Step::Duplicate:
        return Outcome::DroppedDuplicate;
    case Step::SnapshotTooOld:
        ++m_counters.staleSnapshots;
        startResync(SyncState::WaitingForSnapshot);
        buffer(update);
        return Outcome::Buffered;
    case Step::Gap:
        ++m_counters.gaps;
        m_lastWasCrossed = false;
        m_streamRestarted = false;
        startResync(SyncState::Resyncing);
        buffer(update);
        return Outcome::Gap;
    }
    return Outcome::Buffered;
}

void DepthSynchronizer::onSnapshot(const core::DepthSnapshot& snapshot) {
    ++m_counters.snapshots;
    m_snapshotInFlight = false;
    m_book.clear();
    for (const auto& level : snapshot.bids) {
        m_book.set(core::Side::Buy, level.price, level.qty);
    }
    for (const auto& level : snapshot.asks) {
        m_book.set(core::Side::Sell, level.price, level.qty);
    }
    m_snapshotId = snapshot.lastUpdateId;
    m_lastApplied = snapshot.lastUpdateId;
    m_state = SyncState::Bridging;
    m_lastWasCrossed = false;
    drainBuffer();
}

void DepthSynchronizer::drainBuffer() {
    while (!m_buffer.empty()) {
        if (m_state != SyncState::Bridging && m_state != SyncState::Live) {
            return; // a gap or a too-old snapshot sent us back to buffering: keep the rest
        }
        core::DepthUpdate update = std::move(m_buffer.front());
        m_buffer.pop_front();
        const Outcome outcome = onDepthUpdate(update);
        if (outcome == Outcome::Buffered || outcome == Outcome::Gap) {
            // onDepthUpdate re-buffered it at the back; it belongs at the front, before the rest.
            m_buffer.push_front(std::move(m_buffer.back()));
            m_buffer.pop_back();
            --m_counters.buffered;
            return;
        }
    }
}

} // namespace hoga::binance
