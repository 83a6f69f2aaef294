#pragma once

// One table describing every StrategyParams field for the threshold editor: its JSON name (the
// same snake_case name params_json and validate() use, so a problem message can be traced back to
// the fields it names), a label and unit to show, the range the editor offers, and whether the
// running engine can take a new value without a restart (TradingEngine::applyParams refuses the
// others). Values travel as doubles: every integer field fits a double exactly, enums and bools
// are 0/1.
//
// The ranges are inside what validate() accepts for each field on its own; fields that validate()
// also checks against another field name that field in `related`, so the editor can mark both.

#include "core/strategy_params.h"

#include <QString>
#include <QStringList>

#include <functional>
#include <string>
#include <string_view>
#include <vector>

namespace hoga::gui {

enum class ParamGroup { Entry, Exit, Risk, Sizing, Execution };
enum class ParamKind { Int, Double, Bool, Enum };

struct ParamField {
    const char* json;  // snake_case, as in params_json
    const char* label; // untranslated source text (context "hoga::gui::ParamFields")
    const char* unit;  // untranslated; empty for plain ratios
    ParamGroup group;
    ParamKind kind;
    double min;
    double max;
    double step;
    int decimals;
    bool live;                        // the running engine accepts a change
    std::vector<const char*> related; // other fields validate() checks this one against
    std::function<double(const core::StrategyParams&)> get;
    std::function<void(core::StrategyParams&, double)> set;

    // Slider positions: the range in whole steps.
    [[nodiscard]] int stepCount() const;
    [[nodiscard]] int sliderPosition(double value) const;
    [[nodiscard]] double valueAt(int position) const;
};

const std::vector<ParamField>& paramFields();
const ParamField* findParamField(std::string_view json);

QString paramLabel(const ParamField& field);
QString paramUnit(const ParamField& field);
QString paramGroupTitle(ParamGroup group);
// Labels of an enum field's values, in value order.
QStringList paramChoices(const ParamField& field);
// "0.01 to 0.99 ×, step 0.01" and whether a restart is needed.
QString paramRangeText(const ParamField& field);

// The fields a problem message (validate(), or the engine's refusal) concerns: every table name it
// mentions, plus the related fields of the first one named. The first entry is the field the
// message belongs next to.
std::vector<const ParamField*> fieldsNamedIn(const std::string& message);

} // namespace hoga::gui
