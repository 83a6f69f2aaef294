#include "storage/rotating_recorder.h"

#include "platform/logging.h"

#include <chrono>
#include <cstdio>
#include <filesystem>
#include <system_error>

namespace hoga::storage {

namespace {

constexpr std::int64_t kNsPerHour = std::int64_t{3600} * 1'000'000'000;
// RecordingWriter's own rule (recording_writer.h): below this the reader sees µs or coarser.
constexpr std::int64_t kMinNanoTimestamp = 100'000'000'000'000'000LL;
// Restarts within one hour beyond this are a loop gone wrong, not a session.
constexpr int kMaxSequence = 9999;

bool isValidPrefix(std::string_view prefix) {
    if (prefix.empty() || prefix == "." || prefix == "..") {
        return false;
    }
    for (const char c : prefix) {
        const bool ok = (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') ||
                        (c >= '0' && c <= '9') || c == '.' || c == '_' || c == '-';
        if (!ok) {
            return false;
        }
    }
    return true;
}

// Why a frame cannot be recorded, or empty: the rules under which RecordingWriter would reject
// it, checked here so that a false from write() can only mean an I/O failure.
std::string rejection(std::int64_t localTimeNs, std::string_view frame) {
    if (localTimeNs < kMinNanoTimestamp) {
        return "timestamp " + std::to_string(localTimeNs) + " is not a Unix time in nanoseconds";
    }
    if (frame.empty()) {
        return "empty frame";
    }
    if (frame.find('\n') != std::string_view::npos) {
        return "frame contains a newline";
    }
    if (frame.back() == '\r') {
        return "frame ends with a carriage return";
    }
    return {};
}

// A frame for a log line: short, and with its line breaks visible instead of breaking the log.
std::string printable(std::string_view frame) {
    std::string out;
    for (const char c : platform::truncateForLog(frame, 80)) {
        if (c == '\n') {
            out += "\\n";
        } else if (c == '\r') {
            out += "\\r";
        } else {
            out += c;
        }
    }
    return out;
}

} // namespace

RotatingRecorder::RotatingRecorder(RotatingRecorderOptions options)
    : m_options(std::move(options)) {
    m_options.writer.overwrite = false; // the whole point of the sequence numbers
}

RotatingRecorder::~RotatingRecorder() {
    close();
}

std::int64_t RotatingRecorder::hourOf(std::int64_t unixNs) {
    std::int64_t hour = unixNs / kNsPerHour;
    if (unixNs % kNsPerHour < 0) {
        --hour;
    }
    return hour;
}

std::string RotatingRecorder::fileName(std::string_view prefix, std::int64_t hourIndex,
                                       int sequence) {
    using namespace std::chrono;
    std::int64_t day = hourIndex / 24;
    std::int64_t hh = hourIndex % 24;
    if (hh < 0) {
        hh += 24;
        --day;
    }
    const year_month_day date{sys_days{days{day}}};
    char stamp[32];
    std::snprintf(stamp, sizeof stamp, "_%04d%02u%02u_%02d", int(date.year()),
                  unsigned(date.month()), unsigned(date.day()), int(hh));
    std::string name(prefix);
    name += stamp;
    if (sequence > 0) {
        name += '.' + std::to_string(sequence);
    }
    name += ".gz";
    return name;
}

bool RotatingRecorder::record(std::int64_t localTimeNs, std::string_view frame) {
    if (const std::string why = rejection(localTimeNs, frame); !why.empty()) {
        ++m_stats.rejected;
        m_lastError = "rejected: " + why;
        platform::logger("recorder")->warn("not recorded: {}: {}", why, printable(frame));
        return false;
    }
    const std::int64_t hour = hourOf(localTimeNs);
    if (m_writer && hour > m_hour) {
        closeWriter(true); // a failure is counted; the new hour starts afresh anyway
    }
    if (!m_writer) {
        if (m_failedHour && hour <= m_hour) {
            ++m_stats.dropped;
            if (!m_loggedDrop) {
                m_loggedDrop = true;
                platform::logger("recorder")
                    ->warn("dropping frames until the next hour after: {}", m_lastError);
            }
            return false;
        }
        if (!openHour(hour, localTimeNs)) {
            ++m_stats.dropped;
            return false;
        }
    } else if (hour < m_hour) {
        ++m_stats.stepsBack;
    }
    if (!m_writer->write(localTimeNs, frame)) {
        failure(m_writer->error());
        closeWriter(false);
        m_failedHour = true;
        ++m_stats.dropped;
        return false;
    }
    ++m_stats.lines;
    m_stats.bytes = m_closedBytes + m_writer->bytesWritten();
    if (m_options.flushIntervalNs > 0 && localTimeNs - m_lastFlushNs >= m_options.flushIntervalNs) {
        m_lastFlushNs = localTimeNs;
        if (!flush()) {
            return false; // the frame was accepted, but what was pending is lost; see errors
        }
    }
    return true;
}

bool RotatingRecorder::flush() {
    if (!m_writer) {
        return !m_failedHour;
    }
    ++m_stats.flushes;
    const bool ok = m_writer->flush();
    m_stats.bytes = m_closedBytes + m_writer->bytesWritten();
    if (!ok) {
        failure(m_writer->error());
        closeWriter(false);
        m_failedHour = true;
    }
    return ok;
}

bool RotatingRecorder::close() {
    const bool ok = closeWriter(true);
    m_failedHour = false; // an explicit close starts afresh: the next record() tries to open
    return ok;
}

bool RotatingRecorder::openHour(std::int64_t hour, std::int64_t firstNs) {
    m_hour = hour;
    m_failedHour = true; // until proven otherwise
    m_loggedDrop = false;
    if (!isValidPrefix(m_options.prefix)) {
        failure("invalid file prefix \"" + m_options.prefix + "\" (use A-Z a-z 0-9 . _ -)");
        return false;
    }
    if (m_options.directory.empty()) {
        failure("no recording directory given");
        return false;
    }
    const std::filesystem::path dir(m_options.directory);
    std::error_code ec;
    if (!std::filesystem::is_directory(dir, ec)) {
        failure(m_options.directory +
                ": cannot record there: " + (ec ? ec.message() : std::string("not a directory")));
        return false;
    }
    auto writer = std::make_unique<RecordingWriter>(m_options.writer);
    for (int sequence = 0; sequence <= kMaxSequence; ++sequence) {
        const std::string path = (dir / fileName(m_options.prefix, hour, sequence)).string();
        if (std::filesystem::exists(std::filesystem::symlink_status(path, ec))) {
            continue; // a restart within the hour: never overwrite
        }
        if (writer->open(path)) {
            m_writer = std::move(writer);
            m_path = path;
            m_failedHour = false;
            m_lastFlushNs = firstNs;
            ++m_stats.filesOpened;
            platform::logger("recorder")->info("recording to {}", path);
            return true;
        }
        // Created by someone else between the check and the open: take the next name.
        if (!std::filesystem::exists(std::filesystem::symlink_status(path, ec))) {
            failure(writer->error());
            return false;
        }
    }
    failure(m_options.directory + ": no free file name for hour " +
            fileName(m_options.prefix, hour, 0) + " after " + std::to_string(kMaxSequence) +
            " restarts");
    return false;
}

bool RotatingRecorder::closeWriter(bool reportFailure) {
    if (!m_writer) {
        return true;
    }
    const bool ok = m_writer->close();
    if (!ok && reportFailure) {
        failure(m_writer->error());
    }
    m_closedBytes += m_writer->bytesWritten();
    m_stats.bytes = m_closedBytes;
    platform::logger("recorder")
        ->info("closed {} ({} lines, {} bytes)", m_path, m_writer->linesWritten(),
               m_writer->bytesWritten());
    m_writer.reset();
    m_path.clear();
    return ok;
}

void RotatingRecorder::failure(const std::string& message) {
    ++m_stats.errors;
    m_lastError = message;
    platform::logger("recorder")->error("{}", message);
}

} // namespace hoga::storage
