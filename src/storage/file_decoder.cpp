#define ZLIB_CONST
#include "storage/file_decoder.h"

#include "storage/text_block.h"

#include <algorithm>
#include <cerrno>
#include <climits>
#include <cstring>
#include <fcntl.h>
#include <libdeflate.h>
#include <sys/mman.h>
#include <sys/stat.h>
#include <system_error>
#include <unistd.h>
#include <zlib.h>

namespace hoga::storage {

namespace {

// Dropping consumed input pages costs a syscall; doing it every few MiB is plenty.
constexpr std::size_t kDropGranularity = std::size_t{4} << 20;

std::string errnoText(int err) {
    // std::system_category is thread-safe, unlike strerror().
    return std::system_category().message(err);
}

bool hasGzipMagic(const unsigned char* data, std::size_t size) {
    return size >= 2 && data[0] == 0x1f && data[1] == 0x8b;
}

uInt zlibLength(std::size_t n) {
    return static_cast<uInt>(std::min<std::size_t>(n, UINT_MAX));
}

} // namespace

// The whole file, mapped read-only. The compressed input of a libdeflate call must be contiguous;
// mapping gives that without a copy and lets the page cache, not our heap, hold it. (A file
// truncated by someone else while mapped would raise SIGBUS; recordings are not edited in place.)
class MappedFile {
public:
    MappedFile() = default;
    MappedFile(const MappedFile&) = delete;
    MappedFile& operator=(const MappedFile&) = delete;
    ~MappedFile() {
        if (m_data != nullptr) {
            ::munmap(const_cast<unsigned char*>(m_data), m_size);
        }
    }

    bool open(const std::string& path, std::string& error) {
        const int fd = ::open(path.c_str(), O_RDONLY | O_CLOEXEC);
        if (fd < 0) {
            error = "cannot open: " + errnoText(errno);
            return false;
        }
        const bool ok = map(fd, error);
        ::close(fd);
        return ok;
    }

    const unsigned char* data() const { return m_data; }
    std::size_t size() const { return m_size; }

private:
    bool map(int fd, std::string& error) {
        struct stat st {};
        if (::fstat(fd, &st) != 0) {
            error = "cannot stat: " + errnoText(errno);
            return false;
        }
        if (S_ISDIR(st.st_mode)) {
            error = "cannot read: " + errnoText(EISDIR);
            return false;
        }
        if (!S_ISREG(st.st_mode)) {
            error = "cannot read: not a regular file";
            return false;
        }
        m_size = static_cast<std::size_t>(st.st_size);
        if (m_size == 0) {
            return true; // mmap of length 0 is an error; an empty recording is not
        }
        void* p = ::mmap(nullptr, m_size, PROT_READ, MAP_PRIVATE, fd, 0);
        if (p == MAP_FAILED) {
            error = "cannot map: " + errnoText(errno);
            m_size = 0;
            return false;
        }
        ::madvise(p, m_size, MADV_SEQUENTIAL);
        m_data = static_cast<const unsigned char*>(p);
        return true;
    }

    const unsigned char* m_data = nullptr;
    std::size_t m_size = 0;
};

// One z_stream for gzip members, reused (inflateReset) because inflateInit allocates the window.
class ZlibInflater {
public:
    ZlibInflater() = default;
    ZlibInflater(const ZlibInflater&) = delete;
    ZlibInflater& operator=(const ZlibInflater&) = delete;
    ~ZlibInflater() {
        if (m_initialised) {
            inflateEnd(&m_stream);
        }
    }

