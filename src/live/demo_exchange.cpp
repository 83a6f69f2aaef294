#include "demo_exchange.h"

#include "sim/exchange_simulator.h"

#include <QCoreApplication>
#include <QDateTime>
#include <QDir>
#include <QFileInfo>

namespace hoga::live {

namespace {
const char* kRecordingName = "hftbacktest_usdm_btcusdt_20240808.gz";
}

DemoExchange::DemoExchange(DemoExchangeOptions options) : m_options(std::move(options)) {
    m_thread.setObjectName(QStringLiteral("demo-exchange"));
}

DemoExchange::~DemoExchange() {
    stop();
}

std::string DemoExchange::bundledRecording() {
    const QString name = QString::fromLatin1(kRecordingName);
    const QDir appDir(QCoreApplication::applicationDirPath());
    const QStringList candidates = {
        appDir.filePath(QStringLiteral("../share/hoga/recordings/") + name),
        QStringLiteral(HOGA_SOURCE_RECORDINGS "/") + name,
    };
    for (const QString& c : candidates) {
        if (QFileInfo::exists(c)) {
            return QFileInfo(c).absoluteFilePath().toStdString();
        }
    }
    return candidates.back().toStdString();
}

bool DemoExchange::start(QString& error) {
    sim::SimulatorOptions options;
    options.recordings = m_options.recordings.empty() ? std::vector<std::string>{bundledRecording()}
                                                      : m_options.recordings;
    options.replay.speed = m_options.speed;
    options.replay.loop = true;
    m_thread.start();
    bool ok = false;
    // Created and started on its own thread, so its timers and sockets live there.
    m_context = new QObject;
    m_context->moveToThread(&m_thread);
    QMetaObject::invokeMethod(
        m_context,
        [&] {
            m_simulator = new sim::ExchangeSimulator(options);
            m_simulator->setLiveTimes(QDateTime::currentMSecsSinceEpoch());
            ok = m_simulator->start(error);
            if (ok) {
                m_restUrl = m_simulator->restUrl();
                m_wsUrl = m_simulator->wsUrl();
            }
        },
        Qt::BlockingQueuedConnection);
    if (!ok) {
        stop();
    }
    return ok;
}

void DemoExchange::stop() {
    if (!m_thread.isRunning()) {
        return;
    }
    sim::ExchangeSimulator* simulator = m_simulator;
    QObject* context = m_context;
    QMetaObject::invokeMethod(
        m_context,
        [simulator, context] {
            delete simulator;
            delete context;
        },
        Qt::BlockingQueuedConnection);
    m_simulator = nullptr;
    m_context = nullptr;
    m_thread.quit();
    m_thread.wait();
}

} // namespace hoga::live
