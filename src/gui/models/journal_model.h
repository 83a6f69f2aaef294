#pragma once

// The journal's round trips as a table, one row per closed position, in the order the engine
// journalled them. Money and prices are shown as the journal's own exact decimal text; sorting
// (SortRole) uses the integer columns beside them (*_e8, lots, ticks, times), never the text or a
// double. Times are shown in UTC (ISO 8601) with the local time as a tooltip.
//
// The journal grows while the station runs: reload() reads only the rows after the last id it
// has (the engine only ever appends round trips), so it is cheap enough for a timer
// (setReloadInterval). A journal that is missing when opened is retried on every reload, so the
// panel can be pointed at the file a session is about to create.

#include "gui/models/journal_database.h"
#include "gui/models/journal_records.h"

#include <QAbstractTableModel>
#include <QHash>
#include <QTimer>
#include <QVector>

namespace hoga::gui {

class JournalModel : public QAbstractTableModel {
    Q_OBJECT

public:
    enum Column {
        RunColumn,
        TripColumn,
        SideColumn,
        EntryTimeColumn,
        ExitTimeColumn,
        SizeColumn,
        EntryPriceColumn,
        ExitPriceColumn,
        GrossPnlColumn,
        FeesColumn,
        FundingColumn,
        NetPnlColumn,
        ExitReasonColumn,
        VolumeRatioColumn,
        ImbalanceColumn,
        MomentumColumn,
        TakerBuyShareColumn,
        EntryLastPriceColumn,
        ColumnCount
    };
    enum Role {
        // An integer (or string) to sort by: the journal's scaled integer, never the display text.
        SortRole = Qt::UserRole + 1,
        // The value as exported to CSV: the journal's raw text (side "long", reason
        // "stop_loss", features at full precision); in headerData, the journal's column name.
        ExportRole,
    };

    explicit JournalModel(QObject* parent = nullptr);

    // Opens a journal read-only and reads it. False (with lastError()) when it cannot; the model
    // is then empty and reload() keeps trying the same path.
    bool open(const QString& path);
    void close();
    // Reads round trips journalled since the last reload (and the runs). False on an error,
    // which lastError() and errorChanged() report; the rows already read stay.
    bool reload();
    // Calls reload() every `ms` milliseconds; 0 stops it.
    void setReloadInterval(int ms);

    [[nodiscard]] bool isOpen() const { return m_db.isOpen(); }
    [[nodiscard]] const QString& path() const { return m_path; }
    [[nodiscard]] const QString& lastError() const { return m_error; }

    [[nodiscard]] const JournalTrip& trip(int row) const { return m_trips.at(row); }
    [[nodiscard]] const QVector<JournalRun>& runs() const { return m_runs; }
    [[nodiscard]] const JournalRun* run(const QString& id) const;
    // Equity samples of one run between two times (none for journals before schema 2).
    [[nodiscard]] QVector<EquityPoint> equity(const QString& runId, qint64 fromMs, qint64 toMs);

    // The text shown for a journal value: "Long", "Stop loss", ...; unknown values unchanged.
    static QString sideLabel(const QString& side);
    static QString exitReasonLabel(const QString& reason);

    int rowCount(const QModelIndex& parent = {}) const override;
    int columnCount(const QModelIndex& parent = {}) const override;
    QVariant data(const QModelIndex& index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation orientation,
                        int role = Qt::DisplayRole) const override;

Q_SIGNALS:
    // After a reload that found new rows or runs, or reset the model.
    void journalChanged();
    // The error state changed: the message, or empty when the journal reads fine again.
    void errorChanged(const QString& message);

private:
    void setError(const QString& message);
    QVariant displayValue(const JournalTrip& t, int column) const;
    QVariant sortValue(const JournalTrip& t, int column) const;
    QVariant exportValue(const JournalTrip& t, int column) const;

    JournalDatabase m_db;
    QString m_path;
    QString m_error;
    QVector<JournalTrip> m_trips;
    QVector<JournalRun> m_runs;
    qint64 m_lastRowId = 0;
    QTimer m_reloadTimer;
};

} // namespace hoga::gui
