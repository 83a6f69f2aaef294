#include "station_views.h"

#include "gui/charts/price_chart.h"
#include "gui/params/session_params_link.h"
#include "gui/params/threshold_editor.h"
#include "gui/params/what_if_panel.h"
#include "gui/recording_files.h"
#include "gui/views/order_book_view.h"
#include "gui/views/position_panel.h"
#include "gui/views/signal_panel.h"

#include <QDockWidget>
#include <QMainWindow>
#include <QScrollArea>
#include <QTimer>
#include <QVBoxLayout>

namespace hoga::gui {

StationViews::StationViews(QMainWindow& window, QVBoxLayout& central, live::StationRunner& runner,
                           QObject* parent)
    : QObject(parent), m_window(window), m_runner(runner),
      m_chart(new PriceChart(central.parentWidget())), m_book(new OrderBookView(&window)),
      m_signals(new SignalPanel(&window)), m_position(new PositionPanel(&window)),
      m_thresholds(new ThresholdEditor(&window)), m_whatIf(new WhatIfPanel(&window)),
      m_link(new SessionParamsLink(m_thresholds, nullptr, this)) {
    central.addWidget(m_chart, 1);
    m_book->setMinimumHeight(360); // both sides of the touch, whatever the docks around it
    dock(m_book, "orderBookDock", Qt::RightDockWidgetArea, [] { return tr("Order book"); });
    dock(m_signals, "signalDock", Qt::RightDockWidgetArea, [] { return tr("Signals"); });
    dock(m_position, "positionDock", Qt::RightDockWidgetArea,
         [] { return tr("Position and account"); });
    auto* scroll = new QScrollArea(&window);
    scroll->setWidget(m_thresholds);
    scroll->setWidgetResizable(true);
    // Thresholds and what-if sit side by side under the chart, as tabs beside the journal
    // (placeTabs): the chart and the book keep the most room.
    m_thresholdDock =
        dock(scroll, "thresholdDock", Qt::BottomDockWidgetArea, [] { return tr("Thresholds"); });
    m_whatIfDock =
        dock(m_whatIf, "whatIfDock", Qt::BottomDockWidgetArea, [] { return tr("What-if"); });
    window.splitDockWidget(m_thresholdDock, m_whatIfDock, Qt::Horizontal);

    // The editor's edits drive the what-if comparison; its applies go to the engine.
    connect(m_thresholds, &ThresholdEditor::paramsEdited, m_whatIf, &WhatIfPanel::setEditedParams);
    m_whatIf->setCurrentParams(runner.options().trader.params);
    m_thresholds->setCurrent(runner.options().trader.params);
    connect(&runner, &live::StationRunner::started, this, [this] {
        m_link->setSession(m_runner.session());
        m_thresholds->setSessionRunning(true);
    });
}

QDockWidget* StationViews::dock(QWidget* widget, const char* name, Qt::DockWidgetArea area,
                                std::function<QString()> title) {
    auto* d = new QDockWidget(&m_window);
    d->setObjectName(QString::fromLatin1(name));
    d->setWidget(widget);
    m_window.addDockWidget(area, d);
    addDock(d, std::move(title));
    return d;
}

void StationViews::addDock(QDockWidget* dock, std::function<QString()> title) {
    dock->setWindowTitle(title());
    m_docks.emplace_back(dock, std::move(title));
}

void StationViews::placeTabs(QDockWidget* journal) {
    m_window.tabifyDockWidget(m_whatIfDock, journal);
    m_thresholdDock->raise();
    m_whatIfDock->raise();
    auto* book = m_window.findChild<QDockWidget*>(QStringLiteral("orderBookDock"));
    auto* signalDock = m_window.findChild<QDockWidget*>(QStringLiteral("signalDock"));
    auto* position = m_window.findChild<QDockWidget*>(QStringLiteral("positionDock"));
    // Sizes apply once the window is laid out (after show), and only without a saved layout.
    QTimer::singleShot(0, this, [this, book, signalDock, position] {
        if (book && signalDock && position) {
            // The ladder gets the height: it is read constantly; signals and account are short.
            m_window.resizeDocks({book}, {430}, Qt::Horizontal);
            m_window.resizeDocks({book, signalDock, position}, {560, 200, 280}, Qt::Vertical);
        }
        m_window.resizeDocks({m_thresholdDock}, {260}, Qt::Vertical);
    });
}

void StationViews::retranslate() {
    for (auto& [dock, title] : m_docks) {
        dock->setWindowTitle(title());
    }
}

void StationViews::update(const live::StationSnapshot& snapshot) {
    // Qt Charts repaints the whole plot on any change: at most every kChartIntervalMs (the forming
    // candle moves smoothly enough at 10 Hz); the ladder and the panels follow every snapshot.
    if (!m_chartClock.isValid() || m_chartClock.elapsed() >= kChartIntervalMs) {
        m_chartClock.start();
        m_chart->update(snapshot);
    }
    m_book->update(snapshot);
    m_signals->update(snapshot);
    m_position->update(snapshot);
    if (m_link->refresh()) {
        m_whatIf->setCurrentParams(snapshot.params);
    }
    // What this session has recorded is the what-if's first source; the list changes hourly.
    const std::string& dir = m_runner.options().trader.recordDir;
    if (!dir.empty() && snapshot.sequence % 300 == 1) {
        // In replay order (a plain sort by name puts `_HH.1.gz` before `_HH.gz`).
        m_whatIf->setSessionRecordings(recordingPaths(listRecordings(QString::fromStdString(dir))));
    }
}

} // namespace hoga::gui
