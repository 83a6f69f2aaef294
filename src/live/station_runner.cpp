#include "station_runner.h"

#include "platform/logging.h"

namespace hoga::live {

QString stationModeLabel(StationMode mode) {
    switch (mode) {
    case StationMode::Demo:
        return QStringLiteral("REPLAY · DEMO");
    case StationMode::Paper:
        return QStringLiteral("PAPER");
    case StationMode::Testnet:
        return QStringLiteral("TESTNET");
    case StationMode::Live:
        return QStringLiteral("LIVE");
    }
    return QStringLiteral("?");
}

StationRunner::StationRunner(StationOptions options, QObject* parent)
    : QObject(parent), m_options(std::move(options)) {
    m_io.setObjectName(QStringLiteral("feed-io"));
}

StationRunner::~StationRunner() {
    stop(false);
}

void StationRunner::start() {
    if (m_trader || m_stopped) {
        return;
    }
    if (m_options.mode == StationMode::Testnet || m_options.mode == StationMode::Live) {
        Q_EMIT failed(tr("%1 trading needs the signed order gateway, which this build does not "
                         "have yet. Use the demo or paper mode.")
                          .arg(stationModeLabel(m_options.mode)));
        return;
    }
    if (m_options.mode == StationMode::Demo) {
        m_demo = std::make_unique<DemoExchange>(m_options.demo);
        QString error;
        if (!m_demo->start(error)) {
            Q_EMIT failed(tr("The demo exchange did not start: %1").arg(error));
            return;
        }
        m_options.trader.feed.wsBase = QUrl(m_demo->wsUrl());
        m_options.trader.feed.restBase = QUrl(m_demo->restUrl());
        m_options.trader.feed.depthSpeed = QStringLiteral("0ms"); // what the recording has
    }
    m_io.start();
    m_trader = new LiveTrader(m_options.trader);
    m_trader->moveToThread(&m_io);
    connect(m_trader, &LiveTrader::started, this, [this] {
        m_session = m_trader->session();
        Q_EMIT started();
    });
    connect(m_trader, &LiveTrader::failed, this, &StationRunner::failed);
    QMetaObject::invokeMethod(m_trader, &LiveTrader::start, Qt::QueuedConnection);
}

LiveMetrics StationRunner::metrics() const {
    return m_session ? m_trader->metrics() : LiveMetrics{};
}

void StationRunner::stop(bool flatten) {
    if (m_stopped) {
        return;
    }
    m_stopped = true;
    if (m_trader) {
        LiveTrader* trader = m_trader;
        m_session = nullptr;
        // Stopped and destroyed on its own thread: its sockets and timers live there.
        QMetaObject::invokeMethod(
            trader,
            [trader, flatten] {
                trader->stop(flatten);
                delete trader;
            },
            Qt::BlockingQueuedConnection);
        m_trader = nullptr;
    }
    m_io.quit();
    m_io.wait();
    if (m_demo) {
        m_demo->stop();
    }
    platform::logger("live")->info("station stopped");
}

} // namespace hoga::live
