// The price chart on snapshots of a real LiveSession over the bundled recording: its bars for
// every interval equal CandleHistory's aggregation and the snapshot's own candles, the series hold
// exactly the bars in view, the markers are the snapshot's executions with their reasons, the
// position lines sit at the open position's entry and stop, and the interval combo (keyboard),
// wheel zoom, drag scroll and the Follow button work on the real widget.
#include <QTest>

#include "gui/charts/candle_history.h"
#include "gui/charts/price_chart.h"
#include "gui/charts/price_chart_view.h"
#include "station_fixture.h"

#include "test_printers.h"

#include <QApplication>
#include <QCandlestickSeries>
#include <QCandlestickSet>
#include <QComboBox>
#include <QDateTimeAxis>
#include <QLineSeries>
#include <QScatterSeries>
#include <QToolButton>
#include <QToolTip>
#include <QValueAxis>
#include <QWheelEvent>

#include <algorithm>

using namespace hoga;
using gui::PriceChart;

namespace {

// What the chart should hold: an independent history fed the same snapshots.
gui::CandleHistory historyOf(const std::vector<stationtest::Snapshot>& snapshots) {
    gui::CandleHistory h;
    for (const auto& s : snapshots) {
        std::optional<core::Candle> forming;
        for (const auto& bar : s->candles) {
            if (bar.closed) {
                h.addClosed(bar.candle);
            } else {
                forming = bar.candle;
            }
        }
        h.setForming(forming);
    }
    return h;
}

std::vector<stationtest::Snapshot> allSnapshots() {
    const auto& s = stationtest::stationSnapshots();
    std::vector<stationtest::Snapshot> all = s.through;
    all.push_back(s.end);
    return all;
}

double price(std::int64_t ticks) {
    return PriceChart::toChart(ticks, core::InstrumentSpec::btcusdtDefaults().priceGrid);
}
double lots(std::int64_t l) {
    return PriceChart::toChart(l, core::InstrumentSpec::btcusdtDefaults().qtyGrid);
}

QList<QCandlestickSet*> byTime(QCandlestickSeries* series) {
    QList<QCandlestickSet*> sets = series->sets();
    std::sort(sets.begin(), sets.end(),
              [](auto* a, auto* b) { return a->timestamp() < b->timestamp(); });
    return sets;
}

// The series hold exactly the chart's bars inside its window, with their exact values.
void checkSeries(const PriceChart& chart) {
    std::vector<gui::AggregatedBar> inView;
    const auto interval = static_cast<double>(chart.intervalMs());
    for (const auto& bar : chart.bars()) {
        const auto open = static_cast<double>(bar.candle.openTimeMs);
        if (open + interval > chart.windowLeftMs() && open < chart.windowRightMs()) {
            inView.push_back(bar);
        }
    }
    QVERIFY(!inView.empty());
    QVERIFY(static_cast<int>(inView.size()) <= chart.visibleBars() + 1);
    const auto candles = byTime(chart.candleSeries());
    std::vector<gui::VolumeBar> volume = chart.volumeBars();
    std::sort(volume.begin(), volume.end(),
              [](const auto& a, const auto& b) { return a.centerMs < b.centerMs; });
    QCOMPARE(candles.size(), static_cast<qsizetype>(inView.size()));
    QCOMPARE(static_cast<qsizetype>(volume.size()), candles.size());
    for (std::size_t i = 0; i < inView.size(); ++i) {
        const core::Candle& c = inView[i].candle;
        const auto k = static_cast<qsizetype>(i);
        QCOMPARE(candles[k]->timestamp(), static_cast<double>(c.openTimeMs) + interval / 2);
        QCOMPARE(candles[k]->open(), price(c.open.ticks));
        QCOMPARE(candles[k]->high(), price(c.high.ticks));
        QCOMPARE(candles[k]->low(), price(c.low.ticks));
        QCOMPARE(candles[k]->close(), price(c.close.ticks));
        QCOMPARE(volume[i].centerMs, candles[k]->timestamp());
        QCOMPARE(volume[i].buy, lots(c.takerBuyVolume.lots));
        QCOMPARE(volume[i].total, lots(c.takerBuyVolume.lots + c.takerSellVolume.lots));
    }
}

} // namespace

class TestPriceChart : public QObject {
    Q_OBJECT
private Q_SLOTS:
    void initTestCase();
    void oneSecondBarsAreTheSnapshotsCandles();
    void everyIntervalAggregatesExactly();
    void intervalComboByKeyboard();
    void markersAreTheSnapshotsExecutions();
    void positionLinesAtEntryAndStop();
    void wheelZoomsAndDragScrolls();
    void screenshot();
};

