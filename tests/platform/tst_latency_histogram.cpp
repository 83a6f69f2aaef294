// LatencyHistogram: the bucket layout, percentiles against exact order statistics of known and
// random distributions (within the documented 1/128 relative error), the empty histogram,
// overflow, rejected values, merge, reset, and a snapshot taken while another thread records.

#include "platform/latency_histogram.h"

#include <QTest>

#include <algorithm>
#include <atomic>
#include <cmath>
#include <cstdint>
#include <memory>
#include <random>
#include <thread>
#include <vector>

using namespace hoga::platform;

namespace {

// The exact value the histogram estimates: the ceil(p/100 · n)-th smallest.
std::int64_t exactPercentile(std::vector<std::int64_t> sorted, double p) {
    std::sort(sorted.begin(), sorted.end());
    auto rank = static_cast<std::size_t>(std::ceil(p / 100.0 * double(sorted.size())));
    rank = std::clamp<std::size_t>(rank, 1, sorted.size());
    return sorted[rank - 1];
}

bool withinError(std::int64_t got, std::int64_t want) {
    // Bucket midpoints: at most half a bucket (1/128 of the value) off; exact below 128.
    const double allowed = want < 128 ? 0.0 : double(want) / 128.0;
    return std::abs(double(got - want)) <= allowed;
}

} // namespace

class TestLatencyHistogram : public QObject {
    Q_OBJECT

private Q_SLOTS:
    void bucketLayoutIsContiguous() {
        QCOMPARE(kLatencyBucketCount, std::size_t{1984});
        QCOMPARE(latencyBucketLowest(0), std::int64_t{0});
        QCOMPARE(latencyBucketHighest(kLatencyBucketCount - 1), kMaxTrackableNs);
        for (std::size_t i = 0; i < kLatencyBucketCount; ++i) {
            const std::int64_t low = latencyBucketLowest(i);
            const std::int64_t high = latencyBucketHighest(i);
            QVERIFY(low <= high);
            QCOMPARE(latencyBucketIndex(low), i);
            QCOMPARE(latencyBucketIndex(high), i);
            if (i + 1 < kLatencyBucketCount) {
                QCOMPARE(latencyBucketLowest(i + 1), high + 1);
            }
            // 64 sub-buckets per power of two: no bucket wider than 1/64 of its lowest value.
            if (i >= 128) {
                QVERIFY2(double(high - low + 1) <= double(low) / 64.0,
                         qPrintable(QString::number(i)));
            } else {
                QCOMPARE(high, low);
            }
        }
    }

    void emptyHistogram() {
        LatencyHistogram h;
        const LatencyHistogramSnapshot s = h.snapshot();
        QVERIFY(s.empty());
        QCOMPARE(s.count, std::uint64_t{0});
        QCOMPARE(s.sumNs, std::uint64_t{0});
        QCOMPARE(s.minNs, std::int64_t{0});
        QCOMPARE(s.maxNs, std::int64_t{0});
        QCOMPARE(s.percentile(50), std::int64_t{0});
        QCOMPARE(s.percentile(99.9), std::int64_t{0});
        QCOMPARE(s.meanNs(), 0.0);
        QCOMPARE(s.countAtOrBelow(kMaxTrackableNs), std::uint64_t{0});
    }

    void smallValuesAreExact() {
        LatencyHistogram h;
        for (std::int64_t v = 1; v <= 100; ++v) {
            h.record(v);
        }
        const auto s = h.snapshot();
        QCOMPARE(s.count, std::uint64_t{100});
        QCOMPARE(s.sumNs, std::uint64_t{5050});
        QCOMPARE(s.minNs, std::int64_t{1});
        QCOMPARE(s.maxNs, std::int64_t{100});
        QCOMPARE(s.percentile(0), std::int64_t{1});
        QCOMPARE(s.percentile(1), std::int64_t{1});
        QCOMPARE(s.percentile(50), std::int64_t{50});
        QCOMPARE(s.percentile(99), std::int64_t{99});
        QCOMPARE(s.percentile(99.9), std::int64_t{100});
        QCOMPARE(s.percentile(100), std::int64_t{100});
        QCOMPARE(s.percentile(250), std::int64_t{100}); // clamped
        QCOMPARE(s.percentile(-3), std::int64_t{1});
        QCOMPARE(s.percentile(std::nan("")), std::int64_t{1});
        QCOMPARE(s.meanNs(), 50.5);
        QCOMPARE(s.countAtOrBelow(0), std::uint64_t{0});
        QCOMPARE(s.countAtOrBelow(37), std::uint64_t{37});
        QCOMPARE(s.countAtOrBelow(1000), std::uint64_t{100});
    }

