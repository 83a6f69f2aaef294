#pragma once

// Journals for the GUI suites, written by the real backtest on the bundled recording through the
// real SQLite writer, and an independent reader (its own QSql connection) that recomputes what
// the panel shows with SQL.

#include <QSqlDatabase>
#include <QString>
#include <QVariantList>
#include <QVector>

#include <optional>

namespace hoga::guitest {

inline constexpr const char* kDemoRun = "backtest";
inline constexpr const char* kDefaultsRun = "backtest-defaults";

// The bundled 2024-08-08 BTCUSDT recording.
QString recordingPath();

// Writes two runs into a new journal at `path`: run "backtest", the demo preset's backtest with
// every record (orders, fills, round trips, equity; starting balance only in its equity rows),
// then run "backtest-defaults", the default parameters' backtest of the same recording, its round
// trips and equity samples recorded under its own run id with its starting balance. Returns an
// error message, empty on success.
QString writeTwoRunJournal(const QString& path);

// A read-only SQL connection of the test's own.
class SqlReader {
public:
    explicit SqlReader(const QString& path);
    ~SqlReader();
    SqlReader(const SqlReader&) = delete;
    SqlReader& operator=(const SqlReader&) = delete;

    [[nodiscard]] QString error() const { return m_error; }
    QVector<QVariantList> rows(const QString& sql);
    QVariant scalar(const QString& sql);

private:
    QString m_connection;
    QString m_error;
};

// The panel's figures recomputed in SQL over `round_trips WHERE <where>`.
struct SqlFigures {
    qint64 trades = 0;
    qint64 wins = 0;
    qint64 grossE8 = 0;
    qint64 feesE8 = 0;
    qint64 fundingE8 = 0;
    qint64 netE8 = 0;
    std::optional<qint64> startingBalanceE8;
    qint64 maxDrawdownE8 = 0;
    qint64 worstPeakE8 = 0; // of the largest drop / peak
    qint64 worstDropE8 = 0;
};
SqlFigures sqlFigures(SqlReader& sql, const QString& where);

} // namespace hoga::guitest
