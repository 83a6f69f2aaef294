#include "station_application.h"

#include <QMetaEnum>
#include <QThread>
#include <QTimer>

#include <algorithm>
#include <ctime>

namespace hoga::gui {
namespace {

// The GUI thread's own CPU time: a delivery that took long on the clock but little CPU was
// waiting for a core (other threads, other processes), not working.
qint64 threadCpuNs() {
    timespec t{};
    clock_gettime(CLOCK_THREAD_CPUTIME_ID, &t);
    return static_cast<qint64>(t.tv_sec) * 1'000'000'000 + t.tv_nsec;
}

// Timers are told apart by their name or owner ("QTimer snapshotTimer"): every timer's events
// would otherwise be one line.
std::string receiverName(const QObject& receiver) {
    std::string name = receiver.metaObject()->className();
    if (qobject_cast<const QTimer*>(&receiver) != nullptr) {
        if (!receiver.objectName().isEmpty()) {
            name += " " + receiver.objectName().toStdString();
        } else if (receiver.parent() != nullptr) {
            name += std::string(" in ") + receiver.parent()->metaObject()->className();
        }
    }
    return name;
}

} // namespace

StationApplication::StationApplication(int& argc, char** argv) : QApplication(argc, argv) {}

void StationApplication::setProfiling(bool on) {
    m_profiling = on;
    if (on && !m_clock.isValid()) {
        m_clock.start();
    }
}

bool StationApplication::notify(QObject* receiver, QEvent* event) {
    // Only the GUI thread's deliveries: other threads' event loops would race on the map.
    if (!m_profiling || receiver == nullptr || receiver->thread() != thread() ||
        QThread::currentThread() != thread()) {
        return QApplication::notify(receiver, event);
    }
    const std::string name = receiverName(*receiver);
    const int type = static_cast<int>(event->type());
    m_nested.push_back({});
    const qint64 start = m_clock.nsecsElapsed();
    const qint64 startCpu = threadCpuNs();
    const bool handled = QApplication::notify(receiver, event);
    const Span span{m_clock.nsecsElapsed() - start, threadCpuNs() - startCpu};
    const Span inner = m_nested.back();
    m_nested.pop_back();
    if (!m_nested.empty()) {
        m_nested.back().wallNs += span.wallNs;
        m_nested.back().cpuNs += span.cpuNs;
    }
    const qint64 wall = span.wallNs - inner.wallNs;
    const qint64 cpu = span.cpuNs - inner.cpuNs;
    Cost& cost = m_costs[{name, type}];
    ++cost.count;
    cost.totalNs += wall;
    cost.longestNs = std::max(cost.longestNs, wall);
    cost.cpuNs += cpu;
    cost.longestCpuNs = std::max(cost.longestCpuNs, cpu);
    return handled;
}

std::vector<EventCost> StationApplication::costliest(std::size_t limit) const {
    const QMetaEnum types = QMetaEnum::fromType<QEvent::Type>();
    std::vector<EventCost> out;
    out.reserve(m_costs.size());
    for (const auto& [key, cost] : m_costs) {
        const char* name = types.valueToKey(key.second);
        out.push_back({key.first, name ? name : std::to_string(key.second), cost.count,
                       cost.totalNs / 1000, cost.longestNs / 1000, cost.cpuNs / 1000,
                       cost.longestCpuNs / 1000});
    }
    std::sort(out.begin(), out.end(), [](const EventCost& a, const EventCost& b) {
        return a.longestCpuUs > b.longestCpuUs;
    });
    if (out.size() > limit) {
        out.resize(limit);
    }
    return out;
}

std::string StationApplication::costliestJson(std::size_t limit) const {
    std::string json = "[";
    for (const EventCost& c : costliest(limit)) {
        if (json.size() > 1) {
            json += ',';
        }
        json += "{\"receiver\":\"" + c.receiverClass + "\",\"event\":\"" + c.eventType +
                "\",\"count\":" + std::to_string(c.count) +
                ",\"total_us\":" + std::to_string(c.totalUs) +
                ",\"longest_us\":" + std::to_string(c.longestUs) +
                ",\"cpu_us\":" + std::to_string(c.cpuUs) +
                ",\"longest_cpu_us\":" + std::to_string(c.longestCpuUs) + "}";
    }
    return json + "]";
}

} // namespace hoga::gui