    // A stream ready for a new member, or nullptr when zlib cannot allocate its state.
    z_stream* startMember() {
        if (m_initialised) {
            return inflateReset(&m_stream) == Z_OK ? &m_stream : nullptr;
        }
        m_stream = z_stream{};
        // 16 + MAX_WBITS: expect a gzip header and trailer. zlib stops at the end of the member
        // (Z_STREAM_END); the caller starts the next member itself.
        m_initialised = inflateInit2(&m_stream, 16 + MAX_WBITS) == Z_OK;
        return m_initialised ? &m_stream : nullptr;
    }

private:
    z_stream m_stream{};
    bool m_initialised = false;
};

FileDecoder::FileDecoder(BlockQueue& queue, const RecordingReaderOptions& options,
                         libdeflate_decompressor* libdeflate)
    : m_queue(queue), m_options(options),
      m_chunkSize(std::clamp<std::size_t>(options.chunkSize, 1, options.blockCapacity)),
      m_libdeflate(libdeflate), m_zlib(std::make_unique<ZlibInflater>()) {}

FileDecoder::~FileDecoder() = default;

bool FileDecoder::decode(std::size_t fileIndex, const std::string& path) {
    m_fileIndex = fileIndex;
    m_path = path;
    m_droppedUpTo = 0;
    MappedFile file;
    std::string error;
    if (!file.open(path, error)) {
        return fail(error);
    }
    const bool ok = hasGzipMagic(file.data(), file.size()) ? decodeGzip(file) : decodePlain(file);
    if (!ok) {
        return false;
    }
    TextBlock* block = currentBlock();
    if (block == nullptr) {
        return false;
    }
    block->endOfFile = true;
    return pushCurrent();
}

bool FileDecoder::decodePlain(const MappedFile& file) {
    std::size_t offset = 0;
    while (offset < file.size()) {
        TextBlock* block = currentBlock();
        if (block == nullptr) {
            return false;
        }
        const std::size_t n = std::min({block->space(), m_chunkSize, file.size() - offset});
        std::memcpy(block->data() + block->size, file.data() + offset, n);
        block->size += n;
        block->compressedBytes += n;
        offset += n;
        dropConsumedInput(file, offset);
        if (block->size >= m_chunkSize && !pushCurrent()) {
            return false;
        }
    }
    return true;
}

bool FileDecoder::decodeGzip(const MappedFile& file) {
    const unsigned char* in = file.data();
    const std::size_t size = file.size();
    std::size_t offset = 0;
    while (offset < size) {
        if (m_queue.stopped()) {
            return false;
        }
        if (offset > 0 && !hasGzipMagic(in + offset, size - offset)) {
            // gzip(1) tolerates zero padding after the last member (tape blocking); so do we.
            if (std::all_of(in + offset, in + size, [](unsigned char c) { return c == 0; })) {
                break;
            }
            return fail("unexpected data after the last gzip member at compressed offset " +
                        std::to_string(offset));
        }
        if (m_options.useLibdeflate) {
            TextBlock* block = currentBlock();
            if (block == nullptr) {
                return false;
            }
            // Into a partly filled block only a member of up to chunkSize is tried, so a large
            // member wastes at most that much decoding before it moves on to an empty block.
            const std::size_t space =
                block->size == 0 ? block->space() : std::min(block->space(), m_chunkSize);
            std::size_t inUsed = 0;
            std::size_t outUsed = 0;
            const libdeflate_result result = libdeflate_gzip_decompress_ex(
                m_libdeflate, in + offset, size - offset, block->data() + block->size, space,
                &inUsed, &outUsed);
            if (result == LIBDEFLATE_SUCCESS) {
                block->size += outUsed;
                block->compressedBytes += inUsed;
                ++block->gzipMembers;
                offset += inUsed;
                dropConsumedInput(file, offset);
                if (block->size >= m_chunkSize && !pushCurrent()) {
                    return false;
                }
                continue;
            }
            if (result == LIBDEFLATE_INSUFFICIENT_SPACE && block->size > 0) {
                if (!pushCurrent()) {
                    return false;
                }
                continue; // retry into an empty block
            }
            // Larger than a block, or libdeflate rejected the data (it cannot say where): zlib
            // streams the member and, if it is bad, delivers what precedes the damage.
        }
        if (!inflateMember(file, offset)) {
            return false;
        }
    }
    return true;
}

bool FileDecoder::inflateMember(const MappedFile& file, std::size_t& offset) {
    z_stream* z = m_zlib->startMember();
    if (z == nullptr) {
        return fail("cannot initialise zlib");
    }
    const std::size_t memberStart = offset;
    z->next_in = file.data() + offset;
    z->avail_in = zlibLength(file.size() - offset);
    while (true) {
        if (m_queue.stopped()) {
            return false;
        }
        TextBlock* block = currentBlock();
        if (block == nullptr) {
            return false;
        }
        const std::size_t space = std::min(block->space(), m_chunkSize);
        if (space == 0) {
            if (!pushCurrent()) {
                return false;
            }
            continue;
        }
        z->next_out = reinterpret_cast<Bytef*>(block->data() + block->size);
        z->avail_out = zlibLength(space);
        const uInt availInBefore = z->avail_in;
        const uInt availOutBefore = z->avail_out;
        const int ret = inflate(z, Z_NO_FLUSH);
        const std::size_t consumed = availInBefore - z->avail_in;
        const std::size_t produced = availOutBefore - z->avail_out;
        block->size += produced;
        block->compressedBytes += consumed;
        offset += consumed;
        if (ret == Z_STREAM_END) {
            ++block->gzipMembers;
            dropConsumedInput(file, offset);
            return true;
        }
        if (ret == Z_DATA_ERROR || ret == Z_NEED_DICT || ret == Z_STREAM_ERROR ||
            (ret == Z_BUF_ERROR && consumed == 0 && produced == 0 && z->avail_in > 0)) {
            const char* detail = z->msg != nullptr ? z->msg : "invalid data";
            return fail("corrupt gzip data at compressed offset " + std::to_string(offset) +
                        " (in the member that starts at " + std::to_string(memberStart) +
                        "; zlib: " + detail + ")");
        }
        if (ret == Z_MEM_ERROR) {
            return fail("out of memory while inflating");
        }
        if (z->avail_in == 0) {
            // With output space left, inflate stopped only for want of input. (With none left it
            // may still hold output; the next round tells.)
            if (offset >= file.size() && z->avail_out > 0) {
                return fail("truncated gzip: the file ends inside the member that starts at "
                            "compressed offset " +
                            std::to_string(memberStart));
            }
            if (offset < file.size()) {
                z->next_in = file.data() + offset; // more than 4 GiB of input
                z->avail_in = zlibLength(file.size() - offset);
            }
        }
        dropConsumedInput(file, offset);
        if (block->size >= m_chunkSize && !pushCurrent()) {
            return false;
        }
    }
}

TextBlock* FileDecoder::currentBlock() {
    if (m_block == nullptr) {
        m_block = m_queue.acquire();
        if (m_block != nullptr) {
            m_block->fileIndex = m_fileIndex;
        }
    }
    return m_block;
}

bool FileDecoder::pushCurrent() {
    TextBlock* block = m_block;
    m_block = nullptr;
    return m_queue.push(block);
}

bool FileDecoder::fail(const std::string& what) {
    TextBlock* block = currentBlock();
    if (block == nullptr) {
        return false;
    }
    block->error = m_path + ": " + what;
    block->endOfFile = true;
    pushCurrent();
    return false;
}

void FileDecoder::dropConsumedInput(const MappedFile& file, std::size_t offset) {
    // Consumed compressed pages are released so that a multi-GB file does not pile up in our
    // resident set (the page cache may keep them; that memory is the kernel's to reclaim).
    static const auto pageSize = static_cast<std::size_t>(::sysconf(_SC_PAGESIZE));
    const std::size_t end = offset / pageSize * pageSize;
    if (file.data() == nullptr || end < m_droppedUpTo + kDropGranularity) {
        return;
    }
    ::madvise(const_cast<unsigned char*>(file.data()) + m_droppedUpTo, end - m_droppedUpTo,
              MADV_DONTNEED);
    m_droppedUpTo = end;
}

} // namespace hoga::storage
