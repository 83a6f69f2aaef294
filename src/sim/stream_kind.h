#pragma once

// What the replay hands to the stream server: one market payload, the kind of stream it belongs
// to and, for kinds whose stream names carry a parameter, the exact name it is for.

#include <cstdint>
#include <functional>
#include <string>
#include <string_view>

namespace hoga::sim {

enum class StreamKind : std::uint8_t { Depth, Trade, AggTrade, BookTicker, MarkPrice, Kline };

// `stream`: the stream name after "<symbol>@" when only that name carries the payload
// ("kline_1m", "markPrice@1s", "markPrice"); empty when every name of the kind does (a depth
// diff serves @depth, @depth@100ms, …).
using StreamSink =
    std::function<void(StreamKind kind, std::string_view stream, const std::string& payload)>;

} // namespace hoga::sim