void TestPriceChart::initTestCase() {
    const auto& s = stationtest::stationSnapshots();
    QVERIFY2(s.error.empty(), s.error.c_str());
    QVERIFY(!s.end->marks.empty());
}

void TestPriceChart::oneSecondBarsAreTheSnapshotsCandles() {
    PriceChart chart;
    const auto all = allSnapshots();
    for (const auto& s : all) {
        chart.update(*s);
        checkSeries(chart);
    }
    // At 1 s the chart's bars are the engine's candles: the last snapshot's, and before them
    // the ones earlier snapshots carried.
    const auto& last = *all.back();
    QCOMPARE(chart.intervalMs(), std::int64_t(1000));
    QVERIFY(chart.bars().size() >= last.candles.size());
    const std::size_t offset = chart.bars().size() - last.candles.size();
    for (std::size_t i = 0; i < last.candles.size(); ++i) {
        const auto& got = chart.bars()[offset + i];
        const auto& want = last.candles[i];
        QCOMPARE(got.candle.openTimeMs, want.candle.openTimeMs);
        QCOMPARE(got.candle.open, want.candle.open);
        QCOMPARE(got.candle.high, want.candle.high);
        QCOMPARE(got.candle.low, want.candle.low);
        QCOMPARE(got.candle.close, want.candle.close);
        QCOMPARE(got.candle.takerBuyVolume, want.candle.takerBuyVolume);
        QCOMPARE(got.candle.takerSellVolume, want.candle.takerSellVolume);
        QCOMPARE(got.closed, want.closed);
    }
    QVERIFY(!chart.bars().back().closed);
    // The coordinates are the prices the grid prints (61659.7, not ticks or a tenth of it).
    const auto* newest = byTime(chart.candleSeries()).constLast();
    QCOMPARE(newest->close(),
             QString::fromStdString(last.instrument.formatPrice(last.candles.back().candle.close))
                 .toDouble());
    QCOMPARE(chart.priceAxis()->max() > newest->high(), true);
    QCOMPARE(chart.priceAxis()->min() < newest->low(), true);
    // Following: the newest bar is in view.
    QVERIFY(chart.following());
    QVERIFY(chart.windowRightMs() >
            static_cast<double>(chart.bars().back().candle.openTimeMs + 1000));
}

void TestPriceChart::everyIntervalAggregatesExactly() {
    const auto all = allSnapshots();
    const gui::CandleHistory expected = historyOf(all);
    PriceChart chart;
    for (const auto& s : all) {
        chart.update(*s);
    }
    for (std::int64_t ms : PriceChart::intervals()) {
        chart.setIntervalMs(ms);
        QCOMPARE(chart.intervalMs(), ms);
        const auto want =
            expected.aggregate(ms, gui::CandleHistory::kFromStart, PriceChart::kKeptBars);
        QCOMPARE(chart.bars().size(), want.size());
        std::int64_t buy = 0, sell = 0, trades = 0;
        for (std::size_t i = 0; i < want.size(); ++i) {
            const auto& got = chart.bars()[i].candle;
            QCOMPARE(got.openTimeMs, want[i].candle.openTimeMs);
            QCOMPARE(got.open, want[i].candle.open);
            QCOMPARE(got.high, want[i].candle.high);
            QCOMPARE(got.low, want[i].candle.low);
            QCOMPARE(got.close, want[i].candle.close);
            QCOMPARE(got.volume, want[i].candle.volume);
            buy += got.takerBuyVolume.lots;
            sell += got.takerSellVolume.lots;
            trades += got.tradeCount;
        }
        // Whatever the interval, the volume is the volume of the engine's candles kept.
        std::int64_t wantBuy = 0, wantSell = 0, wantTrades = 0;
        for (const core::Candle& c : chart.history().closed()) {
            wantBuy += c.takerBuyVolume.lots;
            wantSell += c.takerSellVolume.lots;
            wantTrades += c.tradeCount;
        }
        if (chart.history().forming()) {
            wantBuy += chart.history().forming()->takerBuyVolume.lots;
            wantSell += chart.history().forming()->takerSellVolume.lots;
            wantTrades += chart.history().forming()->tradeCount;
        }
        QCOMPARE(buy, wantBuy);
        QCOMPARE(sell, wantSell);
        QCOMPARE(trades, wantTrades);
        checkSeries(chart);
    }
}

