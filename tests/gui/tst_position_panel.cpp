// The position and account panel on snapshots of a real LiveSession: an open position's numbers
// exactly as the grids print them, money rounded in integers, KRW at the rate set in the spin box
// (typed on the keyboard), kept in QSettings, and PnL coloured by sign.
#include <QTest>

#include "core/decimal.h"
#include "core/position.h"
#include "core/wide_int.h"
#include "gui/views/position_panel.h"
#include "station_fixture.h"

#include <QDoubleSpinBox>
#include <QLabel>
#include <QSettings>
#include <QTemporaryDir>

using namespace hoga;
using gui::PositionPanel;
using Field = PositionPanel::Field;

namespace {

// Half away from zero, in integers: the test's own arithmetic, not the panel's helpers.
std::int64_t roundDiv(core::Int128 n, core::Int128 d) {
    return static_cast<std::int64_t>(n >= 0 ? (n + d / 2) / d : -((-n + d / 2) / d));
}

QString usdt(core::Fixed8 v, bool plus) {
    const std::int64_t cents = roundDiv(v.e8, 1000000);
    const QString digits =
        QString::fromStdString(core::formatScaled(cents < 0 ? -cents : cents, 2));
    if (cents < 0) {
        return QString(QChar(0x2212)) + digits;
    }
    return plus && cents > 0 ? QStringLiteral("+") + digits : digits;
}

QString krw(core::Fixed8 v, std::int64_t rateE2) {
    const std::int64_t won = roundDiv(static_cast<core::Int128>(v.e8) * rateE2, 10000000000LL);
    QString digits = QString::number(won < 0 ? -won : won);
    for (qsizetype i = digits.size() - 3; i > 0; i -= 3) {
        digits.insert(i, QLatin1Char(','));
    }
    return (won < 0 ? QString(QChar(0x2212)) : QString()) + digits + QStringLiteral(" KRW");
}

} // namespace

class TestPositionPanel : public QObject {
    Q_OBJECT
private Q_SLOTS:
    void initTestCase();
    void openPositionExactly();
    void accountAfterTheRun();
    void krwRateFromTheSpinBoxIsKept();
    void screenshot();

private:
    QTemporaryDir m_settingsDir;
};

void TestPositionPanel::initTestCase() {
    const auto& s = stationtest::stationSnapshots();
    QVERIFY2(s.error.empty(), s.error.c_str());
    QCoreApplication::setOrganizationName(QStringLiteral("hoga-tests"));
    QCoreApplication::setApplicationName(QStringLiteral("tst_position_panel"));
    QSettings::setPath(QSettings::NativeFormat, QSettings::UserScope, m_settingsDir.path());
    QSettings().clear();
}

void TestPositionPanel::openPositionExactly() {
    const auto& s = *stationtest::stationSnapshots().open;
    const core::Position& p = s.position;
    QVERIFY(!p.flat());
    PositionPanel panel;
    panel.update(s);
    // No rate chosen yet: the session's.
    QCOMPARE(panel.krwPerUsdt(), s.params.krwPerUsdt);
    const std::int64_t rate = std::llround(s.params.krwPerUsdt * 100);

    QCOMPARE(panel.usdtText(Field::Side),
             p.side == core::PositionSide::Long ? QStringLiteral("Long") : QStringLiteral("Short"));
    QCOMPARE(panel.usdtText(Field::Size),
             QString::fromStdString(s.instrument.formatQty(p.qty)) + QStringLiteral(" BTC"));
    QCOMPARE(panel.usdtText(Field::Entry), QString::fromStdString(core::formatAveragePrice(
                                               p.entryNotional, p.qty, s.instrument.priceGrid, 2)));
    QCOMPARE(panel.usdtText(Field::Mark),
             QString::fromStdString(s.instrument.formatPrice(s.markPrice)));
    QCOMPARE(panel.usdtText(Field::Liquidation),
             QString::fromStdString(s.instrument.formatPrice(s.liquidationPrice)));
    QCOMPARE(panel.usdtText(Field::Stop),
             QString::fromStdString(s.instrument.formatPrice(s.stopPrice)));
    // Unrealised PnL: the engine's exact figure, and it is mark against entry.
    QCOMPARE(s.unrealizedPnl.e8, core::unrealizedPnl(p, s.markPrice, s.instrument).e8);
    QCOMPARE(panel.usdtText(Field::UnrealizedPnl), usdt(s.unrealizedPnl, true));
    QCOMPARE(panel.krwText(Field::UnrealizedPnl), krw(s.unrealizedPnl, rate));
    QCOMPARE(panel.usdtLabel(Field::UnrealizedPnl)->toolTip(),
             QString::fromStdString(core::formatScaled(s.unrealizedPnl.e8, 8)));
    if (s.unrealizedPnl.e8 != 0) {
        QCOMPARE(panel.usdtLabel(Field::UnrealizedPnl)->palette().color(QPalette::WindowText),
                 s.unrealizedPnl.e8 > 0 ? PositionPanel::gainColor() : PositionPanel::lossColor());
    }
    QCOMPARE(panel.usdtText(Field::Equity), usdt(s.equity, false));
    QCOMPARE(panel.krwText(Field::Equity), krw(s.equity, rate));
    QCOMPARE(panel.usdtText(Field::Balance), usdt(s.balance, false));
    // The entry's fee is paid already.
    QVERIFY(s.stats.fees.e8 > 0);
    QCOMPARE(panel.usdtText(Field::Fees), usdt(s.stats.fees, false));
    QCOMPARE(panel.krwText(Field::Fees), krw(s.stats.fees, rate));
    QCOMPARE(panel.krwText(Field::Side), QString());
}

