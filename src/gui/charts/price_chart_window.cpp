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
    QList<QCandlestickSet*> goneP, goneB, goneS;
    for (auto it = m_shown.begin(); it != m_shown.end();) {
        const auto open = static_cast<double>(it->first);
        if (open + interval <= left || open >= right) {
            goneP.append(it->second.price);
            goneB.append(it->second.buy);
            goneS.append(it->second.sell);
            it = m_shown.erase(it);
        } else {
            ++it;
        }
    }
    if (!goneP.isEmpty()) {
        m_candles->remove(goneP);
        m_buyVolume->remove(goneB);
        m_sellVolume->remove(goneS);
    }
    const auto first = std::lower_bound(m_bars.begin(), m_bars.end(), left - interval,
                                        [](const AggregatedBar& b, double t) {
                                            return static_cast<double>(b.candle.openTimeMs) <= t;
                                        });
    QList<QCandlestickSet*> newP, newB, newS;
    for (auto it = first; it != m_bars.end() && static_cast<double>(it->candle.openTimeMs) < right;
         ++it) {
        if (m_shown.count(it->candle.openTimeMs) != 0) {
            continue;
        }
        const double center = static_cast<double>(it->candle.openTimeMs) + interval / 2;
        Shown shown{new QCandlestickSet(center), new QCandlestickSet(center),
                    new QCandlestickSet(center)};
        setValues(shown, *it);
        newP.append(shown.price);
        newB.append(shown.buy);
        newS.append(shown.sell);
        m_shown.emplace(it->candle.openTimeMs, shown);
    }
    if (!newP.isEmpty()) {
        m_candles->append(newP);
        m_buyVolume->append(newB);
        m_sellVolume->append(newS);
    }
    updateRanges(left, right);
}

void PriceChart::updateRanges(double leftMs, double rightMs) {
    std::int64_t lo = std::numeric_limits<std::int64_t>::max();
    std::int64_t hi = std::numeric_limits<std::int64_t>::min();
    std::int64_t maxVolume = 0;
    for (const auto& [open, shown] : m_shown) {
        (void)shown;
        const auto it = std::lower_bound(
            m_bars.begin(), m_bars.end(), open,
            [](const AggregatedBar& b, std::int64_t t) { return b.candle.openTimeMs < t; });
        if (it == m_bars.end()) {
            continue;
        }
        lo = std::min(lo, it->candle.low.ticks);
        hi = std::max(hi, it->candle.high.ticks);
        maxVolume = std::max(maxVolume, it->candle.volume.lots);
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
    // The bottom third of the plot belongs to the volume bars.
    m_priceAxis->setRange(low - span * 0.5, high + span * 0.06);
    const double volume = toChart(std::max<std::int64_t>(maxVolume, 1), m_instrument.qtyGrid);
    m_volumeAxis->setRange(0, volume * 3.5);
    m_timeAxis->setRange(QDateTime::fromMSecsSinceEpoch(static_cast<qint64>(leftMs)),
                         QDateTime::fromMSecsSinceEpoch(static_cast<qint64>(rightMs)));
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
