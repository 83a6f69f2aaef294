#include <QTest>

// SqliteJournal against an independent reader (its own SQLite connection): the schema the GUI
// relies on, migrations, every record type read back exactly, determinism of the file bytes,
// durability after flush() across a kill -9, and failures that must be reported, not crash.

#include "core/position.h"
#include "journal_test_support.h"
#include "platform/logging.h"
#include "storage/journal_format.h"
#include "storage/journal_schema.h"
#include "storage/sqlite_journal.h"
#include "test_printers.h"

#include <QFileInfo>
#include <QTemporaryDir>

#include <csignal>
#include <spdlog/sinks/ringbuffer_sink.h>
#include <sys/wait.h>
#include <unistd.h>

using namespace hoga;
using namespace hoga::storage;
using namespace hoga::storage::testing;

class TestJournal : public QObject {
    Q_OBJECT

private:
    QTemporaryDir m_dir;
    std::shared_ptr<spdlog::sinks::ringbuffer_sink_mt> m_logSink;
    core::InstrumentSpec m_spec = core::InstrumentSpec::btcusdtDefaults();

    std::string path(const char* name) const {
        return m_dir.filePath(QLatin1String(name)).toStdString();
    }
    bool logged(const std::string& needle) const {
        for (const std::string& line : m_logSink->last_formatted()) {
            if (line.find(needle) != std::string::npos) {
                return true;
            }
        }
        return false;
    }
    // A schema-1 file as a build of that version left it, with one run and one order.
    void makeVersion1File(const std::string& file) {
        std::string error;
        QVERIFY2(execSql(file,
                         std::string("PRAGMA journal_mode = WAL;") + journalMigrations()[0] +
                             "PRAGMA user_version = 1;",
                         &error),
                 error.c_str());
        QVERIFY2(execSql(file,
                         "INSERT INTO runs VALUES ('old', 'paper', 'BTCUSDT', '{}', '[]', 'v1');"
                         "INSERT INTO orders (run_id, client_order_id, purpose, side, qty, "
                         "qty_lots, reduce_only, decision_time_ms) "
                         "VALUES ('old', 'hoga-old-1', 'entry', 'SELL', '0.002', 2, 0, 42);",
                         &error),
                 error.c_str());
    }

private Q_SLOTS:
    void initTestCase() {
        QVERIFY(m_dir.isValid());
        // Synchronous logging: the suite forks, and a child must not inherit a logging thread's
        // locks. The ring buffer lets the tests check what was logged.
        platform::initLogging({.level = "info", .filePath = {}, .console = true, .async = false});
        m_logSink = std::make_shared<spdlog::sinks::ringbuffer_sink_mt>(64);
        platform::logger("journal")->sinks().push_back(m_logSink);
    }

