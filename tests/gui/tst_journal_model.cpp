// JournalModel, JournalFilter, the summary and the CSV writer on a journal the real backtest
// wrote, checked against SQL on a connection of the test's own (tst_journal_growth: a journal
// read while the writer is still appending to it).
// Qt headers first: moc (Qt 6.4) fails on <compare> when it comes before them.
#include <QTest>

#include "gui/models/journal_csv.h"
#include "gui/models/journal_filter.h"
#include "gui/models/journal_model.h"
#include "gui/models/journal_summary.h"
#include "journal_fixture.h"

#include <QAbstractItemModelTester>
#include <QBuffer>
#include <QDateTime>
#include <QFile>
#include <QSignalSpy>
#include <QSqlDatabase>
#include <QSqlQuery>
#include <QTemporaryDir>

using namespace hoga;
using namespace hoga::gui;
using guitest::SqlReader;

namespace {

QString iso(qint64 ms) {
    return QDateTime::fromMSecsSinceEpoch(ms, Qt::UTC).toString(Qt::ISODateWithMs);
}

StartingBalanceLookup lookupIn(const JournalModel& model) {
    return [&model](const QString& runId) {
        const JournalRun* run = model.run(runId);
        return run ? run->startingBalanceE8 : std::nullopt;
    };
}

void compareWithSql(const JournalSummary& s, const guitest::SqlFigures& f) {
    QCOMPARE(s.trades, f.trades);
    QCOMPARE(s.wins, f.wins);
    QCOMPARE(s.grossE8, f.grossE8);
    QCOMPARE(s.feesE8, f.feesE8);
    QCOMPARE(s.fundingE8, f.fundingE8);
    QCOMPARE(s.netE8, f.netE8);
    QCOMPARE(s.startingBalanceE8, f.startingBalanceE8);
    QCOMPARE(s.maxDrawdownE8, f.maxDrawdownE8);
    // The same ratio (the pair may differ only if two falls have exactly the same share).
    QCOMPARE(static_cast<double>(s.worstDropE8) * static_cast<double>(f.worstPeakE8),
             static_cast<double>(f.worstDropE8) * static_cast<double>(s.worstPeakE8));
}

} // namespace

class TestJournalModel : public QObject {
    Q_OBJECT
private Q_SLOTS:
    void initTestCase();
    void rowsEqualSql();
    void passesTheModelTester();
    void sortsByTheIntegers();
    void filtersAndSummaryEqualSql();
    void csvEqualsSqlText();
    void csvQuotesPerRfc4180();
    void missingCorruptAndForeignFiles();

private:
    QTemporaryDir m_dir;
    QString m_path;
};

void TestJournalModel::initTestCase() {
    QVERIFY(m_dir.isValid());
    m_path = m_dir.filePath(QStringLiteral("two-runs.sqlite"));
    const QString error = guitest::writeTwoRunJournal(m_path);
    QVERIFY2(error.isEmpty(), qPrintable(error));
}

