#pragma once

// Producer side of RecordingReader: turns one file into text blocks. gzip (magic 1f 8b, any
// number of concatenated members) or plain text. Runs on the reader's decompression thread.
//
// gzip strategy: libdeflate has no streaming API but is ~2× faster than zlib here, so each member
// is first decoded by libdeflate straight into a block (the whole compressed file is mapped, so
// the member's input is contiguous). If the member's text does not fit the block
// (LIBDEFLATE_INSUFFICIENT_SPACE) or libdeflate rejects the data, that one member is inflated by
// zlib in chunkSize pieces instead: zlib streams with bounded memory, and on bad input it says
// where it failed and lets the text before that point through. Then the next member goes back to
// libdeflate.

#include "storage/recording_reader.h"

#include <cstddef>
#include <cstdint>
#include <string>

struct libdeflate_decompressor;

namespace hoga::storage {

class BlockQueue;
class TextBlock;
class MappedFile;
class ZlibInflater;

class FileDecoder {
public:
    FileDecoder(BlockQueue& queue, const RecordingReaderOptions& options,
                libdeflate_decompressor* libdeflate);
    ~FileDecoder();

    FileDecoder(const FileDecoder&) = delete;
    FileDecoder& operator=(const FileDecoder&) = delete;

    // Pushes every block of the file, the last one marked endOfFile. Returns false if the session
    // must end: on failure (the error travels in the last pushed block) or when the queue stopped.
    bool decode(std::size_t fileIndex, const std::string& path);

private:
    bool decodePlain(const MappedFile& file);
    bool decodeGzip(const MappedFile& file);
    bool inflateMember(const MappedFile& file, std::size_t& offset);
    TextBlock* currentBlock();
    bool pushCurrent();
    bool fail(const std::string& what);
    void dropConsumedInput(const MappedFile& file, std::size_t offset);

    BlockQueue& m_queue;
    const RecordingReaderOptions& m_options;
    std::size_t m_chunkSize;
    libdeflate_decompressor* m_libdeflate;
    std::unique_ptr<ZlibInflater> m_zlib;
    TextBlock* m_block = nullptr;
    std::size_t m_fileIndex = 0;
    std::string m_path;
    std::size_t m_droppedUpTo = 0;
};

} // namespace hoga::storage