    void newFileHasCurrentSchema() {
        const std::string file = path("new.db");
        SqliteJournal journal(m_spec);
        QVERIFY2(journal.open(file), journal.lastError().c_str());
        QCOMPARE(journal.versionFound(), 0);
        QCOMPARE(selectInt(file, "PRAGMA user_version"), std::int64_t(journalSchemaVersion()));
        QCOMPARE(journalSchemaVersion(), 3);
        QCOMPARE(selectInt(file, "PRAGMA application_id"), std::int64_t(kJournalApplicationId));
        QCOMPARE(selectInt(file, "PRAGMA page_size"), std::int64_t(4096));
        // WAL is persistent: any other connection sees it, and the -wal file exists while open.
        QCOMPARE(selectRows(file, "PRAGMA journal_mode").at(0).at("journal_mode").text,
                 std::string("wal"));
        QVERIFY(QFileInfo::exists(QString::fromStdString(file + "-wal")));

        // The names the GUI and hand checks query.
        QCOMPARE(columnsOf(file, "runs"),
                 std::string("id mode symbol params_json data_files code_version tick_size "
                             "step_size resumed_from starting_balance starting_balance_e8"));
        QCOMPARE(columnsOf(file, "orders"),
                 std::string("id run_id client_order_id purpose side qty qty_lots reduce_only "
                             "decision_time_ms exit_reason feature_time_ms volume_ratio "
                             "imbalance momentum_bps taker_buy_share last_price "
                             "last_price_ticks best_bid_ticks best_ask_ticks"));
        QCOMPARE(columnsOf(file, "fills"),
                 std::string("id run_id client_order_id side price price_ticks qty qty_lots fee "
                             "fee_e8 maker time_ms"));
        QCOMPARE(columnsOf(file, "round_trips"),
                 std::string("id run_id trip_id side entry_time_ms exit_time_ms qty qty_lots "
                             "entry_notional entry_notional_units exit_notional "
                             "exit_notional_units avg_entry_price avg_exit_price gross_pnl "
                             "gross_pnl_e8 fees fees_e8 funding funding_e8 net_pnl net_pnl_e8 "
                             "exit_reason entry_feature_time_ms entry_volume_ratio "
                             "entry_imbalance entry_momentum_bps entry_taker_buy_share "
                             "entry_last_price entry_last_price_ticks exit_feature_time_ms "
                             "exit_volume_ratio exit_imbalance exit_momentum_bps "
                             "exit_taker_buy_share exit_last_price exit_last_price_ticks"));
        QCOMPARE(columnsOf(file, "refusals"),
                 std::string("id run_id time_ms side reason detail feature_time_ms volume_ratio "
                             "imbalance momentum_bps taker_buy_share last_price "
                             "last_price_ticks"));
        QCOMPARE(columnsOf(file, "equity"),
                 std::string("id run_id time_ms balance balance_e8 equity equity_e8 side qty "
                             "qty_lots"));
        QCOMPARE(columnsOf(file, "funding"),
                 std::string("id run_id time_ms funding_time_ms trip_id side qty qty_lots "
                             "mark_price mark_price_e8 rate rate_e8 amount amount_e8"));
        for (const char* index :
             {"orders_run_time", "fills_run_time", "fills_run_order", "round_trips_run_exit",
              "refusals_run_time", "equity_run_time", "funding_run_time", "runs_resumed_from"}) {
            QVERIFY2(selectInt(file, std::string("SELECT count(*) FROM sqlite_schema WHERE type = "
                                                 "'index' AND name = '") +
                                         index + "'") == 1,
                     index);
        }
        // Every table of a run points at runs(id).
        for (const char* table :
             {"orders", "fills", "round_trips", "refusals", "equity", "funding", "runs"}) {
            QCOMPARE(selectRows(file, std::string("SELECT \"table\" AS t FROM "
                                                  "pragma_foreign_key_list('") +
                                          table + "')")
                         .at(0)
                         .at("t")
                         .text,
                     std::string("runs"));
        }
        QVERIFY(journal.healthy());
    }

