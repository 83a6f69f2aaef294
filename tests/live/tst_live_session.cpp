// The engine thread's rules (book health gates entries, exits keep working) on recorded events fed
// through the real queue, and hoga-headless as a process against the simulator: SIGTERM during a
// burst loses no journal row, a restart resumes an open paper position, and bad configurations
// fail with clear messages.
#include <QTest>

#include "binance/event_tape.h"
#include "engine/memory_journal.h"
#include "live/live_session.h"
#include "live/tape_feed.h"
#include "sim/exchange_simulator.h"

#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QJsonDocument>
#include <QJsonObject>
#include <QNetworkAccessManager>
#include <QNetworkReply>
#include <QProcess>
#include <QSqlDatabase>
#include <QSqlError>
#include <QSqlQuery>
#include <QTemporaryDir>

#include <csignal>

using namespace hoga;

namespace {

const std::string kRecording =
    std::string(HOGA_RECORDINGS) + "/hftbacktest_usdm_btcusdt_20240808.gz";

// Pushes the decoded recording through the queue as the feed would, with Health events where
// the caller wants them (by event index).
void pushTape(binance::FeedEventQueue& queue, const binance::EventTape& tape,
              const std::function<void(std::size_t, binance::FeedEventQueue&)>& before) {
    for (std::size_t i = 0; i < tape.entries.size(); ++i) {
        before(i, queue);
        QVERIFY(live::pushTapeEntry(queue, tape, i));
    }
}

void pushHealth(binance::FeedEventQueue& queue, binance::FeedHealth health, const char* detail,
                bool depthRestarted = false) {
    live::pushFeedHealth(queue, health, detail, depthRestarted);
}

struct TapeRun {
    engine::MemoryJournal journal;
    live::LiveStatus status;
};

// Runs the whole recording through a session; `before` may inject Health events.
void runTape(const binance::EventTape& tape, TapeRun& out,
             const std::function<void(std::size_t, binance::FeedEventQueue&)>& before) {
    binance::FeedEventQueue queue(1024);
    live::LiveSessionOptions o;
    o.params = core::StrategyParams::demo();
    o.runId = "tape";
    live::LiveSession session(o, queue, &out.journal, [] {}); // the tape carries its snapshot
    session.start();
    pushTape(queue, tape, before);
    session.stop(false, true);
    out.status = session.status();
}

QString binary() {
    return QStringLiteral(HOGA_HEADLESS);
}

struct Process {
    QProcess process;
    QByteArray out, err;
    void start(const QStringList& args) {
        QObject::connect(&process, &QProcess::readyReadStandardOutput,
                         [this] { out += process.readAllStandardOutput(); });
        QObject::connect(&process, &QProcess::readyReadStandardError,
                         [this] { err += process.readAllStandardError(); });
        process.start(binary(), args);
    }
    bool finished(int timeoutMs) {
        return QTest::qWaitFor([this] { return process.state() == QProcess::NotRunning; },
                               timeoutMs);
    }
    QJsonObject line(int index) const {
        const QList<QByteArray> lines = out.trimmed().split('\n');
        return index < lines.size() ? QJsonDocument::fromJson(lines[index]).object()
                                    : QJsonObject();
    }
};

std::unique_ptr<sim::ExchangeSimulator> startSimulator(double speed) {
    sim::SimulatorOptions so;
    so.recordings = {kRecording};
    so.replay.speed = speed;
    so.replay.loop = true;
    auto simulator = std::make_unique<sim::ExchangeSimulator>(so);
    simulator->setLiveTimes(QDateTime::currentMSecsSinceEpoch());
    QString error;
    if (!simulator->start(error)) {
        qWarning("%s", qPrintable(error));
        return nullptr;
    }
    return simulator;
}

QStringList headlessArgs(const sim::ExchangeSimulator& simulator, const QString& journal) {
    return {QStringLiteral("--mode"),         QStringLiteral("paper"),
            QStringLiteral("--preset"),       QStringLiteral("demo"),
            QStringLiteral("--journal"),      journal,
            QStringLiteral("--ws"),           simulator.wsUrl(),
            QStringLiteral("--rest"),         simulator.restUrl(),
            QStringLiteral("--metrics-port"), QStringLiteral("0"),
            QStringLiteral("--log-level"),    QStringLiteral("warn")};
}

qint64 scalar(QSqlDatabase& db, const QString& sql) {
    QSqlQuery q(db);
    if (!q.exec(sql) || !q.next()) {
        qWarning("%s: %s", qPrintable(sql), qPrintable(q.lastError().text()));
        return -1;
    }
    return q.value(0).toLongLong();
}

// The value of one metric on the Prometheus page, or NaN.
double metric(QNetworkAccessManager& net, int port, const QByteArray& name) {
    QNetworkReply* reply =
        net.get(QNetworkRequest(QUrl(QStringLiteral("http://127.0.0.1:%1/metrics").arg(port))));
    if (!QTest::qWaitFor([reply] { return reply->isFinished(); }, 3000)) {
        return std::nan("");
    }
    const QByteArray page = reply->readAll();
    reply->deleteLater();
    for (const QByteArray& l : page.split('\n')) {
        if (l.startsWith(name + ' ')) {
            return l.mid(name.size() + 1).toDouble();
        }
    }
    return std::nan("");
}

} // namespace

