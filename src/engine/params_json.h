#pragma once

// StrategyParams as JSON: every field by its snake_case name. Loading is strict — an unknown key
// is an error (a typo in a threshold must not silently fall back to a default) — and missing keys
// keep their defaults, so a preset can name only what it changes.

#include "core/strategy_params.h"

#include <string>
#include <string_view>

namespace hoga::engine {

bool paramsFromJson(std::string_view json, core::StrategyParams& out, std::string& error);
std::string paramsToJson(const core::StrategyParams& params);

// Reads a file; error names the file and the problem (including validate()'s findings).
bool loadParamsFile(const std::string& path, core::StrategyParams& out, std::string& error);

} // namespace hoga::engine
