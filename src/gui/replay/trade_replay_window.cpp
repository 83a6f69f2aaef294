#include "gui/replay/trade_replay_window.h"

#include "gui/charts/price_chart.h"
#include "gui/replay/replay_driver.h"
#include "gui/replay/replay_text.h"
#include "gui/views/book_health.h"
#include "gui/views/order_book_view.h"

#include <QCloseEvent>
#include <QComboBox>
#include <QHBoxLayout>
#include <QLabel>
#include <QProgressBar>
#include <QPushButton>
#include <QSplitter>
#include <QVBoxLayout>

#include <algorithm>
#include <array>

namespace hoga::gui {

namespace {

constexpr std::array<double, 4> kSpeeds = {1, 5, 20, ReplayDriver::kMaxSpeed};
constexpr int kProgressSteps = 1000;

QLabel* label(const char* objectName, QWidget* parent) {
    auto* l = new QLabel(parent);
    l->setObjectName(QString::fromLatin1(objectName));
    return l;
}

} // namespace

TradeReplayWindow::TradeReplayWindow(TradeReplaySource source, QWidget* parent)
    : QDialog(parent), m_source(std::move(source)) {
    setObjectName(QStringLiteral("tradeReplayWindow"));
    setWindowFlag(Qt::Window);
    setModal(false);
    setAttribute(Qt::WA_DeleteOnClose);
    resize(1200, 760);

    m_banner = label("replayBanner", this);
    m_banner->setAlignment(Qt::AlignCenter);
    m_banner->setWordWrap(true);
    // The demo banner's colour: recorded data, not a market.
    m_banner->setStyleSheet(
        QStringLiteral("background:#f9a825; color:black; font-weight:bold; padding:4px;"));
    m_header = label("tripHeader", this);
    m_header->setTextInteractionFlags(Qt::TextSelectableByMouse);
    m_header->setStyleSheet(QStringLiteral("font-weight:bold; padding:2px 4px;"));
    m_message = label("replayMessage", this);
    m_message->setWordWrap(true);
    m_message->setTextInteractionFlags(Qt::TextSelectableByMouse);
    m_message->hide();

    m_chart = new PriceChart(this);
    m_chart->setObjectName(QStringLiteral("replayChart"));
    m_book = new OrderBookView(this);
    m_book->setObjectName(QStringLiteral("replayBook"));
    m_views = new QSplitter(Qt::Horizontal, this);
    m_views->addWidget(m_chart);
    m_views->addWidget(m_book);
    m_views->setStretchFactor(0, 3);
    m_views->setStretchFactor(1, 1);

    auto* layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 4);
    layout->addWidget(m_banner);
    layout->addWidget(m_header);
    layout->addWidget(buildControls());
    layout->addWidget(m_message);
    layout->addWidget(m_views, 1);

    QString error;
    m_tripRead =
        readReplayTrip(m_source.journalPath, m_source.runId, m_source.tripId, m_trip, error);
    retranslate();
    if (!m_tripRead) {
        showFailure(tr("Cannot read the trade from the journal: %1").arg(error));
        return;
    }
    m_driver = std::make_unique<ReplayDriver>(m_source.recordingsDir, m_trip.trip.entryTimeMs,
                                              m_trip.trip.exitTimeMs, m_trip.params);
    m_driver->setSpeed(kDefaultSpeed);
    connect(m_driver.get(), &ReplayDriver::planned, this, &TradeReplayWindow::showPlan);
    connect(m_driver.get(), &ReplayDriver::finished, this, [this] {
        refresh();
        Q_EMIT replayFinished();
    });
    connect(&m_timer, &QTimer::timeout, this, &TradeReplayWindow::refresh);
    m_timer.start(33); // the session publishes at most ~30 snapshots a second
    m_driver->start();
    refreshStatus();
}

TradeReplayWindow::~TradeReplayWindow() {
    m_timer.stop();
    m_driver.reset(); // joins the replay's threads before the views go
}

