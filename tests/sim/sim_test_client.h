#pragma once

// Test helpers for the simulator's integration tests: start a simulator on ephemeral loopback
// ports, make HTTP requests, and run a client that follows Binance's book procedure with Hoga's
// own feed code (binance::MarketDataProcessor), re-fetching the snapshot whenever it loses sync.
// Include after <QTest> (moc and <compare>, see tst_market_sim.cpp).

#include "binance/market_data_processor.h"
#include "sim/exchange_simulator.h"

#include <QNetworkAccessManager>
#include <QNetworkReply>
#include <QSignalSpy>

#include <QtWebSockets/QWebSocket>

#include <functional>
#include <memory>

namespace hoga::simtest {

inline const std::string kRecording2024 =
    std::string(HOGA_RECORDINGS) + "/hftbacktest_usdm_btcusdt_20240808.gz";
inline const std::string kRecording2023 =
    std::string(HOGA_RECORDINGS) + "/hftbacktest_usdm_btcusdt_20230404.dat.gz";

inline std::unique_ptr<sim::ExchangeSimulator> start(sim::SimulatorOptions options) {
    if (options.recordings.empty()) {
        options.recordings = {kRecording2024};
    }
    auto simulator = std::make_unique<sim::ExchangeSimulator>(options);
    QString error;
    if (!simulator->start(error)) {
        qWarning("%s", qPrintable(error));
        return nullptr;
    }
    return simulator;
}

struct HttpResult {
    int status = 0;
    QByteArray body;
    QByteArray retryAfter;
    bool finished = false;
};

inline HttpResult http(QNetworkAccessManager& net, const QByteArray& verb, const QString& url,
                       const QByteArray& body = {}, int timeoutMs = 10000) {
    QNetworkRequest request{QUrl(url)};
    request.setHeader(QNetworkRequest::ContentTypeHeader,
                      QByteArrayLiteral("application/x-www-form-urlencoded"));
    request.setTransferTimeout(timeoutMs);
    QNetworkReply* reply = net.sendCustomRequest(request, verb, body);
    QSignalSpy done(reply, &QNetworkReply::finished);
    HttpResult r;
    r.finished = done.wait(timeoutMs + 2000);
    r.status = reply->attribute(QNetworkRequest::HttpStatusCodeAttribute).toInt();
    r.body = reply->readAll();
    r.retryAfter = reply->rawHeader("Retry-After");
    reply->deleteLater();
    return r;
}

// A market-data client as Hoga's live feed runs it: buffer diffs, fetch a snapshot, resync on a
// gap. `onFrame` sees every frame first.
class SyncClient {
public:
    SyncClient(sim::ExchangeSimulator& simulator, const QString& streams)
        : m_simulator(simulator), m_processor(core::InstrumentSpec::btcusdtDefaults(),
                                              binance::MarketDataProcessor::Options{}) {
        QObject::connect(&m_socket, &QWebSocket::textMessageReceived,
                         [this](const QString& m) { onMessage(m); });
        m_socket.open(QUrl(simulator.wsUrl() + QStringLiteral("/stream?streams=") + streams));
    }
    std::function<void(const QString&)> onFrame;
    binance::MarketDataProcessor& processor() { return m_processor; }
    QWebSocket& socket() { return m_socket; }
    int snapshotsRequested() const { return m_snapshots; }

private:
    void onMessage(const QString& message) {
        if (onFrame) {
            onFrame(message);
        }
        const std::string frame = message.toStdString();
        const auto type = m_processor.onFrame(frame, frame.size());
        const auto state = m_processor.synchronizer().state();
        if (type == binance::MessageType::DepthUpdate && !m_inFlight &&
            state != binance::SyncState::Live && state != binance::SyncState::Bridging) {
            m_inFlight = true;
            ++m_snapshots;
            QNetworkReply* reply = m_net.get(
                QNetworkRequest(QUrl(m_simulator.restUrl() +
                                     QStringLiteral("/fapi/v1/depth?symbol=BTCUSDT&limit=1000"))));
            QObject::connect(reply, &QNetworkReply::finished, [this, reply] {
                const std::string body = reply->readAll().toStdString();
                if (reply->attribute(QNetworkRequest::HttpStatusCodeAttribute).toInt() == 200) {
                    m_processor.onFrame(body, body.size());
                }
                m_inFlight = false;
                reply->deleteLater();
            });
        }
    }

    sim::ExchangeSimulator& m_simulator;
    binance::MarketDataProcessor m_processor;
    QNetworkAccessManager m_net;
    QWebSocket m_socket;
    bool m_inFlight = false;
    int m_snapshots = 0;
};

} // namespace hoga::simtest
