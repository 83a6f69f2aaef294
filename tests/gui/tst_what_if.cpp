// What-if backtests on the bundled recording: the runner's figures are exactly hoga-backtest's
// (app::runBacktest, the streaming path) for the same parameters, progress reaches the end,
// cancel stops a run early, superseded runs are dropped, and the panel shows both columns for
// edits made in a real threshold editor.
#include <QTest>

#include "app/backtest_command.h"
#include "core/instrument.h"
#include "gui/params/threshold_editor.h"
#include "gui/params/what_if_panel.h"
#include "gui/params/what_if_runner.h"

#include <QDoubleSpinBox>
#include <QLabel>
#include <QProgressBar>
#include <QPushButton>
#include <QSignalSpy>

using namespace hoga;
using gui::WhatIfPanel;
using gui::WhatIfResult;
using gui::WhatIfRunner;

namespace {

const QString kRecording = QStringLiteral(HOGA_RECORDINGS "/hftbacktest_usdm_btcusdt_20240808.gz");

void compareReports(const engine::BacktestReport& a, const engine::BacktestReport& b) {
    QCOMPARE(a.stats.roundTrips, b.stats.roundTrips);
    QCOMPARE(a.stats.wins, b.stats.wins);
    QCOMPARE(a.stats.losses, b.stats.losses);
    QCOMPARE(a.stats.grossPnl.e8, b.stats.grossPnl.e8);
    QCOMPARE(a.stats.fees.e8, b.stats.fees.e8);
    QCOMPARE(a.stats.netPnl.e8, b.stats.netPnl.e8);
    QCOMPARE(a.stats.maxDrawdownPct, b.stats.maxDrawdownPct); // the same sums in the same order
    QCOMPARE(a.winRatePct(), b.winRatePct());
    QCOMPARE(a.finalEquity.e8, b.finalEquity.e8);
}

WhatIfResult waitForResult(QSignalSpy& spy, int count = 1) {
    if (!QTest::qWaitFor([&] { return spy.size() >= count; }, 60000)) {
        return {};
    }
    return spy.size() >= count ? spy.at(count - 1).at(0).value<WhatIfResult>() : WhatIfResult{};
}

} // namespace

class TestWhatIf : public QObject {
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();
    void sameFiguresAsTheBacktester();
    void cancelStopsEarly();
    void supersededRunsAreDropped();
    void panelShowsEditsFromTheEditor();

private:
    engine::BacktestReport m_defaults;
    engine::BacktestReport m_demo;
};

void TestWhatIf::initTestCase() {
    m_defaults =
        app::runBacktest({kRecording.toStdString()}, core::StrategyParams::defaults(), nullptr);
    m_demo = app::runBacktest({kRecording.toStdString()}, core::StrategyParams::demo(), nullptr);
    QVERIFY(m_defaults.error.empty());
    QVERIFY(m_demo.stats.roundTrips >= 5); // the comparison has trades to compare
    QVERIFY(m_demo.stats.roundTrips != m_defaults.stats.roundTrips ||
            m_demo.stats.netPnl != m_defaults.stats.netPnl);
}

void TestWhatIf::sameFiguresAsTheBacktester() {
    WhatIfRunner runner;
    runner.setSource({kRecording});
    runner.setCurrentParams(core::StrategyParams::defaults());
    QSignalSpy progress(&runner, &WhatIfRunner::progressed);
    QSignalSpy finished(&runner, &WhatIfRunner::finished);
    const std::uint64_t id = runner.run(core::StrategyParams::demo());
    QVERIFY(runner.busy());
    const WhatIfResult r = waitForResult(finished);
    QCOMPARE(r.id, id);
    QVERIFY(!r.cancelled);
    QVERIFY2(r.error.isEmpty(), qPrintable(r.error));
    QVERIFY(r.current && r.edited);
    compareReports(*r.current, m_defaults);
    compareReports(*r.edited, m_demo);
    QVERIFY(!runner.busy());

    // Progress: first "decoding" (no total), then rising event counts up to the total of both
    // runs, the last report exactly at the end.
    QVERIFY(progress.size() > 10);
    QCOMPARE(progress.first().at(2).toLongLong(), qint64(0));
    qint64 previous = 0;
    const qint64 total = progress.last().at(2).toLongLong();
    QCOMPARE(total, static_cast<qint64>(2 * r.edited->events));
    for (int i = 1; i < progress.size(); ++i) {
        const qint64 done = progress.at(i).at(1).toLongLong();
        QVERIFY(done >= previous);
        QCOMPARE(progress.at(i).at(2).toLongLong(), total);
        previous = done;
    }
    QCOMPARE(progress.last().at(1).toLongLong(), total);

    // Again with other edits: the tape and the current parameters' report are reused, so only
    // the edited run replays (its total is one pass), with the same exact figures.
    progress.clear();
    core::StrategyParams other = core::StrategyParams::demo();
    other.stopLossPct = 1.0;
    runner.run(other);
    const WhatIfResult again = waitForResult(finished, 2);
    QVERIFY(again.current && again.edited);
    compareReports(*again.current, m_defaults);
    compareReports(*again.edited, app::runBacktest({kRecording.toStdString()}, other, nullptr));
    QCOMPARE(progress.last().at(2).toLongLong(), static_cast<qint64>(again.edited->events));
}

