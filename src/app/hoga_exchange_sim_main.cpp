// hoga-exchange-sim: serves a recorded BTCUSDT market over Binance's protocols on loopback.
#include "platform/logging.h"
#include "sim/exchange_simulator.h"

#include <QCoreApplication>
#include <QDateTime>
#include <QTimer>

#include <atomic>
#include <csignal>
#include <cstdio>
#include <iostream>
#include <string>

namespace {

std::atomic<bool> g_stop{false};

void onSignal(int) {
    g_stop = true;
}

const char* kUsage =
    "usage: hoga-exchange-sim --replay FILE... [--host 127.0.0.1] [--port 0] [--ws-port 0]\n"
    "                         [--speed 1] [--live-times] [--ping-interval-ms 180000]\n"
    "                         [--allow-remote] [--loop] [--loop-window-s S]\n"
    "                         [--connection-lifetime-s 86400] [--faults SPEC]\n"
    "                         [--accounts FILE] [--account KEY:SECRET:BALANCE]...\n"
    "                         [--state FILE] [--state-save-s 10] [--funding-interval-s S]\n"
    "Replays Binance USD-M recordings as a live market: WebSocket streams (/ws/…, "
    "/stream?streams=…)\n"
    "and REST (/fapi/v1/ping, time, exchangeInfo, depth). Prints its URLs as one JSON line.\n"
    "--loop replays the recording (or its first S seconds) forever with increasing ids and times.\n"
    "--faults injects faults (see src/sim/fault_plan.h); also at run time: POST/GET/DELETE\n"
    "/sim/faults on the REST port (a simulator control endpoint, not a Binance one).\n"
    "--accounts FILE: trading accounts, [{\"apiKey\":…,\"secretKey\":…,\"balance\":\"10000\"}];\n"
    "--account KEY:SECRET:BALANCE (repeatable) adds an account; with neither option one demo\n"
    "account (key and secret documented in src/sim/accounts.cpp). Keys are never printed.\n"
    "--state FILE: accounts, positions, open orders, income and id counters are loaded from FILE\n"
    "at start (if it exists) and saved to it every --state-save-s seconds and on SIGINT/SIGTERM.\n"
    "--funding-interval-s S: funding times every S seconds instead of every 8 hours.\n";

} // namespace

