#include "decimal.h"

#include <array>

namespace hoga::core {

namespace {
constexpr std::array<std::int64_t, 19> kPowers = {1LL,
                                                  10LL,
                                                  100LL,
                                                  1000LL,
                                                  10000LL,
                                                  100000LL,
                                                  1000000LL,
                                                  10000000LL,
                                                  100000000LL,
                                                  1000000000LL,
                                                  10000000000LL,
                                                  100000000000LL,
                                                  1000000000000LL,
                                                  10000000000000LL,
                                                  100000000000000LL,
                                                  1000000000000000LL,
                                                  10000000000000000LL,
                                                  100000000000000000LL,
                                                  1000000000000000000LL};
} // namespace

std::int64_t powerOfTen(int n) {
    return (n >= 0 && n < static_cast<int>(kPowers.size())) ? kPowers[static_cast<std::size_t>(n)]
                                                            : 0;
}

std::string_view describe(DecimalError error) {
    switch (error) {
    case DecimalError::None:
        return "ok";
    case DecimalError::Empty:
        return "empty decimal";
    case DecimalError::NotNumeric:
        return "not a decimal number";
    case DecimalError::TooManyDecimals:
        return "too many decimals";
    case DecimalError::Overflow:
        return "decimal overflow";
    case DecimalError::Negative:
        return "negative value not allowed";
    case DecimalError::OffGrid:
        return "not a multiple of the tick or step size";
    }
    return "unknown decimal error";
}

ScaledValue parseScaled(std::string_view text, int decimals, bool allowNegative) {
    if (decimals < 0 || decimals > 18) {
        return {0, DecimalError::Overflow};
    }
    std::size_t i = 0;
    bool negative = false;
    if (i < text.size() && text[i] == '-') {
        negative = true;
        ++i;
    }
    std::int64_t value = 0;
    bool sawDigit = false;
    // Integer part.
    for (; i < text.size() && text[i] != '.'; ++i) {
        const char c = text[i];
        if (c < '0' || c > '9') {
            return {0, DecimalError::NotNumeric};
        }
        sawDigit = true;
        if (__builtin_mul_overflow(value, 10, &value) ||
            __builtin_add_overflow(value, c - '0', &value)) {
            return {0, DecimalError::Overflow};
        }
    }
    // Fraction part: the first `decimals` digits scale the value, later ones must be zero.
    int fractionDigits = 0;
    bool tooPrecise = false;
    if (i < text.size()) { // text[i] == '.'
        ++i;
        for (; i < text.size(); ++i) {
            const char c = text[i];
            if (c < '0' || c > '9') {
                return {0, DecimalError::NotNumeric};
            }
            sawDigit = true;
            if (fractionDigits < decimals) {
                if (__builtin_mul_overflow(value, 10, &value) ||
                    __builtin_add_overflow(value, c - '0', &value)) {
                    return {0, DecimalError::Overflow};
                }
                ++fractionDigits;
            } else if (c != '0') {
                tooPrecise = true;
            }
        }
    }
    if (!sawDigit) {
        return {0, DecimalError::Empty};
    }
    if (tooPrecise) {
        return {0, DecimalError::TooManyDecimals};
    }
    if (fractionDigits < decimals &&
        __builtin_mul_overflow(value, kPowers[static_cast<std::size_t>(decimals - fractionDigits)],
                               &value)) {
        return {0, DecimalError::Overflow};
    }
    if (negative) {
        if (!allowNegative && value != 0) {
            return {0, DecimalError::Negative};
        }
        value = -value;
    }
    return {value, DecimalError::None};
}

void appendScaled(std::string& out, std::int64_t value, int decimals) {
    // Work in unsigned so that INT64_MIN prints correctly.
    const bool negative = value < 0;
    std::uint64_t magnitude =
        negative ? ~static_cast<std::uint64_t>(value) + 1 : static_cast<std::uint64_t>(value);
    char buf[48];
    int pos = sizeof(buf);
    int digits = 0;
    do {
        if (decimals > 0 && digits == decimals) {
            buf[--pos] = '.';
        }
        buf[--pos] = static_cast<char>('0' + magnitude % 10);
        magnitude /= 10;
        ++digits;
    } while (magnitude != 0 || digits <= decimals);
    if (negative) {
        buf[--pos] = '-';
    }
    out.append(buf + pos, sizeof(buf) - static_cast<std::size_t>(pos));
}

std::string formatScaled(std::int64_t value, int decimals) {
    std::string out;
    appendScaled(out, value, decimals);
    return out;
}

} // namespace hoga::core
