#pragma once

// The station's QApplication. With profiling on (`hoga --profile-gui`), every event the GUI thread
// delivers is timed, exclusive of the events nested inside it (a window's update request paints
// its children: each child's paint is counted under that child, not under the window), and kept
// per (receiver class, event type): count, total and longest. The stall meter tells how long the
// GUI thread was unavailable; this tells what it was doing, which is what fixing a stall needs.

#include <QApplication>
#include <QElapsedTimer>
#include <QEvent>
#include <QString>

#include <map>
#include <string>
#include <utility>
#include <vector>

namespace hoga::gui {

struct EventCost {
    std::string receiverClass;
    std::string eventType;
    qint64 count = 0;
    qint64 totalUs = 0;
    qint64 longestUs = 0;
    qint64 cpuUs = 0; // the GUI thread's CPU time, without the time it waited for a core
    qint64 longestCpuUs = 0;
};

class StationApplication : public QApplication {
    Q_OBJECT
public:
    StationApplication(int& argc, char** argv);

    void setProfiling(bool on);
    [[nodiscard]] bool profiling() const { return m_profiling; }
    bool notify(QObject* receiver, QEvent* event) override;

    // The `limit` costliest kinds of event by the CPU time of their longest single delivery.
    [[nodiscard]] std::vector<EventCost> costliest(std::size_t limit) const;
    // The same as one JSON array (for the --run-for-s summary line).
    [[nodiscard]] std::string costliestJson(std::size_t limit) const;

private:
    struct Cost {
        qint64 count = 0;
        qint64 totalNs = 0;
        qint64 longestNs = 0;
        qint64 cpuNs = 0;
        qint64 longestCpuNs = 0;
    };
    struct Span {
        qint64 wallNs = 0;
        qint64 cpuNs = 0;
    };
    bool m_profiling = false;
    QElapsedTimer m_clock;
    // Time spent in nested deliveries, per nesting level (level 0 is the outermost).
    std::vector<Span> m_nested;
    std::map<std::pair<std::string, int>, Cost> m_costs; // by receiver name, event type
};

} // namespace hoga::gui
