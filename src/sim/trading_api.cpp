#include "trading_api.h"

#include "sim/api_support.h"
#include "sim/rest_server.h"

#include <fmt/format.h>

#include <QUrlQuery>

namespace hoga::sim {

TradingApi::TradingApi(RestServer& rest, const MarketReplay& market,
                       std::vector<AccountConfig> accounts, TradingOptions options, QObject* parent)
    : QObject(parent), m_market(market),
      m_engine(market.book(), market.instrument(), accounts, options.fees),
      m_streams(new UserDataStreams(options.listenKeyValidityMs, this)) {
    m_engine.setSink([this](const std::string& apiKey, const std::string& payload) {
        m_streams->publish(apiKey, payload);
    });
    addOrderRoutes(rest);
    addAlgoRoutes(rest);
    addAccountRoutes(rest);
    addPremiumIndexRoute(rest);
    addBatchRoutes(rest);
    addIncomeRoute(rest);
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

void TradingApi::onMarketEvent(StreamKind kind, const MarketValues& values) {
    const std::int64_t nowMs = wallClockMs();
    switch (kind) {
    case StreamKind::Trade:
    case StreamKind::AggTrade: {
        // A recording may carry both streams; only the one the replay's book uses counts, so
        // that no trade is seen twice.
        const binance::TradeSource source = m_market.processor().activeTradeSource();
        const bool wanted = source == binance::TradeSource::Auto ||
                            (source == binance::TradeSource::Trade) == (kind == StreamKind::Trade);
        if (wanted && values.trade) {
            m_engine.onTrade(*values.trade, nowMs);
        }
        break;
    }
    case StreamKind::MarkPrice:
        if (values.mark) {
            core::MarkPriceUpdate m = *values.mark;
            m.eventTimeMs += m_market.timeShiftMs(); // as the clients saw it
            m.nextFundingTimeMs += m_market.timeShiftMs();
            m_lastMark = m;
            // Funding first, so that the liquidation check of the new mark sees the new wallet.
            if (const auto due = m_funding.onMarkPrice(m)) {
                m_engine.settleFunding(due->fundingTimeMs, due->rate, due->mark, nowMs);
            }
            m_engine.onMarkPrice(m.markPrice, nowMs);
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

void TradingApi::addPremiumIndexRoute(RestServer& rest) {
    // GET /fapi/v1/premiumIndex: the last mark price the markPrice stream carried (recorded, or
    // derived from the mid), with its funding rate and next funding time.
    rest.route(
        QStringLiteral("/fapi/v1/premiumIndex"), QHttpServerRequest::Method::Get,
        [this](const QHttpServerRequest& request) {
            const core::InstrumentSpec& spec = m_market.instrument();
            const QString symbol =
                QUrlQuery(request.url()).queryItemValue(QStringLiteral("symbol"));
            if (!symbol.isEmpty() && symbol.toStdString() != spec.symbol) {
                return errorResponse(ApiError{-1121, "Invalid symbol.", 400});
            }
            if (!m_lastMark) {
                return errorResponse(ApiError{-1003, "No mark price has been published yet.", 503});
            }
            const core::MarkPriceUpdate& m = *m_lastMark;
            const std::string body = fmt::format(
                R"({{"symbol":"{}","markPrice":"{}","indexPrice":"{}","estimatedSettlePrice":"{}","lastFundingRate":"{}","interestRate":"0.00010000","nextFundingTime":{},"time":{}}})",
                spec.symbol, core::formatFixed8(m.markPrice), core::formatFixed8(m.indexPrice),
                core::formatFixed8(m.estimatedSettlePrice), core::formatFixed8(m.fundingRate),
                m.nextFundingTimeMs, m.eventTimeMs);
            return jsonResponse(symbol.isEmpty() ? "[" + body + "]" : body);
        });
}

} // namespace hoga::sim
