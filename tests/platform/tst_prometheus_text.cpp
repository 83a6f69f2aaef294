// PrometheusText against expected exposition text (format 0.0.4): counters, gauges, escaping,
// summaries and histograms from latency snapshots, and every validation rule (a rejected call
// writes nothing and is counted).

#include "platform/prometheus_text.h"

#include <QTest>

#include <cmath>
#include <limits>
#include <string>

using namespace hoga::platform;

namespace {

// 1, 2, …, 100 ns: every value in its own exact bucket, so the expected quantiles are exact.
LatencyHistogramSnapshot oneToHundred() {
    LatencyHistogram h;
    for (std::int64_t v = 1; v <= 100; ++v) {
        h.record(v);
    }
    return h.snapshot();
}

} // namespace

class TestPrometheusText : public QObject {
    Q_OBJECT

private Q_SLOTS:
    void countersAndGauges() {
        PrometheusText page;
        QVERIFY(page.counter("hoga_feed_frames_total", "Frames received.", std::uint64_t{12345}));
        QVERIFY(page.beginFamily("hoga_feed_connected", MetricType::Gauge, "1 when connected."));
        QVERIFY(page.sample(1, {{"stream", "depth"}}));
        QVERIFY(page.sample(0, {{"stream", "trade"}}));
        QVERIFY(page.gauge("hoga_position_lots", "Signed position.", std::int64_t{-3}));
        QVERIFY(page.gauge("hoga_lag_seconds", "Lag.", 0.0125));
        QVERIFY(page.counter("big_total", "Largest counter.",
                             std::numeric_limits<std::uint64_t>::max()));
        QVERIFY(page.beginFamily("x", MetricType::Untyped, ""));
        QVERIFY(page.sample(std::nan("")));
        QVERIFY(page.sample(std::numeric_limits<double>::infinity(), {{"s", "a"}}));
        QVERIFY(page.sample(-std::numeric_limits<double>::infinity(), {{"s", "b"}}));
        QVERIFY(page.sample(1e21, {{"s", "c"}}));
        QCOMPARE(page.errors(), std::uint64_t{0});
        const std::string want = "# HELP hoga_feed_frames_total Frames received.\n"
                                 "# TYPE hoga_feed_frames_total counter\n"
                                 "hoga_feed_frames_total 12345\n"
                                 "# HELP hoga_feed_connected 1 when connected.\n"
                                 "# TYPE hoga_feed_connected gauge\n"
                                 "hoga_feed_connected{stream=\"depth\"} 1\n"
                                 "hoga_feed_connected{stream=\"trade\"} 0\n"
                                 "# HELP hoga_position_lots Signed position.\n"
                                 "# TYPE hoga_position_lots gauge\n"
                                 "hoga_position_lots -3\n"
                                 "# HELP hoga_lag_seconds Lag.\n"
                                 "# TYPE hoga_lag_seconds gauge\n"
                                 "hoga_lag_seconds 0.0125\n"
                                 "# HELP big_total Largest counter.\n"
                                 "# TYPE big_total counter\n"
                                 "big_total 18446744073709551615\n"
                                 "# HELP x \n"
                                 "# TYPE x untyped\n"
                                 "x NaN\n"
                                 "x{s=\"a\"} +Inf\n"
                                 "x{s=\"b\"} -Inf\n"
                                 "x{s=\"c\"} 1e+21\n";
        QCOMPARE(page.text(), want);
    }

    void escaping() {
        PrometheusText page;
        QVERIFY(
            page.beginFamily("m", MetricType::Gauge, "Help with \\ and \"quotes\"\nand a line"));
        QVERIFY(page.sample(1, {{"path", "C:\\dir\\\"x\"\nend"}, {"empty", ""}}));
        const std::string want = "# HELP m Help with \\\\ and \"quotes\"\\nand a line\n"
                                 "# TYPE m gauge\n"
                                 "m{path=\"C:\\\\dir\\\\\\\"x\\\"\\nend\",empty=\"\"} 1\n";
        QCOMPARE(page.text(), want);
    }

    void summaryInSeconds() {
        PrometheusText page;
        QVERIFY(page.summary("hoga_parse_seconds", "Frame parse time.", oneToHundred(),
                             {{"stream", "depth"}}));
        const std::string want = "# HELP hoga_parse_seconds Frame parse time.\n"
                                 "# TYPE hoga_parse_seconds summary\n"
                                 "hoga_parse_seconds{stream=\"depth\",quantile=\"0.5\"} 5e-08\n"
                                 "hoga_parse_seconds{stream=\"depth\",quantile=\"0.99\"} 9.9e-08\n"
                                 "hoga_parse_seconds{stream=\"depth\",quantile=\"0.999\"} 1e-07\n"
                                 "hoga_parse_seconds_sum{stream=\"depth\"} 5.05e-06\n"
                                 "hoga_parse_seconds_count{stream=\"depth\"} 100\n";
        QCOMPARE(page.text(), want);
    }

    void emptySummaryHasNaNQuantiles() {
        PrometheusText page;
        QVERIFY(page.summary("s", "h", LatencyHistogramSnapshot{}));
        const std::string want = "# HELP s h\n# TYPE s summary\n"
                                 "s{quantile=\"0.5\"} NaN\ns{quantile=\"0.99\"} NaN\n"
                                 "s{quantile=\"0.999\"} NaN\ns_sum 0\ns_count 0\n";
        QCOMPARE(page.text(), want);
    }

