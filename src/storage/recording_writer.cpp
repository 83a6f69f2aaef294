#define ZLIB_CONST
#include "storage/recording_writer.h"

#include <cerrno>
#include <charconv>
#include <fcntl.h>
#include <system_error>
#include <unistd.h>
#include <zlib.h>

namespace hoga::storage {

namespace {

// Text is handed to zlib in pieces of this size: calling deflate() per line costs more.
constexpr std::size_t kPendingLimit = std::size_t{64} << 10;
constexpr std::size_t kOutputPiece = std::size_t{64} << 10;
// The reader calls anything below 1e17 µs or coarser (recording.h).
constexpr std::int64_t kMinNanoTimestamp = 100'000'000'000'000'000LL;

} // namespace

RecordingWriter::RecordingWriter(RecordingWriterOptions options) : m_options(options) {
    if (m_options.compressionLevel < 0 || m_options.compressionLevel > 9) {
        m_options.compressionLevel = Z_DEFAULT_COMPRESSION;
    }
    if (m_options.memberSize == 0) {
        m_options.memberSize = 1;
    }
}

RecordingWriter::~RecordingWriter() {
    close();
    if (m_zlib != nullptr) {
        deflateEnd(m_zlib);
        delete m_zlib;
    }
}

bool RecordingWriter::open(const std::string& path) {
    if (isOpen()) {
        m_error = path + ": cannot open: this writer is already writing " + m_path;
        return false;
    }
    m_path = path;
    m_failed = false;
    m_error.clear();
    m_bytesWritten = 0;
    m_linesWritten = 0;
    const int flags = O_WRONLY | O_CREAT | O_CLOEXEC | (m_options.overwrite ? O_TRUNC : O_EXCL);
    m_fd = ::open(path.c_str(), flags, 0644);
    if (m_fd < 0) {
        const int err = errno;
        return failErrno(err == EEXIST ? "refusing to overwrite" : "cannot create", err);
    }
    if (m_zlib == nullptr) {
        m_zlib = new z_stream{};
        // 16 + MAX_WBITS: gzip header and trailer; deflateReset() later starts a new member.
        if (deflateInit2(m_zlib, m_options.compressionLevel, Z_DEFLATED, 16 + MAX_WBITS, 8,
                         Z_DEFAULT_STRATEGY) != Z_OK) {
            delete m_zlib;
            m_zlib = nullptr;
            ::close(m_fd);
            m_fd = -1;
            return fail("cannot initialise zlib");
        }
    } else {
        deflateReset(m_zlib);
    }
    return true;
}

bool RecordingWriter::write(std::int64_t localTimeNs, std::string_view frame) {
    if (!isOpen() || m_failed) {
        return m_failed ? false : fail("not open");
    }
    if (frame.empty()) {
        m_error = "rejected: empty frame";
        return false;
    }
    if (frame.find('\n') != std::string_view::npos) {
        m_error = "rejected: frame contains a newline";
        return false;
    }
    if (frame.back() == '\r') {
        m_error = "rejected: frame ends with a carriage return";
        return false;
    }
    if (localTimeNs < kMinNanoTimestamp) {
        m_error = "rejected: timestamp " + std::to_string(localTimeNs) +
                  " is not a Unix time in nanoseconds";
        return false;
    }
    char stamp[24];
    const auto [end, ec] = std::to_chars(stamp, stamp + sizeof stamp, localTimeNs);
    (void)ec; // 20 characters always suffice for an int64
    const std::size_t before = m_pending.size();
    m_pending.append(stamp, end);
    m_pending.push_back(' ');
    m_pending.append(frame);
    m_pending.push_back('\n');
    m_memberText += m_pending.size() - before;
    ++m_linesWritten;
    if (m_memberText >= m_options.memberSize) {
        return compressPending(true) && writeOut();
    }
    if (m_pending.size() >= kPendingLimit) {
        return compressPending(false);
    }
    return true;
}

bool RecordingWriter::flush() {
    if (!isOpen() || m_failed) {
        return m_failed ? false : fail("not open");
    }
    if (m_memberText > 0 && !(compressPending(true) && writeOut())) {
        return false;
    }
    if (m_options.syncOnFlush && ::fdatasync(m_fd) != 0) {
        return failErrno("cannot sync", errno);
    }
    return true;
}

bool RecordingWriter::close() {
    if (!isOpen()) {
        return !m_failed;
    }
    bool ok = m_failed ? false : flush();
    if (::close(m_fd) != 0 && ok) {
        ok = failErrno("cannot close", errno);
    }
    m_fd = -1;
    m_pending.clear();
    m_member.clear();
    m_memberText = 0;
    return ok;
}

bool RecordingWriter::compressPending(bool finishMember) {
    m_zlib->next_in = reinterpret_cast<const Bytef*>(m_pending.data());
    m_zlib->avail_in = static_cast<uInt>(m_pending.size()); // ≤ kPendingLimit + one line
    const int mode = finishMember ? Z_FINISH : Z_NO_FLUSH;
    int ret = Z_OK;
    do {
        const std::size_t used = m_member.size();
        m_member.resize(used + kOutputPiece);
        m_zlib->next_out = m_member.data() + used;
        m_zlib->avail_out = static_cast<uInt>(kOutputPiece);
        ret = deflate(m_zlib, mode);
        m_member.resize(m_member.size() - m_zlib->avail_out);
        if (ret == Z_STREAM_ERROR) {
            return fail("zlib deflate failed");
        }
    } while (m_zlib->avail_out == 0 || (finishMember && ret != Z_STREAM_END));
    m_pending.clear();
    if (finishMember) {
        deflateReset(m_zlib); // the next write starts a new member, with its own gzip header
        m_memberText = 0;
    }
    return true;
}

bool RecordingWriter::writeOut() {
    std::size_t done = 0;
    while (done < m_member.size()) {
        const ssize_t n = ::write(m_fd, m_member.data() + done, m_member.size() - done);
        if (n < 0) {
            if (errno == EINTR) {
                continue;
            }
            return failErrno("cannot write", errno);
        }
        done += static_cast<std::size_t>(n);
        m_bytesWritten += static_cast<std::uint64_t>(n);
    }
    m_member.clear();
    return true;
}

bool RecordingWriter::fail(const std::string& what) {
    m_error = (m_path.empty() ? std::string("recording writer") : m_path) + ": " + what;
    m_failed = isOpen();
    return false;
}

bool RecordingWriter::failErrno(const std::string& what, int err) {
    return fail(what + ": " + std::system_category().message(err));
}

} // namespace hoga::storage
