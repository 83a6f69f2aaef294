// The station's main window in demo mode, as a trader starts it: the in-process exchange
// simulator replays the bundled recording, the real feed connects to it, the engine paper-trades,
// and the window shows it. Real widgets, offscreen.
#include <QTest>

#include "gui/charts/price_chart.h"
#include "gui/journal_panel.h"
#include "gui/recording_files.h"
#include "gui/replay/replay_driver.h"
#include "gui/replay/trade_replay_launcher.h"
#include "gui/replay/trade_replay_window.h"
#include "gui/station/main_window.h"
#include "gui/station/station_views.h"
#include "gui/views/order_book_view.h"
#include "live/station_runner.h"
#include "platform/keychain_store.h"

#include <QAction>
#include <QDir>
#include <QImage>
#include <QLabel>
#include <QMessageBox>
#include <QPushButton>
#include <QSettings>
#include <QSignalSpy>
#include <QSqlDatabase>
#include <QSqlQuery>
#include <QStandardPaths>
#include <QTableView>
#include <QTemporaryDir>

using namespace hoga;

namespace {

// Pixels that are clearly green (bids, rising candles) and clearly red (asks, falling candles).
struct Colours {
    int green = 0;
    int red = 0;
    int distinct = 0;
};

Colours colours(const QImage& image) {
    Colours c;
    QSet<QRgb> seen;
    for (int y = 0; y < image.height(); y += 2) {
        for (int x = 0; x < image.width(); x += 2) {
            const QColor p = image.pixelColor(x, y);
            seen.insert(p.rgb());
            // Rising candles and bids are teal-green (#26a69a-like): more green than red, and at
            // least as much green as blue.
            if (p.green() > 120 && p.green() > p.red() + 60 && p.green() >= p.blue()) {
                ++c.green;
            }
            if (p.red() > 150 && p.red() > p.green() + 60 && p.red() > p.blue() + 40) {
                ++c.red;
            }
        }
    }
    c.distinct = static_cast<int>(seen.size());
    return c;
}

} // namespace

class TestMainWindow : public QObject {
    Q_OBJECT
private Q_SLOTS:
    void initTestCase();
    void demoShowsCandlesAndTheBook();
    void doubleClickingATradeReplaysIt();
    void flattenAsksBeforeActing();
    void entriesToggleWithTheShortcut();
    void closingFlushesTheJournal();
    void cleanupTestCase();

private:
    QTemporaryDir m_dir;
    std::unique_ptr<live::StationRunner> m_runner;
    std::unique_ptr<platform::KeychainStore> m_keychain;
    std::unique_ptr<gui::MainWindow> m_window;
    QString m_journal;
};

void TestMainWindow::initTestCase() {
    QStandardPaths::setTestModeEnabled(true);
    // A fresh layout: the first-run docks, not what an earlier run saved.
    QCoreApplication::setOrganizationName(QStringLiteral("HogaTest"));
    QSettings::setPath(QSettings::NativeFormat, QSettings::UserScope, m_dir.path());
    live::StationOptions o;
    o.mode = live::StationMode::Demo;
    o.demo.speed = 10;
    o.trader.mode = "demo";
    o.trader.params = core::StrategyParams::demo();
    m_journal = m_dir.filePath(QStringLiteral("demo-journal.sqlite"));
    o.trader.journalPath = m_journal.toStdString();
    o.trader.metricsLogIntervalMs = 0;
    const QString recordings = m_dir.filePath(QStringLiteral("recordings"));
    QVERIFY(QDir().mkpath(recordings));
    o.trader.recordDir = recordings.toStdString();
    m_runner = std::make_unique<live::StationRunner>(o);
    m_keychain = std::make_unique<platform::KeychainStore>();
    m_window = std::make_unique<gui::MainWindow>(*m_runner, *m_keychain, m_journal);
    m_window->resize(1400, 900);
    m_window->show();
    QSignalSpy started(m_runner.get(), &live::StationRunner::started);
    m_runner->start();
    QVERIFY(started.wait(20000));
}

