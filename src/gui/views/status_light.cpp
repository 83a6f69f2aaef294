#include "gui/views/status_light.h"

#include <QPainter>

#include <algorithm>

namespace hoga::gui {

StatusLight::StatusLight(QWidget* parent) : QWidget(parent) {
    setSizePolicy(QSizePolicy::Fixed, QSizePolicy::Fixed);
}

void StatusLight::setState(const QColor& color, bool filled) {
    if (color == m_color && filled == m_filled) {
        return;
    }
    m_color = color;
    m_filled = filled;
    QWidget::update();
}

void StatusLight::paintEvent(QPaintEvent*) {
    QPainter p(this);
    p.setRenderHint(QPainter::Antialiasing);
    const int d = std::min(width(), height()) - 4;
    const QRectF r((width() - d) / 2.0, (height() - d) / 2.0, d, d);
    p.setPen(QPen(m_color.darker(150), 1.5));
    p.setBrush(m_filled ? QBrush(m_color) : QBrush(Qt::NoBrush));
    p.drawEllipse(r);
}

} // namespace hoga::gui
