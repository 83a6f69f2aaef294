// The signal panel on snapshots of a real LiveSession: every row prints the snapshot's value
// against the snapshot's threshold, the lights are OrderFlowStrategy's own decisions
// (entryConditions, featureExit, priceExit), and the status line says why it is not entering.
#include <QTest>

#include "core/order_flow_strategy.h"
#include "gui/views/signal_panel.h"
#include "gui/views/status_light.h"
#include "station_fixture.h"

#include <cmath>

using namespace hoga;
using gui::SignalPanel;
using Row = SignalPanel::Row;
using Light = SignalPanel::Light;

namespace {

QString num(double v, int decimals) {
    return QString::number(v, 'f', decimals);
}

// "+0.12" / "−0.12" as the panel prints signed values.
QString sgn(double v, int decimals) {
    const QString d = num(std::abs(v), decimals);
    if (d.toDouble() == 0.0) {
        return d;
    }
    return (v < 0 ? QString(QChar(0x2212)) : QStringLiteral("+")) + d;
}

Light lit(bool on) {
    return on ? Light::Met : Light::NotMet;
}

void checkEntries(const SignalPanel& panel, const live::StationSnapshot& s) {
    const core::EntryConditions c = core::OrderFlowStrategy(s.params).entryConditions(s.features);
    const core::FeatureSnapshot& f = s.features;
    QCOMPARE(panel.light(Row::VolumeBurst), lit(c.volumeBurst));
    QCOMPARE(panel.light(Row::Imbalance), lit(c.imbalanceLong || c.imbalanceShort));
    QCOMPARE(panel.light(Row::Momentum), lit(c.momentumLong || c.momentumShort));
    QCOMPARE(panel.valueText(Row::VolumeBurst),
             QStringLiteral("volume %1× / %2×")
                 .arg(num(f.volumeRatio, 1), num(s.params.volumeBurstRatio, 1)));
    QCOMPARE(panel.valueText(Row::Imbalance),
             QStringLiteral("imbalance %1 / ±%2")
                 .arg(sgn(f.imbalance, 2), num(s.params.imbalanceEntry, 2)));
    QCOMPARE(panel.valueText(Row::Momentum),
             QStringLiteral("momentum %1 bps / ±%2 bps")
                 .arg(sgn(f.momentumBps, 1), num(s.params.momentumBps, 1)));
    QCOMPARE(panel.lightWidget(Row::VolumeBurst)->color(),
             SignalPanel::lightColor(lit(c.volumeBurst)));
    QVERIFY(!panel.rowVisible(Row::TakerShare)); // the filter is off in the demo preset
}

} // namespace

class TestSignalPanel : public QObject {
    Q_OBJECT
private Q_SLOTS:
    void initTestCase();
    void entryRowsAreTheStrategysConditions();
    void exitRowsInAPosition();
    void whyItIsNotEntering();
    void lightsTurnOnWhenTheConditionsHold();
    void screenshot();
};

void TestSignalPanel::initTestCase() {
    const auto& s = stationtest::stationSnapshots();
    QVERIFY2(s.error.empty(), s.error.c_str());
}

void TestSignalPanel::entryRowsAreTheStrategysConditions() {
    const auto& snaps = stationtest::stationSnapshots();
    SignalPanel panel;
    int burstsSeen = 0;
    for (const auto& s : snaps.through) {
        panel.update(*s);
        checkEntries(panel, *s);
        burstsSeen += panel.light(Row::VolumeBurst) == Light::Met ? 1 : 0;
        if (s->position.flat()) {
            QCOMPARE(panel.light(Row::StopLoss), Light::NotApplicable);
            QCOMPARE(panel.light(Row::VolumeFade), Light::NotApplicable);
            QCOMPARE(panel.light(Row::ImbalanceReversal), Light::NotApplicable);
            QCOMPARE(panel.valueText(Row::StopLoss),
                     QStringLiteral("stop — / −%1 %").arg(num(s->params.stopLossPct, 1)));
        }
    }
    for (const auto& s : {snaps.open, snaps.end, snaps.gap, snaps.syncing}) {
        panel.update(*s);
        checkEntries(panel, *s);
    }
    qInfo("volume burst lit in %d of %zu snapshots", burstsSeen, snaps.through.size());
}

