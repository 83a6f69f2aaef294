#pragma once

// A round lamp: the book-health light and the signal panel's condition lights. The colour says
// the state; the tooltip (set by the owner) says why.

#include <QColor>
#include <QWidget>

namespace hoga::gui {

class StatusLight : public QWidget {
    Q_OBJECT

public:
    explicit StatusLight(QWidget* parent = nullptr);

    // `filled` false draws only the rim: "not applicable".
    void setState(const QColor& color, bool filled = true);
    [[nodiscard]] QColor color() const { return m_color; }
    [[nodiscard]] bool filled() const { return m_filled; }

    [[nodiscard]] QSize sizeHint() const override { return {16, 16}; }

protected:
    void paintEvent(QPaintEvent* event) override;

private:
    QColor m_color = Qt::gray;
    bool m_filled = false;
};

} // namespace hoga::gui