void TestJournalModel::rowsEqualSql() {
    JournalModel model;
    QVERIFY2(model.open(m_path), qPrintable(model.lastError()));
    QVERIFY(model.lastError().isEmpty());
    SqlReader sql(m_path);
    const auto rows = sql.rows(QStringLiteral(
        "SELECT run_id, trip_id, side, entry_time_ms, exit_time_ms, qty, avg_entry_price, "
        "avg_exit_price, gross_pnl, fees, funding, net_pnl, exit_reason, entry_last_price, "
        "net_pnl_e8, qty_lots, entry_imbalance FROM round_trips ORDER BY id"));
    QVERIFY2(sql.error().isEmpty(), qPrintable(sql.error()));
    QVERIFY(rows.size() > 20);
    QCOMPARE(model.rowCount(), rows.size());
    QCOMPARE(model.runs().size(), 2);
    QCOMPARE(model.runs()[0].dataFiles, QStringList{guitest::recordingPath()});
    QVERIFY(model.runs()[0].startingBalanceE8.has_value()); // from its first equity sample
    QVERIFY(model.runs()[1].startingBalanceE8.has_value()); // from runs.starting_balance_e8
    QSet<QString> runsSeen;
    for (int r = 0; r < model.rowCount(); ++r) {
        const auto& row = rows[r];
        const auto text = [&](int column, int role = Qt::DisplayRole) {
            return model.index(r, column).data(role).toString();
        };
        QCOMPARE(text(JournalModel::RunColumn), row[0].toString());
        runsSeen.insert(row[0].toString());
        QCOMPARE(text(JournalModel::TripColumn), row[1].toString());
        QCOMPARE(text(JournalModel::SideColumn, JournalModel::ExportRole), row[2].toString());
        QCOMPARE(text(JournalModel::EntryTimeColumn), iso(row[3].toLongLong()));
        QCOMPARE(text(JournalModel::ExitTimeColumn), iso(row[4].toLongLong()));
        QVERIFY(text(JournalModel::ExitTimeColumn).endsWith(QLatin1Char('Z')));
        QVERIFY(text(JournalModel::ExitTimeColumn, Qt::ToolTipRole)
                    .contains(QDateTime::fromMSecsSinceEpoch(row[4].toLongLong())
                                  .toString(QStringLiteral("HH:mm:ss"))));
        QCOMPARE(text(JournalModel::SizeColumn), row[5].toString());
        QCOMPARE(text(JournalModel::EntryPriceColumn), row[6].toString());
        QCOMPARE(text(JournalModel::ExitPriceColumn), row[7].toString());
        QCOMPARE(text(JournalModel::GrossPnlColumn), row[8].toString());
        QCOMPARE(text(JournalModel::FeesColumn), row[9].toString());
        QCOMPARE(text(JournalModel::FundingColumn), row[10].toString());
        QCOMPARE(text(JournalModel::NetPnlColumn), row[11].toString());
        QCOMPARE(text(JournalModel::ExitReasonColumn, JournalModel::ExportRole),
                 row[12].toString());
        QCOMPARE(text(JournalModel::EntryLastPriceColumn), row[13].toString());
        QCOMPARE(
            model.index(r, JournalModel::NetPnlColumn).data(JournalModel::SortRole).toLongLong(),
            row[14].toLongLong());
        QCOMPARE(model.index(r, JournalModel::SizeColumn).data(JournalModel::SortRole).toLongLong(),
                 row[15].toLongLong());
        QCOMPARE(text(JournalModel::ImbalanceColumn, JournalModel::ExportRole).toDouble(),
                 row[16].toDouble()); // the exact double, through 17 digits
        // Losses red, gains green, numbers right-aligned.
        const QVariant colour = model.index(r, JournalModel::NetPnlColumn).data(Qt::ForegroundRole);
        const qint64 net = row[14].toLongLong();
        QCOMPARE(colour.isValid(), net != 0);
        if (net < 0) {
            QVERIFY(colour.value<QColor>().red() > colour.value<QColor>().green());
        }
        QCOMPARE(model.index(r, JournalModel::NetPnlColumn).data(Qt::TextAlignmentRole).toInt() &
                     Qt::AlignRight,
                 int(Qt::AlignRight));
    }
    QCOMPARE(runsSeen.size(), 2);
    // A second reload finds nothing new and changes nothing.
    QSignalSpy changed(&model, &JournalModel::journalChanged);
    QVERIFY(model.reload());
    QCOMPARE(changed.count(), 0);
    QCOMPARE(model.rowCount(), rows.size());
}

void TestJournalModel::passesTheModelTester() {
    JournalModel model;
    JournalFilter filter;
    filter.setSourceModel(&model);
    QAbstractItemModelTester modelTester(&model,
                                         QAbstractItemModelTester::FailureReportingMode::QtTest);
    QAbstractItemModelTester filterTester(&filter,
                                          QAbstractItemModelTester::FailureReportingMode::QtTest);
    QVERIFY(model.open(m_path));
    filter.sort(JournalModel::NetPnlColumn, Qt::DescendingOrder);
    filter.setSide(QStringLiteral("short"));
    filter.setExitReason(QStringLiteral("imbalance_reversal"));
    filter.setRunId(QString::fromLatin1(guitest::kDemoRun));
    filter.setExitTimeRange(model.trip(3).exitTimeMs, std::nullopt);
    QVERIFY(filter.rowCount() > 0);
    filter.setExitTimeRange(std::nullopt, std::nullopt);
    filter.setRunId({});
    filter.sort(JournalModel::EntryTimeColumn, Qt::AscendingOrder);
    model.close();
    QCOMPARE(filter.rowCount(), 0);
    QVERIFY(model.open(m_path));
    QVERIFY(filter.rowCount() > 0);
}

