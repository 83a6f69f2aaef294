#include "gui/models/journal_database.h"

#include "storage/journal_schema.h"

#include <QFileInfo>
#include <QJsonArray>
#include <QJsonDocument>
#include <QSqlDatabase>
#include <QSqlError>
#include <QSqlQuery>
#include <QVariant>

#include <atomic>

namespace hoga::gui {

namespace {

QString nextConnectionName() {
    static std::atomic<int> counter{0};
    return QStringLiteral("hoga-journal-%1").arg(++counter);
}

std::optional<double> optionalReal(const QVariant& value) {
    if (value.isNull()) {
        return std::nullopt;
    }
    return value.toDouble();
}

QStringList jsonStrings(const QString& json) {
    QStringList out;
    const QJsonArray array = QJsonDocument::fromJson(json.toUtf8()).array();
    for (const auto& item : array) {
        out.append(item.toString());
    }
    return out;
}

} // namespace

JournalDatabase::JournalDatabase() : m_connection(nextConnectionName()) {}

JournalDatabase::~JournalDatabase() {
    close();
}

bool JournalDatabase::fail(const QString& what, const QString& detail) {
    m_error = detail.isEmpty() ? what : tr("%1: %2").arg(what, detail);
    return false;
}

bool JournalDatabase::open(const QString& path) {
    close();
    m_path = path;
    m_error.clear();
    const QFileInfo info(path);
    if (!info.exists()) {
        return fail(tr("The journal %1 does not exist").arg(path), {});
    }
    if (!info.isFile() || !info.isReadable()) {
        return fail(tr("The journal %1 is not a readable file").arg(path), {});
    }
    bool opened = false;
    {
        QSqlDatabase db = QSqlDatabase::addDatabase(QStringLiteral("QSQLITE"), m_connection);
        if (!db.isValid()) {
            fail(tr("Qt's SQLite driver is not installed (package libqt6sql6-sqlite)"), {});
        } else {
            db.setDatabaseName(path);
            // Read-only: the panel must never be the one that changes or locks the engine's
            // journal. A short busy timeout covers the moment a checkpoint holds the WAL index.
            db.setConnectOptions(QStringLiteral("QSQLITE_OPEN_READONLY;QSQLITE_BUSY_TIMEOUT=2000"));
            opened = db.open();
            if (!opened) {
                fail(tr("Cannot open the journal %1").arg(path), db.lastError().text());
            }
        }
    } // no QSqlDatabase copy may outlive this block when close() removes the connection
    if (!opened) {
        close();
        return false;
    }
    m_open = true;
    // Queries live inside validate(): removing the connection while one is alive is an error.
    if (!validate()) {
        close();
        return false;
    }
    return true;
}

bool JournalDatabase::validate() {
    QSqlQuery query(QSqlDatabase::database(m_connection, false));
    // The first read of the file: a file that is not a database (or a corrupt one) fails here.
    if (!query.exec(QStringLiteral("PRAGMA application_id")) || !query.next()) {
        return fail(tr("%1 is not a readable journal (corrupt, or not a SQLite file)").arg(m_path),
                    query.lastError().text());
    }
    const qint64 applicationId = query.value(0).toLongLong();
    if (!query.exec(QStringLiteral("PRAGMA user_version")) || !query.next()) {
        return fail(tr("Cannot read the schema version of %1").arg(m_path),
                    query.lastError().text());
    }
    m_schemaVersion = query.value(0).toInt();
    if (applicationId != storage::kJournalApplicationId || m_schemaVersion < 1) {
        return fail(tr("%1 is not a Hoga journal").arg(m_path), {});
    }
    return detectColumns();
}

bool JournalDatabase::detectColumns() {
    QSqlQuery query(QSqlDatabase::database(m_connection, false));
    if (!query.exec(QStringLiteral("SELECT name FROM sqlite_schema WHERE type = 'table'"))) {
        return fail(tr("Cannot read the tables of %1").arg(m_path), query.lastError().text());
    }
    QStringList tables;
    while (query.next()) {
        tables.append(query.value(0).toString());
    }
    if (!tables.contains(QStringLiteral("runs")) ||
        !tables.contains(QStringLiteral("round_trips"))) {
        return fail(tr("%1 has no round-trip table: not a Hoga journal").arg(m_path), {});
    }
    m_hasEquity = tables.contains(QStringLiteral("equity"));
    if (!query.exec(QStringLiteral("SELECT name FROM pragma_table_info('runs')"))) {
        return fail(tr("Cannot read the tables of %1").arg(m_path), query.lastError().text());
    }
    while (query.next()) {
        const QString column = query.value(0).toString();
        m_hasResumedFrom = m_hasResumedFrom || column == QStringLiteral("resumed_from");
        m_hasStartingBalance =
            m_hasStartingBalance || column == QStringLiteral("starting_balance_e8");
    }
    return true;
}

void JournalDatabase::close() {
    const bool known = QSqlDatabase::contains(m_connection);
    if (known) {
        QSqlDatabase::database(m_connection, false).close();
    }
    // removeDatabase wants no QSqlDatabase copy alive: the one above is a temporary.
    if (known) {
        QSqlDatabase::removeDatabase(m_connection);
    }
    m_open = false;
    m_schemaVersion = 0;
    m_hasEquity = m_hasResumedFrom = m_hasStartingBalance = false;
}

bool JournalDatabase::readRuns(QVector<JournalRun>& out) {
    if (!m_open) {
        return fail(tr("No journal is open"), {});
    }
    // Columns of later schemas are selected as NULL when the file predates them.
    const QString resumed =
        m_hasResumedFrom ? QStringLiteral("r.resumed_from") : QStringLiteral("NULL");
    const QString balance =
        m_hasStartingBalance ? QStringLiteral("r.starting_balance_e8") : QStringLiteral("NULL");
    const QString firstEquity =
        m_hasEquity ? QStringLiteral("(SELECT e.balance_e8 FROM equity e WHERE e.run_id = r.id "
                                     "ORDER BY e.time_ms, e.id LIMIT 1)")
                    : QStringLiteral("NULL");
    QSqlQuery query(QSqlDatabase::database(m_connection, false));
    query.setForwardOnly(true);
    const QString sql = QStringLiteral("SELECT r.id, r.mode, r.symbol, r.data_files, %1, %2, %3 "
                                       "FROM runs r ORDER BY r.rowid")
                            .arg(resumed, balance, firstEquity);
    if (!query.exec(sql)) {
        return fail(tr("Cannot read the runs of %1").arg(m_path), query.lastError().text());
    }
    out.clear();
    while (query.next()) {
        JournalRun run;
        run.id = query.value(0).toString();
        run.mode = query.value(1).toString();
        run.symbol = query.value(2).toString();
        run.dataFiles = jsonStrings(query.value(3).toString());
        run.resumedFrom = query.value(4).toString();
        if (!query.value(5).isNull()) {
            run.startingBalanceE8 = query.value(5).toLongLong();
        } else if (!query.value(6).isNull()) {
            run.startingBalanceE8 = query.value(6).toLongLong();
        }
        out.append(run);
    }
    return true;
}

namespace {

// The columns readTrips() and readTrip() select, in the order tripFromRow() reads them.
const char* const kTripColumns =
    "SELECT t.id, t.run_id, r.mode, t.trip_id, t.side, t.entry_time_ms, t.exit_time_ms, "
    "t.qty, t.qty_lots, t.avg_entry_price, t.avg_exit_price, t.gross_pnl, t.gross_pnl_e8, "
    "t.fees, t.fees_e8, t.funding, t.funding_e8, t.net_pnl, t.net_pnl_e8, t.exit_reason, "
    "t.entry_volume_ratio, t.entry_imbalance, t.entry_momentum_bps, t.entry_taker_buy_share, "
    "t.entry_last_price, t.entry_last_price_ticks "
    "FROM round_trips t JOIN runs r ON r.id = t.run_id ";

JournalTrip tripFromRow(const QSqlQuery& query) {
    JournalTrip t;
    int c = 0;
    const auto next = [&] { return query.value(c++); };
    t.rowId = next().toLongLong();
    t.runId = next().toString();
    t.mode = next().toString();
    t.tripId = next().toLongLong();
    t.side = next().toString();
    t.entryTimeMs = next().toLongLong();
    t.exitTimeMs = next().toLongLong();
    t.qty = next().toString();
    t.qtyLots = next().toLongLong();
    t.avgEntryPrice = next().toString();
    t.avgExitPrice = next().toString();
    t.grossPnl = next().toString();
    t.grossPnlE8 = next().toLongLong();
    t.fees = next().toString();
    t.feesE8 = next().toLongLong();
    t.funding = next().toString();
    t.fundingE8 = next().toLongLong();
    t.netPnl = next().toString();
    t.netPnlE8 = next().toLongLong();
    t.exitReason = next().toString();
    t.entryVolumeRatio = optionalReal(next());
    t.entryImbalance = optionalReal(next());
    t.entryMomentumBps = optionalReal(next());
    t.entryTakerBuyShare = optionalReal(next());
    t.entryLastPrice = next().toString();
    t.entryLastPriceTicks = next().toLongLong();
    return t;
}

} // namespace

bool JournalDatabase::readTrips(qint64 afterId, QVector<JournalTrip>& out) {
    if (!m_open) {
        return fail(tr("No journal is open"), {});
    }
    QSqlQuery query(QSqlDatabase::database(m_connection, false));
    query.setForwardOnly(true);
    query.prepare(QLatin1String(kTripColumns) + QStringLiteral("WHERE t.id > ? ORDER BY t.id"));
    query.addBindValue(afterId);
    if (!query.exec()) {
        return fail(tr("Cannot read the round trips of %1").arg(m_path), query.lastError().text());
    }
    while (query.next()) {
        out.append(tripFromRow(query));
    }
    if (query.lastError().isValid()) { // a corrupt page met halfway through the rows
        return fail(tr("Cannot read the round trips of %1").arg(m_path), query.lastError().text());
    }
    return true;
}

bool JournalDatabase::readTrip(const QString& runId, qint64 tripId, JournalTrip& out) {
    if (!m_open) {
        return fail(tr("No journal is open"), {});
    }
    QSqlQuery query(QSqlDatabase::database(m_connection, false));
    query.setForwardOnly(true);
    query.prepare(QLatin1String(kTripColumns) +
                  QStringLiteral("WHERE t.run_id = ? AND t.trip_id = ?"));
    query.addBindValue(runId);
    query.addBindValue(tripId);
    if (!query.exec()) {
        return fail(tr("Cannot read the round trips of %1").arg(m_path), query.lastError().text());
    }
    if (!query.next()) {
        return fail(tr("%1 has no trade %2 of run %3").arg(m_path).arg(tripId).arg(runId), {});
    }
    out = tripFromRow(query);
    return true;
}

bool JournalDatabase::readFills(const QString& runId, qint64 fromMs, qint64 toMs,
                                QVector<JournalFill>& out) {
    out.clear();
    if (!m_open) {
        return fail(tr("No journal is open"), {});
    }
    QSqlQuery query(QSqlDatabase::database(m_connection, false));
    query.setForwardOnly(true);
    // LEFT JOIN: a liquidation's fill has no order row (the fills table keeps orphans on purpose).
    query.prepare(QStringLiteral(
        "SELECT f.id, f.side, f.price, f.price_ticks, f.qty, f.qty_lots, f.time_ms, o.purpose "
        "FROM fills f LEFT JOIN orders o ON o.run_id = f.run_id AND "
        "o.client_order_id = f.client_order_id "
        "WHERE f.run_id = ? AND f.time_ms BETWEEN ? AND ? ORDER BY f.id"));
    query.addBindValue(runId);
    query.addBindValue(fromMs);
    query.addBindValue(toMs);
    if (!query.exec()) {
        return fail(tr("Cannot read the fills of %1").arg(m_path), query.lastError().text());
    }
    while (query.next()) {
        JournalFill f;
        f.rowId = query.value(0).toLongLong();
        f.side = query.value(1).toString();
        f.price = query.value(2).toString();
        f.priceTicks = query.value(3).toLongLong();
        f.qty = query.value(4).toString();
        f.qtyLots = query.value(5).toLongLong();
        f.timeMs = query.value(6).toLongLong();
        f.purpose = query.value(7).toString();
        out.append(f);
    }
    return true;
}

bool JournalDatabase::readRunParams(const QString& runId, QString& json) {
    if (!m_open) {
        return fail(tr("No journal is open"), {});
    }
    QSqlQuery query(QSqlDatabase::database(m_connection, false));
    query.prepare(QStringLiteral("SELECT params_json FROM runs WHERE id = ?"));
    query.addBindValue(runId);
    if (!query.exec() || !query.next()) {
        return fail(tr("Cannot read the parameters of run %1 in %2").arg(runId, m_path),
                    query.lastError().text());
    }
    json = query.value(0).toString();
    return true;
}

bool JournalDatabase::readLastTripId(qint64& out) {
    if (!m_open) {
        return fail(tr("No journal is open"), {});
    }
    QSqlQuery query(QSqlDatabase::database(m_connection, false));
    if (!query.exec(QStringLiteral("SELECT coalesce(max(id), 0) FROM round_trips")) ||
        !query.next()) {
        return fail(tr("Cannot read the round trips of %1").arg(m_path), query.lastError().text());
    }
    out = query.value(0).toLongLong();
    return true;
}

bool JournalDatabase::readEquity(const QString& runId, qint64 fromMs, qint64 toMs,
                                 QVector<EquityPoint>& out) {
    out.clear();
    if (!m_open) {
        return fail(tr("No journal is open"), {});
    }
    if (!m_hasEquity) {
        return true;
    }
    QSqlQuery query(QSqlDatabase::database(m_connection, false));
    query.setForwardOnly(true);
    query.prepare(QStringLiteral("SELECT time_ms, equity_e8 FROM equity WHERE run_id = ? AND "
                                 "time_ms BETWEEN ? AND ? ORDER BY time_ms, id"));
    query.addBindValue(runId);
    query.addBindValue(fromMs);
    query.addBindValue(toMs);
    if (!query.exec()) {
        return fail(tr("Cannot read the equity of %1").arg(m_path), query.lastError().text());
    }
    while (query.next()) {
        out.append({query.value(0).toLongLong(), query.value(1).toLongLong()});
    }
    return true;
}

} // namespace hoga::gui
