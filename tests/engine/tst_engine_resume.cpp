// A restart of a paper session: the engine journals into SQLite, stops with a position open, and
// a new engine restored from the journal (storage::loadResumeState + TradingEngine::restore)
// carries on. On a hand-made market the restored engine must do exactly what the original does;
// on the bundled recording the position survives to the lot and the unit, is closed by the
// strategy, and the chain of runs adds up in SQL.
// Qt headers first: moc (Qt 6.4) fails on <compare> when it comes before them.
#include <QTest>

#include "engine/memory_journal.h"
#include "platform/logging.h"
#include "resume_test_support.h"
#include "storage/resume_reader.h"
#include "storage/sqlite_journal.h"
#include "test_printers.h"

#include <QTemporaryDir>

using namespace hoga;
using namespace hoga::testing;

namespace {
const std::string kRecording =
    std::string(HOGA_RECORDINGS) + "/hftbacktest_usdm_btcusdt_20240808.gz";
} // namespace

class TestEngineResume : public QObject {
    Q_OBJECT

private:
    QTemporaryDir m_dir;
    std::string path(const char* name) const {
        return m_dir.filePath(QLatin1String(name)).toStdString();
    }

private Q_SLOTS:
    void initTestCase() {
        QVERIFY(m_dir.isValid());
        platform::initLogging({.level = "warn", .filePath = {}, .console = true, .async = false});
    }
    void restoredPositionIsManagedExactlyAsTheOriginal();
    void exitInFlightIsSentAgain();
    void restoreIsRefusedWhenItCannotBeRight();
    void recordedSessionResumesAcrossARestart();
};

void TestEngineResume::restoredPositionIsManagedExactlyAsTheOriginal() {
    const std::string file = path("twin.db");
    TwinMarket market(handMadeParams(0));
    storage::SqliteJournal sqlite(market.spec);
    QVERIFY(sqlite.open(file));
    engine::MemoryJournal memoryA;
    engine::TeeJournal journalA({&sqlite, &memoryA});
    engine::TradingEngine a(market.spec, market.params, "a", &journalA);
    core::PaperBroker brokerA(market.book, market.spec, 0,
                              core::percentToRateE8(market.params.takerFeePct),
                              a.executionListener());
    a.setGateway(&brokerA);
    journalA.recordRun(paperRun("a", market.params, a, ""));
    market.engines = {&a};
    market.openLong(0);
    QCOMPARE(a.position().qty, Qty{11});
    QCOMPARE(a.stats().fundingPayments, qint64(1));
    QVERIFY(sqlite.flush()); // what a kill -9 now would leave

    std::string error;
    const auto state =
        storage::loadResumeState(file, "paper", "BTCUSDT", a.risk().startingCapital(), error);
    QVERIFY2(state, error.c_str());
    QVERIFY(samePosition(state->position, a.position()));
    QCOMPARE(state->position.funding.e8, qint64(-6761700)); // 61,470 × 0.011 × 0.0001
    QCOMPARE(state->balance, a.balance());
    QCOMPARE(state->orderSequence, qint64(1));
    QCOMPARE(state->tripSequence, qint64(0));
    QCOMPARE(state->fundingPaidForMs, qint64(12000));
    QVERIFY(!state->exitReason);

    engine::MemoryJournal journalB;
    engine::TradingEngine b(market.spec, market.params, "b", &journalB);
    core::PaperBroker brokerB(market.book, market.spec, 0,
                              core::percentToRateE8(market.params.takerFeePct),
                              b.executionListener());
    b.setGateway(&brokerB);
    QVERIFY2(b.restore(*state, error), error.c_str());
    QVERIFY(samePosition(b.position(), a.position()));
    QCOMPARE(b.balance(), a.balance());

    // From here on both see the same market.
    market.engines = {&a, &b};
    market.mark(12100, 12000); // the funding time already paid: not again
    market.collapseBook();
    market.trade(12600, 583966, 1); // one tick above the stop of the restored entry: holds
    QCOMPARE(b.position().side, core::PositionSide::Long);
    market.trade(12700, 583965, 1); // exactly 5 %
    QVERIFY(a.position().flat());
    QVERIFY(b.position().flat());
    QCOMPARE(memoryA.roundTrips.size(), std::size_t(1));
    QCOMPARE(journalB.roundTrips.size(), std::size_t(1));
    const core::RoundTrip& tripA = memoryA.roundTrips[0];
    const core::RoundTrip& tripB = journalB.roundTrips[0];
    QVERIFY(tripA.exitReason == core::ExitReason::StopLoss);
    QVERIFY(sameTrip(tripA, tripB)); // the same id, entry, exit, fees, funding and features
    QCOMPARE(core::formatFixed8(tripB.funding), std::string("-0.06761700"));
    QCOMPARE(b.balance(), a.balance());
    QCOMPARE(b.stats().fundingPayments, qint64(0));
    // The exit's fills: the same executions under each run's own order id.
    QCOMPARE(journalB.fills.size(), std::size_t(2));
    for (std::size_t i = 0; i < 2; ++i) {
        const core::Fill& fa = memoryA.fills[memoryA.fills.size() - 2 + i];
        const core::Fill& fb = journalB.fills[i];
        QCOMPARE(fa.clientOrderId, std::string("hoga-a-2"));
        QCOMPARE(fb.clientOrderId, std::string("hoga-b-2"));
        QVERIFY(fa.price == fb.price && fa.qty == fb.qty && fa.fee == fb.fee &&
                fa.timeMs == fb.timeMs);
    }
    // The cool-down after the stop binds the restored engine too.
    market.entryBook(kUp - 10, kUp);
    market.trade(13500, kUp, 9);
    QVERIFY(b.position().flat());
    QVERIFY(a.position().flat());
}

