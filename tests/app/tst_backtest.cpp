// hoga-backtest on the real recordings: determinism, no look-ahead, the journal agreeing with the
// report, sweeps on one and two threads, and the command line.
// Qt headers first: moc (Qt 6.4) fails on <compare> when it comes before them.
#include <QTest>

#include "app/backtest_command.h"
#include "app/backtest_session.h"
#include "app/sweep.h"
#include "engine/memory_journal.h"
#include "test_printers.h"

#include <QJsonDocument>
#include <QJsonObject>
#include <QProcess>
#include <QTemporaryDir>

#include <sqlite3.h>

#include <fstream>
#include <sstream>

using namespace hoga;

namespace {
const std::string kRecordings = HOGA_RECORDINGS;
const std::string k2024 = kRecordings + "/hftbacktest_usdm_btcusdt_20240808.gz";

bool sameFill(const core::Fill& a, const core::Fill& b) {
    return a.clientOrderId == b.clientOrderId && a.side == b.side && a.price == b.price &&
           a.qty == b.qty && a.fee == b.fee && a.timeMs == b.timeMs;
}
bool sameOrder(const core::OrderRequest& a, const core::OrderRequest& b) {
    return a.clientOrderId == b.clientOrderId && a.side == b.side && a.qty == b.qty &&
           a.reduceOnly == b.reduceOnly && a.decisionTimeMs == b.decisionTimeMs;
}
int runCommand(const QStringList& args, QByteArray* out = nullptr, QByteArray* err = nullptr) {
    QProcess process;
    process.start(QStringLiteral(HOGA_BACKTEST_EXE), args);
    process.waitForFinished(120000);
    if (out) {
        *out = process.readAllStandardOutput();
    }
    if (err) {
        *err = process.readAllStandardError();
    }
    return process.exitCode();
}
std::string readAll(const QString& path) {
    std::ifstream in(path.toStdString(), std::ios::binary);
    std::stringstream s;
    s << in.rdbuf();
    return s.str();
}
} // namespace

class TestBacktest : public QObject {
    Q_OBJECT
private Q_SLOTS:
    void defaultsTradeOnTheBundledRecording();
    void deterministic();
    void journalAgreesWithTheReport();
    void noLookAhead();
    void tapeReplayEqualsStreaming();
    void sweepIsTheSameOnOneAndTwoThreads();
    void sweepGridErrors();
    void commandLine();
    void journalFileIsByteIdentical();
    void reportRecomputedFromTheSqliteJournal();
};

void TestBacktest::defaultsTradeOnTheBundledRecording() {
    engine::MemoryJournal journal;
    const auto report = app::runBacktest({k2024}, core::StrategyParams::defaults(), &journal);
    QVERIFY2(report.error.empty(), report.error.c_str());
    QCOMPARE(report.events, qint64(93954));
    QVERIFY(report.stats.roundTrips > 0); // the behaviour can be seen
    QCOMPARE(report.stats.wins + report.stats.losses, report.stats.roundTrips);
    QVERIFY(report.stats.fees.e8 > 0);
    QCOMPARE(static_cast<qint64>(journal.roundTrips.size()), report.stats.roundTrips);
}

void TestBacktest::deterministic() {
    const auto params = core::StrategyParams::demo();
    engine::MemoryJournal a;
    engine::MemoryJournal b;
    const auto ra = app::runBacktest({k2024}, params, &a);
    const auto rb = app::runBacktest({k2024}, params, &b);
    QVERIFY(a.fills.size() > 10);
    QCOMPARE(a.fills.size(), b.fills.size());
    for (std::size_t i = 0; i < a.fills.size(); ++i) {
        QVERIFY(sameFill(a.fills[i], b.fills[i]));
    }
    QCOMPARE(a.equity.size(), b.equity.size());
    QCOMPARE(ra.stats.netPnl, rb.stats.netPnl);
    QCOMPARE(ra.stats.maxDrawdownPct, rb.stats.maxDrawdownPct);
    QCOMPARE(engine::reportToJson(ra).substr(0, engine::reportToJson(ra).find("\"elapsed_s\"")),
             engine::reportToJson(rb).substr(0, engine::reportToJson(rb).find("\"elapsed_s\"")));
}

