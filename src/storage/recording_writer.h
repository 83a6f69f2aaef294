#pragma once

// Writes recordings (recording.h) as gzip: `<ns timestamp> <frame>\n` lines, compressed as a
// sequence of gzip members of bounded size (multi-member gzip is standard; zcat reads it).
//
// Why members: RecordingReader decodes a member that fits its block in one fast libdeflate call,
// and a member is only written to the file once it is complete, so the file on disk is at every
// moment a sequence of complete gzip members (save during the write() of one member). After a
// crash, everything up to the last flush() — and every member closed automatically before it —
// reads back without error; the text since then is lost, not half-written.
//
// Not thread-safe: one thread owns a writer.

#include <cstddef>
#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

struct z_stream_s;

namespace hoga::storage {

struct RecordingWriterOptions {
    int compressionLevel = 6; // zlib 0–9
    // A member is closed once it holds this much text; this bounds the compressed bytes held in
    // memory (and lost on a crash) and keeps members within the reader's libdeflate block.
    std::size_t memberSize = std::size_t{4} << 20;
    bool overwrite = false;   // open() refuses an existing file unless this is set
    bool syncOnFlush = false; // flush() also calls fdatasync: survives power loss, not just a crash
};

class RecordingWriter {
public:
    explicit RecordingWriter(RecordingWriterOptions options = {});
    ~RecordingWriter(); // close()

    RecordingWriter(const RecordingWriter&) = delete;
    RecordingWriter& operator=(const RecordingWriter&) = delete;

    bool open(const std::string& path);
    bool isOpen() const { return m_fd >= 0; }

    // Appends one line. Rejected (false, error() says why, nothing written, the writer stays
    // usable) if the frame is empty, contains '\n' or ends in '\r' (the reader would read it
    // back differently), or if localTimeNs is not a nanosecond Unix time (< 1e17, which the
    // reader would take for µs or less). An I/O failure is final: later calls return false.
    bool write(std::int64_t localTimeNs, std::string_view frame);

    // Closes the current member and writes it out; a no-op if nothing was written since.
    bool flush();
    // flush() and close the file. The destructor does this too, but cannot report failure.
    bool close();

    // The last failure or rejection, empty if none.
    const std::string& error() const { return m_error; }
    std::uint64_t bytesWritten() const { return m_bytesWritten; } // compressed bytes in the file
    std::uint64_t linesWritten() const { return m_linesWritten; } // lines accepted by write()

private:
    bool compressPending(bool finishMember);
    bool writeOut();
    bool fail(const std::string& what);
    bool failErrno(const std::string& what, int err);

    RecordingWriterOptions m_options;
    int m_fd = -1;
    std::string m_path;
    z_stream_s* m_zlib = nullptr;
    std::string m_pending;               // text not yet given to zlib
    std::vector<unsigned char> m_member; // compressed bytes of the open member
    std::size_t m_memberText = 0;        // text bytes in the open member
    bool m_failed = false;
    std::string m_error;
    std::uint64_t m_bytesWritten = 0;
    std::uint64_t m_linesWritten = 0;
};

} // namespace hoga::storage
