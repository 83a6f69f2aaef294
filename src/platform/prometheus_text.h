#pragma once

// Builds a page in the Prometheus text exposition format 0.0.4 (what GET /metrics serves and
// what Prometheus, VictoriaMetrics and `promtool check metrics` read).
//
// A page is a sequence of metric families. beginFamily() writes a family's `# HELP` and `# TYPE`
// lines; the samples that follow belong to it, so all samples of one family stay together, as the
// format requires. Counters, gauges and untyped metrics take sample(); a summary takes
// summary() (quantiles 0.5, 0.99 and 0.999, `_sum` and `_count`) and a histogram takes
// histogram() (cumulative `_bucket{le="…"}` lines ending in `le="+Inf"`, `_sum`, `_count`), both
// from a LatencyHistogramSnapshot and in seconds, the base unit Prometheus expects. The
// one-call helpers counter(), gauge(), summary(name, …) and histogram(name, …) do both steps.
//
// Checked, never silently repaired: metric names match [a-zA-Z_:][a-zA-Z0-9_:]*, label names
// [a-zA-Z_][a-zA-Z0-9_]* and do not start with "__" (reserved), a label name appears once per
// sample, `quantile` is not a label of a summary nor `le` of a histogram, a family name (with the
// `_sum`/`_count`/`_bucket` names its type adds) is used once per page, a sample matches the
// type of the open family, and histogram bounds are finite and strictly increasing. A violation
// writes nothing for that call, returns false, counts an error, keeps the reason in lastError()
// and logs it (logger "metrics"); the page so far stays valid.
//
// Escaping: label values escape backslash, double quote and newline (`\\`, `\"`, `\n`); HELP text
// escapes backslash and newline. Values: integers exactly; doubles in the shortest form that
// reads back the same (as Go's strconv 'g', -1), and NaN, +Inf, -Inf by name.
//
// Not thread-safe: build a page on one thread (the metrics provider does).

#include "platform/latency_histogram.h"

#include <concepts>
#include <cstdint>
#include <set>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

namespace hoga::platform {

enum class MetricType { Counter, Gauge, Summary, Histogram, Untyped };

struct MetricLabel {
    std::string_view name;
    std::string_view value;
};
using MetricLabels = std::vector<MetricLabel>;

// Default `le` bounds for latency histograms, in seconds: 1 µs .. 10 s in 1-2.5-5 steps.
const std::vector<double>& defaultLatencyBoundsSeconds();

bool isValidMetricName(std::string_view name);
bool isValidLabelName(std::string_view name);

class PrometheusText {
public:
    // Opens a family: writes `# HELP name help` and `# TYPE name type`.
    bool beginFamily(std::string_view name, MetricType type, std::string_view help);

    // A sample of the open counter, gauge or untyped family. Counters must not be negative.
    bool sample(double value, const MetricLabels& labels = {});
    template <std::integral T>
    requires(!std::same_as<T, bool>) bool sample(T value, const MetricLabels& labels = {}) {
        // Integers are written exactly: a double would round counters above 2^53.
        return sampleText(std::to_string(value), std::cmp_less(value, 0), labels);
    }

    // One labelled series of the open summary or histogram family, from a snapshot in ns.
    bool summary(const LatencyHistogramSnapshot& snapshot, const MetricLabels& labels = {});
    bool histogram(const LatencyHistogramSnapshot& snapshot,
                   const std::vector<double>& boundsSeconds = defaultLatencyBoundsSeconds(),
                   const MetricLabels& labels = {});

    // A family with one sample.
    template <typename V>
    bool counter(std::string_view name, std::string_view help, V value,
                 const MetricLabels& labels = {}) {
        return beginFamily(name, MetricType::Counter, help) && sample(value, labels);
    }
    template <typename V>
    bool gauge(std::string_view name, std::string_view help, V value,
               const MetricLabels& labels = {}) {
        return beginFamily(name, MetricType::Gauge, help) && sample(value, labels);
    }
    bool summary(std::string_view name, std::string_view help,
                 const LatencyHistogramSnapshot& snapshot, const MetricLabels& labels = {});
    bool histogram(std::string_view name, std::string_view help,
                   const LatencyHistogramSnapshot& snapshot,
                   const std::vector<double>& boundsSeconds = defaultLatencyBoundsSeconds(),
                   const MetricLabels& labels = {});

    const std::string& text() const { return m_text; }
    std::string take(); // the page; the writer starts a new, empty one

    std::uint64_t errors() const { return m_errors; }
    const std::string& lastError() const { return m_lastError; }

private:
    bool sampleText(const std::string& value, bool negative, const MetricLabels& labels);
    bool checkOpen(std::initializer_list<MetricType> allowed, const char* what);
    bool checkLabels(const MetricLabels& labels, std::string_view reserved);
    void writeSeries(std::string_view suffix, const MetricLabels& labels,
                     std::string_view extraName, std::string_view extraValue,
                     std::string_view value);
    bool fail(std::string message);

    std::string m_text;
    std::string m_family; // name of the open family, empty if none
    MetricType m_type = MetricType::Untyped;
    std::set<std::string, std::less<>> m_names; // every series name used on this page
    std::uint64_t m_errors = 0;
    std::string m_lastError;
};

} // namespace hoga::platform
