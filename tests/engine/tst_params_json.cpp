// StrategyParams as JSON: round trip, strictness, validation messages.
// Qt headers first: moc (Qt 6.4) fails on <compare> when it comes before them.
#include <QTest>

#include "engine/params_json.h"

using namespace hoga;

class TestParamsJson : public QObject {
    Q_OBJECT
private Q_SLOTS:
    void roundTrip();
    void partialPresetKeepsDefaults();
    void unknownKeyIsAnError();
    void wrongTypeIsAnError();
    void invalidCombinationIsExplained();
};

void TestParamsJson::roundTrip() {
    core::StrategyParams p = core::StrategyParams::demo();
    p.imbalanceWindow = core::DepthWindow::Bps;
    p.takerShareFilter = true;
    p.momentumBps = 4.8828125;
    core::StrategyParams back;
    std::string error;
    QVERIFY2(engine::paramsFromJson(engine::paramsToJson(p), back, error), error.c_str());
    QVERIFY(back == p);
}

void TestParamsJson::partialPresetKeepsDefaults() {
    core::StrategyParams p;
    std::string error;
    QVERIFY2(engine::paramsFromJson(R"({"volume_burst_ratio": 2.5, "leverage": 5})", p, error),
             error.c_str());
    QCOMPARE(p.volumeBurstRatio, 2.5);
    QCOMPARE(p.leverage, 5);
    QCOMPARE(p.stopLossPct, 5.0);
}

void TestParamsJson::unknownKeyIsAnError() {
    core::StrategyParams p;
    std::string error;
    QVERIFY(!engine::paramsFromJson(R"({"volume_burst_raito": 2.5})", p, error));
    QVERIFY(error.find("volume_burst_raito") != std::string::npos);
    QCOMPARE(p.volumeBurstRatio, 3.0); // untouched on error
}

void TestParamsJson::wrongTypeIsAnError() {
    core::StrategyParams p;
    std::string error;
    QVERIFY(!engine::paramsFromJson(R"({"leverage": "10"})", p, error));
    QVERIFY(!engine::paramsFromJson(R"({"imbalance_window": "levels"})", p, error));
    QVERIFY(!engine::paramsFromJson(R"([1,2])", p, error));
    QVERIFY(!engine::paramsFromJson("", p, error));
}

void TestParamsJson::invalidCombinationIsExplained() {
    core::StrategyParams p;
    std::string error;
    QVERIFY(
        !engine::paramsFromJson(R"({"leverage": 20})", p, error)); // 5 % stop beyond liquidation
    QVERIFY2(error.find("stop_loss_pct") != std::string::npos, error.c_str());
}

QTEST_APPLESS_MAIN(TestParamsJson)
#include "tst_params_json.moc"
