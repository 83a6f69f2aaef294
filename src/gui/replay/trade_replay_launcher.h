#pragma once

// Opens the replay window of a journalled trade (JournalPanel::tradeActivated): one window per
// trade — activating a trade whose replay is open brings that window to the front instead of
// starting a second replay. Windows are children of the station's window, so they close with it.

// Qt first: moc 6.4 cannot parse <compare>/<concepts> as the first header it meets.
#include <QHash>
#include <QObject>
#include <QPointer>
#include <QString>

namespace hoga::gui {

class TradeReplayWindow;

class TradeReplayLauncher : public QObject {
    Q_OBJECT

public:
    // `recordingsDir`: where the station's recorder writes (empty when it records nothing).
    TradeReplayLauncher(QString journalPath, QString recordingsDir, QWidget* windowParent);

    // Shows the replay of a trade; returns its window.
    TradeReplayWindow* open(const QString& runId, qint64 tripId, qint64 entryTimeMs,
                            qint64 exitTimeMs);
    [[nodiscard]] QList<TradeReplayWindow*> windows() const;
    [[nodiscard]] const QString& recordingsDir() const { return m_recordingsDir; }

Q_SIGNALS:
    void windowOpened(hoga::gui::TradeReplayWindow* window);

private:
    QString m_journalPath;
    QString m_recordingsDir;
    QWidget* m_windowParent;
    QHash<QString, QPointer<TradeReplayWindow>> m_windows; // by run and trip
};

} // namespace hoga::gui