void TestEngineResume::exitInFlightIsSentAgain() {
    const std::string file = path("in-flight.db");
    TwinMarket market(handMadeParams(50));
    storage::SqliteJournal journalA(market.spec);
    QVERIFY(journalA.open(file));
    engine::TradingEngine a(market.spec, market.params, "a", &journalA);
    core::PaperBroker brokerA(market.book, market.spec, 50,
                              core::percentToRateE8(market.params.takerFeePct),
                              a.executionListener());
    a.setGateway(&brokerA);
    journalA.recordRun(paperRun("a", market.params, a, ""));
    market.engines = {&a};
    market.openLong(50);
    QCOMPARE(a.position().qty, Qty{11});
    market.collapseBook();
    market.trade(12700, 583965, 1); // the stop: an exit order travels for 50 ms
    QCOMPARE(a.position().qty, Qty{11});
    journalA.close(); // the process stops with the exit in flight

    std::string error;
    const auto state =
        storage::loadResumeState(file, "paper", "BTCUSDT", a.risk().startingCapital(), error);
    QVERIFY2(state, error.c_str());
    QVERIFY(state->exitReason == core::ExitReason::StopLoss);
    QCOMPARE(state->unfinishedOrderId, std::string("hoga-a-2"));
    QCOMPARE(state->orderSequence, qint64(2));
    QVERIFY(samePosition(state->position, a.position()));

    engine::MemoryJournal journalB;
    engine::TradingEngine b(market.spec, market.params, "b", &journalB);
    core::PaperBroker brokerB(market.book, market.spec, 50,
                              core::percentToRateE8(market.params.takerFeePct),
                              b.executionListener());
    b.setGateway(&brokerB);
    QVERIFY2(b.restore(*state, error), error.c_str());
    market.engines = {&b};
    market.tick(12750); // the first event: the exit is sent again, as the next order
    QCOMPARE(journalB.orders.size(), std::size_t(1));
    QCOMPARE(journalB.orders[0].clientOrderId, std::string("hoga-b-3"));
    QVERIFY(journalB.orders[0].reduceOnly);
    QVERIFY(journalB.exitReasons[0] == core::ExitReason::StopLoss);
    QCOMPARE(b.position().qty, Qty{11});
    market.tick(12800);
    QVERIFY(b.position().flat());
    const core::RoundTrip& trip = journalB.roundTrips.at(0);
    QVERIFY(trip.exitReason == core::ExitReason::StopLoss);
    QCOMPARE(trip.id, qint64(1));
    QCOMPARE(trip.entryTimeMs, state->position.entryTimeMs);
    QCOMPARE(trip.entryNotional, state->position.entryNotional);
    // 5 lots at 58,390.0 and 6 at 58,380.0 against 11 at 61,470.0.
    QCOMPARE(core::formatFixed8(trip.grossPnl), std::string("-33.94000000"));
    QCOMPARE(b.balance().e8,
             state->balance.e8 + trip.grossPnl.e8 - trip.fees.e8 + state->position.entryFees.e8);
}

void TestEngineResume::restoreIsRefusedWhenItCannotBeRight() {
    TwinMarket market(handMadeParams(0));
    engine::MemoryJournal journal;
    engine::TradingEngine e(market.spec, market.params, "r", &journal);
    std::string error;
    engine::ResumeState bad;
    bad.balance = core::Fixed8{100};
    bad.position.side = core::PositionSide::Long; // long nothing
    QVERIFY(!e.restore(bad, error));
    QVERIFY2(error.find("inconsistent position") != std::string::npos, error.c_str());
    QCOMPARE(e.balance(), e.risk().startingCapital()); // untouched

    engine::ResumeState flat;
    flat.balance = core::Fixed8{12345};
    flat.orderSequence = 7;
    QVERIFY2(e.restore(flat, error), error.c_str());
    QCOMPARE(e.balance().e8, qint64(12345));
    market.engines = {&e};
    market.tick(1000);
    QVERIFY(!e.restore(flat, error));
    QVERIFY2(error.find("after the first market event") != std::string::npos, error.c_str());
}

