#pragma once

// Market-data recordings in the format of hftbacktest's Binance collector (also written by Hoga):
// gzip (or plain) text, one line per received message: `<local receive timestamp> <raw frame>`,
// where the frame is the WebSocket text frame as received (combined-stream envelope) or, for REST
// depth snapshots, the response body. Timestamps are integers in ns (2024 files) or µs (2023
// files); the reader detects the unit per line from the magnitude and reports nanoseconds.

#include <cstddef>
#include <cstdint>
#include <string_view>

namespace hoga::storage {

// Every frame handed out is followed by at least this many readable bytes, so that simdjson can
// parse it in place without copying (SIMDJSON_PADDING is 64).
inline constexpr std::size_t kFramePadding = 64;

enum class TimeUnit : std::uint8_t { Seconds, Millis, Micros, Nanos };

// Unit of a Unix timestamp, from its magnitude: >= 1e17 ns, >= 1e14 µs, >= 1e11 ms, else s.
TimeUnit detectTimeUnit(std::int64_t raw);
std::int64_t toNanoseconds(std::int64_t raw, TimeUnit unit);

struct RecordedFrame {
    std::int64_t localTimeNs = 0;
    std::string_view frame;       // valid until the next call to next(); padded (kFramePadding)
    std::uint64_t lineNumber = 0; // 1-based, within its file
    std::size_t fileIndex = 0;    // index into the reader's file list
};

} // namespace hoga::storage
