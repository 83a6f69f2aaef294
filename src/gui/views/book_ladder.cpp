#include "gui/views/book_ladder.h"

#include "core/decimal.h"
#include "gui/views/book_colors.h"

#include <QFontDatabase>
#include <QPainter>

#include <algorithm>

namespace hoga::gui {

namespace {
constexpr int kColumns = 3;
}

BookLadder::BookLadder(QWidget* parent) : QWidget(parent) {
    setFont(QFontDatabase::systemFont(QFontDatabase::FixedFont));
    setAttribute(Qt::WA_OpaquePaintEvent); // every pixel is painted: no background erase
    setSizePolicy(QSizePolicy::Preferred, QSizePolicy::Expanding);
}

void BookLadder::setBook(const std::vector<core::Level>& bids, const std::vector<core::Level>& asks,
                         const core::InstrumentSpec& instrument) {
    const auto n = static_cast<std::size_t>(m_levels);
    m_bids.assign(bids.begin(),
                  bids.begin() + static_cast<std::ptrdiff_t>(std::min(n, bids.size())));
    m_asks.assign(asks.begin(),
                  asks.begin() + static_cast<std::ptrdiff_t>(std::min(n, asks.size())));
    if (!(instrument.priceGrid == m_instrument.priceGrid) ||
        !(instrument.qtyGrid == m_instrument.qtyGrid)) {
        m_instrument = instrument;
    }
    QWidget::update();
}

void BookLadder::setLevelsPerSide(int levels) {
    m_levels = std::clamp(levels, 1, 40);
    updateGeometry();
    QWidget::update();
}

int BookLadder::rowHeight() const {
    return fontMetrics().height() + 4;
}

QRect BookLadder::rowRect(int row) const {
    return {0, row * rowHeight(), width(), rowHeight()};
}

QSize BookLadder::sizeHint() const {
    return {fontMetrics().horizontalAdvance(QLatin1Char('0')) * 40,
            rowHeight() * (2 * m_levels + 2)};
}

QSize BookLadder::minimumSizeHint() const {
    return {fontMetrics().horizontalAdvance(QLatin1Char('0')) * 30, rowHeight() * 8};
}

QString BookLadder::spreadText() const {
    if (m_bids.empty() || m_asks.empty()) {
        return tr("No book");
    }
    const core::Price bid = m_bids.front().price;
    const core::Price ask = m_asks.front().price;
    const auto& g = m_instrument.priceGrid;
    // Mid may fall between two ticks: one more decimal keeps it exact.
    const std::int64_t midTenths = (bid.ticks + ask.ticks) * g.step * 5;
    return tr("Spread %1 · Mid %2")
        .arg(QString::fromStdString(m_instrument.formatPrice(core::Price{ask.ticks - bid.ticks})),
             QString::fromStdString(core::formatScaled(midTenths, g.decimals + 1)));
}

void BookLadder::paintLevel(QPainter& p, int row, const core::Level& level, core::Qty cumulative,
                            bool bid, double maxSize) const {
    const QRect r = rowRect(row);
    const int w = r.width() / kColumns;
    const double fraction = maxSize > 0 ? static_cast<double>(level.qty.lots) / maxSize : 0.0;
    const int barWidth = static_cast<int>(fraction * (r.width() - w));
    // The bar grows from the right edge over the size and total columns.
    p.fillRect(QRect(r.right() - barWidth + 1, r.top() + 1, barWidth, r.height() - 2),
               bid ? BookColors::bidBar() : BookColors::askBar());
    const QRect price(r.left() + 6, r.top(), w - 6, r.height());
    const QRect size(r.left() + w, r.top(), w - 6, r.height());
    const QRect total(r.left() + 2 * w, r.top(), r.width() - 2 * w - 6, r.height());
    p.setPen(bid ? BookColors::bid() : BookColors::ask());
    p.drawText(price, Qt::AlignLeft | Qt::AlignVCenter,
               QString::fromStdString(m_instrument.formatPrice(level.price)));
    p.setPen(BookColors::text());
    p.drawText(size, Qt::AlignRight | Qt::AlignVCenter,
               QString::fromStdString(m_instrument.formatQty(level.qty)));
    p.setPen(BookColors::dimText());
    p.drawText(total, Qt::AlignRight | Qt::AlignVCenter,
               QString::fromStdString(m_instrument.formatQty(cumulative)));
}

void BookLadder::paintEvent(QPaintEvent*) {
    QPainter p(this);
    p.fillRect(rect(), BookColors::background());
    const int w = width() / kColumns;
    const QRect head = rowRect(0);
    p.setPen(BookColors::dimText());
    p.drawText(QRect(head.left() + 6, head.top(), w - 6, head.height()),
               Qt::AlignLeft | Qt::AlignVCenter, tr("Price (USDT)"));
    p.drawText(QRect(head.left() + w, head.top(), w - 6, head.height()),
               Qt::AlignRight | Qt::AlignVCenter, tr("Size (BTC)"));
    p.drawText(QRect(head.left() + 2 * w, head.top(), width() - 2 * w - 6, head.height()),
               Qt::AlignRight | Qt::AlignVCenter, tr("Total (BTC)"));

    std::int64_t maxLots = 0;
    for (const auto* side : {&m_bids, &m_asks}) {
        for (const core::Level& l : *side) {
            maxLots = std::max(maxLots, l.qty.lots);
        }
    }
    const auto maxSize = static_cast<double>(maxLots);
    // Asks: the best just above the spread row, farther ones higher up.
    core::Qty cumulative{};
    for (std::size_t i = 0; i < m_asks.size(); ++i) {
        cumulative += m_asks[i].qty;
        paintLevel(p, spreadRow() - 1 - static_cast<int>(i), m_asks[i], cumulative, false, maxSize);
    }
    const QRect spread = rowRect(spreadRow());
    p.fillRect(spread, BookColors::track());
    p.setPen(BookColors::text());
    p.drawText(spread.adjusted(6, 0, -6, 0), Qt::AlignCenter, spreadText());
    cumulative = core::Qty{};
    for (std::size_t i = 0; i < m_bids.size(); ++i) {
        cumulative += m_bids[i].qty;
        paintLevel(p, spreadRow() + 1 + static_cast<int>(i), m_bids[i], cumulative, true, maxSize);
    }
}

} // namespace hoga::gui
