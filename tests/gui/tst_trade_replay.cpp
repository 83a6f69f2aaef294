// The replay of a journalled trade as a user gets it: a double-click on the trade in a real
// JournalPanel opens the replay window, which finds the recording the station's recorder wrote
// (here: the bundled 2024-08-08 recording re-recorded through storage::RotatingRecorder, so the
// files have the recorder's names and gzip members), syncs the book from the recorded snapshot,
// paces the window, and shows candles, the book and the journal's own fills at their prices.
// And what goes wrong: no recording at the trade's time, a file whose name lies about its hour,
// a truncated file, and closing the window in the middle of a replay.
// Qt headers first: moc (Qt 6.4) fails on <compare> when it comes before them.
#include <QTest>

#include "binance/event_tape.h"
#include "gui/charts/price_chart.h"
#include "gui/journal_panel.h"
#include "gui/models/journal_filter.h"
#include "gui/models/journal_model.h"
#include "gui/recording_files.h"
#include "gui/replay/replay_driver.h"
#include "gui/replay/replay_text.h"
#include "gui/replay/trade_replay_launcher.h"
#include "gui/replay/trade_replay_window.h"
#include "gui/translator.h"
#include "gui/views/order_book_view.h"
#include "journal_fixture.h"
#include "storage/recording_reader.h"
#include "storage/rotating_recorder.h"

#include <QComboBox>
#include <QDir>
#include <QFile>
#include <QLabel>
#include <QPointer>
#include <QProgressBar>
#include <QPushButton>
#include <QRegularExpression>
#include <QScatterSeries>
#include <QSignalSpy>
#include <QTableView>
#include <QTemporaryDir>

using namespace hoga;
using namespace hoga::gui;
using guitest::SqlReader;

namespace {

constexpr std::int64_t kDayNs = std::int64_t{86'400} * 1'000'000'000;

// The bundled recording through the station's recorder into `dir`, its local times moved by
// `shiftNs`. Returns the files written.
QStringList record(const QString& dir, std::int64_t shiftNs) {
    QDir().mkpath(dir);
    storage::RotatingRecorderOptions options;
    options.directory = dir.toStdString();
    options.prefix = "hoga_BTCUSDT";
    {
        storage::RotatingRecorder recorder(options);
        storage::RecordingReader reader({guitest::recordingPath().toStdString()});
        storage::RecordedFrame frame;
        while (reader.next(frame)) {
            recorder.record(frame.localTimeNs + shiftNs, frame.frame);
        }
    }
    return recordingPaths(listRecordings(dir));
}

struct Trip {
    QString runId;
    qint64 tripId = 0;
    qint64 entryMs = 0;
    qint64 exitMs = 0;
    QString exitReason;
};

Trip tripWhere(SqlReader& sql, const QString& where) {
    const auto rows =
        sql.rows(QStringLiteral("SELECT run_id, trip_id, entry_time_ms, exit_time_ms, "
                                "exit_reason FROM round_trips WHERE run_id = "
                                "'backtest' AND %1 ORDER BY trip_id LIMIT 1")
                     .arg(where));
    if (rows.isEmpty()) {
        return {};
    }
    return {rows[0][0].toString(), rows[0][1].toLongLong(), rows[0][2].toLongLong(),
            rows[0][3].toLongLong(), rows[0][4].toString()};
}

int threadCount() {
    return static_cast<int>(QDir(QStringLiteral("/proc/self/task"))
                                .entryList(QDir::Dirs | QDir::NoDotAndDotDot)
                                .size());
}

bool waitForPhase(TradeReplayWindow& w, ReplayDriver::Phase phase, int timeoutMs) {
    return QTest::qWaitFor([&] { return w.driver()->phase() == phase; }, timeoutMs);
}

} // namespace

class TestTradeReplay : public QObject {
    Q_OBJECT
private Q_SLOTS:
    void initTestCase();
    void listsRecordingsInReplayOrder();
    void formatsTimesAgainstTheTrade();
    void marksAreTheTripsOwnFills();
    void doubleClickReplaysTheTrade();
    void startsAtTheFirstSnapshot();
    void noRecordingCoversTheTrade();
    void aFileWhoseNameLiesIsNotTrusted();
    void truncatedRecording();
    void closingMidReplayStopsIt();
    void oneWindowPerTrade();
    void inKorean();
    void screenshot();

private:
    TradeReplayWindow* openByDoubleClick(JournalPanel& panel, TradeReplayLauncher& launcher,
                                         const Trip& trip);

