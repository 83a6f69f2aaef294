// The order book panel on snapshots of a real LiveSession: the ladder paints the snapshot's
// levels (bid bars below the spread row, ask bars above it, exact prices in the spread row), the
// imbalance gauge shows the strategy's imbalance against its entry threshold, and the health
// light follows the book and feed state — amber while syncing, green in sync, red after a route
// went down — with the engine's reasons in its tooltip.
#include <QTest>

#include "core/decimal.h"
#include "gui/views/book_colors.h"
#include "gui/views/book_ladder.h"
#include "gui/views/imbalance_gauge.h"
#include "gui/views/order_book_view.h"
#include "gui/views/status_light.h"
#include "station_fixture.h"

#include <QImage>
#include <QLabel>

using namespace hoga;
using gui::BookHealth;
using gui::OrderBookView;

namespace {

// Rows of the ladder image in which `color` covers at least a few pixels.
std::vector<int> rowsWith(const QImage& image, const gui::BookLadder& ladder, const QColor& color) {
    std::vector<int> rows;
    const int rowsPainted = 2 * ladder.levelsPerSide() + 2;
    for (int row = 0; row < rowsPainted; ++row) {
        const QRect r = ladder.rowRect(row);
        int hits = 0;
        for (int x = r.left(); x <= r.right(); ++x) {
            if (QColor(image.pixel(x, r.center().y() + 1)) == color) {
                ++hits;
            }
        }
        if (hits >= 2) {
            rows.push_back(row);
        }
    }
    return rows;
}

} // namespace

class TestOrderBookView : public QObject {
    Q_OBJECT
private Q_SLOTS:
    void initTestCase();
    void ladderPaintsBidsBelowAsksAbove();
    void gaugeShowsTheImbalanceAgainstItsThreshold();
    void healthLightFollowsTheState();
    void screenshot();
};

void TestOrderBookView::initTestCase() {
    const auto& s = stationtest::stationSnapshots();
    QVERIFY2(s.error.empty(), s.error.c_str());
}

void TestOrderBookView::ladderPaintsBidsBelowAsksAbove() {
    const auto& end = *stationtest::stationSnapshots().end;
    QVERIFY(end.bids.size() >= 12 && end.asks.size() >= 12);
    OrderBookView view;
    view.resize(420, 640);
    view.show();
    QVERIFY(QTest::qWaitForWindowExposed(&view));
    view.update(end);
    gui::BookLadder* ladder = view.ladder();
    const QImage image = ladder->grab().toImage();
    QVERIFY(!image.isNull());
    const int levels = ladder->levelsPerSide();
    const int spread = ladder->spreadRow();

    // Every level has a bar (size > 0), on its side of the spread row and nowhere else.
    const std::vector<int> bidRows = rowsWith(image, *ladder, gui::BookColors::bidBar());
    const std::vector<int> askRows = rowsWith(image, *ladder, gui::BookColors::askBar());
    QVERIFY(!bidRows.empty());
    QVERIFY(!askRows.empty());
    for (int row : bidRows) {
        QVERIFY2(row > spread && row <= spread + levels, qPrintable(QString::number(row)));
    }
    for (int row : askRows) {
        QVERIFY2(row >= 1 && row < spread, qPrintable(QString::number(row)));
    }
    // The largest level on screen gets a bar across the size and total columns.
    std::int64_t maxLots = 0;
    int maxRow = 0;
    for (int i = 0; i < levels; ++i) {
        const auto idx = static_cast<std::size_t>(i);
        if (end.bids[idx].qty.lots > maxLots) {
            maxLots = end.bids[idx].qty.lots;
            maxRow = spread + 1 + i;
        }
        if (end.asks[idx].qty.lots > maxLots) {
            maxLots = end.asks[idx].qty.lots;
            maxRow = spread - 1 - i;
        }
    }
    const QRect widest = ladder->rowRect(maxRow);
    const QColor barColour =
        maxRow > spread ? gui::BookColors::bidBar() : gui::BookColors::askBar();
    QCOMPARE(QColor(image.pixel(widest.right() - 1, widest.top() + 2)), barColour);
    QCOMPARE(QColor(image.pixel(widest.width() / 3 + 2, widest.top() + 2)), barColour);

    // The spread row, exact.
    const std::int64_t mid10 =
        (end.bids[0].price.ticks + end.asks[0].price.ticks) * end.instrument.priceGrid.step * 5;
    const QString want = QStringLiteral("Spread %1 · Mid %2")
                             .arg(QString::fromStdString(end.instrument.formatPrice(core::Price{
                                      end.asks[0].price.ticks - end.bids[0].price.ticks})),
                                  QString::fromStdString(core::formatScaled(mid10, 3)));
    QCOMPARE(ladder->spreadText(), want);
    // Price text in the bid colour left of the best bid's row.
    const QRect best = ladder->rowRect(spread + 1);
    bool bidText = false;
    for (int x = best.left(); x < best.width() / 3 && !bidText; ++x) {
        for (int y = best.top(); y <= best.bottom() && !bidText; ++y) {
            bidText = QColor(image.pixel(x, y)) == gui::BookColors::bid();
        }
    }
    QVERIFY(bidText);
}