    void everyRecordReadsBackExactly() {
        const std::string file = path("records.db");
        {
            SqliteJournal journal(m_spec);
            QVERIFY2(journal.open(file), journal.lastError().c_str());
            journal.recordRun(sampleRun("r1"));
            journal.recordOrder(sampleOrder(), sampleEntryIntent());
            journal.recordOrder(sampleExitOrder(), sampleExitIntent());
            journal.recordFill(sampleFill());
            journal.recordFill(sampleRebateFill());
            journal.recordFunding(sampleFunding());
            journal.recordRoundTrip(sampleRoundTrip());
            journal.recordRefusal(sampleRefusal());
            journal.recordEquity(sampleEquity());
            journal.finish();
            QVERIFY2(journal.healthy(), journal.lastError().c_str());
            QCOMPARE(journal.recordsWritten(), std::uint64_t(9));
            QCOMPARE(journal.pendingCount(), std::size_t(0));
        }

        const auto runs = selectRows(file, "SELECT * FROM runs");
        QCOMPARE(runs.size(), std::size_t(1));
        CHECK_TEXT(runs[0], "id", "r1");
        CHECK_TEXT(runs[0], "mode", "backtest");
        CHECK_TEXT(runs[0], "symbol", "BTCUSDT");
        CHECK_TEXT(runs[0], "params_json", R"({"volumeRatio":2.5,"imbalance":0.3})");
        // (Not a raw string: Qt 6.4's moc mis-reads \" inside one and skips the whole file.)
        CHECK_TEXT(runs[0], "data_files", "[\"recordings/a.gz\",\"b \\\"quoted\\\"\\\\x.gz\"]");
        CHECK_TEXT(runs[0], "code_version", "0.1.0-test");
        CHECK_TEXT(runs[0], "tick_size", "0.10");
        CHECK_TEXT(runs[0], "step_size", "0.001");
        CHECK_NULL(runs[0], "resumed_from"); // a fresh start (resume: tst_resume)
        CHECK_TEXT(runs[0], "starting_balance", "724.63768116");
        CHECK_INT(runs[0], "starting_balance_e8", 72463768116);
        // The JSON is valid for SQLite's own parser.
        QCOMPARE(selectRows(file, "SELECT data_files ->> 1 AS f FROM runs").at(0).at("f").text,
                 std::string("b \"quoted\"\\x.gz"));

        const auto orders = selectRows(file, "SELECT * FROM orders ORDER BY id");
        QCOMPARE(orders.size(), std::size_t(2));
        CHECK_TEXT(orders[0], "run_id", "r1");
        CHECK_TEXT(orders[0], "client_order_id", "hoga-r1-1");
        CHECK_TEXT(orders[0], "purpose", "entry");
        CHECK_TEXT(orders[0], "side", "BUY");
        CHECK_TEXT(orders[0], "qty", "0.015");
        CHECK_INT(orders[0], "qty_lots", 15);
        CHECK_INT(orders[0], "reduce_only", 0);
        CHECK_INT(orders[0], "decision_time_ms", 1723075200123);
        CHECK_NULL(orders[0], "exit_reason");
        CHECK_INT(orders[0], "feature_time_ms", 1723075200123);
        CHECK_REAL(orders[0], "volume_ratio", 2.75);
        CHECK_REAL(orders[0], "imbalance", -0.125);
        CHECK_REAL(orders[0], "momentum_bps", 3.5);
        CHECK_REAL(orders[0], "taker_buy_share", 0.625);
        CHECK_TEXT(orders[0], "last_price", "61800.20");
        CHECK_INT(orders[0], "last_price_ticks", 618002);
        CHECK_INT(orders[0], "best_bid_ticks", 618001);
        CHECK_INT(orders[0], "best_ask_ticks", 618002);
        CHECK_TEXT(orders[1], "client_order_id", "hoga-r1-2");
        CHECK_TEXT(orders[1], "purpose", "exit");
        CHECK_TEXT(orders[1], "side", "SELL");
        CHECK_INT(orders[1], "reduce_only", 1);
        CHECK_TEXT(orders[1], "exit_reason", "stop_loss");
        CHECK_NULL(orders[1], "volume_ratio"); // NaN
        CHECK_INT(orders[1], "best_ask_ticks", 618100);

        const auto funding = selectRows(file, "SELECT * FROM funding");
        QCOMPARE(funding.size(), std::size_t(1));
        CHECK_TEXT(funding[0], "run_id", "r1");
        CHECK_INT(funding[0], "time_ms", 1723075200160);
        CHECK_INT(funding[0], "funding_time_ms", 1723075200000);
        CHECK_INT(funding[0], "trip_id", 7);
        CHECK_TEXT(funding[0], "side", "long");
        CHECK_TEXT(funding[0], "qty", "0.015");
        CHECK_INT(funding[0], "qty_lots", 15);
        CHECK_TEXT(funding[0], "mark_price", "61800.30000000");
        CHECK_INT(funding[0], "mark_price_e8", 6180030000000);
        CHECK_TEXT(funding[0], "rate", "0.00010000");
        CHECK_INT(funding[0], "rate_e8", 10000);
        CHECK_TEXT(funding[0], "amount", "-0.09270045");
        CHECK_INT(funding[0], "amount_e8", -9270045);

        const auto fills = selectRows(file, "SELECT * FROM fills ORDER BY id");
        QCOMPARE(fills.size(), std::size_t(2));
        CHECK_TEXT(fills[0], "run_id", "r1");
        CHECK_TEXT(fills[0], "client_order_id", "hoga-r1-1");
        CHECK_TEXT(fills[0], "side", "BUY");
        CHECK_TEXT(fills[0], "price", "61800.30");
        CHECK_INT(fills[0], "price_ticks", 618003);
        CHECK_TEXT(fills[0], "qty", "0.010");
        CHECK_INT(fills[0], "qty_lots", 10);
        CHECK_TEXT(fills[0], "fee", "0.24720120");
        CHECK_INT(fills[0], "fee_e8", 24720120);
        CHECK_INT(fills[0], "maker", 0);
        CHECK_INT(fills[0], "time_ms", 1723075200150);
        CHECK_TEXT(fills[1], "price", "61800.40");
        CHECK_TEXT(fills[1], "qty", "0.005");
        CHECK_TEXT(fills[1], "fee", "-0.00001234");
        CHECK_INT(fills[1], "fee_e8", -1234);
        CHECK_INT(fills[1], "maker", 1);

        const auto trips = selectRows(file, "SELECT * FROM round_trips");
        QCOMPARE(trips.size(), std::size_t(1));
        const Row& t = trips[0];
        CHECK_TEXT(t, "run_id", "r1");
        CHECK_INT(t, "trip_id", 7);
        CHECK_TEXT(t, "side", "long");
        CHECK_INT(t, "entry_time_ms", 1723075200151);
        CHECK_INT(t, "exit_time_ms", 1723075260999);
        CHECK_TEXT(t, "qty", "0.015");
        CHECK_INT(t, "qty_lots", 15);
        // 10 lots at 61800.30 + 5 at 61800.40 = 618.003 + 309.002 USDT.
        CHECK_TEXT(t, "entry_notional", "927.00500");
        CHECK_INT(t, "entry_notional_units", 9270050);
        CHECK_TEXT(t, "exit_notional", "927.15000");
        CHECK_INT(t, "exit_notional_units", 9271500);
        CHECK_TEXT(t, "avg_entry_price", "61800.3333333333"); // 927.005 / 0.015, off the grid
        CHECK_TEXT(t, "avg_exit_price", "61810.0000000000");
        CHECK_TEXT(t, "gross_pnl", "0.14500000");
        CHECK_INT(t, "gross_pnl_e8", 14500000);
        CHECK_TEXT(t, "fees", "0.61800000");
        CHECK_INT(t, "fees_e8", 61800000);
        CHECK_TEXT(t, "funding", "-0.00000100");
        CHECK_INT(t, "funding_e8", -100);
        CHECK_TEXT(t, "net_pnl", "-0.47300100");
        CHECK_INT(t, "net_pnl_e8", -47300100);
        CHECK_TEXT(t, "exit_reason", "take_profit");
        CHECK_INT(t, "entry_feature_time_ms", 1723075200123);
        CHECK_REAL(t, "entry_volume_ratio", 2.75);
        CHECK_REAL(t, "entry_imbalance", -0.125);
        CHECK_REAL(t, "entry_momentum_bps", 3.5);
        CHECK_REAL(t, "entry_taker_buy_share", 0.625);
        CHECK_TEXT(t, "entry_last_price", "61800.20");
        CHECK_INT(t, "entry_last_price_ticks", 618002);
        CHECK_INT(t, "exit_feature_time_ms", 1723075260990);
        CHECK_REAL(t, "exit_volume_ratio", 0.5);
        CHECK_REAL(t, "exit_imbalance", 0.25);
        CHECK_REAL(t, "exit_momentum_bps", -1.25);
        CHECK_REAL(t, "exit_taker_buy_share", 0.375);
        CHECK_TEXT(t, "exit_last_price", "61810.00");
        CHECK_INT(t, "exit_last_price_ticks", 618100);
        // The integer columns add up the way the text says.
        QCOMPARE(selectInt(file, "SELECT gross_pnl_e8 - fees_e8 + funding_e8 - net_pnl_e8 "
                                 "FROM round_trips"),
                 std::int64_t(0));

        const auto refusals = selectRows(file, "SELECT * FROM refusals");
        QCOMPARE(refusals.size(), std::size_t(1));
        CHECK_TEXT(refusals[0], "run_id", "r1");
        CHECK_INT(refusals[0], "time_ms", 1723075300000);
        CHECK_TEXT(refusals[0], "side", "short");
        CHECK_TEXT(refusals[0], "reason", "min_notional");
        CHECK_TEXT(refusals[0], "detail", "notional 99.90 < 100");
        CHECK_INT(refusals[0], "feature_time_ms", 1723075299999);
        CHECK_NULL(refusals[0], "volume_ratio"); // NaN: SQLite stores it as NULL
        CHECK_REAL(refusals[0], "imbalance", 0.5);
        CHECK_REAL(refusals[0], "momentum_bps", -7.0);
        CHECK_REAL(refusals[0], "taker_buy_share", 0.25);
        CHECK_TEXT(refusals[0], "last_price", "61700.00");
        CHECK_INT(refusals[0], "last_price_ticks", 617000);

        const auto equity = selectRows(file, "SELECT * FROM equity");
        QCOMPARE(equity.size(), std::size_t(1));
        CHECK_TEXT(equity[0], "run_id", "r1");
        CHECK_INT(equity[0], "time_ms", 1723075261000);
        CHECK_TEXT(equity[0], "balance", "1000.00000000");
        CHECK_INT(equity[0], "balance_e8", 100000000000);
        CHECK_TEXT(equity[0], "equity", "1000.14499999");
        CHECK_INT(equity[0], "equity_e8", 100014499999);
        CHECK_TEXT(equity[0], "side", "long");
        CHECK_TEXT(equity[0], "qty", "0.015");
        CHECK_INT(equity[0], "qty_lots", 15);
    }

