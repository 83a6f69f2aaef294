// live_latency: how long from a WebSocket frame's arrival to the engine's decision, and for
// entries to the order reaching the gateway, with the whole live path of hoga-headless
// (live::LiveTrader: feed on this thread, engine on its own, journal on its own) against
// hoga-exchange-sim in a separate process replaying the 2024-08-08 recording on loopback.
// Prints one JSON line with p50/p99/p99.9/max in µs and the counts.
//   live_latency [--speed 10] [--seconds 30] [--preset demo|default] [--sim PATH] [recording.gz]
#include "live/live_trader.h"
#include "platform/logging.h"

#include <QCoreApplication>
#include <QFile>
#include <QJsonDocument>
#include <QJsonObject>
#include <QProcess>
#include <QTemporaryDir>
#include <QTimer>

#include <fmt/format.h>

#include <iostream>

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

std::string figures(const hoga::platform::LatencyHistogramSnapshot& h) {
    const auto us = [](std::int64_t ns) { return static_cast<double>(ns) / 1000.0; };
    return fmt::format(
        R"({{"n":{},"p50_us":{:.1f},"p99_us":{:.1f},"p999_us":{:.1f},"max_us":{:.1f}}})", h.count,
        us(h.percentile(50)), us(h.percentile(99)), us(h.percentile(99.9)), us(h.maxNs));
}

} // namespace

int main(int argc, char** argv) {
    QCoreApplication app(argc, argv);
    hoga::platform::LogOptions logOptions;
    logOptions.level = "warn";
    hoga::platform::initLogging(logOptions);

    double speed = 10;
    double seconds = 30;
    QString preset = QStringLiteral("demo");
    QString simPath = QStringLiteral(HOGA_EXCHANGE_SIM);
    QString recording = QStringLiteral(HOGA_RECORDINGS "/hftbacktest_usdm_btcusdt_20240808.gz");
    const QStringList args = app.arguments().mid(1);
    for (int i = 0; i < args.size(); ++i) {
        const QString& a = args[i];
        const bool hasValue = i + 1 < args.size();
        if (a == QStringLiteral("--speed") && hasValue) {
            speed = args[++i].toDouble();
        } else if (a == QStringLiteral("--seconds") && hasValue) {
            seconds = args[++i].toDouble();
        } else if (a == QStringLiteral("--preset") && hasValue) {
            preset = args[++i];
        } else if (a == QStringLiteral("--sim") && hasValue) {
            simPath = args[++i];
        } else if (!a.startsWith(QStringLiteral("--"))) {
            recording = a;
        } else {
            std::cerr << "usage: live_latency [--speed 10] [--seconds 30] [--preset demo|default] "
                         "[--sim PATH] [recording.gz]\n";
            return 2;
        }
    }

    QProcess simulator;
    simulator.setProcessChannelMode(QProcess::ForwardedErrorChannel);
    simulator.start(simPath, {QStringLiteral("--replay"), recording, QStringLiteral("--speed"),
                              QString::number(speed), QStringLiteral("--loop"),
                              QStringLiteral("--live-times")});
    if (!simulator.waitForReadyRead(20000)) {
        std::cerr << "live_latency: the simulator did not start\n";
        return 1;
    }
    const QJsonObject urls = QJsonDocument::fromJson(simulator.readLine()).object();

    QTemporaryDir dir;
    hoga::live::LiveTraderOptions options;
    options.feed.wsBase = QUrl(urls.value(QStringLiteral("ws")).toString());
    options.feed.restBase = QUrl(urls.value(QStringLiteral("rest")).toString());
    options.feed.depthSpeed = QStringLiteral("0ms");
    options.params = preset == QStringLiteral("default") ? hoga::core::StrategyParams::defaults()
                                                         : hoga::core::StrategyParams::demo();
    options.journalPath = dir.filePath(QStringLiteral("bench.sqlite")).toStdString();
    options.metricsLogIntervalMs = 0;
    options.stationSnapshots = false; // as hoga-headless
    hoga::live::LiveTrader trader(options);
    int code = 0;
    QObject::connect(&trader, &hoga::live::LiveTrader::failed, &app, [&](const QString& why) {
        std::cerr << "live_latency: " << why.toStdString() << "\n";
        code = 1;
        app.quit();
    });
    QTimer::singleShot(0, &trader, &hoga::live::LiveTrader::start);
    QTimer::singleShot(static_cast<int>(seconds * 1000), &app, &QCoreApplication::quit);
    app.exec();
    const hoga::live::LiveMetrics m = trader.metrics();
    trader.stop(false);
    simulator.terminate();
    simulator.waitForFinished(5000);
    if (code != 0) {
        return code;
    }
    std::cout << fmt::format(R"({{"speed":{},"seconds":{},"preset":"{}","events":{},"decision":{},)"
                             R"("queue_wait":{},"entry":{},"exit":{},"exchange_lag":{},)"
                             R"("queue_max_depth":{},"reconnects":{},"gaps":{},"peak_rss_kb":{}}})",
                             speed, seconds, preset.toStdString(), m.status.events,
                             figures(m.latencies.decision), figures(m.latencies.queueWait),
                             figures(m.latencies.entries), figures(m.latencies.exits),
                             figures(m.exchangeLag), m.status.queueMaxDepth, m.feed.reconnects,
                             m.status.sync.gaps, peakRssKb())
              << std::endl;
    hoga::platform::shutdownLogging();
    return 0;
}