void TestBacktest::journalAgreesWithTheReport() {
    engine::MemoryJournal j;
    const auto r = app::runBacktest({k2024}, core::StrategyParams::demo(), &j);
    std::int64_t net = 0, gross = 0, fees = 0, fillFees = 0, wins = 0;
    std::array<std::int64_t, core::kExitReasonCount> reasons{};
    for (const auto& t : j.roundTrips) {
        net += t.netPnl.e8;
        gross += t.grossPnl.e8;
        fees += t.fees.e8;
        wins += t.netPnl.e8 > 0 ? 1 : 0;
        ++reasons[static_cast<std::size_t>(t.exitReason)];
        QCOMPARE(t.netPnl.e8, t.grossPnl.e8 - t.fees.e8 + t.funding.e8);
        QVERIFY(t.exitTimeMs >= t.entryTimeMs);
    }
    for (const auto& f : j.fills) {
        fillFees += f.fee.e8;
    }
    QCOMPARE(net, r.stats.netPnl.e8);
    QCOMPARE(gross, r.stats.grossPnl.e8);
    QCOMPARE(fees, r.stats.fees.e8);
    QCOMPARE(fillFees, r.stats.fees.e8);
    QCOMPARE(wins, r.stats.wins);
    QVERIFY(reasons == r.stats.exitReasons);
    QCOMPARE(r.finalEquity.e8, r.startingCapital.e8 + r.stats.netPnl.e8); // flat at the end
    // Every round trip's size is the sum of its entry fills.
    QCOMPARE(static_cast<qint64>(j.orders.size()), r.stats.ordersSent);
}

void TestBacktest::noLookAhead() {
    // The decisions made on a prefix of the data are exactly those the full run made on it.
    const auto tape = binance::decodeTape({k2024}, core::InstrumentSpec::btcusdtDefaults());
    QVERIFY(tape.error.empty());
    const auto params = core::StrategyParams::demo();
    engine::MemoryJournal full;
    {
        app::BacktestSession session(core::InstrumentSpec::btcusdtDefaults(), params, &full);
        for (const auto& e : tape.entries) {
            session.onTapeEntry(tape, e);
        }
    }
    QVERIFY(full.orders.size() > 10);
    for (std::size_t cutAt :
         {tape.entries.size() / 4, tape.entries.size() / 2, tape.entries.size() * 3 / 4}) {
        engine::MemoryJournal cut;
        app::BacktestSession session(core::InstrumentSpec::btcusdtDefaults(), params, &cut);
        for (std::size_t i = 0; i < cutAt; ++i) {
            session.onTapeEntry(tape, tape.entries[i]);
        }
        QVERIFY(!cut.orders.empty());
        QVERIFY(cut.orders.size() <= full.orders.size());
        for (std::size_t i = 0; i < cut.orders.size(); ++i) {
            QVERIFY(sameOrder(cut.orders[i], full.orders[i]));
        }
        for (std::size_t i = 0; i < cut.fills.size(); ++i) {
            QVERIFY(sameFill(cut.fills[i], full.fills[i]));
        }
        // And the full run decided nothing else before the cut's last event time.
        const std::int64_t cutTime = tape.entries[cutAt - 1].timeMs;
        std::size_t before = 0;
        while (before < full.orders.size() && full.orders[before].decisionTimeMs < cutTime) {
            ++before;
        }
        QVERIFY(before <= cut.orders.size());
    }
}

void TestBacktest::tapeReplayEqualsStreaming() {
    const auto params = core::StrategyParams::demo();
    engine::MemoryJournal streamed;
    const auto r = app::runBacktest({k2024}, params, &streamed);
    const auto tape = binance::decodeTape({k2024}, core::InstrumentSpec::btcusdtDefaults());
    engine::MemoryJournal taped;
    app::BacktestSession session(core::InstrumentSpec::btcusdtDefaults(), params, &taped);
    for (const auto& e : tape.entries) {
        session.onTapeEntry(tape, e);
    }
    const auto rt = session.finish(static_cast<std::int64_t>(tape.entries.size()), 0);
    QCOMPARE(rt.stats.netPnl, r.stats.netPnl);
    QCOMPARE(rt.stats.roundTrips, r.stats.roundTrips);
    QCOMPARE(taped.fills.size(), streamed.fills.size());
}