void TestPriceChart::intervalComboByKeyboard() {
    PriceChart chart;
    chart.show();
    QVERIFY(QTest::qWaitForWindowExposed(&chart));
    chart.update(*stationtest::stationSnapshots().end);
    QComboBox* box = chart.intervalBox();
    box->setFocus();
    QTest::keyClick(box, Qt::Key_Down);
    QCOMPARE(chart.intervalMs(), std::int64_t(5000));
    QTest::keyClick(box, Qt::Key_Down);
    QTest::keyClick(box, Qt::Key_Down);
    QCOMPARE(chart.intervalMs(), std::int64_t(60000));
    const auto want = historyOf({stationtest::stationSnapshots().end}).aggregate(60000);
    QCOMPARE(chart.bars().size(), want.size());
    checkSeries(chart);
    QTest::keyClick(box, Qt::Key_Up);
    QCOMPARE(chart.intervalMs(), std::int64_t(15000));
}

void TestPriceChart::markersAreTheSnapshotsExecutions() {
    const auto& end = *stationtest::stationSnapshots().end;
    PriceChart chart;
    chart.update(end);
    QList<QPointF> entries, exits;
    for (const auto& m : end.marks) {
        (m.entry ? entries : exits)
            .append(QPointF(static_cast<double>(m.timeMs), price(m.price.ticks)));
    }
    QVERIFY(!entries.isEmpty());
    QVERIFY(!exits.isEmpty());
    QCOMPARE(chart.entrySeries()->points(), entries);
    QCOMPARE(chart.exitSeries()->points(), exits);

    // Hovering an exit shows its reason, price, size and time.
    chart.show();
    QVERIFY(QTest::qWaitForWindowExposed(&chart));
    const live::TradeMark& exit = chart.exitMarks().front();
    QVERIFY(exit.reason != "entry");
    Q_EMIT chart.exitSeries()->hovered(exits.front(), true);
    QTRY_VERIFY(QToolTip::isVisible());
    const QString tip = QToolTip::text();
    QCOMPARE(tip, chart.markToolTip(exit));
    QVERIFY2(tip.contains(QString::fromStdString(end.instrument.formatPrice(exit.price))),
             qPrintable(tip));
    QVERIFY(tip.contains(QString::fromStdString(end.instrument.formatQty(exit.qty))));
    QVERIFY(tip.contains(QStringLiteral("Exit")));
    const QString reason =
        QString::fromStdString(exit.reason).replace(QLatin1Char('_'), QLatin1Char(' '));
    QVERIFY2(tip.contains(reason), qPrintable(tip + QStringLiteral(" / ") + reason));
    Q_EMIT chart.entrySeries()->hovered(entries.back(), true);
    QTRY_COMPARE(QToolTip::text(), chart.markToolTip(chart.entryMarks().back()));
    QVERIFY(QToolTip::text().contains(QStringLiteral("entry signal")));
}

void TestPriceChart::positionLinesAtEntryAndStop() {
    const auto& snaps = stationtest::stationSnapshots();
    const auto& open = *snaps.open;
    QVERIFY(!open.position.flat());
    PriceChart chart;
    chart.update(open);
    const double entry = open.position.averagePriceTicks() * price(1);
    QCOMPARE(chart.entryLine()->count(), 2);
    QCOMPARE(chart.entryLine()->at(0).y(), entry);
    QCOMPARE(chart.entryLine()->at(1).y(), entry);
    QCOMPARE(chart.stopLine()->at(0).y(), price(open.stopPrice.ticks));
    QVERIFY(chart.stopLine()->name().contains(
        QString::fromStdString(open.instrument.formatPrice(open.stopPrice))));
    // The lines span the window; flat again, they go.
    QCOMPARE(chart.entryLine()->at(0).x(), chart.windowLeftMs());
    QCOMPARE(chart.entryLine()->at(1).x(), chart.windowRightMs());
    QVERIFY(snaps.end->position.flat());
    chart.update(*snaps.end);
    QCOMPARE(chart.entryLine()->count(), 0);
    QCOMPARE(chart.stopLine()->count(), 0);
}