    void averagePrice_data() {
        QTest::addColumn<qint64>("units");
        QTest::addColumn<qint64>("lots");
        QTest::addColumn<QString>("expected");
        // BTCUSDT grid: tickSize 0.10 (step 10 at 2 decimals), so 10 decimals in the result.
        QTest::newRow("on grid") << qint64(618003) << qint64(1)
                                 << QStringLiteral("61800.3000000000");
        QTest::newRow("recurring, rounds down")
            << qint64(618003 * 2 + 618004) << qint64(3) << QStringLiteral("61800.3333333333");
        QTest::newRow("recurring, rounds up")
            << qint64(618003 + 618004 * 2) << qint64(3) << QStringLiteral("61800.3666666667");
        // 1 unit = 0.10 × 1 lot; over 2e9 lots that is exactly half of the last digit (1e-10).
        QTest::newRow("half rounds away from zero")
            << qint64(1) << qint64(2000000000) << QStringLiteral("0.0000000001");
        QTest::newRow("negative, half away from zero")
            << qint64(-1) << qint64(2000000000) << QStringLiteral("-0.0000000001");
        QTest::newRow("below half")
            << qint64(1) << qint64(2000000001) << QStringLiteral("0.0000000000");
        QTest::newRow("zero qty has no average") << qint64(5) << qint64(0) << QString();
        // 10^13 units (10^9 USDT) over one lot: the 128-bit intermediate does not overflow.
        QTest::newRow("large") << qint64(10000000000000) << qint64(1)
                               << QStringLiteral("1000000000000.0000000000");
    }
    void averagePrice() {
        QFETCH(qint64, units);
        QFETCH(qint64, lots);
        QFETCH(QString, expected);
        QCOMPARE(QString::fromStdString(core::formatAveragePrice(
                     core::Notional{units}, core::Qty{lots}, m_spec.priceGrid)),
                 expected);
    }

