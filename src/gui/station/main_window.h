#pragma once

// The station's main window: dockable panels around the price chart (layout and choices kept with
// QSettings), a banner and a status bar that always say which mode this is, the Trading menu
// (start/stop entries, flatten with confirmation), API keys, language. It reads the session only
// through snapshots (≤ 30 per second) and talks to it only through queued commands.

// Qt first: moc 6.4 cannot parse <compare>/<concepts> as the first header it meets.
#include <QMainWindow>
#include <QTimer>

#include "live/station_runner.h"

#include <memory>

class QAction;
class QLabel;
class QMessageBox;

namespace hoga::platform {
class KeychainStore;
}

namespace hoga::gui {

class JournalPanel;
class StationStatusBar;
class StallMeter;
class StationViews;
class TradeReplayLauncher;

class MainWindow : public QMainWindow {
    Q_OBJECT
public:
    MainWindow(live::StationRunner& runner, platform::KeychainStore& keychain, QString journalPath,
               QWidget* parent = nullptr);
    ~MainWindow() override;

    // The snapshot sequence last shown (tests wait for data with it).
    [[nodiscard]] std::uint64_t shownSequence() const { return m_shownSequence; }
    [[nodiscard]] StallMeter& stallMeter() { return *m_stall; }
    [[nodiscard]] QAction* flattenAction() const { return m_flatten; }
    [[nodiscard]] QAction* tradingAction() const { return m_trading; }
    [[nodiscard]] StationViews& views() { return *m_views; }
    [[nodiscard]] JournalPanel* journalPanel() const { return m_journal; }
    // Opens the replay of a trade the journal panel activated.
    [[nodiscard]] TradeReplayLauncher* replays() const { return m_replays; }

Q_SIGNALS:
    // The trader confirmed "flatten" (tests and the log see it).
    void flattenRequested();

protected:
    void closeEvent(QCloseEvent* event) override;
    void changeEvent(QEvent* event) override;

private:
    void buildMenus();
    void retranslate();
    void refresh();
    void refreshStatus();
    void askFlatten();
    void setTakingEntries(bool on);
    void openApiKeys();
    void chooseLanguage(const QString& code);
    void restoreLayout();
    void saveLayout();

    live::StationRunner& m_runner;
    platform::KeychainStore& m_keychain;
    QString m_journalPath;
    QLabel* m_banner = nullptr;
    StationStatusBar* m_status = nullptr;
    std::unique_ptr<StallMeter> m_stall;
    StationViews* m_views = nullptr;
    JournalPanel* m_journal = nullptr;
    TradeReplayLauncher* m_replays = nullptr;
    QTimer m_snapshotTimer;
    QTimer m_statusTimer;
    std::uint64_t m_shownSequence = 0;
    QMenu* m_tradingMenu = nullptr;
    QMenu* m_viewMenu = nullptr;
    QMenu* m_settingsMenu = nullptr;
    QMenu* m_languageMenu = nullptr;
    QAction* m_trading = nullptr;
    QAction* m_flatten = nullptr;
    QAction* m_apiKeys = nullptr;
    QAction* m_quit = nullptr;
};

} // namespace hoga::gui
