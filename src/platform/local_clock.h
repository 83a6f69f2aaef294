#pragma once

// The local clocks the adapters and the application stamp events and measure latency with:
// steady (monotonic, for durations) and wall (Unix time, for recordings and exchange lag). The
// core and the engine never call these: their time comes from events.

#include <chrono>
#include <cstdint>

namespace hoga::platform {

inline std::int64_t steadyNs() {
    return std::chrono::duration_cast<std::chrono::nanoseconds>(
               std::chrono::steady_clock::now().time_since_epoch())
        .count();
}
inline std::int64_t steadyMs() {
    return steadyNs() / 1'000'000;
}
inline std::int64_t wallNs() {
    return std::chrono::duration_cast<std::chrono::nanoseconds>(
               std::chrono::system_clock::now().time_since_epoch())
        .count();
}

} // namespace hoga::platform