void TestMainWindow::demoShowsCandlesAndTheBook() {
    // 40 s of the recorded market at 10×: the 30-candle warm-up has passed, candles are drawn.
    QVERIFY(QTest::qWaitFor(
        [&] {
            const auto s = m_runner->session()->snapshot();
            return s && s->candles.size() >= 40 && !s->bids.empty() &&
                   s->syncState == binance::SyncState::Live;
        },
        30000));
    QTest::qWait(500); // the next refresh shows it
    QVERIFY(m_window->shownSequence() > 10);

    const QImage window = m_window->grab().toImage();
    const QString shot =
        QDir(QStringLiteral(HOGA_TEST_OUTPUT)).filePath(QStringLiteral("main_window_demo.png"));
    QVERIFY(window.save(shot));
    qInfo("screenshot: %s", qPrintable(shot));
    const Colours all = colours(window);
    QVERIFY2(all.distinct > 50, "the window is blank");

    // The chart shows candles (both colours), the ladder both sides.
    auto* chart = m_window->views().chart();
    QVERIFY(chart);
    const Colours c = colours(chart->grab().toImage());
    QVERIFY2(c.green > 20 && c.red > 20,
             qPrintable(QStringLiteral("chart green %1 red %2").arg(c.green).arg(c.red)));
    auto* book = m_window->views().book();
    QVERIFY(book);
    const Colours b = colours(book->grab().toImage());
    QVERIFY2(b.green > 20 && b.red > 20,
             qPrintable(QStringLiteral("book green %1 red %2").arg(b.green).arg(b.red)));

    // The mode is never ambiguous.
    auto* banner = m_window->findChild<QLabel*>(QStringLiteral("modeBanner"));
    QVERIFY(banner && banner->text().contains(QStringLiteral("REPLAY")));
    auto* mode = m_window->findChild<QLabel*>(QStringLiteral("modeLabel"));
    QVERIFY(mode && mode->text().contains(QStringLiteral("DEMO")));
}

void TestMainWindow::doubleClickingATradeReplaysIt() {
    // The session's first round trip, as the journal panel lists it.
    auto* table = m_window->journalPanel()->findChild<QTableView*>(QStringLiteral("tradeTable"));
    QVERIFY(QTest::qWaitFor([&] { return table->model()->rowCount() > 0; }, 60000));
    // The recorder writes a gzip member every 10 s of recorded time: the next one holds the trade.
    const QString dir = QString::fromStdString(m_runner->options().trader.recordDir);
    const auto recorded = [&] {
        qint64 bytes = 0;
        for (const gui::RecordingFile& f : gui::listRecordings(dir)) {
            bytes += QFileInfo(f.path).size();
        }
        return bytes;
    };
    const qint64 before = recorded();
    QVERIFY(QTest::qWaitFor([&] { return recorded() > before; }, 20000));

    const QModelIndex cell = table->model()->index(0, 2);
    const QPoint at = table->visualRect(cell).center();
    QTest::mouseClick(table->viewport(), Qt::LeftButton, {}, at);
    QTest::mouseDClick(table->viewport(), Qt::LeftButton, {}, at);
    const auto windows = m_window->replays()->windows();
    QCOMPARE(windows.size(), 1);
    QPointer<gui::TradeReplayWindow> replay = windows.front();
    QCOMPARE(replay->source().recordingsDir, dir);
    replay->setSpeed(gui::ReplayDriver::kMaxSpeed);
    QSignalSpy finished(replay.data(), &gui::TradeReplayWindow::replayFinished);
    QVERIFY2(finished.wait(30000), qPrintable(replay->messageLabel()->text()));
    QCOMPARE(replay->driver()->plan().outcome, gui::ReplayPlan::Outcome::Ready);
    QTest::qWait(200);
    const auto snapshot = replay->driver()->snapshot();
    QCOMPARE(snapshot->syncState, binance::SyncState::Live);
    QVERIFY(!snapshot->bids.empty() && !snapshot->asks.empty());
    // The trade's own fills on the replay's chart, at the journal's prices.
    QVERIFY(!replay->trip().marks.empty());
    QCOMPARE(replay->chart()->entryMarks().size() + replay->chart()->exitMarks().size(),
             replay->trip().marks.size());
    QCOMPARE(replay->chart()->entryMarks().front().price, replay->trip().marks.front().price);
    replay->close();
    QVERIFY(QTest::qWaitFor([&] { return replay.isNull(); }, 2000));
    QCOMPARE(gui::ReplayDriver::activeReplays(), 0);
}

