#include "storage/recording_reader.h"

#include "platform/thread_name.h"
#include "storage/file_decoder.h"
#include "storage/text_block.h"

#include <algorithm>
#include <cerrno>
#include <charconv>
#include <cstring>
#include <exception>
#include <fcntl.h>
#include <libdeflate.h>
#include <limits>
#include <system_error>
#include <unistd.h>
#include <utility>

namespace hoga::storage {

namespace {

// Checks every path before any frame is delivered: a backtest over N files should fail before it
// runs, not after replaying N-1 of them. (The producer still handles a file vanishing later.)
std::string firstUnreadable(const std::vector<std::string>& paths) {
    for (const std::string& path : paths) {
        const int fd = ::open(path.c_str(), O_RDONLY | O_CLOEXEC);
        if (fd < 0) {
            return path + ": cannot open: " + std::system_category().message(errno);
        }
        ::close(fd);
    }
    return {};
}

} // namespace

RecordingReader::RecordingReader(std::vector<std::string> paths, RecordingReaderOptions options)
    : m_paths(std::move(paths)), m_options(options) {
    m_options.blockCapacity = std::max<std::size_t>(m_options.blockCapacity, 1);
    // zlib counts in 32-bit units; a chunk stays well below that.
    m_options.chunkSize = std::clamp<std::size_t>(
        m_options.chunkSize, 1, std::min(m_options.blockCapacity, std::size_t{1} << 30));
    m_options.blocksInFlight = std::max<std::size_t>(m_options.blocksInFlight, 1);
    for (const std::string& path : m_paths) {
        m_stats.files.push_back(RecordingFileStats{path, 0, 0, std::nullopt, false});
    }
    m_error = firstUnreadable(m_paths);
    if (!m_error.empty() || m_paths.empty()) {
        m_done = true;
        return;
    }
    m_queue = std::make_unique<BlockQueue>(m_options.blocksInFlight, m_options.blockCapacity);
    m_producer = std::thread([this] {
        platform::setCurrentThreadName("recording-read");
        produce();
    });
}

RecordingReader::~RecordingReader() {
    if (m_queue) {
        m_queue->stop(); // wakes a producer waiting for a free block
    }
    if (m_producer.joinable()) {
        m_producer.join();
    }
}

void RecordingReader::produce() {
    std::string error;
    try {
        const std::unique_ptr<libdeflate_decompressor, void (*)(libdeflate_decompressor*)>
            libdeflate(libdeflate_alloc_decompressor(), &libdeflate_free_decompressor);
        if (!libdeflate) {
            m_queue->finish("cannot allocate a libdeflate decompressor");
            return;
        }
        FileDecoder decoder(*m_queue, m_options, libdeflate.get());
        for (std::size_t i = 0; i < m_paths.size(); ++i) {
            if (!decoder.decode(i, m_paths[i])) {
                break;
            }
        }
    } catch (const std::exception& e) {
        // Only allocation can throw here; the session ends with an error instead of terminate().
        error = std::string("recording reader: ") + e.what();
    }
    m_queue->finish(std::move(error));
}

bool RecordingReader::takeBlock() {
    m_block = m_queue->pop();
    if (m_block == nullptr) {
        m_error = m_queue->finishError();
        m_done = true;
        return false;
    }
    m_pos = 0;
    if (m_stats.filesOpened == 0 || m_block->fileIndex != m_fileIndex) {
        m_fileIndex = m_block->fileIndex;
        m_lineNumber = 0;
        ++m_stats.filesOpened;
    }
    m_stats.compressedBytes += m_block->compressedBytes;
    m_stats.decompressedBytes += m_block->size;
    m_stats.gzipMembers += m_block->gzipMembers;
    return true;
}

void RecordingReader::releaseBlock() {
    m_queue->release(m_block);
    m_block = nullptr;
}

bool RecordingReader::failLongLine() {
    m_error = m_paths[m_fileIndex] + ": line " + std::to_string(m_lineNumber + 1) +
              " is longer than " + std::to_string(m_options.maxLineLength) + " bytes";
    m_carry.clear();
    m_done = true;
    releaseBlock();
    return false;
}

std::string_view RecordingReader::serveCarry() {
    const std::size_t length = m_carry.size();
    m_carry.append(kFramePadding, '\0');
    m_carryServed = true;
    return {m_carry.data(), length};
}

bool RecordingReader::next(RecordedFrame& out) {
    if (m_carryServed) {
        m_carry.clear();
        m_carryServed = false;
    }
    while (!m_done) {
        if (m_block == nullptr && !takeBlock()) {
            return false;
        }
        const char* begin = m_block->data() + m_pos;
        const std::size_t rest = m_block->size - m_pos;
        const auto* newline = static_cast<const char*>(std::memchr(begin, '\n', rest));
        std::string_view line;
        if (newline != nullptr) {
            const auto length = static_cast<std::size_t>(newline - begin);
            if (m_carry.size() + length > m_options.maxLineLength) {
                return failLongLine();
            }
            m_pos += length + 1;
            if (m_carry.empty()) {
                line = {begin, length}; // the block's own padding covers the last line
            } else {
                m_carry.append(begin, length);
                line = serveCarry();
            }
        } else {
            if (!m_block->error.empty()) {
                // The incomplete line before the damage is dropped: it is not a whole frame.
                m_error = m_block->error;
                m_carry.clear();
                m_done = true;
                releaseBlock();
                return false;
            }
            // No complete line left: keep the partial one for the next block of this file.
            if (m_carry.size() + rest > m_options.maxLineLength) {
                return failLongLine();
            }
            m_carry.append(begin, rest);
            const bool endOfFile = m_block->endOfFile;
            releaseBlock();
            if (!endOfFile || m_carry.empty()) {
                continue;
            }
            line = serveCarry(); // last line of the file, without a trailing newline
        }
        ++m_lineNumber;
        if (acceptLine(line, out)) {
            return true;
        }
        if (m_carryServed) {
            m_carry.clear();
            m_carryServed = false;
        }
    }
    return false;
}

bool RecordingReader::acceptLine(std::string_view line, RecordedFrame& out) {
    if (!line.empty() && line.back() == '\r') {
        line.remove_suffix(1);
    }
    if (line.empty()) {
        ++m_stats.emptyLines;
        return false;
    }
    RecordingFileStats& file = m_stats.files[m_fileIndex];
    const std::size_t space = line.find(' ');
    std::int64_t raw = 0;
    const char* stampEnd = line.data() + (space == std::string_view::npos ? 0 : space);
    const auto [parsedEnd, ec] = std::from_chars(line.data(), stampEnd, raw);
    // Malformed: no frame after the space, a timestamp that is not a whole positive integer
    // (from_chars also stops at "12.5" or "12abc"), or one that does not fit in int64 ns.
    const bool wellFormed = space != std::string_view::npos && space > 0 &&
                            space + 1 < line.size() && ec == std::errc{} && parsedEnd == stampEnd &&
                            raw > 0;
    const TimeUnit unit = detectTimeUnit(raw);
    const std::int64_t ns = toNanoseconds(raw, unit);
    if (!wellFormed || ns == std::numeric_limits<std::int64_t>::max()) {
        ++m_stats.malformedLines;
        ++file.malformedLines;
        return false;
    }
    if (!file.timeUnit) {
        file.timeUnit = unit;
    } else if (*file.timeUnit != unit) {
        file.mixedTimeUnits = true;
    }
    ++m_stats.lines;
    ++file.lines;
    out.localTimeNs = ns;
    out.frame = line.substr(space + 1);
    out.lineNumber = m_lineNumber;
    out.fileIndex = m_fileIndex;
    return true;
}

} // namespace hoga::storage
