#pragma once

// The words of a parameter problem in the UI's language. The core (StrategyParams::validate) and
// the engine (TradingEngine::applyParams) say what is wrong in English, naming fields by their
// JSON names ("imbalance_exit must be between 0 and 1 (exclusive)"), because they have no Qt and
// are also read in logs and by the command-line tools. This turns each known form into the field's
// label and a translated rule; anything else is shown as the core wrote it.

#include <QString>

#include <string>

namespace hoga::gui {

// One problem of validate() or the engine's refusal (several joined by "; " are each translated).
QString paramProblemText(const std::string& problem);

} // namespace hoga::gui
