#pragma once

// The what-if panel beside the threshold editor: which recordings to replay (what this session
// has recorded, or files the trader picks), Run / Cancel, a progress bar, and the figures of the
// parameters in force next to those of the edited ones — trades, win rate, net PnL after fees,
// fees and max drawdown — so an edit can be judged before it is applied. With "Run as I edit" on,
// every valid edit starts a run once the edits pause (WhatIfRunner's debounce); results of runs a
// newer one superseded are never shown.

#include "core/strategy_params.h"
#include "gui/params/what_if_runner.h"

#include <QWidget>

#include <array>
#include <optional>

class QCheckBox;
class QComboBox;
class QLabel;
class QProgressBar;
class QPushButton;

namespace hoga::gui {

class WhatIfPanel : public QWidget {
    Q_OBJECT

public:
    enum Figure { Trades, WinRate, NetPnl, Fees, MaxDrawdown, FigureCount };
    enum Column { Current, Edited, Change, ColumnCount };
    enum Source { SessionRecordings, ChosenRecordings };

    explicit WhatIfPanel(QWidget* parent = nullptr);

    // What the running session has recorded so far (the first source).
    void setSessionRecordings(const QStringList& files);
    // Files to replay instead; selects that source.
    void setChosenRecordings(const QStringList& files);
    void setSource(Source source);
    void setCurrentParams(const core::StrategyParams& params);
    // ThresholdEditor::paramsEdited: kept for Run; with "Run as I edit", a debounced run.
    void setEditedParams(const core::StrategyParams& params, bool valid);
    void setRunOnEdit(bool on);
    // Runs the edited parameters now (refused, with the reason shown, when they are invalid).
    void runNow();

    [[nodiscard]] WhatIfRunner* runner() const { return m_runner; }
    [[nodiscard]] QPushButton* runButton() const { return m_run; }
    [[nodiscard]] QPushButton* cancelButton() const { return m_cancel; }
    [[nodiscard]] QProgressBar* progressBar() const { return m_progress; }
    [[nodiscard]] QLabel* figureLabel(Figure figure, Column column) const {
        return m_figures[static_cast<std::size_t>(figure)][static_cast<std::size_t>(column)];
    }
    [[nodiscard]] QLabel* statusLabel() const { return m_status; }
    // The last run shown (not superseded), if any.
    [[nodiscard]] const std::optional<WhatIfResult>& lastResult() const { return m_last; }

Q_SIGNALS:
    // A run's figures are on screen (or it failed or was cancelled: see lastResult()).
    void resultShown();

private:
    QWidget* buildSource();
    QWidget* buildFigures();
    void chooseFiles();
    void useSource();
    void started(std::uint64_t id);
    void progressed(std::uint64_t id, qint64 done, qint64 total);
    void finished(const WhatIfResult& result);
    void showFigures(const WhatIfResult& result);
    void updateButtons();

    WhatIfRunner* m_runner;
    QStringList m_sessionFiles;
    QStringList m_chosenFiles;
    core::StrategyParams m_edited;
    bool m_editedValid = true;
    std::uint64_t m_shownId = 0; // the run the progress bar follows
    std::optional<WhatIfResult> m_last;

    QComboBox* m_sourceBox = nullptr;
    QLabel* m_sourceFiles = nullptr;
    QCheckBox* m_runOnEdit = nullptr;
    QPushButton* m_run = nullptr;
    QPushButton* m_cancel = nullptr;
    QProgressBar* m_progress = nullptr;
    QLabel* m_status = nullptr;
    std::array<std::array<QLabel*, ColumnCount>, FigureCount> m_figures{};
};

} // namespace hoga::gui
