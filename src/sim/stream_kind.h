#pragma once

// What the replay hands to the stream server: one market payload, the kind of stream it belongs
// to and, for kinds whose stream names carry a parameter, the exact name it is for.

#include <cstdint>
#include <functional>
#include <string>
#include <string_view>

namespace hoga::sim {
enum class StreamKind : std::uint8_t { Depth, Trade, AggTrade, BookTicker, MarkPrice, Kline };
} // namespace hoga::sim

namespace hoga::core {
struct Trade;
struct MarkPriceUpdate;
} // namespace hoga::core

namespace hoga::sim {

// The decoded values a payload was written from, so that a consumer that needs values (the
// matching engine) does not parse the text again: `trade` for Trade/AggTrade payloads, `mark` for
// MarkPrice payloads, none for the rest. Their times lack the --live-times shift (the payload
// has it added); everything else (ids, loop offsets) is as sent. Valid during the call only.
struct MarketValues {
    const core::Trade* trade = nullptr;
    const core::MarkPriceUpdate* mark = nullptr;
};

// `stream`: the stream name after "<symbol>@" when only that name carries the payload
// ("kline_1m", "markPrice@1s", "markPrice"); empty when every name of the kind does (a depth
// diff serves @depth, @depth@100ms, …).
using StreamSink = std::function<void(StreamKind kind, std::string_view stream,
                                      const std::string& payload, const MarketValues& values)>;

} // namespace hoga::sim
