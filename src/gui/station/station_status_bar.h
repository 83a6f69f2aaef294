#pragma once

// The station's status bar: the trading mode in a way that can never be mistaken (LIVE in white
// on red), then the connection, messages per second, decision latency p99, reconnects, gaps and
// the GUI thread's longest stall.

// Qt first: moc 6.4 cannot parse <compare>/<concepts> as the first header it meets.
#include <QStatusBar>

#include "live/live_metrics.h"
#include "live/station_runner.h"

#include <optional>

class QLabel;

namespace hoga::gui {

class StationStatusBar : public QStatusBar {
    Q_OBJECT
public:
    explicit StationStatusBar(live::StationMode mode, QWidget* parent = nullptr);

    void showMetrics(const live::LiveMetrics& metrics, qint64 guiStallUs);
    void showMessageText(const QString& text) { showMessage(text, 10000); }
    [[nodiscard]] QString modeText() const;
    [[nodiscard]] QString connectionText() const;

protected:
    void changeEvent(QEvent* event) override;

private:
    void retranslate();

    live::StationMode m_mode;
    QLabel* m_modeLabel;
    QLabel* m_connection;
    QLabel* m_rate;
    QLabel* m_latency;
    QLabel* m_faults;
    QLabel* m_stall;
    std::optional<live::LiveMetrics> m_previous;
};

} // namespace hoga::gui
