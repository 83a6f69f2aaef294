#include "gui/views/position_panel.h"

#include "core/decimal.h"
#include "gui/views/display_format.h"

#include <QDoubleSpinBox>
#include <QGridLayout>
#include <QLabel>
#include <QSettings>

namespace hoga::gui {

QColor PositionPanel::gainColor() {
    return {0x1e, 0x9e, 0x6a};
}

QColor PositionPanel::lossColor() {
    return {0xe0, 0x3e, 0x3e};
}

PositionPanel::PositionPanel(QWidget* parent) : QWidget(parent), m_rate(new QDoubleSpinBox) {
    const std::array<QString, kFields> names{
        tr("Side"),      tr("Size"),           tr("Entry (average)"),
        tr("Mark"),      tr("Unrealised PnL"), tr("Liquidation (est.)"),
        tr("Stop loss"), tr("Equity"),         tr("Balance"),
        tr("Fees paid"), tr("Net PnL"),        tr("Round trips")};
    auto* grid = new QGridLayout(this);
    grid->setContentsMargins(6, 6, 6, 6);
    grid->setHorizontalSpacing(14);
    grid->addWidget(new QLabel(tr("USDT")), 0, 1, Qt::AlignRight);
    grid->addWidget(new QLabel(tr("KRW")), 0, 2, Qt::AlignRight);
    for (std::size_t i = 0; i < kFields; ++i) {
        Row& r = m_rows[i];
        r.name = new QLabel(names[i]);
        r.usdt = new QLabel(tr("—"));
        r.krw = new QLabel;
        r.usdt->setTextInteractionFlags(Qt::TextSelectableByMouse);
        r.krw->setTextInteractionFlags(Qt::TextSelectableByMouse);
        const int line = static_cast<int>(i) + 1;
        grid->addWidget(r.name, line, 0);
        r.usdt->setAlignment(Qt::AlignRight | Qt::AlignVCenter);
        r.krw->setAlignment(Qt::AlignRight | Qt::AlignVCenter);
        grid->addWidget(r.usdt, line, 1);
        grid->addWidget(r.krw, line, 2);
    }
    m_rate->setRange(1.0, 100000.0);
    m_rate->setDecimals(2);
    m_rate->setSingleStep(1.0);
    m_rate->setSuffix(tr(" KRW/USDT"));
    m_rate->setToolTip(tr("The rate used for the KRW column (display only)"));
    const int last = static_cast<int>(kFields) + 1;
    grid->addWidget(new QLabel(tr("KRW rate")), last, 0);
    grid->addWidget(m_rate, last, 1, 1, 2);
    grid->setRowStretch(last + 1, 1);
    grid->setColumnStretch(1, 1);
    grid->setColumnStretch(2, 1);

    const QSettings settings;
    if (settings.contains(rateKey())) {
        m_rate->setValue(settings.value(rateKey()).toDouble());
        m_rateFromSettings = true;
    } else {
        m_rate->setValue(core::StrategyParams{}.krwPerUsdt);
    }
    connect(m_rate, &QDoubleSpinBox::valueChanged, this, [this](double rate) {
        if (m_rateInitialised) {
            QSettings().setValue(rateKey(), rate); // the trader's choice outlives the session
            m_rateFromSettings = true;
        }
        refresh();
        Q_EMIT krwRateChanged(rate);
    });
}

double PositionPanel::krwPerUsdt() const {
    return m_rate->value();
}

void PositionPanel::setKrwPerUsdt(double rate) {
    m_rateInitialised = true;
    m_rate->setValue(rate);
}

QString PositionPanel::usdtText(Field field) const {
    return m_rows[index(field)].usdt->text();
}

QString PositionPanel::krwText(Field field) const {
    return m_rows[index(field)].krw->text();
}

void PositionPanel::update(const live::StationSnapshot& snapshot) {
    if (!m_rateInitialised) {
        // Until the trader picks a rate, the session's own is the default.
        if (!m_rateFromSettings) {
            m_rate->setValue(snapshot.params.krwPerUsdt);
        }
        m_rateInitialised = true;
    }
    m_last = Shown{snapshot.instrument,       snapshot.position,  snapshot.markPrice,
                   snapshot.liquidationPrice, snapshot.stopPrice, snapshot.unrealizedPnl,
                   snapshot.equity,           snapshot.balance,   snapshot.stats};
    refresh();
}

void PositionPanel::setText(Field field, const QString& text) {
    Row& r = m_rows[index(field)];
    r.usdt->setText(text);
    r.usdt->setPalette(palette());
    r.krw->clear();
}

void PositionPanel::setMoney(Field field, core::Fixed8 value, bool coloured, bool showPlus) {
    Row& r = m_rows[index(field)];
    r.usdt->setText(formatMoney(value, 2, showPlus));
    r.usdt->setToolTip(QString::fromStdString(core::formatScaled(value.e8, 8)));
    r.krw->setText(tr("%1 KRW").arg(groupThousands(toKrw(value, krwRateE2(m_rate->value())))));
    QPalette p = palette();
    if (coloured && value.e8 != 0) {
        p.setColor(QPalette::WindowText, value.e8 > 0 ? gainColor() : lossColor());
    }
    r.usdt->setPalette(p);
    r.krw->setPalette(p);
}

void PositionPanel::refresh() {
    if (!m_last) {
        return;
    }
    const Shown& s = *m_last;
    const core::Position& pos = s.position;
    const core::InstrumentSpec& in = s.instrument;
    const bool open = !pos.flat();
    const auto price = [&](core::Price p) {
        return open && p.ticks != 0 ? QString::fromStdString(in.formatPrice(p)) : tr("—");
    };
    setText(Field::Side, !open                                  ? tr("Flat")
                         : pos.side == core::PositionSide::Long ? tr("Long")
                                                                : tr("Short"));
    if (open) {
        QPalette p = palette();
        p.setColor(QPalette::WindowText,
                   pos.side == core::PositionSide::Long ? gainColor() : lossColor());
        m_rows[index(Field::Side)].usdt->setPalette(p);
    }
    setText(Field::Size,
            open ? tr("%1 BTC").arg(QString::fromStdString(in.formatQty(pos.qty))) : tr("—"));
    setText(Field::Entry, open ? QString::fromStdString(core::formatAveragePrice(
                                     pos.entryNotional, pos.qty, in.priceGrid, 2))
                               : tr("—"));
    setText(Field::Mark,
            s.markPrice.ticks != 0 ? QString::fromStdString(in.formatPrice(s.markPrice)) : tr("—"));
    setMoney(Field::UnrealizedPnl, s.unrealizedPnl, true, true);
    setText(Field::Liquidation, price(s.liquidationPrice));
    setText(Field::Stop, price(s.stopPrice));
    setMoney(Field::Equity, s.equity, false);
    setMoney(Field::Balance, s.balance, false);
    setMoney(Field::Fees, s.stats.fees, false);
    setMoney(Field::NetPnl, s.stats.netPnl, true, true);
    const std::int64_t trips = s.stats.roundTrips;
    setText(Field::RoundTrips,
            trips == 0 ? tr("0")
                       : tr("%1 · %2 % won")
                             .arg(trips)
                             .arg(QString::number(100.0 * static_cast<double>(s.stats.wins) /
                                                      static_cast<double>(trips),
                                                  'f', 1)));
}

} // namespace hoga::gui