void TestPositionPanel::accountAfterTheRun() {
    const auto& s = *stationtest::stationSnapshots().end;
    QVERIFY(s.position.flat());
    QVERIFY(s.stats.roundTrips >= 3);
    PositionPanel panel;
    panel.update(s);
    QCOMPARE(panel.usdtText(Field::Side), QStringLiteral("Flat"));
    QCOMPARE(panel.usdtText(Field::Stop), QStringLiteral("—"));
    QCOMPARE(panel.usdtText(Field::NetPnl), usdt(s.stats.netPnl, true));
    QCOMPARE(panel.usdtLabel(Field::NetPnl)->palette().color(QPalette::WindowText),
             s.stats.netPnl.e8 > 0 ? PositionPanel::gainColor() : PositionPanel::lossColor());
    QCOMPARE(panel.usdtText(Field::RoundTrips),
             QStringLiteral("%1 · %2 % won")
                 .arg(s.stats.roundTrips)
                 .arg(QString::number(100.0 * static_cast<double>(s.stats.wins) /
                                          static_cast<double>(s.stats.roundTrips),
                                      'f', 1)));
    QCOMPARE(panel.usdtText(Field::Balance), usdt(s.balance, false));
}

void TestPositionPanel::krwRateFromTheSpinBoxIsKept() {
    const auto& s = *stationtest::stationSnapshots().open;
    {
        PositionPanel panel;
        panel.show();
        QVERIFY(QTest::qWaitForWindowExposed(&panel));
        panel.update(s);
        QDoubleSpinBox* box = panel.rateBox();
        box->setFocus();
        box->selectAll();
        QTest::keyClicks(box, QStringLiteral("1452.5"));
        QTest::keyClick(box, Qt::Key_Enter);
        QCOMPARE(panel.krwPerUsdt(), 1452.5);
        QCOMPARE(panel.krwText(Field::Equity), krw(s.equity, 145250));
        QCOMPARE(panel.krwText(Field::UnrealizedPnl), krw(s.unrealizedPnl, 145250));
        QCOMPARE(QSettings().value(PositionPanel::rateKey()).toDouble(), 1452.5);
        // Arrow keys step it by one won.
        QTest::keyClick(box, Qt::Key_Up);
        QCOMPARE(panel.krwPerUsdt(), 1453.5);
        QCOMPARE(panel.krwText(Field::Fees), krw(s.stats.fees, 145350));
    }
    // A new panel (next start) takes the trader's rate, not the session's.
    PositionPanel again;
    again.update(s);
    QCOMPARE(again.krwPerUsdt(), 1453.5);
    QCOMPARE(again.krwText(Field::Balance), krw(s.balance, 145350));
    QSettings().remove(PositionPanel::rateKey());
}

void TestPositionPanel::screenshot() {
    PositionPanel panel;
    panel.resize(420, 380);
    panel.show();
    QVERIFY(QTest::qWaitForWindowExposed(&panel));
    panel.update(*stationtest::stationSnapshots().open);
    QTest::qWait(50); // layouts and the legend settle on the event loop
    QVERIFY(panel.grab().save(stationtest::screenshotPath(QStringLiteral("position_panel.png"))));
}

QTEST_MAIN(TestPositionPanel)
#include "tst_position_panel.moc"
