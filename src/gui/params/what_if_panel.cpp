#include "what_if_panel.h"

#include "core/instrument.h"

#include <QCheckBox>
#include <QComboBox>
#include <QFileDialog>
#include <QFileInfo>
#include <QGridLayout>
#include <QGroupBox>
#include <QHBoxLayout>
#include <QLabel>
#include <QLocale>
#include <QProgressBar>
#include <QPushButton>
#include <QVBoxLayout>

namespace hoga::gui {

namespace {

const QString kErrorStyle = QStringLiteral("color: #c62828;");

QString money(core::Fixed8 value) {
    return QString::fromStdString(core::formatFixed8(value)) + QStringLiteral(" USDT");
}

QString signedMoney(core::Fixed8 value) {
    return (value.e8 > 0 ? QStringLiteral("+") : QString()) + money(value);
}

QString percent(double value, bool sign = false) {
    const QString text = QLocale().toString(value, 'f', 2) + QStringLiteral(" %");
    return sign && value > 0 ? QStringLiteral("+") + text : text;
}

} // namespace

WhatIfPanel::WhatIfPanel(QWidget* parent) : QWidget(parent), m_runner(new WhatIfRunner(this)) {
    auto* layout = new QVBoxLayout(this);
    layout->addWidget(buildSource());
    auto* controls = new QHBoxLayout;
    m_runOnEdit = new QCheckBox(tr("Run as I edit"), this);
    m_runOnEdit->setChecked(true);
    m_runOnEdit->setToolTip(tr("Backtest every valid edit once the sliders stop moving."));
    m_run = new QPushButton(tr("Run"), this);
    m_cancel = new QPushButton(tr("Cancel"), this);
    m_progress = new QProgressBar(this);
    m_progress->setRange(0, 100);
    m_progress->setValue(0);
    controls->addWidget(m_runOnEdit);
    controls->addWidget(m_progress, 1);
    controls->addWidget(m_run);
    controls->addWidget(m_cancel);
    layout->addLayout(controls);
    m_status = new QLabel(this);
    m_status->setWordWrap(true);
    layout->addWidget(m_status);
    layout->addWidget(buildFigures());
    layout->addStretch(1);

    connect(m_run, &QPushButton::clicked, this, &WhatIfPanel::runNow);
    connect(m_cancel, &QPushButton::clicked, m_runner, &WhatIfRunner::cancel);
    connect(m_runner, &WhatIfRunner::started, this, &WhatIfPanel::started);
    connect(m_runner, &WhatIfRunner::progressed, this, &WhatIfPanel::progressed);
    connect(m_runner, &WhatIfRunner::finished, this, &WhatIfPanel::finished);
    useSource();
    updateButtons();
}

QWidget* WhatIfPanel::buildSource() {
    auto* box = new QGroupBox(tr("Replay"), this);
    auto* layout = new QHBoxLayout(box);
    m_sourceBox = new QComboBox(box);
    m_sourceBox->addItem(tr("What this session recorded"));
    m_sourceBox->addItem(tr("A chosen recording"));
    auto* choose = new QPushButton(tr("Choose…"), box);
    m_sourceFiles = new QLabel(box);
    m_sourceFiles->setWordWrap(true);
    layout->addWidget(m_sourceBox);
    layout->addWidget(m_sourceFiles, 1);
    layout->addWidget(choose);
    connect(m_sourceBox, &QComboBox::currentIndexChanged, this, [this] { useSource(); });
    connect(choose, &QPushButton::clicked, this, &WhatIfPanel::chooseFiles);
    return box;
}

QWidget* WhatIfPanel::buildFigures() {
    auto* box = new QGroupBox(tr("Backtest on the replayed data"), this);
    auto* grid = new QGridLayout(box);
    const QString columns[ColumnCount] = {tr("In force"), tr("Edited"), tr("Change")};
    for (int c = 0; c < ColumnCount; ++c) {
        auto* header = new QLabel(QStringLiteral("<b>%1</b>").arg(columns[c]), box);
        grid->addWidget(header, 0, c + 1, Qt::AlignRight);
    }
    const QString rows[FigureCount] = {tr("Trades (round trips)"), tr("Win rate"),
                                       tr("Net PnL after fees"), tr("Fees"), tr("Max drawdown")};
    for (int r = 0; r < FigureCount; ++r) {
        grid->addWidget(new QLabel(rows[r], box), r + 1, 0);
        for (int c = 0; c < ColumnCount; ++c) {
            auto* value = new QLabel(QStringLiteral("–"), box);
            value->setAlignment(Qt::AlignRight | Qt::AlignVCenter);
            value->setTextInteractionFlags(Qt::TextSelectableByMouse);
            grid->addWidget(value, r + 1, c + 1);
            m_figures[static_cast<std::size_t>(r)][static_cast<std::size_t>(c)] = value;
        }
    }
    grid->setColumnStretch(0, 1);
    return box;
}

void WhatIfPanel::setSessionRecordings(const QStringList& files) {
    m_sessionFiles = files;
    useSource();
}

void WhatIfPanel::setChosenRecordings(const QStringList& files) {
    m_chosenFiles = files;
    if (m_sourceBox->currentIndex() == ChosenRecordings) {
        useSource();
    } else {
        setSource(ChosenRecordings);
    }
}

void WhatIfPanel::setSource(Source source) {
    m_sourceBox->setCurrentIndex(source); // useSource() through currentIndexChanged
}

void WhatIfPanel::chooseFiles() {
    const QStringList files =
        QFileDialog::getOpenFileNames(this, tr("Choose recordings"), QString(),
                                      tr("Recordings (*.gz *.txt *.log);;All files (*)"));
    if (!files.isEmpty()) {
        setChosenRecordings(files);
    }
}

void WhatIfPanel::useSource() {
    const QStringList& files =
        m_sourceBox->currentIndex() == ChosenRecordings ? m_chosenFiles : m_sessionFiles;
    m_runner->setSource(files);
    QStringList names;
    for (const QString& f : files) {
        names << QFileInfo(f).fileName();
    }
    m_sourceFiles->setText(names.isEmpty() ? tr("(no recordings)")
                                           : names.join(QStringLiteral(", ")));
    m_sourceFiles->setToolTip(files.join(QLatin1Char('\n')));
    updateButtons();
}

void WhatIfPanel::setCurrentParams(const core::StrategyParams& params) {
    m_runner->setCurrentParams(params);
}

void WhatIfPanel::setEditedParams(const core::StrategyParams& params, bool valid) {
    m_edited = params;
    m_editedValid = valid;
    if (!valid) {
        m_status->setText(tr("The edited parameters are invalid: not backtested."));
        m_status->setStyleSheet(kErrorStyle);
    } else if (m_runOnEdit->isChecked() && !m_runner->source().isEmpty()) {
        m_runner->schedule(params);
    }
    updateButtons();
}

void WhatIfPanel::setRunOnEdit(bool on) {
    m_runOnEdit->setChecked(on);
}

void WhatIfPanel::runNow() {
    if (!m_editedValid) {
        m_status->setText(tr("The edited parameters are invalid: not backtested."));
        m_status->setStyleSheet(kErrorStyle);
        return;
    }
    m_shownId = m_runner->run(m_edited);
    m_progress->setRange(0, 0); // busy until the first progress report
    m_status->setText(tr("Decoding the recordings…"));
    m_status->setStyleSheet(QString());
    updateButtons();
}

void WhatIfPanel::started(std::uint64_t id) {
    if (id < m_shownId) {
        return;
    }
    m_shownId = id; // a debounced run started by the runner itself
    m_progress->setRange(0, 0);
    updateButtons();
}

void WhatIfPanel::progressed(std::uint64_t id, qint64 done, qint64 total) {
    if (id != m_shownId) {
        return;
    }
    if (total <= 0) {
        m_progress->setRange(0, 0);
        m_status->setText(tr("Decoding the recordings…"));
        m_status->setStyleSheet(QString());
        return;
    }
    m_progress->setRange(0, 100);
    m_progress->setValue(static_cast<int>(done * 100 / total));
    m_status->setText(
        tr("Replaying: %1 of %2 events")
            .arg(QLocale().toString(qlonglong{done}), QLocale().toString(qlonglong{total})));
    m_status->setStyleSheet(QString());
}

void WhatIfPanel::finished(const WhatIfResult& result) {
    if (result.id != m_shownId || m_runner->busy()) {
        return; // superseded by a newer run
    }
    m_last = result;
    if (m_progress->maximum() == 0) {
        m_progress->setRange(0, 100);
    }
    if (result.cancelled) {
        m_status->setText(tr("Cancelled."));
        m_status->setStyleSheet(QString());
    } else if (!result.edited) {
        m_progress->setValue(0);
        m_status->setText(tr("Not run: %1").arg(result.error));
        m_status->setStyleSheet(kErrorStyle);
    } else {
        showFigures(result);
        const QString done =
            tr("Backtested %n event(s).", nullptr, static_cast<int>(result.edited->stats.events));
        m_status->setText(
            result.error.isEmpty()
                ? done
                : done + QLatin1Char(' ') +
                      tr("The recordings end in a damaged part: %1").arg(result.error));
        m_status->setStyleSheet(result.error.isEmpty() ? QString() : kErrorStyle);
    }
    updateButtons();
    Q_EMIT resultShown();
}

void WhatIfPanel::showFigures(const WhatIfResult& result) {
    const engine::BacktestReport& cur = *result.current;
    const engine::BacktestReport& ed = *result.edited;
    const auto set = [this](Figure f, Column c, const QString& text) {
        figureLabel(f, c)->setText(text);
    };
    const engine::BacktestReport* reports[2] = {&cur, &ed};
    for (int c = 0; c < 2; ++c) {
        const engine::BacktestReport& r = *reports[c];
        const auto column = static_cast<Column>(c);
        set(Trades, column, QLocale().toString(qlonglong{r.stats.roundTrips}));
        set(WinRate, column, percent(r.winRatePct()));
        set(NetPnl, column, money(r.stats.netPnl));
        set(Fees, column, money(r.stats.fees));
        set(MaxDrawdown, column, percent(r.stats.maxDrawdownPct));
    }
    const std::int64_t trades = ed.stats.roundTrips - cur.stats.roundTrips;
    set(Trades, Change,
        (trades > 0 ? QStringLiteral("+") : QString()) + QLocale().toString(qlonglong{trades}));
    set(WinRate, Change, percent(ed.winRatePct() - cur.winRatePct(), true));
    set(NetPnl, Change, signedMoney(core::Fixed8{ed.stats.netPnl.e8 - cur.stats.netPnl.e8}));
    set(Fees, Change, signedMoney(core::Fixed8{ed.stats.fees.e8 - cur.stats.fees.e8}));
    set(MaxDrawdown, Change, percent(ed.stats.maxDrawdownPct - cur.stats.maxDrawdownPct, true));
}

void WhatIfPanel::updateButtons() {
    const bool busy = m_runner->busy();
    m_run->setEnabled(!m_runner->source().isEmpty() && m_editedValid);
    m_cancel->setEnabled(busy);
}

} // namespace hoga::gui