class TestLiveSession : public QObject {
    Q_OBJECT
private Q_SLOTS:
    void initTestCase();
    void entriesNeedAHealthyFeed();
    void exitsKeepWorkingWhileUnverified();
    void snapshotsAndParameterChangesWhileRunning();
    void sigtermDuringABurstLosesNoJournalRow();
    void restartResumesTheOpenPosition();
    void badConfigurationsFailClearly();

private:
    binance::EventTape m_tape;
    TapeRun m_healthy;
};

void TestLiveSession::initTestCase() {
    m_tape = binance::decodeTape({kRecording}, core::InstrumentSpec::btcusdtDefaults());
    QVERIFY(m_tape.error.empty());
    runTape(m_tape, m_healthy, [](std::size_t i, binance::FeedEventQueue& q) {
        if (i == 0) {
            pushHealth(q, binance::FeedHealth::Connected, "connected");
        }
    });
    QVERIFY2(m_healthy.status.engine.roundTrips >= 3, "the demo preset trades on this recording");
}

void TestLiveSession::entriesNeedAHealthyFeed() {
    // The same events with a feed route down: the book itself is in sync, but no entry is taken
    // and every refusal says why.
    TapeRun run;
    runTape(m_tape, run, [](std::size_t i, binance::FeedEventQueue& q) {
        if (i == 0) {
            pushHealth(q, binance::FeedHealth::Disconnected, "market route: connection lost");
        }
    });
    QCOMPARE(run.status.engine.ordersSent, std::int64_t(0));
    QVERIFY(run.status.engine.refusals[static_cast<std::size_t>(core::Refusal::BookUnverified)] >
            0);
    QVERIFY(!run.journal.refusals.empty());
    for (const auto& r : run.journal.refusals) {
        QCOMPARE(r.refusal, core::Refusal::BookUnverified);
        QVERIFY2(r.detail.find("market route: connection lost") != std::string::npos,
                 r.detail.c_str());
    }
    QCOMPARE(run.status.sync.gaps, qint64(0));
    QVERIFY(run.status.syncState == binance::SyncState::Live);
}

void TestLiveSession::exitsKeepWorkingWhileUnverified() {
    // The feed goes stale right after the first entry fills: the position is still closed by
    // the strategy's exit rules, and nothing new is opened.
    QVERIFY(!m_healthy.journal.fills.empty());
    const std::int64_t firstFillMs = m_healthy.journal.fills.front().timeMs;
    TapeRun run;
    bool staled = false;
    runTape(m_tape, run, [&](std::size_t i, binance::FeedEventQueue& q) {
        if (i == 0) {
            pushHealth(q, binance::FeedHealth::Connected, "connected");
        }
        if (!staled && m_tape.entries[i].timeMs > firstFillMs) {
            staled = true;
            pushHealth(q, binance::FeedHealth::Stale, "public route: no frame for 10000 ms");
        }
    });
    QVERIFY(staled);
    QCOMPARE(run.status.engine.roundTrips, std::int64_t(1));
    QCOMPARE(run.status.engine.ordersSent, std::int64_t(2)); // the entry and its exit
    QVERIFY(run.status.position.flat());
    QCOMPARE(run.journal.roundTrips.front().entryTimeMs,
             m_healthy.journal.roundTrips.front().entryTimeMs);
}

