// JournalModel on a journal that grows while it reads: the real SQLite writer appending the real
// backtest's round trips one at a time, and the backtest itself writing on another thread into a
// file that does not exist yet when the model is pointed at it.
// Qt headers first: moc (Qt 6.4) fails on <compare> when it comes before them.
#include <QTest>

#include "app/backtest_command.h"
#include "engine/memory_journal.h"
#include "gui/models/journal_filter.h"
#include "gui/models/journal_model.h"
#include "gui/models/journal_summary.h"
#include "journal_fixture.h"
#include "storage/sqlite_journal.h"

#include <QAbstractItemModelTester>
#include <QSignalSpy>
#include <QTemporaryDir>

#include <atomic>
#include <thread>

using namespace hoga;
using namespace hoga::gui;
using guitest::SqlReader;

class TestJournalGrowth : public QObject {
    Q_OBJECT
private Q_SLOTS:
    void initTestCase() { QVERIFY(m_dir.isValid()); }
    void followsAJournalBeingWritten();
    void followsTheBacktestWhileItRuns();

private:
    QTemporaryDir m_dir;
};

void TestJournalGrowth::followsAJournalBeingWritten() {
    // The real writer appends trips of the real backtest one by one while the model reloads.
    engine::MemoryJournal recorded;
    app::runBacktest({guitest::recordingPath().toStdString()}, core::StrategyParams::demo(),
                     &recorded);
    QVERIFY(recorded.roundTrips.size() > 10);
    const QString path = m_dir.filePath(QStringLiteral("growing.sqlite"));
    storage::SqliteJournal writer(core::InstrumentSpec::btcusdtDefaults());
    QVERIFY(writer.open(path.toStdString()));
    writer.recordRun(recorded.runs.front());
    QVERIFY(writer.flush());

    JournalModel model;
    JournalFilter filter;
    filter.setSourceModel(&model);
    filter.setSide(QStringLiteral("short"));
    QAbstractItemModelTester modelTester(&model,
                                         QAbstractItemModelTester::FailureReportingMode::QtTest);
    QAbstractItemModelTester filterTester(&filter,
                                          QAbstractItemModelTester::FailureReportingMode::QtTest);
    QVERIFY(model.open(path));
    QCOMPARE(model.rowCount(), 0);
    QSignalSpy inserted(&model, &QAbstractItemModel::rowsInserted);
    int shorts = 0;
    for (std::size_t i = 0; i < recorded.roundTrips.size(); ++i) {
        const auto& trip = recorded.roundTrips[i];
        writer.recordRoundTrip(trip);
        QVERIFY(writer.flush());
        QVERIFY2(model.reload(), qPrintable(model.lastError()));
        QCOMPARE(model.rowCount(), int(i + 1));
        const int last = model.rowCount() - 1;
        QCOMPARE(model.index(last, JournalModel::NetPnlColumn).data().toString(),
                 formatE8(trip.netPnl.e8));
        QCOMPARE(model.trip(last).tripId, trip.id);
        shorts += trip.side == core::PositionSide::Short ? 1 : 0;
        QCOMPARE(filter.rowCount(), shorts);
    }
    // One insertion per reload that found a row: only the new rows were read.
    QCOMPARE(inserted.count(), int(recorded.roundTrips.size()));
    writer.close();
}

void TestJournalGrowth::followsTheBacktestWhileItRuns() {
    // The model points at a journal that does not exist yet; the backtest creates and fills it on
    // another thread while the model reloads on its timer.
    const QString path = m_dir.filePath(QStringLiteral("live.sqlite"));
    JournalModel model;
    QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
    QVERIFY(!model.open(path));
    QVERIFY(model.lastError().contains(QStringLiteral("does not exist")));
    model.setReloadInterval(5);
    std::atomic<bool> done{false};
    std::thread backtest([&] {
        storage::SqliteJournal writer(core::InstrumentSpec::btcusdtDefaults());
        if (writer.open(path.toStdString())) {
            app::runBacktest({guitest::recordingPath().toStdString()}, core::StrategyParams::demo(),
                             &writer);
        }
        writer.close();
        done = true;
    });
    int previous = 0;
    while (!done) {
        QTest::qWait(5);
        QVERIFY(model.rowCount() >= previous); // rows are only ever appended
        previous = model.rowCount();
    }
    backtest.join();
    model.setReloadInterval(0);
    QVERIFY2(model.reload(), qPrintable(model.lastError()));
    QVERIFY(model.lastError().isEmpty());
    SqlReader sql(path);
    const auto rows = sql.rows(
        QStringLiteral("SELECT trip_id, net_pnl, exit_time_ms FROM round_trips ORDER BY id"));
    QVERIFY(rows.size() > 10);
    QCOMPARE(model.rowCount(), rows.size());
    for (int r = 0; r < rows.size(); ++r) {
        QCOMPARE(model.trip(r).tripId, rows[r][0].toLongLong());
        QCOMPARE(model.trip(r).netPnl, rows[r][1].toString());
        QCOMPARE(model.trip(r).exitTimeMs, rows[r][2].toLongLong());
    }
}

QTEST_MAIN(TestJournalGrowth)
#include "tst_journal_growth.moc"