    void migratesVersion1File() {
        const std::string file = path("v1.db");
        makeVersion1File(file);
        QCOMPARE(selectInt(file, "PRAGMA user_version"), std::int64_t(1));
        QCOMPARE(columnsOf(file, "equity"), std::string());
        {
            SqliteJournal journal(m_spec);
            QVERIFY2(journal.open(file), journal.lastError().c_str());
            QCOMPARE(journal.versionFound(), 1);
            journal.recordRun(sampleRun("new"));
            journal.recordEquity(sampleEquity());
            QVERIFY2(journal.flush(), journal.lastError().c_str());
        }
        QCOMPARE(selectInt(file, "PRAGMA user_version"), std::int64_t(3));
        QVERIFY(columnsOf(file, "equity").starts_with("id run_id time_ms balance"));
        QVERIFY(columnsOf(file, "funding").starts_with("id run_id time_ms funding_time_ms"));
        QVERIFY(logged("schema version 1 -> 3"));
        // The old rows survive; the column added by schema 2 is NULL for them.
        const auto runs = selectRows(file, "SELECT * FROM runs ORDER BY id");
        QCOMPARE(runs.size(), std::size_t(2));
        CHECK_TEXT(runs[0], "id", "new");
        CHECK_TEXT(runs[0], "tick_size", "0.10");
        CHECK_TEXT(runs[1], "id", "old");
        CHECK_NULL(runs[1], "tick_size");
        CHECK_NULL(runs[1], "resumed_from");
        CHECK_NULL(runs[1], "starting_balance_e8");
        CHECK_TEXT(runs[1], "code_version", "v1");
        const auto orders = selectRows(file, "SELECT * FROM orders");
        QCOMPARE(orders.size(), std::size_t(1));
        CHECK_TEXT(orders[0], "client_order_id", "hoga-old-1");
        CHECK_TEXT(orders[0], "qty", "0.002");
        CHECK_NULL(orders[0], "exit_reason");
        CHECK_NULL(orders[0], "feature_time_ms");
        QCOMPARE(selectInt(file, "SELECT count(*) FROM equity WHERE run_id = 'new'"),
                 std::int64_t(1));
    }

    void failedMigrationLeavesFileAtOldVersion() {
        const std::string file = path("v1-conflict.db");
        makeVersion1File(file);
        // Someone created a table that schema 2 wants: step 2 fails half-way, after its ALTERs.
        QVERIFY(execSql(file, "CREATE TABLE equity (x)"));
        SqliteJournal journal(m_spec);
        QVERIFY(!journal.open(file));
        QVERIFY(!journal.isOpen());
        QVERIFY(!journal.healthy());
        const std::string error = journal.lastError();
        QVERIFY2(error.find("migration to schema version 2 failed") != std::string::npos,
                 error.c_str());
        QVERIFY2(error.find("already exists") != std::string::npos, error.c_str());
        QVERIFY2(error.find(file) != std::string::npos, error.c_str());
        QVERIFY(logged("migration to schema version 2 failed"));
        // Rolled back as a whole: still version 1, and the ALTERs of step 2 are gone too.
        QCOMPARE(selectInt(file, "PRAGMA user_version"), std::int64_t(1));
        QCOMPARE(columnsOf(file, "runs"),
                 std::string("id mode symbol params_json data_files code_version"));
        QCOMPARE(selectInt(file, "SELECT count(*) FROM orders"), std::int64_t(1));
    }

