#pragma once

// Exact decimal parsing and printing. Binance sends every price and quantity as a decimal string;
// Hoga converts each one once into an integer scaled by a power of ten, and never through a double.

#include <cstdint>
#include <string>
#include <string_view>

namespace hoga::core {

enum class DecimalError : std::uint8_t {
    None,
    Empty,           // "" or just a sign / dot
    NotNumeric,      // any character outside [0-9.] after an optional sign, or a second dot
    TooManyDecimals, // a non-zero digit beyond the allowed number of decimals
    Overflow,        // does not fit in int64 at the requested scale
    Negative,        // a minus sign where only non-negative values make sense
    OffGrid,         // not a whole multiple of the instrument's tick or step
};

std::string_view describe(DecimalError error);

struct ScaledValue {
    std::int64_t value = 0;
    DecimalError error = DecimalError::None;
    [[nodiscard]] bool ok() const { return error == DecimalError::None; }
};

// Parses "61800.30" with decimals = 2 into 6180030. Trailing zeros beyond `decimals` are accepted
// ("1.500" at 2 decimals is 150) because they do not change the value; a non-zero digit there is
// TooManyDecimals. Exponents, spaces, "+", "nan" and "inf" are NotNumeric.
ScaledValue parseScaled(std::string_view text, int decimals, bool allowNegative = false);

// Prints value / 10^decimals with exactly `decimals` digits after the dot (none when decimals is
// 0).
void appendScaled(std::string& out, std::int64_t value, int decimals);
std::string formatScaled(std::int64_t value, int decimals);

// 10^n for 0 <= n <= 18.
std::int64_t powerOfTen(int n);

} // namespace hoga::core
