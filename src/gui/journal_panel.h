#pragma once

// The trade journal panel: filters (mode, run, side, exit reason, exit time range), the round
// trips as a sortable table, a summary line and the equity chart of what the filters let
// through, and a CSV export of the rows as shown. It reads the journal read-only and re-reads it
// every second, so it follows a session that is still trading. A missing, corrupt or foreign file
// is reported in the panel (and retried), never a crash.
//
// Double-clicking a trade emits tradeActivated(); opening a replay of the recorded book and tape
// around it is the main window's job (JournalModel::run() has the run's recordings).

#include "gui/models/journal_summary.h"

#include <QWidget>

class QCheckBox;
class QComboBox;
class QDateTimeEdit;
class QLabel;
class QPushButton;
class QTableView;

namespace hoga::gui {

class EquityChart;
class JournalFilter;
class JournalModel;

class JournalPanel : public QWidget {
    Q_OBJECT

public:
    explicit JournalPanel(QWidget* parent = nullptr);

    // Shows the journal at `path`. False when it cannot be read now; the panel says why and keeps
    // trying (a session may be about to create it).
    bool openJournal(const QString& path);
    // Writes the filtered rows, in the table's order, as CSV. False (with `error`) on failure.
    bool exportCsv(const QString& path, QString* error = nullptr);

    [[nodiscard]] JournalModel* model() const { return m_model; }
    [[nodiscard]] JournalFilter* filter() const { return m_filter; }
    [[nodiscard]] const JournalSummary& summary() const { return m_summary; }

Q_SIGNALS:
    void tradeActivated(const QString& runId, qint64 tripId, qint64 entryTimeMs, qint64 exitTimeMs);

private:
    QWidget* buildFilters();
    void refreshChoices();
    void applyTimeRange();
    void refresh();
    void showMessage(const QString& message);
    void chooseCsvFile();
    void activate(const QModelIndex& index);

    JournalModel* m_model;
    JournalFilter* m_filter;
    JournalSummary m_summary;
    QComboBox* m_modeBox = nullptr;
    QComboBox* m_runBox = nullptr;
    QComboBox* m_sideBox = nullptr;
    QComboBox* m_reasonBox = nullptr;
    QCheckBox* m_fromCheck = nullptr;
    QDateTimeEdit* m_fromEdit = nullptr;
    QCheckBox* m_toCheck = nullptr;
    QDateTimeEdit* m_toEdit = nullptr;
    QPushButton* m_exportButton = nullptr;
    QLabel* m_message = nullptr;
    QLabel* m_summaryLabel = nullptr;
    QTableView* m_table = nullptr;
    EquityChart* m_chart = nullptr;
};

} // namespace hoga::gui
