#pragma once

// The head (request line and header fields) of an HTTP/1.x request, parsed from the bytes a
// connection has received so far: the part of RFC 9112 a small loopback server needs.
//
// Contract: parseHttpRequestHead() looks at everything received so far and says whether the head
// is complete, still incomplete, or can never become a valid request — garbage is recognised as
// soon as its first line is complete (or once it holds a byte no request line may contain), so a
// client sending junk gets its 400 without waiting for the size cap. A head longer than maxBytes
// (request line, fields and the blank line) is TooLarge, also while still incomplete. Lines end
// in CRLF or a bare LF (RFC 9112 §2.2 allows accepting LF); empty lines before the request line
// are skipped. HTTP/1.1 requires exactly one Host field. A body is not read: the server answers
// and closes. Plain C++, no Qt.

#include <cstddef>
#include <string>
#include <string_view>

namespace hoga::monitor {

struct HttpRequestHead {
    std::string method;   // as sent, case-sensitive ("GET")
    std::string target;   // as sent ("/metrics?x=1")
    std::string path;     // target without query or fragment; for an absolute-form target, the
                          // path after the authority ("/" if none)
    int minorVersion = 1; // HTTP/1.<minor>
};

enum class HttpParseStatus {
    Incomplete, // valid so far; wait for more bytes
    Complete,
    Malformed, // answer errorStatus (400, or 505 for another major version) and close
    TooLarge,  // answer 431 and close
};

struct HttpParseResult {
    HttpParseStatus status = HttpParseStatus::Incomplete;
    HttpRequestHead head; // when Complete
    int errorStatus = 0;  // when Malformed or TooLarge
    std::string error;    // why, for the log and the response body
};

HttpParseResult parseHttpRequestHead(std::string_view received, std::size_t maxBytes);

} // namespace hoga::monitor
