#pragma once

// The simulator's market: a decoded recording replayed on a clock, with the simulator's own order
// book kept by the same code a client uses (binance::MarketDataProcessor), so that REST depth
// snapshots are consistent with the depth stream a client has received.
//
// Snapshot consistency: a snapshot is the book after the last depth event sent, labelled with
// lastUpdateId = U of the next depth event to be sent. That event carries the absolute quantities
// of every level it changes, so applying it to the snapshot yields exactly the book after it; and
// it brackets the label (U <= lastUpdateId <= u), as Binance's procedure requires. A snapshot
// labelled with the last sent u instead could never be bridged.

#include "binance/event_tape.h"
#include "binance/market_data_processor.h"

#include <cstdint>
#include <functional>
#include <string>

namespace hoga::sim {

enum class StreamKind : std::uint8_t { Depth, Trade, AggTrade, BookTicker, MarkPrice };

struct ReplayOptions {
    double speed = 1.0;           // 10 = ten times faster than recorded
    std::int64_t timeShiftMs = 0; // added to every exchange timestamp sent
};

class MarketReplay {
public:
    using Sink = std::function<void(StreamKind kind, const std::string& payload)>;

    MarketReplay(binance::EventTape tape, core::InstrumentSpec spec, ReplayOptions options);

    // Replays the recording silently until the simulator's own book is in sync; emission starts
    // there. False (with a reason) when the recording never syncs.
    bool prepare(std::string& error);

    // Sends every event due `elapsedNs` after the start of emission (wall time, before scaling).
    void emitDue(std::int64_t elapsedNs, const Sink& sink);
    // Wall-clock ns after start at which the next event is due; -1 when finished.
    [[nodiscard]] std::int64_t nextDueNs() const;
    [[nodiscard]] bool finished() const { return m_next >= m_tape.entries.size(); }

    // GET /fapi/v1/depth body.
    [[nodiscard]] std::string depthSnapshot(int limit) const;
    // The exchange time of the replay: last event time sent (shifted).
    [[nodiscard]] std::int64_t exchangeTimeMs() const;

    [[nodiscard]] const core::OrderBook& book() const { return m_processor.book(); }
    [[nodiscard]] const binance::MarketDataProcessor& processor() const { return m_processor; }
    [[nodiscard]] const core::InstrumentSpec& instrument() const { return m_spec; }
    [[nodiscard]] std::int64_t eventsSent() const { return m_sent; }

private:
    void apply(const binance::EventTape::Entry& entry);
    [[nodiscard]] std::uint64_t nextDepthFirstId() const;

    binance::EventTape m_tape;
    core::InstrumentSpec m_spec;
    ReplayOptions m_options;
    binance::MarketDataProcessor m_processor;
    std::size_t m_next = 0;      // next entry to send
    std::size_t m_nextDepth = 0; // next depth entry at or after m_next (for snapshot labels)
    std::int64_t m_originNs = 0; // local time of the first emitted entry
    std::int64_t m_sent = 0;
};

} // namespace hoga::sim
