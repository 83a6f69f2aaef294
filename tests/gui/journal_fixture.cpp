#include "journal_fixture.h"

#include "app/backtest_command.h"
#include "core/instrument.h"
#include "engine/memory_journal.h"
#include "engine/params_json.h"
#include "storage/sqlite_journal.h"

#include <QSqlError>
#include <QSqlQuery>
#include <QSqlRecord>

#include <atomic>

namespace hoga::guitest {

QString recordingPath() {
    return QStringLiteral(HOGA_RECORDINGS "/hftbacktest_usdm_btcusdt_20240808.gz");
}

QString writeTwoRunJournal(const QString& path) {
    const std::string file = recordingPath().toStdString();
    storage::SqliteJournalOptions options;
    options.synchronousFull = false; // a test file: a power cut may lose it
    storage::SqliteJournal journal(core::InstrumentSpec::btcusdtDefaults(), options);
    if (!journal.open(path.toStdString())) {
        return QString::fromStdString(journal.lastError());
    }
    const auto demo = app::runBacktest({file}, core::StrategyParams::demo(), &journal);
    if (!demo.error.empty() || demo.stats.roundTrips == 0) {
        return QStringLiteral("demo backtest: %1 (%2 trips)")
            .arg(QString::fromStdString(demo.error))
            .arg(demo.stats.roundTrips);
    }
    engine::MemoryJournal defaults;
    const auto second = app::runBacktest({file}, core::StrategyParams::defaults(), &defaults);
    if (!second.error.empty() || defaults.roundTrips.empty() || defaults.equity.empty()) {
        return QStringLiteral("defaults backtest: %1").arg(QString::fromStdString(second.error));
    }
    engine::RunInfo run = defaults.runs.front();
    run.runId = kDefaultsRun;
    run.startingBalance = defaults.equity.front().balance;
    journal.recordRun(run);
    for (const auto& sample : defaults.equity) {
        journal.recordEquity(sample);
    }
    for (const auto& trip : defaults.roundTrips) {
        journal.recordRoundTrip(trip);
    }
    journal.close();
    return journal.healthy() ? QString() : QString::fromStdString(journal.lastError());
}

SqlReader::SqlReader(const QString& path) {
    static std::atomic<int> counter{0};
    m_connection = QStringLiteral("test-sql-%1").arg(++counter);
    QSqlDatabase db = QSqlDatabase::addDatabase(QStringLiteral("QSQLITE"), m_connection);
    db.setDatabaseName(path);
    db.setConnectOptions(QStringLiteral("QSQLITE_OPEN_READONLY"));
    if (!db.open()) {
        m_error = db.lastError().text();
    }
}

SqlReader::~SqlReader() {
    QSqlDatabase::database(m_connection, false).close();
    QSqlDatabase::removeDatabase(m_connection);
}

QVector<QVariantList> SqlReader::rows(const QString& sql) {
    QVector<QVariantList> out;
    QSqlQuery query(QSqlDatabase::database(m_connection, false));
    if (!query.exec(sql)) {
        m_error = query.lastError().text() + QStringLiteral(" in ") + sql;
        return out;
    }
    while (query.next()) {
        QVariantList row;
        for (int c = 0; c < query.record().count(); ++c) {
            row.append(query.value(c));
        }
        out.append(row);
    }
    return out;
}

QVariant SqlReader::scalar(const QString& sql) {
    const auto result = rows(sql);
    return result.isEmpty() || result.front().isEmpty() ? QVariant() : result.front().front();
}

SqlFigures sqlFigures(SqlReader& sql, const QString& where) {
    SqlFigures f;
    const auto sums =
        sql.rows(QStringLiteral("SELECT count(*), coalesce(sum(net_pnl_e8 > 0), 0), "
                                "coalesce(sum(gross_pnl_e8), 0), coalesce(sum(fees_e8), 0), "
                                "coalesce(sum(funding_e8), 0), coalesce(sum(net_pnl_e8), 0) "
                                "FROM round_trips WHERE %1")
                     .arg(where));
    if (sums.isEmpty()) {
        return f;
    }
    f.trades = sums[0][0].toLongLong();
    f.wins = sums[0][1].toLongLong();
    f.grossE8 = sums[0][2].toLongLong();
    f.feesE8 = sums[0][3].toLongLong();
    f.fundingE8 = sums[0][4].toLongLong();
    f.netE8 = sums[0][5].toLongLong();
    // The realized equity: the first trip's run's starting balance (its column, else its first
    // equity sample), plus the running sum of net PnL in exit order; the peak includes the start.
    const QString curve =
        QStringLiteral(
            "WITH f AS (SELECT * FROM round_trips WHERE %1), "
            "first AS (SELECT run_id FROM f ORDER BY exit_time_ms, id LIMIT 1), "
            "base AS (SELECT coalesce((SELECT starting_balance_e8 FROM runs WHERE id = "
            "  (SELECT run_id FROM first)), (SELECT balance_e8 FROM equity WHERE run_id = "
            "  (SELECT run_id FROM first) ORDER BY time_ms, id LIMIT 1)) AS b), "
            "c AS (SELECT (SELECT b FROM base) + sum(net_pnl_e8) OVER (ORDER BY exit_time_ms, id) "
            "  AS eq, exit_time_ms, id FROM f), "
            "p AS (SELECT eq, max((SELECT b FROM base), max(eq) OVER (ORDER BY exit_time_ms, id)) "
            "  AS peak FROM c) ")
            .arg(where);
    const QVariant base = sql.scalar(curve + QStringLiteral("SELECT b FROM base"));
    if (!base.isNull() && base.isValid()) {
        f.startingBalanceE8 = base.toLongLong();
    }
    f.maxDrawdownE8 =
        sql.scalar(curve + QStringLiteral("SELECT coalesce(max(peak - eq), 0) FROM p"))
            .toLongLong();
    const auto worst = sql.rows(curve + QStringLiteral("SELECT peak, peak - eq FROM p WHERE "
                                                       "peak > eq ORDER BY (peak - eq) * 1.0 / "
                                                       "peak DESC LIMIT 1"));
    if (!worst.isEmpty()) {
        f.worstPeakE8 = worst[0][0].toLongLong();
        f.worstDropE8 = worst[0][1].toLongLong();
    }
    return f;
}

} // namespace hoga::guitest
