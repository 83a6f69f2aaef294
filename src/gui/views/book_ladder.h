#pragma once

// The price ladder, painted in one paintEvent (not a table of hundreds of items, which would
// re-layout at the feed's rate): N asks above, the spread row, N bids below, each row price /
// size / cumulative size, with a size bar scaled to the largest size on screen.

#include "core/instrument.h"
#include "core/orderbook.h"

#include <QWidget>

#include <vector>

namespace hoga::gui {

class BookLadder : public QWidget {
    Q_OBJECT

public:
    explicit BookLadder(QWidget* parent = nullptr);

    // Best first on both sides; only the first levelsPerSide() of each are drawn.
    void setBook(const std::vector<core::Level>& bids, const std::vector<core::Level>& asks,
                 const core::InstrumentSpec& instrument);
    void setLevelsPerSide(int levels);
    [[nodiscard]] int levelsPerSide() const { return m_levels; }

    // Where things are painted (tests look there).
    [[nodiscard]] QRect rowRect(int row) const; // 0 = header, then asks, spread, bids
    [[nodiscard]] int spreadRow() const { return 1 + m_levels; }
    [[nodiscard]] int rowHeight() const;
    // The text of the spread row, e.g. "Spread 0.10 · Mid 61659.75".
    [[nodiscard]] QString spreadText() const;

    [[nodiscard]] QSize sizeHint() const override;
    [[nodiscard]] QSize minimumSizeHint() const override;

protected:
    void paintEvent(QPaintEvent* event) override;

private:
    void paintLevel(QPainter& p, int row, const core::Level& level, core::Qty cumulative, bool bid,
                    double maxSize) const;

    std::vector<core::Level> m_bids, m_asks;
    core::InstrumentSpec m_instrument = core::InstrumentSpec::btcusdtDefaults();
    int m_levels = 12;
};

} // namespace hoga::gui
