#include "gui/charts/price_chart.h"

#include "core/decimal.h"
#include "gui/charts/price_chart_view.h"

#include <QCandlestickSeries>
#include <QCandlestickSet>
#include <QChart>
#include <QComboBox>
#include <QCursor>
#include <QDateTime>
#include <QDateTimeAxis>
#include <QHBoxLayout>
#include <QLabel>
#include <QLegend>
#include <QLegendMarker>
#include <QLineSeries>
#include <QScatterSeries>
#include <QStandardItemModel>
#include <QToolButton>
#include <QToolTip>
#include <QVBoxLayout>
#include <QValueAxis>

#include <algorithm>
#include <cmath>
#include <limits>

namespace hoga::gui {

namespace {

const QColor kUp(0x26, 0xa6, 0x9a);
const QColor kDown(0xef, 0x53, 0x50);
const QColor kEntryMark(0x42, 0xa5, 0xf5);
const QColor kExitMark(0xff, 0xb3, 0x00);

QString intervalLabel(std::int64_t ms) {
    switch (ms) {
    case 1000:
        return PriceChart::tr("1 s");
    case 5000:
        return PriceChart::tr("5 s");
    case 15000:
        return PriceChart::tr("15 s");
    case 60000:
        return PriceChart::tr("1 min");
    case 300000:
        return PriceChart::tr("5 min");
    case 900000:
        return PriceChart::tr("15 min");
    default:
        return PriceChart::tr("1 h");
    }
}

QString reasonLabel(const std::string& reason) {
    if (reason == "entry") {
        return PriceChart::tr("entry signal");
    }
    if (reason == "volume_fade") {
        return PriceChart::tr("volume fade");
    }
    if (reason == "imbalance_reversal") {
        return PriceChart::tr("imbalance reversal");
    }
    if (reason == "stop_loss") {
        return PriceChart::tr("stop loss");
    }
    if (reason == "take_profit") {
        return PriceChart::tr("take profit");
    }
    if (reason == "max_hold") {
        return PriceChart::tr("maximum hold time");
    }
    if (reason == "liquidation") {
        return PriceChart::tr("liquidation");
    }
    if (reason == "end_of_data") {
        return PriceChart::tr("end of data");
    }
    if (reason == "kill_switch") {
        return PriceChart::tr("kill switch");
    }
    return QString::fromStdString(reason);
}

QCandlestickSeries* makeCandleSeries(const QColor& up, const QColor& down) {
    auto* s = new QCandlestickSeries;
    s->setIncreasingColor(up);
    s->setDecreasingColor(down);
    s->setBodyOutlineVisible(false);
    s->setCapsVisible(false);
    s->setBodyWidth(0.7);
    s->setMinimumColumnWidth(1.0);
    s->setMaximumColumnWidth(24.0);
    return s;
}

} // namespace

const std::vector<std::int64_t>& PriceChart::intervals() {
    static const std::vector<std::int64_t> all{1000, 5000, 15000, 60000, 300000, 900000, 3600000};
    return all;
}

double PriceChart::toChart(std::int64_t units, const core::DecimalGrid& grid) {
    // units count steps of the grid: 616590 ticks of 0.10 (step 10 at 2 decimals) = 61659.0.
    return static_cast<double>(units * grid.step) /
           static_cast<double>(core::powerOfTen(grid.decimals));
}

PriceChart::PriceChart(QWidget* parent)
    : QWidget(parent), m_chart(new QChart), m_candles(makeCandleSeries(kUp, kDown)),
      m_buyVolume(makeCandleSeries(kUp.darker(140), kUp.darker(140))),
      m_sellVolume(makeCandleSeries(kDown.darker(140), kDown.darker(140))),
      m_entries(new QScatterSeries), m_exits(new QScatterSeries), m_entryLine(new QLineSeries),
      m_stopLine(new QLineSeries), m_timeAxis(new QDateTimeAxis), m_priceAxis(new QValueAxis),
      m_volumeAxis(new QValueAxis), m_view(new PriceChartView(m_chart)),
      m_intervalBox(new QComboBox), m_followButton(new QToolButton) {
    m_chart->setTheme(QChart::ChartThemeDark);
    m_chart->setMargins(QMargins(2, 2, 2, 2));
    m_chart->setBackgroundRoundness(0);
    m_candles->setName(tr("Price"));
    m_buyVolume->setName(tr("Taker buy volume"));
    m_sellVolume->setName(tr("Taker sell volume"));
    m_entries->setName(tr("Entries"));
    m_exits->setName(tr("Exits"));
    m_entryLine->setName(tr("Entry price"));
    m_stopLine->setName(tr("Stop loss"));
    for (QAbstractSeries* s : std::initializer_list<QAbstractSeries*>{
             m_buyVolume, m_sellVolume, m_candles, m_entryLine, m_stopLine, m_entries, m_exits}) {
        m_chart->addSeries(s);
    }
    // Colours after addSeries: the theme recolours series as they are added.
    m_candles->setIncreasingColor(kUp);
    m_candles->setDecreasingColor(kDown);
    m_buyVolume->setIncreasingColor(kUp.darker(140));
    m_buyVolume->setDecreasingColor(kUp.darker(140));
    m_sellVolume->setIncreasingColor(kDown.darker(140));
    m_sellVolume->setDecreasingColor(kDown.darker(140));
    m_view->setVolumeColors(kUp.darker(140), kDown.darker(140));
    m_entries->setMarkerShape(QScatterSeries::MarkerShapeTriangle);
    m_entries->setMarkerSize(13);
    m_entries->setColor(kEntryMark);
    m_entries->setBorderColor(Qt::white);
    m_exits->setMarkerShape(QScatterSeries::MarkerShapeRotatedRectangle);
    m_exits->setMarkerSize(12);
    m_exits->setColor(kExitMark);
    m_exits->setBorderColor(Qt::white);
    m_entryLine->setPen(QPen(kEntryMark, 1.5, Qt::DashLine));
    m_stopLine->setPen(QPen(kDown, 1.5, Qt::DashLine));

    m_timeAxis->setFormat(QStringLiteral("HH:mm:ss"));
    m_timeAxis->setTickCount(7);
    m_priceAxis->setLabelFormat(QStringLiteral("%.1f"));
    m_volumeAxis->setLabelFormat(QStringLiteral("%.1f"));
    m_volumeAxis->setGridLineVisible(false);
    m_volumeAxis->setTitleText(tr("BTC"));
    m_priceAxis->setTitleText(tr("USDT"));
    m_chart->addAxis(m_timeAxis, Qt::AlignBottom);
    m_chart->addAxis(m_priceAxis, Qt::AlignRight);
    m_chart->addAxis(m_volumeAxis, Qt::AlignLeft);
    for (QAbstractSeries* s : m_chart->series()) {
        s->attachAxis(m_timeAxis);
        s->attachAxis(s == m_buyVolume || s == m_sellVolume ? m_volumeAxis : m_priceAxis);
    }
    m_chart->legend()->setAlignment(Qt::AlignTop);
    m_chart->legend()->markers(m_candles).constFirst()->setVisible(false);

    for (std::int64_t ms : intervals()) {
        m_intervalBox->addItem(intervalLabel(ms), QVariant::fromValue<qint64>(ms));
    }
    m_intervalBox->setToolTip(tr("Candle interval"));
    m_followButton->setText(tr("Follow"));
    m_followButton->setToolTip(tr("Keep the newest bar in view (scrolling back turns this off)"));
    m_followButton->setCheckable(true);
    m_followButton->setChecked(true);

    auto* bar = new QHBoxLayout;
    bar->addWidget(new QLabel(tr("Interval")));
    bar->addWidget(m_intervalBox);
    bar->addWidget(m_followButton);
    bar->addStretch();
    auto* layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->addLayout(bar);
    layout->addWidget(m_view, 1);

    connect(m_intervalBox, &QComboBox::currentIndexChanged, this,
            [this](int index) { setIntervalMs(m_intervalBox->itemData(index).toLongLong()); });
    connect(m_followButton, &QToolButton::toggled, this, &PriceChart::setFollowing);
    connect(m_view, &PriceChartView::zoomRequested, this, &PriceChart::zoom);
    connect(m_view, &PriceChartView::scrollRequested, this, &PriceChart::scroll);
    connect(m_entries, &QScatterSeries::hovered, this,
            [this](const QPointF& p, bool state) { showMarkToolTip(m_entryMarks, p, state); });
    connect(m_exits, &QScatterSeries::hovered, this,
            [this](const QPointF& p, bool state) { showMarkToolTip(m_exitMarks, p, state); });
    setMinimumSize(480, 300);
}

void PriceChart::update(const live::StationSnapshot& snapshot) {
    m_instrument = snapshot.instrument;
    // Snapshots repeat the last few hundred closed candles: only the new ones go in.
    const std::optional<std::int64_t> newest = m_history.newestOpenMs();
    std::optional<core::Candle> forming;
    for (const live::StationSnapshot::Bar& bar : snapshot.candles) {
        if (!bar.closed) {
            forming = bar.candle;
        } else if (!newest || bar.candle.openTimeMs > *newest ||
                   bar.candle.intervalMs != m_history.baseIntervalMs()) {
            m_history.addClosed(bar.candle);
        }
    }
    m_history.setForming(forming);
    if (m_history.baseIntervalMs() != m_baseIntervalMs) {
        m_baseIntervalMs = m_history.baseIntervalMs();
        enableIntervals();
        rebuildBars();
    } else {
        syncBars();
    }
    syncMarks(snapshot.marks);
    syncPositionLines(snapshot);
    updateWindow();
}

void PriceChart::enableIntervals() {
    // Only multiples of the engine's interval can be built exactly from its candles.
    auto* model = qobject_cast<QStandardItemModel*>(m_intervalBox->model());
    for (int i = 0; i < m_intervalBox->count(); ++i) {
        const qint64 ms = m_intervalBox->itemData(i).toLongLong();
        if (model && m_baseIntervalMs > 0) {
            model->item(i)->setEnabled(ms % m_baseIntervalMs == 0);
        }
    }
    if (m_baseIntervalMs > 0 && m_intervalMs % m_baseIntervalMs != 0) {
        setIntervalMs(m_baseIntervalMs);
    }
}

void PriceChart::setIntervalMs(std::int64_t intervalMs) {
    const auto& all = intervals();
    const auto it = std::find(all.begin(), all.end(), intervalMs);
    if (it == all.end() || intervalMs == m_intervalMs) {
        return;
    }
    m_intervalMs = intervalMs;
    m_intervalBox->setCurrentIndex(static_cast<int>(it - all.begin()));
    rebuildBars();
    m_following = true; // a new interval starts at the live edge
    m_followButton->setChecked(true);
    updateWindow();
    Q_EMIT intervalChanged(intervalMs);
}

void PriceChart::setFollowing(bool on) {
    if (m_followButton->isChecked() != on) {
        m_followButton->setChecked(on); // comes back here through toggled()
        return;
    }
    if (m_following == on) {
        return;
    }
    m_following = on;
    m_rightEdgeMs = m_rightMs;
    updateWindow();
    Q_EMIT followingChanged(on);
}

void PriceChart::rebuildBars() {
    m_candles->clear(); // deletes the sets
    m_shown.clear();
    const std::vector<AggregatedBar> bars =
        m_history.aggregate(m_intervalMs, CandleHistory::kFromStart, kKeptBars);
    m_bars.assign(bars.begin(), bars.end());
}

void PriceChart::syncBars() {
    if (m_bars.empty()) {
        rebuildBars();
        return;
    }
    const std::vector<AggregatedBar> fresh =
        m_history.aggregate(m_intervalMs, m_bars.back().candle.openTimeMs);
    if (fresh.empty() || fresh.front().candle.openTimeMs != m_bars.back().candle.openTimeMs) {
        rebuildBars(); // the history started over (a new session, another engine interval)
        return;
    }
    for (std::size_t i = 0; i < fresh.size(); ++i) {
        if (i == 0) {
            m_bars.back() = fresh[0];
        } else {
            m_bars.push_back(fresh[i]);
        }
        refreshShown(fresh[i]);
    }
    while (m_bars.size() > kKeptBars) {
        m_bars.pop_front();
    }
}

void PriceChart::refreshShown(const AggregatedBar& bar) {
    const auto it = m_shown.find(bar.candle.openTimeMs);
    if (it != m_shown.end()) {
        setValues(it->second, bar); // setters that change nothing do nothing
    }
}

void PriceChart::setValues(const Shown& shown, const AggregatedBar& bar) const {
    const core::Candle& c = bar.candle;
    const auto& pg = m_instrument.priceGrid;
    shown.price->setOpen(toChart(c.open.ticks, pg));
    shown.price->setHigh(toChart(c.high.ticks, pg));
    shown.price->setLow(toChart(c.low.ticks, pg));
    shown.price->setClose(toChart(c.close.ticks, pg));
}

const std::vector<VolumeBar>& PriceChart::volumeBars() const {
    return m_view->volumeBars();
}

void PriceChart::syncMarks(const std::vector<live::TradeMark>& marks) {
    const std::int64_t last = marks.empty() ? 0 : marks.back().timeMs;
    if (marks.size() == m_marksSeen && last == m_lastMarkMs) {
        return;
    }
    m_marksSeen = marks.size();
    m_lastMarkMs = last;
    m_entryMarks.clear();
    m_exitMarks.clear();
    QList<QPointF> entries, exits;
    for (const live::TradeMark& mark : marks) {
        const QPointF p(static_cast<double>(mark.timeMs),
                        toChart(mark.price.ticks, m_instrument.priceGrid));
        (mark.entry ? m_entryMarks : m_exitMarks).push_back(mark);
        (mark.entry ? entries : exits).append(p);
    }
    m_entries->replace(entries);
    m_exits->replace(exits);
}

void PriceChart::syncPositionLines(const live::StationSnapshot& snapshot) {
    const core::Position& p = snapshot.position;
    const auto& pg = m_instrument.priceGrid;
    const double entry = p.flat() ? 0.0 : p.averagePriceTicks() * toChart(1, pg); // display only
    const double stop = p.flat() ? 0.0 : toChart(snapshot.stopPrice.ticks, pg);
    if (entry != m_entryPrice) {
        m_entryPrice = entry;
        m_entryLine->setName(p.flat() ? tr("Entry price")
                                      : tr("Entry %1")
                                            .arg(QString::fromStdString(core::formatAveragePrice(
                                                p.entryNotional, p.qty, pg, 1))));
    }
    if (stop != m_stopPrice) {
        m_stopPrice = stop;
        m_stopLine->setName(p.flat() ? tr("Stop loss")
                                     : tr("Stop %1").arg(QString::fromStdString(
                                           m_instrument.formatPrice(snapshot.stopPrice))));
    }
}

QString PriceChart::markToolTip(const live::TradeMark& mark) const {
    const QString side = mark.side == core::Side::Buy ? tr("Buy") : tr("Sell");
    const QString kind = mark.entry ? tr("Entry") : tr("Exit");
    return tr("%1: %2 %3 BTC at %4 USDT\nReason: %5\n%6")
        .arg(kind, side, QString::fromStdString(m_instrument.formatQty(mark.qty)),
             QString::fromStdString(m_instrument.formatPrice(mark.price)), reasonLabel(mark.reason),
             QDateTime::fromMSecsSinceEpoch(mark.timeMs)
                 .toString(QStringLiteral("yyyy-MM-dd HH:mm:ss.zzz")));
}

void PriceChart::showMarkToolTip(const std::vector<live::TradeMark>& marks, const QPointF& point,
                                 bool state) {
    if (!state || marks.empty()) {
        QToolTip::hideText();
        return;
    }
    // The mark the point stands for: the nearest in time, then in price.
    const auto distance = [&](const live::TradeMark& m) {
        return std::pair(std::abs(static_cast<double>(m.timeMs) - point.x()),
                         std::abs(toChart(m.price.ticks, m_instrument.priceGrid) - point.y()));
    };
    const auto best =
        std::min_element(marks.begin(), marks.end(),
                         [&](const auto& a, const auto& b) { return distance(a) < distance(b); });
    QToolTip::showText(QCursor::pos(), markToolTip(*best), m_view);
}

} // namespace hoga::gui
