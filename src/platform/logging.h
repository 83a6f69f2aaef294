#pragma once

// Logging through spdlog: one named logger per subsystem ("feed", "book", "storage", "replay",
// ...), all sharing one asynchronous sink set, so that a hot path pays for a queue push, not for
// formatting and I/O. Console output goes to stderr: stdout belongs to the programs' results.

#include <spdlog/logger.h>

#include <memory>
#include <string>
#include <string_view>

namespace hoga::platform {

struct LogOptions {
    std::string level = "info"; // trace, debug, info, warn, error, critical, off
    std::string filePath;       // empty: no file sink
    bool console = true;
    bool async = true;
};

// Sets up the sinks once; later calls replace the level only. Safe to skip: logger() then
// initialises with defaults.
void initLogging(const LogOptions& options = {});

// The logger of one subsystem, created on first use.
std::shared_ptr<spdlog::logger> logger(std::string_view subsystem);

// Flushes and stops the async thread (call before exit).
void shutdownLogging();

// Shortens a frame for a log line: the first `maxBytes` bytes and the total length.
std::string truncateForLog(std::string_view text, std::size_t maxBytes = 200);

} // namespace hoga::platform
