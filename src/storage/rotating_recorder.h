#pragma once

// Records what a live session receives — raw frames with their local receive time in Unix ns —
// as recordings (recording.h) through RecordingWriter, one file per UTC hour:
// `DIR/<prefix>_YYYYMMDD_HH.gz`.
//
// Contract:
// - The hour is the frame's own local timestamp, not the wall clock (storage reads no clock), so
//   a replayed or delayed stream files the same way. A frame of a later hour closes the file and
//   opens that hour's; a frame of an earlier hour (the local clock stepped back) stays in the
//   current file, where its timestamp says what happened.
// - Never overwrites: when the hour's file exists (a restart within the hour), the next free
//   `<prefix>_YYYYMMDD_HH.N.gz`, N = 1, 2, … is used. Replaying an hour in order means taking
//   `_HH.gz` first, then `_HH.1.gz`, `_HH.2.gz`, … (a plain lexical sort puts `.1.gz` first).
// - What a crash can lose is bounded by the gzip member boundary: flush() closes the member on
//   demand, and record() does so itself once flushIntervalNs of frame time has passed since the
//   last flush (and RecordingWriter whenever a member reaches its size). Rotation and close()
//   flush too. A flush happens only on record()/flush()/close(): in a silent market nothing new
//   needs saving.
// - Frames the writer would read back differently (empty, containing '\n', ending in '\r') and
//   timestamps that are not Unix ns (< 1e17) are rejected: counted, not written, no file opened.
// - Failures (directory missing, unwritable, disk full, write errors) never throw: they are
//   counted in errors, kept in lastError() and logged (logger "recorder"). After one, the file is
//   closed (what was flushed stays readable) and frames are dropped and counted until the next
//   hour, when opening is tried again. The directory is not created: a missing one usually means
//   a volume that is not mounted, which should not fill the disk beneath.
// - Not thread-safe: one thread records (the feed's thread) and reads the counters.

#include "storage/recording_writer.h"

#include <cstdint>
#include <memory>
#include <string>
#include <string_view>

namespace hoga::storage {

struct RotatingRecorderOptions {
    std::string directory;
    std::string prefix = "hoga";                                     // [A-Za-z0-9._-]+
    std::int64_t flushIntervalNs = std::int64_t{10} * 1'000'000'000; // ≤ 0: only on demand
    RecordingWriterOptions writer;                                   // overwrite is ignored
};

struct RotatingRecorderStats {
    std::uint64_t filesOpened = 0;
    std::uint64_t lines = 0;     // accepted by a writer (in a file once flushed)
    std::uint64_t bytes = 0;     // compressed bytes written, all files
    std::uint64_t errors = 0;    // failures to open, write, flush or close
    std::uint64_t rejected = 0;  // frames or timestamps refused, see the contract
    std::uint64_t dropped = 0;   // valid frames not recorded because of a failure
    std::uint64_t flushes = 0;   // member boundaries requested (on demand or by interval)
    std::uint64_t stepsBack = 0; // frames older than the current file's hour
};

class RotatingRecorder {
public:
    explicit RotatingRecorder(RotatingRecorderOptions options);
    ~RotatingRecorder(); // close()

    RotatingRecorder(const RotatingRecorder&) = delete;
    RotatingRecorder& operator=(const RotatingRecorder&) = delete;

    // true if the frame is in the writer; false if it was rejected or dropped, or if the
    // flush it triggered failed (the frame was accepted, but the unflushed member is lost).
    bool record(std::int64_t localTimeNs, std::string_view frame);
    // Writes out everything recorded so far as a complete gzip member. true if nothing failed.
    bool flush();
    // Flushes and closes the current file; a later record() opens a new one.
    bool close();

    const RotatingRecorderStats& stats() const { return m_stats; }
    const std::string& lastError() const { return m_lastError; }
    const std::string& currentPath() const { return m_path; } // empty when no file is open

    // `<prefix>_YYYYMMDD_HH.gz` (sequence 0) or `<prefix>_YYYYMMDD_HH.<sequence>.gz`.
    static std::string fileName(std::string_view prefix, std::int64_t hourIndex, int sequence);
    // Whole hours since the Unix epoch (floor).
    static std::int64_t hourOf(std::int64_t unixNs);

private:
    bool openHour(std::int64_t hour, std::int64_t firstNs);
    bool closeWriter(bool reportFailure); // false: the failure was already counted
    void failure(const std::string& message);

    RotatingRecorderOptions m_options;
    std::unique_ptr<RecordingWriter> m_writer;
    std::string m_path;
    std::int64_t m_hour = 0;         // hour of the open file, or of the failed attempt
    bool m_failedHour = false;       // opening or writing failed in m_hour: drop until later
    std::int64_t m_lastFlushNs = 0;  // frame time of the last member boundary
    std::uint64_t m_closedBytes = 0; // bytes of files already closed
    bool m_loggedDrop = false;       // one log line per failure, not per dropped frame
    RotatingRecorderStats m_stats;
    std::string m_lastError;
};

} // namespace hoga::storage
