#pragma once

// Text forms of the journal's derived values: kept apart from the writer so they can be tested
// exactly, and so the GUI can print the same strings if it ever computes them itself.

#include "core/instrument.h"
#include "core/price.h"

#include <string>
#include <string_view>
#include <vector>

namespace hoga::storage {

// Average prices: core::formatAveragePrice (core/position.h), shared with the CSV exports.

// ["a","b"] with JSON string escaping; bytes >= 0x80 pass through (the inputs are UTF-8 paths).
std::string jsonStringArray(const std::vector<std::string>& items);

} // namespace hoga::storage
