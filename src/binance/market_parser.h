#pragma once

// Parses Binance USDⓈ-M market frames with simdjson On-Demand into core events: combined-stream
// envelopes ({"stream":…,"data":{…}}) and raw payloads alike, plus the REST depth snapshot.
// Prices and quantities are converted once, exactly, onto the instrument's grids.
//
// The parser owns reusable event objects (their vectors keep their capacity), so the steady state
// allocates nothing. A frame that fails to parse leaves the previous results untouched and
// reports Malformed with a reason; nothing it read half-way is ever handed out.

#include "core/instrument.h"
#include "core/market_events.h"

#include <cstddef>
#include <cstdint>
#include <memory>
#include <string>
#include <string_view>

namespace hoga::binance {

enum class MessageType : std::uint8_t {
    DepthUpdate,
    Trade,
    AggTrade,
    BookTicker,
    MarkPrice,
    Kline,
    Snapshot,
    Unknown,     // well-formed, but an event type Hoga does not use (counted and skipped)
    OtherSymbol, // well-formed, for another symbol than the instrument's
    Malformed,
};
inline constexpr std::size_t kMessageTypeCount = 10;
std::string_view messageTypeName(MessageType type);

class MarketParser {
public:
    explicit MarketParser(core::InstrumentSpec instrument);
    ~MarketParser();
    MarketParser(const MarketParser&) = delete;
    MarketParser& operator=(const MarketParser&) = delete;

    // `capacity` is how many bytes are readable from frame.data(); when it is at least
    // frame.size() + 64 the frame is parsed in place, otherwise it is copied first.
    MessageType parse(std::string_view frame, std::size_t capacity);
    MessageType parse(std::string_view frame) { return parse(frame, frame.size()); }

    // Valid after parse() returned the matching type, until the next parse().
    [[nodiscard]] const core::DepthUpdate& depthUpdate() const { return m_depth; }
    [[nodiscard]] const core::Trade& trade() const { return m_trade; }
    [[nodiscard]] const core::BookTicker& bookTicker() const { return m_ticker; }
    [[nodiscard]] const core::MarkPriceUpdate& markPrice() const { return m_mark; }
    [[nodiscard]] const core::Kline& kline() const { return m_kline; }
    [[nodiscard]] const core::DepthSnapshot& snapshot() const { return m_snapshot; }
    // For Unknown: the event type ("e") or a short description; for Malformed: why.
    [[nodiscard]] const std::string& detail() const { return m_detail; }

    [[nodiscard]] const core::InstrumentSpec& instrument() const { return m_instrument; }

private:
    struct Payload; // parsing helpers over simdjson types, in market_parser.cpp
    friend struct Payload;

    core::InstrumentSpec m_instrument;
    struct Simdjson;
    std::unique_ptr<Simdjson> m_json;
    std::string m_padded; // copy buffer for frames without padding

    core::DepthUpdate m_depth;
    core::Trade m_trade;
    core::BookTicker m_ticker;
    core::MarkPriceUpdate m_mark;
    core::Kline m_kline;
    core::DepthSnapshot m_snapshot;
    std::string m_detail;
};

} // namespace hoga::binance