void TestOrderBookView::gaugeShowsTheImbalanceAgainstItsThreshold() {
    const auto& snaps = stationtest::stationSnapshots();
    OrderBookView view;
    for (const auto& s : snaps.through) {
        view.update(*s);
        QCOMPARE(view.gauge()->value(), s->features.imbalance);
        QCOMPARE(view.gauge()->threshold(), s->params.imbalanceEntry);
        QVERIFY(view.imbalanceLabel()->text().contains(QStringLiteral("top 10 levels")));
        QVERIFY2(view.imbalanceLabel()->text().contains(
                     QString::asprintf("%+.2f", s->features.imbalance)),
                 qPrintable(view.imbalanceLabel()->text()));
    }
    // The threshold marks are painted at ±θ.
    view.resize(400, 600);
    view.show();
    QVERIFY(QTest::qWaitForWindowExposed(&view));
    const QImage g = view.gauge()->grab().toImage();
    const double theta = snaps.end->params.imbalanceEntry;
    for (double t : {-theta, theta}) {
        const int x = static_cast<int>(1 + (t + 1.0) / 2.0 * (g.width() - 2));
        bool found = false;
        for (int dx = -1; dx <= 1 && !found; ++dx) {
            found = QColor(g.pixel(x + dx, 1)) == gui::BookColors::threshold();
        }
        QVERIFY2(found, qPrintable(QString::number(x)));
    }
}

void TestOrderBookView::healthLightFollowsTheState() {
    const auto& snaps = stationtest::stationSnapshots();
    OrderBookView view;

    view.update(*snaps.syncing);
    QVERIFY(snaps.syncing->syncState != binance::SyncState::Live);
    QCOMPARE(snaps.syncing->feedHealth, binance::FeedHealth::Connecting);
    QCOMPARE(view.health().level, BookHealth::Level::Pending);
    QCOMPARE(view.healthLight()->color(), QColor(0xff, 0xb3, 0x00));
    QVERIFY(
        view.healthLight()->toolTip().contains(QString::fromStdString(snaps.syncing->syncReason)));

    view.update(*snaps.end);
    QCOMPARE(snaps.end->syncState, binance::SyncState::Live);
    QCOMPARE(snaps.end->feedHealth, binance::FeedHealth::Connected);
    QCOMPARE(view.health().level, BookHealth::Level::Good);
    QCOMPARE(view.healthLight()->color(), QColor(0x26, 0xc2, 0x81));
    QCOMPARE(view.healthLabel()->text(), QStringLiteral("In sync · Connected"));
    QVERIFY(view.healthLight()->toolTip().contains(QStringLiteral("Feed: Connected — connected")));

    const auto& gap = *snaps.gap;
    view.update(gap);
    QVERIFY(!gap.entriesAllowed);
    QCOMPARE(gap.feedHealth, binance::FeedHealth::Disconnected);
    QCOMPARE(view.health().level, BookHealth::Level::Bad);
    QCOMPARE(view.healthLight()->color(), QColor(0xef, 0x35, 0x35));
    const QString tip = view.healthLight()->toolTip();
    QVERIFY2(tip.contains(QStringLiteral("market route: connection lost")), qPrintable(tip));
    QVERIFY2(tip.contains(QString::fromStdString(gap.syncReason)), qPrintable(tip));
    QVERIFY(tip.contains(QStringLiteral("New entries are blocked")));
    QVERIFY(view.healthLabel()->text().endsWith(QStringLiteral("Disconnected")));
    qInfo("gap: %s", qPrintable(tip));
}

void TestOrderBookView::screenshot() {
    const auto& snaps = stationtest::stationSnapshots();
    OrderBookView view;
    view.resize(420, 640);
    view.show();
    QVERIFY(QTest::qWaitForWindowExposed(&view));
    view.update(*snaps.open);
    QTest::qWait(50); // layouts and the legend settle on the event loop
    QVERIFY(view.grab().save(stationtest::screenshotPath(QStringLiteral("order_book.png"))));
    view.update(*snaps.gap);
    QTest::qWait(50); // layouts and the legend settle on the event loop
    QVERIFY(view.grab().save(stationtest::screenshotPath(QStringLiteral("order_book_gap.png"))));
}

QTEST_MAIN(TestOrderBookView)
#include "tst_order_book_view.moc"
