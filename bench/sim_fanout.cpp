// hoga-sim-fanout: can the exchange simulator keep up with a fast replay to several clients?
// Runs the simulator on this thread and N WebSocket clients (combined depth@0ms + trade +
// bookTicker) on another, for a fixed wall time, then prints one JSON line: the lag between each
// event's due time and the tick that sent it (p50/p99/max), messages received per client and in
// total per second, loops completed, and the process's peak RSS (VmHWM; clients included).
//   sim_fanout [--speed 100] [--clients 4] [--seconds 10] [--loop] [recording.gz]
#include "platform/logging.h"
#include "sim/exchange_simulator.h"

#include <QCoreApplication>
#include <QElapsedTimer>
#include <QFile>
#include <QThread>
#include <QTimer>

#include <QtWebSockets/QWebSocket>

#include <atomic>
#include <iostream>
#include <memory>
#include <vector>

namespace {
long peakRssKb() {
    QFile status(QStringLiteral("/proc/self/status"));
    if (!status.open(QIODevice::ReadOnly)) {
        return -1;
    }
    for (const QByteArray& line : status.readAll().split('\n')) {
        if (line.startsWith("VmHWM:")) {
            return line.mid(6).trimmed().split(' ').first().toLong();
        }
    }
    return -1;
}
} // namespace

int main(int argc, char** argv) {
    QCoreApplication app(argc, argv);
    hoga::platform::LogOptions logOptions;
    logOptions.level = "warn";
    hoga::platform::initLogging(logOptions);
    hoga::sim::SimulatorOptions options;
    options.replay.speed = 100;
    int clients = 4;
    double seconds = 10;
    const QStringList args = app.arguments().mid(1);
    for (int i = 0; i < args.size(); ++i) {
        if (args[i] == QStringLiteral("--speed") && i + 1 < args.size()) {
            options.replay.speed = args[++i].toDouble();
        } else if (args[i] == QStringLiteral("--clients") && i + 1 < args.size()) {
            clients = args[++i].toInt();
        } else if (args[i] == QStringLiteral("--seconds") && i + 1 < args.size()) {
            seconds = args[++i].toDouble();
        } else if (args[i] == QStringLiteral("--loop")) {
            options.replay.loop = true;
        } else {
            options.recordings.push_back(args[i].toStdString());
        }
    }
    if (options.recordings.empty()) {
        options.recordings = {std::string(HOGA_RECORDINGS) +
                              "/hftbacktest_usdm_btcusdt_20240808.gz"};
    }
    hoga::sim::ExchangeSimulator simulator(options);
    QString error;
    if (!simulator.start(error)) {
        std::cerr << "sim_fanout: " << error.toStdString() << "\n";
        return 1;
    }
    simulator.pause(); // the clock runs once every client is connected

    QThread clientThread;
    clientThread.start();
    QObject host; // lives on the client thread; parent of the sockets
    host.moveToThread(&clientThread);
    std::vector<std::atomic<std::int64_t>> received(static_cast<std::size_t>(clients));
    std::atomic<int> connected{0};
    const QUrl url(
        simulator.wsUrl() +
        QStringLiteral("/stream?streams=btcusdt@depth@0ms/btcusdt@trade/btcusdt@bookTicker"));
    QMetaObject::invokeMethod(&host, [&] {
        for (int c = 0; c < clients; ++c) {
            auto* socket = new QWebSocket(QString(), QWebSocketProtocol::VersionLatest, &host);
            auto& counter = received[static_cast<std::size_t>(c)];
            QObject::connect(socket, &QWebSocket::textMessageReceived,
                             [&counter](const QString&) { ++counter; });
            QObject::connect(socket, &QWebSocket::connected, [&connected] { ++connected; });
            socket->open(url);
        }
    });
    QElapsedTimer wait;
    wait.start();
    while (connected < clients && wait.elapsed() < 5000) {
        QCoreApplication::processEvents(QEventLoop::AllEvents, 10);
    }
    QElapsedTimer clock;
    clock.start();
    simulator.resume();
    QTimer::singleShot(static_cast<int>(seconds * 1000), &app, &QCoreApplication::quit);
    if (!options.replay.loop) {
        QObject::connect(&simulator, &hoga::sim::ExchangeSimulator::replayFinished, &app, [&app] {
            QTimer::singleShot(500, &app, &QCoreApplication::quit); // let the tail arrive
        });
    }
    app.exec();
    const double elapsed = static_cast<double>(clock.nsecsElapsed()) / 1e9;
    QMetaObject::invokeMethod(
        &host, [&host] { qDeleteAll(host.children()); }, Qt::BlockingQueuedConnection);
    clientThread.quit();
    clientThread.wait();

    const auto& lag = simulator.market().lag();
    std::int64_t total = 0;
    std::cout << "{\"speed\":" << options.replay.speed << ",\"clients\":" << clients
              << ",\"seconds\":" << elapsed << ",\"events\":" << simulator.market().eventsSent()
              << ",\"loops\":" << simulator.market().loopsCompleted() << ",\"received\":[";
    for (int c = 0; c < clients; ++c) {
        total += received[static_cast<std::size_t>(c)];
        std::cout << (c ? "," : "") << received[static_cast<std::size_t>(c)];
    }
    std::cout << "],\"framesSent\":" << simulator.streams().framesSent()
              << ",\"receivedPerSecond\":"
              << static_cast<std::int64_t>(static_cast<double>(total) / elapsed)
              << ",\"lagUs\":{\"p50\":" << lag.quantileUs(0.5)
              << ",\"p99\":" << lag.quantileUs(0.99) << ",\"max\":" << lag.maxNs / 1000
              << "},\"peakRssKb\":" << peakRssKb() << "}" << std::endl;
    hoga::platform::shutdownLogging();
    return 0;
}
