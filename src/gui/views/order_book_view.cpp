#include "gui/views/order_book_view.h"

#include "gui/views/book_colors.h"
#include "gui/views/book_ladder.h"
#include "gui/views/imbalance_gauge.h"
#include "gui/views/status_light.h"

#include <QHBoxLayout>
#include <QLabel>
#include <QVBoxLayout>

namespace hoga::gui {

OrderBookView::OrderBookView(QWidget* parent)
    : QWidget(parent), m_light(new StatusLight), m_healthLabel(new QLabel),
      m_imbalanceLabel(new QLabel), m_gauge(new ImbalanceGauge), m_ladder(new BookLadder) {
    auto* header = new QHBoxLayout;
    header->addWidget(new QLabel(tr("Order book")));
    header->addStretch();
    header->addWidget(m_light);
    header->addWidget(m_healthLabel);
    auto* layout = new QVBoxLayout(this);
    layout->setContentsMargins(4, 4, 4, 4);
    layout->setSpacing(3);
    layout->addLayout(header);
    layout->addWidget(m_imbalanceLabel);
    layout->addWidget(m_gauge);
    layout->addWidget(m_ladder, 1);
    m_imbalanceLabel->setToolTip(
        tr("(bid − ask) / (bid + ask) size over the strategy's window; the marks are the entry "
           "thresholds"));
    m_gauge->setToolTip(m_imbalanceLabel->toolTip());
    m_healthLabel->setText(BookHealth::syncStateLabel(binance::SyncState::WaitingForSnapshot));
}

void OrderBookView::update(const live::StationSnapshot& s) {
    m_ladder->setBook(s.bids, s.asks, s.instrument);
    m_gauge->setValue(s.features.imbalance, s.params.imbalanceEntry);
    const QString window = s.params.imbalanceWindow == core::DepthWindow::TopLevels
                               ? tr("top %1 levels").arg(s.params.imbalanceLevels)
                               : tr("±%1 bps of mid").arg(s.params.imbalanceBps);
    m_imbalanceLabel->setText(tr("Imbalance %1 (%2), entry at ±%3")
                                  .arg(QString::asprintf("%+.2f", s.features.imbalance), window,
                                       QString::asprintf("%.2f", s.params.imbalanceEntry)));
    m_health = BookHealth::of(s);
    m_light->setState(m_health.color());
    m_light->setToolTip(m_health.detail);
    m_healthLabel->setText(m_health.label);
    m_healthLabel->setToolTip(m_health.detail);
}

} // namespace hoga::gui
