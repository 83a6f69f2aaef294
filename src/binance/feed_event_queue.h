#pragma once

// The hand-off from the feed's I/O thread to the engine thread: a single-producer,
// single-consumer ring of reusable FeedEvent slots that never drops anything. When the engine
// falls behind and the ring is full, the producer waits (the socket then backs up in the kernel,
// which is where Binance's own flow control lives) and the wait is counted; the lag shows in the
// queue depth and in the receive-to-dequeue times the consumer measures.
//
// Waiting: the consumer spins for a while (setSpinUs; at full rate the next frame usually follows
// within microseconds), then sleeps on a condition variable with a timeout. The producer takes the
// mutex and notifies only when the consumer is asleep, so a busy feed makes no syscalls and an idle
// one costs no CPU. The spin is a trade: waking a sleeping thread costs 15–40 µs on this VM (an
// idle vCPU must be woken) and, now and then, milliseconds; a 200 µs spin kept the 10x p99.9 at
// ~0.3 ms for about 7 % of a core at the market's real rate (README, performance).

#include "binance/feed_event.h"

#include <atomic>
#include <condition_variable>
#include <cstddef>
#include <cstdint>
#include <mutex>
#include <vector>

namespace hoga::binance {

class FeedEventQueue {
public:
    explicit FeedEventQueue(std::size_t capacity = 2048);

    // Producer: the slot to fill, waiting while the ring is full (or until close()). nullptr once
    // closed. Fill it, then publish().
    FeedEvent* beginPush();
    void publish();

    // Consumer: the oldest event, waiting up to `timeoutUs` (0: do not wait). nullptr when none
    // (or closed and drained). Process it, then release().
    FeedEvent* front(std::int64_t timeoutUs);
    void release();
    // How long front() spins before it sleeps (any thread; 0: sleep at once).
    void setSpinUs(std::int64_t us) { m_spinNs.store(us > 0 ? us * 1000 : 0); }

    // Wakes both sides for good; events already published can still be read.
    void close();
    [[nodiscard]] bool closed() const { return m_closed.load(std::memory_order_acquire); }

    [[nodiscard]] std::size_t size() const;
    [[nodiscard]] std::size_t capacity() const { return m_slots.size(); }
    [[nodiscard]] std::size_t maxDepth() const {
        return m_maxDepth.load(std::memory_order_relaxed);
    }
    // Times the producer found the ring full and had to wait.
    [[nodiscard]] std::int64_t producerWaits() const {
        return m_producerWaits.load(std::memory_order_relaxed);
    }

private:
    std::vector<FeedEvent> m_slots;
    alignas(64) std::atomic<std::uint64_t> m_head{0}; // next to read (consumer)
    alignas(64) std::atomic<std::uint64_t> m_tail{0}; // next to write (producer)
    alignas(64) std::atomic<bool> m_closed{false};
    std::atomic<bool> m_consumerAsleep{false};
    std::mutex m_mutex;
    std::condition_variable m_published;
    std::atomic<std::size_t> m_maxDepth{0};
    std::atomic<std::int64_t> m_producerWaits{0};
    std::atomic<std::int64_t> m_spinNs{30'000};
};

} // namespace hoga::binance
