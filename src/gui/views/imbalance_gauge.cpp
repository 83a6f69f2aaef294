#include "gui/views/imbalance_gauge.h"

#include "gui/views/book_colors.h"

#include <QPainter>

#include <algorithm>
#include <cmath>

namespace hoga::gui {

ImbalanceGauge::ImbalanceGauge(QWidget* parent) : QWidget(parent) {
    setSizePolicy(QSizePolicy::Expanding, QSizePolicy::Fixed);
}

void ImbalanceGauge::setValue(double imbalance, double threshold) {
    const double v = std::isfinite(imbalance) ? std::clamp(imbalance, -1.0, 1.0) : 0.0;
    if (v == m_value && threshold == m_threshold) {
        return;
    }
    m_value = v;
    m_threshold = threshold;
    QWidget::update();
}

void ImbalanceGauge::paintEvent(QPaintEvent*) {
    QPainter p(this);
    const QRectF track = QRectF(rect()).adjusted(1, 3, -1, -3);
    p.fillRect(rect(), BookColors::background());
    p.fillRect(track, BookColors::track());
    const auto xOf = [&](double v) { return track.left() + (v + 1.0) / 2.0 * track.width(); };
    const double zero = xOf(0.0);
    const double at = xOf(m_value);
    const QColor fill = m_value >= 0 ? BookColors::bidBar() : BookColors::askBar();
    const bool beyond = std::abs(m_value) >= m_threshold;
    p.fillRect(QRectF(QPointF(std::min(zero, at), track.top()),
                      QPointF(std::max(zero, at), track.bottom())),
               beyond ? (m_value >= 0 ? BookColors::bid() : BookColors::ask()) : fill);
    p.setPen(QPen(BookColors::text(), 1));
    p.drawLine(QPointF(zero, 0), QPointF(zero, height()));
    // The entry thresholds.
    p.setPen(QPen(BookColors::threshold(), 2));
    for (double t : {-m_threshold, m_threshold}) {
        p.drawLine(QPointF(xOf(t), 0), QPointF(xOf(t), height()));
    }
}

} // namespace hoga::gui
