#include "gui/views/display_format.h"

#include "core/decimal.h"
#include "core/wide_int.h"

#include <cmath>

namespace hoga::gui {

namespace {

const QChar kMinus(0x2212);

// n / d rounded half away from zero (d > 0).
core::Int128 roundedDivide(core::Int128 n, core::Int128 d) {
    const core::Int128 half = d / 2;
    return n >= 0 ? (n + half) / d : -((-n + half) / d);
}

} // namespace

QString signedNumber(double value, int decimals) {
    const QString digits = QString::number(std::abs(value), 'f', decimals);
    // A value that prints as zero gets no sign.
    if (digits.toDouble() == 0.0) {
        return digits;
    }
    return (value < 0 ? QString(kMinus) : QStringLiteral("+")) + digits;
}

QString groupThousands(std::int64_t value) {
    const bool negative = value < 0;
    const core::Int128 magnitude = negative ? -static_cast<core::Int128>(value) : value;
    QString digits = QString::number(static_cast<qulonglong>(magnitude));
    for (qsizetype i = digits.size() - 3; i > 0; i -= 3) {
        digits.insert(i, QLatin1Char(','));
    }
    return negative ? QString(kMinus) + digits : digits;
}

QString formatMoney(core::Fixed8 value, int decimals, bool showPlus) {
    const int d = decimals < 0 ? 0 : (decimals > 8 ? 8 : decimals);
    const auto scale = static_cast<core::Int128>(core::powerOfTen(8 - d));
    const auto rounded = static_cast<std::int64_t>(roundedDivide(value.e8, scale));
    QString text = QString::fromStdString(core::formatScaled(rounded < 0 ? -rounded : rounded, d));
    if (rounded < 0) {
        return QString(kMinus) + text;
    }
    return showPlus && rounded > 0 ? QStringLiteral("+") + text : text;
}

std::int64_t krwRateE2(double krwPerUsdt) {
    return std::llround(krwPerUsdt * 100.0);
}

std::int64_t toKrw(core::Fixed8 value, std::int64_t rateE2) {
    // e8 USDT × (won × 10²) / 10¹⁰ = won.
    return static_cast<std::int64_t>(
        roundedDivide(static_cast<core::Int128>(value.e8) * rateE2, core::Int128(10000000000LL)));
}

} // namespace hoga::gui