void TestMainWindow::flattenAsksBeforeActing() {
    QSignalSpy flattened(m_window.get(), &gui::MainWindow::flattenRequested);
    // No: nothing happens.
    m_window->flattenAction()->trigger();
    QMessageBox* box = nullptr;
    QVERIFY(QTest::qWaitFor(
        [&] {
            box = qobject_cast<QMessageBox*>(QApplication::activeModalWidget());
            return box && box->objectName() == QStringLiteral("flattenConfirmation");
        },
        3000));
    QTest::mouseClick(box->button(QMessageBox::No), Qt::LeftButton);
    QTest::qWait(300);
    QCOMPARE(flattened.count(), 0);
    QCOMPARE(m_runner->session()->snapshot()->tradingState, core::TradingState::Active);

    // Yes, this time through the keyboard shortcut: the engine halts and closes what is open.
    m_window->activateWindow();
    QVERIFY(QTest::qWaitForWindowActive(m_window.get()));
    QTest::keyClick(m_window.get(), Qt::Key_F, Qt::ControlModifier | Qt::ShiftModifier);
    QVERIFY(QTest::qWaitFor(
        [&] {
            box = qobject_cast<QMessageBox*>(QApplication::activeModalWidget());
            return box && box->objectName() == QStringLiteral("flattenConfirmation");
        },
        3000));
    QTest::mouseClick(box->button(QMessageBox::Yes), Qt::LeftButton);
    QCOMPARE(flattened.count(), 1);
    QVERIFY(QTest::qWaitFor(
        [&] {
            const auto s = m_runner->session()->snapshot();
            return s->tradingState == core::TradingState::Halted && s->position.flat();
        },
        5000));
}

void TestMainWindow::entriesToggleWithTheShortcut() {
    QVERIFY(m_window->tradingAction()->isChecked());
    m_window->activateWindow();
    QVERIFY(QTest::qWaitForWindowActive(m_window.get()));
    QTest::keyClick(m_window.get(), Qt::Key_T, Qt::ControlModifier);
    QVERIFY(!m_window->tradingAction()->isChecked());
    QVERIFY(QTest::qWaitFor([&] { return !m_runner->session()->snapshot()->takingEntries; }, 3000));
    QTest::keyClick(m_window.get(), Qt::Key_T, Qt::ControlModifier);
    QVERIFY(QTest::qWaitFor([&] { return m_runner->session()->snapshot()->takingEntries; }, 3000));
}

void TestMainWindow::closingFlushesTheJournal() {
    QVERIFY(m_window->close());
    QVERIFY(!m_runner->running());
    auto db = QSqlDatabase::addDatabase(QStringLiteral("QSQLITE"), QStringLiteral("closed"));
    db.setDatabaseName(m_journal);
    QVERIFY(db.open());
    QSqlQuery q(db);
    QVERIFY(q.exec(QStringLiteral("select count(*) from runs where mode = 'demo'")));
    QVERIFY(q.next());
    QCOMPARE(q.value(0).toInt(), 1);
    // The flatten's round trip (if a position was open) and every order are in the file.
    QVERIFY(q.exec(QStringLiteral("select count(*) from orders")));
    QVERIFY(q.next());
    QVERIFY(q.value(0).toInt() >= 0);
    q = QSqlQuery();
    db.close();
    db = QSqlDatabase();
    QSqlDatabase::removeDatabase(QStringLiteral("closed"));
}

void TestMainWindow::cleanupTestCase() {
    m_window.reset();
    m_runner.reset();
}

QTEST_MAIN(TestMainWindow)
#include "tst_main_window.moc"
