#include "backtest_session.h"

#include <algorithm>

namespace hoga::app {

namespace {
binance::MarketDataProcessor::Options feedOptions(const core::StrategyParams& params) {
    return binance::MarketDataProcessor::Options::forStrategy(params.candleIntervalMs,
                                                              params.volumeLookback);
}
} // namespace

BacktestSession::BacktestSession(const core::InstrumentSpec& spec,
                                 const core::StrategyParams& params, engine::Journal* journal)
    : m_processor(spec, feedOptions(params)), m_engine(spec, params, "backtest", journal),
      m_broker(m_processor.book(), spec, params.latencyMs,
               core::percentToRateE8(params.takerFeePct), m_engine.executionListener()),
      m_krwPerUsdt(params.krwPerUsdt) {
    m_engine.setGateway(&m_broker);
}

engine::MarketState BacktestSession::state() const {
    return {m_processor.book(), m_processor.candles(), m_processor.bookVerified()};
}

void BacktestSession::feed(engine::MarketInput::Kind kind, const core::Trade* trade,
                           const core::MarkPriceUpdate* mark) {
    engine::MarketInput input;
    input.kind = kind;
    input.timeMs = m_processor.counters().lastEventTimeMs;
    input.trade = trade;
    input.mark = mark;
    m_engine.onMarket(input, state());
}

void BacktestSession::onFrame(std::string_view frame, std::size_t capacity) {
    using binance::MessageType;
    using Kind = engine::MarketInput::Kind;
    const auto& parser = m_processor.parser();
    switch (m_processor.onFrame(frame, capacity)) {
    case MessageType::DepthUpdate:
    case MessageType::Snapshot:
        feed(Kind::BookUpdate, nullptr, nullptr);
        break;
    case MessageType::Trade:
    case MessageType::AggTrade:
        if (m_processor.lastTradeUsed()) { // the other trade stream is seen by nobody
            feed(Kind::Trade, &parser.trade(), nullptr);
        }
        break;
    case MessageType::BookTicker:
        feed(Kind::Ticker, nullptr, nullptr);
        break;
    case MessageType::MarkPrice:
        feed(Kind::MarkPrice, nullptr, &parser.markPrice());
        break;
    case MessageType::Kline:
        feed(Kind::Other, nullptr, nullptr);
        break;
    case MessageType::Malformed:
    case MessageType::Unknown:
    case MessageType::OtherSymbol:
        break;
    }
}

void BacktestSession::onTapeEntry(const binance::EventTape& tape,
                                  const binance::EventTape::Entry& entry) {
    using Kind = engine::MarketInput::Kind;
    switch (entry.kind) {
    case binance::EventTape::Kind::Depth:
        m_processor.onDepthUpdate(tape.depth[entry.index]);
        feed(Kind::BookUpdate, nullptr, nullptr);
        break;
    case binance::EventTape::Kind::Snapshot:
        m_processor.onSnapshot(tape.snapshots[entry.index]);
        feed(Kind::BookUpdate, nullptr, nullptr);
        break;
    case binance::EventTape::Kind::Trade: {
        const core::Trade& trade = tape.trades[entry.index];
        m_processor.onTradeEvent(trade);
        if (m_processor.lastTradeUsed()) {
            feed(Kind::Trade, &trade, nullptr);
        }
        break;
    }
    case binance::EventTape::Kind::Ticker:
        m_processor.onBookTicker(tape.tickers[entry.index]);
        feed(Kind::Ticker, nullptr, nullptr);
        break;
    case binance::EventTape::Kind::Mark:
        m_processor.onOtherEvent(entry.timeMs);
        feed(Kind::MarkPrice, nullptr, &tape.marks[entry.index]);
        break;
    case binance::EventTape::Kind::Other:
        m_processor.onOtherEvent(entry.timeMs);
        feed(Kind::Other, nullptr, nullptr);
        break;
    }
}

engine::BacktestReport BacktestSession::finish(std::int64_t events, std::int64_t malformed) {
    const engine::MarketState s = state();
    m_engine.finish(s);
    engine::BacktestReport report;
    report.krwPerUsdt = m_krwPerUsdt;
    report.stats = m_engine.stats();
    report.startingCapital = m_engine.risk().startingCapital();
    report.finalEquity = m_engine.equity(s);
    report.events = events;
    report.malformed = malformed;
    return report;
}

} // namespace hoga::app