void TestJournalModel::sortsByTheIntegers() {
    JournalModel model;
    QVERIFY(model.open(m_path));
    JournalFilter filter;
    filter.setSourceModel(&model);
    SqlReader sql(m_path);
    for (const auto& [column, sqlColumn] :
         {std::pair{int(JournalModel::NetPnlColumn), QStringLiteral("net_pnl_e8")},
          std::pair{int(JournalModel::FeesColumn), QStringLiteral("fees_e8")},
          std::pair{int(JournalModel::ExitTimeColumn), QStringLiteral("exit_time_ms")},
          std::pair{int(JournalModel::EntryLastPriceColumn),
                    QStringLiteral("entry_last_price_ticks")}}) {
        filter.sort(column, Qt::AscendingOrder);
        const auto expected =
            sql.rows(QStringLiteral("SELECT %1 FROM round_trips ORDER BY %1").arg(sqlColumn));
        QCOMPARE(filter.rowCount(), expected.size());
        for (int r = 0; r < filter.rowCount(); ++r) {
            QCOMPARE(filter.index(r, column).data(JournalModel::SortRole).toLongLong(),
                     expected[r][0].toLongLong());
        }
    }
    // Prices sort by value, not as text ("9.5" < "10.0"): the average entry price.
    filter.sort(JournalModel::EntryPriceColumn, Qt::AscendingOrder);
    const auto prices = sql.rows(QStringLiteral(
        "SELECT avg_entry_price FROM round_trips ORDER BY entry_notional_units * 1.0 / qty_lots"));
    for (int r = 0; r < filter.rowCount(); ++r) {
        QCOMPARE(filter.index(r, JournalModel::EntryPriceColumn).data().toString(),
                 prices[r][0].toString());
    }
}

void TestJournalModel::filtersAndSummaryEqualSql() {
    JournalModel model;
    QVERIFY(model.open(m_path));
    JournalFilter filter;
    filter.setSourceModel(&model);
    SqlReader sql(m_path);
    const qint64 middle = model.trip(model.rowCount() / 2).exitTimeMs;
    struct Case {
        std::function<void()> apply;
        QString where;
    };
    const QString demo = QString::fromLatin1(guitest::kDemoRun);
    const QString defaults = QString::fromLatin1(guitest::kDefaultsRun);
    const QVector<Case> cases = {
        {[] {}, QStringLiteral("1")},
        {[&] { filter.setSide(QStringLiteral("long")); }, QStringLiteral("side = 'long'")},
        {[&] { filter.setRunId(demo); },
         QStringLiteral("side = 'long' AND run_id = '%1'").arg(demo)},
        {[&] {
             filter.setSide({});
             filter.setRunId(defaults);
         },
         QStringLiteral("run_id = '%1'").arg(defaults)},
        {[&] {
             filter.setRunId({});
             filter.setExitReason(QStringLiteral("imbalance_reversal"));
         },
         QStringLiteral("exit_reason = 'imbalance_reversal'")},
        {[&] {
             filter.setExitReason({});
             filter.setExitTimeRange(middle, std::nullopt);
         },
         QStringLiteral("exit_time_ms >= %1").arg(middle)},
        {[&] { filter.setExitTimeRange(std::nullopt, middle); },
         QStringLiteral("exit_time_ms <= %1").arg(middle)},
        {[&] {
             filter.setExitTimeRange(std::nullopt, std::nullopt);
             filter.setMode(QStringLiteral("live"));
         },
         QStringLiteral("0")},
    };
    for (const Case& c : cases) {
        c.apply();
        const auto figures = guitest::sqlFigures(sql, c.where);
        QVERIFY2(sql.error().isEmpty(), qPrintable(sql.error()));
        QCOMPARE(filter.rowCount(), static_cast<int>(figures.trades));
        const auto trips = filter.acceptedTrips();
        QCOMPARE(trips.size(), figures.trades);
        compareWithSql(summarizeTrips(trips, lookupIn(model)), figures);
    }
    // The whole demo run loses on every trade here: its realized drawdown is the report's.
    filter.setMode({});
    filter.setRunId(demo);
    const auto s = summarizeTrips(filter.acceptedTrips(), lookupIn(model));
    QVERIFY(s.maxDrawdownBasisPoints().has_value());
    QCOMPARE(s.maxDrawdownE8, -s.netE8);
    QCOMPARE(*s.maxDrawdownBasisPoints(), 1833); // hoga-backtest --preset demo: 18.3271 %
    QCOMPARE(formatE8(s.netE8), QStringLiteral("-13.28047800"));
    // The curve the drawdown is measured on ends at the starting balance plus the net PnL.
    const auto curve = realizedEquityCurve(filter.acceptedTrips(), lookupIn(model));
    QCOMPARE(curve.size(), s.trades + 1);
    QCOMPARE(curve.constLast().e8, *s.startingBalanceE8 + s.netE8);
}