void TestLiveSession::snapshotsAndParameterChangesWhileRunning() {
    binance::FeedEventQueue queue(1024);
    engine::MemoryJournal journal;
    live::LiveSessionOptions o;
    o.params = core::StrategyParams::demo();
    o.runId = "apply";
    o.snapshotIntervalMs = 0; // every event publishes: the test reads them deterministically
    live::LiveSession session(o, queue, &journal, [] {});
    session.start();
    pushTape(queue, m_tape, [](std::size_t i, binance::FeedEventQueue& q) {
        if (i == 0) {
            pushHealth(q, binance::FeedHealth::Connected, "connected");
        }
    });
    QVERIFY(QTest::qWaitFor([&] { return queue.size() == 0; }, 20000));

    struct Answer {
        std::atomic<bool> done{false};
        bool ok = false;
        std::string error;
    };
    const auto apply = [&](const core::StrategyParams& p, Answer& a) {
        session.applyParams(p, [&a](bool ok, const std::string& error) {
            a.ok = ok;
            a.error = error;
            a.done = true;
        });
        return QTest::qWaitFor([&] { return a.done.load(); }, 5000);
    };
    core::StrategyParams tuned = o.params;
    tuned.volumeBurstRatio = 2.5;
    tuned.stopLossPct = 3.0;
    Answer good;
    QVERIFY(apply(tuned, good));
    QVERIFY2(good.ok, good.error.c_str());
    QVERIFY(QTest::qWaitFor(
        [&] {
            const auto s = session.snapshot();
            return s && s->params.volumeBurstRatio == 2.5 && s->params.stopLossPct == 3.0;
        },
        5000));

    core::StrategyParams restart = tuned;
    restart.candleIntervalMs = 5000;
    Answer refused;
    QVERIFY(apply(restart, refused));
    QVERIFY(!refused.ok);
    QVERIFY2(refused.error.find("candle_interval_ms") != std::string::npos, refused.error.c_str());

    core::StrategyParams invalid = tuned;
    invalid.imbalanceExit = 1.5;
    Answer bad;
    QVERIFY(apply(invalid, bad));
    QVERIFY(!bad.ok);
    QVERIFY2(bad.error.find("imbalance_exit") != std::string::npos, bad.error.c_str());
    QCOMPARE(session.snapshot()->params.imbalanceExit, tuned.imbalanceExit);

    // The commands' own publication comes on the loop's next idle wake-up (≤ 50 ms).
    QTest::qWait(150);
    const auto s = session.snapshot();
    QCOMPARE(s->events, session.status().events); // built after the last event
    // Nothing new: nothing is published (the station would redraw the same picture)…
    QTest::qWait(150);
    QCOMPARE(session.snapshot()->sequence, s->sequence);
    // …until a command changes what it shows.
    session.setTakingEntries(false);
    QVERIFY(QTest::qWaitFor([&] { return !session.snapshot()->takingEntries; }, 5000));
    QVERIFY(session.snapshot()->sequence > s->sequence);
    QVERIFY(s->candles.size() > 100);
    QVERIFY(!s->candles.back().closed); // the forming candle last
    QCOMPARE(s->bids.size(), live::kSnapshotLevels);
    QVERIFY(s->bids.front().price < s->asks.front().price);
    QVERIFY(!s->marks.empty());
    session.stop(false, true); // the journal is the engine thread's until then
    QCOMPARE(s->marks.size(), std::min(journal.fills.size(), live::kSnapshotMarks));
    for (const auto& mark : s->marks) {
        QVERIFY(mark.entry ? mark.reason == "entry" : !mark.reason.empty());
    }
}