void TestPriceChart::wheelZoomsAndDragScrolls() {
    PriceChart chart;
    chart.resize(900, 500);
    chart.show();
    QVERIFY(QTest::qWaitForWindowExposed(&chart));
    for (const auto& s : allSnapshots()) {
        chart.update(*s);
    }
    QWidget* viewport = chart.chartView()->viewport();
    const QPointF centre(viewport->width() / 2.0, viewport->height() / 2.0);
    const int before = chart.visibleBars();
    const double spanBefore = chart.windowRightMs() - chart.windowLeftMs();
    QWheelEvent in(centre, viewport->mapToGlobal(centre), QPoint(), QPoint(0, 240), Qt::NoButton,
                   Qt::NoModifier, Qt::NoScrollPhase, false);
    QApplication::sendEvent(viewport, &in);
    QVERIFY2(chart.visibleBars() < before, qPrintable(QString::number(chart.visibleBars())));
    QVERIFY(chart.windowRightMs() - chart.windowLeftMs() < spanBefore);
    QVERIFY(chart.following()); // zooming keeps the live edge
    checkSeries(chart);
    const auto dt =
        chart.timeAxis()->max().toMSecsSinceEpoch() - chart.timeAxis()->min().toMSecsSinceEpoch();
    QCOMPARE(static_cast<double>(dt), chart.windowRightMs() - chart.windowLeftMs());

    // Drag to the right: older bars, and the chart stops following.
    const double rightBefore = chart.windowRightMs();
    const QPoint from = centre.toPoint();
    QTest::mousePress(viewport, Qt::LeftButton, Qt::NoModifier, from);
    QTest::mouseMove(viewport, from + QPoint(200, 0));
    QTest::mouseRelease(viewport, Qt::LeftButton, Qt::NoModifier, from + QPoint(200, 0));
    QVERIFY(!chart.following());
    QVERIFY(!chart.followButton()->isChecked());
    QVERIFY(chart.windowRightMs() < rightBefore);
    checkSeries(chart);
    // New snapshots do not pull it back; Follow does.
    const double scrolled = chart.windowRightMs();
    chart.update(*stationtest::stationSnapshots().end);
    QCOMPARE(chart.windowRightMs(), scrolled);
    QTest::mouseClick(chart.followButton(), Qt::LeftButton);
    QVERIFY(chart.following());
    QCOMPARE(chart.windowRightMs(), rightBefore);
    checkSeries(chart);
}

void TestPriceChart::screenshot() {
    const auto& snaps = stationtest::stationSnapshots();
    PriceChart chart;
    chart.resize(1100, 560);
    chart.show();
    QVERIFY(QTest::qWaitForWindowExposed(&chart));
    // The run up to the open position, then zoomed to see it.
    for (const auto& s : snaps.through) {
        if (s->marketTimeMs <= snaps.open->marketTimeMs) {
            chart.update(*s);
        }
    }
    chart.update(*snaps.open);
    const QString path = stationtest::screenshotPath(QStringLiteral("price_chart.png"));
    QTest::qWait(50); // layouts and the legend settle on the event loop
    const QImage image = chart.grab().toImage();
    QVERIFY(image.save(path));
    // The volume bars are painted (by the view, not as series): both colours, in the bottom of
    // the plot and nowhere above its lower half.
    const QRectF plot = chart.chartView()->chart()->plotArea();
    const QPoint origin = chart.chartView()->viewport()->mapTo(&chart, QPoint(0, 0));
    const auto count = [&](const QColor& colour, double fromY, double toY) {
        int n = 0;
        for (int y = static_cast<int>(fromY); y < static_cast<int>(toY); ++y) {
            for (int x = static_cast<int>(plot.left()); x < static_cast<int>(plot.right()); ++x) {
                n += image.pixel(origin.x() + x, origin.y() + y) == colour.rgb() ? 1 : 0;
            }
        }
        return n;
    };
    const QColor buyColour = QColor(0x26, 0xa6, 0x9a).darker(140);
    const QColor sellColour = QColor(0xef, 0x53, 0x50).darker(140);
    const double middle = plot.top() + plot.height() / 2;
    QVERIFY(count(buyColour, middle, plot.bottom()) > 50);
    QVERIFY(count(sellColour, middle, plot.bottom()) > 50);
    QCOMPARE(count(buyColour, plot.top(), middle - 1), 0);
    chart.setIntervalMs(5000);
    chart.update(*snaps.end);
    QTest::qWait(50); // layouts and the legend settle on the event loop
    QVERIFY(chart.grab().save(stationtest::screenshotPath(QStringLiteral("price_chart_5s.png"))));
    qInfo("screenshot: %s", qPrintable(path));
}

QTEST_MAIN(TestPriceChart)
#include "tst_price_chart.moc"
