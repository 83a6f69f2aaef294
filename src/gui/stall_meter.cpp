#include "stall_meter.h"

namespace hoga::gui {

StallMeter::StallMeter(int periodMs, QObject* parent) : QObject(parent), m_periodMs(periodMs) {
    m_timer.setTimerType(Qt::PreciseTimer);
    m_timer.setObjectName(QStringLiteral("stallMeter"));
    connect(&m_timer, &QTimer::timeout, this, &StallMeter::onTick);
}

void StallMeter::start() {
    m_clock.start();
    m_lastNs = -1;
    m_timer.start(m_periodMs);
}

void StallMeter::reset() {
    m_longestUs = 0;
    m_overFrame = 0;
    m_samples = 0;
    m_lastNs = -1;
}

void StallMeter::onTick() {
    const qint64 now = m_clock.nsecsElapsed();
    if (m_lastNs >= 0) {
        const qint64 lateUs = (now - m_lastNs) / 1000 - m_periodMs * 1000;
        if (lateUs > m_longestUs) {
            m_longestUs = lateUs;
        }
        if (lateUs > 16000) {
            ++m_overFrame;
        }
        ++m_samples;
    }
    m_lastNs = now;
}

} // namespace hoga::gui