void TestEngineResume::recordedSessionResumesAcrossARestart() {
    const core::InstrumentSpec spec = core::InstrumentSpec::btcusdtDefaults();
    const core::StrategyParams params = core::StrategyParams::demo();
    const binance::EventTape tape = binance::decodeTape({kRecording}, spec);
    QVERIFY2(tape.error.empty(), tape.error.c_str());
    const std::string file = path("paper.db");
    const storage::SqliteJournalOptions fast{.synchronousFull = false};

    // No journal yet: a fresh start.
    std::string error;
    QVERIFY(!storage::loadResumeState(file, "paper", "BTCUSDT", core::Fixed8{}, error));
    QVERIFY2(error.empty(), error.c_str());

    // Run p1 until it has closed a round trip and holds the next position a third of the way in.
    std::size_t cut = 0;
    core::Position held;
    core::Fixed8 balanceAtStop{};
    std::int64_t ordersAtStop = 0;
    std::int64_t tripsAtStop = 0;
    core::DepthSnapshot bookAtStop;
    {
        storage::SqliteJournal journal(spec, fast);
        QVERIFY(journal.open(file));
        PaperSession s1(spec, params, "p1", &journal);
        journal.recordRun(paperRun("p1", params, s1.engine, ""));
        for (; cut < tape.entries.size(); ++cut) {
            s1.onTapeEntry(tape, tape.entries[cut]);
            if (cut > tape.entries.size() / 3 && s1.engine.stats().roundTrips > 0 &&
                !s1.engine.position().flat()) {
                ++cut;
                break;
            }
        }
        QVERIFY2(cut < tape.entries.size() / 2, "no position open in the first half");
        held = s1.engine.position();
        balanceAtStop = s1.engine.balance();
        ordersAtStop = s1.engine.stats().ordersSent;
        tripsAtStop = s1.engine.stats().roundTrips;
        std::vector<core::Level> levels;
        for (const Side side : {Side::Buy, Side::Sell}) {
            levels.clear();
            s1.processor.book().levels(side, -1, levels);
            auto& out = side == Side::Buy ? bookAtStop.bids : bookAtStop.asks;
            for (const core::Level& level : levels) {
                out.push_back({level.price, level.qty});
            }
        }
        QVERIFY(journal.flush());
        QVERIFY2(journal.healthy(), journal.lastError().c_str());
        // The process stops here: no finish(), the position stays open.
    }

    const auto state = storage::loadResumeState(file, "paper", "BTCUSDT", core::Fixed8{}, error);
    QVERIFY2(state, error.c_str());
    QCOMPARE(state->runId, std::string("p1"));
    QVERIFY(samePosition(state->position, held));
    QCOMPARE(state->balance, balanceAtStop);
    QCOMPARE(state->balance.e8, runEndBalance(file, "p1"));
    QCOMPARE(state->orderSequence, ordersAtStop);
    QCOMPARE(state->tripSequence, tripsAtStop);

    // Run p2: a new process on the same journal file.
    core::Fixed8 finalBalance{};
    {
        storage::SqliteJournal journal(spec, fast);
        QVERIFY(journal.open(file));
        PaperSession s2(spec, params, "p2", &journal);
        QVERIFY2(s2.engine.restore(*state, error), error.c_str());
        journal.recordRun(paperRun("p2", params, s2.engine, state->runId));
        // It fetches a fresh depth snapshot: p1's book as it stood, labelled so that the next
        // recorded diff bridges it (the recording has a single snapshot, at its start).
        core::DepthSnapshot snapshot = bookAtStop;
        const auto nextDepth = std::find_if(
            tape.entries.begin() + static_cast<std::ptrdiff_t>(cut), tape.entries.end(),
            [](const auto& e) { return e.kind == binance::EventTape::Kind::Depth; });
        QVERIFY(nextDepth != tape.entries.end());
        snapshot.lastUpdateId = tape.depth[nextDepth->index].firstUpdateId;
        s2.processor.onSnapshot(snapshot);
        s2.feed(engine::MarketInput::Kind::BookUpdate);
        for (std::size_t i = cut; i < tape.entries.size(); ++i) {
            s2.onTapeEntry(tape, tape.entries[i]);
        }
        QVERIFY(s2.processor.bookVerified());
        s2.engine.finish(s2.state());
        QVERIFY(s2.engine.position().flat());
        finalBalance = s2.engine.balance();
        QVERIFY(s2.engine.stats().roundTrips > 0);
        journal.close();
        QVERIFY2(journal.healthy(), journal.lastError().c_str());
    }

    // The restored position was closed by the strategy, in p2, with its true entry time and
    // exact size.
    const std::string first = "(SELECT min(trip_id) FROM round_trips WHERE run_id = 'p2')";
    const std::string trip = " FROM round_trips WHERE run_id = 'p2' AND trip_id = " + first;
    QCOMPARE(sqlInt(file, "SELECT trip_id" + trip), tripsAtStop + 1);
    QCOMPARE(sqlInt(file, "SELECT entry_time_ms" + trip), held.entryTimeMs);
    QCOMPARE(sqlInt(file, "SELECT qty_lots" + trip),
             held.qty.lots + state->partialExit.closedQty.lots);
    QCOMPARE(sqlInt(file, "SELECT entry_notional_units" + trip),
             held.entryNotional.units + state->partialExit.closedEntryNotional.units);
    QCOMPARE(sqlInt(file, "SELECT exit_reason NOT IN ('end_of_data', 'kill_switch')" + trip), 1);
    // Its fees: the entry's (p1), any partial exit's (p1) and the closing fills' (p2).
    const char* closing = held.side == core::PositionSide::Long ? "'SELL'" : "'BUY'";
    QCOMPARE(sqlInt(file, "SELECT fees_e8" + trip),
             held.entryFees.e8 + state->partialExit.exitFees.e8 +
                 sqlInt(file, "SELECT sum(fee_e8) FROM fills WHERE run_id = 'p2' AND side = " +
                                  std::string(closing) + " AND time_ms <= (SELECT exit_time_ms" +
                                  trip + ")"));
    QCOMPARE(sqlInt(file, "SELECT funding_e8" + trip), held.funding.e8);

    qInfo("stopped at event %zu of %zu holding %s %lld lots (entry %lld ms); p1 %lld trips, p2 "
          "%lld trips; the restored position's exit: %lld ms; balance %s -> %s",
          cut, tape.entries.size(), std::string(core::positionSideName(held.side)).c_str(),
          static_cast<long long>(held.qty.lots), static_cast<long long>(held.entryTimeMs),
          static_cast<long long>(tripsAtStop),
          static_cast<long long>(sqlInt(file, "SELECT count(*) FROM round_trips WHERE run_id = "
                                              "'p2'")),
          static_cast<long long>(sqlInt(file, "SELECT exit_time_ms" + trip)),
          core::formatFixed8(balanceAtStop).c_str(), core::formatFixed8(finalBalance).c_str());

    // The balances add up, run by run and over the chain, to the unit (1e-8 USDT).
    QCOMPARE(runEndBalance(file, "p2"), finalBalance.e8);
    QCOMPARE(sqlInt(file, "SELECT starting_balance_e8 FROM runs WHERE id = 'p2'"),
             balanceAtStop.e8);
    QCOMPARE(sqlInt(file, "SELECT resumed_from = 'p1' FROM runs WHERE id = 'p2'"), 1);
    const std::string capital =
        std::to_string(sqlInt(file, "SELECT starting_balance_e8 FROM runs WHERE id = 'p1'"));
    QCOMPARE(sqlInt(file, "SELECT " + capital + " + sum(net_pnl_e8) FROM round_trips"),
             finalBalance.e8);
    QCOMPARE(sqlInt(file, "SELECT sum(fees_e8) FROM round_trips"),
             sqlInt(file, "SELECT sum(fee_e8) FROM fills"));
    // Client order ids and trip ids never collide across the chain; p2 numbers on from p1.
    QCOMPARE(sqlInt(file, "SELECT count(*) - count(DISTINCT client_order_id) FROM orders"), 0);
    QCOMPARE(sqlInt(file, "SELECT count(*) - count(DISTINCT trip_id) FROM round_trips"), 0);
    QCOMPARE(sqlInt(file, "SELECT count(*) FROM orders WHERE run_id = 'p2' AND "
                          "client_order_id = 'hoga-p2-" +
                              std::to_string(ordersAtStop + 1) + "'"),
             1);
    // A restart of the flat p2 starts from its ending balance, flat.
    const auto again = storage::loadResumeState(file, "paper", "BTCUSDT", core::Fixed8{}, error);
    QVERIFY2(again, error.c_str());
    QCOMPARE(again->runChain, (std::vector<std::string>{"p1", "p2"}));
    QVERIFY(again->position.flat());
    QCOMPARE(again->balance, finalBalance);
}

QTEST_GUILESS_MAIN(TestEngineResume)
#include "tst_engine_resume.moc"
