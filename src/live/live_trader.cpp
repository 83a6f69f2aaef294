#include "live_trader.h"

#include "binance/exchange_info.h"
#include "binance/market_feed.h"
#include "binance/rest_client.h"
#include "core/decimal.h"
#include "core/risk_engine.h"
#include "engine/params_json.h"
#include "monitor/metrics_http_server.h"
#include "platform/local_clock.h"
#include "platform/logging.h"
#include "storage/resume_reader.h"
#include "storage/rotating_recorder.h"
#include "storage/sqlite_journal.h"

#include <QDateTime>

#include <chrono>
#include <filesystem>
#if defined(__GLIBC__)
#include <malloc.h>
#endif

namespace hoga::live {

namespace {
using platform::steadyMs;
} // namespace

LiveTrader::LiveTrader(LiveTraderOptions options, QObject* parent)
    : QObject(parent), m_options(std::move(options)),
      m_instrument(core::InstrumentSpec::btcusdtDefaults()) {
    // A child, so that moveToThread() takes the timer along (the station runs the trader on an
    // I/O thread of its own).
    m_metricsTimer.setParent(this);
    connect(&m_metricsTimer, &QTimer::timeout, this, &LiveTrader::logMetrics);
}

LiveTrader::~LiveTrader() {
    stop(false);
}

void LiveTrader::fail(const QString& error) {
    platform::logger("live")->error("{}", error.toStdString());
    Q_EMIT failed(error);
}

void LiveTrader::start() {
    // The recording directory is made when missing (the station's and hoga-headless'); one that
    // cannot be made stops the start here, before the journal is touched, instead of a run that
    // records nothing for an hour with only a warning in the log.
    if (!m_options.recordDir.empty()) {
        std::error_code ec;
        std::filesystem::create_directories(m_options.recordDir, ec);
        if (ec || !std::filesystem::is_directory(m_options.recordDir, ec)) {
            fail(QStringLiteral("cannot record to %1: %2")
                     .arg(QString::fromStdString(m_options.recordDir),
                          ec ? QString::fromStdString(ec.message())
                             : QStringLiteral("not a directory")));
            return;
        }
    }
    // The symbol's grids come from the venue, never from constants (tickSize and MIN_NOTIONAL
    // have changed over the years); this is also the first proof that the endpoint answers.
    m_rest = std::make_unique<binance::RestClient>(m_options.feed.restBase);
    m_rest->get(QStringLiteral("/fapi/v1/exchangeInfo"), QString(),
                [this](binance::RestResult result) {
                    if (!result.ok()) {
                        fail(QStringLiteral("cannot read exchangeInfo from %1: %2 (%3)")
                                 .arg(m_options.feed.restBase.toString(),
                                      binance::restOutcomeName(result.outcome),
                                      result.message.isEmpty()
                                          ? QStringLiteral("HTTP %1").arg(result.httpStatus)
                                          : result.message));
                        return;
                    }
                    begin(result.body.toStdString());
                });
}

void LiveTrader::begin(const std::string& exchangeInfoJson) {
    auto log = platform::logger("live");
    binance::ExchangeInfo info;
    std::string error;
    if (!binance::parseExchangeInfo(exchangeInfoJson, m_options.feed.symbol.toStdString(), info,
                                    error)) {
        fail(QStringLiteral("exchangeInfo from %1 is unusable: %2")
                 .arg(m_options.feed.restBase.toString(), QString::fromStdString(error)));
        return;
    }
    m_instrument = info.instrument;

    m_runId = m_options.mode + "-" +
              QDateTime::currentDateTimeUtc()
                  .toString(QStringLiteral("yyyyMMdd'T'HHmmss.zzz'Z'"))
                  .toStdString();
    LiveSessionOptions sessionOptions;
    sessionOptions.instrument = m_instrument;
    sessionOptions.params = m_options.params;
    sessionOptions.runId = m_runId;
    sessionOptions.realtimePriority = m_options.engineRealtimePriority;
    sessionOptions.snapshots = m_options.stationSnapshots;
    m_queue = std::make_unique<binance::FeedEventQueue>(m_options.queueCapacity);
    m_queue->setSpinUs(m_options.engineSpinUs);

    std::optional<engine::ResumeState> resume;
    if (!m_options.journalPath.empty()) {
        m_journal = std::make_unique<storage::SqliteJournal>(m_instrument);
        // Read what an earlier session left before this one writes anything.
        const core::Fixed8 capital =
            core::RiskEngine(m_options.params, m_instrument).startingCapital();
        resume = storage::loadResumeState(m_options.journalPath, m_options.mode,
                                          m_instrument.symbol, capital, error);
        if (!error.empty()) {
            fail(QStringLiteral("journal %1 cannot be resumed: %2 (nothing was written to it)")
                     .arg(QString::fromStdString(m_options.journalPath),
                          QString::fromStdString(error)));
            return;
        }
        if (!m_journal->open(m_options.journalPath)) {
            fail(QStringLiteral("cannot open the journal %1: %2")
                     .arg(QString::fromStdString(m_options.journalPath),
                          QString::fromStdString(m_journal->lastError())));
            return;
        }
    }
    m_session = std::make_unique<LiveSession>(sessionOptions, *m_queue, m_journal.get(),
                                              [this] { m_feed->requestSnapshot(); });
    if (resume) {
        if (!m_session->restore(*resume, error)) {
            fail(QStringLiteral("cannot resume run %1: %2")
                     .arg(QString::fromStdString(resume->runId), QString::fromStdString(error)));
            return;
        }
        log->info("resumed run {}: balance {} USDT, position {} {} lots", resume->runId,
                  core::formatScaled(resume->balance.e8, 8),
                  core::positionSideName(resume->position.side), resume->position.qty.lots);
    }
    if (m_journal) {
        engine::RunInfo run;
        run.runId = m_runId;
        run.mode = m_options.mode;
        run.symbol = m_instrument.symbol;
        run.paramsJson = engine::paramsToJson(m_options.params);
        run.dataFiles = {m_options.feed.wsBase.toString().toStdString()};
        run.codeVersion = m_options.codeVersion;
        run.resumedFrom = resume ? resume->runId : std::string();
        run.startingBalance = m_session->engineWhenStopped().balance();
        m_journal->recordRun(run);
        m_journal->flush();
    }

    m_feed = std::make_unique<binance::MarketFeed>(m_options.feed, m_instrument, *m_queue);
    if (!m_options.recordDir.empty()) {
        storage::RotatingRecorderOptions ro;
        ro.directory = m_options.recordDir;
        ro.prefix = "hoga_" + m_instrument.symbol;
        m_recorder = std::make_unique<storage::RotatingRecorder>(ro);
        m_feed->setFrameTap([this](std::int64_t wallNs, std::string_view frame) {
            m_recorder->record(wallNs, frame);
            const storage::RotatingRecorderStats& s = m_recorder->stats();
            m_recordedLines.store(s.lines, std::memory_order_relaxed);
            m_recorderErrors.store(s.errors, std::memory_order_relaxed);
            m_recorderDropped.store(s.dropped, std::memory_order_relaxed);
        });
    }
    if (m_options.metricsPort >= 0) {
        m_metricsServer = std::make_unique<monitor::MetricsHttpServer>(
            [this] { return renderPrometheus(metrics()); });
        if (!m_metricsServer->listen(static_cast<quint16>(m_options.metricsPort))) {
            fail(QStringLiteral("cannot serve metrics on 127.0.0.1:%1: %2")
                     .arg(m_options.metricsPort)
                     .arg(m_metricsServer->errorString()));
            return;
        }
        log->info("metrics on http://127.0.0.1:{}/metrics", m_metricsServer->serverPort());
    }
    m_session->start();
    m_feed->start();
    if (m_options.metricsLogIntervalMs > 0) {
        m_metricsTimer.start(static_cast<int>(m_options.metricsLogIntervalMs));
    }
    m_lastLogged = metrics();
    log->info("run {} ({}) started on {} / {}", m_runId, m_options.mode,
              m_options.feed.wsBase.toString().toStdString(),
              m_options.feed.restBase.toString().toStdString());
    Q_EMIT started();
}

LiveMetrics LiveTrader::metrics() const {
    LiveMetrics m;
    m.takenAtMs = steadyMs();
    if (m_feed) {
        m.feed = m_feed->stats();
        m.exchangeLag = m_feed->exchangeLag();
    }
    if (m_session) {
        m.status = m_session->status();
        m.latencies = m_session->latencies();
    }
    if (m_recorder) {
        storage::RotatingRecorderStats r;
        r.lines = m_recordedLines.load(std::memory_order_relaxed);
        r.errors = m_recorderErrors.load(std::memory_order_relaxed);
        r.dropped = m_recorderDropped.load(std::memory_order_relaxed);
        m.recorder = r;
    }
    return m;
}

quint16 LiveTrader::metricsPort() const {
    return m_metricsServer ? m_metricsServer->serverPort() : 0;
}

void LiveTrader::logMetrics() {
#if defined(__GLIBC__)
    // A resync buffers seconds of diffs (megabytes at high replay speeds); glibc keeps what was
    // freed for reuse. Handing it back once a minute keeps the resident size flat over days.
    malloc_trim(0);
#endif
    LiveMetrics now = metrics();
    platform::logger("metrics")->info("{}",
                                      summaryLine(now, m_lastLogged ? &*m_lastLogged : nullptr));
    m_lastLogged = std::move(now);
}

void LiveTrader::stop(bool flatten) {
    if (m_stopped) {
        return;
    }
    m_stopped = true;
    m_metricsTimer.stop();
    if (m_session) {
        m_session->setTakingEntries(false);
    }
    if (m_feed) {
        m_feed->stop();
    }
    if (m_session) {
        // Everything received is processed, the journal made durable (LiveSession::stop).
        m_session->stop(flatten, true);
    }
    if (m_recorder) {
        m_recorder->close();
    }
    if (m_journal) {
        m_journal->close();
        if (!m_journal->healthy()) {
            platform::logger("live")->error("journal errors: {} (last: {})",
                                            m_journal->errorCount(), m_journal->lastError());
        }
    }
    if (m_metricsServer) {
        m_metricsServer->close();
    }
    if (m_session) {
        platform::logger("live")->info("run {} stopped", m_runId);
    }
}

} // namespace hoga::live
