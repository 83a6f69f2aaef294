#pragma once

// The price chart's canvas: a QChartView that turns the mouse wheel into zoom requests and a
// left-button drag into scroll requests, leaving what they mean (bars shown, following the live
// edge) to PriceChart, which owns the window over the bars.
//
// It also paints the volume bars (taker buy from zero, taker sell stacked on it) in the bottom
// of the plot, over the chart's own items. They were two more candlestick series once: Qt Charts
// re-lays out every candlestick of a series on each value that changes and on each bar added or
// removed, so the forming bar's volume alone cost several passes over all the items per update,
// the largest share of the GUI thread's time at 10x. Painted here they cost one pass of rects.

#include <QChartView>

#include <vector>

namespace hoga::gui {

// One bar's volume, in the chart's units (BTC), at its centre time (ms since the epoch).
struct VolumeBar {
    double centerMs = 0;
    double buy = 0;   // taker buy
    double total = 0; // taker buy + taker sell
};

class PriceChartView : public QChartView {
    Q_OBJECT

public:
    explicit PriceChartView(QChart* chart, QWidget* parent = nullptr);

    // What to paint: the bars in view, the time window [leftMs, rightMs] the plot spans, the
    // volume at the top of the plot (the volume axis' maximum) and a bar's width in ms.
    void setVolume(std::vector<VolumeBar> bars, double leftMs, double rightMs, double axisMax,
                   double barMs);
    [[nodiscard]] const std::vector<VolumeBar>& volumeBars() const { return m_volume; }
    void setVolumeColors(const QColor& buy, const QColor& sell);

Q_SIGNALS:
    // `steps`: wheel notches (positive = towards the user's screen: zoom in); `xFraction`: where
    // in the plot area the cursor was, 0 = left edge, 1 = right edge.
    void zoomRequested(double steps, double xFraction);
    // The drag moved by `fraction` of the plot area's width (positive = to the right, which
    // shows older bars).
    void scrollRequested(double fraction);

protected:
    void drawForeground(QPainter* painter, const QRectF& rect) override;
    void wheelEvent(QWheelEvent* event) override;
    void mousePressEvent(QMouseEvent* event) override;
    void mouseMoveEvent(QMouseEvent* event) override;
    void mouseReleaseEvent(QMouseEvent* event) override;

private:
    [[nodiscard]] double plotFraction(double x) const;

    bool m_dragging = false;
    double m_lastX = 0;
    std::vector<VolumeBar> m_volume;
    double m_leftMs = 0, m_rightMs = 0, m_volumeMax = 0, m_barMs = 0;
    QColor m_buyColor, m_sellColor;
};

} // namespace hoga::gui
