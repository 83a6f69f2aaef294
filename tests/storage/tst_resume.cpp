#include <QTest>

// loadResumeState against journals written record by record (SqliteJournal) or built by hand in
// SQL as older builds left them: the account reconstructed to the unit, run chains, the journals
// that must be refused (inconsistent rows, corrupt or foreign files), and the ones that are a
// fresh start (no file, no run of the mode).

#include "journal_test_support.h"
#include "platform/logging.h"
#include "storage/journal_schema.h"
#include "storage/resume_reader.h"
#include "storage/sqlite_journal.h"
#include "test_printers.h"

#include <QTemporaryDir>

#include <csignal>
#include <sys/wait.h>
#include <unistd.h>

using namespace hoga;
using namespace hoga::storage;
using namespace hoga::storage::testing;
using core::Fixed8;

namespace {

constexpr std::int64_t kStart = 72463768116; // 724.63768116 USDT
constexpr Fixed8 kCapital{50000000000};      // the caller's capital: 500 USDT

engine::RunInfo paperRun(const std::string& id, const std::string& resumedFrom,
                         std::optional<Fixed8> startingBalance) {
    engine::RunInfo run = sampleRun(id);
    run.mode = "paper";
    run.resumedFrom = resumedFrom;
    run.startingBalance = startingBalance;
    return run;
}

core::OrderRequest order(const std::string& id, core::Side side, std::int64_t lots, bool exit,
                         std::int64_t timeMs) {
    core::OrderRequest o;
    o.clientOrderId = id;
    o.side = side;
    o.qty = core::Qty{lots};
    o.reduceOnly = exit;
    o.decisionTimeMs = timeMs;
    return o;
}

core::Fill fill(const std::string& id, core::Side side, std::int64_t ticks, std::int64_t lots,
                std::int64_t feeE8, std::int64_t timeMs) {
    core::Fill f;
    f.clientOrderId = id;
    f.side = side;
    f.price = core::Price{ticks};
    f.qty = core::Qty{lots};
    f.fee = Fixed8{feeE8};
    f.timeMs = timeMs;
    return f;
}

engine::OrderIntent exitIntent(core::ExitReason reason) {
    engine::OrderIntent intent = sampleExitIntent();
    intent.exitReason = reason;
    return intent;
}

// Run p1: 15 lots bought in two fills, one funding payment, a stop whose exit filled 6 lots
// before the process stopped.
constexpr std::int64_t kP1Fees = 24720120 + 12360080 + 14808000;
constexpr std::int64_t kP1Funding = -9270045;
constexpr std::int64_t kP1End = kStart - kP1Fees + kP1Funding;

void writeRunP1(SqliteJournal& journal) {
    journal.recordRun(paperRun("p1", "", Fixed8{kStart}));
    journal.recordOrder(order("hoga-p1-1", core::Side::Buy, 15, false, 999), sampleEntryIntent());
    journal.recordFill(fill("hoga-p1-1", core::Side::Buy, 618003, 10, 24720120, 1000));
    journal.recordFill(fill("hoga-p1-1", core::Side::Buy, 618004, 5, 12360080, 1001));
    engine::FundingRecord funding = sampleFunding();
    funding.tripId = 1;
    funding.timeMs = 2000;
    funding.fundingTimeMs = 2000;
    journal.recordFunding(funding);
    journal.recordOrder(order("hoga-p1-2", core::Side::Sell, 15, true, 2999),
                        exitIntent(core::ExitReason::StopLoss));
    journal.recordFill(fill("hoga-p1-2", core::Side::Sell, 617000, 6, 14808000, 3000));
}

// Run p2 resumes p1: the rest of the exit (the round trip spans the restart), then a new short.
constexpr std::int64_t kP2ExitFee = 22211640;
constexpr std::int64_t kTripGross = -151400000; // (3702000 + 5552910 − 9270050) × 0.0001 USDT
constexpr std::int64_t kP2End = kP1End - kP2ExitFee + kTripGross - 4940000;

void writeRunP2(SqliteJournal& journal, std::int64_t startingBalance = kP1End) {
    journal.recordRun(paperRun("p2", "p1", Fixed8{startingBalance}));
    journal.recordOrder(order("hoga-p2-3", core::Side::Sell, 9, true, 4999),
                        exitIntent(core::ExitReason::StopLoss));
    journal.recordFill(fill("hoga-p2-3", core::Side::Sell, 616990, 9, kP2ExitFee, 5000));
    core::RoundTrip trip;
    trip.id = 1;
    trip.side = core::PositionSide::Long;
    trip.entryTimeMs = 1000;
    trip.exitTimeMs = 5000;
    trip.qty = core::Qty{15};
    trip.entryNotional = core::Notional{9270050};
    trip.exitNotional = core::Notional{3702000 + 5552910};
    trip.grossPnl = Fixed8{kTripGross};
    trip.fees = Fixed8{kP1Fees + kP2ExitFee};
    trip.funding = Fixed8{kP1Funding};
    trip.netPnl = Fixed8{trip.grossPnl.e8 - trip.fees.e8 + trip.funding.e8};
    trip.exitReason = core::ExitReason::StopLoss;
    journal.recordRoundTrip(trip);
    engine::EquitySample sample = sampleEquity();
    sample.equity = Fixed8{72500000000};
    journal.recordEquity(sample);
    journal.recordOrder(order("hoga-p2-4", core::Side::Sell, 2, false, 5999), sampleEntryIntent());
    journal.recordFill(fill("hoga-p2-4", core::Side::Sell, 617500, 2, 4940000, 6000));
}

} // namespace

