#pragma once

// The order-book imbalance over the strategy's window as a horizontal gauge from −1 (all asks) to
// +1 (all bids), with the entry thresholds ±θ marked: a bar past a mark is a one-sided book.

#include <QWidget>

namespace hoga::gui {

class ImbalanceGauge : public QWidget {
    Q_OBJECT

public:
    explicit ImbalanceGauge(QWidget* parent = nullptr);

    void setValue(double imbalance, double threshold);
    [[nodiscard]] double value() const { return m_value; }
    [[nodiscard]] double threshold() const { return m_threshold; }

    [[nodiscard]] QSize sizeHint() const override { return {240, 22}; }
    [[nodiscard]] QSize minimumSizeHint() const override { return {120, 18}; }

protected:
    void paintEvent(QPaintEvent* event) override;

private:
    double m_value = 0;
    double m_threshold = 0.3;
};

} // namespace hoga::gui
