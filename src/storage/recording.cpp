#include "storage/recording.h"

#include <limits>

namespace hoga::storage {

TimeUnit detectTimeUnit(std::int64_t raw) {
    // Compare magnitudes so that a (nonsensical) negative value still lands in some unit instead
    // of silently being called seconds; -INT64_MIN would overflow, so compare as unsigned.
    const std::uint64_t magnitude = raw < 0 ? std::uint64_t{0} - static_cast<std::uint64_t>(raw)
                                            : static_cast<std::uint64_t>(raw);
    if (magnitude >= 100'000'000'000'000'000ULL) {
        return TimeUnit::Nanos;
    }
    if (magnitude >= 100'000'000'000'000ULL) {
        return TimeUnit::Micros;
    }
    if (magnitude >= 100'000'000'000ULL) {
        return TimeUnit::Millis;
    }
    return TimeUnit::Seconds;
}

std::int64_t toNanoseconds(std::int64_t raw, TimeUnit unit) {
    std::int64_t factor = 1;
    switch (unit) {
    case TimeUnit::Seconds:
        factor = 1'000'000'000;
        break;
    case TimeUnit::Millis:
        factor = 1'000'000;
        break;
    case TimeUnit::Micros:
        factor = 1'000;
        break;
    case TimeUnit::Nanos:
        factor = 1;
        break;
    }
    // Saturate rather than wrap: seconds up to 1e11 would overflow int64 nanoseconds (past 2262).
    std::int64_t result = 0;
    if (__builtin_mul_overflow(raw, factor, &result)) {
        return raw < 0 ? std::numeric_limits<std::int64_t>::min()
                       : std::numeric_limits<std::int64_t>::max();
    }
    return result;
}

} // namespace hoga::storage
