#include "main_window.h"

#include "gui/dialogs/api_key_dialog.h"
#include "gui/journal_panel.h"
#include "gui/replay/trade_replay_launcher.h"
#include "gui/stall_meter.h"
#include "gui/station/station_status_bar.h"
#include "gui/station/station_views.h"
#include "gui/translator.h"
#include "platform/logging.h"

#include <QActionGroup>
#include <QApplication>
#include <QCloseEvent>
#include <QDockWidget>
#include <QKeySequence>
#include <QLabel>
#include <QMenuBar>
#include <QMessageBox>
#include <QSettings>
#include <QVBoxLayout>

namespace hoga::gui {

MainWindow::MainWindow(live::StationRunner& runner, platform::KeychainStore& keychain,
                       QString journalPath, QWidget* parent)
    : QMainWindow(parent), m_runner(runner), m_keychain(keychain),
      m_journalPath(std::move(journalPath)), m_stall(std::make_unique<StallMeter>(5)) {
    setObjectName(QStringLiteral("hogaMainWindow"));
    setDockOptions(QMainWindow::AnimatedDocks | QMainWindow::AllowNestedDocks |
                   QMainWindow::AllowTabbedDocks);

    // The banner is part of the central area, above the chart: it cannot be docked away.
    auto* central = new QWidget(this);
    auto* layout = new QVBoxLayout(central);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->setSpacing(0);
    m_banner = new QLabel(central);
    m_banner->setObjectName(QStringLiteral("modeBanner"));
    m_banner->setAlignment(Qt::AlignCenter);
    const bool live = runner.mode() == live::StationMode::Live;
    const bool demo = runner.mode() == live::StationMode::Demo;
    m_banner->setStyleSheet(live   ? QStringLiteral("background:#c62828; color:white; "
                                                      "font-weight:bold; padding:4px;")
                            : demo ? QStringLiteral("background:#f9a825; color:black; "
                                                    "font-weight:bold; padding:4px;")
                                   : QStringLiteral("background:#1565c0; color:white; "
                                                    "font-weight:bold; padding:4px;"));
    layout->addWidget(m_banner);
    setCentralWidget(central);

    m_views = new StationViews(*this, *layout, runner, this);
    m_journal = new JournalPanel(this);
    auto* journalDock = new QDockWidget(this);
    journalDock->setObjectName(QStringLiteral("journalDock"));
    journalDock->setWidget(m_journal);
    addDockWidget(Qt::BottomDockWidgetArea, journalDock);
    m_views->addDock(journalDock, [] { return tr("Trade journal"); });
    if (!QSettings().contains(QStringLiteral("window/state"))) {
        m_views->placeTabs(journalDock);
    }
    m_journal->openJournal(m_journalPath);
    // Double-clicking a trade replays the recorded market around it.
    m_replays = new TradeReplayLauncher(
        m_journalPath, QString::fromStdString(runner.options().trader.recordDir), this);
    connect(m_journal, &JournalPanel::tradeActivated, m_replays, &TradeReplayLauncher::open);

    m_status = new StationStatusBar(runner.mode(), this);
    setStatusBar(m_status);
    buildMenus();
    retranslate();
    restoreLayout();

    m_snapshotTimer.setObjectName(QStringLiteral("snapshotTimer")); // as --profile-gui names it
    m_statusTimer.setObjectName(QStringLiteral("statusTimer"));
    connect(&m_snapshotTimer, &QTimer::timeout, this, &MainWindow::refresh);
    m_snapshotTimer.start(33); // ≤ 30 snapshots a second
    connect(&m_statusTimer, &QTimer::timeout, this, &MainWindow::refreshStatus);
    m_statusTimer.start(500);
    // The stall that matters is the steady state's, not the start's (decoding the recording,
    // first layout): measure from a few seconds after the session runs.
    connect(&runner, &live::StationRunner::started, this,
            [this] { QTimer::singleShot(5000, this, [this] { m_stall->reset(); }); });
    connect(&runner, &live::StationRunner::failed, this, [this](const QString& why) {
        m_status->showMessageText(why);
        QMessageBox::warning(this, tr("Hoga"), why);
    });
    m_stall->start();
}

MainWindow::~MainWindow() = default;

void MainWindow::buildMenus() {
    m_tradingMenu = menuBar()->addMenu(QString());
    m_trading = m_tradingMenu->addAction(QString());
    m_trading->setObjectName(QStringLiteral("tradingAction"));
    m_trading->setCheckable(true);
    m_trading->setChecked(true);
    m_trading->setShortcut(QKeySequence(Qt::CTRL | Qt::Key_T));
    connect(m_trading, &QAction::toggled, this, &MainWindow::setTakingEntries);
    m_flatten = m_tradingMenu->addAction(QString());
    m_flatten->setObjectName(QStringLiteral("flattenAction"));
    m_flatten->setShortcut(QKeySequence(Qt::CTRL | Qt::SHIFT | Qt::Key_F));
    connect(m_flatten, &QAction::triggered, this, &MainWindow::askFlatten);
    m_tradingMenu->addSeparator();
    m_quit = m_tradingMenu->addAction(QString());
    m_quit->setShortcut(QKeySequence::Quit);
    connect(m_quit, &QAction::triggered, this, &QWidget::close);

    m_viewMenu = menuBar()->addMenu(QString());
    for (QDockWidget* dock : findChildren<QDockWidget*>()) {
        m_viewMenu->addAction(dock->toggleViewAction());
    }

    m_settingsMenu = menuBar()->addMenu(QString());
    m_apiKeys = m_settingsMenu->addAction(QString());
    connect(m_apiKeys, &QAction::triggered, this, &MainWindow::openApiKeys);
    m_languageMenu = m_settingsMenu->addMenu(QString());
    auto* group = new QActionGroup(this);
    const QString chosen = QSettings().value(QStringLiteral("ui/language")).toString();
    QAction* system = m_languageMenu->addAction(QString());
    system->setObjectName(QStringLiteral("languageSystem"));
    system->setCheckable(true);
    system->setChecked(chosen.isEmpty());
    group->addAction(system);
    connect(system, &QAction::triggered, this, [this] { chooseLanguage(QString()); });
    for (const QString& code : availableLanguages()) {
        QAction* a = m_languageMenu->addAction(nativeLanguageName(code));
        a->setObjectName(QStringLiteral("language_") + code);
        a->setCheckable(true);
        a->setChecked(chosen == code);
        group->addAction(a);
        connect(a, &QAction::triggered, this, [this, code] { chooseLanguage(code); });
    }
}

void MainWindow::retranslate() {
    setWindowTitle(
        tr("Hoga — BTCUSDT order flow (%1)").arg(live::stationModeLabel(m_runner.mode())));
    switch (m_runner.mode()) {
    case live::StationMode::Demo:
        m_banner->setText(
            tr("REPLAY · DEMO — recorded Binance BTCUSDT data (2024-08-08) through the "
               "local exchange simulator. Not a live market; paper fills only."));
        break;
    case live::StationMode::Paper:
        m_banner->setText(tr("PAPER — live Binance market data, simulated fills. No real orders."));
        break;
    case live::StationMode::Testnet:
        m_banner->setText(tr("TESTNET — Binance's test exchange. No real money."));
        break;
    case live::StationMode::Live:
        m_banner->setText(tr("LIVE — real orders with real money."));
        break;
    }
    m_tradingMenu->setTitle(tr("&Trading"));
    m_trading->setText(tr("Take new &entries"));
    m_trading->setToolTip(tr("When off, no new position is opened; exits keep working"));
    m_flatten->setText(tr("&Flatten…"));
    m_quit->setText(tr("&Quit"));
    m_viewMenu->setTitle(tr("&View"));
    m_settingsMenu->setTitle(tr("&Settings"));
    m_apiKeys->setText(tr("&API keys…"));
    m_languageMenu->setTitle(tr("&Language"));
    if (auto* system = m_languageMenu->findChild<QAction*>(QStringLiteral("languageSystem"))) {
        system->setText(tr("System language"));
    }
    for (QAction* a : m_languageMenu->actions()) {
        if (a->objectName() == QStringLiteral("languageSystem")) {
            a->setText(tr("System language"));
        }
    }
    m_views->retranslate();
}

void MainWindow::changeEvent(QEvent* event) {
    if (event->type() == QEvent::LanguageChange && m_trading) {
        retranslate();
    }
    QMainWindow::changeEvent(event);
}

void MainWindow::refresh() {
    live::LiveSession* session = m_runner.session();
    if (!session) {
        return;
    }
    const std::shared_ptr<const live::StationSnapshot> snapshot = session->snapshot();
    if (!snapshot || snapshot->sequence == m_shownSequence) {
        return;
    }
    m_shownSequence = snapshot->sequence;
    m_views->update(*snapshot);
}

void MainWindow::refreshStatus() {
    if (m_runner.session()) {
        m_status->showMetrics(m_runner.metrics(), m_stall->longestStallUs());
    }
}

void MainWindow::setTakingEntries(bool on) {
    if (live::LiveSession* session = m_runner.session()) {
        session->setTakingEntries(on);
        m_status->showMessageText(on ? tr("New entries enabled") : tr("New entries stopped"));
    }
}

void MainWindow::askFlatten() {
    // Not a static QMessageBox call: the dialog is a real widget a test can find and answer.
    auto* box = new QMessageBox(QMessageBox::Warning, tr("Flatten"),
                                tr("Close the open position at market and halt trading?"),
                                QMessageBox::Yes | QMessageBox::No, this);
    box->setObjectName(QStringLiteral("flattenConfirmation"));
    box->setDefaultButton(QMessageBox::No);
    box->setAttribute(Qt::WA_DeleteOnClose);
    connect(box, &QMessageBox::finished, this, [this, box](int) {
        if (box->clickedButton() != box->button(QMessageBox::Yes)) {
            m_status->showMessageText(tr("Flatten cancelled"));
            return;
        }
        if (live::LiveSession* session = m_runner.session()) {
            session->flatten();
            platform::logger("gui")->warn("flatten confirmed by the trader");
            m_status->showMessageText(tr("Flatten sent: trading halted"));
            Q_EMIT flattenRequested();
        }
    });
    box->open();
}

void MainWindow::openApiKeys() {
    auto* dialog = new ApiKeyDialog(m_keychain, this);
    dialog->setAttribute(Qt::WA_DeleteOnClose);
    if (m_runner.mode() == live::StationMode::Demo && m_runner.running()) {
        dialog->setRestUrl(platform::ApiEndpoint::Simulator,
                           m_runner.options().trader.feed.restBase);
        dialog->selectEndpoint(platform::ApiEndpoint::Simulator);
    }
    dialog->open();
}

void MainWindow::chooseLanguage(const QString& code) {
    QSettings().setValue(QStringLiteral("ui/language"), code);
    installTranslator(*QApplication::instance(), code);
}

void MainWindow::restoreLayout() {
    QSettings settings;
    restoreGeometry(settings.value(QStringLiteral("window/geometry")).toByteArray());
    restoreState(settings.value(QStringLiteral("window/state")).toByteArray());
}

void MainWindow::saveLayout() {
    QSettings settings;
    settings.setValue(QStringLiteral("window/geometry"), saveGeometry());
    settings.setValue(QStringLiteral("window/state"), saveState());
}

void MainWindow::closeEvent(QCloseEvent* event) {
    saveLayout();
    m_snapshotTimer.stop();
    m_statusTimer.stop();
    // The engine finishes what it received and the journal is flushed before the window goes.
    m_runner.stop(false);
    platform::logger("gui")->info("closed; longest GUI stall {} µs", m_stall->longestStallUs());
    event->accept();
}

} // namespace hoga::gui