void TestBacktest::sweepIsTheSameOnOneAndTwoThreads() {
    const auto tape = binance::decodeTape({k2024}, core::InstrumentSpec::btcusdtDefaults());
    std::vector<app::SweepPoint> points;
    std::string error;
    QVERIFY2(app::expandGrid(R"({"volume_burst_ratio": [2, 4], "imbalance_exit": [0.3, 0.6],
                                 "leverage": [10, 30]})",
                             core::StrategyParams::demo(), points, error),
             error.c_str());
    QCOMPARE(points.size(), std::size_t(8));
    // Leverage 30 puts the 5 % stop beyond liquidation: those points are invalid, not run.
    int invalid = 0;
    for (const auto& p : points) {
        invalid += p.error.empty() ? 0 : 1;
    }
    QCOMPARE(invalid, 4);
    const auto one = app::runSweep(tape, points, {1, 0.6});
    const auto two = app::runSweep(tape, points, {2, 0.6});
    QCOMPARE(app::sweepCsv(one), app::sweepCsv(two));
    QVERIFY(one.front().outOfSample.has_value());
    for (std::size_t i = 1; i < 4; ++i) { // sorted by in-sample net PnL
        QVERIFY(one[i - 1].primary.stats.netPnl >= one[i].primary.stats.netPnl);
    }
    // A point of the sweep equals a plain backtest with the same parameters.
    const auto noSplit = app::runSweep(tape, points, {2, 0});
    const auto& best = noSplit.front();
    const auto direct = app::runBacktest({k2024}, best.point.params, nullptr);
    QCOMPARE(best.primary.stats.netPnl, direct.stats.netPnl);
}

void TestBacktest::sweepGridErrors() {
    std::vector<app::SweepPoint> points;
    std::string error;
    QVERIFY(!app::expandGrid(R"({"volume_burst_raito": [2]})", {}, points, error));
    QVERIFY(error.find("volume_burst_raito") != std::string::npos);
    QVERIFY(!app::expandGrid(R"({"leverage": 10})", {}, points, error));
    QVERIFY(!app::expandGrid(R"({"leverage": []})", {}, points, error));
    QVERIFY(!app::expandGrid("[]", {}, points, error));
}

void TestBacktest::commandLine() {
    QTemporaryDir dir;
    const QString trades = dir.filePath(QStringLiteral("trades.csv"));
    const QString equity = dir.filePath(QStringLiteral("equity.csv"));
    QByteArray out;
    QByteArray err;
    QCOMPARE(
        runCommand({QStringLiteral("--data"), QString::fromStdString(k2024),
                    QStringLiteral("--preset"), QStringLiteral("demo"), QStringLiteral("--trades"),
                    trades, QStringLiteral("--equity"), equity, QStringLiteral("--json")},
                   &out, &err),
        0);
    const QJsonObject o = QJsonDocument::fromJson(out).object();
    for (const char* key :
         {"events", "trades", "wins", "losses", "win_rate", "gross_pnl", "fees", "funding",
          "net_pnl", "return_pct", "max_drawdown_pct", "exposure_pct", "avg_hold_s", "exit_reasons",
          "entries_refused", "elapsed_s", "events_per_s", "targets"}) {
        QVERIFY2(o.contains(QLatin1String(key)), key);
    }
    const auto tradeCount = o.value(QStringLiteral("trades")).toInteger();
    QVERIFY(tradeCount > 0);
    const std::string tradesCsv = readAll(trades);
    QCOMPARE(static_cast<qint64>(std::count(tradesCsv.begin(), tradesCsv.end(), '\n')),
             tradeCount + 1); // a header and one row per round trip
    QVERIFY(readAll(equity).size() > 1000);
    // Bad input gets a clear message and a non-zero exit.
    QCOMPARE(
        runCommand({QStringLiteral("--data"), QStringLiteral("/nonexistent.gz")}, nullptr, &err),
        1);
    QVERIFY(err.contains("/nonexistent.gz"));
    const QString badParams = dir.filePath(QStringLiteral("p.json"));
    std::ofstream(badParams.toStdString()) << R"({"stop_loss_pct": 50})";
    QCOMPARE(runCommand({QStringLiteral("--data"), QString::fromStdString(k2024),
                         QStringLiteral("--params"), badParams},
                        nullptr, &err),
             2);
    QVERIFY2(err.contains("stop_loss_pct"), err.constData());
    QCOMPARE(runCommand({}), 2);
    QCOMPARE(runCommand({QStringLiteral("--help")}), 0);
}