void TestJournalModel::csvEqualsSqlText() {
    JournalModel model;
    QVERIFY(model.open(m_path));
    JournalFilter filter;
    filter.setSourceModel(&model);
    filter.setSide(QStringLiteral("short"));
    filter.sort(JournalModel::TripColumn, Qt::AscendingOrder);
    QBuffer buffer;
    QVERIFY(buffer.open(QIODevice::WriteOnly));
    QString error;
    QVERIFY(writeCsv(filter, buffer, error));
    const QStringList lines = QString::fromUtf8(buffer.data()).split(QStringLiteral("\r\n"));
    QCOMPARE(lines.constLast(), QString()); // every line ends in CRLF
    QCOMPARE(lines.constFirst(),
             QStringLiteral("run_id,trip_id,side,entry_time,exit_time,qty,avg_entry_price,"
                            "avg_exit_price,gross_pnl,fees,funding,net_pnl,exit_reason,"
                            "entry_volume_ratio,entry_imbalance,entry_momentum_bps,"
                            "entry_taker_buy_share,entry_last_price"));
    SqlReader sql(m_path);
    const auto rows = sql.rows(QStringLiteral(
        "SELECT run_id, trip_id, side, entry_time_ms, exit_time_ms, qty, avg_entry_price, "
        "avg_exit_price, gross_pnl, fees, funding, net_pnl, exit_reason, entry_volume_ratio, "
        "entry_imbalance, entry_momentum_bps, entry_taker_buy_share, entry_last_price "
        "FROM round_trips WHERE side = 'short' ORDER BY trip_id, id"));
    QCOMPARE(lines.size(), rows.size() + 2);
    for (int r = 0; r < rows.size(); ++r) {
        const QStringList fields = lines[r + 1].split(QLatin1Char(','));
        QCOMPARE(fields.size(), int(JournalModel::ColumnCount));
        for (int c = 0; c < fields.size(); ++c) {
            if (c == 3 || c == 4) {
                QCOMPARE(fields[c], iso(rows[r][c].toLongLong()));
            } else if (c >= 13 && c <= 16) {
                QCOMPARE(fields[c].toDouble(), rows[r][c].toDouble());
            } else {
                QCOMPARE(fields[c], rows[r][c].toString());
            }
        }
    }
}

void TestJournalModel::csvQuotesPerRfc4180() {
    QCOMPARE(csvField(QStringLiteral("61820.00")), QStringLiteral("61820.00"));
    QCOMPARE(csvField(QStringLiteral("a,b")), QStringLiteral("\"a,b\""));
    QCOMPARE(csvField(QStringLiteral("say \"hi\"")), QStringLiteral("\"say \"\"hi\"\"\""));
    QCOMPARE(csvField(QStringLiteral("two\nlines")), QStringLiteral("\"two\nlines\""));
    QCOMPARE(csvField(QStringLiteral("cr\r")), QStringLiteral("\"cr\r\""));
    QCOMPARE(csvField(QString()), QString());
}

void TestJournalModel::missingCorruptAndForeignFiles() {
    JournalModel model;
    QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
    const QString missing = m_dir.filePath(QStringLiteral("none.sqlite"));
    QVERIFY(!model.open(missing));
    QVERIFY(model.lastError().contains(missing));
    QVERIFY(model.lastError().contains(QStringLiteral("does not exist")));
    QCOMPARE(model.rowCount(), 0);

    const QString garbage = m_dir.filePath(QStringLiteral("garbage.sqlite"));
    {
        QFile f(garbage);
        QVERIFY(f.open(QIODevice::WriteOnly));
        f.write(QByteArray(8192, 'x'));
    }
    QVERIFY(!model.open(garbage));
    QVERIFY2(model.lastError().contains(QStringLiteral("not a readable journal")),
             qPrintable(model.lastError()));

    // A healthy SQLite file of another application.
    const QString foreign = m_dir.filePath(QStringLiteral("foreign.sqlite"));
    {
        QSqlDatabase db = QSqlDatabase::addDatabase(QStringLiteral("QSQLITE"), QStringLiteral("w"));
        db.setDatabaseName(foreign);
        QVERIFY(db.open());
        QSqlQuery(QStringLiteral("CREATE TABLE round_trips (id INTEGER)"), db);
        db.close();
    }
    QSqlDatabase::removeDatabase(QStringLiteral("w"));
    QVERIFY(!model.open(foreign));
    QVERIFY2(model.lastError().contains(QStringLiteral("not a Hoga journal")),
             qPrintable(model.lastError()));

    // A journal cut in half: it may open (the header is intact) but reading fails, with a message.
    const QString cut = m_dir.filePath(QStringLiteral("cut.sqlite"));
    {
        QFile source(m_path);
        QVERIFY(source.open(QIODevice::ReadOnly));
        const QByteArray bytes = source.readAll();
        QFile f(cut);
        QVERIFY(f.open(QIODevice::WriteOnly));
        f.write(bytes.left(bytes.size() / 2));
    }
    const bool opened = model.open(cut);
    QVERIFY(!opened);
    QVERIFY(!model.lastError().isEmpty());
    QCOMPARE(model.rowCount(), 0);
}

QTEST_MAIN(TestJournalModel)
#include "tst_journal_model.moc"
