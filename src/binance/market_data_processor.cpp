#include "market_data_processor.h"

#include "platform/logging.h"

#include <spdlog/spdlog.h>

namespace hoga::binance {

MarketDataProcessor::MarketDataProcessor(core::InstrumentSpec instrument, Options options)
    : m_parser(std::move(instrument)), m_sync(m_book, options.maxBufferedDiffs),
      m_candles(options.candleIntervalMs, options.candlesKept), m_tradeSource(options.tradeSource),
      m_log(platform::logger("feed")) {}

void MarketDataProcessor::noteEventTime(std::int64_t eventTimeMs) {
    if (eventTimeMs <= 0) {
        return;
    }
    if (m_counters.firstEventTimeMs == 0) {
        m_counters.firstEventTimeMs = eventTimeMs;
    }
    if (eventTimeMs > m_counters.lastEventTimeMs) {
        m_counters.lastEventTimeMs = eventTimeMs;
        // Candles close on exchange time carried by any stream, not only by trades.
        m_candles.advanceTo(eventTimeMs);
    }
}

void MarketDataProcessor::logMalformed(std::string_view frame) {
    // The first few in full detail, then one line per thousand: a broken feed must not flood
    // the log, and must not go unnoticed either.
    const std::int64_t n = m_counters.count(MessageType::Malformed);
    if (n <= 10 || n % 1000 == 0) {
        m_log->warn("malformed frame #{} ({}): {}", n, m_parser.detail(),
                    platform::truncateForLog(frame));
    }
}

void MarketDataProcessor::onTrade(const core::Trade& trade, MessageType type) {
    if (m_tradeSource == TradeSource::Auto) {
        m_tradeSource = type == MessageType::Trade ? TradeSource::Trade : TradeSource::AggTrade;
        m_log->info("candles use the {} stream", messageTypeName(type));
    }
    const bool wanted = (m_tradeSource == TradeSource::Trade) == (type == MessageType::Trade);
    m_lastTradeUsed = wanted;
    if (!wanted) {
        ++m_counters.tradesIgnored;
        return;
    }
    m_candles.addTrade(trade);
}

bool MarketDataProcessor::bookMatches(const core::BookTicker& ticker) const {
    const auto bid = m_book.bestBid();
    const auto ask = m_book.bestAsk();
    return bid && ask && bid->price == ticker.bidPrice && bid->qty == ticker.bidQty &&
           ask->price == ticker.askPrice && ask->qty == ticker.askQty;
}

void MarketDataProcessor::checkTicker(const core::BookTicker& ticker) {
    if (!m_sync.inSync()) {
        return;
    }
    if (ticker.updateId > m_sync.lastAppliedUpdateId()) {
        m_pendingTicker = ticker; // the book has not reached this update yet
        return;
    }
    // Only a ticker stamped with the very update the book last applied describes the same book.
    if (ticker.updateId != m_sync.lastAppliedUpdateId()) {
        return;
    }
    ++m_counters.tickerCompared;
    if (!bookMatches(ticker)) {
        ++m_counters.tickerMismatched;
        if (m_counters.tickerMismatched <= 10) {
            m_log->warn("bookTicker u={} disagrees with the book", ticker.updateId);
        }
    }
}

void MarketDataProcessor::onDepthUpdate(const core::DepthUpdate& update) {
    noteEventTime(update.eventTimeMs);
    const auto outcome = m_sync.onDepthUpdate(update);
    if (m_pendingTicker && m_sync.inSync() &&
        m_pendingTicker->updateId <= m_sync.lastAppliedUpdateId()) {
        if (m_pendingTicker->updateId == m_sync.lastAppliedUpdateId()) {
            ++m_counters.tickerFirstCompared;
            if (!bookMatches(*m_pendingTicker)) {
                ++m_counters.tickerFirstMismatched;
                if (m_counters.tickerFirstMismatched <= 10) {
                    m_log->warn("bookTicker u={} disagrees with the book",
                                m_pendingTicker->updateId);
                }
            }
        }
        m_pendingTicker.reset();
    }
    if (outcome == DepthSynchronizer::Outcome::Gap) {
        m_log->warn("depth gap: pu={} but last applied u={} ({}); resyncing",
                    update.prevFinalUpdateId, m_sync.lastAppliedUpdateId(), m_sync.reason());
    }
}

void MarketDataProcessor::onSnapshot(const core::DepthSnapshot& snapshot) {
    noteEventTime(snapshot.eventTimeMs);
    m_sync.onSnapshot(snapshot);
    m_log->info("depth snapshot lastUpdateId={} ({} bids, {} asks) → {}", snapshot.lastUpdateId,
                snapshot.bids.size(), snapshot.asks.size(), syncStateName(m_sync.state()));
}

void MarketDataProcessor::onTradeEvent(const core::Trade& trade) {
    noteEventTime(trade.eventTimeMs);
    onTrade(trade, trade.aggregated ? MessageType::AggTrade : MessageType::Trade);
}

void MarketDataProcessor::onBookTicker(const core::BookTicker& ticker) {
    noteEventTime(ticker.eventTimeMs);
    checkTicker(ticker);
}

void MarketDataProcessor::onOtherEvent(std::int64_t eventTimeMs) {
    noteEventTime(eventTimeMs);
}

MessageType MarketDataProcessor::onFrame(std::string_view frame, std::size_t capacity) {
    ++m_counters.frames;
    m_counters.bytes += static_cast<std::int64_t>(frame.size());
    const MessageType type = m_parser.parse(frame, capacity);
    ++m_counters.messages[static_cast<std::size_t>(type)];
    switch (type) {
    case MessageType::DepthUpdate:
        onDepthUpdate(m_parser.depthUpdate());
        break;
    case MessageType::Snapshot:
        onSnapshot(m_parser.snapshot());
        break;
    case MessageType::Trade:
    case MessageType::AggTrade:
        onTradeEvent(m_parser.trade());
        break;
    case MessageType::BookTicker:
        onBookTicker(m_parser.bookTicker());
        break;
    case MessageType::MarkPrice:
        onOtherEvent(m_parser.markPrice().eventTimeMs);
        break;
    case MessageType::Kline:
        onOtherEvent(m_parser.kline().eventTimeMs);
        break;
    case MessageType::Malformed:
        logMalformed(frame);
        break;
    case MessageType::Unknown:
    case MessageType::OtherSymbol:
        break;
    }
    return type;
}

} // namespace hoga::binance
