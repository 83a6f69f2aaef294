#pragma once

// The station's panels and how a snapshot reaches them: the price chart in the centre, the order
// book, signals, position, thresholds and what-if as docks. Each view gets the same immutable
// snapshot; the threshold editor's applies go to the engine as one queued, validated command.

// Qt first: moc 6.4 cannot parse <compare>/<concepts> as the first header it meets.
#include <QElapsedTimer>
#include <QObject>

#include "live/station_runner.h"

#include <functional>
#include <vector>

class QDockWidget;
class QMainWindow;
class QVBoxLayout;

namespace hoga::gui {

class PriceChart;
class OrderBookView;
class SignalPanel;
class PositionPanel;
class ThresholdEditor;
class WhatIfPanel;
class SessionParamsLink;

class StationViews : public QObject {
    Q_OBJECT
public:
    StationViews(QMainWindow& window, QVBoxLayout& central, live::StationRunner& runner,
                 QObject* parent = nullptr);

    void update(const live::StationSnapshot& snapshot);
    void retranslate();
    // First-run layout: the journal tabbed with what-if under the chart.
    void placeTabs(QDockWidget* journal);
    // A dock whose title `title()` gives in the current language.
    void addDock(QDockWidget* dock, std::function<QString()> title);

    [[nodiscard]] PriceChart* chart() const { return m_chart; }
    [[nodiscard]] OrderBookView* book() const { return m_book; }
    [[nodiscard]] SignalPanel* signalPanel() const { return m_signals; }
    [[nodiscard]] PositionPanel* position() const { return m_position; }
    [[nodiscard]] ThresholdEditor* thresholds() const { return m_thresholds; }
    [[nodiscard]] WhatIfPanel* whatIf() const { return m_whatIf; }

private:
    QDockWidget* dock(QWidget* widget, const char* name, Qt::DockWidgetArea area,
                      std::function<QString()> title);

    QMainWindow& m_window;
    live::StationRunner& m_runner;
    PriceChart* m_chart;
    OrderBookView* m_book;
    SignalPanel* m_signals;
    PositionPanel* m_position;
    ThresholdEditor* m_thresholds;
    WhatIfPanel* m_whatIf;
    SessionParamsLink* m_link;
    static constexpr qint64 kChartIntervalMs = 100;
    QElapsedTimer m_chartClock;
    QDockWidget* m_thresholdDock = nullptr;
    QDockWidget* m_whatIfDock = nullptr;
    std::vector<std::pair<QDockWidget*, std::function<QString()>>> m_docks;
};

} // namespace hoga::gui
