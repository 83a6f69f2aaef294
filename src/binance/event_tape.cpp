#include "binance/event_tape.h"

#include "binance/market_parser.h"
#include "storage/recording_reader.h"

namespace hoga::binance {

std::size_t EventTape::memoryBytes() const {
    std::size_t bytes =
        entries.capacity() * sizeof(Entry) + depth.capacity() * sizeof(core::DepthUpdate) +
        snapshots.capacity() * sizeof(core::DepthSnapshot) +
        trades.capacity() * sizeof(core::Trade) + tickers.capacity() * sizeof(core::BookTicker) +
        marks.capacity() * sizeof(core::MarkPriceUpdate);
    for (const auto& d : depth) {
        bytes += (d.bids.capacity() + d.asks.capacity()) * sizeof(core::PriceLevel);
    }
    for (const auto& s : snapshots) {
        bytes += (s.bids.capacity() + s.asks.capacity()) * sizeof(core::PriceLevel);
    }
    return bytes;
}

EventTape decodeTape(const std::vector<std::string>& files, const core::InstrumentSpec& spec) {
    EventTape tape;
    MarketParser parser(spec);
    storage::RecordingReader reader(files);
    storage::RecordedFrame frame;
    const auto add = [&](EventTape::Kind kind, std::size_t index, std::int64_t timeMs) {
        tape.entries.push_back(
            {kind, static_cast<std::uint32_t>(index), timeMs, frame.localTimeNs});
        if (timeMs > 0) {
            if (tape.firstTimeMs == 0) {
                tape.firstTimeMs = timeMs;
            }
            tape.lastTimeMs = std::max(tape.lastTimeMs, timeMs);
        }
    };
    while (reader.next(frame)) {
        switch (parser.parse(frame.frame, frame.frame.size() + storage::kFramePadding)) {
        case MessageType::DepthUpdate:
            tape.depth.push_back(parser.depthUpdate());
            add(EventTape::Kind::Depth, tape.depth.size() - 1, parser.depthUpdate().eventTimeMs);
            break;
        case MessageType::Snapshot:
            tape.snapshots.push_back(parser.snapshot());
            add(EventTape::Kind::Snapshot, tape.snapshots.size() - 1,
                parser.snapshot().eventTimeMs);
            break;
        case MessageType::Trade:
        case MessageType::AggTrade:
            tape.trades.push_back(parser.trade());
            add(EventTape::Kind::Trade, tape.trades.size() - 1, parser.trade().eventTimeMs);
            break;
        case MessageType::BookTicker:
            tape.tickers.push_back(parser.bookTicker());
            add(EventTape::Kind::Ticker, tape.tickers.size() - 1, parser.bookTicker().eventTimeMs);
            break;
        case MessageType::MarkPrice:
            tape.marks.push_back(parser.markPrice());
            add(EventTape::Kind::Mark, tape.marks.size() - 1, parser.markPrice().eventTimeMs);
            break;
        case MessageType::Kline:
            add(EventTape::Kind::Other, 0, parser.kline().eventTimeMs);
            break;
        case MessageType::Malformed:
            ++tape.malformed;
            break;
        case MessageType::Unknown:
        case MessageType::OtherSymbol:
            break;
        }
    }
    tape.malformed += static_cast<std::int64_t>(reader.stats().malformedLines);
    tape.error = reader.error();
    return tape;
}

} // namespace hoga::binance
