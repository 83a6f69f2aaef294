#pragma once

// A live session wired as hoga-headless wires it — MarketFeed on this thread's event loop, the
// engine on its own thread — against an in-process exchange simulator on loopback ports chosen by
// the OS. Include after <QTest>.

#include "binance/market_feed.h"
#include "engine/memory_journal.h"
#include "live/live_session.h"
#include "sim/exchange_simulator.h"

#include <QTest>

#include <atomic>
#include <memory>
#include <vector>

namespace hoga::livetest {

inline const std::string kRecording2024 =
    std::string(HOGA_RECORDINGS) + "/hftbacktest_usdm_btcusdt_20240808.gz";

struct RigOptions {
    double speed = 10;
    bool loop = true;
    std::string faults;
    qint64 connectionLifetimeMs = 24LL * 3600 * 1000;
    int pingIntervalMs = 180000;
    std::int64_t staleAfterMs = 3000;
    std::int64_t rotateAfterMs = 24LL * 3600 * 1000;
    binance::EndpointLayout layout = binance::EndpointLayout::Split;
    core::StrategyParams params = core::StrategyParams::defaults();
};

class Rig {
public:
    explicit Rig(const RigOptions& o) : queue(4096) {
        sim::SimulatorOptions so;
        so.recordings = {kRecording2024};
        so.replay.speed = o.speed;
        so.replay.loop = o.loop;
        so.faults = o.faults;
        so.streams.connectionLifetimeMs = o.connectionLifetimeMs;
        so.streams.pingIntervalMs = o.pingIntervalMs;
        simulator = std::make_unique<sim::ExchangeSimulator>(so);
        QString error;
        started = simulator->start(error);
        if (!started) {
            qWarning("simulator: %s", qPrintable(error));
            return;
        }
        binance::FeedConfig fc;
        fc.wsBase = QUrl(simulator->wsUrl());
        fc.restBase = QUrl(simulator->restUrl());
        fc.layout = o.layout;
        fc.depthSpeed = QStringLiteral("0ms");
        fc.staleAfterMs = o.staleAfterMs;
        fc.rotateAfterMs = o.rotateAfterMs;
        fc.rotationTimeoutMs = 5000;
        fc.tickMs = 50;
        fc.reconnect = {100, 1000, 0.3, 60000};
        fc.restBackoff = {200, 2000, 0.3, 0};
        live::LiveSessionOptions lo;
        lo.params = o.params;
        lo.runId = "test";
        lo.statusIntervalMs = 10;
        session = std::make_unique<live::LiveSession>(lo, queue, &journal,
                                                      [this] { feed->requestSnapshot(); });
        feed = std::make_unique<binance::MarketFeed>(fc, core::InstrumentSpec::btcusdtDefaults(),
                                                     queue);
        QObject::connect(
            feed.get(), &binance::MarketFeed::healthChanged,
            [this](binance::FeedHealth h, const QString&) { healthSeen.push_back(h); });
        session->start();
        feed->start();
    }
    ~Rig() {
        if (feed) {
            feed->stop();
        }
        if (session) {
            session->stop(false, false);
        }
    }

    bool waitInSync(int timeoutMs = 15000) {
        return QTest::qWaitFor(
            [this] {
                const auto s = session->status();
                return s.syncState == binance::SyncState::Live &&
                       s.feedHealth == binance::FeedHealth::Connected && s.entriesAllowed;
            },
            timeoutMs);
    }

    // Pauses the simulator, lets everything in flight reach the engine, and compares the
    // engine's book with the simulator's own at the same update id.
    bool bookMatchesSimulator(QString& why) {
        simulator->pause();
        QTest::qWait(400);
        if (!QTest::qWaitFor([this] { return queue.size() == 0; }, 5000)) {
            why = QStringLiteral("the engine did not drain its queue");
            return false;
        }
        std::atomic<bool> done{false};
        std::uint64_t ours = 0;
        std::vector<core::Level> bids, asks;
        bool live = false;
        session->post([&](engine::TradingEngine&, const binance::MarketDataProcessor& p) {
            ours = p.synchronizer().lastAppliedUpdateId();
            live = p.bookVerified();
            p.book().levels(core::Side::Buy, 200, bids);
            p.book().levels(core::Side::Sell, 200, asks);
            done = true;
        });
        if (!QTest::qWaitFor([&] { return done.load(); }, 5000)) {
            why = QStringLiteral("the engine did not answer");
            return false;
        }
        const auto& simSync = simulator->market().processor().synchronizer();
        std::vector<core::Level> simBids, simAsks;
        simulator->market().book().levels(core::Side::Buy, 200, simBids);
        simulator->market().book().levels(core::Side::Sell, 200, simAsks);
        simulator->resume();
        if (!live) {
            const auto s = session->status();
            why =
                QStringLiteral("the engine's book is not verified: %1 / %2 (gaps %3, syncs %4)")
                    .arg(QString::fromStdString(s.syncReason), QString::fromStdString(s.feedDetail))
                    .arg(s.sync.gaps)
                    .arg(s.sync.syncs);
            return false;
        }
        if (ours != simSync.lastAppliedUpdateId()) {
            why = QStringLiteral("update id %1 vs the simulator's %2")
                      .arg(ours)
                      .arg(simSync.lastAppliedUpdateId());
            return false;
        }
        if (bids.size() != 200 || asks.size() != 200 || bids != simBids || asks != simAsks) {
            why = QStringLiteral("the top 200 levels differ");
            return false;
        }
        return true;
    }

    bool applyFault(const std::string& spec) {
        std::string error;
        const bool ok = simulator->faults().apply(spec, error);
        if (!ok) {
            qWarning("fault %s: %s", spec.c_str(), error.c_str());
        }
        return ok;
    }

    bool started = false;
    std::unique_ptr<sim::ExchangeSimulator> simulator;
    binance::FeedEventQueue queue;
    engine::MemoryJournal journal; // written on the engine thread; read only after stop
    std::unique_ptr<live::LiveSession> session;
    std::unique_ptr<binance::MarketFeed> feed;
    std::vector<binance::FeedHealth> healthSeen;
};

} // namespace hoga::livetest