class TestResume : public QObject {
    Q_OBJECT

private:
    QTemporaryDir m_dir;
    core::InstrumentSpec m_spec = core::InstrumentSpec::btcusdtDefaults();

    std::string path(const char* name) const {
        return m_dir.filePath(QLatin1String(name)).toStdString();
    }
    std::optional<engine::ResumeState> load(const std::string& file, std::string& error,
                                            const char* mode = "paper") const {
        return loadResumeState(file, mode, "BTCUSDT", kCapital, error);
    }
    // A file at `version` exactly as a build of that version created it: the released steps.
    static void makeOldFile(const std::string& file, int version) {
        std::string sql = "PRAGMA journal_mode = WAL;";
        for (int i = 0; i < version; ++i) {
            sql += journalMigrations()[static_cast<std::size_t>(i)];
        }
        sql += "PRAGMA user_version = " + std::to_string(version) + ";";
        std::string error;
        QVERIFY2(execSql(file, sql, &error), error.c_str());
    }

private Q_SLOTS:
    void initTestCase() {
        QVERIFY(m_dir.isValid());
        platform::initLogging({.level = "warn", .filePath = {}, .console = true, .async = false});
    }

    void nothingToResumeIsAFreshStart() {
        std::string error = "stale";
        QVERIFY(!load(path("missing.db"), error));
        QVERIFY2(error.empty(), error.c_str());

        const std::string empty = path("empty.db");
        writeBytes(empty, {});
        QVERIFY(!load(empty, error));
        QVERIFY2(error.empty(), error.c_str());
        QCOMPARE(readBytes(empty).size(), std::size_t(0)); // left for SqliteJournal to set up

        // A journal with a backtest only: nothing for paper, and not for another symbol either.
        const std::string file = path("backtest-only.db");
        {
            SqliteJournal journal(m_spec);
            QVERIFY(journal.open(file));
            journal.recordRun(sampleRun("bt"));
            journal.recordFill(sampleFill());
        }
        QVERIFY(!load(file, error));
        QVERIFY2(error.empty(), error.c_str());
        QVERIFY(load(file, error, "backtest"));
        QVERIFY(!loadResumeState(file, "backtest", "ETHUSDT", kCapital, error));
        QVERIFY2(error.empty(), error.c_str());
    }

