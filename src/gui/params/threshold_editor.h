#pragma once

// The threshold editor: every StrategyParams field (param_fields.h) as a slider and a spin box
// kept in step (a bool as a check box, an enum as a list), grouped into entry, exit, risk, sizing
// and execution. It edits a copy; nothing reaches the engine until Apply, which emits
// applyRequested() once and stays disabled until showApplyResult() reports the outcome — one
// queued apply at a time.
//
// Validation runs on every edit: each of validate()'s problems is shown next to the field it is
// about, every field it names is marked, and Apply is disabled while there are any. A refusal by
// the engine (a field that needs a restart) is shown the same way. While a session runs, the
// fields it cannot change live carry a "restart" tag.

#include "core/strategy_params.h"

#include <QWidget>

#include <string>
#include <string_view>
#include <vector>

class QCheckBox;
class QComboBox;
class QDoubleSpinBox;
class QGridLayout;
class QLabel;
class QPushButton;
class QSlider;

namespace hoga::gui {

struct ParamField;

class ThresholdEditor : public QWidget {
    Q_OBJECT

public:
    explicit ThresholdEditor(QWidget* parent = nullptr);

    // The parameters in force (from the running session's snapshot). Edits the trader has not
    // applied are kept; without edits the editor follows the session.
    void setCurrent(const core::StrategyParams& params);
    // Shows the restart tags; a stopped session also ends a pending apply (no answer will come).
    void setSessionRunning(bool running);
    // Puts these values in the editor without applying them.
    void setEdited(const core::StrategyParams& params);
    void resetToDefaults();
    // The engine's answer to the last applyRequested().
    void showApplyResult(bool ok, const QString& error);

    // Presets as params_json JSON. False with `error` (also shown in the editor) on failure.
    bool savePreset(const QString& path, QString* error = nullptr);
    bool loadPreset(const QString& path, QString* error = nullptr);

    [[nodiscard]] const core::StrategyParams& edited() const { return m_edited; }
    [[nodiscard]] const core::StrategyParams& current() const { return m_current; }
    [[nodiscard]] bool applyPending() const { return m_pending; }

    // The widgets of one field by its JSON name (for the main window's focus and for tests);
    // null when the field has no such widget.
    [[nodiscard]] QSlider* slider(std::string_view json) const;
    [[nodiscard]] QDoubleSpinBox* spinBox(std::string_view json) const;
    [[nodiscard]] QLabel* messageLabel(std::string_view json) const;
    [[nodiscard]] QLabel* restartTag(std::string_view json) const;
    [[nodiscard]] bool marked(std::string_view json) const;
    [[nodiscard]] QPushButton* applyButton() const { return m_apply; }
    [[nodiscard]] QLabel* statusLabel() const { return m_status; }

Q_SIGNALS:
    void applyRequested(const core::StrategyParams& params);
    // Every change in the editor, valid or not (the what-if panel runs only valid ones).
    void paramsEdited(const core::StrategyParams& params, bool valid);

private:
    struct Row {
        const ParamField* field = nullptr;
        QSlider* slider = nullptr;
        QDoubleSpinBox* spin = nullptr;
        QCheckBox* check = nullptr;
        QComboBox* combo = nullptr;
        QWidget* input = nullptr; // the one that gets the red border
        QLabel* restart = nullptr;
        QLabel* message = nullptr;
        bool marked = false;
    };

    QWidget* buildGroups();
    QWidget* buildButtons();
    void addRow(QGridLayout* grid, const ParamField& field);
    void userChanged(std::size_t row, double value, bool typed);
    void showValue(Row& row);
    void showAll();
    void refresh();
    void markProblem(const std::string& problem, bool everyNamedField);
    void showStatus(const QString& text, bool error);
    void apply();
    [[nodiscard]] const Row* find(std::string_view json) const;

    core::StrategyParams m_edited;
    core::StrategyParams m_current;
    core::StrategyParams m_sent; // the last applyRequested() while it is pending
    bool m_hasCurrent = false;
    bool m_running = false;
    bool m_pending = false;
    std::string m_refusal; // the engine's last refusal, until the next edit
    std::vector<Row> m_rows;
    QPushButton* m_apply = nullptr;
    QLabel* m_status = nullptr;
};

} // namespace hoga::gui
