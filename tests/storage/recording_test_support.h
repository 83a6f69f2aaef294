#pragma once

// Helpers for tst_recordings: read a whole recording through RecordingReader (touching the
// padding after every frame, so ASan checks the guarantee), and an independent reference decode
// with zlib's gzread().

#include "storage/recording_reader.h"

#include <QByteArray>

#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

namespace hoga::storage::testing {

struct Line {
    std::int64_t timeNs = 0;
    std::string frame;
    std::uint64_t lineNumber = 0;
    std::size_t fileIndex = 0;
    bool operator==(const Line&) const = default;
};

struct ReadResult {
    std::vector<Line> lines;
    std::string error;
    RecordingReaderStats stats;
};

// Every frame of the session; reads the kFramePadding bytes after each one.
ReadResult readAll(std::vector<std::string> paths, RecordingReaderOptions options = {});

// zlib's gzread() over the whole file (it handles concatenated members).
std::string gunzip(const std::string& path);

// The expected lines, parsed independently of the reader: the unit from the digit count.
std::vector<Line> referenceLines(const std::string& text, std::size_t fileIndex = 0);

std::string readBytes(const std::string& path);
void writeBytes(const std::string& path, std::string_view bytes);

// The first mismatch, for a readable failure message instead of 94k QCOMPAREs; empty if equal.
QByteArray firstDifference(const std::vector<Line>& got, const std::vector<Line>& want);
bool isPrefix(const std::vector<Line>& got, const std::vector<Line>& want);

} // namespace hoga::storage::testing
