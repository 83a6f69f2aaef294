#pragma once

// The simulator's trading side: the accounts' REST endpoints (orders, algo orders, positions,
// balances, leverage, margin type, listenKey) registered on the RestServer, the matching engine
// fed by the replayed market, and the user data streams the engine's events go to.
//
// Supported, BTCUSDT only, one-way mode (positionSide BOTH):
//   POST/GET/DELETE /fapi/v1/order, GET /fapi/v1/openOrder, GET /fapi/v1/openOrders,
//   DELETE /fapi/v1/allOpenOrders, POST /fapi/v1/countdownCancelAll, GET /fapi/v1/userTrades,
//   POST/GET/DELETE /fapi/v1/algoOrder, GET /fapi/v1/openAlgoOrders, DELETE
//   /fapi/v1/algoOpenOrders, POST /fapi/v1/leverage, POST /fapi/v1/marginType, GET
//   /fapi/v2|v3/positionRisk, GET /fapi/v2|v3/balance, GET /fapi/v2/account, POST/PUT/DELETE
//   /fapi/v1/listenKey, POST/DELETE /fapi/v1/batchOrders, GET /fapi/v1/income.
// Funding: at every funding time the markPrice stream announces (sim/funding_clock.h) open
// positions pay or receive funding (MatchingEngine::settleFunding).

// Qt headers first: moc (Qt 6.4) fails on <compare> when it comes before them.
#include <QObject>
#include <QTimer>

#include "sim/accounts.h"
#include "sim/funding_clock.h"
#include "sim/market_replay.h"
#include "sim/matching_engine.h"
#include "sim/user_data_stream.h"

#include <memory>
#include <optional>
#include <string>
#include <vector>

class QWebSocket;

namespace hoga::sim {

class FaultPlan;

class RestServer;

struct TradingOptions {
    std::int64_t listenKeyValidityMs = 3'600'000; // Binance: 60 minutes
    MatchingEngine::Fees fees;
};

class TradingApi : public QObject {
    Q_OBJECT
public:
    TradingApi(RestServer& rest, const MarketReplay& market, std::vector<AccountConfig> accounts,
               TradingOptions options = {}, QObject* parent = nullptr);
    ~TradingApi() override;

    // One replayed market event, as sent to the stream clients (after the replay applied it),
    // with the values its payload was written from.
    void onMarketEvent(StreamKind kind, const MarketValues& values);
    // Fault injection: order rejections and short listenKey lives (sim/fault_plan.h).
    void setFaultPlan(FaultPlan* plan);
    // For StreamServer: takes over /ws/<listenKey> connections.
    bool acceptUserStream(QWebSocket* socket, const QString& path);

    [[nodiscard]] MatchingEngine& engine() { return m_engine; }
    [[nodiscard]] UserDataStreams& userStreams() { return *m_streams; }

private:
    void addOrderRoutes(RestServer& rest);
    void addAlgoRoutes(RestServer& rest);
    void addAccountRoutes(RestServer& rest);
    void addPremiumIndexRoute(RestServer& rest);
    void addBatchRoutes(RestServer& rest);
    void addIncomeRoute(RestServer& rest);

    const MarketReplay& m_market;
    FaultPlan* m_faults = nullptr;
    MatchingEngine m_engine;
    UserDataStreams* m_streams;                      // child
    std::optional<core::MarkPriceUpdate> m_lastMark; // as sent on the markPrice stream
    FundingClock m_funding;
    QTimer m_clock;
};

} // namespace hoga::sim