    void openPositionWithAPartialExit() {
        const std::string file = path("open.db");
        {
            SqliteJournal journal(m_spec);
            QVERIFY(journal.open(file));
            writeRunP1(journal);
            journal.close();
            QVERIFY2(journal.healthy(), journal.lastError().c_str());
        }
        std::string error;
        const auto state = load(file, error);
        QVERIFY2(state, error.c_str());
        QCOMPARE(state->runId, std::string("p1"));
        QCOMPARE(state->runChain, std::vector<std::string>{"p1"});
        QCOMPARE(state->balance.e8, kP1End);
        const core::Position& p = state->position;
        QCOMPARE(p.side, core::PositionSide::Long);
        QCOMPARE(p.qty, core::Qty{9});
        // 15 lots cost 9,270,050 units; the 6 sold carried 9,270,050 × 6 / 15 = 3,708,020.
        QCOMPARE(p.entryNotional.units, qint64(9270050 - 3708020));
        QCOMPARE(p.entryTimeMs, qint64(1000));
        QCOMPARE(p.entryFees.e8, qint64(24720120 + 12360080));
        QCOMPARE(p.funding.e8, kP1Funding);
        const core::FeatureSnapshot expected = sampleEntryIntent().features;
        QCOMPARE(p.atEntry.timeMs, expected.timeMs);
        QCOMPARE(p.atEntry.volumeRatio, expected.volumeRatio);
        QCOMPARE(p.atEntry.imbalance, expected.imbalance);
        QCOMPARE(p.atEntry.momentumBps, expected.momentumBps);
        QCOMPARE(p.atEntry.takerBuyShare, expected.takerBuyShare);
        QCOMPARE(p.atEntry.lastPrice, expected.lastPrice);
        QCOMPARE(p.atEntry.bestBid, expected.bestBid);
        QCOMPARE(p.atEntry.bestAsk, expected.bestAsk);
        QCOMPARE(state->partialExit.closedQty, core::Qty{6});
        QCOMPARE(state->partialExit.closedEntryNotional.units, qint64(3708020));
        QCOMPARE(state->partialExit.exitNotional.units, qint64(617000 * 6));
        QCOMPARE(state->partialExit.exitFees.e8, qint64(14808000));
        QVERIFY(state->exitReason == core::ExitReason::StopLoss);
        QCOMPARE(state->unfinishedOrderId, std::string("hoga-p1-2"));
        QCOMPARE(state->orderSequence, qint64(2));
        QCOMPARE(state->tripSequence, qint64(0));
        QCOMPARE(state->fundingPaidForMs, qint64(2000));
        QCOMPARE(state->lastTimeMs, qint64(3000));
        QCOMPARE(state->peakEquity.e8, kStart);
        QVERIFY(state->riskTrips.empty());
        QCOMPARE(state->recentOrderTimesMs, (std::vector<std::int64_t>{999, 2999}));
    }

