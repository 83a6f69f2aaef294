#include "market_replay.h"

#include "sim/binance_json.h"

#include <algorithm>
#include <bit>

namespace hoga::sim {

using Kind = binance::EventTape::Kind;

namespace {
constexpr std::int64_t kPassGapNs = 1'000'000; // recorded time between a pass's end and the next
// A pending aggregate is sent once this much recorded time passes without a trade that could
// still join it (Binance's matching sends all trades of one taker order together).
constexpr std::int64_t kAggTradeWindowNs = 5'000'000;
} // namespace

void LagHistogram::add(std::int64_t lagNs) {
    lagNs = std::max<std::int64_t>(lagNs, 0);
    const auto us = static_cast<std::uint64_t>(lagNs / 1000);
    const auto b =
        std::min<std::size_t>(static_cast<std::size_t>(std::bit_width(us)), buckets.size() - 1);
    ++buckets[b];
    ++count;
    maxNs = std::max(maxNs, lagNs);
}

std::int64_t LagHistogram::quantileUs(double q) const {
    const auto target = static_cast<std::int64_t>(q * static_cast<double>(count));
    std::int64_t seen = 0;
    for (std::size_t b = 0; b < buckets.size(); ++b) {
        seen += buckets[b];
        if (seen > target) {
            return b == 0 ? 1 : std::int64_t{1} << b;
        }
    }
    return maxNs / 1000;
}

MarketReplay::MarketReplay(binance::EventTape tape, core::InstrumentSpec spec,
                           ReplayOptions options)
    : m_tape(std::move(tape)), m_spec(spec), m_options(options),
      m_processor(spec, binance::MarketDataProcessor::Options{}),
      m_derived(spec, DerivedStreams::Options{}) {
    if (m_options.speed <= 0) {
        m_options.speed = 1.0;
    }
}

bool MarketReplay::prepare(std::string& error) {
    const auto& entries = m_tape.entries;
    while (m_next < entries.size() && !m_processor.bookVerified()) {
        const auto& entry = entries[m_next++];
        switch (entry.kind) {
        case Kind::Depth:
            m_processor.onDepthUpdate(m_tape.depth[entry.index]);
            break;
        case Kind::Snapshot:
            m_processor.onSnapshot(m_tape.snapshots[entry.index]);
            break;
        case Kind::Trade:
            m_processor.onTradeEvent(m_tape.trades[entry.index]);
            break;
        case Kind::Ticker:
            m_processor.onBookTicker(m_tape.tickers[entry.index]);
            break;
        case Kind::Mark:
        case Kind::Other:
            m_processor.onOtherEvent(entry.timeMs);
            break;
        }
    }
    if (!m_processor.bookVerified()) {
        error = "the recording's depth stream never syncs (no snapshot bridged by its diffs)";
        return false;
    }
    m_start = m_next;
    m_originNs = m_next < entries.size() ? entries[m_next].localNs : 0;
    m_end = entries.size();
    if (m_options.loop && m_options.loopWindowMs > 0) {
        const std::int64_t windowNs = m_options.loopWindowMs * 1'000'000;
        m_end = m_start;
        while (m_end < entries.size() && entries[m_end].localNs - m_originNs <= windowNs) {
            ++m_end;
        }
    }
    computePass();
    if (m_options.loop && m_pass.lastU == 0) {
        error = "nothing to loop: no depth event after the book syncs";
        return false;
    }
    book().levels(core::Side::Buy, -1, m_startBids);
    book().levels(core::Side::Sell, -1, m_startAsks);
    bool hasAgg = false;
    for (const core::Trade& t : m_tape.trades) {
        (t.aggregated ? hasAgg : m_tapeHasRawTrades) = true;
    }
    DerivedStreams::Options derived;
    derived.aggTrades = m_tapeHasRawTrades && !hasAgg;
    derived.markPrices = m_tape.marks.empty();
    derived.shiftMs = m_options.timeShiftMs;
    if (m_options.fundingIntervalMs > 0) {
        derived.fundingIntervalMs = m_options.fundingIntervalMs;
    }
    m_derived = DerivedStreams(m_spec, derived);
    findNextDepth();
    return true;
}

void MarketReplay::computePass() {
    PassStats p;
    p.minTimeMs = INT64_MAX;
    p.minTradeId = p.minAggId = UINT64_MAX;
    bool firstDepth = true;
    const auto noteTime = [&p](std::int64_t t) {
        if (t > 0) {
            p.minTimeMs = std::min(p.minTimeMs, t);
            p.maxTimeMs = std::max(p.maxTimeMs, t);
        }
    };
    for (std::size_t i = m_start; i < m_end; ++i) {
        const auto& entry = m_tape.entries[i];
        noteTime(entry.timeMs);
        p.lastLocalNs = entry.localNs;
        if (entry.kind == Kind::Depth) {
            const core::DepthUpdate& d = m_tape.depth[entry.index];
            if (firstDepth) {
                p.firstPu = d.prevFinalUpdateId;
                firstDepth = false;
            }
            p.lastU = d.finalUpdateId;
            noteTime(d.transactionTimeMs);
        } else if (entry.kind == Kind::Trade) {
            const core::Trade& t = m_tape.trades[entry.index];
            noteTime(t.tradeTimeMs);
            p.minTradeId = std::min({p.minTradeId, t.firstTradeId, t.lastTradeId});
            p.maxTradeId = std::max({p.maxTradeId, t.firstTradeId, t.lastTradeId});
            auto& lo = t.aggregated ? p.minAggId : p.minTradeId;
            auto& hi = t.aggregated ? p.maxAggId : p.maxTradeId;
            lo = std::min(lo, t.id);
            hi = std::max(hi, t.id);
        } else if (entry.kind == Kind::Ticker) {
            noteTime(m_tape.tickers[entry.index].transactionTimeMs);
        }
    }
    if (p.minTimeMs == INT64_MAX) {
        p.minTimeMs = 0;
    }
    m_pass = p;
}

std::int64_t MarketReplay::dueNs(std::size_t index) const {
    const double recorded =
        static_cast<double>(m_passBaseNs + m_tape.entries[index].localNs - m_originNs);
    return static_cast<std::int64_t>(recorded / m_options.speed);
}

std::int64_t MarketReplay::nextDueNs() const {
    if (m_next < m_end) {
        return dueNs(m_next);
    }
    if (!m_options.loop) {
        return -1;
    }
    const double passEnd =
        static_cast<double>(m_passBaseNs + m_pass.lastLocalNs - m_originNs + kPassGapNs);
    return static_cast<std::int64_t>(passEnd / m_options.speed);
}

void MarketReplay::emitDue(std::int64_t elapsedNs, const Sink& sink) {
    for (;;) {
        const std::int64_t due = nextDueNs();
        if (due < 0 || due > elapsedNs) {
            break;
        }
        m_lag.add(elapsedNs - due);
        if (m_next < m_end) {
            emitEntry(m_tape.entries[m_next++], sink);
        } else {
            emitLoopBoundary(sink);
        }
    }
    if (m_derived.aggTradePending() &&
        (m_next >= m_end ||
         m_tape.entries[m_next].localNs - m_lastTradeLocalNs > kAggTradeWindowNs)) {
        m_derived.flushAggTrade(sink);
    }
}

core::Trade MarketReplay::offsetTrade(const core::Trade& t) const {
    core::Trade out = t;
    out.eventTimeMs += m_timeOffsetMs;
    out.tradeTimeMs += m_timeOffsetMs;
    out.id += t.aggregated ? m_aggIdOffset : m_tradeIdOffset;
    out.firstTradeId += m_tradeIdOffset;
    out.lastTradeId += m_tradeIdOffset;
    return out;
}

void MarketReplay::emitEntry(const binance::EventTape::Entry& entry, const Sink& sink) {
    const std::int64_t shift = m_options.timeShiftMs;
    ++m_sent;
    switch (entry.kind) {
    case Kind::Depth: {
        m_scratch = m_tape.depth[entry.index]; // reuses the scratch vectors' capacity
        m_scratch.firstUpdateId += m_idOffset;
        m_scratch.finalUpdateId += m_idOffset;
        m_scratch.prevFinalUpdateId += m_idOffset;
        m_scratch.eventTimeMs += m_timeOffsetMs;
        m_scratch.transactionTimeMs += m_timeOffsetMs;
        m_processor.onDepthUpdate(m_scratch);
        sink(StreamKind::Depth, {}, depthUpdateJson(m_scratch, m_spec, shift, 0), {});
        findNextDepth();
        break;
    }
    case Kind::Trade: {
        const core::Trade t = offsetTrade(m_tape.trades[entry.index]);
        m_processor.onTradeEvent(t);
        sink(t.aggregated ? StreamKind::AggTrade : StreamKind::Trade, {},
             tradeJson(t, m_spec, shift), MarketValues{&t, nullptr});
        // Klines count raw trades when the recording has them, else its aggregates.
        m_derived.onTrade(t, t.aggregated != m_tapeHasRawTrades, sink);
        m_lastTradeLocalNs = entry.localNs;
        break;
    }
    case Kind::Ticker: {
        core::BookTicker t = m_tape.tickers[entry.index];
        t.updateId += m_idOffset;
        t.eventTimeMs += m_timeOffsetMs;
        t.transactionTimeMs += m_timeOffsetMs;
        m_processor.onBookTicker(t);
        sink(StreamKind::BookTicker, {}, bookTickerJson(t, m_spec, shift, 0), {});
        break;
    }
    case Kind::Mark: {
        core::MarkPriceUpdate m = m_tape.marks[entry.index];
        m.eventTimeMs += m_timeOffsetMs;
        m.nextFundingTimeMs += m_timeOffsetMs;
        if (const std::int64_t every = m_options.fundingIntervalMs; every > 0) {
            const std::int64_t seen = m.eventTimeMs + shift; // as clients see it
            m.nextFundingTimeMs = (seen / every + 1) * every - shift;
        }
        m_processor.onOtherEvent(m.eventTimeMs);
        sink(StreamKind::MarkPrice, {}, markPriceJson(m, m_spec, shift), MarketValues{nullptr, &m});
        break;
    }
    case Kind::Snapshot:
        // A REST response in the recording, not a stream event. Once in sync the simulator's
        // book is exact by construction; re-anchoring it on a recorded snapshot could only move
        // it to an update id the clients have already passed.
        break;
    case Kind::Other:
        m_processor.onOtherEvent(entry.timeMs + m_timeOffsetMs);
        break;
    }
    m_derived.onTime(m_processor.counters().lastEventTimeMs, book(), sink);
}

namespace {
// Appends to `out` the changes that turn `from` into `to` (both best-first on one side):
// qty 0 for prices only in `from`, the absolute quantity for prices in `to` that differ.
void appendBookDiff(const std::vector<core::Level>& from, const std::vector<core::Level>& to,
                    bool descending, std::vector<core::PriceLevel>& out) {
    const auto before = [descending](core::Price a, core::Price b) {
        return descending ? a > b : a < b;
    };
    std::size_t i = 0;
    std::size_t j = 0;
    while (i < from.size() || j < to.size()) {
        if (j >= to.size() || (i < from.size() && before(from[i].price, to[j].price))) {
            out.push_back({from[i++].price, core::Qty{0}});
        } else if (i >= from.size() || before(to[j].price, from[i].price)) {
            out.push_back({to[j].price, to[j].qty});
            ++j;
        } else {
            if (from[i].qty != to[j].qty) {
                out.push_back({to[j].price, to[j].qty});
            }
            ++i;
            ++j;
        }
    }
}
} // namespace

void MarketReplay::emitLoopBoundary(const Sink& sink) {
    m_derived.flushAggTrade(sink); // its ids belong to the pass that ends
    const std::uint64_t lastU = m_processor.synchronizer().lastAppliedUpdateId();
    const std::int64_t nowMs = m_processor.counters().lastEventTimeMs;
    core::DepthUpdate diff;
    diff.eventTimeMs = nowMs;
    diff.transactionTimeMs = nowMs;
    diff.prevFinalUpdateId = lastU;
    diff.firstUpdateId = lastU + 1;
    diff.finalUpdateId = lastU + 1;
    {
        std::vector<core::Level> current;
        book().levels(core::Side::Buy, -1, current);
        appendBookDiff(current, m_startBids, true, diff.bids);
        current.clear();
        book().levels(core::Side::Sell, -1, current);
        appendBookDiff(current, m_startAsks, false, diff.asks);
    }
    m_processor.onDepthUpdate(diff);
    sink(StreamKind::Depth, {}, depthUpdateJson(diff, m_spec, m_options.timeShiftMs, 0), {});
    ++m_sent;

    // The next pass: ids continue from the synthetic diff, times from the end of this pass.
    m_idOffset = diff.finalUpdateId - m_pass.firstPu;
    if (m_pass.maxTradeId >= m_pass.minTradeId) {
        m_tradeIdOffset += m_pass.maxTradeId - m_pass.minTradeId + 1;
    }
    if (m_pass.maxAggId >= m_pass.minAggId) {
        m_aggIdOffset += m_pass.maxAggId - m_pass.minAggId + 1;
    }
    m_timeOffsetMs += m_pass.maxTimeMs - m_pass.minTimeMs + 1;
    m_passBaseNs += m_pass.lastLocalNs - m_originNs + kPassGapNs;
    m_next = m_start;
    m_lastTradeLocalNs = -1;
    ++m_loops;
    findNextDepth();
}

void MarketReplay::findNextDepth() {
    m_nextDepth = m_next;
    while (m_nextDepth < m_end && m_tape.entries[m_nextDepth].kind != Kind::Depth) {
        ++m_nextDepth;
    }
}

std::uint64_t MarketReplay::nextDepthFirstId() const {
    const std::uint64_t last = m_processor.synchronizer().lastAppliedUpdateId();
    if (m_nextDepth < m_end) {
        return m_tape.depth[m_tape.entries[m_nextDepth].index].firstUpdateId + m_idOffset;
    }
    return m_options.loop ? last + 1 : last; // the loop's synthetic diff; or nothing more comes
}

std::string MarketReplay::depthSnapshot(int limit) const {
    std::vector<core::Level> bids;
    std::vector<core::Level> asks;
    book().levels(core::Side::Buy, limit, bids);
    book().levels(core::Side::Sell, limit, asks);
    return depthSnapshotJson(nextDepthFirstId(), exchangeTimeMs(), bids, asks, m_spec);
}

std::int64_t MarketReplay::exchangeTimeMs() const {
    return m_processor.counters().lastEventTimeMs + m_options.timeShiftMs;
}

} // namespace hoga::sim