QWidget* TradeReplayWindow::buildControls() {
    auto* row = new QWidget(this);
    m_play = new QPushButton(row);
    m_play->setObjectName(QStringLiteral("replayPlayPause"));
    m_play->setCheckable(true); // checked: paused
    m_speed = new QComboBox(row);
    m_speed->setObjectName(QStringLiteral("replaySpeed"));
    for (const double s : kSpeeds) {
        m_speed->addItem(QString(), s);
    }
    m_speed->setCurrentIndex(m_speed->findData(kDefaultSpeed));
    m_time = label("replayTime", row);
    m_time->setMinimumWidth(m_time->fontMetrics().horizontalAdvance(
        QStringLiteral("00:00:00.000 UTC (entry +0:00:00)  ")));
    m_progress = new QProgressBar(row);
    m_progress->setObjectName(QStringLiteral("replayProgress"));
    m_progress->setRange(0, kProgressSteps);
    m_progress->setTextVisible(false);
    m_status = label("replayStatus", row);

    connect(m_play, &QPushButton::toggled, this, [this](bool paused) {
        if (m_driver) {
            m_driver->setPaused(paused);
        }
        retranslate();
        refreshStatus();
    });
    connect(m_speed, &QComboBox::currentIndexChanged, this, [this] {
        if (m_driver) {
            m_driver->setSpeed(m_speed->currentData().toDouble());
        }
        refreshStatus();
    });

    auto* layout = new QHBoxLayout(row);
    layout->setContentsMargins(4, 0, 4, 0);
    layout->addWidget(m_play);
    layout->addWidget(m_speed);
    layout->addWidget(m_time);
    layout->addWidget(m_progress, 1);
    layout->addWidget(m_status, 2);
    return row;
}

void TradeReplayWindow::setSpeed(double speed) {
    const int index = m_speed->findData(speed);
    if (index >= 0) {
        m_speed->setCurrentIndex(index);
    }
}

void TradeReplayWindow::setPaused(bool paused) {
    m_play->setChecked(paused);
}

void TradeReplayWindow::retranslate() {
    const JournalTrip& t = m_trip.trip;
    setWindowTitle(m_tripRead ? tr("Replay of trade %1 (%2) — recorded data")
                                    .arg(t.tripId)
                                    .arg(ReplayText::span(t.entryTimeMs, t.exitTimeMs))
                              : tr("Replay of trade %1 — recorded data").arg(m_source.tripId));
    m_banner->setText(tr("REPLAY · RECORDED DATA — the market as it was recorded around this "
                         "trade. Not a live market: nothing is traded or journalled here."));
    m_header->setText(m_tripRead
                          ? ReplayText::header(t)
                          : tr("Trade %1 of run %2").arg(m_source.tripId).arg(m_source.runId));
    m_play->setText(m_play->isChecked() ? tr("Play") : tr("Pause"));
    m_play->setToolTip(tr("Pause or resume the replay"));
    for (int i = 0; i < m_speed->count(); ++i) {
        m_speed->setItemText(i, ReplayText::speedLabel(m_speed->itemData(i).toDouble()));
    }
    m_speed->setToolTip(tr("Recorded seconds per second"));
    m_progress->setToolTip(tr("How far through the replay window (the trade with two minutes "
                              "before and one after)"));
    if (m_planShown) {
        showPlanMessage();
    }
}

void TradeReplayWindow::changeEvent(QEvent* event) {
    if (event->type() == QEvent::LanguageChange && m_banner) {
        retranslate();
    }
    QDialog::changeEvent(event);
}

void TradeReplayWindow::showFailure(const QString& text) {
    m_message->setText(text);
    m_message->setStyleSheet(QStringLiteral("color:#c62828; font-size:14pt; padding:24px;"));
    m_message->setAlignment(Qt::AlignCenter);
    m_message->show();
    m_views->hide();
    m_play->setEnabled(false);
    m_speed->setEnabled(false);
    m_progress->setEnabled(false);
    m_status->setText(tr("Nothing to replay"));
    if (auto* box = qobject_cast<QBoxLayout*>(layout())) {
        box->setStretchFactor(m_message, 1); // the message takes the chart's place
    }
}

void TradeReplayWindow::showPlan() {
    m_planShown = true;
    showPlanMessage();
    refreshStatus();
    Q_EMIT replayPlanned();
}