    void chainAcrossARestart() {
        const std::string file = path("chain.db");
        {
            SqliteJournal journal(m_spec);
            QVERIFY(journal.open(file));
            writeRunP1(journal);
            journal.close();
            QVERIFY(journal.open(file)); // the restart
            writeRunP2(journal);
            journal.close();
            QVERIFY2(journal.healthy(), journal.lastError().c_str());
        }
        std::string error;
        const auto state = load(file, error);
        QVERIFY2(state, error.c_str());
        QCOMPARE(state->runId, std::string("p2"));
        QCOMPARE(state->runChain, (std::vector<std::string>{"p1", "p2"}));
        QCOMPARE(state->balance.e8, kP2End);
        QCOMPARE(state->position.side, core::PositionSide::Short);
        QCOMPARE(state->position.qty, core::Qty{2});
        QCOMPARE(state->position.entryNotional.units, qint64(617500 * 2));
        QCOMPARE(state->position.entryTimeMs, qint64(6000));
        QCOMPARE(state->position.entryFees.e8, qint64(4940000));
        QCOMPARE(state->position.funding.e8, qint64(0)); // p1's payment was trip 1's
        QCOMPARE(state->partialExit.closedQty, core::Qty{0});
        QVERIFY(!state->exitReason);
        QVERIFY(state->unfinishedOrderId.empty());
        QCOMPARE(state->orderSequence, qint64(4));
        QCOMPARE(state->tripSequence, qint64(1));
        QCOMPARE(state->peakEquity.e8, qint64(72500000000));
        QCOMPARE(state->riskTrips.size(), std::size_t(1));
        QCOMPARE(state->riskTrips[0].exitTimeMs, qint64(5000));
        QVERIFY(state->riskTrips[0].exitReason == core::ExitReason::StopLoss);
        QCOMPARE(state->recentOrderTimesMs, (std::vector<std::int64_t>{999, 2999, 4999, 5999}));

        // The chain's figures recompute from SQL: every run's balance from its own rows.
        const auto runEnd = [&](const char* run) {
            const std::string id = std::string("'") + run + "'";
            return selectInt(file,
                             "SELECT starting_balance_e8"
                             " + coalesce((SELECT sum(gross_pnl_e8) FROM round_trips WHERE "
                             "run_id = " +
                                 id +
                                 "), 0)"
                                 " - coalesce((SELECT sum(fee_e8) FROM fills WHERE run_id = " +
                                 id +
                                 "), 0)"
                                 " + coalesce((SELECT sum(amount_e8) FROM funding "
                                 "WHERE run_id = " +
                                 id + "), 0) FROM runs WHERE id = " + id);
        };
        QCOMPARE(runEnd("p1"), kP1End);
        QCOMPARE(runEnd("p2"), kP2End);
        QCOMPARE(selectInt(file, "SELECT starting_balance_e8 FROM runs WHERE id = 'p2'"), kP1End);
        QCOMPARE(selectInt(file, "SELECT resumed_from = 'p1' FROM runs WHERE id = 'p2'"), 1);
        // The round trip that spans the restart is the closing run's, with its true entry time
        // and the funding p1 booked.
        QCOMPARE(selectInt(file, "SELECT entry_time_ms FROM round_trips WHERE run_id = 'p2'"),
                 std::int64_t(1000));
        QCOMPARE(selectInt(file, "SELECT funding_e8 FROM round_trips WHERE trip_id = 1"),
                 kP1Funding);
        QCOMPARE(selectInt(file, "SELECT sum(amount_e8) FROM funding WHERE trip_id = 1"),
                 kP1Funding);
    }

    void resumesAfterAKill() {
        const std::string file = path("killed.db");
        const int status = runInChild([&] {
            SqliteJournal journal(m_spec);
            if (!journal.open(file)) {
                return 2;
            }
            writeRunP1(journal);
            if (!journal.flush()) {
                return 3;
            }
            kill(getpid(), SIGKILL); // no finish(), no checkpoint: the rows are in the WAL
            return 4;
        });
        QVERIFY2(WIFSIGNALED(status) && WTERMSIG(status) == SIGKILL,
                 qPrintable(QString::number(status)));
        std::string error;
        const auto state = load(file, error);
        QVERIFY2(state, error.c_str());
        QCOMPARE(state->balance.e8, kP1End);
        QCOMPARE(state->position.qty, core::Qty{9});
        QVERIFY(state->exitReason == core::ExitReason::StopLoss);
    }

