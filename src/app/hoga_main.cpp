// hoga: the desktop station. With no arguments it tries Binance's market data; with no network (or
// with --demo) it runs the offline demo: the bundled real BTCUSDT recording looping through the
// in-process exchange simulator, reached through the real feed, paper-trading under a REPLAY
// banner.
#include "engine/params_json.h"
#include "gui/stall_meter.h"
#include "gui/station/main_window.h"
#include "gui/station/station_application.h"
#include "gui/translator.h"
#include "live/station_runner.h"
#include "platform/keychain_store.h"
#include "platform/logging.h"

#include <QCommandLineParser>
#include <QDir>
#include <QEventLoop>
#include <QNetworkAccessManager>
#include <QNetworkReply>
#include <QSettings>
#include <QStandardPaths>
#include <QTimer>

#include <iostream>

namespace {

// Binance answers /fapi/v1/ping within a few seconds when the network is there.
bool binanceReachable(const QUrl& rest) {
    QNetworkAccessManager net;
    QUrl url = rest;
    url.setPath(QStringLiteral("/fapi/v1/ping"));
    QNetworkRequest request(url);
    request.setTransferTimeout(3000);
    QNetworkReply* reply = net.get(request);
    QEventLoop loop;
    QObject::connect(reply, &QNetworkReply::finished, &loop, &QEventLoop::quit);
    loop.exec();
    const bool ok = reply->error() == QNetworkReply::NoError;
    reply->deleteLater();
    return ok;
}

} // namespace

