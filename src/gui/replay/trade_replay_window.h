#pragma once

// The replay of one journalled trade: the recorded book and tape around it played through a
// session of its own (ReplayDriver), shown in the station's own PriceChart and OrderBookView,
// with the trade's entry and exit from the journal marked on the chart as the replay reaches
// them. A header says what the trade was; a banner says this is recorded data, not a market.
// Controls: play/pause, speed (1×, 5×, 20×, max), the replay's time against the trade and how
// far through the window it is.
//
// Non-modal, one per trade (TradeReplayLauncher), deleted when closed; closing stops the replay
// (its threads are joined before the window goes). When no recording covers the trade, or the
// journal cannot be read, the window says so in place of the chart.

// Qt first: moc 6.4 cannot parse <compare>/<concepts> as the first header it meets.
#include <QDialog>
#include <QElapsedTimer>
#include <QTimer>

#include "gui/replay/replay_trip.h"

#include <memory>

class QComboBox;
class QLabel;
class QProgressBar;
class QPushButton;
class QSplitter;

namespace hoga::gui {

class OrderBookView;
class PriceChart;
class ReplayDriver;

struct TradeReplaySource {
    QString journalPath;
    QString recordingsDir;
    QString runId;
    qint64 tripId = 0;
    qint64 entryTimeMs = 0; // as the journal panel passed them (the journal's own are used
    qint64 exitTimeMs = 0;  // once read)
};

class TradeReplayWindow : public QDialog {
    Q_OBJECT

public:
    static constexpr double kDefaultSpeed = 5;
    static constexpr qint64 kChartIntervalMs = 100; // the station's chart rate (Qt Charts cost)

    explicit TradeReplayWindow(TradeReplaySource source, QWidget* parent = nullptr);
    ~TradeReplayWindow() override;

    // One of the speed box's values (ReplayDriver::kMaxSpeed for max).
    void setSpeed(double speed);
    void setPaused(bool paused);

    [[nodiscard]] const TradeReplaySource& source() const { return m_source; }
    [[nodiscard]] const ReplayTrip& trip() const { return m_trip; }
    // Null when the trade could not be read from the journal.
    [[nodiscard]] ReplayDriver* driver() const { return m_driver.get(); }
    [[nodiscard]] PriceChart* chart() const { return m_chart; }
    [[nodiscard]] OrderBookView* book() const { return m_book; }
    [[nodiscard]] QLabel* headerLabel() const { return m_header; }
    [[nodiscard]] QLabel* statusLabel() const { return m_status; }
    [[nodiscard]] QLabel* messageLabel() const { return m_message; }
    [[nodiscard]] QLabel* timeLabel() const { return m_time; }
    [[nodiscard]] QPushButton* playButton() const { return m_play; }
    [[nodiscard]] QComboBox* speedBox() const { return m_speed; }
    [[nodiscard]] QProgressBar* progressBar() const { return m_progress; }
    // The snapshot sequence last shown (0: none yet) and the marks it carried.
    [[nodiscard]] std::uint64_t shownSequence() const { return m_shownSequence; }
    [[nodiscard]] std::size_t shownMarks() const { return m_shownMarks; }

Q_SIGNALS:
    void replayPlanned();
    void replayFinished();

protected:
    void closeEvent(QCloseEvent* event) override;
    void changeEvent(QEvent* event) override;

private:
    QWidget* buildControls();
    void retranslate();
    void showPlan();
    void showPlanMessage();
    void refresh();
    void refreshStatus();
    void showFailure(const QString& text);

    TradeReplaySource m_source;
    ReplayTrip m_trip;
    bool m_tripRead = false;
    bool m_planShown = false;
    std::unique_ptr<ReplayDriver> m_driver;

    QLabel* m_banner = nullptr;
    QLabel* m_header = nullptr;
    QLabel* m_message = nullptr;
    QLabel* m_status = nullptr;
    QLabel* m_time = nullptr;
    QPushButton* m_play = nullptr;
    QComboBox* m_speed = nullptr;
    QProgressBar* m_progress = nullptr;
    QSplitter* m_views = nullptr;
    PriceChart* m_chart = nullptr;
    OrderBookView* m_book = nullptr;

    QTimer m_timer;
    QElapsedTimer m_chartClock;
    std::uint64_t m_shownSequence = 0;
    std::size_t m_shownMarks = 0;
};

} // namespace hoga::gui