void TestWhatIf::cancelStopsEarly() {
    WhatIfRunner runner;
    runner.setSource({kRecording});
    QSignalSpy finished(&runner, &WhatIfRunner::finished);
    qint64 lastDone = 0, total = 0;
    connect(&runner, &WhatIfRunner::progressed, &runner, [&](std::uint64_t, qint64 d, qint64 t) {
        lastDone = d;
        total = t;
        if (t > 0 && d > 0) {
            runner.cancel(); // as soon as replaying has begun
        }
    });
    runner.run(core::StrategyParams::demo());
    const WhatIfResult r = waitForResult(finished);
    QVERIFY(r.cancelled);
    QVERIFY(!r.edited);
    QVERIFY(total > 0);
    QVERIFY2(lastDone < total / 2, qPrintable(QStringLiteral("%1 of %2").arg(lastDone).arg(total)));
    QVERIFY(!runner.busy());
    QCOMPARE(finished.size(), 1);
}

void TestWhatIf::supersededRunsAreDropped() {
    WhatIfRunner runner;
    runner.setSource({kRecording});
    runner.setDebounceMs(100);
    QSignalSpy started(&runner, &WhatIfRunner::started);
    QSignalSpy finished(&runner, &WhatIfRunner::finished);

    // Run twice at once: the first is cancelled or dropped, only the second has figures.
    runner.run(core::StrategyParams::defaults());
    const std::uint64_t second = runner.run(core::StrategyParams::demo());
    const WhatIfResult last = waitForResult(finished, 2);
    QVERIFY(finished.at(0).at(0).value<WhatIfResult>().cancelled);
    QCOMPARE(last.id, second);
    QVERIFY(!last.cancelled && last.edited);
    compareReports(*last.edited, m_demo);

    // A burst of edits within the debounce time makes one run, of the last edit.
    started.clear();
    finished.clear();
    core::StrategyParams p = core::StrategyParams::demo();
    for (const double burst : {2.5, 3.0, 3.5}) {
        p.volumeBurstRatio = burst;
        runner.schedule(p);
        QTest::qWait(10);
    }
    const WhatIfResult debounced = waitForResult(finished);
    QTest::qWait(300); // no other run follows
    QCOMPARE(started.size(), 1);
    QCOMPARE(finished.size(), 1);
    QVERIFY(debounced.edited);
    compareReports(*debounced.edited, app::runBacktest({kRecording.toStdString()}, p, nullptr));
}

void TestWhatIf::panelShowsEditsFromTheEditor() {
    gui::ThresholdEditor editor;
    WhatIfPanel panel;
    panel.runner()->setDebounceMs(50);
    QObject::connect(&editor, &gui::ThresholdEditor::paramsEdited, &panel,
                     &WhatIfPanel::setEditedParams);
    editor.setCurrent(core::StrategyParams::defaults());
    panel.setCurrentParams(editor.current());
    panel.setChosenRecordings({kRecording});
    editor.show();
    panel.show();
    QSignalSpy shown(&panel, &WhatIfPanel::resultShown);

    // Typing demo's burst ratio into the editor runs the edit after the pause.
    editor.spinBox("volume_burst_ratio")->setFocus();
    editor.spinBox("volume_burst_ratio")->selectAll();
    QTest::keyClicks(editor.spinBox("volume_burst_ratio"), QStringLiteral("2"));
    QVERIFY(shown.wait(60000));
    core::StrategyParams edited = core::StrategyParams::defaults();
    edited.volumeBurstRatio = 2;
    const auto expected = app::runBacktest({kRecording.toStdString()}, edited, nullptr);
    QVERIFY(panel.lastResult() && panel.lastResult()->edited);
    compareReports(*panel.lastResult()->edited, expected);
    QCOMPARE(panel.progressBar()->value(), 100);
    QCOMPARE(panel.figureLabel(WhatIfPanel::Trades, WhatIfPanel::Current)->text(),
             QLocale().toString(qlonglong{m_defaults.stats.roundTrips}));
    QCOMPARE(panel.figureLabel(WhatIfPanel::Trades, WhatIfPanel::Edited)->text(),
             QLocale().toString(qlonglong{expected.stats.roundTrips}));
    QCOMPARE(panel.figureLabel(WhatIfPanel::NetPnl, WhatIfPanel::Edited)->text(),
             QString::fromStdString(core::formatFixed8(expected.stats.netPnl)) +
                 QStringLiteral(" USDT"));
    QCOMPARE(panel.figureLabel(WhatIfPanel::Fees, WhatIfPanel::Current)->text(),
             QString::fromStdString(core::formatFixed8(m_defaults.stats.fees)) +
                 QStringLiteral(" USDT"));
    QVERIFY(!panel.cancelButton()->isEnabled());

    // An invalid edit is not run; the panel says so.
    editor.spinBox("volume_fade_ratio")->setFocus();
    editor.spinBox("volume_fade_ratio")->selectAll();
    QTest::keyClicks(editor.spinBox("volume_fade_ratio"), QStringLiteral("5"));
    QVERIFY(!panel.runButton()->isEnabled());
    QVERIFY(panel.statusLabel()->text().contains(WhatIfPanel::tr("invalid")));
    QTest::qWait(200);
    QCOMPARE(shown.size(), 1);

    // Run with the button, then Cancel at once: the panel reports the cancellation.
    editor.spinBox("volume_fade_ratio")->selectAll();
    QTest::keyClicks(editor.spinBox("volume_fade_ratio"), QStringLiteral("0.3"));
    panel.setRunOnEdit(false);
    QTest::qWait(100); // the debounced run of the fix, if it was scheduled, starts
    QTest::mouseClick(panel.runButton(), Qt::LeftButton);
    QTRY_VERIFY(panel.cancelButton()->isEnabled());
    QTest::mouseClick(panel.cancelButton(), Qt::LeftButton);
    QTRY_VERIFY_WITH_TIMEOUT(panel.lastResult() && panel.lastResult()->cancelled, 20000);
    QCOMPARE(panel.statusLabel()->text(), WhatIfPanel::tr("Cancelled."));
}

QTEST_MAIN(TestWhatIf)
#include "tst_what_if.moc"