    void uniformMicroseconds() {
        // 1 ns .. 1 ms, every value once: the true percentiles are known in closed form.
        LatencyHistogram h;
        constexpr std::int64_t n = 1'000'000;
        for (std::int64_t v = 1; v <= n; ++v) {
            h.record(v);
        }
        const auto s = h.snapshot();
        QCOMPARE(s.count, std::uint64_t(n));
        QCOMPARE(s.sumNs, std::uint64_t(n) * std::uint64_t(n + 1) / 2);
        QCOMPARE(s.minNs, std::int64_t{1});
        QCOMPARE(s.maxNs, n);
        QVERIFY2(withinError(s.percentile(50), 500'000),
                 qPrintable(QString::number(s.percentile(50))));
        QVERIFY(withinError(s.percentile(99), 990'000));
        QVERIFY(withinError(s.percentile(99.9), 999'000));
        QVERIFY(withinError(s.percentile(10), 100'000));
        QVERIFY(withinError(s.percentile(0.001), 10));
    }

    void randomLogUniformAgainstSortedCopy() {
        // Latencies spanning 100 ns .. 30 s, log-uniform (the shape of real tails).
        std::mt19937_64 rng(20240808);
        std::uniform_real_distribution<double> exponent(2.0, std::log10(30e9));
        std::vector<std::int64_t> values(200'000);
        LatencyHistogram h;
        std::uint64_t sum = 0;
        for (auto& v : values) {
            v = static_cast<std::int64_t>(std::pow(10.0, exponent(rng)));
            h.record(v);
            sum += std::uint64_t(v);
        }
        const auto s = h.snapshot();
        QCOMPARE(s.count, std::uint64_t(values.size()));
        QCOMPARE(s.sumNs, sum);
        QCOMPARE(s.minNs, *std::min_element(values.begin(), values.end()));
        QCOMPARE(s.maxNs, *std::max_element(values.begin(), values.end()));
        for (const double p : {0.1, 1.0, 25.0, 50.0, 75.0, 90.0, 99.0, 99.9, 99.99}) {
            const std::int64_t want = exactPercentile(values, p);
            const std::int64_t got = s.percentile(p);
            QVERIFY2(withinError(got, want),
                     qPrintable(QStringLiteral("p%1: got %2, exact %3").arg(p).arg(got).arg(want)));
        }
        // countAtOrBelow at a bucket's highest value is exact.
        const std::size_t bucket = latencyBucketIndex(1'000'000);
        const std::int64_t edge = latencyBucketHighest(bucket);
        const auto below = std::count_if(values.begin(), values.end(),
                                         [edge](std::int64_t v) { return v <= edge; });
        QCOMPARE(s.countAtOrBelow(edge), std::uint64_t(below));
    }

    void overflowAndRejected() {
        LatencyHistogram h;
        h.record(1000);
        h.record(kMaxTrackableNs);                   // the last tracked value
        h.record(kMaxTrackableNs + 1);               // 68.7 s: overflow
        h.record(std::int64_t{120} * 1'000'000'000); // two minutes: overflow
        h.record(-5);                                // a clock stepped back
        const auto s = h.snapshot();
        QCOMPARE(s.overflow, std::uint64_t{2});
        QCOMPARE(s.rejected, std::uint64_t{1});
        QCOMPARE(s.count, std::uint64_t{4});
        QCOMPARE(s.minNs, std::int64_t{1000});
        QCOMPARE(s.maxNs, std::int64_t{120} * 1'000'000'000);
        QCOMPARE(s.sumNs, std::uint64_t(1000 + kMaxTrackableNs + kMaxTrackableNs + 1 +
                                        std::int64_t{120} * 1'000'000'000));
        QVERIFY(withinError(s.percentile(50), kMaxTrackableNs));
        QCOMPARE(s.percentile(75), s.maxNs); // the rank lies among the overflowed values
        QCOMPARE(s.percentile(99.9), s.maxNs);
        QCOMPARE(s.countAtOrBelow(kMaxTrackableNs), std::uint64_t{2});
        QCOMPARE(s.countAtOrBelow(s.maxNs), std::uint64_t{4});
    }

    void onlyRejected() {
        LatencyHistogram h;
        h.record(-1);
        const auto s = h.snapshot();
        QVERIFY(s.empty());
        QCOMPARE(s.rejected, std::uint64_t{1});
        QCOMPARE(s.minNs, std::int64_t{0});
        QCOMPARE(s.percentile(50), std::int64_t{0});
    }

    void sumSaturates() {
        LatencyHistogram h;
        for (int i = 0; i < 3; ++i) {
            h.record(std::numeric_limits<std::int64_t>::max());
        }
        QCOMPARE(h.snapshot().sumNs, std::numeric_limits<std::uint64_t>::max());
    }

    void mergeEqualsRecordingEverything() {
        LatencyHistogram a;
        LatencyHistogram b;
        LatencyHistogram all;
        std::mt19937_64 rng(7);
        std::uniform_int_distribution<std::int64_t> dist(50, 5'000'000);
        for (int i = 0; i < 10'000; ++i) {
            const std::int64_t v = dist(rng);
            (i % 3 == 0 ? a : b).record(v);
            all.record(v);
        }
        b.record(kMaxTrackableNs + 10);
        all.record(kMaxTrackableNs + 10);
        b.record(-1);
        all.record(-1);
        const auto want = all.snapshot();

        LatencyHistogramSnapshot merged = a.snapshot();
        merged.merge(b.snapshot());
        QVERIFY(merged.buckets == want.buckets);
        QCOMPARE(merged.count, want.count);
        QCOMPARE(merged.overflow, want.overflow);
        QCOMPARE(merged.rejected, want.rejected);
        QCOMPARE(merged.sumNs, want.sumNs);
        QCOMPARE(merged.minNs, want.minNs);
        QCOMPARE(merged.maxNs, want.maxNs);

        a.merge(b.snapshot());
        const auto intoHistogram = a.snapshot();
        QVERIFY(intoHistogram.buckets == want.buckets);
        QCOMPARE(intoHistogram.count, want.count);
        QCOMPARE(intoHistogram.sumNs, want.sumNs);
        QCOMPARE(intoHistogram.minNs, want.minNs);
        QCOMPARE(intoHistogram.maxNs, want.maxNs);

        // Merging into or from an empty one changes nothing else.
        LatencyHistogramSnapshot empty;
        empty.merge(want);
        QCOMPARE(empty.minNs, want.minNs);
        LatencyHistogramSnapshot copy = want;
        copy.merge(LatencyHistogramSnapshot{});
        QCOMPARE(copy.minNs, want.minNs);
        QCOMPARE(copy.maxNs, want.maxNs);
        QCOMPARE(copy.count, want.count);
    }

    void resetEmpties() {
        LatencyHistogram h;
        h.record(500);
        h.record(-2);
        h.record(kMaxTrackableNs + 1);
        h.reset();
        const auto s = h.snapshot();
        QVERIFY(s.empty());
        QCOMPARE(s.rejected, std::uint64_t{0});
        QCOMPARE(s.overflow, std::uint64_t{0});
        h.record(42);
        QCOMPARE(h.snapshot().minNs, std::int64_t{42});
        QCOMPARE(h.snapshot().maxNs, std::int64_t{42});
    }

    void snapshotWhileRecording() {
        // One thread records into a series of histograms; this one snapshots the current one
        // meanwhile and checks the documented guarantees on each snapshot. Every value recorded
        // is the lowest value of its bucket, so the checks are exact: mostly 1000 ns, and every
        // 1000th record a new maximum one bucket higher than the last, so max and the bucket
        // counts move together all the time. (A snapshot() reading max or sum before the
        // buckets fails this within a few rounds when the two threads really run in parallel.)
        constexpr int rounds = 32;
        constexpr std::size_t firstStep = latencyBucketIndex(1000) + 1;
        QCOMPARE(latencyBucketLowest(latencyBucketIndex(1000)), std::int64_t{1000});
        auto histograms = std::make_unique<LatencyHistogram[]>(rounds);
        std::atomic<int> current{0};
        std::atomic<bool> done{false};
        std::thread writer([&] {
            for (int k = 0; k < rounds; ++k) {
                current.store(k, std::memory_order_release);
                for (std::size_t b = firstStep; b < kLatencyBucketCount; ++b) {
                    for (int j = 0; j < 999; ++j) {
                        histograms[k].record(1000);
                    }
                    histograms[k].record(latencyBucketLowest(b));
                }
            }
            done.store(true, std::memory_order_release);
        });
        int snapshots = 0;
        int violations = 0;
        QString firstViolation;
        int lastRound = -1;
        std::uint64_t lastCount = 0;
        while (!done.load(std::memory_order_acquire)) {
            const int round = current.load(std::memory_order_acquire);
            const LatencyHistogramSnapshot s = histograms[round].snapshot();
            ++snapshots;
            std::uint64_t bucketSum = s.overflow;
            long double countedSum = 0;
            std::size_t highest = 0;
            for (std::size_t i = 0; i < kLatencyBucketCount; ++i) {
                bucketSum += s.buckets[i];
                countedSum += static_cast<long double>(s.buckets[i]) *
                              static_cast<long double>(latencyBucketLowest(i));
                if (s.buckets[i] != 0) {
                    highest = i;
                }
            }
            QString why;
            if (bucketSum != s.count) {
                why = QStringLiteral("count %1 != bucket sum %2").arg(s.count).arg(bucketSum);
            } else if (round == lastRound && s.count < lastCount) {
                why = QStringLiteral("count went back from %1 to %2").arg(lastCount).arg(s.count);
            } else if (s.count > 0 && s.maxNs < latencyBucketLowest(highest)) {
                why = QStringLiteral("max %1 below a counted value %2")
                          .arg(s.maxNs)
                          .arg(latencyBucketLowest(highest));
            } else if (s.count > 0 && s.minNs != 1000) {
                why = QStringLiteral("min %1, but 1000 is the smallest value").arg(s.minNs);
            } else if (static_cast<long double>(s.sumNs) < countedSum) {
                why = QStringLiteral("sum %1 below the counted values").arg(s.sumNs);
            }
            if (!why.isEmpty() && violations++ == 0) {
                firstViolation = why;
            }
            lastRound = round;
            lastCount = s.count;
        }
        writer.join();
        QVERIFY2(violations == 0, qPrintable(firstViolation));
        qInfo("%d snapshots taken while recording", snapshots);
        // Once the writer has stopped, a snapshot is exact.
        const auto final = histograms[rounds - 1].snapshot();
        const std::uint64_t steps = kLatencyBucketCount - firstStep;
        QCOMPARE(final.count, steps * 1000);
        QCOMPARE(final.maxNs, std::int64_t{127} << 29); // the last bucket's lowest value
        QCOMPARE(final.maxNs, latencyBucketLowest(kLatencyBucketCount - 1));
        QCOMPARE(final.minNs, std::int64_t{1000});
        std::uint64_t sum = steps * 999 * 1000;
        for (std::size_t b = firstStep; b < kLatencyBucketCount; ++b) {
            sum += std::uint64_t(latencyBucketLowest(b));
        }
        QCOMPARE(final.sumNs, sum);
    }
};

QTEST_APPLESS_MAIN(TestLatencyHistogram)
#include "tst_latency_histogram.moc"
