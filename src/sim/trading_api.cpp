#include "trading_api.h"

#include "sim/api_support.h"
#include "sim/rest_server.h"

namespace hoga::sim {

TradingApi::TradingApi(RestServer& rest, const MarketReplay& market,
                       std::vector<AccountConfig> accounts, TradingOptions options, QObject* parent)
    : QObject(parent), m_market(market),
      m_engine(market.book(), market.instrument(), accounts, options.fees),
      m_streams(new UserDataStreams(options.listenKeyValidityMs, this)),
      m_parser(market.instrument()) {
    m_engine.setSink([this](const std::string& apiKey, const std::string& payload) {
        m_streams->publish(apiKey, payload);
    });
    addOrderRoutes(rest);
    addAlgoRoutes(rest);
    addAccountRoutes(rest);
    // countdownCancelAll deadlines are wall-clock times.
    m_clock.setInterval(50);
    connect(&m_clock, &QTimer::timeout, this, [this] { m_engine.onClock(wallClockMs()); });
    m_clock.start();
}

TradingApi::~TradingApi() = default;

bool TradingApi::acceptUserStream(QWebSocket* socket, const QString& path) {
    return m_streams->accept(socket, path);
}

void TradingApi::setFaultPlan(FaultPlan* plan) {
    m_faults = plan;
    m_streams->setFaultPlan(plan);
}

void TradingApi::onMarketEvent(StreamKind kind, const std::string& payload) {
    const std::int64_t nowMs = wallClockMs();
    switch (kind) {
    case StreamKind::Trade:
    case StreamKind::AggTrade: {
        // A recording may carry both streams; only the one the replay's book uses counts, so
        // that no trade is seen twice.
        const binance::TradeSource source = m_market.processor().activeTradeSource();
        const bool wanted = source == binance::TradeSource::Auto ||
                            (source == binance::TradeSource::Trade) == (kind == StreamKind::Trade);
        const auto type = m_parser.parse(payload);
        if (wanted &&
            (type == binance::MessageType::Trade || type == binance::MessageType::AggTrade)) {
            m_engine.onTrade(m_parser.trade(), nowMs);
        }
        break;
    }
    case StreamKind::MarkPrice:
        if (m_parser.parse(payload) == binance::MessageType::MarkPrice) {
            m_engine.onMarkPrice(m_parser.markPrice().markPrice, nowMs);
        }
        break;
    case StreamKind::Depth:
    case StreamKind::BookTicker:
        m_engine.onBookChanged(nowMs);
        break;
    default: // klines and other derived streams carry nothing the engine uses
        break;
    }
}

} // namespace hoga::sim