    void inconsistentJournalsAreRefused() {
        std::string error;
        // A resumed run that does not start where its predecessor ended.
        const std::string wrongStart = path("wrong-start.db");
        {
            SqliteJournal journal(m_spec);
            QVERIFY(journal.open(wrongStart));
            writeRunP1(journal);
            writeRunP2(journal, kP1End + 1);
        }
        QVERIFY(!load(wrongStart, error));
        QVERIFY2(error.find("run p2 starts with balance") != std::string::npos, error.c_str());
        QVERIFY2(error.find(wrongStart) != std::string::npos, error.c_str());

        // A position closed by fills, with no round trip row: a lost record.
        const std::string lostTrip = path("lost-trip.db");
        {
            SqliteJournal journal(m_spec);
            QVERIFY(journal.open(lostTrip));
            journal.recordRun(paperRun("q", "", Fixed8{kStart}));
            journal.recordFill(fill("hoga-q-1", core::Side::Buy, 618000, 3, 1, 10));
            journal.recordFill(fill("hoga-q-2", core::Side::Sell, 618100, 3, 1, 20));
        }
        QVERIFY(!load(lostTrip, error));
        QVERIFY2(error.find("closes round trip 1, which was not journalled") != std::string::npos,
                 error.c_str());

        // A round trip whose numbers are not its fills'.
        const std::string wrongTrip = path("wrong-trip.db");
        {
            SqliteJournal journal(m_spec);
            QVERIFY(journal.open(wrongTrip));
            journal.recordRun(paperRun("w", "", Fixed8{kStart}));
            journal.recordFill(fill("hoga-w-1", core::Side::Buy, 618000, 3, 1, 10));
            journal.recordFill(fill("hoga-w-2", core::Side::Sell, 618100, 3, 1, 20));
            core::RoundTrip trip = sampleRoundTrip();
            trip.id = 1;
            journal.recordRoundTrip(trip);
        }
        QVERIFY(!load(wrongTrip, error));
        QVERIFY2(error.find("round trip 1 does not match its fills") != std::string::npos,
                 error.c_str());

        // A resumed run that is not in the file (foreign keys off in a hand edit).
        const std::string dangling = path("dangling.db");
        {
            SqliteJournal journal(m_spec);
            QVERIFY(journal.open(dangling));
            journal.recordRun(paperRun("d", "", Fixed8{kStart}));
        }
        QVERIFY(execSql(dangling, "UPDATE runs SET resumed_from = 'gone'"));
        QVERIFY(!load(dangling, error));
        QVERIFY2(error.find("resumed run gone, which is not in the journal") != std::string::npos,
                 error.c_str());
    }

    void corruptAndForeignFilesAreErrors() {
        std::string error;
        const std::string noise = path("noise.db");
        writeBytes(noise, randomBytes(64 * 1024, 7));
        QVERIFY(!load(noise, error));
        QVERIFY2(error.find("file is not a database") != std::string::npos, error.c_str());
        QCOMPARE(readBytes(noise), randomBytes(64 * 1024, 7)); // not modified

        const std::string damaged = path("damaged.db");
        {
            SqliteJournal journal(m_spec);
            QVERIFY(journal.open(damaged));
            writeRunP1(journal);
            writeScript(journal, "x", 50, 0);
        }
        std::vector<char> bytes = readBytes(damaged);
        const std::vector<char> garbage = randomBytes(4096 - 100, 8);
        std::copy(garbage.begin(), garbage.end(), bytes.begin() + 100);
        writeBytes(damaged, bytes);
        QVERIFY(!load(damaged, error));
        QVERIFY2(error.find("malformed") != std::string::npos, error.c_str());

        const std::string foreign = path("foreign.db");
        QVERIFY(execSql(foreign, "CREATE TABLE accounts (id INTEGER)"));
        QVERIFY(!load(foreign, error));
        QVERIFY2(error.find("not a Hoga journal") != std::string::npos, error.c_str());

        const std::string newer = path("newer.db");
        {
            SqliteJournal journal(m_spec);
            QVERIFY(journal.open(newer));
        }
        QVERIFY(execSql(newer, "PRAGMA user_version = 99"));
        QVERIFY(!load(newer, error));
        QVERIFY2(error.find("newer than this build knows") != std::string::npos, error.c_str());
    }

