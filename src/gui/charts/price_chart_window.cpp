// PriceChart's window over its bars: which bars are in the series, the axes' ranges, zoom and
// scroll (price_chart.h).
#include "gui/charts/price_chart.h"

#include <QCandlestickSeries>
#include <QCandlestickSet>
#include <QDateTime>
#include <QDateTimeAxis>
#include <QLineSeries>
#include <QToolButton>
#include <QValueAxis>

#include <algorithm>
#include <cmath>
#include <limits>

namespace hoga::gui {

double PriceChart::spanMs() const {
    return static_cast<double>(m_visibleBars) * static_cast<double>(m_intervalMs);
}

double PriceChart::liveEdgeMs() const {
    if (m_bars.empty()) {
        return 0;
    }
    // Half a bar of air after the newest one.
    return static_cast<double>(m_bars.back().candle.openTimeMs) +
           1.5 * static_cast<double>(m_intervalMs);
}

void PriceChart::updateWindow() {
    if (m_bars.empty()) {
        return;
    }
    const auto interval = static_cast<double>(m_intervalMs);
    const double span = spanMs();
    const double live = liveEdgeMs();
    double right = m_following ? live : std::min(m_rightEdgeMs, live);
    // Not before the oldest bar kept (unless all of them fit).
    const double oldest = static_cast<double>(m_bars.front().candle.openTimeMs) - 0.5 * interval;
    right = std::max(right, std::min(live, oldest + span));
    if (!m_following) {
        m_rightEdgeMs = right;
    }
    const double left = right - span;
    m_leftMs = left;
    m_rightMs = right;

    // Bars leaving the window go out of the series, bars entering it come in.
    QList<QCandlestickSet*> gone;
    for (auto it = m_shown.begin(); it != m_shown.end();) {
        const auto open = static_cast<double>(it->first);
        if (open + interval <= left || open >= right) {
            gone.append(it->second.price);
            it = m_shown.erase(it);
        } else {
            ++it;
        }
    }
    if (!gone.isEmpty()) {
        m_candles->remove(gone);
    }
    const auto first = std::lower_bound(m_bars.begin(), m_bars.end(), left - interval,
                                        [](const AggregatedBar& b, double t) {
                                            return static_cast<double>(b.candle.openTimeMs) <= t;
                                        });
    QList<QCandlestickSet*> added;
    for (auto it = first; it != m_bars.end() && static_cast<double>(it->candle.openTimeMs) < right;
         ++it) {
        if (m_shown.count(it->candle.openTimeMs) != 0) {
            continue;
        }
        const double center = static_cast<double>(it->candle.openTimeMs) + interval / 2;
        Shown shown{new QCandlestickSet(center)};
        setValues(shown, *it);
        added.append(shown.price);
        m_shown.emplace(it->candle.openTimeMs, shown);
    }
    if (!added.isEmpty()) {
        m_candles->append(added);
    }
    updateRanges(left, right);
}

void PriceChart::updateRanges(double leftMs, double rightMs) {
    std::int64_t lo = std::numeric_limits<std::int64_t>::max();
    std::int64_t hi = std::numeric_limits<std::int64_t>::min();
    std::int64_t maxVolume = 0;
    std::vector<VolumeBar> volume;
    volume.reserve(m_shown.size());
    const auto& qg = m_instrument.qtyGrid;
    const auto interval = static_cast<double>(m_intervalMs);
    for (const auto& [open, shown] : m_shown) {
        (void)shown;
        const auto it = std::lower_bound(
            m_bars.begin(), m_bars.end(), open,
            [](const AggregatedBar& b, std::int64_t t) { return b.candle.openTimeMs < t; });
        if (it == m_bars.end()) {
            continue;
        }
        const core::Candle& c = it->candle;
        lo = std::min(lo, c.low.ticks);
        hi = std::max(hi, c.high.ticks);
        maxVolume = std::max(maxVolume, c.volume.lots);
        volume.push_back({static_cast<double>(open) + interval / 2,
                          toChart(c.takerBuyVolume.lots, qg),
                          toChart(c.takerBuyVolume.lots + c.takerSellVolume.lots, qg)});
    }
    if (lo > hi) {
        return;
    }
    const auto& pg = m_instrument.priceGrid;
    double low = toChart(lo, pg);
    double high = toChart(hi, pg);
    const double candleSpan = std::max(high - low, toChart(pg.step * 10, pg));
    // The entry line always (it is near the price); the stop only when it does not squash the
    // candles into a sliver (its price is in the legend either way).
    for (double line : {m_entryPrice, m_stopPrice}) {
        if (line > 0 && (line == m_entryPrice ||
                         (line > low - 2 * candleSpan && line < high + 2 * candleSpan))) {
            low = std::min(low, line);
            high = std::max(high, line);
        }
    }
    const double span = std::max(high - low, toChart(pg.step * 10, pg));
    // The bottom third of the plot belongs to the volume bars. The range moves only when the
    // candles leave it or fill much less of it than they would: every new range makes Qt Charts
    // re-lay out each candlestick, and most updates only move the forming bar's close.
    const double needLow = low - span * 0.45;
    const double needHigh = high + span * 0.03;
    const double shownLow = m_priceAxis->min();
    const double shownHigh = m_priceAxis->max();
    const bool fits = needLow >= shownLow && needHigh <= shownHigh &&
                      (needHigh - needLow) >= 0.8 * (shownHigh - shownLow);
    if (!fits) {
        m_priceAxis->setRange(low - span * 0.5, high + span * 0.1);
    }
    const double volumeTop = toChart(std::max<std::int64_t>(maxVolume, 1), qg) * 3.5;
    m_volumeAxis->setRange(0, volumeTop);
    m_timeAxis->setRange(QDateTime::fromMSecsSinceEpoch(static_cast<qint64>(leftMs)),
                         QDateTime::fromMSecsSinceEpoch(static_cast<qint64>(rightMs)));
    m_view->setVolume(std::move(volume), leftMs, rightMs, volumeTop, interval);
    const auto horizontal = [&](QLineSeries* series, double price) {
        if (price > 0) {
            series->replace(QList<QPointF>{{leftMs, price}, {rightMs, price}});
        } else if (series->count() > 0) {
            series->clear();
        }
    };
    horizontal(m_entryLine, m_entryPrice);
    horizontal(m_stopLine, m_stopPrice);
}

void PriceChart::zoom(double steps, double xFraction) {
    const int before = m_visibleBars;
    const double scaled = static_cast<double>(m_visibleBars) / std::pow(1.25, steps);
    m_visibleBars =
        std::clamp(static_cast<int>(std::lround(scaled)), kMinVisibleBars, kMaxVisibleBars);
    if (m_visibleBars == before) {
        return;
    }
    if (!m_following) {
        // Keep the time under the cursor where it is.
        const double at = m_leftMs + xFraction * (m_rightMs - m_leftMs);
        m_rightEdgeMs = at + (1.0 - xFraction) * spanMs();
    }
    updateWindow();
}

void PriceChart::scroll(double fraction) {
    if (m_bars.empty()) {
        return;
    }
    const double right = (m_following ? m_rightMs : m_rightEdgeMs) - fraction * spanMs();
    if (right >= liveEdgeMs()) {
        setFollowing(true);
        return;
    }
    m_rightEdgeMs = right;
    if (m_following) {
        m_following = false;
        m_followButton->setChecked(false);
        Q_EMIT followingChanged(false);
    }
    updateWindow();
}

} // namespace hoga::gui
