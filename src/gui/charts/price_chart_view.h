#pragma once

// The price chart's canvas: a QChartView that turns the mouse wheel into zoom requests and a
// left-button drag into scroll requests, leaving what they mean (bars shown, following the live
// edge) to PriceChart, which owns the window over the bars.

#include <QChartView>

namespace hoga::gui {

class PriceChartView : public QChartView {
    Q_OBJECT

public:
    explicit PriceChartView(QChart* chart, QWidget* parent = nullptr);

Q_SIGNALS:
    // `steps`: wheel notches (positive = towards the user's screen: zoom in); `xFraction`: where
    // in the plot area the cursor was, 0 = left edge, 1 = right edge.
    void zoomRequested(double steps, double xFraction);
    // The drag moved by `fraction` of the plot area's width (positive = to the right, which
    // shows older bars).
    void scrollRequested(double fraction);

protected:
    void wheelEvent(QWheelEvent* event) override;
    void mousePressEvent(QMouseEvent* event) override;
    void mouseMoveEvent(QMouseEvent* event) override;
    void mouseReleaseEvent(QMouseEvent* event) override;

private:
    [[nodiscard]] double plotFraction(double x) const;

    bool m_dragging = false;
    double m_lastX = 0;
};

} // namespace hoga::gui
