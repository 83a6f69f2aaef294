#include "threshold_editor.h"

#include "engine/params_json.h"
#include "gui/params/param_fields.h"
#include "gui/params/param_problems.h"

#include <QCheckBox>
#include <QComboBox>
#include <QDoubleSpinBox>
#include <QFileDialog>
#include <QGridLayout>
#include <QGroupBox>
#include <QHBoxLayout>
#include <QLabel>
#include <QPushButton>
#include <QSaveFile>
#include <QScrollArea>
#include <QSlider>
#include <QVBoxLayout>

#include <algorithm>
#include <array>

namespace hoga::gui {

namespace {
const QString kInvalidStyle = QStringLiteral("border: 2px solid #c62828;");
const QString kMessageStyle = QStringLiteral("color: #c62828;");
const QString kRestartStyle = QStringLiteral("color: #8d6e00; font-weight: bold;");
} // namespace

ThresholdEditor::ThresholdEditor(QWidget* parent) : QWidget(parent) {
    m_rows.reserve(paramFields().size());
    auto* scroll = new QScrollArea(this);
    scroll->setWidgetResizable(true);
    scroll->setWidget(buildGroups());
    m_status = new QLabel(this);
    m_status->setWordWrap(true);
    auto* layout = new QVBoxLayout(this);
    layout->addWidget(scroll, 1);
    layout->addWidget(m_status);
    layout->addWidget(buildButtons());
    showAll();
    refresh();
}

QWidget* ThresholdEditor::buildGroups() {
    auto* content = new QWidget;
    auto* column = new QVBoxLayout(content);
    constexpr std::array groups = {ParamGroup::Entry, ParamGroup::Exit, ParamGroup::Risk,
                                   ParamGroup::Sizing, ParamGroup::Execution};
    for (const ParamGroup group : groups) {
        auto* box = new QGroupBox(paramGroupTitle(group), content);
        auto* grid = new QGridLayout(box);
        grid->setColumnStretch(1, 1);
        for (const ParamField& field : paramFields()) {
            if (field.group == group) {
                addRow(grid, field);
            }
        }
        column->addWidget(box);
    }
    column->addStretch(1);
    return content;
}

void ThresholdEditor::addRow(QGridLayout* grid, const ParamField& field) {
    const std::size_t index = m_rows.size();
    Row row;
    row.field = &field;
    const int line = grid->rowCount();
    auto* label = new QLabel(paramLabel(field));
    const QString tip = paramRangeText(field);
    label->setToolTip(tip);
    grid->addWidget(label, line, 0);
    switch (field.kind) {
    case ParamKind::Int:
    case ParamKind::Double: {
        row.slider = new QSlider(Qt::Horizontal);
        row.slider->setRange(0, field.stepCount());
        row.slider->setPageStep(std::max(1, field.stepCount() / 20));
        row.slider->setToolTip(tip);
        row.spin = new QDoubleSpinBox;
        row.spin->setDecimals(field.decimals);
        row.spin->setRange(field.min, field.max);
        row.spin->setSingleStep(field.step);
        row.spin->setToolTip(tip);
        row.spin->setAccessibleName(paramLabel(field));
        row.input = row.spin;
        grid->addWidget(row.slider, line, 1);
        grid->addWidget(row.spin, line, 2);
        connect(row.slider, &QSlider::valueChanged, this, [this, index](int position) {
            userChanged(index, m_rows[index].field->valueAt(position), false);
        });
        connect(row.spin, &QDoubleSpinBox::valueChanged, this,
                [this, index](double value) { userChanged(index, value, true); });
        break;
    }
    case ParamKind::Bool:
        row.check = new QCheckBox(tr("Enabled"));
        row.check->setToolTip(tip);
        row.input = row.check;
        grid->addWidget(row.check, line, 1, 1, 2);
        connect(row.check, &QCheckBox::toggled, this,
                [this, index](bool on) { userChanged(index, on ? 1.0 : 0.0, true); });
        break;
    case ParamKind::Enum:
        row.combo = new QComboBox;
        row.combo->addItems(paramChoices(field));
        row.combo->setToolTip(tip);
        row.input = row.combo;
        grid->addWidget(row.combo, line, 1, 1, 2);
        connect(row.combo, &QComboBox::currentIndexChanged, this,
                [this, index](int choice) { userChanged(index, choice, true); });
        break;
    }
    grid->addWidget(new QLabel(paramUnit(field)), line, 3);
    row.restart = new QLabel(tr("restart"));
    row.restart->setToolTip(tr("The running session cannot change this; it takes effect when the "
                               "session is restarted."));
    row.restart->setVisible(false);
    grid->addWidget(row.restart, line, 4);
    row.message = new QLabel;
    row.message->setWordWrap(true);
    row.message->setStyleSheet(kMessageStyle);
    row.message->setVisible(false);
    grid->addWidget(row.message, line + 1, 1, 1, 4);
    m_rows.push_back(row);
}

QWidget* ThresholdEditor::buildButtons() {
    auto* bar = new QWidget(this);
    auto* layout = new QHBoxLayout(bar);
    layout->setContentsMargins(0, 0, 0, 0);
    auto* load = new QPushButton(tr("Load preset…"), bar);
    auto* save = new QPushButton(tr("Save preset…"), bar);
    auto* reset = new QPushButton(tr("Reset to defaults"), bar);
    m_apply = new QPushButton(tr("Apply"), bar);
    m_apply->setDefault(true);
    layout->addWidget(load);
    layout->addWidget(save);
    layout->addWidget(reset);
    layout->addStretch(1);
    layout->addWidget(m_apply);
    const QString filter = tr("Parameters (*.json)");
    connect(load, &QPushButton::clicked, this, [this, filter] {
        const QString path = QFileDialog::getOpenFileName(this, tr("Load preset"), {}, filter);
        if (!path.isEmpty()) {
            loadPreset(path);
        }
    });
    connect(save, &QPushButton::clicked, this, [this, filter] {
        const QString path = QFileDialog::getSaveFileName(this, tr("Save preset"), {}, filter);
        if (!path.isEmpty()) {
            savePreset(path);
        }
    });
    connect(reset, &QPushButton::clicked, this, &ThresholdEditor::resetToDefaults);
    connect(m_apply, &QPushButton::clicked, this, &ThresholdEditor::apply);
    return bar;
}

void ThresholdEditor::userChanged(std::size_t index, double value, bool typed) {
    Row& row = m_rows[index];
    row.field->set(m_edited, value);
    if (row.slider && typed) {
        // Only the slider follows: rewriting the spin box would reformat what is being typed.
        const QSignalBlocker blocker(row.slider);
        row.slider->setValue(row.field->sliderPosition(value));
    } else if (row.slider) {
        const QSignalBlocker blocker(row.spin);
        row.spin->setValue(row.field->get(m_edited));
    }
    m_refusal.clear();
    refresh();
    Q_EMIT paramsEdited(m_edited, m_edited.validate().empty());
}

void ThresholdEditor::showValue(Row& row) {
    const double value = row.field->get(m_edited);
    if (row.slider) {
        const QSignalBlocker a(row.slider);
        const QSignalBlocker b(row.spin);
        row.slider->setValue(row.field->sliderPosition(value));
        row.spin->setValue(value);
    } else if (row.check) {
        const QSignalBlocker b(row.check);
        row.check->setChecked(value != 0);
    } else if (row.combo) {
        const QSignalBlocker b(row.combo);
        row.combo->setCurrentIndex(static_cast<int>(value));
    }
}

void ThresholdEditor::showAll() {
    for (Row& row : m_rows) {
        showValue(row);
    }
}

void ThresholdEditor::markProblem(const std::string& problem, bool everyNamedField) {
    const std::vector<const ParamField*> fields = fieldsNamedIn(problem);
    if (fields.empty()) {
        showStatus(paramProblemText(problem), true);
        return;
    }
    for (std::size_t i = 0; i < fields.size(); ++i) {
        auto it = std::find_if(m_rows.begin(), m_rows.end(),
                               [&](const Row& r) { return r.field == fields[i]; });
        it->marked = true;
        if (i == 0 || everyNamedField) {
            const QString text = it->message->text();
            it->message->setText((text.isEmpty() ? QString() : text + QLatin1Char('\n')) +
                                 paramProblemText(problem));
            it->message->setVisible(true);
        }
    }
}

void ThresholdEditor::refresh() {
    for (Row& row : m_rows) {
        row.marked = false;
        row.message->clear();
        row.message->setVisible(false);
    }
    const std::vector<std::string> problems = m_edited.validate();
    for (const std::string& problem : problems) {
        markProblem(problem, false);
    }
    if (!m_refusal.empty()) {
        // "needs a restart to change: a, b" concerns each field it names alike.
        markProblem(m_refusal, true);
    }
    for (Row& row : m_rows) {
        row.input->setProperty("invalid", row.marked);
        row.input->setStyleSheet(row.marked ? kInvalidStyle : QString());
        const bool restartOnly = m_running && !row.field->live;
        const bool changed = m_hasCurrent && row.field->get(m_edited) != row.field->get(m_current);
        row.restart->setVisible(restartOnly);
        row.restart->setText(changed && restartOnly ? tr("needs a restart") : tr("restart"));
        row.restart->setStyleSheet(changed && restartOnly ? kRestartStyle : QString());
    }
    const bool changed = !m_hasCurrent || m_edited != m_current;
    m_apply->setEnabled(!m_pending && problems.empty() && changed);
    if (m_pending) {
        showStatus(tr("Applying… (waiting for the engine)"), false);
    } else if (!m_refusal.empty()) {
        showStatus(tr("The engine refused these parameters: %1").arg(paramProblemText(m_refusal)),
                   true);
    } else if (!problems.empty()) {
        showStatus(tr("%n problem(s): see the marked fields. Apply is disabled until they are "
                      "fixed.",
                      nullptr, static_cast<int>(problems.size())),
                   true);
    } else if (changed) {
        showStatus(m_hasCurrent ? tr("Edited, not applied yet.") : tr("No session parameters yet."),
                   false);
    } else {
        showStatus(tr("These parameters are in force."), false);
    }
}

void ThresholdEditor::showStatus(const QString& text, bool error) {
    m_status->setText(text);
    m_status->setStyleSheet(error ? kMessageStyle : QString());
}

void ThresholdEditor::setCurrent(const core::StrategyParams& params) {
    if (m_hasCurrent && params == m_current) {
        return;
    }
    const bool untouched = !m_hasCurrent || m_edited == m_current;
    m_current = params;
    m_hasCurrent = true;
    if (untouched) {
        m_edited = params;
        showAll();
    }
    refresh();
}

void ThresholdEditor::setSessionRunning(bool running) {
    m_running = running;
    if (!running) {
        m_pending = false;
    }
    refresh();
}

void ThresholdEditor::setEdited(const core::StrategyParams& params) {
    m_edited = params;
    m_refusal.clear();
    showAll();
    refresh();
    Q_EMIT paramsEdited(m_edited, m_edited.validate().empty());
}

void ThresholdEditor::resetToDefaults() {
    setEdited(core::StrategyParams::defaults());
}

void ThresholdEditor::apply() {
    if (m_pending || !m_edited.validate().empty()) {
        return;
    }
    m_pending = true;
    m_sent = m_edited;
    refresh();
    Q_EMIT applyRequested(m_sent);
}

void ThresholdEditor::showApplyResult(bool ok, const QString& error) {
    m_pending = false;
    if (ok) {
        m_refusal.clear();
        m_current = m_sent;
        m_hasCurrent = true;
        refresh();
        showStatus(tr("Applied: the engine trades with these parameters now."), false);
    } else {
        m_refusal = error.isEmpty() ? tr("no reason given").toStdString() : error.toStdString();
        refresh();
    }
}

bool ThresholdEditor::savePreset(const QString& path, QString* error) {
    const auto fail = [&](const QString& why) {
        showStatus(why, true);
        if (error) {
            *error = why;
        }
        return false;
    };
    if (!m_edited.validate().empty()) {
        return fail(tr("Not saved: fix the marked fields first."));
    }
    QSaveFile file(path);
    const std::string json = engine::paramsToJson(m_edited);
    if (!file.open(QIODevice::WriteOnly) ||
        file.write(json.data(), static_cast<qint64>(json.size())) !=
            static_cast<qint64>(json.size()) ||
        !file.commit()) {
        return fail(tr("Could not save %1: %2").arg(path, file.errorString()));
    }
    showStatus(tr("Preset saved to %1.").arg(path), false);
    return true;
}

bool ThresholdEditor::loadPreset(const QString& path, QString* error) {
    // A preset names what it changes; the rest are the defaults (params_json's rule).
    core::StrategyParams loaded = core::StrategyParams::defaults();
    std::string why;
    if (!engine::loadParamsFile(path.toStdString(), loaded, why)) {
        const QString text = tr("Preset not loaded: %1").arg(QString::fromStdString(why));
        showStatus(text, true);
        if (error) {
            *error = text;
        }
        return false;
    }
    setEdited(loaded);
    showStatus(tr("Preset loaded from %1; not applied yet.").arg(path), false);
    return true;
}

const ThresholdEditor::Row* ThresholdEditor::find(std::string_view json) const {
    const auto it = std::find_if(m_rows.begin(), m_rows.end(),
                                 [&](const Row& r) { return json == r.field->json; });
    return it == m_rows.end() ? nullptr : &*it;
}

QSlider* ThresholdEditor::slider(std::string_view json) const {
    const Row* r = find(json);
    return r ? r->slider : nullptr;
}

QDoubleSpinBox* ThresholdEditor::spinBox(std::string_view json) const {
    const Row* r = find(json);
    return r ? r->spin : nullptr;
}

QLabel* ThresholdEditor::messageLabel(std::string_view json) const {
    const Row* r = find(json);
    return r ? r->message : nullptr;
}

QLabel* ThresholdEditor::restartTag(std::string_view json) const {
    const Row* r = find(json);
    return r ? r->restart : nullptr;
}

bool ThresholdEditor::marked(std::string_view json) const {
    const Row* r = find(json);
    return r && r->marked;
}

} // namespace hoga::gui