    QTemporaryDir m_dir;
    QString m_journal;
    QString m_recordings;
    Trip m_trip; // a trade well inside the recording: two minutes before it are recorded
};

void TestTradeReplay::initTestCase() {
    qRegisterMetaType<TradeReplayWindow*>(); // for QSignalSpy on windowOpened
    QVERIFY(m_dir.isValid());
    m_journal = m_dir.filePath(QStringLiteral("journal.sqlite"));
    const QString error = guitest::writeTwoRunJournal(m_journal);
    QVERIFY2(error.isEmpty(), qPrintable(error));
    m_recordings = m_dir.filePath(QStringLiteral("recordings"));
    const QStringList files = record(m_recordings, 0);
    // 2024-08-08 23:54:15 – 23:59:59 UTC: one hour's file, named by the recorder.
    QCOMPARE(files, QStringList{m_dir.filePath(QStringLiteral("recordings/"
                                                              "hoga_BTCUSDT_20240808_23.gz"))});
    SqlReader sql(m_journal);
    // The recording starts 23:54:15; the depth snapshot follows a second later.
    m_trip = tripWhere(sql, QStringLiteral("entry_time_ms > 1723161256000 + 150000"));
    QVERIFY(m_trip.tripId > 0);
}

void TestTradeReplay::listsRecordingsInReplayOrder() {
    const QString dir = m_dir.filePath(QStringLiteral("order"));
    QDir().mkpath(dir);
    for (const char* name : {"hoga_BTCUSDT_20240809_00.gz", "hoga_BTCUSDT_20240808_23.1.gz",
                             "hoga_BTCUSDT_20240808_23.gz", "hoga_BTCUSDT_20240808_23.10.gz",
                             "hoga_BTCUSDT_20240808_23.2.gz", "other.gz", "notes.txt"}) {
        QFile f(QDir(dir).filePath(QString::fromLatin1(name)));
        QVERIFY(f.open(QIODevice::WriteOnly));
    }
    QStringList names;
    const QVector<RecordingFile> files = listRecordings(dir);
    for (const RecordingFile& f : files) {
        names << QFileInfo(f.path).fileName();
    }
    // `_HH.gz` before `_HH.1.gz` (a name sort puts it after), 2 before 10, then the next hour;
    // files not named by the recorder last.
    QCOMPARE(names, (QStringList{QStringLiteral("hoga_BTCUSDT_20240808_23.gz"),
                                 QStringLiteral("hoga_BTCUSDT_20240808_23.1.gz"),
                                 QStringLiteral("hoga_BTCUSDT_20240808_23.2.gz"),
                                 QStringLiteral("hoga_BTCUSDT_20240808_23.10.gz"),
                                 QStringLiteral("hoga_BTCUSDT_20240809_00.gz"),
                                 QStringLiteral("other.gz")}));
    QCOMPARE(*files[0].hour, qint64{1723158000} / 3600); // 2024-08-08 23:00 UTC
    QCOMPARE(*files[4].hour, *files[0].hour + 1);
    QVERIFY(!files[5].hour);
    QVERIFY(listRecordings(m_dir.filePath(QStringLiteral("missing"))).isEmpty());
}

void TestTradeReplay::formatsTimesAgainstTheTrade() {
    const qint64 entry = 1723161432100; // 23:57:12.100
    const qint64 exit = entry + 30'000;
    QCOMPARE(ReplayText::position(entry + 42'245, entry, exit),
             QStringLiteral("23:57:54.345 UTC (exit +00:12)"));
    QCOMPARE(ReplayText::position(entry + 25'000, entry, exit),
             QStringLiteral("23:57:37.100 UTC (entry +00:25)"));
    QCOMPARE(ReplayText::position(entry - 65'000, entry, exit),
             QStringLiteral("23:56:07.100 UTC (entry \u221201:05)"));
    QCOMPARE(ReplayText::offset(3'723'000), QStringLiteral("+1:02:03"));
    QCOMPARE(ReplayText::span(entry, exit), QStringLiteral("2024-08-08 23:57:12–23:57:42 UTC"));
    QCOMPARE(ReplayText::span(entry, entry + 3'600'000),
             QStringLiteral("2024-08-08 23:57:12 – 2024-08-09 00:57:12 UTC"));
}

void TestTradeReplay::marksAreTheTripsOwnFills() {
    // Every trade of the demo run: its marks are exactly its fills (SQL: the fills from its
    // entry to its exit that are not another trade's), entries first, in journal order.
    SqlReader sql(m_journal);
    const auto trips = sql.rows(QStringLiteral(
        "SELECT trip_id, exit_reason, qty_lots FROM round_trips WHERE run_id = 'backtest'"));
    QVERIFY(trips.size() > 10);
    int multiFill = 0;
    for (const auto& t : trips) {
        ReplayTrip trip;
        QString error;
        QVERIFY2(
            readReplayTrip(m_journal, QStringLiteral("backtest"), t[0].toLongLong(), trip, error),
            qPrintable(error));
        QVERIFY(trip.paramsProblem.isEmpty()); // the run's own parameters
        QCOMPARE(trip.params.candleIntervalMs, core::StrategyParams::demo().candleIntervalMs);
        qint64 entryLots = 0, exitLots = 0;
        for (const live::TradeMark& m : trip.marks) {
            (m.entry ? entryLots : exitLots) += m.qty.lots;
            QCOMPARE(QString::fromStdString(m.reason),
                     m.entry ? QStringLiteral("entry") : t[1].toString());
            QVERIFY(m.timeMs >= trip.trip.entryTimeMs && m.timeMs <= trip.trip.exitTimeMs);
        }
        QCOMPARE(entryLots, t[2].toLongLong());
        QCOMPARE(exitLots, t[2].toLongLong());
        QVERIFY(trip.marks.front().entry && !trip.marks.back().entry);
        multiFill += trip.marks.size() > 2 ? 1 : 0;
    }
    QVERIFY(multiFill > 0); // some trade filled in pieces (trade 8: two entry fills, three exits)
    ReplayTrip missing;
    QString error;
    QVERIFY(!readReplayTrip(m_journal, QStringLiteral("backtest"), 999, missing, error));
    QVERIFY(error.contains(QStringLiteral("no trade 999")));
}

TradeReplayWindow* TestTradeReplay::openByDoubleClick(JournalPanel& panel,
                                                      TradeReplayLauncher& launcher,
                                                      const Trip& trip) {
    auto* table = panel.findChild<QTableView*>(QStringLiteral("tradeTable"));
    QModelIndex index;
    for (int row = 0; row < table->model()->rowCount() && !index.isValid(); ++row) {
        const QModelIndex i = table->model()->index(row, 2);
        const JournalTrip* t = panel.filter()->tripAt(i);
        if (t && t->runId == trip.runId && t->tripId == trip.tripId) {
            index = i;
        }
    }
    if (!index.isValid()) {
        return nullptr;
    }
    table->scrollTo(index);
    const QPoint at = table->visualRect(index).center();
    QSignalSpy opened(&launcher, &TradeReplayLauncher::windowOpened);
    // A press and release first: QTest's double-click alone is not one for the view.
    QTest::mouseClick(table->viewport(), Qt::LeftButton, {}, at);
    QTest::mouseDClick(table->viewport(), Qt::LeftButton, {}, at);
    return opened.size() == 1 ? opened.first().first().value<TradeReplayWindow*>() : nullptr;
}

void TestTradeReplay::doubleClickReplaysTheTrade() {
    SqlReader sql(m_journal);
    const QString counts = QStringLiteral(
        "SELECT (SELECT count(*) FROM runs) || '/' || (SELECT count(*) FROM orders) || '/' || "
        "(SELECT count(*) FROM fills) || '/' || (SELECT count(*) FROM round_trips)");
    const QString before = sql.scalar(counts).toString();

    JournalPanel panel;
    panel.resize(1200, 700);
    panel.show();
    QVERIFY(QTest::qWaitForWindowExposed(&panel));
    QVERIFY(panel.openJournal(m_journal));
    TradeReplayLauncher launcher(m_journal, m_recordings, &panel);
    connect(&panel, &JournalPanel::tradeActivated, &launcher, &TradeReplayLauncher::open);
    QPointer<TradeReplayWindow> w = openByDoubleClick(panel, launcher, m_trip);
    QVERIFY(w);
    QVERIFY(QTest::qWaitForWindowExposed(w));
    QVERIFY(w->isWindow() && !w->isModal());
    QVERIFY(w->findChild<QLabel*>(QStringLiteral("replayBanner"))
                ->text()
                .startsWith(QStringLiteral("REPLAY · RECORDED DATA")));
    const auto price =
        sql.rows(QStringLiteral("SELECT avg_entry_price, avg_exit_price, net_pnl FROM round_trips "
                                "WHERE run_id = 'backtest' AND trip_id = %1")
                     .arg(m_trip.tripId));
    // Prices as journalled, the zeros of their 8 extra decimals dropped; PnL exactly.
    static const QRegularExpression extraZeros(QStringLiteral(R"((\.\d\d\d*?)0+$)"));
    const QStringList expected = {price[0][0].toString().replace(extraZeros, QStringLiteral("\\1")),
                                  price[0][1].toString().replace(extraZeros, QStringLiteral("\\1")),
                                  price[0][2].toString()};
    for (const QString& text : expected) {
        QVERIFY2(w->headerLabel()->text().contains(text), qPrintable(text));
    }
    QVERIFY(!expected[0].endsWith(QStringLiteral("000")));
    QVERIFY(w->headerLabel()->text().contains(JournalModel::exitReasonLabel(m_trip.exitReason)));

    // Planned: the two minutes before the entry are in the recording, and so is a snapshot
    // before them.
    QVERIFY(QTest::qWaitFor([&] { return w->driver()->plan().filesRead > 0; }, 20'000));
    const ReplayPlan& plan = w->driver()->plan();
    QCOMPARE(plan.outcome, ReplayPlan::Outcome::Ready);
    QVERIFY(!plan.startsAtSnapshot && !plan.endsEarly && plan.damaged.empty());
    QCOMPARE(plan.startMs, m_trip.entryMs - ReplayWindow::kLeadMs);
    QCOMPARE(plan.endMs, m_trip.exitMs + ReplayWindow::kTailMs);
    QVERIFY(plan.snapshotMs < plan.startMs);
    QCOMPARE(plan.files.size(), std::size_t{1});

    // Paced at 5× (the default): about five recorded seconds per second.
    QVERIFY(waitForPhase(*w, ReplayDriver::Phase::Playing, 20'000));
    QCOMPARE(w->speedBox()->currentText(), QStringLiteral("5×"));
    QVERIFY(QTest::qWaitFor(
        [&] {
            const auto s = w->driver()->snapshot(); // null until the session's first publication
            return s && s->syncState == binance::SyncState::Live;
        },
        5000));
    const std::int64_t t0 = w->driver()->playedLocalNs();
    const std::uint64_t s0 = w->shownSequence();
    QTest::qWait(1000);
    const double advanced = static_cast<double>(w->driver()->playedLocalNs() - t0) / 1e9;
    QVERIFY2(advanced > 2.5 && advanced < 6.5, qPrintable(QString::number(advanced)));
    QVERIFY(w->shownSequence() > s0 + 10); // ~30 snapshots a second
    QVERIFY(w->progressBar()->value() > 0 && w->progressBar()->value() < 1000);
    QVERIFY(w->statusLabel()->text().startsWith(QStringLiteral("Playing at 5×")));
    static const QRegularExpression timeText(
        QStringLiteral(R"(^\d\d:\d\d:\d\d\.\d{3} UTC \((entry|exit) [+−]\d\d:\d\d\)$)"));
    QVERIFY2(timeText.match(w->timeLabel()->text()).hasMatch(), qPrintable(w->timeLabel()->text()));

    // Paused: the recorded time stands still; resumed, it moves on.
    QTest::mouseClick(w->playButton(), Qt::LeftButton);
    QVERIFY(w->driver()->paused());
    QCOMPARE(w->playButton()->text(), QStringLiteral("Play"));
    QTest::qWait(100);
    const std::int64_t pausedAt = w->driver()->playedLocalNs();
    QTest::qWait(500);
    QCOMPARE(w->driver()->playedLocalNs(), pausedAt);
    QVERIFY(w->statusLabel()->text().startsWith(QStringLiteral("Paused")));
    QTest::mouseClick(w->playButton(), Qt::LeftButton);
    QVERIFY(QTest::qWaitFor([&] { return w->driver()->playedLocalNs() > pausedAt; }, 2000));

    // The rest as fast as it goes, to the window's end.
    QSignalSpy finished(w.data(), &TradeReplayWindow::replayFinished);
    w->setSpeed(ReplayDriver::kMaxSpeed);
    QCOMPARE(w->speedBox()->currentText(), QStringLiteral("Max"));
    QVERIFY(finished.wait(30'000));
    QVERIFY(QTest::qWaitFor(
        [&] {
            const auto s = w->driver()->snapshot();
            return s && s->marketTimeMs >= plan.endMs - 1000;
        },
        3000));
    QTest::qWait(150); // the last snapshot shown
    const auto snapshot = w->driver()->snapshot();
    QCOMPARE(snapshot->syncState, binance::SyncState::Live);
    QVERIFY(snapshot->bids.size() >= 20 && snapshot->asks.size() >= 20);
    QVERIFY(snapshot->bids.front().price < snapshot->asks.front().price);
    QCOMPARE(snapshot->stats.roundTrips, 0); // the replay never trades
    QVERIFY(w->book()->healthLabel()->text().startsWith(QStringLiteral("In sync")));
    QCOMPARE(w->progressBar()->value(), 1000);
    QVERIFY(!w->playButton()->isEnabled()); // nothing left to pause
    QVERIFY(w->statusLabel()->text().startsWith(QStringLiteral("End of the replay")));
    QVERIFY(w->timeLabel()->text().contains(QStringLiteral("(exit +00:5")) ||
            w->timeLabel()->text().contains(QStringLiteral("(exit +01:0")));

    // Candles from the window's start (warmed from the snapshot on) through the trade.
    const auto& bars = w->chart()->bars();
    QVERIFY(!bars.empty());
    QVERIFY(bars.front().candle.openTimeMs <= plan.startMs);
    QVERIFY(bars.back().candle.openTimeMs >= m_trip.exitMs);
    const auto entryBar = std::find_if(bars.begin(), bars.end(), [&](const AggregatedBar& b) {
        return b.candle.openTimeMs <= m_trip.entryMs && m_trip.entryMs < b.candle.closeTimeMs();
    });
    QVERIFY(entryBar != bars.end() && entryBar->candle.hasTrades());

    // The journal's fills of this trade on the chart, at their prices.
    const auto fills = sql.rows(
        QStringLiteral("SELECT f.price_ticks, o.purpose FROM fills f JOIN orders o ON "
                       "o.run_id = f.run_id AND o.client_order_id = f.client_order_id WHERE "
                       "f.run_id = 'backtest' AND f.time_ms BETWEEN %1 AND %2 ORDER BY f.id")
            .arg(m_trip.entryMs)
            .arg(m_trip.exitMs));
    QList<qint64> entryTicks, exitTicks;
    for (const auto& f : fills) {
        (f[1].toString() == QStringLiteral("entry") ? entryTicks : exitTicks) << f[0].toLongLong();
    }
    QList<qint64> shownEntries, shownExits;
    for (const auto& m : w->chart()->entryMarks()) {
        shownEntries << m.price.ticks;
    }
    for (const auto& m : w->chart()->exitMarks()) {
        shownExits << m.price.ticks;
        QCOMPARE(QString::fromStdString(m.reason), m_trip.exitReason);
    }
    QCOMPARE(shownEntries, entryTicks);
    QCOMPARE(shownExits, exitTicks);
    QCOMPARE(w->chart()->entrySeries()->count(), entryTicks.size());
    QCOMPARE(w->chart()->exitSeries()->count(), exitTicks.size());

    // Nothing was written to the user's journal.
    QCOMPARE(sql.scalar(counts).toString(), before);

    w->close();
    QVERIFY(QTest::qWaitFor([&] { return w.isNull(); }, 2000)); // deleted on close
    QCOMPARE(ReplayDriver::activeReplays(), 0);
}

void TestTradeReplay::startsAtTheFirstSnapshot() {
    // The first trade is 25 s after the recording starts: the window starts at its snapshot.
    SqlReader sql(m_journal);
    const Trip first = tripWhere(sql, QStringLiteral("trip_id = 1"));
    TradeReplayLauncher launcher(m_journal, m_recordings, nullptr);
    QPointer<TradeReplayWindow> w =
        launcher.open(first.runId, first.tripId, first.entryMs, first.exitMs);
    w->setSpeed(ReplayDriver::kMaxSpeed);
    QSignalSpy finished(w.data(), &TradeReplayWindow::replayFinished);
    QVERIFY(finished.wait(30'000));
    const ReplayPlan& plan = w->driver()->plan();
    QVERIFY(plan.startsAtSnapshot);
    QCOMPARE(plan.startMs, plan.snapshotMs);
    QVERIFY(plan.startMs > first.entryMs - ReplayWindow::kLeadMs && plan.startMs < first.entryMs);
    QVERIFY(w->messageLabel()->isVisible());
    QVERIFY2(w->messageLabel()->text().contains(QStringLiteral("the replay starts there")),
             qPrintable(w->messageLabel()->text()));
    QTest::qWait(150);
    QCOMPARE(w->driver()->snapshot()->syncState, binance::SyncState::Live);
    QVERIFY(!w->chart()->entryMarks().empty() && !w->chart()->exitMarks().empty());
    delete w.data();
    QCOMPARE(ReplayDriver::activeReplays(), 0);
}

void TestTradeReplay::noRecordingCoversTheTrade() {
    const QString empty = m_dir.filePath(QStringLiteral("no-recordings"));
    QDir().mkpath(empty);
    TradeReplayLauncher launcher(m_journal, empty, nullptr);
    QPointer<TradeReplayWindow> w =
        launcher.open(m_trip.runId, m_trip.tripId, m_trip.entryMs, m_trip.exitMs);
    QSignalSpy planned(w.data(), &TradeReplayWindow::replayPlanned);
    QVERIFY(planned.wait(10'000));
    QCOMPARE(w->driver()->plan().outcome, ReplayPlan::Outcome::NotCovered);
    QCOMPARE(w->driver()->phase(), ReplayDriver::Phase::Failed);
    QCOMPARE(w->messageLabel()->text(),
             QStringLiteral("No recording covers %1; recordings are kept in %2")
                 .arg(ReplayText::span(m_trip.entryMs, m_trip.exitMs), empty));
    QVERIFY(w->messageLabel()->isVisible());
    QVERIFY(!w->chart()->isVisible() && !w->book()->isVisible()); // a message, not a blank chart
    QVERIFY(!w->playButton()->isEnabled());
    QVERIFY(!w->headerLabel()->text().isEmpty()); // still says which trade
    QVERIFY(!w->driver()->snapshot());            // nothing was fed
    w->close();
    QVERIFY(QTest::qWaitFor([&] { return w.isNull(); }, 2000));
    QCOMPARE(ReplayDriver::activeReplays(), 0);
}

void TestTradeReplay::aFileWhoseNameLiesIsNotTrusted() {
    // The right name for the trade's hour, but the contents are of the next day.
    const QString dir = m_dir.filePath(QStringLiteral("misnamed"));
    const QStringList files = record(dir, kDayNs);
    QCOMPARE(files.size(), 1);
    const QString lying = QDir(dir).filePath(QStringLiteral("hoga_BTCUSDT_20240808_23.gz"));
    QVERIFY(QFile::rename(files.front(), lying));
    TradeReplayLauncher launcher(m_journal, dir, nullptr);
    QPointer<TradeReplayWindow> w =
        launcher.open(m_trip.runId, m_trip.tripId, m_trip.entryMs, m_trip.exitMs);
    QSignalSpy planned(w.data(), &TradeReplayWindow::replayPlanned);
    QVERIFY(planned.wait(10'000));
    QCOMPARE(w->driver()->plan().outcome, ReplayPlan::Outcome::NotCovered);
    QCOMPARE(w->driver()->plan().misnamed, QStringList{lying});
    QVERIFY(w->messageLabel()->text().startsWith(QStringLiteral("No recording covers")));
    QVERIFY(w->messageLabel()->text().contains(
        QStringLiteral("not of the hour in their names: hoga_BTCUSDT_20240808_23.gz")));
    delete w.data();
}

void TestTradeReplay::truncatedRecording() {
    const QString dir = m_dir.filePath(QStringLiteral("truncated"));
    QDir().mkpath(dir);
    const QString path = QDir(dir).filePath(QStringLiteral("hoga_BTCUSDT_20240808_23.gz"));
    {
        QFile whole(recordingPaths(listRecordings(m_recordings)).front());
        QVERIFY(whole.open(QIODevice::ReadOnly));
        const QByteArray bytes = whole.readAll();
        QFile cut(path);
        QVERIFY(cut.open(QIODevice::WriteOnly));
        cut.write(bytes.left(bytes.size() * 11 / 20)); // 55 %, inside a gzip member
    }
    // Where the readable part ends, on the exchange's clock.
    const binance::EventTape tape =
        binance::decodeTape({path.toStdString()}, core::InstrumentSpec::btcusdtDefaults());
    QVERIFY(tape.error.find("truncated gzip") != std::string::npos);
    const qint64 cutMs = tape.lastTimeMs;
    SqlReader sql(m_journal);
    const Trip before = tripWhere(sql, QStringLiteral("exit_time_ms < %1").arg(cutMs - 5000));
    const Trip after = tripWhere(sql, QStringLiteral("entry_time_ms > %1").arg(cutMs + 1000));
    QVERIFY(before.tripId > 0 && after.tripId > 0);

    TradeReplayLauncher launcher(m_journal, dir, nullptr);
    // Covered by what was read before the damage: replayed, with the damage said.
    QPointer<TradeReplayWindow> w =
        launcher.open(before.runId, before.tripId, before.entryMs, before.exitMs);
    w->setSpeed(ReplayDriver::kMaxSpeed);
    QSignalSpy finished(w.data(), &TradeReplayWindow::replayFinished);
    QVERIFY(finished.wait(30'000));
    QCOMPARE(w->driver()->plan().outcome, ReplayPlan::Outcome::Ready);
    QCOMPARE(w->driver()->plan().damaged.size(), std::size_t{1});
    QVERIFY2(w->messageLabel()->text().contains(
                 QStringLiteral("hoga_BTCUSDT_20240808_23.gz ends in a damaged part")),
             qPrintable(w->messageLabel()->text()));
    QVERIFY(w->messageLabel()->text().contains(QStringLiteral("truncated gzip")));
    QTest::qWait(150);
    const auto snapshot = w->driver()->snapshot();
    QCOMPARE(snapshot->syncState, binance::SyncState::Live);
    QVERIFY(!snapshot->bids.empty() && !snapshot->asks.empty());
    QVERIFY(!w->chart()->exitMarks().empty());
    delete w.data();

    // After the damage: not covered, and the message says why the file stops early.
    w = launcher.open(after.runId, after.tripId, after.entryMs, after.exitMs);
    QSignalSpy planned(w.data(), &TradeReplayWindow::replayPlanned);
    QVERIFY(planned.wait(10'000));
    QCOMPARE(w->driver()->plan().outcome, ReplayPlan::Outcome::NotCovered);
    const QString text = w->messageLabel()->text();
    QVERIFY2(text.startsWith(QStringLiteral("No recording covers %1; recordings are kept in %2")
                                 .arg(ReplayText::span(after.entryMs, after.exitMs), dir)),
             qPrintable(text));
    QVERIFY(text.contains(QStringLiteral("ends in a damaged part")));
    QVERIFY(text.contains(QStringLiteral("it was read up to %1.").arg(ReplayText::clock(cutMs))));
    delete w.data();
    QCOMPARE(ReplayDriver::activeReplays(), 0);
}

void TestTradeReplay::closingMidReplayStopsIt() {
    const int threadsBefore = threadCount();
    TradeReplayLauncher launcher(m_journal, m_recordings, nullptr);
    // Closed in the middle of a paced replay at 1×: its worker waits between entries.
    QPointer<TradeReplayWindow> w =
        launcher.open(m_trip.runId, m_trip.tripId, m_trip.entryMs, m_trip.exitMs);
    w->setSpeed(1);
    QVERIFY(waitForPhase(*w, ReplayDriver::Phase::Playing, 20'000));
    QVERIFY(QTest::qWaitFor([&] { return w->shownSequence() > 5; }, 3000));
    QCOMPARE(ReplayDriver::activeReplays(), 1);
    QVERIFY(threadCount() >= threadsBefore + 2); // the feeder and the session's engine
    const std::int64_t fed = w->driver()->entriesFed();
    w->close();
    QVERIFY(QTest::qWaitFor([&] { return w.isNull(); }, 2000));
    QCOMPARE(ReplayDriver::activeReplays(), 0);
    QVERIFY2(
        QTest::qWaitFor([&] { return threadCount() <= threadsBefore; }, 2000),
        qPrintable(QStringLiteral("%1 threads, %2 before").arg(threadCount()).arg(threadsBefore)));
    QVERIFY(fed > 0);

    // Paused, and closed.
    w = launcher.open(m_trip.runId, m_trip.tripId, m_trip.entryMs, m_trip.exitMs);
    QVERIFY(waitForPhase(*w, ReplayDriver::Phase::Playing, 20'000));
    w->setPaused(true);
    QTest::qWait(100);
    w->close();
    QVERIFY(QTest::qWaitFor([&] { return w.isNull(); }, 2000));

    // Closed before it found its recordings (the plan is cancelled between files).
    w = launcher.open(m_trip.runId, m_trip.tripId, m_trip.entryMs, m_trip.exitMs);
    w->close();
    QVERIFY(QTest::qWaitFor([&] { return w.isNull(); }, 2000));
    QCOMPARE(ReplayDriver::activeReplays(), 0);
    QVERIFY(QTest::qWaitFor([&] { return threadCount() <= threadsBefore; }, 2000));
}

void TestTradeReplay::oneWindowPerTrade() {
    TradeReplayLauncher launcher(m_journal, m_recordings, nullptr);
    TradeReplayWindow* a =
        launcher.open(m_trip.runId, m_trip.tripId, m_trip.entryMs, m_trip.exitMs);
    TradeReplayWindow* again =
        launcher.open(m_trip.runId, m_trip.tripId, m_trip.entryMs, m_trip.exitMs);
    QCOMPARE(again, a);
    SqlReader sql(m_journal);
    const Trip other = tripWhere(sql, QStringLiteral("trip_id = 2"));
    TradeReplayWindow* b = launcher.open(other.runId, other.tripId, other.entryMs, other.exitMs);
    QVERIFY(b != a);
    QCOMPARE(launcher.windows().size(), 2);
    QCOMPARE(ReplayDriver::activeReplays(), 2);
    a->close();
    b->close();
    QVERIFY(QTest::qWaitFor([&] { return launcher.windows().isEmpty(); }, 2000));
    QCOMPARE(ReplayDriver::activeReplays(), 0);
}

void TestTradeReplay::inKorean() {
    // An open window follows a change of language, its message included.
    const QString empty = m_dir.filePath(QStringLiteral("no-recordings-ko"));
    QDir().mkpath(empty);
    TradeReplayLauncher launcher(m_journal, empty, nullptr);
    QPointer<TradeReplayWindow> w =
        launcher.open(m_trip.runId, m_trip.tripId, m_trip.entryMs, m_trip.exitMs);
    QSignalSpy planned(w.data(), &TradeReplayWindow::replayPlanned);
    QVERIFY(planned.wait(10'000));
    QCOMPARE(installTranslator(*QCoreApplication::instance(), QStringLiteral("ko")),
             QStringLiteral("ko"));
    QVERIFY(QTest::qWaitFor(
        [&] {
            return w->findChild<QLabel*>(QStringLiteral("replayBanner"))
                ->text()
                .startsWith(QStringLiteral("REPLAY · 기록된 데이터"));
        },
        2000));
    QCOMPARE(w->messageLabel()->text(),
             QStringLiteral("%1 구간을 담은 기록이 없습니다. 기록은 %2에 보관됩니다")
                 .arg(ReplayText::span(m_trip.entryMs, m_trip.exitMs), empty));
    QVERIFY(w->headerLabel()->text().contains(QStringLiteral("순손익")));
    installTranslator(*QCoreApplication::instance(), QStringLiteral("en"));
    QVERIFY(QTest::qWaitFor(
        [&] { return w->messageLabel()->text().startsWith(QStringLiteral("No recording")); },
        2000));
    delete w.data();
}

void TestTradeReplay::screenshot() {
    // The window at the end of a replay, saved for a look (and, with HOGA_REPLAY_JOURNAL and
    // HOGA_REPLAY_RECORDINGS pointing at a station's data, of one of its trades).
    const QString journal = qEnvironmentVariable("HOGA_REPLAY_JOURNAL", m_journal);
    const QString recordings = qEnvironmentVariable("HOGA_REPLAY_RECORDINGS", m_recordings);
    SqlReader sql(journal);
    // A trade in several fills that lasted a few seconds: its markers stand apart (or the trade
    // HOGA_REPLAY_TRIP names).
    const QString chosen = qEnvironmentVariable("HOGA_REPLAY_TRIP");
    const auto rows = sql.rows(
        QStringLiteral(
            "SELECT run_id, trip_id, entry_time_ms, exit_time_ms FROM round_trips t WHERE %1 "
            "ORDER BY (SELECT count(*) FROM fills f WHERE f.run_id = t.run_id AND f.time_ms "
            "BETWEEN "
            "t.entry_time_ms AND t.exit_time_ms) > 2 AND t.exit_time_ms - t.entry_time_ms >= 3000 "
            "DESC, t.exit_time_ms - t.entry_time_ms DESC LIMIT 1")
            .arg(chosen.isEmpty() ? QStringLiteral("1")
                                  : QStringLiteral("trip_id = %1").arg(chosen.toLongLong())));
    QVERIFY2(!rows.isEmpty(), qPrintable(sql.error()));
    TradeReplayLauncher launcher(journal, recordings, nullptr);
    QPointer<TradeReplayWindow> w = launcher.open(rows[0][0].toString(), rows[0][1].toLongLong(),
                                                  rows[0][2].toLongLong(), rows[0][3].toLongLong());
    w->resize(1400, 820);
    w->setSpeed(ReplayDriver::kMaxSpeed);
    QSignalSpy finished(w.data(), &TradeReplayWindow::replayFinished);
    QVERIFY(finished.wait(60'000));
    QTest::qWait(300);
    QVERIFY(!w->chart()->entryMarks().empty());
    const QString out = qEnvironmentVariable(
        "HOGA_REPLAY_SCREENSHOT", QDir::temp().filePath(QStringLiteral("hoga-trade-replay.png")));
    QVERIFY(w->grab().save(out));
    qInfo("screenshot: %s", qPrintable(out));
    delete w.data();
}

QTEST_MAIN(TestTradeReplay)
#include "tst_trade_replay.moc"
