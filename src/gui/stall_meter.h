#pragma once

// How responsive the GUI thread is: a timer asks to run every `periodMs`; how late it actually
// runs is the time the thread was busy with something else (painting, a long slot). The longest
// such stall, and a count of those over one frame (16 ms), tell whether the station stays smooth
// while the feed runs at full rate.

#include <QElapsedTimer>
#include <QObject>
#include <QTimer>

namespace hoga::gui {

class StallMeter : public QObject {
    Q_OBJECT
public:
    explicit StallMeter(int periodMs = 5, QObject* parent = nullptr);

    void start();
    void reset();
    [[nodiscard]] qint64 longestStallUs() const { return m_longestUs; }
    [[nodiscard]] qint64 stallsOverFrame() const { return m_overFrame; } // > 16 ms
    [[nodiscard]] qint64 samples() const { return m_samples; }

private:
    void onTick();

    int m_periodMs;
    QTimer m_timer;
    QElapsedTimer m_clock;
    qint64 m_lastNs = -1;
    qint64 m_longestUs = 0;
    qint64 m_overFrame = 0;
    qint64 m_samples = 0;
};

} // namespace hoga::gui
