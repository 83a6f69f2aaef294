#include "what_if_runner.h"

#include "app/backtest_session.h"
#include "binance/event_tape.h"
#include "platform/thread_name.h"

#include <QMetaObject>

#include <algorithm>
#include <filesystem>

namespace hoga::gui {

namespace {

// A file as it was when decoded: a session's recording grows while it trades.
struct FileStamp {
    std::string path;
    std::uintmax_t size = 0;
    std::filesystem::file_time_type modified{};
    bool operator==(const FileStamp&) const = default;
};

std::vector<FileStamp> stamps(const std::vector<std::string>& files) {
    std::vector<FileStamp> out;
    for (const std::string& path : files) {
        FileStamp s{path, 0, {}};
        std::error_code ec;
        s.size = std::filesystem::file_size(path, ec);
        s.modified = std::filesystem::last_write_time(path, ec);
        out.push_back(std::move(s));
    }
    return out;
}

} // namespace

struct WhatIfRunner::Cache {
    std::vector<FileStamp> files;
    std::unique_ptr<binance::EventTape> tape;
    std::optional<core::StrategyParams> currentParams; // what `currentReport` was run with
    std::optional<engine::BacktestReport> currentReport;
};

WhatIfRunner::WhatIfRunner(QObject* parent) : QObject(parent), m_cache(std::make_unique<Cache>()) {
    m_debounce.setSingleShot(true);
    m_debounce.setInterval(400);
    connect(&m_debounce, &QTimer::timeout, this, [this] { run(m_scheduled); });
    m_thread = std::thread([this] {
        platform::setCurrentThreadName("what-if");
        work();
    });
}

WhatIfRunner::~WhatIfRunner() {
    {
        const std::lock_guard lock(m_mutex);
        m_quit = true;
        m_request.reset();
    }
    m_cancelBelow = UINT64_MAX;
    m_wake.notify_all();
    m_thread.join();
}

void WhatIfRunner::setSource(const QStringList& files) {
    m_files = files;
}

void WhatIfRunner::schedule(const core::StrategyParams& edited) {
    m_scheduled = edited;
    m_debounce.start(); // restarts: only a pause in the edits runs
}

std::uint64_t WhatIfRunner::run(const core::StrategyParams& edited) {
    m_debounce.stop();
    Request request;
    request.id = ++m_nextId;
    for (const QString& f : m_files) {
        request.files.push_back(f.toStdString());
    }
    request.current = m_current;
    request.edited = edited;
    std::optional<Request> dropped;
    {
        const std::lock_guard lock(m_mutex);
        dropped = std::move(m_request);
        m_request = std::move(request);
    }
    m_cancelBelow = m_nextId; // the run in progress, if any, is superseded
    m_wake.notify_one();
    m_busy = true;
    m_latest = m_nextId;
    if (dropped) {
        WhatIfResult r;
        r.id = dropped->id;
        r.cancelled = true;
        post(std::move(r));
    }
    return m_nextId;
}

void WhatIfRunner::cancel() {
    m_debounce.stop();
    std::optional<Request> dropped;
    {
        const std::lock_guard lock(m_mutex);
        dropped = std::move(m_request);
        m_request.reset();
    }
    m_cancelBelow = m_nextId + 1;
    if (dropped) {
        WhatIfResult r;
        r.id = dropped->id;
        r.cancelled = true;
        post(std::move(r));
    }
}

void WhatIfRunner::post(WhatIfResult result) {
    // Queued even from the GUI thread, so finished() never arrives inside run() or cancel().
    QMetaObject::invokeMethod(
        this,
        [this, result = std::move(result)] {
            if (result.id == m_latest) {
                m_busy = false;
            }
            Q_EMIT finished(result);
        },
        Qt::QueuedConnection);
}

void WhatIfRunner::work() {
    while (true) {
        Request request;
        {
            std::unique_lock lock(m_mutex);
            m_wake.wait(lock, [this] { return m_quit || m_request.has_value(); });
            if (m_quit) {
                return;
            }
            request = std::move(*m_request);
            m_request.reset();
        }
        execute(request);
    }
}

bool WhatIfRunner::ensureTape(const std::vector<std::string>& files, std::string& error) {
    const std::vector<FileStamp> now = stamps(files);
    if (!m_cache->tape || m_cache->files != now) {
        m_cache->tape.reset();
        m_cache->currentParams.reset();
        m_cache->currentReport.reset();
        auto tape = std::make_unique<binance::EventTape>(
            binance::decodeTape(files, core::InstrumentSpec::btcusdtDefaults()));
        if (tape->entries.empty()) {
            error = tape->error.empty() ? "the recordings hold no market events" : tape->error;
            return false;
        }
        m_cache->files = now;
        m_cache->tape = std::move(tape);
    }
    error = m_cache->tape->error; // read up to a damaged part: a warning beside the figures
    return true;
}

std::optional<engine::BacktestReport> WhatIfRunner::backtest(const Request& request,
                                                             const core::StrategyParams& params,
                                                             std::int64_t offset,
                                                             std::int64_t total) {
    const binance::EventTape& tape = *m_cache->tape;
    app::BacktestSession session(core::InstrumentSpec::btcusdtDefaults(), params, nullptr);
    const std::int64_t every = std::max<std::int64_t>(1, total / 200);
    const std::uint64_t id = request.id;
    std::int64_t done = 0;
    for (const auto& entry : tape.entries) {
        if (m_cancelBelow.load(std::memory_order_relaxed) > id) {
            return std::nullopt;
        }
        session.onTapeEntry(tape, entry);
        if (++done % every == 0) {
            const std::int64_t at = offset + done;
            QMetaObject::invokeMethod(
                this, [this, id, at, total] { Q_EMIT progressed(id, at, total); },
                Qt::QueuedConnection);
        }
    }
    return session.finish(static_cast<std::int64_t>(tape.entries.size()), tape.malformed);
}

void WhatIfRunner::execute(const Request& request) {
    const std::uint64_t id = request.id;
    WhatIfResult result;
    result.id = id;
    const auto cancelled = [&] { return m_cancelBelow.load() > id; };
    if (cancelled()) {
        result.cancelled = true;
        post(std::move(result));
        return;
    }
    QMetaObject::invokeMethod(
        this,
        [this, id] {
            Q_EMIT started(id);
            Q_EMIT progressed(id, 0, 0); // decoding: no total yet
        },
        Qt::QueuedConnection);
    std::string error;
    if (request.files.empty()) {
        result.error = tr("No recording chosen.");
        post(std::move(result));
        return;
    }
    if (!ensureTape(request.files, error)) {
        result.error = QString::fromStdString(error);
        post(std::move(result));
        return;
    }
    result.error = QString::fromStdString(error);
    const auto events = static_cast<std::int64_t>(m_cache->tape->entries.size());
    const bool haveCurrent = m_cache->currentReport && m_cache->currentParams &&
                             *m_cache->currentParams == request.current;
    const bool same = request.edited == request.current;
    const std::int64_t total = events * ((haveCurrent ? 0 : 1) + (same ? 0 : 1));
    std::int64_t offset = 0;
    if (!haveCurrent) {
        auto report = backtest(request, request.current, 0, total);
        if (!report) {
            result.cancelled = true;
            post(std::move(result));
            return;
        }
        m_cache->currentParams = request.current;
        m_cache->currentReport = std::move(report);
        offset = events;
    }
    result.current = m_cache->currentReport;
    if (same) {
        result.edited = result.current;
    } else {
        result.edited = backtest(request, request.edited, offset, total);
        if (!result.edited) {
            result.cancelled = true;
            post(std::move(result));
            return;
        }
    }
    const std::int64_t end = std::max<std::int64_t>(total, 1); // nothing to replay is done too
    QMetaObject::invokeMethod(
        this, [this, id, end] { Q_EMIT progressed(id, end, end); }, Qt::QueuedConnection);
    post(std::move(result));
}

} // namespace hoga::gui