    void refusesNewerVersion() {
        const std::string file = path("newer.db");
        {
            SqliteJournal journal(m_spec);
            QVERIFY(journal.open(file));
        }
        QVERIFY(execSql(file, "PRAGMA user_version = 4"));
        SqliteJournal journal(m_spec);
        QVERIFY(!journal.open(file));
        const std::string error = journal.lastError();
        QVERIFY2(error.find("schema version 4, newer than this build knows (3)") !=
                     std::string::npos,
                 error.c_str());
        QCOMPARE(selectInt(file, "PRAGMA user_version"), std::int64_t(4)); // untouched
    }

    void refusesForeignDatabases() {
        const std::string tables = path("foreign-tables.db");
        QVERIFY(execSql(tables, "CREATE TABLE accounts (id INTEGER)"));
        SqliteJournal first(m_spec);
        QVERIFY(!first.open(tables));
        QVERIFY2(first.lastError().find("not a Hoga journal") != std::string::npos,
                 first.lastError().c_str());
        QCOMPARE(columnsOf(tables, "runs"), std::string()); // nothing created

        const std::string otherApp = path("foreign-app.db");
        QVERIFY(execSql(otherApp, "PRAGMA application_id = 42; PRAGMA user_version = 1;"));
        SqliteJournal second(m_spec);
        QVERIFY(!second.open(otherApp));
        QVERIFY2(second.lastError().find("application_id 42") != std::string::npos,
                 second.lastError().c_str());
    }

    void reopenAppendsAndFinishKeepsJournalOpen() {
        const std::string file = path("append.db");
        {
            SqliteJournal journal(m_spec);
            QVERIFY(journal.open(file));
            journal.recordRun(sampleRun("a"));
            journal.recordFill(sampleFill());
            journal.finish();
            QVERIFY(journal.isOpen());
            // WAL checkpointed into the file and truncated, connection still open.
            QCOMPARE(QFileInfo(QString::fromStdString(file + "-wal")).size(), qint64(0));
            journal.recordFill(sampleRebateFill()); // after finish(): still written
        }                                           // no finish(): the destructor does it
        QVERIFY(!QFileInfo::exists(QString::fromStdString(file + "-wal")));
        SqliteJournal journal(m_spec);
        QVERIFY(journal.open(file));
        QCOMPARE(journal.versionFound(), 3);
        journal.recordRun(sampleRun("b"));
        journal.recordFill(sampleFill());
        journal.close();
        QVERIFY(journal.healthy());
        QCOMPARE(selectInt(file, "SELECT count(*) FROM fills WHERE run_id = 'a'"), std::int64_t(2));
        QCOMPARE(selectInt(file, "SELECT count(*) FROM fills WHERE run_id = 'b'"), std::int64_t(1));
        // After close() records are refused, counted, and do not crash.
        journal.recordFill(sampleFill());
        QCOMPARE(journal.errorCount(), std::uint64_t(1));
        QVERIFY2(journal.lastError().find("is not open") != std::string::npos,
                 journal.lastError().c_str());
    }

    void failedRecordIsCountedAndWritingGoesOn() {
        const std::string file = path("failures.db");
        SqliteJournal journal(m_spec);
        QVERIFY(journal.open(file));
        journal.recordFill(sampleFill()); // before any run
        QVERIFY(!journal.flush());
        QVERIFY2(journal.lastError().find("before any recordRun") != std::string::npos,
                 journal.lastError().c_str());

        journal.recordRun(sampleRun("r"));
        journal.recordRoundTrip(sampleRoundTrip());
        journal.recordRoundTrip(sampleRoundTrip()); // the same trip id twice
        journal.recordFill(sampleFill());
        QVERIFY(!journal.flush());
        QCOMPARE(journal.errorCount(), std::uint64_t(2));
        const std::string error = journal.lastError();
        QVERIFY2(error.find("round trip 7 not written") != std::string::npos, error.c_str());
        QVERIFY2(error.find("UNIQUE constraint failed") != std::string::npos, error.c_str());
        QVERIFY(logged("round trip 7 not written"));
        QCOMPARE(journal.recordsWritten(), std::uint64_t(3)); // run, trip, fill
        journal.close();
        QCOMPARE(selectInt(file, "SELECT count(*) FROM round_trips"), std::int64_t(1));
        QCOMPARE(selectInt(file, "SELECT count(*) FROM fills"), std::int64_t(1));

        // A run for another symbol is kept but reported: its prices are printed on the wrong grid.
        const std::string other = path("symbol.db");
        SqliteJournal mismatch(m_spec);
        QVERIFY(mismatch.open(other));
        engine::RunInfo run = sampleRun("eth");
        run.symbol = "ETHUSDT";
        mismatch.recordRun(run);
        QVERIFY(!mismatch.flush());
        QVERIFY2(mismatch.lastError().find("ETHUSDT") != std::string::npos,
                 mismatch.lastError().c_str());
        QCOMPARE(mismatch.recordsWritten(), std::uint64_t(1));
        mismatch.close();
        QCOMPARE(selectInt(other, "SELECT count(*) FROM runs"), std::int64_t(1));
    }

