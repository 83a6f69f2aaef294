#pragma once

// Numbers as the station's panels print them. Money stays integer to the last digit: USDT from
// Fixed8 rounded half away from zero to fewer decimals, KRW from Fixed8 × a rate with two
// decimals in 128-bit integers. Ratios and basis points are doubles (thresholds, not money).

#include "core/price.h"

#include <QString>

namespace hoga::gui {

// "+0.12", "−0.12" (a real minus sign), "0.00".
QString signedNumber(double value, int decimals);
// 1234567 → "1,234,567"; −5 → "−5".
QString groupThousands(std::int64_t value);
// USDT with `decimals` (0 … 8) digits, rounded half away from zero: "−12.35".
QString formatMoney(core::Fixed8 value, int decimals = 2, bool showPlus = false);
// The rate the panels use: the spin box's value as hundredths of a won per USDT.
std::int64_t krwRateE2(double krwPerUsdt);
// value × rate in whole won, rounded half away from zero: "−17,043 KRW"-ready digits.
std::int64_t toKrw(core::Fixed8 value, std::int64_t rateE2);

} // namespace hoga::gui
