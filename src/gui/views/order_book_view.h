#pragma once

// The order book panel: the book-health light (its tooltip says why), the imbalance gauge over
// the strategy's window with the entry thresholds, and the price ladder around mid.

#include "gui/views/book_health.h"
#include "live/station_snapshot.h"

#include <QWidget>

class QLabel;

namespace hoga::gui {

class BookLadder;
class ImbalanceGauge;
class StatusLight;

class OrderBookView : public QWidget {
    Q_OBJECT

public:
    explicit OrderBookView(QWidget* parent = nullptr);

    using QWidget::update;
    void update(const live::StationSnapshot& snapshot);

    [[nodiscard]] const BookHealth& health() const { return m_health; }
    [[nodiscard]] StatusLight* healthLight() const { return m_light; }
    [[nodiscard]] QLabel* healthLabel() const { return m_healthLabel; }
    [[nodiscard]] QLabel* imbalanceLabel() const { return m_imbalanceLabel; }
    [[nodiscard]] ImbalanceGauge* gauge() const { return m_gauge; }
    [[nodiscard]] BookLadder* ladder() const { return m_ladder; }

private:
    BookHealth m_health;
    StatusLight* m_light;
    QLabel* m_healthLabel;
    QLabel* m_imbalanceLabel;
    ImbalanceGauge* m_gauge;
    BookLadder* m_ladder;
};

} // namespace hoga::gui