    void identicalRecordsGiveIdenticalFiles() {
        const std::string fileA = path("det-a.db");
        const std::string fileB = path("det-b.db");
        const std::string fileC = path("det-c.db");
        constexpr int kEvents = 400; // ~1400 transactions, > 1000 WAL pages: auto-checkpoints too
        // synchronous=NORMAL except for C: it cannot change the bytes (C checks that), and FULL's
        // fsync per transaction would make this test slow.
        const SqliteJournalOptions fast{.synchronousFull = false};
        std::vector<char> afterFinish;
        {
            SqliteJournal journal(m_spec, fast);
            QVERIFY(journal.open(fileA));
            writeScript(journal, "det", kEvents, 0);
            journal.finish();
            QVERIFY2(journal.healthy(), journal.lastError().c_str());
            afterFinish = readBytes(fileA);
        }
        // B in another process, with flushes in between; C with synchronous=FULL. Neither the
        // process, the timing of the writer thread nor the sync mode may show in the bytes.
        const int status = runInChild([&] {
            SqliteJournal journal(m_spec, fast);
            if (!journal.open(fileB)) {
                return 2;
            }
            writeScript(journal, "det", kEvents, 7);
            journal.finish();
            return journal.healthy() ? 0 : 3;
        });
        QVERIFY(WIFEXITED(status));
        QCOMPARE(WEXITSTATUS(status), 0);
        {
            SqliteJournal journal(m_spec, SqliteJournalOptions{.synchronousFull = true});
            QVERIFY(journal.open(fileC));
            writeScript(journal, "det", kEvents, 1);
        }
        const std::vector<char> a = readBytes(fileA);
        QVERIFY(a.size() > 32 * 4096); // 64 pages; the WAL saw thousands of frames
        QVERIFY(a == afterFinish);     // close() after finish() changes nothing
        QVERIFY(a == readBytes(fileB));
        QVERIFY(a == readBytes(fileC));
        QCOMPARE(selectInt(fileA, "SELECT count(*) FROM equity"), std::int64_t(kEvents));
        // And a different record does show.
        const std::string fileD = path("det-d.db");
        {
            SqliteJournal journal(m_spec, fast);
            QVERIFY(journal.open(fileD));
            writeScript(journal, "deu", kEvents, 0);
        }
        QVERIFY(a != readBytes(fileD));
    }

    void flushedRecordsSurviveKill() {
        const std::string file = path("killed.db");
        constexpr int kFills = 200;
        const int status = runInChild([&] {
            SqliteJournal journal(m_spec);
            if (!journal.open(file)) {
                return 2;
            }
            journal.recordRun(sampleRun("k"));
            for (int i = 0; i < kFills; ++i) {
                core::Fill fill = sampleFill();
                fill.clientOrderId = "hoga-k-" + std::to_string(i);
                fill.fee = core::Fixed8{-i};
                journal.recordFill(fill);
            }
            if (!journal.flush()) {
                return 3;
            }
            kill(getpid(), SIGKILL); // no finish(), no destructor, no checkpoint
            return 4;
        });
        QVERIFY2(WIFSIGNALED(status) && WTERMSIG(status) == SIGKILL,
                 qPrintable(QString::number(status)));
        // The records are in the WAL, not yet in the main file.
        QVERIFY(QFileInfo(QString::fromStdString(file + "-wal")).size() > 0);
        QCOMPARE(selectInt(file, "SELECT count(*) FROM fills"), std::int64_t(kFills));
        const auto last = selectRows(file, "SELECT * FROM fills ORDER BY id DESC LIMIT 1");
        CHECK_TEXT(last.at(0), "client_order_id", "hoga-k-199");
        CHECK_TEXT(last.at(0), "fee", "-0.00000199");
        CHECK_INT(last.at(0), "fee_e8", -199);

        // The journal reopens the crashed file and carries on.
        SqliteJournal journal(m_spec);
        QVERIFY2(journal.open(file), journal.lastError().c_str());
        QCOMPARE(journal.versionFound(), 3);
        journal.recordRun(sampleRun("k2"));
        journal.recordFill(sampleFill());
        journal.close();
        QVERIFY(journal.healthy());
        QCOMPARE(selectInt(file, "SELECT count(*) FROM fills"), std::int64_t(kFills + 1));
        QCOMPARE(selectRows(file, "PRAGMA integrity_check").at(0).at("integrity_check").text,
                 std::string("ok"));
    }

