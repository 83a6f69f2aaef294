#pragma once

// The desktop station's trading session: a LiveTrader on an I/O thread of its own (so neither the
// feed's parsing nor its sockets ever wait for the GUI), and in demo mode the in-process exchange
// simulator on a third thread. The GUI thread owns this object, reads snapshots and metrics, and
// sends commands (start/stop entries, flatten, apply parameters) that are queued to the engine.

#include "live/demo_exchange.h"
#include "live/live_trader.h"

#include <QObject>
#include <QThread>

#include <memory>
#include <optional>

namespace hoga::live {

enum class StationMode : std::uint8_t { Demo, Paper, Testnet, Live };
QString stationModeLabel(StationMode mode); // "REPLAY · DEMO", "PAPER", "TESTNET", "LIVE"

struct StationOptions {
    StationMode mode = StationMode::Demo;
    LiveTraderOptions trader; // demo: feed URLs are filled in with the simulator's
    DemoExchangeOptions demo;
};

class StationRunner : public QObject {
    Q_OBJECT
public:
    explicit StationRunner(StationOptions options, QObject* parent = nullptr);
    ~StationRunner() override; // stop(false)

    void start();
    // Stops entries, lets the engine finish what it received, flattens if asked, flushes the
    // journal; blocks until done. Idempotent.
    void stop(bool flatten);

    // After started(), until stop(): the engine thread's session (snapshots, commands).
    [[nodiscard]] LiveSession* session() const { return m_session; }
    [[nodiscard]] LiveMetrics metrics() const;
    [[nodiscard]] StationMode mode() const { return m_options.mode; }
    [[nodiscard]] const StationOptions& options() const { return m_options; }
    [[nodiscard]] bool running() const { return m_session != nullptr; }

Q_SIGNALS:
    void started();
    void failed(const QString& error);

private:
    StationOptions m_options;
    std::unique_ptr<DemoExchange> m_demo;
    QThread m_io;
    LiveTrader* m_trader = nullptr; // lives on m_io
    LiveSession* m_session = nullptr;
    bool m_stopped = false;
};

} // namespace hoga::live