int main(int argc, char** argv) {
    hoga::gui::StationApplication app(argc, argv);
    QApplication::setOrganizationName(QStringLiteral("Hoga"));
    QApplication::setApplicationName(QStringLiteral("hoga"));
    QApplication::setApplicationVersion(QStringLiteral(HOGA_VERSION));

    QCommandLineParser parser;
    parser.setApplicationDescription(
        QStringLiteral("Hoga: an order-flow trading station for Binance USD-M BTCUSDT"));
    parser.addHelpOption();
    parser.addVersionOption();
    const QCommandLineOption demo(QStringLiteral("demo"),
                                  QStringLiteral("Run the offline demo (a replay, paper fills)."));
    const QCommandLineOption ws(QStringLiteral("ws"), QStringLiteral("WebSocket base URL."),
                                QStringLiteral("url"), QStringLiteral("wss://fstream.binance.com"));
    const QCommandLineOption rest(QStringLiteral("rest"), QStringLiteral("REST base URL."),
                                  QStringLiteral("url"),
                                  QStringLiteral("https://fapi.binance.com"));
    const QCommandLineOption params(QStringLiteral("params"),
                                    QStringLiteral("Strategy parameters (JSON)."),
                                    QStringLiteral("file"));
    const QCommandLineOption speed(QStringLiteral("speed"),
                                   QStringLiteral("Demo replay speed (1 = real time)."),
                                   QStringLiteral("x"), QStringLiteral("1"));
    const QCommandLineOption lang(QStringLiteral("lang"),
                                  QStringLiteral("UI language (en, ko); default: the system's."),
                                  QStringLiteral("code"));
    const QCommandLineOption dataDir(QStringLiteral("data-dir"),
                                     QStringLiteral("Where journals and recordings go."),
                                     QStringLiteral("dir"));
    const QCommandLineOption screenshot(
        QStringLiteral("screenshot"),
        QStringLiteral("Save a screenshot of the window to this PNG after --run-for-s, then quit."),
        QStringLiteral("png"));
    const QCommandLineOption runFor(QStringLiteral("run-for-s"),
                                    QStringLiteral("Quit after this many seconds."),
                                    QStringLiteral("s"));
    const QCommandLineOption profileGui(
        QStringLiteral("profile-gui"),
        QStringLiteral("Time every GUI event; --run-for-s prints the costliest ones."));
    parser.addOptions(
        {demo, ws, rest, params, speed, lang, dataDir, screenshot, runFor, profileGui});
    parser.process(app);
    app.setProfiling(parser.isSet(profileGui));

    hoga::platform::LogOptions logOptions;
    logOptions.level = "info";
    const QString dir = parser.isSet(dataDir)
                            ? parser.value(dataDir)
                            : QStandardPaths::writableLocation(QStandardPaths::AppDataLocation);
    QDir().mkpath(dir);
    logOptions.filePath = QDir(dir).filePath(QStringLiteral("hoga.log")).toStdString();
    logOptions.console = false;
    hoga::platform::initLogging(logOptions);
    const QString language = parser.isSet(lang)
                                 ? parser.value(lang)
                                 : QSettings().value(QStringLiteral("ui/language")).toString();
    hoga::gui::installTranslator(app, language);

    hoga::live::StationOptions options;
    options.trader.feed.wsBase = QUrl(parser.value(ws));
    options.trader.feed.restBase = QUrl(parser.value(rest));
    options.trader.params = hoga::core::StrategyParams::demo();
    if (parser.isSet(params)) {
        std::string error;
        if (!hoga::engine::loadParamsFile(parser.value(params).toStdString(), options.trader.params,
                                          error)) {
            std::cerr << "hoga: " << error << "\n";
            return 2;
        }
    }
    options.trader.codeVersion = HOGA_VERSION;
    options.trader.metricsLogIntervalMs = 60000;
    options.demo.speed = parser.value(speed).toDouble();
    if (!(options.demo.speed > 0)) {
        std::cerr << "hoga: --speed must be a positive number\n";
        return 2;
    }
    // --demo, or no network: the offline demo. Otherwise paper trading on Binance's market data.
    if (parser.isSet(demo)) {
        options.mode = hoga::live::StationMode::Demo;
    } else if (binanceReachable(options.trader.feed.restBase)) {
        options.mode = hoga::live::StationMode::Paper;
    } else {
        std::cerr << "hoga: " << parser.value(rest).toStdString()
                  << " cannot be reached; starting the offline demo (a replay)\n";
        options.mode = hoga::live::StationMode::Demo;
    }
    const bool isDemo = options.mode == hoga::live::StationMode::Demo;
    options.trader.mode = isDemo ? "demo" : "paper";
    options.trader.journalPath = QDir(dir)
                                     .filePath(isDemo ? QStringLiteral("demo-journal.sqlite")
                                                      : QStringLiteral("paper-journal.sqlite"))
                                     .toStdString();
    const QString recordings = QDir(dir).filePath(QStringLiteral("recordings"));
    options.trader.recordDir = recordings.toStdString();

    hoga::live::StationRunner runner(options);
    hoga::platform::KeychainStore keychain;
    hoga::gui::MainWindow window(runner, keychain,
                                 QString::fromStdString(options.trader.journalPath));
    window.resize(1400, 900);
    window.show();
    runner.start();

    if (parser.isSet(runFor)) {
        const int ms = static_cast<int>(parser.value(runFor).toDouble() * 1000);
        QTimer::singleShot(ms, &window, [&] {
            if (parser.isSet(screenshot)) {
                window.grab().save(parser.value(screenshot));
            }
            std::cout << "{\"mode\":\"" << hoga::live::stationModeLabel(options.mode).toStdString()
                      << "\",\"snapshots_shown\":" << window.shownSequence()
                      << ",\"gui_longest_stall_us\":" << window.stallMeter().longestStallUs()
                      << ",\"gui_stalls_over_16ms\":" << window.stallMeter().stallsOverFrame();
            if (app.profiling()) {
                std::cout << ",\"gui_costliest_events\":" << app.costliestJson(12);
            }
            std::cout << "}" << std::endl;
            window.close();
        });
    }
    const int code = app.exec();
    runner.stop(false);
    hoga::platform::shutdownLogging();
    return code;
}
