#pragma once

// A latency histogram of nanosecond durations (receive → parse, parse → engine, order → ack),
// recorded on a hot path by one thread and read at any time by another (the GUI, the metrics
// endpoint) through snapshot().
//
// Buckets are log-linear, in the manner of HdrHistogram: values 0..127 ns each have their own
// bucket (exact); above that, every power-of-two range [2^k, 2^(k+1)) is split into 64 equal
// sub-buckets, so a bucket is at most 1/64 (1.6 %) of its values wide. percentile() answers with
// the bucket's midpoint, within 0.8 % of the true order statistic (and exact below 128 ns).
// Trackable range: 0 .. kMaxTrackableNs (2^36 − 1 ns, 68.7 s); larger values go to an overflow
// count. Negative durations (a clock stepped back) are not latencies: they are counted apart as
// rejected and take no part in count, sum, min, max or percentiles.
//
// count, sum, min and max are exact (sum saturates at 2^64 − 1 ns, 584 years).
//
// Threading contract:
// - record(), merge() and reset() belong to one thread (the owner). record() takes no lock,
//   allocates nothing and does no read-modify-write instructions: every field has a single
//   writer, so plain relaxed loads and stores suffice (a release store for the bucket).
// - snapshot() may be called from any thread at any time. Every field of a snapshot is a whole
//   value (never torn). A snapshot's count is the sum of the bucket counts it copied, so its
//   percentiles are self-consistent. A record() racing with the copy may be in min, max and sum
//   without being in any bucket yet, never the reverse: max ≥ and min ≤ every counted value, and
//   sum ≥ the sum of the counted values, exceeding it by at most the values recorded during the
//   copy. A snapshot taken when no record() is running is exact.
// - reset() while another thread copies a snapshot can give that snapshot a mix of old and new.

#include <array>
#include <atomic>
#include <cstddef>
#include <cstdint>
#include <limits>

namespace hoga::platform {

inline constexpr int kLatencySubBucketBits = 6; // 64 sub-buckets per power of two
inline constexpr int kLatencyMaxExponent = 36;  // values < 2^36 ns are tracked
inline constexpr std::int64_t kMaxTrackableNs = (std::int64_t{1} << kLatencyMaxExponent) - 1;
inline constexpr std::size_t kLatencyBucketCount =
    (std::size_t{2} << kLatencySubBucketBits) +
    std::size_t(kLatencyMaxExponent - kLatencySubBucketBits - 1) * (1u << kLatencySubBucketBits);

// The bucket that holds a value in [0, kMaxTrackableNs].
constexpr std::size_t latencyBucketIndex(std::int64_t ns) {
    const auto v = static_cast<std::uint64_t>(ns);
    constexpr std::uint64_t linear = std::uint64_t{2} << kLatencySubBucketBits;
    if (v < linear) {
        return static_cast<std::size_t>(v);
    }
    const int exponent = 63 - __builtin_clzll(v); // ≥ kLatencySubBucketBits + 1
    const int shift = exponent - kLatencySubBucketBits;
    const std::uint64_t sub = (v >> shift) - (std::uint64_t{1} << kLatencySubBucketBits);
    return static_cast<std::size_t>(linear +
                                    std::uint64_t(exponent - kLatencySubBucketBits - 1) *
                                        (std::uint64_t{1} << kLatencySubBucketBits) +
                                    sub);
}

// The smallest and the largest value a bucket holds (both inclusive).
std::int64_t latencyBucketLowest(std::size_t index);
std::int64_t latencyBucketHighest(std::size_t index);

// A plain copy of a histogram at one moment (see the threading contract above).
struct LatencyHistogramSnapshot {
    std::array<std::uint64_t, kLatencyBucketCount> buckets{};
    std::uint64_t overflow = 0; // values > kMaxTrackableNs; part of count
    std::uint64_t count = 0;    // sum of buckets + overflow
    std::uint64_t rejected = 0; // negative values; not part of count
    std::uint64_t sumNs = 0;
    std::int64_t minNs = 0; // 0 when empty
    std::int64_t maxNs = 0; // 0 when empty

    bool empty() const { return count == 0; }
    double meanNs() const { return count == 0 ? 0.0 : double(sumNs) / double(count); }

    // The value below or at which p percent of the values lie (p in [0, 100]; outside it is
    // clamped, NaN reads as 0): the midpoint of the bucket holding the ceil(p/100 · count)-th
    // value, clamped to [minNs, maxNs]. p = 0 gives minNs and p = 100 gives maxNs exactly. When
    // that value overflowed, maxNs (the only thing known about it). 0 when empty.
    std::int64_t percentile(double p) const;

    // How many values are ≤ ns, from the buckets: exact when ns is a bucket's highest value (and
    // for every ns < 128); otherwise the bucket straddling ns counts if its midpoint is ≤ ns.
    // Overflowed values count only for ns ≥ maxNs.
    std::uint64_t countAtOrBelow(std::int64_t ns) const;

    // Adds another snapshot (histograms of several threads or sessions).
    void merge(const LatencyHistogramSnapshot& other);
};

class LatencyHistogram {
public:
    LatencyHistogram() = default;
    LatencyHistogram(const LatencyHistogram&) = delete;
    LatencyHistogram& operator=(const LatencyHistogram&) = delete;

    // Owner thread only. Inline: it is the hot path.
    void record(std::int64_t ns) {
        if (ns < 0) [[unlikely]] {
            bump(m_rejected);
            return;
        }
        // min, max and sum first, the bucket last with release: a snapshot that sees the bucket
        // also sees them (see the contract).
        if (ns < m_min.load(std::memory_order_relaxed)) {
            m_min.store(ns, std::memory_order_relaxed);
        }
        if (ns > m_max.load(std::memory_order_relaxed)) {
            m_max.store(ns, std::memory_order_relaxed);
        }
        std::uint64_t sum = m_sum.load(std::memory_order_relaxed);
        if (__builtin_add_overflow(sum, static_cast<std::uint64_t>(ns), &sum)) [[unlikely]] {
            sum = std::numeric_limits<std::uint64_t>::max();
        }
        m_sum.store(sum, std::memory_order_relaxed);
        std::atomic<std::uint64_t>& slot =
            ns > kMaxTrackableNs ? m_overflow : m_buckets[latencyBucketIndex(ns)];
        slot.store(slot.load(std::memory_order_relaxed) + 1, std::memory_order_release);
    }

    // Owner thread only: adds a snapshot (for example another thread's histogram).
    void merge(const LatencyHistogramSnapshot& other);
    // Owner thread only: back to empty.
    void reset();

    // Any thread.
    LatencyHistogramSnapshot snapshot() const;

private:
    static void bump(std::atomic<std::uint64_t>& a) {
        a.store(a.load(std::memory_order_relaxed) + 1, std::memory_order_relaxed);
    }

    std::array<std::atomic<std::uint64_t>, kLatencyBucketCount> m_buckets{};
    std::atomic<std::uint64_t> m_overflow{0};
    std::atomic<std::uint64_t> m_rejected{0};
    std::atomic<std::uint64_t> m_sum{0};
    std::atomic<std::int64_t> m_min{std::numeric_limits<std::int64_t>::max()};
    std::atomic<std::int64_t> m_max{-1};
};

} // namespace hoga::platform
