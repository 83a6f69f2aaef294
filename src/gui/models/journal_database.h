#pragma once

// A read-only QSql (SQLite driver) connection to a journal the engine may be writing right now.
// The journal is in WAL mode, so reading never blocks the writer and sees only committed
// transactions; every read here is one short statement, finished before returning, so no read
// transaction stays open to hold back the writer's checkpoints.
//
// It reads every schema version from 1 on: columns added later (runs.starting_balance_e8 and
// resumed_from in 3, the equity table in 2) are looked up when the file is opened and left out of
// the queries when missing. Failures never throw: they return false and say why in lastError(),
// in words for the user.

#include "gui/models/journal_records.h"

#include <QCoreApplication>
#include <QString>
#include <QVector>

namespace hoga::gui {

class JournalDatabase {
    Q_DECLARE_TR_FUNCTIONS(JournalDatabase)

public:
    JournalDatabase();
    ~JournalDatabase();

    JournalDatabase(const JournalDatabase&) = delete;
    JournalDatabase& operator=(const JournalDatabase&) = delete;

    // Opens `path` read-only and checks that it is a Hoga journal. Opening again closes first.
    bool open(const QString& path);
    void close();
    [[nodiscard]] bool isOpen() const { return m_open; }
    [[nodiscard]] const QString& path() const { return m_path; }
    [[nodiscard]] const QString& lastError() const { return m_error; }
    [[nodiscard]] int schemaVersion() const { return m_schemaVersion; }
    [[nodiscard]] bool hasEquity() const { return m_hasEquity; }

    // Every run, in the order they were journalled.
    bool readRuns(QVector<JournalRun>& out);
    // Round trips with round_trips.id > afterId, in id order, appended to `out`.
    bool readTrips(qint64 afterId, QVector<JournalTrip>& out);
    // One round trip by its run and trip number (for a replay of it).
    bool readTrip(const QString& runId, qint64 tripId, JournalTrip& out);
    // Fills of one run with fromMs <= time_ms <= toMs, in the order journalled, with the purpose
    // of the order each belongs to.
    bool readFills(const QString& runId, qint64 fromMs, qint64 toMs, QVector<JournalFill>& out);
    // The strategy parameters a run was journalled with (runs.params_json, params_json format).
    bool readRunParams(const QString& runId, QString& json);
    // The largest round_trips.id (0 when empty): a value below what was read means the file was
    // replaced by another journal.
    bool readLastTripId(qint64& out);
    // Equity samples of one run with fromMs <= time_ms <= toMs, in time order (none before
    // schema 2).
    bool readEquity(const QString& runId, qint64 fromMs, qint64 toMs, QVector<EquityPoint>& out);

private:
    bool fail(const QString& what, const QString& detail);
    bool validate();
    bool detectColumns();

    const QString m_connection; // QSql connection name, unique per instance
    QString m_path;
    QString m_error;
    bool m_open = false;
    int m_schemaVersion = 0;
    bool m_hasEquity = false;
    bool m_hasResumedFrom = false;
    bool m_hasStartingBalance = false;
};

} // namespace hoga::gui
