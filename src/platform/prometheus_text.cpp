#include "platform/prometheus_text.h"

#include "platform/logging.h"

#include <array>
#include <charconv>
#include <cmath>
#include <limits>
#include <utility>

namespace hoga::platform {

namespace {

constexpr double kNsPerSecond = 1e9;

bool isNameStart(char c) {
    return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || c == '_';
}
bool isNameChar(char c) {
    return isNameStart(c) || (c >= '0' && c <= '9');
}

const char* typeName(MetricType type) {
    switch (type) {
    case MetricType::Counter:
        return "counter";
    case MetricType::Gauge:
        return "gauge";
    case MetricType::Summary:
        return "summary";
    case MetricType::Histogram:
        return "histogram";
    case MetricType::Untyped:
        break;
    }
    return "untyped";
}

std::string formatDouble(double v) {
    if (std::isnan(v)) {
        return "NaN";
    }
    if (std::isinf(v)) {
        return v > 0 ? "+Inf" : "-Inf";
    }
    std::array<char, 32> buf{};
    // general + shortest round trip is the form of Go's strconv.FormatFloat(v, 'g', -1, 64),
    // which the Prometheus client libraries write.
    const auto result =
        std::to_chars(buf.data(), buf.data() + buf.size(), v, std::chars_format::general);
    return std::string(buf.data(), result.ptr);
}

void appendEscaped(std::string& out, std::string_view text, bool quotes) {
    for (const char c : text) {
        if (c == '\\') {
            out += "\\\\";
        } else if (c == '\n') {
            out += "\\n";
        } else if (c == '"' && quotes) {
            out += "\\\"";
        } else {
            out += c;
        }
    }
}

double seconds(std::int64_t ns) {
    return double(ns) / kNsPerSecond;
}
double seconds(std::uint64_t ns) {
    return double(ns) / kNsPerSecond;
}

} // namespace

const std::vector<double>& defaultLatencyBoundsSeconds() {
    static const std::vector<double> bounds = {
        1e-6, 2.5e-6, 5e-6,   1e-5, 2.5e-5, 5e-5, 1e-4, 2.5e-4, 5e-4, 1e-3, 2.5e-3,
        5e-3, 1e-2,   2.5e-2, 5e-2, 0.1,    0.25, 0.5,  1.0,    2.5,  5.0,  10.0};
    return bounds;
}

bool isValidMetricName(std::string_view name) {
    if (name.empty() || !(isNameStart(name[0]) || name[0] == ':')) {
        return false;
    }
    for (const char c : name) {
        if (!(isNameChar(c) || c == ':')) {
            return false;
        }
    }
    return true;
}

bool isValidLabelName(std::string_view name) {
    if (name.empty() || !isNameStart(name[0]) || name.starts_with("__")) {
        return false;
    }
    for (const char c : name) {
        if (!isNameChar(c)) {
            return false;
        }
    }
    return true;
}

bool PrometheusText::beginFamily(std::string_view name, MetricType type, std::string_view help) {
    m_family.clear(); // a failed begin must not let samples land in the previous family
    if (!isValidMetricName(name)) {
        return fail("invalid metric name \"" + std::string(name) + "\"");
    }
    std::vector<std::string> series{std::string(name)};
    if (type == MetricType::Summary || type == MetricType::Histogram) {
        series.push_back(std::string(name) + "_sum");
        series.push_back(std::string(name) + "_count");
    }
    if (type == MetricType::Histogram) {
        series.push_back(std::string(name) + "_bucket");
    }
    for (const std::string& s : series) {
        if (m_names.contains(s)) {
            return fail("metric " + std::string(name) + ": the name " + s +
                        " is already used on this page");
        }
    }
    m_names.insert(series.begin(), series.end());
    m_text += "# HELP ";
    m_text += name;
    m_text += ' ';
    appendEscaped(m_text, help, false);
    m_text += "\n# TYPE ";
    m_text += name;
    m_text += ' ';
    m_text += typeName(type);
    m_text += '\n';
    m_family = std::string(name);
    m_type = type;
    return true;
}

bool PrometheusText::sample(double value, const MetricLabels& labels) {
    return sampleText(formatDouble(value), value < 0 || std::isnan(value), labels);
}

bool PrometheusText::sampleText(const std::string& value, bool negative,
                                const MetricLabels& labels) {
    if (!checkOpen({MetricType::Counter, MetricType::Gauge, MetricType::Untyped}, "a sample") ||
        !checkLabels(labels, {})) {
        return false;
    }
    if (m_type == MetricType::Counter && negative) {
        return fail("counter " + m_family + ": value " + value +
                    " (a counter is a non-negative number)");
    }
    writeSeries({}, labels, {}, {}, value);
    return true;
}

bool PrometheusText::summary(const LatencyHistogramSnapshot& snapshot, const MetricLabels& labels) {
    if (!checkOpen({MetricType::Summary}, "summary quantiles") ||
        !checkLabels(labels, "quantile")) {
        return false;
    }
    // Go's client reports NaN quantiles for an empty summary; so do we, rather than a fake 0.
    static constexpr std::array<std::pair<double, std::string_view>, 3> quantiles{
        {{50.0, "0.5"}, {99.0, "0.99"}, {99.9, "0.999"}}};
    for (const auto& [percent, label] : quantiles) {
        const double v = snapshot.empty() ? std::nan("") : seconds(snapshot.percentile(percent));
        writeSeries({}, labels, "quantile", label, formatDouble(v));
    }
    writeSeries("_sum", labels, {}, {}, formatDouble(seconds(snapshot.sumNs)));
    writeSeries("_count", labels, {}, {}, std::to_string(snapshot.count));
    return true;
}

bool PrometheusText::histogram(const LatencyHistogramSnapshot& snapshot,
                               const std::vector<double>& boundsSeconds,
                               const MetricLabels& labels) {
    if (!checkOpen({MetricType::Histogram}, "histogram buckets") || !checkLabels(labels, "le")) {
        return false;
    }
    for (std::size_t i = 0; i < boundsSeconds.size(); ++i) {
        const double b = boundsSeconds[i];
        if (!std::isfinite(b) || (i > 0 && !(b > boundsSeconds[i - 1]))) {
            return fail("histogram " + m_family +
                        ": bucket bounds must be finite and strictly "
                        "increasing (bound " +
                        formatDouble(b) + ")");
        }
    }
    for (const double b : boundsSeconds) {
        const double ns = std::round(b * kNsPerSecond);
        const std::uint64_t n =
            ns < 0 ? 0
                   : snapshot.countAtOrBelow(ns >= 9.2e18 ? std::numeric_limits<std::int64_t>::max()
                                                          : static_cast<std::int64_t>(ns));
        writeSeries("_bucket", labels, "le", formatDouble(b), std::to_string(n));
    }
    writeSeries("_bucket", labels, "le", "+Inf", std::to_string(snapshot.count));
    writeSeries("_sum", labels, {}, {}, formatDouble(seconds(snapshot.sumNs)));
    writeSeries("_count", labels, {}, {}, std::to_string(snapshot.count));
    return true;
}

bool PrometheusText::summary(std::string_view name, std::string_view help,
                             const LatencyHistogramSnapshot& snapshot, const MetricLabels& labels) {
    return beginFamily(name, MetricType::Summary, help) && summary(snapshot, labels);
}

bool PrometheusText::histogram(std::string_view name, std::string_view help,
                               const LatencyHistogramSnapshot& snapshot,
                               const std::vector<double>& boundsSeconds,
                               const MetricLabels& labels) {
    return beginFamily(name, MetricType::Histogram, help) &&
           histogram(snapshot, boundsSeconds, labels);
}

std::string PrometheusText::take() {
    std::string page = std::move(m_text);
    m_text.clear();
    m_family.clear();
    m_names.clear();
    return page;
}

bool PrometheusText::checkOpen(std::initializer_list<MetricType> allowed, const char* what) {
    if (m_family.empty()) {
        return fail(std::string(what) + " outside any metric family (beginFamily failed or "
                                        "was not called)");
    }
    for (const MetricType t : allowed) {
        if (t == m_type) {
            return true;
        }
    }
    return fail(std::string(what) + " does not belong in " + typeName(m_type) + " " + m_family);
}

bool PrometheusText::checkLabels(const MetricLabels& labels, std::string_view reserved) {
    for (std::size_t i = 0; i < labels.size(); ++i) {
        const std::string_view name = labels[i].name;
        if (!isValidLabelName(name)) {
            return fail(m_family + ": invalid label name \"" + std::string(name) + "\"");
        }
        if (!reserved.empty() && name == reserved) {
            return fail(m_family + ": the label " + std::string(name) + " is reserved in a " +
                        typeName(m_type));
        }
        for (std::size_t j = 0; j < i; ++j) {
            if (labels[j].name == name) {
                return fail(m_family + ": label " + std::string(name) + " given twice");
            }
        }
    }
    return true;
}

void PrometheusText::writeSeries(std::string_view suffix, const MetricLabels& labels,
                                 std::string_view extraName, std::string_view extraValue,
                                 std::string_view value) {
    m_text += m_family;
    m_text += suffix;
    if (!labels.empty() || !extraName.empty()) {
        m_text += '{';
        bool first = true;
        auto add = [&](std::string_view n, std::string_view v) {
            if (!first) {
                m_text += ',';
            }
            first = false;
            m_text += n;
            m_text += "=\"";
            appendEscaped(m_text, v, true);
            m_text += '"';
        };
        for (const MetricLabel& l : labels) {
            add(l.name, l.value);
        }
        if (!extraName.empty()) {
            add(extraName, extraValue);
        }
        m_text += '}';
    }
    m_text += ' ';
    m_text += value;
    m_text += '\n';
}

bool PrometheusText::fail(std::string message) {
    ++m_errors;
    logger("metrics")->warn("metrics page: {}", message);
    m_lastError = std::move(message);
    return false;
}

} // namespace hoga::platform
