#pragma once

// hoga-exchange-sim's core: a recorded market replayed on a clock and served over Binance's
// WebSocket and REST protocols on loopback. It is a product component — the offline demo runs on
// it — not a test double: clients use their real Binance code against it.

#include "sim/fault_control.h"
#include "sim/market_replay.h"
#include "sim/rest_server.h"
#include "sim/stream_server.h"
#include "sim/trading_api.h"

#include <QElapsedTimer>
#include <QHostAddress>
#include <QObject>
#include <QTimer>

#include <memory>

namespace hoga::sim {

struct SimulatorOptions {
    std::vector<std::string> recordings;
    QHostAddress host = QHostAddress::LocalHost;
    quint16 restPort = 0; // 0: any free port
    quint16 wsPort = 0;
    ReplayOptions replay;
    StreamServerOptions streams;
    std::string faults;                  // a FaultPlan SPEC applied at start (sim/fault_plan.h)
    std::vector<AccountConfig> accounts; // empty: the demo account (sim/accounts.h)
    TradingOptions trading;
    RequestLimitOptions limits;
    // --state FILE: the trading state is loaded from it at start (when it exists) and saved to
    // it every `stateSaveMs` and by saveState() (sim/state_file.h). Empty: nothing is kept.
    QString statePath;
    std::int64_t stateSaveMs = 10'000;
};

class ExchangeSimulator : public QObject {
    Q_OBJECT
public:
    explicit ExchangeSimulator(SimulatorOptions options, QObject* parent = nullptr);
    ~ExchangeSimulator() override;

    // Loads the recordings, syncs the book, opens both ports and starts the clock.
    bool start(QString& error);
    void pause();
    void resume();
    // Before start(): shift all exchange timestamps so that the first event happens at `nowMs`.
    void setLiveTimes(qint64 nowMs) { m_liveTimesAtMs = nowMs; }
    // Writes the trading state to the --state file now (atomically); true without one.
    bool saveState(QString& error);
    [[nodiscard]] bool stateLoaded() const { return m_stateLoaded; }
    [[nodiscard]] qint64 stateSaveFailures() const { return m_stateSaveFailures; }

    [[nodiscard]] QString restUrl() const;
    [[nodiscard]] QString wsUrl() const;
    [[nodiscard]] const MarketReplay& market() const { return *m_market; }
    [[nodiscard]] StreamServer& streams() { return *m_streams; }
    [[nodiscard]] FaultControl& faults() { return *m_faults; }
    [[nodiscard]] TradingApi& trading() { return *m_trading; }

Q_SIGNALS:
    void replayFinished();

private:
    void tick();
    void schedule();

    SimulatorOptions m_options;
    std::unique_ptr<MarketReplay> m_market;
    std::unique_ptr<StreamServer> m_streams;
    std::unique_ptr<RestServer> m_rest;
    std::unique_ptr<FaultControl> m_faults; // after the servers: it refers to them
    std::unique_ptr<TradingApi> m_trading;  // after the servers and the market: it uses them
    QElapsedTimer m_clock;
    qint64 m_pausedAtNs = -1;
    qint64 m_offsetNs = 0; // time spent paused
    qint64 m_liveTimesAtMs = -1;
    QTimer m_timer;
    QTimer m_stateTimer;
    bool m_stateLoaded = false;
    qint64 m_stateSaveFailures = 0;
};

} // namespace hoga::sim