void TestLiveSession::sigtermDuringABurstLosesNoJournalRow() {
    auto simulator = startSimulator(20);
    QVERIFY(simulator);
    QTemporaryDir dir;
    const QString journal = dir.filePath(QStringLiteral("paper.sqlite"));
    // The recording directory does not exist yet: the runner makes it.
    const QString recordings = dir.filePath(QStringLiteral("new/recordings"));
    Process p;
    p.start(headlessArgs(*simulator, journal) << QStringLiteral("--record") << recordings);
    QVERIFY(QTest::qWaitFor([&] { return p.out.contains('\n'); }, 15000));
    const QString runId = p.line(0).value(QStringLiteral("run")).toString();
    QVERIFY(!runId.isEmpty());
    QTest::qWait(6000); // 2 minutes of the recorded market at 20×: several round trips
    ::kill(static_cast<pid_t>(p.process.processId()), SIGTERM);
    QVERIFY(p.finished(15000));
    QCOMPARE(p.process.exitStatus(), QProcess::NormalExit);
    QCOMPARE(p.process.exitCode(), 0);
    const QJsonObject summary = p.line(1);
    QCOMPARE(summary.value(QStringLiteral("stopped")).toString(), QStringLiteral("signal"));
    const qint64 orders = summary.value(QStringLiteral("orders")).toInteger();
    const qint64 trips = summary.value(QStringLiteral("round_trips")).toInteger();
    QVERIFY2(orders >= 2, p.err.constData());
    QCOMPARE(summary.value(QStringLiteral("journal_errors")).toInteger(), qint64(0));
    const QStringList recorded = QDir(recordings).entryList({QStringLiteral("*.gz")}, QDir::Files);
    QVERIFY(!recorded.isEmpty()); // one per UTC hour: two if the run spans an hour's turn
    QVERIFY(QFileInfo(QDir(recordings).filePath(recorded.front())).size() > 1000);

    auto db = QSqlDatabase::addDatabase(QStringLiteral("QSQLITE"), QStringLiteral("sigterm"));
    db.setDatabaseName(journal);
    QVERIFY(db.open());
    const QString run = QStringLiteral("'%1'").arg(runId);
    QCOMPARE(scalar(db, QStringLiteral("select count(*) from orders where run_id = ") + run),
             orders);
    QCOMPARE(scalar(db, QStringLiteral("select count(*) from round_trips where run_id = ") + run),
             trips);
    // Every order that was answered has its fills: no execution is missing.
    QVERIFY(scalar(db, QStringLiteral("select count(distinct client_order_id) from fills where "
                                      "run_id = ") +
                           run) >= orders - 1);
    db.close();
    db = QSqlDatabase();
    QSqlDatabase::removeDatabase(QStringLiteral("sigterm"));
}

void TestLiveSession::restartResumesTheOpenPosition() {
    auto simulator = startSimulator(20);
    QVERIFY(simulator);
    QTemporaryDir dir;
    const QString journal = dir.filePath(QStringLiteral("paper.sqlite"));
    QNetworkAccessManager net;

    // Demo entries, but exits that (almost) never fire: the position opened in the first run is
    // still open when it is stopped.
    const QString params = dir.filePath(QStringLiteral("hold.json"));
    {
        QFile f(params);
        QVERIFY(f.open(QIODevice::WriteOnly));
        f.write(R"({"volume_lookback": 10, "volume_burst_ratio": 2.0, "imbalance_entry": 0.2,
                    "imbalance_exit": 0.999, "momentum_window_ms": 3000, "momentum_bps": 2.0,
                    "volume_fade_ratio": 0.0, "cooldown_after_stop_ms": 10000})");
    }
    const auto holdArgs = [&] {
        QStringList args = headlessArgs(*simulator, journal);
        const auto preset = args.indexOf(QStringLiteral("--preset"));
        args[preset] = QStringLiteral("--params");
        args[preset + 1] = params;
        return args;
    };

    // First run: stopped while a position is open.
    Process first;
    first.start(holdArgs());
    QVERIFY(QTest::qWaitFor([&] { return first.out.contains('\n'); }, 15000));
    const QString firstRun = first.line(0).value(QStringLiteral("run")).toString();
    const int port = QUrl(first.line(0).value(QStringLiteral("metrics")).toString()).port();
    QVERIFY(port > 0);
    QVERIFY2(QTest::qWaitFor(
                 [&] {
                     const double lots = metric(net, port, "hoga_position_lots");
                     return !std::isnan(lots) && lots != 0;
                 },
                 60000),
             "no position opened within a minute");
    // The engine thread asked for SCHED_FIFO 10 (the default): granted or, where the machine
    // does not permit it, the normal scheduler; nothing in between.
    const double priority = metric(net, port, "hoga_engine_realtime_priority");
    QVERIFY2(priority == 10 || priority == 0, qPrintable(QString::number(priority)));
    ::kill(static_cast<pid_t>(first.process.processId()), SIGTERM);
    QVERIFY(first.finished(15000));
    QCOMPARE(first.process.exitCode(), 0);
    const QJsonObject stopped = first.line(1);
    // Not flattened: the position is still open at exit.
    const qint64 lots = stopped.value(QStringLiteral("position_lots")).toInteger();
    QVERIFY2(lots != 0, first.out.constData());

    // Second run on the same journal: resumed, then flattened on exit.
    Process second;
    QStringList args = holdArgs();
    args << QStringLiteral("--flatten-on-exit") << QStringLiteral("--run-for-s")
         << QStringLiteral("3");
    second.start(args);
    QVERIFY(second.finished(30000));
    QVERIFY2(second.process.exitCode() == 0, second.err.constData());
    const QString secondRun = second.line(0).value(QStringLiteral("run")).toString();

    auto db = QSqlDatabase::addDatabase(QStringLiteral("QSQLITE"), QStringLiteral("resume"));
    db.setDatabaseName(journal);
    QVERIFY(db.open());
    QSqlQuery q(db);
    QVERIFY(q.exec(QStringLiteral("select resumed_from from runs where id = '%1'").arg(secondRun)));
    QVERIFY(q.next());
    QCOMPARE(q.value(0).toString(), firstRun);
    // The position opened in the first run was closed in the second, as one round trip whose
    // entry is the first run's fill.
    QVERIFY(q.exec(QStringLiteral("select entry_time_ms, qty_lots from round_trips where run_id = "
                                  "'%1' order by id limit 1")
                       .arg(secondRun)));
    QVERIFY(q.next());
    const qint64 entryMs = q.value(0).toLongLong();
    QCOMPARE(q.value(1).toLongLong(), std::llabs(lots));
    QVERIFY(
        q.exec(QStringLiteral("select max(time_ms) from fills where run_id = '%1'").arg(firstRun)));
    QVERIFY(q.next());
    QVERIFY(entryMs <= q.value(0).toLongLong());
    q = QSqlQuery();
    db.close();
    db = QSqlDatabase();
    QSqlDatabase::removeDatabase(QStringLiteral("resume"));
    QCOMPARE(second.line(1).value(QStringLiteral("position_lots")).toInteger(), qint64(0));
}

