#include "gui/charts/price_chart_view.h"

#include <QMouseEvent>
#include <QPainter>
#include <QWheelEvent>

#include <algorithm>

namespace hoga::gui {

PriceChartView::PriceChartView(QChart* chart, QWidget* parent) : QChartView(chart, parent) {
    setRenderHint(QPainter::Antialiasing, false);
    setDragMode(QGraphicsView::NoDrag); // our own drag scrolls the time axis, not the scene
    // Hover (the markers' tooltips) needs move events without a button held.
    setMouseTracking(true);
}

void PriceChartView::setVolume(std::vector<VolumeBar> bars, double leftMs, double rightMs,
                               double axisMax, double barMs) {
    m_volume = std::move(bars);
    m_leftMs = leftMs;
    m_rightMs = rightMs;
    m_volumeMax = axisMax;
    m_barMs = barMs;
    // Only the plot: the foreground is repainted with what the items above it changed anyway.
    invalidateScene(chart()->plotArea(), QGraphicsScene::ForegroundLayer);
}

void PriceChartView::setVolumeColors(const QColor& buy, const QColor& sell) {
    m_buyColor = buy;
    m_sellColor = sell;
}

void PriceChartView::drawForeground(QPainter* painter, const QRectF& rect) {
    QChartView::drawForeground(painter, rect);
    const QRectF plot = chart()->plotArea();
    const double spanMs = m_rightMs - m_leftMs;
    if (m_volume.empty() || plot.width() <= 0 || spanMs <= 0 || m_volumeMax <= 0) {
        return;
    }
    // Scene coordinates are the view's (QChartView keeps the scene the size of the widget).
    const double pxPerMs = plot.width() / spanMs;
    const double width = std::clamp(m_barMs * pxPerMs * 0.7, 1.0, 24.0);
    const double pxPerUnit = plot.height() / m_volumeMax;
    painter->save();
    painter->setClipRect(plot.intersected(rect));
    painter->setPen(Qt::NoPen);
    for (const VolumeBar& bar : m_volume) {
        const double x = plot.left() + (bar.centerMs - m_leftMs) * pxPerMs - width / 2;
        const double buyTop = plot.bottom() - bar.buy * pxPerUnit;
        const double top = plot.bottom() - bar.total * pxPerUnit;
        painter->fillRect(QRectF(x, buyTop, width, plot.bottom() - buyTop), m_buyColor);
        painter->fillRect(QRectF(x, top, width, buyTop - top), m_sellColor);
    }
    painter->restore();
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