void TestSignalPanel::exitRowsInAPosition() {
    const auto& s = *stationtest::stationSnapshots().open;
    QVERIFY(!s.position.flat());
    SignalPanel panel;
    panel.update(s);
    const core::OrderFlowStrategy strategy(s.params);
    const bool isLong = s.position.side == core::PositionSide::Long;

    const auto reversal = strategy.featureExit(s.features, s.position);
    QCOMPARE(panel.light(Row::ImbalanceReversal),
             lit(reversal == core::ExitReason::ImbalanceReversal));
    QCOMPARE(panel.valueText(Row::ImbalanceReversal),
             QStringLiteral("imbalance %1 / %2")
                 .arg(sgn(s.features.imbalance, 2),
                      sgn(isLong ? -s.params.imbalanceExit : s.params.imbalanceExit, 2)));

    const auto stop = strategy.priceExit(s.markPrice, s.position);
    QCOMPARE(panel.light(Row::StopLoss), lit(stop == core::ExitReason::StopLoss));
    const double entry = s.position.averagePriceTicks();
    const double move =
        (static_cast<double>(s.markPrice.ticks) - entry) / entry * 100.0 * (isLong ? 1.0 : -1.0);
    QCOMPARE(panel.valueText(Row::StopLoss),
             QStringLiteral("stop %1 % / %2 %").arg(sgn(move, 1), sgn(-s.params.stopLossPct, 1)));
    QCOMPARE(panel.directionText(Row::StopLoss),
             isLong ? QStringLiteral("long") : QStringLiteral("short"));

    // The fade streak counts closed candles since the entry; the engine exits at K, so an open
    // position shows fewer.
    QVERIFY(panel.fadeStreak() >= 0);
    QVERIFY(panel.fadeStreak() < s.params.volumeFadeCandles);
    QCOMPARE(panel.light(Row::VolumeFade), Light::NotMet);
    QCOMPARE(panel.valueText(Row::VolumeFade),
             QStringLiteral("volume %1× / %2× · %3 of %4 candles")
                 .arg(num(panel.lastClosedVolumeRatio(), 1), num(s.params.volumeFadeRatio, 1))
                 .arg(panel.fadeStreak())
                 .arg(s.params.volumeFadeCandles));
    QVERIFY(panel.statusText().startsWith(QStringLiteral("In a position")));
}

void TestSignalPanel::whyItIsNotEntering() {
    const auto& snaps = stationtest::stationSnapshots();
    SignalPanel panel;
    panel.update(*snaps.syncing);
    QVERIFY(!snaps.syncing->entriesAllowed);
    QVERIFY2(panel.statusText().contains(QStringLiteral("book unverified")),
             qPrintable(panel.statusText()));
    QVERIFY(panel.statusText().contains(QString::fromStdString(snaps.syncing->syncReason)));

    panel.update(*snaps.gap);
    QVERIFY2(panel.statusText().contains(QStringLiteral("book unverified")),
             qPrintable(panel.statusText()));

    // In sync, flat, warmed up: either an entry signal or the conditions still missing.
    const auto& end = *snaps.end;
    QVERIFY(end.entriesAllowed && end.warmedUp && end.position.flat());
    panel.update(end);
    const QString text = panel.statusText();
    QVERIFY2(text.startsWith(QStringLiteral("Waiting")) ||
                 text.startsWith(QStringLiteral("Entry signal")) ||
                 text.contains(QStringLiteral("cooldown")),
             qPrintable(text));
    if (panel.light(Row::VolumeBurst) == Light::NotMet &&
        !text.contains(QStringLiteral("cooldown"))) {
        QVERIFY(text.contains(QStringLiteral("volume burst")));
    }

    // Stopped by the trader, and not yet warmed up: the same snapshot with those flags.
    live::StationSnapshot stopped = end;
    stopped.takingEntries = false;
    panel.update(stopped);
    QCOMPARE(panel.statusText(), QStringLiteral("Not entering: entries stopped by the trader."));
    live::StationSnapshot cold = end;
    cold.warmedUp = false;
    panel.update(cold);
    QVERIFY(panel.statusText().contains(QStringLiteral("warming up")));
}

void TestSignalPanel::lightsTurnOnWhenTheConditionsHold() {
    // A real snapshot with its features moved past every threshold, long side.
    live::StationSnapshot s = *stationtest::stationSnapshots().end;
    s.features.volumeRatio = s.params.volumeBurstRatio + 0.5;
    s.features.imbalance = s.params.imbalanceEntry + 0.1;
    s.features.momentumBps = s.params.momentumBps + 1.0;
    s.marks.clear(); // no cooldown
    SignalPanel panel;
    panel.update(s);
    checkEntries(panel, s);
    QCOMPARE(panel.light(Row::VolumeBurst), Light::Met);
    QCOMPARE(panel.light(Row::Imbalance), Light::Met);
    QCOMPARE(panel.light(Row::Momentum), Light::Met);
    QCOMPARE(panel.directionText(Row::Imbalance), QStringLiteral("long"));
    QCOMPARE(panel.statusText(), QStringLiteral("Entry signal: long."));
    // Momentum against the book: both lit, no entry.
    s.features.momentumBps = -(s.params.momentumBps + 1.0);
    panel.update(s);
    QCOMPARE(panel.directionText(Row::Momentum), QStringLiteral("short"));
    QCOMPARE(panel.statusText(),
             QStringLiteral("Waiting: the conditions point in different directions."));
}

void TestSignalPanel::screenshot() {
    SignalPanel panel;
    panel.resize(460, 300);
    panel.show();
    QVERIFY(QTest::qWaitForWindowExposed(&panel));
    panel.update(*stationtest::stationSnapshots().open);
    QTest::qWait(50); // layouts and the legend settle on the event loop
    QVERIFY(panel.grab().save(stationtest::screenshotPath(QStringLiteral("signal_panel.png"))));
    panel.update(*stationtest::stationSnapshots().gap);
    QTest::qWait(50); // layouts and the legend settle on the event loop
    QVERIFY(panel.grab().save(stationtest::screenshotPath(QStringLiteral("signal_panel_gap.png"))));
}

QTEST_MAIN(TestSignalPanel)
#include "tst_signal_panel.moc"
