#include "station_status_bar.h"

#include <QEvent>
#include <QLabel>

namespace hoga::gui {

StationStatusBar::StationStatusBar(live::StationMode mode, QWidget* parent)
    : QStatusBar(parent), m_mode(mode), m_modeLabel(new QLabel(this)),
      m_connection(new QLabel(this)), m_rate(new QLabel(this)), m_latency(new QLabel(this)),
      m_faults(new QLabel(this)), m_stall(new QLabel(this)) {
    m_modeLabel->setObjectName(QStringLiteral("modeLabel"));
    m_connection->setObjectName(QStringLiteral("connectionLabel"));
    QString style;
    switch (mode) {
    case live::StationMode::Live:
        style =
            QStringLiteral("background:#c62828; color:white; font-weight:bold; padding:2px 8px;");
        break;
    case live::StationMode::Testnet:
        style =
            QStringLiteral("background:#6a1b9a; color:white; font-weight:bold; padding:2px 8px;");
        break;
    case live::StationMode::Paper:
        style =
            QStringLiteral("background:#1565c0; color:white; font-weight:bold; padding:2px 8px;");
        break;
    case live::StationMode::Demo:
        style =
            QStringLiteral("background:#f9a825; color:black; font-weight:bold; padding:2px 8px;");
        break;
    }
    m_modeLabel->setStyleSheet(style);
    addWidget(m_modeLabel);
    addWidget(m_connection);
    addPermanentWidget(m_rate);
    addPermanentWidget(m_latency);
    addPermanentWidget(m_faults);
    addPermanentWidget(m_stall);
    retranslate();
}

QString StationStatusBar::modeText() const {
    return m_modeLabel->text();
}

QString StationStatusBar::connectionText() const {
    return m_connection->text();
}

void StationStatusBar::changeEvent(QEvent* event) {
    if (event->type() == QEvent::LanguageChange) {
        retranslate();
    }
    QStatusBar::changeEvent(event);
}

void StationStatusBar::retranslate() {
    m_modeLabel->setText(live::stationModeLabel(m_mode));
    m_modeLabel->setToolTip(m_mode == live::StationMode::Demo
                                ? tr("A replay of recorded Binance data through the local "
                                     "exchange simulator: not a live market, no real money")
                            : m_mode == live::StationMode::Live
                                ? tr("Real orders with real money")
                                : tr("Live market data, simulated fills"));
    if (m_connection->text().isEmpty()) {
        m_connection->setText(tr("starting…"));
    }
}

void StationStatusBar::showMetrics(const live::LiveMetrics& m, qint64 guiStallUs) {
    const auto& s = m.status;
    m_connection->setText(tr("feed %1 · book %2")
                              .arg(QString::fromUtf8(binance::feedHealthName(s.feedHealth)),
                                   QString::fromUtf8(binance::syncStateName(s.syncState))));
    m_connection->setToolTip(QString::fromStdString(s.feedDetail + "\n" + s.syncReason));
    std::int64_t messages = 0;
    for (const std::int64_t n : m.feed.messages) {
        messages += n;
    }
    if (m_previous && m.takenAtMs > m_previous->takenAtMs) {
        std::int64_t before = 0;
        for (const std::int64_t n : m_previous->feed.messages) {
            before += n;
        }
        const double rate = static_cast<double>(messages - before) * 1000.0 /
                            static_cast<double>(m.takenAtMs - m_previous->takenAtMs);
        m_rate->setText(tr("%1 msg/s").arg(rate, 0, 'f', 0));
    }
    const auto& d = m.latencies.decision;
    m_latency->setText(
        d.empty() ? tr("p99 –")
                  : tr("p99 %1 µs").arg(static_cast<double>(d.percentile(99)) / 1000.0, 0, 'f', 0));
    m_latency->setToolTip(tr("Frame arrival to the engine's decision"));
    m_faults->setText(tr("reconnects %1 · gaps %2").arg(m.feed.reconnects).arg(s.sync.gaps));
    m_stall->setText(
        tr("GUI stall %1 ms").arg(static_cast<double>(guiStallUs) / 1000.0, 0, 'f', 1));
    m_stall->setToolTip(tr("The GUI thread's longest stall since the start"));
    m_previous = m;
}

} // namespace hoga::gui
