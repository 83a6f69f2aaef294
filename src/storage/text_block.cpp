#include "storage/text_block.h"

#include <algorithm>
#include <cstdint>
#include <sys/mman.h>
#include <utility>

namespace hoga::storage {

namespace {

constexpr std::size_t kHugePage = std::size_t{2} << 20;

#if defined(__SANITIZE_ADDRESS__)
constexpr bool kUseHeap = true; // heap memory, so that ASan sees reads past the padding
#else
constexpr bool kUseHeap = false;
#endif

} // namespace

TextBlock::TextBlock(std::size_t capacity) : m_capacity(capacity) {
    const std::size_t length = capacity + kFramePadding;
    if (!kUseHeap && capacity >= kHugePage) {
        // Fresh pages are expensive (measured on the 2-core VM: writing 27 MB into new 4 KiB
        // pages took 115 ms, five times the libdeflate decode itself), so a large block is
        // 2 MiB-aligned and asks for transparent huge pages: one fault per 2 MiB.
        m_mappingLength = length + kHugePage;
        void* mapping = ::mmap(nullptr, m_mappingLength, PROT_READ | PROT_WRITE,
                               MAP_PRIVATE | MAP_ANONYMOUS, -1, 0);
        if (mapping != MAP_FAILED) {
            m_mapping = mapping;
            const auto address = reinterpret_cast<std::uintptr_t>(mapping);
            m_data = reinterpret_cast<char*>((address + kHugePage - 1) & ~(kHugePage - 1));
            ::madvise(m_data, length, MADV_HUGEPAGE); // advisory: fine if THP is off
            return;                                   // anonymous memory: padding reads zero
        }
        m_mappingLength = 0;
    }
    // Default-initialised on purpose (no value-init `()`): zeroing would touch every page.
    m_data = new char[length];
    // The padding itself is initialised so that reading it is never a read of indeterminate
    // bytes, even when a frame is the last thing in a completely full block.
    std::fill_n(m_data + capacity, kFramePadding, '\0');
}

TextBlock::~TextBlock() {
    if (m_mapping != nullptr) {
        ::munmap(m_mapping, m_mappingLength);
    } else {
        delete[] m_data;
    }
}

void TextBlock::reset() {
    size = 0;
    fileIndex = 0;
    endOfFile = false;
    error.clear();
    compressedBytes = 0;
    gzipMembers = 0;
}

BlockQueue::BlockQueue(std::size_t maxBlocks, std::size_t blockCapacity)
    : m_maxBlocks(std::max<std::size_t>(maxBlocks, 1)), m_blockCapacity(blockCapacity) {
    m_blocks.reserve(m_maxBlocks);
}

TextBlock* BlockQueue::acquire() {
    std::unique_lock lock(m_mutex);
    m_freeAvailable.wait(
        lock, [this] { return m_stopped || !m_free.empty() || m_blocks.size() < m_maxBlocks; });
    if (m_stopped) {
        return nullptr;
    }
    TextBlock* block = nullptr;
    if (!m_free.empty()) {
        block = m_free.back();
        m_free.pop_back();
    } else {
        // Allocated lazily: a small file never pays for more than one block.
        m_blocks.push_back(std::make_unique<TextBlock>(m_blockCapacity));
        block = m_blocks.back().get();
    }
    block->reset();
    return block;
}

bool BlockQueue::push(TextBlock* block) {
    {
        std::lock_guard lock(m_mutex);
        if (m_stopped) {
            m_free.push_back(block);
            return false;
        }
        m_ready.push_back(block);
    }
    m_readyAvailable.notify_one();
    return true;
}

void BlockQueue::finish(std::string error) {
    {
        std::lock_guard lock(m_mutex);
        m_finished = true;
        m_finishError = std::move(error);
    }
    m_readyAvailable.notify_all();
}

TextBlock* BlockQueue::pop() {
    std::unique_lock lock(m_mutex);
    m_readyAvailable.wait(lock, [this] { return m_stopped || m_finished || !m_ready.empty(); });
    if (m_stopped || m_ready.empty()) {
        return nullptr;
    }
    TextBlock* block = m_ready.front();
    m_ready.pop_front();
    return block;
}

void BlockQueue::release(TextBlock* block) {
    {
        std::lock_guard lock(m_mutex);
        m_free.push_back(block);
    }
    m_freeAvailable.notify_one();
}

void BlockQueue::stop() {
    {
        std::lock_guard lock(m_mutex);
        m_stopped = true;
    }
    m_freeAvailable.notify_all();
    m_readyAvailable.notify_all();
}

bool BlockQueue::stopped() const {
    std::lock_guard lock(m_mutex);
    return m_stopped;
}

std::string BlockQueue::finishError() const {
    std::lock_guard lock(m_mutex);
    return m_finishError;
}

} // namespace hoga::storage