void TradeReplayWindow::showPlanMessage() {
    const ReplayPlan& plan = m_driver->plan();
    if (plan.outcome != ReplayPlan::Outcome::Ready) {
        showFailure(ReplayText::failure(plan, m_trip.trip.entryTimeMs, m_trip.trip.exitTimeMs,
                                        m_driver->recordingsDir()));
    } else {
        QStringList notes = ReplayText::notes(plan, m_trip.trip.exitTimeMs);
        if (!m_trip.paramsProblem.isEmpty()) {
            notes << tr("The run's parameters could not be read (%1): candles and features use "
                        "the demo parameters.")
                         .arg(m_trip.paramsProblem);
        }
        m_message->setText(notes.join(QLatin1Char('\n')));
        m_message->setStyleSheet(QStringLiteral("color:#e65100; padding:2px 4px;"));
        m_message->setVisible(!notes.isEmpty());
    }
}

void TradeReplayWindow::refresh() {
    refreshStatus();
    const std::shared_ptr<const live::StationSnapshot> snapshot = m_driver->snapshot();
    if (!snapshot || snapshot->sequence == m_shownSequence) {
        return;
    }
    m_shownSequence = snapshot->sequence;
    // The journal's fills of this trade, each once the replay has reached it (the replay's own
    // session never trades, so these are the only marks).
    live::StationSnapshot shown = *snapshot;
    shown.marks.clear();
    for (const live::TradeMark& mark : m_trip.marks) {
        if (mark.timeMs <= snapshot->marketTimeMs) {
            shown.marks.push_back(mark);
        }
    }
    const bool newMarks = shown.marks.size() != m_shownMarks;
    m_shownMarks = shown.marks.size();
    const bool last = m_driver->phase() == ReplayDriver::Phase::Finished;
    if (newMarks || last || !m_chartClock.isValid() || m_chartClock.elapsed() >= kChartIntervalMs) {
        m_chartClock.start();
        m_chart->update(shown);
    }
    m_book->update(shown);
    m_time->setText(ReplayText::position(snapshot->marketTimeMs, m_trip.trip.entryTimeMs,
                                         m_trip.trip.exitTimeMs));
}

void TradeReplayWindow::refreshStatus() {
    if (!m_driver) {
        return;
    }
    const ReplayPlan& plan = m_driver->plan();
    const auto phase = m_driver->phase();
    if (phase == ReplayDriver::Phase::Playing || phase == ReplayDriver::Phase::Finished) {
        const auto span = static_cast<double>(std::max<qint64>(1, plan.endMs - plan.startMs));
        const double done = static_cast<double>(m_driver->playedMs() - plan.startMs) / span;
        m_progress->setValue(phase == ReplayDriver::Phase::Finished
                                 ? kProgressSteps
                                 : static_cast<int>(std::clamp(done, 0.0, 1.0) * kProgressSteps));
    }
    const std::shared_ptr<const live::StationSnapshot> snapshot = m_driver->snapshot();
    const QString book = snapshot ? BookHealth::syncStateLabel(snapshot->syncState) : QString();
    QString text;
    switch (phase) {
    case ReplayDriver::Phase::Planning:
        text = tr("Looking for the recordings of this trade…");
        break;
    case ReplayDriver::Phase::FastForward:
        text = tr("Fast-forwarding from the depth snapshot at %1 to %2 to sync the book…")
                   .arg(ReplayText::clock(plan.snapshotMs), ReplayText::clock(plan.startMs));
        break;
    case ReplayDriver::Phase::Playing:
        text = m_driver->paused() ? tr("Paused · book: %1").arg(book)
                                  : tr("Playing at %1 · book: %2")
                                        .arg(ReplayText::speedLabel(m_driver->speed()), book);
        break;
    case ReplayDriver::Phase::Finished:
        text = tr("End of the replay (%1) · book: %2").arg(ReplayText::clock(plan.endMs), book);
        m_play->setEnabled(false); // nothing left to pause
        break;
    case ReplayDriver::Phase::Failed:
        text = tr("Nothing to replay");
        break;
    }
    m_status->setText(text);
}

void TradeReplayWindow::closeEvent(QCloseEvent* event) {
    m_timer.stop();
    if (m_driver) {
        m_driver->stop(); // before the window is deleted: no replay thread outlives it
    }
    QDialog::closeEvent(event);
}

} // namespace hoga::gui