    void histogramCumulativeBuckets() {
        PrometheusText page;
        QVERIFY(page.beginFamily("lat_seconds", MetricType::Histogram, "Latency."));
        QVERIFY(page.histogram(oneToHundred(), {5e-8, 1e-7, 1e-6}, {{"leg", "a"}}));
        QVERIFY(page.histogram(LatencyHistogramSnapshot{}, {1e-6}, {{"leg", "b"}}));
        const std::string want = "# HELP lat_seconds Latency.\n"
                                 "# TYPE lat_seconds histogram\n"
                                 "lat_seconds_bucket{leg=\"a\",le=\"5e-08\"} 50\n"
                                 "lat_seconds_bucket{leg=\"a\",le=\"1e-07\"} 100\n"
                                 "lat_seconds_bucket{leg=\"a\",le=\"1e-06\"} 100\n"
                                 "lat_seconds_bucket{leg=\"a\",le=\"+Inf\"} 100\n"
                                 "lat_seconds_sum{leg=\"a\"} 5.05e-06\n"
                                 "lat_seconds_count{leg=\"a\"} 100\n"
                                 "lat_seconds_bucket{leg=\"b\",le=\"1e-06\"} 0\n"
                                 "lat_seconds_bucket{leg=\"b\",le=\"+Inf\"} 0\n"
                                 "lat_seconds_sum{leg=\"b\"} 0\n"
                                 "lat_seconds_count{leg=\"b\"} 0\n";
        QCOMPARE(page.text(), want);
    }

    void defaultBoundsAreIncreasingAndCumulative() {
        LatencyHistogram h;
        for (std::int64_t v = 1; v <= 20'000'000'000; v = v * 3 + 1) { // 1 ns .. ~20 s
            h.record(v);
        }
        PrometheusText page;
        QVERIFY(page.histogram("h_seconds", "h", h.snapshot()));
        const std::string& text = page.text();
        // One bucket line per default bound plus +Inf, with non-decreasing counts.
        std::size_t lines = 0;
        long long last = -1;
        for (std::size_t pos = text.find("h_seconds_bucket"); pos != std::string::npos;
             pos = text.find("h_seconds_bucket", pos + 1)) {
            const std::size_t space = text.find(' ', pos);
            const long long n = std::stoll(text.substr(space + 1));
            QVERIFY(n >= last);
            last = n;
            ++lines;
        }
        QCOMPARE(lines, defaultLatencyBoundsSeconds().size() + 1);
        QCOMPARE(last, static_cast<long long>(h.snapshot().count));
    }

    void invalidNamesAreRejected() {
        QVERIFY(isValidMetricName("a:b_c9"));
        QVERIFY(isValidMetricName(":x"));
        QVERIFY(!isValidMetricName(""));
        QVERIFY(!isValidMetricName("9lives"));
        QVERIFY(!isValidMetricName("a-b"));
        QVERIFY(!isValidMetricName("a b"));
        QVERIFY(!isValidMetricName("é"));
        QVERIFY(isValidLabelName("_a1"));
        QVERIFY(!isValidLabelName("__name__"));
        QVERIFY(!isValidLabelName("a:b"));
        QVERIFY(!isValidLabelName("1a"));
        QVERIFY(!isValidLabelName(""));

        PrometheusText page;
        QVERIFY(!page.counter("bad-name", "h", 1));
        QCOMPARE(page.text(), std::string());
        QVERIFY(page.lastError().find("bad-name") != std::string::npos);
        QVERIFY(!page.sample(1)); // no family is open after a failed begin
        QVERIFY(page.beginFamily("ok", MetricType::Gauge, "h"));
        const std::string before = page.text();
        QVERIFY(!page.sample(1, {{"__reserved", "x"}}));
        QVERIFY(!page.sample(1, {{"bad label", "x"}}));
        QVERIFY(!page.sample(1, {{"a", "1"}, {"a", "2"}}));
        QVERIFY(page.lastError().find("twice") != std::string::npos);
        QVERIFY(!page.summary(oneToHundred())); // a gauge takes no quantiles
        QCOMPARE(page.text(), before);
        QCOMPARE(page.errors(), std::uint64_t{6});
    }

    void familyRules() {
        PrometheusText page;
        QVERIFY(page.summary("lat", "h", oneToHundred()));
        QVERIFY(!page.gauge("lat", "again", 1));       // the same family twice
        QVERIFY(!page.gauge("lat_count", "clash", 1)); // a name the summary already writes
        QVERIFY(page.beginFamily("lat2", MetricType::Summary, "h"));
        QVERIFY(!page.summary(oneToHundred(), {{"quantile", "x"}}));
        QVERIFY(!page.sample(1)); // a summary takes no plain sample
        QVERIFY(page.beginFamily("h", MetricType::Histogram, "h"));
        QVERIFY(!page.histogram(oneToHundred(), {1e-6, 1e-6}));
        QVERIFY(!page.histogram(oneToHundred(), {1e-6, std::nan("")}));
        QVERIFY(!page.histogram(oneToHundred(), {1e-6}, {{"le", "1"}}));
        QVERIFY(page.beginFamily("c_total", MetricType::Counter, "h"));
        QVERIFY(!page.sample(-1));
        QVERIFY(!page.sample(-0.5));
        QVERIFY(!page.sample(std::nan("")));
        QVERIFY(page.sample(0));
        QCOMPARE(page.errors(), std::uint64_t{10});
        QVERIFY(page.text().ends_with("# TYPE c_total counter\nc_total 0\n"));
        // A new page forgets the names of the old one.
        const std::string first = page.take();
        QVERIFY(first.starts_with("# HELP lat h\n"));
        QVERIFY(page.text().empty());
        QVERIFY(page.gauge("lat", "h", 2));
    }
};

QTEST_APPLESS_MAIN(TestPrometheusText)
#include "tst_prometheus_text.moc"
