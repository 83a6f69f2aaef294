#include "exchange_simulator.h"

#include "binance/event_tape.h"
#include "sim/api_support.h"
#include "sim/state_file.h"

#include <iostream>

namespace hoga::sim {

ExchangeSimulator::ExchangeSimulator(SimulatorOptions options, QObject* parent)
    : QObject(parent), m_options(std::move(options)) {
    m_timer.setSingleShot(true);
    m_timer.setTimerType(Qt::PreciseTimer);
    connect(&m_timer, &QTimer::timeout, this, &ExchangeSimulator::tick);
}

ExchangeSimulator::~ExchangeSimulator() = default;

bool ExchangeSimulator::start(QString& error) {
    const core::InstrumentSpec spec = core::InstrumentSpec::btcusdtDefaults();
    binance::EventTape tape = binance::decodeTape(m_options.recordings, spec);
    if (!tape.error.empty()) {
        error = QString::fromStdString(tape.error);
        return false;
    }
    if (tape.entries.empty()) {
        error = QStringLiteral("the recordings hold no market events");
        return false;
    }
    if (m_liveTimesAtMs >= 0) {
        // Emission starts where the simulator's book syncs, right around the recording's first
        // depth snapshot, not at its first line: that moment is "now", so that event times match
        // the wall clock and clients measure a real exchange-to-receive lag.
        std::int64_t startMs = tape.firstTimeMs;
        for (const binance::EventTape::Entry& entry : tape.entries) {
            if (entry.kind == binance::EventTape::Kind::Snapshot) {
                startMs = entry.timeMs;
                break;
            }
        }
        m_options.replay.timeShiftMs = m_liveTimesAtMs - startMs;
    }
    m_market = std::make_unique<MarketReplay>(std::move(tape), spec, m_options.replay);
    std::string why;
    if (!m_market->prepare(why)) {
        error = QString::fromStdString(why);
        return false;
    }
    m_streams = std::make_unique<StreamServer>(QString::fromStdString(spec.symbol),
                                               m_options.streams, this);
    m_rest = std::make_unique<RestServer>(*m_market, this);
    m_rest->limits().setOptions(m_options.limits);
    m_trading = std::make_unique<TradingApi>(
        *m_rest, *m_market,
        m_options.accounts.empty() ? std::vector<AccountConfig>{demoAccount()} : m_options.accounts,
        m_options.trading, this);
    if (!m_options.statePath.isEmpty() &&
        !loadTradingState(m_options.statePath, m_trading->engine(), m_stateLoaded, error)) {
        error = QStringLiteral("--state: ") + error;
        return false;
    }
    m_streams->setConnectionFilter([this](QWebSocket* socket, const QString& path) {
        return m_trading->acceptUserStream(socket, path);
    });
    m_faults = std::make_unique<FaultControl>(*m_streams, this);
    m_faults->attach(*m_rest);
    m_trading->setFaultPlan(&m_faults->plan());
    if (!m_faults->apply(m_options.faults, why)) {
        error = QStringLiteral("--faults: ") + QString::fromStdString(why);
        return false;
    }
    if (!m_streams->listen(m_options.host, m_options.wsPort, error) ||
        !m_rest->listen(m_options.host, m_options.restPort, error)) {
        return false;
    }
    if (!m_options.statePath.isEmpty() && m_options.stateSaveMs > 0) {
        // A failed periodic save is reported and counted; the next one tries again, and the file
        // keeps the last state that was written whole.
        connect(&m_stateTimer, &QTimer::timeout, this, [this] {
            QString failure;
            if (!saveState(failure)) {
                ++m_stateSaveFailures;
                std::cerr << "hoga-exchange-sim: saving the state failed: " << failure.toStdString()
                          << "\n";
            }
        });
        m_stateTimer.start(
            static_cast<int>(std::min<std::int64_t>(m_options.stateSaveMs, 24LL * 3600 * 1000)));
    }
    m_clock.start();
    schedule();
    return true;
}

bool ExchangeSimulator::saveState(QString& error) {
    if (m_options.statePath.isEmpty() || !m_trading) {
        return true;
    }
    return saveTradingState(m_options.statePath, m_trading->engine(), wallClockMs(), error);
}

QString ExchangeSimulator::restUrl() const {
    return QStringLiteral("http://%1:%2").arg(m_options.host.toString()).arg(m_rest->port());
}

QString ExchangeSimulator::wsUrl() const {
    return QStringLiteral("ws://%1:%2").arg(m_options.host.toString()).arg(m_streams->port());
}

void ExchangeSimulator::pause() {
    if (m_pausedAtNs < 0) {
        m_pausedAtNs = m_clock.nsecsElapsed();
        m_timer.stop();
    }
}

void ExchangeSimulator::resume() {
    if (m_pausedAtNs >= 0) {
        m_offsetNs += m_clock.nsecsElapsed() - m_pausedAtNs;
        m_pausedAtNs = -1;
        schedule();
    }
}

void ExchangeSimulator::tick() {
    if (m_pausedAtNs >= 0) {
        return;
    }
    const qint64 elapsed = m_clock.nsecsElapsed() - m_offsetNs;
    m_market->emitDue(elapsed, [this](StreamKind kind, std::string_view stream,
                                      const std::string& payload, const MarketValues& values) {
        m_streams->publish(kind, stream, payload);
        m_trading->onMarketEvent(kind, values);
    });
    schedule();
}

void ExchangeSimulator::schedule() {
    const qint64 due = m_market->nextDueNs();
    if (due < 0) {
        Q_EMIT replayFinished();
        return;
    }
    const qint64 elapsed = m_clock.nsecsElapsed() - m_offsetNs;
    // Rounded up: QTimer counts whole milliseconds, and rounding down turned every wait under
    // 1 ms into a zero timer that spun the thread until the event was due (at 10x that was most
    // of a core, taken from the client under test). Events go out at most 1 ms late instead.
    const qint64 waitMs = due > elapsed ? (due - elapsed + 999'999) / 1'000'000 : 0;
    m_timer.start(static_cast<int>(std::min<qint64>(waitMs, 1000)));
}

} // namespace hoga::sim
