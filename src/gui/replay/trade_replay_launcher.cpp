#include "gui/replay/trade_replay_launcher.h"

#include "gui/replay/trade_replay_window.h"

namespace hoga::gui {

TradeReplayLauncher::TradeReplayLauncher(QString journalPath, QString recordingsDir,
                                         QWidget* windowParent)
    : QObject(windowParent), m_journalPath(std::move(journalPath)),
      m_recordingsDir(std::move(recordingsDir)), m_windowParent(windowParent) {}

TradeReplayWindow* TradeReplayLauncher::open(const QString& runId, qint64 tripId,
                                             qint64 entryTimeMs, qint64 exitTimeMs) {
    const QString key = runId + QLatin1Char('\n') + QString::number(tripId);
    // A window being closed (hidden, deleted later) does not count.
    if (TradeReplayWindow* shown = m_windows.value(key); shown && shown->isVisible()) {
        shown->raise();
        shown->activateWindow();
        return shown;
    }
    TradeReplaySource source;
    source.journalPath = m_journalPath;
    source.recordingsDir = m_recordingsDir;
    source.runId = runId;
    source.tripId = tripId;
    source.entryTimeMs = entryTimeMs;
    source.exitTimeMs = exitTimeMs;
    auto* window = new TradeReplayWindow(std::move(source), m_windowParent);
    m_windows.insert(key, window);
    connect(window, &QObject::destroyed, this, [this, key] {
        if (!m_windows.value(key)) { // not replaced by a newer window of the same trade
            m_windows.remove(key);
        }
    });
    window->show();
    Q_EMIT windowOpened(window);
    return window;
}

QList<TradeReplayWindow*> TradeReplayLauncher::windows() const {
    QList<TradeReplayWindow*> out;
    for (const auto& w : m_windows) {
        if (w) {
            out.append(w);
        }
    }
    return out;
}

} // namespace hoga::gui
