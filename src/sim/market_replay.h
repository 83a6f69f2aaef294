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
//
// Looping (ReplayOptions::loop): a pass is the part of the recording after the book first syncs
// (optionally only its first `loopWindowMs`). At the end of a pass one synthetic depthUpdate
// (U = u = last u + 1, pu = last u) turns the book into the pass's start book: qty 0 for every
// level not in the start book, the absolute quantity of every level that is. The next pass
// follows with update ids (depth U/u/pu, bookTicker u) offset so that its first pu is that u,
// trade and aggregate ids offset by their span in the pass, and exchange times offset by the
// pass's time span + 1 ms: a client's sync never breaks and nothing goes back in time. Per loop
// only the offsets change; nothing accumulates.

#include "binance/event_tape.h"
#include "binance/market_data_processor.h"
#include "sim/derived_streams.h"
#include "sim/stream_kind.h"

#include <cstdint>
#include <string>
#include <vector>

namespace hoga::sim {

struct ReplayOptions {
    double speed = 1.0;           // 10 = ten times faster than recorded
    std::int64_t timeShiftMs = 0; // added to every exchange timestamp sent
    bool loop = false;
    std::int64_t loopWindowMs = 0; // > 0: a pass is only this much recorded time after the sync
    // > 0: funding times every this many ms (multiples of it since the epoch, in the times
    // clients see) on every mark price, recorded or derived; 0: the recorded next funding time,
    // or every 8 hours (00/08/16 UTC) when derived. A short interval lets funding be rehearsed.
    std::int64_t fundingIntervalMs = 0;
};

// Due-versus-sent lag of emitted events: emitDue() is given the current time, so each event's lag
// is how late its tick ran. Log2 buckets of µs; fixed size.
struct LagHistogram {
    std::array<std::int64_t, 40> buckets{}; // bucket b: lag in [2^(b-1), 2^b) µs; 0: < 1 µs
    std::int64_t count = 0;
    std::int64_t maxNs = 0;
    void add(std::int64_t lagNs);
    // Upper bound (µs) of the bucket holding quantile q.
    [[nodiscard]] std::int64_t quantileUs(double q) const;
};

class MarketReplay {
public:
    using Sink = StreamSink;

    MarketReplay(binance::EventTape tape, core::InstrumentSpec spec, ReplayOptions options);

    // Replays the recording silently until the simulator's own book is in sync; emission starts
    // there. False (with a reason) when the recording never syncs.
    bool prepare(std::string& error);

    // Sends every event due `elapsedNs` after the start of emission (wall time, before scaling).
    void emitDue(std::int64_t elapsedNs, const Sink& sink);
    // Wall-clock ns after start at which the next event is due; -1 when finished.
    [[nodiscard]] std::int64_t nextDueNs() const;
    [[nodiscard]] bool finished() const { return !m_options.loop && m_next >= m_end; }

    // GET /fapi/v1/depth body.
    [[nodiscard]] std::string depthSnapshot(int limit) const;
    // The exchange time of the replay: last event time sent (shifted).
    [[nodiscard]] std::int64_t exchangeTimeMs() const;
    // Added to every exchange timestamp sent (--live-times).
    [[nodiscard]] std::int64_t timeShiftMs() const { return m_options.timeShiftMs; }

    [[nodiscard]] const core::OrderBook& book() const { return m_processor.book(); }
    [[nodiscard]] const binance::MarketDataProcessor& processor() const { return m_processor; }
    [[nodiscard]] const core::InstrumentSpec& instrument() const { return m_spec; }
    [[nodiscard]] std::int64_t eventsSent() const { return m_sent; }
    [[nodiscard]] std::int64_t loopsCompleted() const { return m_loops; }
    [[nodiscard]] const LagHistogram& lag() const { return m_lag; }

private:
    struct PassStats { // of entries [m_start, m_end), computed once
        std::uint64_t firstPu = 0;
        std::uint64_t lastU = 0;
        std::int64_t minTimeMs = 0, maxTimeMs = 0;
        std::uint64_t minTradeId = 0, maxTradeId = 0;
        std::uint64_t minAggId = 0, maxAggId = 0;
        std::int64_t lastLocalNs = 0;
    };
    void computePass();
    void emitEntry(const binance::EventTape::Entry& entry, const Sink& sink);
    void emitLoopBoundary(const Sink& sink);
    [[nodiscard]] core::Trade offsetTrade(const core::Trade& t) const;
    [[nodiscard]] std::int64_t dueNs(std::size_t index) const;
    void findNextDepth();
    [[nodiscard]] std::uint64_t nextDepthFirstId() const;

    binance::EventTape m_tape;
    core::InstrumentSpec m_spec;
    ReplayOptions m_options;
    binance::MarketDataProcessor m_processor;
    DerivedStreams m_derived;
    bool m_tapeHasRawTrades = false;
    std::size_t m_start = 0;     // first entry of a pass
    std::size_t m_end = 0;       // one past the last entry of a pass
    std::size_t m_next = 0;      // next entry to send
    std::size_t m_nextDepth = 0; // next depth entry at or after m_next (for snapshot labels)
    std::int64_t m_originNs = 0; // local time of the first emitted entry
    std::int64_t m_sent = 0;
    PassStats m_pass;
    std::vector<core::Level> m_startBids, m_startAsks; // the book a pass starts from
    // Offsets of the current pass (all zero in the first).
    std::uint64_t m_idOffset = 0;
    std::uint64_t m_tradeIdOffset = 0;
    std::uint64_t m_aggIdOffset = 0;
    std::int64_t m_timeOffsetMs = 0;
    std::int64_t m_passBaseNs = 0; // recorded ns before this pass (sum of earlier passes)
    std::int64_t m_loops = 0;
    std::int64_t m_lastTradeLocalNs = -1; // for flushing a pending aggTrade
    core::DepthUpdate m_scratch;          // offset copy of a diff; reused, no allocation per event
    LagHistogram m_lag;
};

} // namespace hoga::sim
