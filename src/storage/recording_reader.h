#pragma once

// Streams recordings (recording.h) line by line: one or more files, gzip or plain text, replayed
// in sequence as one continuous session.
//
// Threading: a producer thread decompresses into a small pool of text blocks (text_block.h); the
// thread calling next() splits lines out of them. Frames are views into those blocks (or into a
// carry buffer for a line that straddles two blocks), so nothing is copied per line.
//
// Memory bound, whatever the file size: blocksInFlight × (blockCapacity + kFramePadding) for the
// blocks, plus at most maxLineLength for the carry buffer, plus the compressed input, which is
// mapped read-only and whose consumed pages are dropped as decoding advances (so at most about one
// gzip member, itself ≤ ~blockCapacity when decoded by libdeflate, is resident), plus ~300 KiB of
// zlib/libdeflate state. With the defaults: ≤ 3 × 32 MiB + 16 MiB + ~32 MiB; in practice the block
// pages a file never writes are never touched (the 27.7 MB test file uses one block).

#include "storage/recording.h"

#include <cstddef>
#include <cstdint>
#include <memory>
#include <optional>
#include <string>
#include <thread>
#include <vector>

namespace hoga::storage {

class BlockQueue;
class TextBlock;

struct RecordingReaderOptions {
    // The largest decompressed gzip member decoded in one libdeflate call, and the size of a
    // block. A larger member is inflated by zlib in chunkSize pieces instead (~2× slower).
    std::size_t blockCapacity = std::size_t{32} << 20;
    // A block is handed to the consumer once it holds this much text; also the piece size of the
    // zlib and plain-text paths. Clamped to blockCapacity.
    std::size_t chunkSize = std::size_t{4} << 20;
    // Blocks in the pool: one being filled, the rest queued or being split. At least 1.
    std::size_t blocksInFlight = 3;
    // A longer line (only in a corrupt file: real frames are < 100 KB) ends the session with an
    // error instead of growing the carry buffer without bound.
    std::size_t maxLineLength = std::size_t{16} << 20;
    // false: always inflate with zlib (benchmarks and tests compare both paths).
    bool useLibdeflate = true;
};

struct RecordingFileStats {
    std::string path;
    std::uint64_t lines = 0; // frames delivered
    std::uint64_t malformedLines = 0;
    std::optional<TimeUnit> timeUnit; // unit of the first well-formed line
    bool mixedTimeUnits = false;      // some later line had another unit
};

struct RecordingReaderStats {
    std::uint64_t lines = 0;             // frames delivered, all files
    std::uint64_t malformedLines = 0;    // skipped: no integer timestamp or no frame
    std::uint64_t emptyLines = 0;        // skipped silently
    std::uint64_t compressedBytes = 0;   // file bytes consumed (for plain files, the text itself)
    std::uint64_t decompressedBytes = 0; // text bytes handed to the line splitter
    std::uint64_t gzipMembers = 0;
    std::size_t filesOpened = 0;           // files whose replay started
    std::vector<RecordingFileStats> files; // one per path, in order
};

class RecordingReader {
public:
    explicit RecordingReader(std::vector<std::string> paths, RecordingReaderOptions options = {});
    ~RecordingReader(); // stops and joins the producer, also when next() never reached the end

    RecordingReader(const RecordingReader&) = delete;
    RecordingReader& operator=(const RecordingReader&) = delete;

    // The next well-formed line. false at the end of the last file or on an error (see error());
    // every complete line decoded before a corruption is delivered before that false.
    // Not thread-safe: call from one thread. out.frame is valid until the next call.
    bool next(RecordedFrame& out);

    // Empty unless the session ended early; names the file and what failed.
    const std::string& error() const { return m_error; }
    const RecordingReaderStats& stats() const { return m_stats; }

private:
    void produce();
    bool takeBlock();
    void releaseBlock();
    bool failLongLine();
    std::string_view serveCarry();
    bool acceptLine(std::string_view line, RecordedFrame& out);

    std::vector<std::string> m_paths;
    RecordingReaderOptions m_options;
    std::unique_ptr<BlockQueue> m_queue;
    std::thread m_producer;

    TextBlock* m_block = nullptr;
    std::size_t m_pos = 0;      // next unread byte in m_block
    std::string m_carry;        // start of a line that continues in the next block
    bool m_carryServed = false; // m_carry holds the line handed out last; clear on next call
    std::size_t m_fileIndex = 0;
    std::uint64_t m_lineNumber = 0;
    bool m_done = false;
    std::string m_error;
    RecordingReaderStats m_stats;
};

} // namespace hoga::storage
