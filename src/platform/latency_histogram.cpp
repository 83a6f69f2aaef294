#include "platform/latency_histogram.h"

#include <algorithm>
#include <cmath>

namespace hoga::platform {

namespace {

constexpr std::size_t kLinearBuckets = std::size_t{2} << kLatencySubBucketBits;
constexpr std::size_t kSubBuckets = std::size_t{1} << kLatencySubBucketBits;

// The index arithmetic is checked here once, at compile time, at the edges that matter.
static_assert(latencyBucketIndex(0) == 0);
static_assert(latencyBucketIndex(127) == 127);
static_assert(latencyBucketIndex(128) == 128);
static_assert(latencyBucketIndex(129) == 128); // 128..129 share a 2-ns bucket
static_assert(latencyBucketIndex(130) == 129);
static_assert(latencyBucketIndex(kMaxTrackableNs) == kLatencyBucketCount - 1);

std::uint64_t saturatingAdd(std::uint64_t a, std::uint64_t b) {
    std::uint64_t sum = 0;
    return __builtin_add_overflow(a, b, &sum) ? std::numeric_limits<std::uint64_t>::max() : sum;
}

std::int64_t midpoint(std::size_t index) {
    const std::int64_t low = latencyBucketLowest(index);
    return low + (latencyBucketHighest(index) - low) / 2;
}

} // namespace

std::int64_t latencyBucketLowest(std::size_t index) {
    if (index < kLinearBuckets) {
        return static_cast<std::int64_t>(index);
    }
    const std::size_t j = index - kLinearBuckets;
    const int shift = static_cast<int>(j / kSubBuckets) + 1; // the first octave above is 2 wide
    return static_cast<std::int64_t>((kSubBuckets + j % kSubBuckets) << shift);
}

std::int64_t latencyBucketHighest(std::size_t index) {
    if (index < kLinearBuckets) {
        return static_cast<std::int64_t>(index);
    }
    const int shift = static_cast<int>((index - kLinearBuckets) / kSubBuckets) + 1;
    return latencyBucketLowest(index) + (std::int64_t{1} << shift) - 1;
}

std::int64_t LatencyHistogramSnapshot::percentile(double p) const {
    if (count == 0) {
        return 0;
    }
    if (std::isnan(p) || p <= 0.0) {
        return minNs;
    }
    if (p >= 100.0) {
        return maxNs;
    }
    // The rank of the wanted value, 1-based; the product is exact enough for any real count.
    auto rank = static_cast<std::uint64_t>(std::ceil(p / 100.0 * double(count)));
    rank = std::clamp<std::uint64_t>(rank, 1, count);
    std::uint64_t seen = 0;
    for (std::size_t i = 0; i < buckets.size(); ++i) {
        seen += buckets[i];
        if (seen >= rank) {
            return std::clamp(midpoint(i), minNs, maxNs);
        }
    }
    return maxNs; // the rank lies among the overflowed values
}

std::uint64_t LatencyHistogramSnapshot::countAtOrBelow(std::int64_t ns) const {
    if (ns < 0) {
        return 0;
    }
    std::uint64_t total = 0;
    for (std::size_t i = 0; i < buckets.size(); ++i) {
        if (midpoint(i) <= ns) { // also true when ns is the bucket's highest value
            total += buckets[i];
        } else {
            break; // buckets are in increasing order of value
        }
    }
    if (overflow > 0 && ns >= maxNs) {
        total += overflow;
    }
    return total;
}

void LatencyHistogramSnapshot::merge(const LatencyHistogramSnapshot& other) {
    if (other.count > 0) {
        minNs = count == 0 ? other.minNs : std::min(minNs, other.minNs);
        maxNs = count == 0 ? other.maxNs : std::max(maxNs, other.maxNs);
    }
    for (std::size_t i = 0; i < buckets.size(); ++i) {
        buckets[i] += other.buckets[i];
    }
    overflow += other.overflow;
    count += other.count;
    rejected += other.rejected;
    sumNs = saturatingAdd(sumNs, other.sumNs);
}

void LatencyHistogram::merge(const LatencyHistogramSnapshot& other) {
    constexpr auto relaxed = std::memory_order_relaxed;
    if (other.count > 0) {
        m_min.store(std::min(m_min.load(relaxed), other.minNs), relaxed);
        m_max.store(std::max(m_max.load(relaxed), other.maxNs), relaxed);
    }
    m_sum.store(saturatingAdd(m_sum.load(relaxed), other.sumNs), relaxed);
    m_rejected.store(m_rejected.load(relaxed) + other.rejected, relaxed);
    m_overflow.store(m_overflow.load(relaxed) + other.overflow, std::memory_order_release);
    for (std::size_t i = 0; i < m_buckets.size(); ++i) {
        if (other.buckets[i] != 0) {
            m_buckets[i].store(m_buckets[i].load(relaxed) + other.buckets[i],
                               std::memory_order_release);
        }
    }
}

void LatencyHistogram::reset() {
    constexpr auto relaxed = std::memory_order_relaxed;
    for (auto& bucket : m_buckets) {
        bucket.store(0, relaxed);
    }
    m_overflow.store(0, relaxed);
    m_rejected.store(0, relaxed);
    m_sum.store(0, relaxed);
    m_min.store(std::numeric_limits<std::int64_t>::max(), relaxed);
    m_max.store(-1, relaxed);
}

LatencyHistogramSnapshot LatencyHistogram::snapshot() const {
    LatencyHistogramSnapshot s;
    // Buckets with acquire first, then min, max and sum: everything a copied bucket count
    // stands for is then visible in them (record() writes them before the bucket).
    std::uint64_t count = 0;
    for (std::size_t i = 0; i < m_buckets.size(); ++i) {
        s.buckets[i] = m_buckets[i].load(std::memory_order_acquire);
        count += s.buckets[i];
    }
    s.overflow = m_overflow.load(std::memory_order_acquire);
    s.count = count + s.overflow;
    s.rejected = m_rejected.load(std::memory_order_relaxed);
    if (s.count > 0) {
        s.sumNs = m_sum.load(std::memory_order_relaxed);
        s.minNs = m_min.load(std::memory_order_relaxed);
        s.maxNs = m_max.load(std::memory_order_relaxed);
    }
    return s;
}

} // namespace hoga::platform
