#include "gui/journal_panel.h"

#include "gui/charts/equity_chart.h"
#include "gui/models/journal_csv.h"
#include "gui/models/journal_filter.h"
#include "gui/models/journal_model.h"

#include <QCheckBox>
#include <QComboBox>
#include <QDateTimeEdit>
#include <QFile>
#include <QFileDialog>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QLabel>
#include <QPushButton>
#include <QSaveFile>
#include <QSet>
#include <QSignalBlocker>
#include <QSplitter>
#include <QTableView>
#include <QVBoxLayout>

#include <algorithm>
#include <limits>

namespace hoga::gui {

namespace {

constexpr int kReloadIntervalMs = 1000;

using Choices = QList<QPair<QString, QString>>; // value, label

// Replaces a filter box's choices (the first is "all", value "") and keeps the chosen value while
// it is still offered. Untouched when the choices are the same, so a reload does not disturb a
// user who has the list open.
void setChoices(QComboBox* box, const QString& allLabel, const Choices& choices) {
    bool same = box->count() == choices.size() + 1;
    for (int i = 0; same && i < choices.size(); ++i) {
        same = box->itemData(i + 1).toString() == choices[i].first &&
               box->itemText(i + 1) == choices[i].second;
    }
    if (same) {
        return;
    }
    const QString current = box->currentData().toString();
    const QSignalBlocker blocker(box);
    box->clear();
    box->addItem(allLabel, QString());
    for (const auto& [value, label] : choices) {
        box->addItem(label, value);
    }
    box->setCurrentIndex(std::max(0, box->findData(current)));
}

QComboBox* filterBox(const QString& objectName) {
    auto* box = new QComboBox;
    box->setObjectName(objectName);
    box->setSizeAdjustPolicy(QComboBox::AdjustToContents);
    return box;
}

QDateTimeEdit* timeEdit(const QString& objectName) {
    auto* edit = new QDateTimeEdit;
    edit->setObjectName(objectName);
    edit->setTimeSpec(Qt::UTC); // the table's times are UTC too
    edit->setDisplayFormat(QStringLiteral("yyyy-MM-dd HH:mm:ss"));
    edit->setEnabled(false);
    return edit;
}

QString percentText(qint64 hundredths, int decimals) {
    const qint64 unit = decimals == 1 ? 10 : 100;
    return QStringLiteral("%1.%2")
        .arg(hundredths / unit)
        .arg(hundredths % unit, decimals, 10, QLatin1Char('0'));
}

} // namespace

JournalPanel::JournalPanel(QWidget* parent)
    : QWidget(parent), m_model(new JournalModel(this)), m_filter(new JournalFilter(this)) {
    m_filter->setSourceModel(m_model);

    m_message = new QLabel;
    m_message->setObjectName(QStringLiteral("journalMessage"));
    m_message->setWordWrap(true);
    m_message->setTextInteractionFlags(Qt::TextSelectableByMouse);
    m_message->setStyleSheet(QStringLiteral("color: #c62828;"));
    m_message->hide();

    m_summaryLabel = new QLabel;
    m_summaryLabel->setObjectName(QStringLiteral("summary"));
    m_summaryLabel->setWordWrap(true);
    m_summaryLabel->setToolTip(
        tr("Over the trades shown. Max drawdown: the largest fall from a peak of the realized "
           "equity (the run's starting balance plus the cumulative net PnL of these trades, at "
           "each exit); a loss that recovered before an exit is not in it."));

    m_table = new QTableView;
    m_table->setObjectName(QStringLiteral("tradeTable"));
    m_table->setModel(m_filter);
    m_table->setSelectionBehavior(QAbstractItemView::SelectRows);
    m_table->setSelectionMode(QAbstractItemView::SingleSelection);
    m_table->setEditTriggers(QAbstractItemView::NoEditTriggers);
    m_table->setAlternatingRowColors(true);
    m_table->verticalHeader()->hide();
    m_table->setSortingEnabled(true);
    m_table->sortByColumn(JournalModel::ExitTimeColumn, Qt::AscendingOrder);
    m_table->setToolTip(tr("Double-click a trade to replay the market around it"));

    m_chart = new EquityChart;
    m_chart->setObjectName(QStringLiteral("equityChart"));

    auto* splitter = new QSplitter(Qt::Vertical);
    splitter->addWidget(m_table);
    splitter->addWidget(m_chart);
    splitter->setStretchFactor(0, 3);
    splitter->setStretchFactor(1, 2);

    auto* layout = new QVBoxLayout(this);
    layout->addWidget(buildFilters());
    layout->addWidget(m_message);
    layout->addWidget(m_summaryLabel);
    layout->addWidget(splitter, 1);

    connect(m_model, &JournalModel::journalChanged, this, [this] {
        refreshChoices();
        refresh();
    });
    connect(m_model, &JournalModel::errorChanged, this, &JournalPanel::showMessage);
    connect(m_filter, &JournalFilter::criteriaChanged, this, &JournalPanel::refresh);
    connect(m_table, &QTableView::doubleClicked, this, &JournalPanel::activate);
    refresh();
}

QWidget* JournalPanel::buildFilters() {
    m_modeBox = filterBox(QStringLiteral("modeFilter"));
    m_runBox = filterBox(QStringLiteral("runFilter"));
    m_sideBox = filterBox(QStringLiteral("sideFilter"));
    m_reasonBox = filterBox(QStringLiteral("reasonFilter"));
    setChoices(m_modeBox, tr("All modes"), {});
    setChoices(m_runBox, tr("All runs"), {});
    setChoices(m_reasonBox, tr("All exit reasons"), {});
    const QString longSide = QStringLiteral("long");
    const QString shortSide = QStringLiteral("short");
    setChoices(m_sideBox, tr("Long and short"),
               {{longSide, JournalModel::sideLabel(longSide)},
                {shortSide, JournalModel::sideLabel(shortSide)}});

    m_fromCheck = new QCheckBox(tr("Exit from"));
    m_fromCheck->setObjectName(QStringLiteral("fromEnabled"));
    m_fromEdit = timeEdit(QStringLiteral("fromTime"));
    m_toCheck = new QCheckBox(tr("to"));
    m_toCheck->setObjectName(QStringLiteral("toEnabled"));
    m_toEdit = timeEdit(QStringLiteral("toTime"));
    m_fromEdit->setToolTip(tr("UTC"));
    m_toEdit->setToolTip(tr("UTC, inclusive to the end of the second"));

    m_exportButton = new QPushButton(tr("Export CSV…"));
    m_exportButton->setObjectName(QStringLiteral("exportCsv"));

    const auto followBox = [this](QComboBox* box, void (JournalFilter::*set)(const QString&)) {
        connect(box, &QComboBox::currentIndexChanged, this,
                [this, box, set] { (m_filter->*set)(box->currentData().toString()); });
    };
    followBox(m_modeBox, &JournalFilter::setMode);
    followBox(m_runBox, &JournalFilter::setRunId);
    followBox(m_sideBox, &JournalFilter::setSide);
    followBox(m_reasonBox, &JournalFilter::setExitReason);
    for (auto [check, edit] :
         {std::pair{m_fromCheck, m_fromEdit}, std::pair{m_toCheck, m_toEdit}}) {
        connect(check, &QCheckBox::toggled, edit, &QWidget::setEnabled);
        connect(check, &QCheckBox::toggled, this, &JournalPanel::applyTimeRange);
        connect(edit, &QDateTimeEdit::dateTimeChanged, this, &JournalPanel::applyTimeRange);
    }
    connect(m_exportButton, &QPushButton::clicked, this, &JournalPanel::chooseCsvFile);

    auto* row = new QWidget;
    auto* layout = new QHBoxLayout(row);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->addWidget(m_modeBox);
    layout->addWidget(m_runBox);
    layout->addWidget(m_sideBox);
    layout->addWidget(m_reasonBox);
    layout->addWidget(m_fromCheck);
    layout->addWidget(m_fromEdit);
    layout->addWidget(m_toCheck);
    layout->addWidget(m_toEdit);
    layout->addStretch(1);
    layout->addWidget(m_exportButton);
    return row;
}

bool JournalPanel::openJournal(const QString& path) {
    const bool ok = m_model->open(path);
    m_model->setReloadInterval(kReloadIntervalMs);
    showMessage(m_model->lastError());
    refreshChoices();
    refresh();
    if (ok) {
        m_table->resizeColumnsToContents();
    }
    return ok;
}

void JournalPanel::refreshChoices() {
    Choices modes;
    Choices runs;
    for (const JournalRun& run : m_model->runs()) {
        if (std::none_of(modes.begin(), modes.end(),
                         [&](const auto& m) { return m.first == run.mode; })) {
            modes.append({run.mode, run.mode});
        }
        runs.append({run.id, tr("%1 (%2)").arg(run.id, run.mode)});
    }
    QSet<QString> seen;
    Choices reasons;
    for (int row = 0; row < m_model->rowCount(); ++row) {
        const QString& reason = m_model->trip(row).exitReason;
        if (!seen.contains(reason)) {
            seen.insert(reason);
            reasons.append({reason, JournalModel::exitReasonLabel(reason)});
        }
    }
    std::sort(reasons.begin(), reasons.end(),
              [](const auto& a, const auto& b) { return a.second < b.second; });
    setChoices(m_modeBox, tr("All modes"), modes);
    setChoices(m_runBox, tr("All runs"), runs);
    setChoices(m_reasonBox, tr("All exit reasons"), reasons);
    // A choice that vanished (another file) fell back to "all": the filter follows the boxes.
    m_filter->setMode(m_modeBox->currentData().toString());
    m_filter->setRunId(m_runBox->currentData().toString());
    m_filter->setExitReason(m_reasonBox->currentData().toString());

    // Unused time bounds follow the data, so that ticking one starts from the first or last exit.
    qint64 first = std::numeric_limits<qint64>::max();
    qint64 last = std::numeric_limits<qint64>::min();
    for (int row = 0; row < m_model->rowCount(); ++row) {
        first = std::min(first, m_model->trip(row).exitTimeMs);
        last = std::max(last, m_model->trip(row).exitTimeMs);
    }
    if (m_model->rowCount() > 0) {
        for (auto [check, edit, ms] :
             {std::tuple{m_fromCheck, m_fromEdit, first}, std::tuple{m_toCheck, m_toEdit, last}}) {
            if (!check->isChecked()) {
                const QSignalBlocker blocker(edit);
                edit->setDateTime(QDateTime::fromMSecsSinceEpoch(ms - ms % 1000, Qt::UTC));
            }
        }
    }
}

void JournalPanel::applyTimeRange() {
    std::optional<qint64> from;
    std::optional<qint64> to;
    if (m_fromCheck->isChecked()) {
        from = m_fromEdit->dateTime().toMSecsSinceEpoch();
    }
    if (m_toCheck->isChecked()) {
        to = m_toEdit->dateTime().toMSecsSinceEpoch() + 999; // the whole last second
    }
    m_filter->setExitTimeRange(from, to);
}

void JournalPanel::refresh() {
    const auto trips = m_filter->acceptedTrips();
    const StartingBalanceLookup startingBalance = [this](const QString& runId) {
        const JournalRun* run = m_model->run(runId);
        return run ? run->startingBalanceE8 : std::nullopt;
    };
    m_summary = summarizeTrips(trips, startingBalance);
    const JournalSummary& s = m_summary;
    const auto drawdownBp = s.maxDrawdownBasisPoints();
    const QString drawdown =
        drawdownBp
            ? tr("%1 % (%2 USDT)").arg(percentText(*drawdownBp, 2), formatE8(s.maxDrawdownE8))
            : tr("%1 USDT").arg(formatE8(s.maxDrawdownE8));
    m_summaryLabel->setText(tr("Trades %1 · wins %2 (%3 %) · gross %4 · fees %5 · funding %6 · "
                               "net %7 USDT · max drawdown %8")
                                .arg(s.trades)
                                .arg(s.wins)
                                .arg(percentText(s.winRatePermille(), 1), formatE8(s.grossE8),
                                     formatE8(s.feesE8), formatE8(s.fundingE8), formatE8(s.netE8),
                                     drawdown));

    // The journal's own equity samples only make sense for one run at a time.
    QSet<QString> runIds;
    for (const JournalTrip* t : trips) {
        runIds.insert(t->runId);
    }
    if (runIds.isEmpty() && !m_filter->runId().isEmpty()) {
        runIds.insert(m_filter->runId());
    }
    QVector<EquityPoint> marked;
    if (runIds.size() == 1) {
        marked = m_model->equity(*runIds.begin(),
                                 m_filter->fromMs().value_or(std::numeric_limits<qint64>::min()),
                                 m_filter->toMs().value_or(std::numeric_limits<qint64>::max()));
    }
    m_chart->setCurves(realizedEquityCurve(trips, startingBalance), marked, m_filter->fromMs(),
                       m_filter->toMs());
}

void JournalPanel::showMessage(const QString& message) {
    m_message->setText(message);
    m_message->setVisible(!message.isEmpty());
}

bool JournalPanel::exportCsv(const QString& path, QString* error) {
    QString failure;
    QSaveFile file(path); // all or nothing: a failed export leaves no half-written file
    bool ok = file.open(QIODevice::WriteOnly);
    if (!ok) {
        failure = file.errorString();
    } else {
        ok = writeCsv(*m_filter, file, failure);
        if (ok && !file.commit()) {
            ok = false;
            failure = file.errorString();
        }
    }
    if (!ok) {
        failure = tr("Cannot export to %1: %2").arg(path, failure);
        showMessage(failure);
        if (error) {
            *error = failure;
        }
    }
    return ok;
}

void JournalPanel::chooseCsvFile() {
    QFileDialog dialog(this, tr("Export trades as CSV"));
    dialog.setAcceptMode(QFileDialog::AcceptSave);
    dialog.setNameFilter(tr("CSV files (*.csv)"));
    dialog.setDefaultSuffix(QStringLiteral("csv"));
    if (dialog.exec() == QDialog::Accepted && !dialog.selectedFiles().isEmpty()) {
        exportCsv(dialog.selectedFiles().constFirst());
    }
}

void JournalPanel::activate(const QModelIndex& index) {
    if (const JournalTrip* trip = m_filter->tripAt(index)) {
        Q_EMIT tradeActivated(trip->runId, trip->tripId, trip->entryTimeMs, trip->exitTimeMs);
    }
}

} // namespace hoga::gui
