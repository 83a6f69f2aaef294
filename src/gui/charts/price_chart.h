#pragma once

// The live price chart: candlesticks of a selectable interval (1 s … 1 h, built from the engine's
// candles by CandleHistory), volume split into taker buy and taker sell in the bottom quarter
// (on its own axis), our entries and exits as markers with a tooltip, and the open position's
// entry and stop-loss lines. Mouse wheel zooms, a drag scrolls; the chart follows the live edge
// until the user scrolls away, and "Follow" brings it back.
//
// Smooth at the feed's full rate: update() touches only what changed — the forming bar's values,
// the bars that closed since the last snapshot, the markers when there are new executions — and
// the series hold only the bars in view (at most kMaxVisibleBars), so the cost of a snapshot does
// not grow with the history. Scrolling adds and removes bars at the window's edges; only a change
// of interval rebuilds.
//
// The volume bars are painted by the view (PriceChartView::setVolume) at their bar's time, from the
// same window the time axis shows, against the volume axis' range: Qt Charts re-lays out a whole
// series for every value that changes, and as two candlestick series the volume was most of the
// chart's cost per update.

#include "core/instrument.h"
#include "gui/charts/candle_history.h"
#include "gui/charts/price_chart_view.h"
#include "live/station_snapshot.h"

#include <QString>
#include <QWidget>

#include <deque>
#include <map>
#include <vector>

class QCandlestickSeries;
class QCandlestickSet;
class QComboBox;
class QDateTimeAxis;
class QLineSeries;
class QScatterSeries;
class QToolButton;
class QValueAxis;
class QChart;

namespace hoga::gui {

class PriceChartView;

class PriceChart : public QWidget {
    Q_OBJECT

public:
    static constexpr std::size_t kKeptBars = 3600; // bars that can be scrolled to
    static constexpr int kMinVisibleBars = 20;
    static constexpr int kDefaultVisibleBars = 120;
    static constexpr int kMaxVisibleBars = 300;

    explicit PriceChart(QWidget* parent = nullptr);

    using QWidget::update;
    // A new snapshot (GUI thread; the snapshot is immutable and may be shared).
    void update(const live::StationSnapshot& snapshot);

    // The interval shown, one of intervals().
    [[nodiscard]] std::int64_t intervalMs() const { return m_intervalMs; }
    void setIntervalMs(std::int64_t intervalMs);
    [[nodiscard]] static const std::vector<std::int64_t>& intervals();

    [[nodiscard]] bool following() const { return m_following; }
    void setFollowing(bool on);
    [[nodiscard]] int visibleBars() const { return m_visibleBars; }

    // A price or size on its grid as a chart coordinate (display only).
    [[nodiscard]] static double toChart(std::int64_t units, const core::DecimalGrid& grid);
    // The tooltip of a marker (what hovering it shows).
    [[nodiscard]] QString markToolTip(const live::TradeMark& mark) const;

    // What the chart holds, for tests and the main window.
    [[nodiscard]] const CandleHistory& history() const { return m_history; }
    [[nodiscard]] const std::deque<AggregatedBar>& bars() const { return m_bars; }
    // The time window shown (ms since the epoch).
    [[nodiscard]] double windowLeftMs() const { return m_leftMs; }
    [[nodiscard]] double windowRightMs() const { return m_rightMs; }
    [[nodiscard]] const std::vector<live::TradeMark>& entryMarks() const { return m_entryMarks; }
    [[nodiscard]] const std::vector<live::TradeMark>& exitMarks() const { return m_exitMarks; }
    [[nodiscard]] QCandlestickSeries* candleSeries() const { return m_candles; }
    // The volume bars painted for the bars in view (any order).
    [[nodiscard]] const std::vector<VolumeBar>& volumeBars() const;
    [[nodiscard]] QValueAxis* volumeAxis() const { return m_volumeAxis; }
    [[nodiscard]] QScatterSeries* entrySeries() const { return m_entries; }
    [[nodiscard]] QScatterSeries* exitSeries() const { return m_exits; }
    [[nodiscard]] QLineSeries* entryLine() const { return m_entryLine; }
    [[nodiscard]] QLineSeries* stopLine() const { return m_stopLine; }
    [[nodiscard]] QDateTimeAxis* timeAxis() const { return m_timeAxis; }
    [[nodiscard]] QValueAxis* priceAxis() const { return m_priceAxis; }
    [[nodiscard]] QComboBox* intervalBox() const { return m_intervalBox; }
    [[nodiscard]] QToolButton* followButton() const { return m_followButton; }
    [[nodiscard]] PriceChartView* chartView() const { return m_view; }

Q_SIGNALS:
    void intervalChanged(std::int64_t intervalMs);
    void followingChanged(bool on);

private:
    // The bar's candlestick in the price series.
    struct Shown {
        QCandlestickSet* price = nullptr;
    };
    void rebuildBars();
    void syncBars();
    void refreshShown(const AggregatedBar& bar);
    void setValues(const Shown& shown, const AggregatedBar& bar) const;
    void syncMarks(const std::vector<live::TradeMark>& marks);
    void syncPositionLines(const live::StationSnapshot& snapshot);
    void updateWindow();
    void updateRanges(double leftMs, double rightMs);
    void zoom(double steps, double xFraction);
    void scroll(double fraction);
    void showMarkToolTip(const std::vector<live::TradeMark>& marks, const QPointF& point,
                         bool state);
    void enableIntervals();
    [[nodiscard]] double liveEdgeMs() const;
    [[nodiscard]] double spanMs() const;

    CandleHistory m_history;
    // Every bar of the interval that can be scrolled to (up to kKeptBars, the newest), oldest
    // first; plain data, synced from the history on each snapshot.
    std::deque<AggregatedBar> m_bars;
    // The candlesticks in the series: only the bars inside the visible window, by open time
    // (candlesticks sit at their timestamp, so the series needs no order).
    std::map<std::int64_t, Shown> m_shown;
    std::vector<live::TradeMark> m_entryMarks, m_exitMarks;
    std::size_t m_marksSeen = 0;
    std::int64_t m_lastMarkMs = 0;
    core::InstrumentSpec m_instrument = core::InstrumentSpec::btcusdtDefaults();
    std::int64_t m_intervalMs = 1000;
    std::int64_t m_baseIntervalMs = 0;
    int m_visibleBars = kDefaultVisibleBars;
    bool m_following = true;
    double m_rightEdgeMs = 0; // when not following
    double m_entryPrice = 0;  // 0: no line
    double m_stopPrice = 0;
    double m_leftMs = 0, m_rightMs = 0; // the window shown

    QChart* m_chart;
    QCandlestickSeries* m_candles;
    // Empty series: only their legend entries (the bars are painted by the view).
    QCandlestickSeries* m_buyVolume;
    QCandlestickSeries* m_sellVolume;
    QScatterSeries* m_entries;
    QScatterSeries* m_exits;
    QLineSeries* m_entryLine;
    QLineSeries* m_stopLine;
    QDateTimeAxis* m_timeAxis;
    QValueAxis* m_priceAxis;
    QValueAxis* m_volumeAxis;
    PriceChartView* m_view;
    QComboBox* m_intervalBox;
    QToolButton* m_followButton;
};

} // namespace hoga::gui
