#include "feed_event_queue.h"

#include "platform/local_clock.h"

#include <algorithm>
#include <chrono>
#include <thread>

namespace hoga::binance {

namespace {
inline void cpuRelax() {
#if defined(__x86_64__) || defined(__i386__)
    __builtin_ia32_pause();
#endif
}
using platform::steadyNs;
} // namespace

FeedEventQueue::FeedEventQueue(std::size_t capacity) : m_slots(capacity > 1 ? capacity : 2) {}

std::string_view feedHealthName(FeedHealth health) {
    switch (health) {
    case FeedHealth::Connected:
        return "connected";
    case FeedHealth::Connecting:
        return "connecting";
    case FeedHealth::Stale:
        return "stale";
    case FeedHealth::Disconnected:
        return "disconnected";
    case FeedHealth::Stopped:
        return "stopped";
    }
    return "unknown";
}

std::size_t FeedEventQueue::size() const {
    return static_cast<std::size_t>(m_tail.load(std::memory_order_acquire) -
                                    m_head.load(std::memory_order_acquire));
}

FeedEvent* FeedEventQueue::beginPush() {
    const std::uint64_t tail = m_tail.load(std::memory_order_relaxed);
    std::uint64_t head = m_head.load(std::memory_order_acquire);
    if (tail - head >= m_slots.size()) {
        // Rare (the engine is far behind): a short sleep loop is cheaper than making every
        // release() notify.
        m_producerWaits.fetch_add(1, std::memory_order_relaxed);
        while (tail - head >= m_slots.size()) {
            if (closed()) {
                return nullptr;
            }
            std::this_thread::sleep_for(std::chrono::microseconds(50));
            head = m_head.load(std::memory_order_acquire);
        }
    }
    if (closed()) {
        return nullptr;
    }
    return &m_slots[tail % m_slots.size()];
}

void FeedEventQueue::publish() {
    const std::uint64_t tail = m_tail.load(std::memory_order_relaxed) + 1;
    // seq_cst store and load: with the consumer's seq_cst store of m_consumerAsleep and load of
    // m_tail this is Dekker's pattern, so either the consumer sees the new tail or we see it
    // asleep and wake it.
    m_tail.store(tail, std::memory_order_seq_cst);
    if (m_consumerAsleep.load(std::memory_order_seq_cst)) {
        { const std::lock_guard lock(m_mutex); }
        m_published.notify_one();
    }
    const auto depth = static_cast<std::size_t>(tail - m_head.load(std::memory_order_relaxed));
    if (depth > m_maxDepth.load(std::memory_order_relaxed)) {
        m_maxDepth.store(depth, std::memory_order_relaxed);
    }
}

FeedEvent* FeedEventQueue::front(std::int64_t timeoutUs) {
    const std::uint64_t head = m_head.load(std::memory_order_relaxed);
    std::uint64_t tail = m_tail.load(std::memory_order_acquire);
    if (tail == head && timeoutUs > 0) {
        // Spin first, by the clock (a pause instruction lasts 10 to 140 cycles depending on the
        // CPU), looking at the clock only every few dozen pauses.
        const std::int64_t spinNs =
            std::min(m_spinNs.load(std::memory_order_relaxed), timeoutUs * 1000);
        if (spinNs > 0) {
            const std::int64_t until = steadyNs() + spinNs;
            for (int i = 1; tail == head; ++i) {
                cpuRelax();
                tail = m_tail.load(std::memory_order_acquire);
                if (i % 32 == 0 && steadyNs() >= until) {
                    break;
                }
            }
        }
        if (tail == head) {
            std::unique_lock lock(m_mutex);
            m_consumerAsleep.store(true, std::memory_order_seq_cst);
            m_published.wait_for(lock, std::chrono::microseconds(timeoutUs), [&] {
                tail = m_tail.load(std::memory_order_seq_cst);
                return tail != head || closed();
            });
            m_consumerAsleep.store(false, std::memory_order_relaxed);
        }
    }
    if (tail == head) {
        return nullptr;
    }
    return &m_slots[head % m_slots.size()];
}

void FeedEventQueue::release() {
    const std::uint64_t head = m_head.load(std::memory_order_relaxed);
    FeedEvent& slot = m_slots[head % m_slots.size()];
    // A slot keeps its vectors' capacity for reuse, but not a huge one (a 1,000-level burst):
    // that would pin megabytes across the whole ring.
    // Freed by swapping with an empty vector: `v = {}` picks operator=(initializer_list), which
    // empties the vector but keeps its capacity, and every slot then ratcheted up to the largest
    // update it ever held (measured: 40+ MB of heap over a soak, growing with each new record).
    constexpr std::size_t kKeepLevels = 64; // 2,048 slots × 2 sides × 64 × 16 B ≤ 4 MiB
    if (slot.depth.bids.capacity() > kKeepLevels) {
        std::vector<core::PriceLevel>().swap(slot.depth.bids);
    }
    if (slot.depth.asks.capacity() > kKeepLevels) {
        std::vector<core::PriceLevel>().swap(slot.depth.asks);
    }
    if (slot.kind == FeedEvent::Kind::Snapshot) {
        slot.snapshot = {};
    }
    m_head.store(head + 1, std::memory_order_release);
}

void FeedEventQueue::close() {
    m_closed.store(true, std::memory_order_seq_cst);
    { const std::lock_guard lock(m_mutex); }
    m_published.notify_all();
}

} // namespace hoga::binance
