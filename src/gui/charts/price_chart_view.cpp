#include "gui/charts/price_chart_view.h"

#include <QMouseEvent>
#include <QWheelEvent>

#include <algorithm>

namespace hoga::gui {

PriceChartView::PriceChartView(QChart* chart, QWidget* parent) : QChartView(chart, parent) {
    setRenderHint(QPainter::Antialiasing);
    setDragMode(QGraphicsView::NoDrag); // our own drag scrolls the time axis, not the scene
    // Hover (the markers' tooltips) needs move events without a button held.
    setMouseTracking(true);
}

double PriceChartView::plotFraction(double x) const {
    const QRectF area = chart()->plotArea();
    if (area.width() <= 0) {
        return 1.0;
    }
    return std::clamp((x - area.left()) / area.width(), 0.0, 1.0);
}

void PriceChartView::wheelEvent(QWheelEvent* event) {
    const double steps = event->angleDelta().y() / 120.0;
    if (steps == 0) {
        QChartView::wheelEvent(event);
        return;
    }
    Q_EMIT zoomRequested(steps, plotFraction(event->position().x()));
    event->accept();
}

void PriceChartView::mousePressEvent(QMouseEvent* event) {
    if (event->button() == Qt::LeftButton) {
        m_dragging = true;
        m_lastX = event->position().x();
        setCursor(Qt::ClosedHandCursor);
        event->accept();
        return;
    }
    QChartView::mousePressEvent(event);
}

void PriceChartView::mouseMoveEvent(QMouseEvent* event) {
    if (m_dragging && (event->buttons() & Qt::LeftButton)) {
        const double dx = event->position().x() - m_lastX;
        m_lastX = event->position().x();
        const double width = chart()->plotArea().width();
        if (width > 0 && dx != 0) {
            Q_EMIT scrollRequested(dx / width);
        }
        event->accept();
        return;
    }
    QChartView::mouseMoveEvent(event); // hover reaches the series (marker tooltips)
}

void PriceChartView::mouseReleaseEvent(QMouseEvent* event) {
    if (event->button() == Qt::LeftButton && m_dragging) {
        m_dragging = false;
        unsetCursor();
        event->accept();
        return;
    }
    QChartView::mouseReleaseEvent(event);
}

} // namespace hoga::gui
