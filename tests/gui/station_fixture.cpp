#include <QTest>

#include "station_fixture.h"

#include "live/tape_feed.h"

#include "binance/feed_event_queue.h"
#include "engine/memory_journal.h"
#include "live/live_session.h"

#include <QDir>

#include <functional>

namespace hoga::stationtest {

namespace {

const std::string kRecording =
    std::string(HOGA_RECORDINGS) + "/hftbacktest_usdm_btcusdt_20240808.gz";

void pushEntry(binance::FeedEventQueue& queue, const binance::EventTape& tape, std::size_t i) {
    live::pushTapeEntry(queue, tape, i);
}

void pushHealth(binance::FeedEventQueue& queue, binance::FeedHealth health, const char* detail,
                bool depthRestarted) {
    live::pushFeedHealth(queue, health, detail, depthRestarted);
}

// A session over the tape; `at(i)` runs before event i is pushed and may push Health events or
// ask for a snapshot of everything pushed so far (take()).
class Run {
public:
    explicit Run(engine::MemoryJournal* journal) : m_queue(1024) {
        live::LiveSessionOptions o;
        o.params = core::StrategyParams::demo();
        o.runId = "views";
        o.statusIntervalMs = 1;
        o.snapshotIntervalMs = 1;
        m_session = std::make_unique<live::LiveSession>(o, m_queue, journal, [] {});
        m_session->start();
    }
    ~Run() { m_session->stop(false, true); }

    binance::FeedEventQueue& queue() { return m_queue; }
    void push(const binance::EventTape& tape, std::size_t i) {
        pushEntry(m_queue, tape, i);
        ++m_pushed;
    }
    void health(binance::FeedHealth h, const char* detail, bool restart = false) {
        pushHealth(m_queue, h, detail, restart);
        ++m_pushed;
    }
    // Everything pushed has been handled and a snapshot published after it.
    Snapshot take() {
        if (!QTest::qWaitFor([this] { return m_session->status().events == m_pushed; }, 20000)) {
            return nullptr;
        }
        // The idle loop publishes within a millisecond or two of the last event.
        const bool published = QTest::qWaitFor(
            [&] {
                const auto now = m_session->snapshot();
                return now && now->events == m_pushed;
            },
            5000);
        return published ? m_session->snapshot() : nullptr;
    }

private:
    binance::FeedEventQueue m_queue;
    std::unique_ptr<live::LiveSession> m_session;
    std::int64_t m_pushed = 0;
};

StationSnapshots build() {
    StationSnapshots out;
    const binance::EventTape tape =
        binance::decodeTape({kRecording}, core::InstrumentSpec::btcusdtDefaults());
    if (!tape.error.empty()) {
        out.error = tape.error;
        return out;
    }
    const std::size_t n = tape.entries.size();
    // Pass 1: where the first round trip is.
    engine::MemoryJournal journal;
    {
        Run run(&journal);
        run.health(binance::FeedHealth::Connected, "connected");
        for (std::size_t i = 0; i < n; ++i) {
            run.push(tape, i);
        }
    }
    if (journal.roundTrips.empty()) {
        out.error = "the demo preset made no round trip";
        return out;
    }
    const auto& trip = journal.roundTrips.front();
    const std::int64_t insideTrip = trip.entryTimeMs + (trip.exitTimeMs - trip.entryTimeMs) / 2;

    // Pass 2: the snapshots.
    {
        Run run(nullptr);
        bool openTaken = false;
        for (std::size_t i = 0; i < n; ++i) {
            if (i == 40) {
                out.syncing = run.take(); // no Health event yet: the feed is still connecting
                run.health(binance::FeedHealth::Connected, "connected");
            }
            if (!openTaken && tape.entries[i].timeMs > insideTrip) {
                out.open = run.take();
                openTaken = true;
            }
            if (i > 0 && i % (n / 10) == 0) {
                out.through.push_back(run.take());
            }
            run.push(tape, i);
        }
        out.end = run.take();
    }
    // Pass 3: a route goes down half-way and the depth stream restarts (resync).
    {
        Run run(nullptr);
        run.health(binance::FeedHealth::Connected, "connected");
        for (std::size_t i = 0; i < n / 2; ++i) {
            run.push(tape, i);
        }
        run.health(binance::FeedHealth::Disconnected, "market route: connection lost", true);
        for (std::size_t i = n / 2; i < n / 2 + 200; ++i) {
            run.push(tape, i);
        }
        out.gap = run.take();
    }
    if (!out.syncing || !out.open || !out.end || !out.gap || out.through.size() < 9) {
        out.error = "a snapshot was not published";
    }
    return out;
}

} // namespace

const StationSnapshots& stationSnapshots() {
    static const StationSnapshots snapshots = build();
    return snapshots;
}

QString screenshotPath(const QString& fileName) {
    QDir dir(QDir::temp().filePath(QStringLiteral("hoga-station-views")));
    dir.mkpath(QStringLiteral("."));
    return dir.filePath(fileName);
}

} // namespace hoga::stationtest