void TestLiveSession::badConfigurationsFailClearly() {
    QTemporaryDir dir;
    const QString journal = dir.filePath(QStringLiteral("j.sqlite"));
    QFile aFile(dir.filePath(QStringLiteral("a-file")));
    QVERIFY(aFile.open(QIODevice::WriteOnly));
    aFile.close();
    struct Case {
        QStringList args;
        int code;
        QByteArray message;
    };
    const QList<Case> cases = {
        {{QStringLiteral("--mode"), QStringLiteral("paper"), QStringLiteral("--preset"),
          QStringLiteral("demo")},
         2,
         "--journal FILE is required"},
        {{QStringLiteral("--mode"), QStringLiteral("live"), QStringLiteral("--preset"),
          QStringLiteral("demo"), QStringLiteral("--journal"), journal},
         2,
         "needs the signed order gateway"},
        {{QStringLiteral("--mode"), QStringLiteral("paper"), QStringLiteral("--preset"),
          QStringLiteral("demo"), QStringLiteral("--journal"), journal, QStringLiteral("--ws"),
          QStringLiteral("http://127.0.0.1:1")},
         2,
         "--ws needs a ws:// or wss:// URL"},
        {{QStringLiteral("--mode"), QStringLiteral("paper"), QStringLiteral("--params"),
          dir.filePath(QStringLiteral("missing.json")), QStringLiteral("--journal"), journal},
         2,
         "missing.json"},
        {{QStringLiteral("--mode"), QStringLiteral("paper"), QStringLiteral("--preset"),
          QStringLiteral("demo"), QStringLiteral("--journal"), journal,
          QStringLiteral("--engine-priority"), QStringLiteral("150")},
         2,
         "--engine-priority must be 0..99"},
        // A file where the recording directory should be: refused before the journal is made.
        {{QStringLiteral("--mode"), QStringLiteral("paper"), QStringLiteral("--preset"),
          QStringLiteral("demo"), QStringLiteral("--journal"), journal, QStringLiteral("--record"),
          dir.filePath(QStringLiteral("a-file/recordings"))},
         1,
         "cannot record to"},
        // Nothing listens on port 1: the REST endpoint is unreachable.
        {{QStringLiteral("--mode"), QStringLiteral("paper"), QStringLiteral("--preset"),
          QStringLiteral("demo"), QStringLiteral("--journal"), journal, QStringLiteral("--ws"),
          QStringLiteral("ws://127.0.0.1:1"), QStringLiteral("--rest"),
          QStringLiteral("http://127.0.0.1:1")},
         1,
         "cannot read exchangeInfo from http://127.0.0.1:1"},
    };
    for (const Case& c : cases) {
        Process p;
        p.start(c.args);
        QVERIFY(p.finished(15000));
        QCOMPARE(p.process.exitCode(), c.code);
        QVERIFY2(p.err.contains(c.message), p.err.constData());
    }
}

QTEST_GUILESS_MAIN(TestLiveSession)
#include "tst_live_session.moc"
