#pragma once

// The offline demo's market: hoga-exchange-sim's ExchangeSimulator in this process, on its own
// thread and on loopback ports the OS picks, replaying the bundled real recording in a loop with
// event times moved to the present. Hoga then connects to it through its real feed, exactly as it
// would to Binance — the demo exercises the live code paths, it does not bypass them.

#include <QObject>
#include <QString>
#include <QThread>

#include <memory>
#include <string>
#include <vector>

namespace hoga::sim {
class ExchangeSimulator;
}

namespace hoga::live {

struct DemoExchangeOptions {
    std::vector<std::string> recordings;
    double speed = 1.0;
};

class DemoExchange {
public:
    explicit DemoExchange(DemoExchangeOptions options);
    ~DemoExchange(); // stop()

    // Starts the simulator on its thread and waits until it listens. False with `error`.
    bool start(QString& error);
    void stop();

    [[nodiscard]] QString restUrl() const { return m_restUrl; }
    [[nodiscard]] QString wsUrl() const { return m_wsUrl; }

    // Where the bundled recording is: next to the executable when installed
    // (../share/hoga/recordings), else the source tree's resources/recordings.
    static std::string bundledRecording();

private:
    DemoExchangeOptions m_options;
    QThread m_thread;
    QObject* m_context = nullptr;                  // lives on m_thread: runs calls there
    sim::ExchangeSimulator* m_simulator = nullptr; // lives on m_thread
    QString m_restUrl, m_wsUrl;
};

} // namespace hoga::live