    void version1FileMigratesAndResumes() {
        const std::string file = path("v1.db");
        makeOldFile(file, 1);
        std::string error;
        QVERIFY2(execSql(file,
                         "INSERT INTO runs VALUES ('old', 'paper', 'BTCUSDT', '{}', '[]', 'v1');"
                         "INSERT INTO orders (run_id, client_order_id, purpose, side, qty, "
                         "qty_lots, reduce_only, decision_time_ms) "
                         "VALUES ('old', 'hoga-old-1', 'entry', 'SELL', '0.002', 2, 0, 41);"
                         "INSERT INTO fills (run_id, client_order_id, side, price, price_ticks, "
                         "qty, qty_lots, fee, fee_e8, maker, time_ms) VALUES ('old', "
                         "'hoga-old-1', 'SELL', '61800.00', 618000, '0.002', 2, '0.00000100', "
                         "100, 0, 42);",
                         &error),
                 error.c_str());
        const auto state = load(file, error);
        QVERIFY2(state, error.c_str());
        QCOMPARE(selectInt(file, "PRAGMA user_version"), std::int64_t(journalSchemaVersion()));
        QCOMPARE(state->runId, std::string("old"));
        // No starting balance in a schema-1 run: the caller's capital.
        QCOMPARE(state->balance.e8, kCapital.e8 - 100);
        QCOMPARE(state->position.side, core::PositionSide::Short);
        QCOMPARE(state->position.qty, core::Qty{2});
        QCOMPARE(state->position.entryNotional.units, qint64(1236000));
        QCOMPARE(state->position.entryTimeMs, qint64(42));
        QCOMPARE(state->position.atEntry.timeMs, qint64(0)); // not journalled before schema 3
        QCOMPARE(state->orderSequence, qint64(1));

        // The journal then appends to the migrated file: the restarted run.
        SqliteJournal journal(m_spec);
        QVERIFY2(journal.open(file), journal.lastError().c_str());
        QCOMPARE(journal.versionFound(), journalSchemaVersion());
        journal.recordRun(paperRun("new", "old", state->balance));
        journal.close();
        QVERIFY2(journal.healthy(), journal.lastError().c_str());
        QVERIFY(load(file, error));
        QCOMPARE(load(file, error)->runChain, (std::vector<std::string>{"old", "new"}));
    }

    void version2FileMigratesAndResumes() {
        const std::string file = path("v2.db");
        makeOldFile(file, 2);
        std::string error;
        QVERIFY2(
            execSql(file,
                    "INSERT INTO runs VALUES ('v2', 'paper', 'BTCUSDT', '{}', '[]', 'v2', "
                    "'0.10', '0.001');"
                    "INSERT INTO fills (run_id, client_order_id, side, price, price_ticks, qty, "
                    "qty_lots, fee, fee_e8, maker, time_ms) VALUES "
                    "('v2', 'hoga-v2-1', 'BUY', '61800.00', 618000, '0.004', 4, '0.1', 10000000, "
                    "0, 10), ('v2', 'hoga-v2-2', 'SELL', '61900.00', 619000, '0.004', 4, '0.1', "
                    "10000000, 0, 20);"
                    "INSERT INTO round_trips (run_id, trip_id, side, entry_time_ms, exit_time_ms, "
                    "qty, qty_lots, entry_notional, entry_notional_units, exit_notional, "
                    "exit_notional_units, gross_pnl, gross_pnl_e8, fees, fees_e8, funding, "
                    "funding_e8, net_pnl, net_pnl_e8, exit_reason, entry_feature_time_ms, "
                    "entry_last_price, entry_last_price_ticks, exit_feature_time_ms, "
                    "exit_last_price, exit_last_price_ticks) VALUES ('v2', 1, 'long', 10, 20, "
                    "'0.004', 4, '247.2', 2472000, '247.6', 2476000, '0.4', 40000000, '0.2', "
                    "20000000, '0', 0, '0.2', 20000000, 'take_profit', 0, '0', 0, 0, '0', 0);"
                    "INSERT INTO equity (run_id, time_ms, balance, balance_e8, equity, equity_e8, "
                    "side, qty, qty_lots) VALUES ('v2', 15, '500', 50000000000, '500.3', "
                    "50030000000, 'long', '0.004', 4);",
                    &error),
            error.c_str());
        const auto state = load(file, error);
        QVERIFY2(state, error.c_str());
        QCOMPARE(selectInt(file, "PRAGMA user_version"), std::int64_t(journalSchemaVersion()));
        QCOMPARE(state->balance.e8, kCapital.e8 - 20000000 + 40000000);
        QVERIFY(state->position.flat());
        QCOMPARE(state->tripSequence, qint64(1));
        QCOMPARE(state->orderSequence, qint64(0)); // this run journalled no orders
        QCOMPARE(state->peakEquity.e8, qint64(50030000000));
        QCOMPARE(state->riskTrips.size(), std::size_t(1));
        QVERIFY(state->riskTrips[0].exitReason == core::ExitReason::TakeProfit);
    }
};

QTEST_GUILESS_MAIN(TestResume)
#include "tst_resume.moc"