int main(int argc, char** argv) {
    QCoreApplication app(argc, argv);
    hoga::platform::LogOptions logOptions;
    logOptions.level = "warn";
    hoga::platform::initLogging(logOptions);

    hoga::sim::SimulatorOptions options;
    bool liveTimes = false;
    bool allowRemote = false;
    const QStringList args = app.arguments().mid(1);
    for (int i = 0; i < args.size(); ++i) {
        const QString& a = args[i];
        const auto value = [&]() -> QString {
            if (i + 1 >= args.size()) {
                std::cerr << "hoga-exchange-sim: " << a.toStdString() << " needs a value\n"
                          << kUsage;
                std::exit(2);
            }
            return args[++i];
        };
        bool ok = true;
        if (a == QStringLiteral("--replay")) {
            while (i + 1 < args.size() && !args[i + 1].startsWith(QStringLiteral("--"))) {
                options.recordings.push_back(args[++i].toStdString());
            }
        } else if (a == QStringLiteral("--host")) {
            ok = options.host.setAddress(value());
        } else if (a == QStringLiteral("--port")) {
            options.restPort = value().toUShort(&ok);
        } else if (a == QStringLiteral("--ws-port")) {
            options.wsPort = value().toUShort(&ok);
        } else if (a == QStringLiteral("--speed")) {
            options.replay.speed = value().toDouble(&ok);
            ok = ok && options.replay.speed > 0 && options.replay.speed <= 10000;
        } else if (a == QStringLiteral("--ping-interval-ms")) {
            options.streams.pingIntervalMs = value().toInt(&ok);
            ok = ok && options.streams.pingIntervalMs >= 100;
        } else if (a == QStringLiteral("--loop")) {
            options.replay.loop = true;
        } else if (a == QStringLiteral("--loop-window-s")) {
            options.replay.loopWindowMs = static_cast<qint64>(value().toDouble(&ok) * 1000);
            ok = ok && options.replay.loopWindowMs > 0;
        } else if (a == QStringLiteral("--connection-lifetime-s")) {
            options.streams.connectionLifetimeMs =
                static_cast<qint64>(value().toDouble(&ok) * 1000);
            ok = ok && options.streams.connectionLifetimeMs > 0;
        } else if (a == QStringLiteral("--faults")) {
            options.faults = value().toStdString();
        } else if (a == QStringLiteral("--accounts") || a == QStringLiteral("--account")) {
            // A file [{"apiKey":…,"secretKey":…,"balance":"10000"}] or one KEY:SECRET:BALANCE;
            // without either, the demo account of sim/accounts.cpp. Keys are never printed.
            QString why;
            std::vector<hoga::sim::AccountConfig> more(1);
            ok = a == QStringLiteral("--accounts")
                     ? hoga::sim::loadAccounts(value(), more, why)
                     : hoga::sim::parseAccountFlag(value(), more.front(), why);
            ok = ok && hoga::sim::addAccounts(options.accounts, std::move(more), why);
            if (!ok) {
                std::cerr << "hoga-exchange-sim: " << a.toStdString() << ": " << why.toStdString()
                          << "\n";
                return 2;
            }
        } else if (a == QStringLiteral("--state")) {
            options.statePath = value();
        } else if (a == QStringLiteral("--state-save-s")) {
            options.stateSaveMs = static_cast<std::int64_t>(value().toDouble(&ok) * 1000);
            ok = ok && options.stateSaveMs >= 100;
        } else if (a == QStringLiteral("--funding-interval-s")) {
            options.replay.fundingIntervalMs =
                static_cast<std::int64_t>(value().toDouble(&ok) * 1000);
            ok = ok && options.replay.fundingIntervalMs >= 1000;
        } else if (a == QStringLiteral("--live-times")) {
            liveTimes = true;
        } else if (a == QStringLiteral("--allow-remote")) {
            allowRemote = true;
        } else if (a == QStringLiteral("-h") || a == QStringLiteral("--help")) {
            std::cout << kUsage;
            return 0;
        } else {
            ok = false;
        }
        if (!ok) {
            std::cerr << "hoga-exchange-sim: bad argument " << a.toStdString() << "\n" << kUsage;
            return 2;
        }
    }
    if (options.recordings.empty()) {
        std::cerr << "hoga-exchange-sim: no --replay FILE given\n" << kUsage;
        return 2;
    }
    if (!options.host.isLoopback() && !allowRemote) {
        std::cerr
            << "hoga-exchange-sim: " << options.host.toString().toStdString()
            << " is not a loopback address; add --allow-remote to listen beyond this machine\n";
        return 2;
    }

    hoga::sim::ExchangeSimulator simulator(options);
    if (liveTimes) {
        // Shift the recording so that its first event is "now": clients see a live market.
        simulator.setLiveTimes(QDateTime::currentMSecsSinceEpoch());
    }
    QString error;
    if (!simulator.start(error)) {
        std::cerr << "hoga-exchange-sim: " << error.toStdString() << "\n";
        return 1;
    }
    std::cout << "{\"rest\":\"" << simulator.restUrl().toStdString() << "\",\"ws\":\""
              << simulator.wsUrl().toStdString()
              << "\",\"symbol\":\"BTCUSDT\",\"mode\":\"replay\",\"speed\":" << options.replay.speed
              << "}" << std::endl;

    if (simulator.stateLoaded()) {
        std::cerr << "hoga-exchange-sim: trading state loaded from "
                  << options.statePath.toStdString() << "\n";
    }
    std::signal(SIGINT, onSignal);
    std::signal(SIGTERM, onSignal);
    QTimer stopPoll;
    QObject::connect(&stopPoll, &QTimer::timeout, &app, [&app] {
        if (g_stop) {
            app.quit();
        }
    });
    stopPoll.start(100);
    QObject::connect(&simulator, &hoga::sim::ExchangeSimulator::replayFinished, &app, [] {
        std::cerr << "hoga-exchange-sim: end of the recording; still serving the last state\n";
    });
    int code = app.exec();
    // A clean shutdown keeps the trading state (the periodic saves cover a crash).
    if (!simulator.saveState(error)) {
        std::cerr << "hoga-exchange-sim: saving the state failed: " << error.toStdString() << "\n";
        code = 1;
    }
    hoga::platform::shutdownLogging();
    return code;
}