void TestBacktest::journalFileIsByteIdentical() {
    QTemporaryDir dir;
    const QString a = dir.filePath(QStringLiteral("a.sqlite"));
    const QString b = dir.filePath(QStringLiteral("b.sqlite"));
    for (const QString& path : {a, b}) {
        QCOMPARE(runCommand({QStringLiteral("--data"), QString::fromStdString(k2024),
                             QStringLiteral("--preset"), QStringLiteral("demo"),
                             QStringLiteral("--journal"), path, QStringLiteral("--quiet")}),
                 0);
    }
    const std::string bytesA = readAll(a);
    QVERIFY(bytesA.size() > 4096);
    QVERIFY(bytesA == readAll(b));
}

void TestBacktest::reportRecomputedFromTheSqliteJournal() {
    QTemporaryDir dir;
    const QString path = dir.filePath(QStringLiteral("run.sqlite"));
    QByteArray out;
    QCOMPARE(runCommand({QStringLiteral("--data"), QString::fromStdString(k2024),
                         QStringLiteral("--preset"), QStringLiteral("demo"),
                         QStringLiteral("--journal"), path, QStringLiteral("--json")},
                        &out),
             0);
    const QJsonObject report = QJsonDocument::fromJson(out).object();
    sqlite3* db = nullptr;
    QCOMPARE(sqlite3_open_v2(path.toUtf8().constData(), &db, SQLITE_OPEN_READONLY, nullptr),
             SQLITE_OK);
    const auto scalar = [&](const char* sql) {
        sqlite3_stmt* stmt = nullptr;
        std::string value;
        if (sqlite3_prepare_v2(db, sql, -1, &stmt, nullptr) == SQLITE_OK &&
            sqlite3_step(stmt) == SQLITE_ROW && sqlite3_column_text(stmt, 0)) {
            value = reinterpret_cast<const char*>(sqlite3_column_text(stmt, 0));
        }
        sqlite3_finalize(stmt);
        return value;
    };
    const auto e8 = [](const QJsonValue& v) {
        const auto scaled = core::parseFixed8(v.toString().toStdString());
        return std::to_string(scaled.value);
    };
    QCOMPARE(scalar("select count(*) from round_trips"),
             std::to_string(report.value(QStringLiteral("trades")).toInteger()));
    QCOMPARE(scalar("select sum(net_pnl_e8) from round_trips"),
             e8(report.value(QStringLiteral("net_pnl"))));
    QCOMPARE(scalar("select sum(gross_pnl_e8) from round_trips"),
             e8(report.value(QStringLiteral("gross_pnl"))));
    QCOMPARE(scalar("select sum(fees_e8) from round_trips"),
             e8(report.value(QStringLiteral("fees"))));
    QCOMPARE(scalar("select sum(fee_e8) from fills"), e8(report.value(QStringLiteral("fees"))));
    QCOMPARE(scalar("select count(*) from round_trips where net_pnl_e8 > 0"),
             std::to_string(report.value(QStringLiteral("wins")).toInteger()));
    QCOMPARE(scalar("select count(*) from round_trips where exit_reason = 'imbalance_reversal'"),
             std::to_string(report.value(QStringLiteral("exit_reasons"))
                                .toObject()
                                .value(QStringLiteral("imbalance_reversal"))
                                .toInteger()));
    QCOMPARE(scalar("select count(*) from orders"),
             std::to_string(report.value(QStringLiteral("orders")).toInteger()));
    sqlite3_close(db);
}

QTEST_GUILESS_MAIN(TestBacktest)
#include "tst_backtest.moc"
