#include "gui/views/signal_panel.h"

#include "gui/views/display_format.h"
#include "gui/views/signal_math.h"
#include "gui/views/status_light.h"

#include <QGridLayout>
#include <QLabel>

namespace hoga::gui {

namespace {
QLabel* heading(const QString& text) {
    auto* label = new QLabel(text);
    QFont f = label->font();
    f.setBold(true);
    label->setFont(f);
    return label;
}
} // namespace

QColor SignalPanel::lightColor(Light light) {
    switch (light) {
    case Light::Met:
        return {0x26, 0xc2, 0x81};
    case Light::NotMet:
        return {0x5d, 0x60, 0x6b};
    case Light::NotApplicable:
        break;
    }
    return {0x9e, 0x9e, 0x9e};
}

SignalPanel::SignalPanel(QWidget* parent) : QWidget(parent), m_status(new QLabel) {
    auto* grid = new QGridLayout(this);
    grid->setContentsMargins(6, 6, 6, 6);
    grid->setHorizontalSpacing(8);
    const std::array<QString, kRows> names{
        tr("Volume burst"), tr("Book imbalance"),     tr("Momentum"), tr("Taker share"),
        tr("Volume fade"),  tr("Imbalance reversal"), tr("Stop loss")};
    const std::array<QString, kRows> tips{
        tr("The forming candle's volume (pro-rated) against the mean of the last closed ones"),
        tr("Bid against ask size over the strategy's window; long at +θ, short at −θ"),
        tr("Price change over the momentum window, in basis points"),
        tr("Taker-buy share of the forming candle's volume (longs) or taker-sell (shorts)"),
        tr("Closed candles below the fade ratio in a row, while in a position"),
        tr("The book turning against the open position"),
        tr("The open position's move from its entry, against the stop distance")};
    int line = 0;
    grid->addWidget(heading(tr("Entry conditions")), line++, 0, 1, 4);
    for (std::size_t i = 0; i < kRows; ++i) {
        if (static_cast<Row>(i) == Row::VolumeFade) {
            grid->addWidget(heading(tr("Exit conditions")), line++, 0, 1, 4);
        }
        RowWidgets& r = m_rows[i];
        r.light = new StatusLight;
        r.name = new QLabel(names[i]);
        r.value = new QLabel;
        r.direction = new QLabel;
        r.value->setFont(QFont(QStringLiteral("monospace")));
        for (QWidget* w : {static_cast<QWidget*>(r.light), static_cast<QWidget*>(r.name),
                           static_cast<QWidget*>(r.value)}) {
            w->setToolTip(tips[i]);
        }
        grid->addWidget(r.light, line, 0);
        grid->addWidget(r.name, line, 1);
        grid->addWidget(r.value, line, 2);
        grid->addWidget(r.direction, line, 3);
        r.light->setState(lightColor(Light::NotApplicable), false);
        ++line;
    }
    m_status->setWordWrap(true);
    grid->addWidget(m_status, line++, 0, 1, 4);
    grid->setColumnStretch(2, 1);
    grid->setRowStretch(line, 1);
    for (Row hidden : {Row::TakerShare}) {
        RowWidgets& r = m_rows[index(hidden)];
        for (QWidget* w : {static_cast<QWidget*>(r.light), static_cast<QWidget*>(r.name),
                           static_cast<QWidget*>(r.value), static_cast<QWidget*>(r.direction)}) {
            w->setVisible(false);
        }
    }
}

QString SignalPanel::valueText(Row row) const {
    return m_rows[index(row)].value->text();
}

QString SignalPanel::directionText(Row row) const {
    return m_rows[index(row)].direction->text();
}

bool SignalPanel::rowVisible(Row row) const {
    return !m_rows[index(row)].value->isHidden();
}

QString SignalPanel::statusText() const {
    return m_status->text();
}

void SignalPanel::setRow(Row row, Light state, const QString& value, const QString& direction) {
    RowWidgets& r = m_rows[index(row)];
    r.state = state;
    r.light->setState(lightColor(state), state != Light::NotApplicable);
    r.value->setText(value);
    r.direction->setText(direction);
}

void SignalPanel::update(const live::StationSnapshot& s) {
    core::OrderFlowStrategy strategy(s.params);
    updateEntries(s, strategy);
    updateExits(s, strategy);
    m_status->setText(whyNotEntering(s));
}

void SignalPanel::updateEntries(const live::StationSnapshot& s,
                                const core::OrderFlowStrategy& strategy) {
    const core::FeatureSnapshot& f = s.features;
    const core::StrategyParams& p = s.params;
    m_conditions = strategy.entryConditions(f);
    const core::EntryConditions& c = m_conditions;
    const auto lit = [](bool on) { return on ? Light::Met : Light::NotMet; };
    const auto direction = [this](bool isLong, bool isShort) {
        return isLong ? tr("long") : isShort ? tr("short") : QString();
    };
    setRow(Row::VolumeBurst, lit(c.volumeBurst),
           tr("volume %1× / %2×")
               .arg(QString::number(f.volumeRatio, 'f', 1),
                    QString::number(p.volumeBurstRatio, 'f', 1)));
    setRow(Row::Imbalance, lit(c.imbalanceLong || c.imbalanceShort),
           tr("imbalance %1 / ±%2")
               .arg(signedNumber(f.imbalance, 2), QString::number(p.imbalanceEntry, 'f', 2)),
           direction(c.imbalanceLong, c.imbalanceShort));
    setRow(Row::Momentum, lit(c.momentumLong || c.momentumShort),
           tr("momentum %1 bps / ±%2 bps")
               .arg(signedNumber(f.momentumBps, 1), QString::number(p.momentumBps, 'f', 1)),
           direction(c.momentumLong, c.momentumShort));
    RowWidgets& taker = m_rows[index(Row::TakerShare)];
    for (QWidget* w :
         {static_cast<QWidget*>(taker.light), static_cast<QWidget*>(taker.name),
          static_cast<QWidget*>(taker.value), static_cast<QWidget*>(taker.direction)}) {
        w->setVisible(p.takerShareFilter);
    }
    if (p.takerShareFilter) {
        setRow(Row::TakerShare, lit(c.takerLong || c.takerShort),
               tr("taker buy %1 % / %2 %")
                   .arg(QString::number(f.takerBuyShare * 100, 'f', 0),
                        QString::number(p.takerShareMin * 100, 'f', 0)),
               direction(c.takerLong, c.takerShort));
    } else {
        setRow(Row::TakerShare, Light::NotApplicable, tr("off"));
    }
}

void SignalPanel::updateExits(const live::StationSnapshot& s, core::OrderFlowStrategy& strategy) {
    const core::StrategyParams& p = s.params;
    const core::Position& pos = s.position;
    const bool open = !pos.flat();
    const bool isLong = pos.side == core::PositionSide::Long;

    const FadeState fade = fadeStateOf(s, strategy);
    m_fadeStreak = fade.streak;
    m_closedRatio = fade.lastRatio;
    setRow(Row::VolumeFade,
           !open                                ? Light::NotApplicable
           : fade.streak >= p.volumeFadeCandles ? Light::Met
                                                : Light::NotMet,
           tr("volume %1× / %2× · %3 of %4 candles")
               .arg(QString::number(fade.lastRatio, 'f', 1),
                    QString::number(p.volumeFadeRatio, 'f', 1))
               .arg(open ? fade.streak : 0)
               .arg(p.volumeFadeCandles));

    const auto reversal = strategy.featureExit(s.features, pos);
    const QString exitAt = !open ? QStringLiteral("±") + QString::number(p.imbalanceExit, 'f', 2)
                           : isLong ? signedNumber(-p.imbalanceExit, 2)
                                    : signedNumber(p.imbalanceExit, 2);
    setRow(Row::ImbalanceReversal,
           !open                                             ? Light::NotApplicable
           : reversal == core::ExitReason::ImbalanceReversal ? Light::Met
                                                             : Light::NotMet,
           tr("imbalance %1 / %2").arg(signedNumber(s.features.imbalance, 2), exitAt));

    const QString stopAt = signedNumber(-p.stopLossPct, 1);
    if (!open) {
        setRow(Row::StopLoss, Light::NotApplicable, tr("stop — / %1 %").arg(stopAt));
        return;
    }
    const auto stop = strategy.priceExit(s.markPrice, pos);
    setRow(Row::StopLoss, stop == core::ExitReason::StopLoss ? Light::Met : Light::NotMet,
           tr("stop %1 % / %2 %").arg(signedNumber(movePercent(pos, s.markPrice), 1), stopAt),
           isLong ? tr("long") : tr("short"));
}

QString SignalPanel::whyNotEntering(const live::StationSnapshot& s) const {
    if (!s.position.flat()) {
        return tr("In a position: watching the exits (one position at a time).");
    }
    if (s.tradingState == core::TradingState::Halted) {
        return tr("Not entering: trading is halted.");
    }
    if (s.tradingState == core::TradingState::ReducingOnly) {
        return tr("Not entering: reducing only.");
    }
    if (!s.takingEntries) {
        return tr("Not entering: entries stopped by the trader.");
    }
    if (!s.entriesAllowed) {
        const std::string& why =
            s.syncState != binance::SyncState::Live ? s.syncReason : s.feedDetail;
        return tr("Not entering: book unverified (%1).").arg(QString::fromStdString(why));
    }
    if (!s.warmedUp) {
        return tr("Not entering: warming up (%1 closed candles and a %2 s momentum window).")
            .arg(s.params.volumeLookback)
            .arg(static_cast<double>(s.params.momentumWindowMs) / 1000.0);
    }
    if (const std::int64_t left = cooldownLeftMs(s); left > 0) {
        return tr("Not entering: cooldown after a stop loss, %1 s left.")
            .arg(QString::number(static_cast<double>(left) / 1000.0, 'f', 1));
    }
    const core::EntryConditions& c = m_conditions;
    if (c.longEntry() || c.shortEntry()) {
        return tr("Entry signal: %1.").arg(c.longEntry() ? tr("long") : tr("short"));
    }
    QStringList missing;
    if (!c.volumeBurst) {
        missing << tr("volume burst");
    }
    if (!c.imbalanceLong && !c.imbalanceShort) {
        missing << tr("imbalance");
    }
    if (!c.momentumLong && !c.momentumShort) {
        missing << tr("momentum");
    }
    if (s.params.takerShareFilter && !c.takerLong && !c.takerShort) {
        missing << tr("taker share");
    }
    if (missing.isEmpty()) {
        return tr("Waiting: the conditions point in different directions.");
    }
    return tr("Waiting for: %1.").arg(missing.join(tr(", ")));
}

} // namespace hoga::gui
