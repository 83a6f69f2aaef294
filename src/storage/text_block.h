#pragma once

// The hand-over between the reader's decompression thread (producer) and the thread calling
// RecordingReader::next() (consumer): a fixed pool of text blocks, recycled, so memory stays
// bounded by blockCount × (capacity + kFramePadding) however large the recording is.

#include "storage/recording.h"

#include <condition_variable>
#include <cstddef>
#include <cstdint>
#include <deque>
#include <memory>
#include <mutex>
#include <string>
#include <vector>

namespace hoga::storage {

// Decompressed text of one file, or of a part of it. A block never spans two files, so the
// consumer can tell where a file's last line ends even without a trailing newline.
class TextBlock {
public:
    explicit TextBlock(std::size_t capacity);

    TextBlock(const TextBlock&) = delete;
    TextBlock& operator=(const TextBlock&) = delete;

    ~TextBlock();

    // capacity() + kFramePadding bytes are allocated, so any line inside the block is followed by
    // at least kFramePadding readable bytes. Pages are backed only once written, so a 32 MiB
    // block holding 4 MiB of text costs about 4 MiB.
    char* data() { return m_data; }
    const char* data() const { return m_data; }
    std::size_t capacity() const { return m_capacity; }
    std::size_t space() const { return m_capacity - size; }

    void reset();

    std::size_t size = 0;
    std::size_t fileIndex = 0;
    bool endOfFile = false;            // last block of its file
    std::string error;                 // set on the last block of a failed session
    std::uint64_t compressedBytes = 0; // file bytes consumed to produce this block
    std::uint64_t gzipMembers = 0;     // gzip members completed in this block

private:
    char* m_data = nullptr;
    void* m_mapping = nullptr; // what to munmap; null when m_data came from new[]
    std::size_t m_mappingLength = 0;
    std::size_t m_capacity;
};

class BlockQueue {
public:
    BlockQueue(std::size_t maxBlocks, std::size_t blockCapacity);

    // Producer side. acquire() waits for a free block and returns nullptr once stop() was called;
    // push() hands a filled block to the consumer (false once stopped).
    TextBlock* acquire();
    bool push(TextBlock* block);
    // No more blocks will come. A non-empty error is for failures that could not travel in a
    // block (allocation failure); the consumer reads it with finishError().
    void finish(std::string error = {});

    // Consumer side. pop() waits for the next block; nullptr when finished (or stopped) and empty.
    TextBlock* pop();
    void release(TextBlock* block);

    // Wakes both sides for shutdown; later acquire()/pop() return nullptr.
    void stop();
    bool stopped() const;
    std::string finishError() const;

private:
    mutable std::mutex m_mutex;
    std::condition_variable m_freeAvailable;
    std::condition_variable m_readyAvailable;
    std::vector<std::unique_ptr<TextBlock>> m_blocks; // allocated on demand, up to m_maxBlocks
    std::vector<TextBlock*> m_free;
    std::deque<TextBlock*> m_ready;
    std::size_t m_maxBlocks;
    std::size_t m_blockCapacity;
    std::string m_finishError;
    bool m_finished = false;
    bool m_stopped = false;
};

} // namespace hoga::storage