    void readerDoesNotBlockWriting() {
        const std::string file = path("reader.db");
        SqliteJournal journal(m_spec,
                              SqliteJournalOptions{.synchronousFull = true, .busyTimeoutMs = 50});
        QVERIFY(journal.open(file));
        journal.recordRun(sampleRun("r"));
        QVERIFY(journal.flush());
        // A reader (the GUI) holding a snapshot open.
        sqlite3* reader = nullptr;
        QCOMPARE(sqlite3_open_v2(file.c_str(), &reader, SQLITE_OPEN_READONLY, nullptr), SQLITE_OK);
        QCOMPARE(
            sqlite3_exec(reader, "BEGIN; SELECT count(*) FROM runs;", nullptr, nullptr, nullptr),
            SQLITE_OK);
        for (int i = 0; i < 100; ++i) {
            journal.recordEquity(sampleEquity());
        }
        QVERIFY(journal.flush());
        // The checkpoint cannot pass the reader's snapshot: reported, not an error.
        journal.finish();
        QVERIFY2(journal.healthy(), journal.lastError().c_str());
        QVERIFY(logged("WAL checkpoint"));
        sqlite3_exec(reader, "COMMIT", nullptr, nullptr, nullptr);
        sqlite3_close_v2(reader);
        journal.close();
        QCOMPARE(selectInt(file, "SELECT count(*) FROM equity"), std::int64_t(100));
    }

    void unwritablePathsAreReported() {
        const std::vector<std::string> paths = {
            path("no-such-dir/journal.db"), // missing directory
            m_dir.path().toStdString(),     // a directory
            "/proc/hoga-journal.db",        // a file system nobody, not even root, may write
        };
        for (const std::string& file : paths) {
            SqliteJournal journal(m_spec);
            QVERIFY2(!journal.open(file), file.c_str());
            QVERIFY(!journal.isOpen());
            QVERIFY(!journal.healthy());
            const std::string error = journal.lastError();
            QVERIFY2(error.find(file) != std::string::npos, error.c_str());
            QVERIFY2(error.find("unable to open") != std::string::npos ||
                         error.find("read-only") != std::string::npos,
                     error.c_str());
            // Records on the journal that failed to open are dropped and counted, quickly.
            journal.recordRun(sampleRun("x"));
            journal.recordFill(sampleFill());
            QVERIFY(!journal.flush());
            journal.finish();
            QCOMPARE(journal.errorCount(), std::uint64_t(3));
        }
        if (geteuid() != 0) { // root ignores file permissions
            const std::string file = path("read-only.db");
            {
                SqliteJournal journal(m_spec);
                QVERIFY(journal.open(file));
            }
            QVERIFY(QFile::setPermissions(QString::fromStdString(file), QFile::ReadOwner));
            SqliteJournal journal(m_spec);
            QVERIFY(!journal.open(file));
            QVERIFY2(journal.lastError().find("read-only") != std::string::npos,
                     journal.lastError().c_str());
        }
    }

    void corruptFilesAreReported() {
        // Random bytes: not a database at all.
        const std::string noise = path("noise.db");
        writeBytes(noise, randomBytes(64 * 1024, 1));
        SqliteJournal first(m_spec);
        QVERIFY(!first.open(noise));
        QVERIFY2(first.lastError().find("file is not a database") != std::string::npos,
                 first.lastError().c_str());
        QCOMPARE(readBytes(noise), randomBytes(64 * 1024, 1)); // not modified

        // A journal whose header survives but whose schema page is garbage.
        const std::string damaged = path("damaged.db");
        {
            SqliteJournal journal(m_spec);
            QVERIFY(journal.open(damaged));
            writeScript(journal, "d", 50, 0);
        }
        std::vector<char> bytes = readBytes(damaged);
        const std::vector<char> garbage = randomBytes(4096 - 100, 2);
        std::copy(garbage.begin(), garbage.end(), bytes.begin() + 100);
        writeBytes(damaged, bytes);
        SqliteJournal second(m_spec);
        QVERIFY(!second.open(damaged));
        QVERIFY2(second.lastError().find("malformed") != std::string::npos,
                 second.lastError().c_str());
        second.recordFill(sampleFill());
        QVERIFY(!second.flush());
    }
};

QTEST_GUILESS_MAIN(TestJournal)
#include "tst_journal.moc"
