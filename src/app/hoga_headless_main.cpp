// hoga-headless: 24/7 paper trading on a live market feed (src/live/live_trader.h).
#include "app/headless_options.h"
#include "platform/logging.h"
#include "storage/sqlite_journal.h"

#include <QCoreApplication>
#include <QTimer>

#include <fmt/format.h>

#include <atomic>
#include <csignal>
#include <iostream>

namespace {

std::atomic<int> g_signal{0};

void onSignal(int signal) {
    g_signal = signal;
}

} // namespace

int main(int argc, char** argv) {
    QCoreApplication app(argc, argv);
    const std::vector<std::string> args(argv + 1, argv + argc);
    hoga::app::HeadlessOptions options;
    std::string error;
    if (!hoga::app::parseHeadlessOptions(args, options, error)) {
        if (error.empty()) {
            std::cout << hoga::app::headlessUsage();
            return 0;
        }
        std::cerr << "hoga-headless: " << error << "\n" << hoga::app::headlessUsage();
        return 2;
    }
    hoga::platform::LogOptions logOptions;
    logOptions.level = options.logLevel;
    logOptions.filePath = options.logFile;
    hoga::platform::initLogging(logOptions);
    options.trader.codeVersion = HOGA_VERSION;
    options.trader.stationSnapshots = false; // nobody shows them

    hoga::live::LiveTrader trader(options.trader);
    int exitCode = 0;
    QObject::connect(&trader, &hoga::live::LiveTrader::failed, &app, [&](const QString& why) {
        std::cerr << "hoga-headless: " << why.toStdString() << "\n";
        exitCode = 1;
        app.quit();
    });
    QObject::connect(&trader, &hoga::live::LiveTrader::started, &app, [&] {
        std::cout << fmt::format(
                         "{{\"run\":\"{}\",\"mode\":\"{}\",\"ws\":\"{}\",\"rest\":\"{}\"{}}}",
                         trader.runId(), options.trader.mode,
                         options.trader.feed.wsBase.toString().toStdString(),
                         options.trader.feed.restBase.toString().toStdString(),
                         options.trader.metricsPort >= 0
                             ? fmt::format(",\"metrics\":\"http://127.0.0.1:{}/metrics\"",
                                           trader.metricsPort())
                             : std::string())
                  << std::endl;
    });

    std::signal(SIGINT, onSignal);
    std::signal(SIGTERM, onSignal);
    QTimer signalPoll;
    QObject::connect(&signalPoll, &QTimer::timeout, &app, [&app] {
        if (g_signal != 0) {
            app.quit();
        }
    });
    signalPoll.start(50);
    if (options.runForSeconds > 0) {
        QTimer::singleShot(static_cast<int>(options.runForSeconds * 1000), &app,
                           &QCoreApplication::quit);
    }
    QTimer::singleShot(0, &trader, &hoga::live::LiveTrader::start);
    app.exec();

    trader.stop(options.flattenOnExit);
    if (exitCode == 0 && trader.session()) {
        const auto s = trader.session()->status();
        const auto journal = trader.journal();
        std::cout << fmt::format(
                         "{{\"stopped\":\"{}\",\"events\":{},\"orders\":{},\"round_trips\":{},"
                         "\"net_pnl\":\"{:.8f}\",\"position\":\"{}\",\"position_lots\":{},"
                         "\"journal_records\":{},\"journal_errors\":{}}}",
                         g_signal != 0 ? "signal" : "timer", s.events, s.engine.ordersSent,
                         s.engine.roundTrips, static_cast<double>(s.engine.netPnl.e8) / 1e8,
                         hoga::core::positionSideName(s.position.side), s.position.qty.lots,
                         journal ? journal->recordsWritten() : 0,
                         journal ? journal->errorCount() : 0)
                  << std::endl;
    }
    hoga::platform::shutdownLogging();
    return exitCode;
}
