#include "market_replay.h"

#include "sim/binance_json.h"

namespace hoga::sim {

using Kind = binance::EventTape::Kind;

MarketReplay::MarketReplay(binance::EventTape tape, core::InstrumentSpec spec,
                           ReplayOptions options)
    : m_tape(std::move(tape)), m_spec(spec), m_options(options),
      m_processor(std::move(spec), binance::MarketDataProcessor::Options{}) {
    if (m_options.speed <= 0) {
        m_options.speed = 1.0;
    }
}

void MarketReplay::apply(const binance::EventTape::Entry& entry) {
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

bool MarketReplay::prepare(std::string& error) {
    while (m_next < m_tape.entries.size() && !m_processor.bookVerified()) {
        apply(m_tape.entries[m_next++]);
    }
    if (!m_processor.bookVerified()) {
        error = "the recording's depth stream never syncs (no snapshot bridged by its diffs)";
        return false;
    }
    m_nextDepth = m_next;
    while (m_nextDepth < m_tape.entries.size() && m_tape.entries[m_nextDepth].kind != Kind::Depth) {
        ++m_nextDepth;
    }
    m_originNs = m_next < m_tape.entries.size() ? m_tape.entries[m_next].localNs : 0;
    return true;
}

std::int64_t MarketReplay::nextDueNs() const {
    if (finished()) {
        return -1;
    }
    const double recorded = static_cast<double>(m_tape.entries[m_next].localNs - m_originNs);
    return static_cast<std::int64_t>(recorded / m_options.speed);
}

void MarketReplay::emitDue(std::int64_t elapsedNs, const Sink& sink) {
    const std::int64_t shift = m_options.timeShiftMs;
    while (!finished() && nextDueNs() <= elapsedNs) {
        const auto& entry = m_tape.entries[m_next++];
        apply(entry);
        ++m_sent;
        switch (entry.kind) {
        case Kind::Depth:
            sink(StreamKind::Depth, depthUpdateJson(m_tape.depth[entry.index], m_spec, shift, 0));
            m_nextDepth = m_next;
            while (m_nextDepth < m_tape.entries.size() &&
                   m_tape.entries[m_nextDepth].kind != Kind::Depth) {
                ++m_nextDepth;
            }
            break;
        case Kind::Trade: {
            const core::Trade& t = m_tape.trades[entry.index];
            sink(t.aggregated ? StreamKind::AggTrade : StreamKind::Trade,
                 tradeJson(t, m_spec, shift));
            break;
        }
        case Kind::Ticker:
            sink(StreamKind::BookTicker,
                 bookTickerJson(m_tape.tickers[entry.index], m_spec, shift, 0));
            break;
        case Kind::Mark:
            sink(StreamKind::MarkPrice, markPriceJson(m_tape.marks[entry.index], m_spec, shift));
            break;
        case Kind::Snapshot: // a REST response in the recording, not a stream event
        case Kind::Other:
            break;
        }
    }
}

std::uint64_t MarketReplay::nextDepthFirstId() const {
    if (m_nextDepth < m_tape.entries.size()) {
        return m_tape.depth[m_tape.entries[m_nextDepth].index].firstUpdateId;
    }
    return m_processor.synchronizer().lastAppliedUpdateId(); // nothing more will come
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
