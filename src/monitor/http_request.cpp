#include "monitor/http_request.h"

#include <algorithm>

namespace hoga::monitor {

namespace {

// No real method is longer; a first line without a space by then is not HTTP.
constexpr std::size_t kMaxMethodLength = 32;

bool isTokenChar(char c) {
    if ((c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9')) {
        return true;
    }
    return std::string_view("!#$%&'*+-.^_`|~").find(c) != std::string_view::npos;
}

bool isToken(std::string_view s) {
    return !s.empty() && std::all_of(s.begin(), s.end(), isTokenChar);
}

bool isVisible(char c) {
    return c > 0x20 && c < 0x7f;
}

// A field value: visible ASCII, obs-text (bytes ≥ 0x80), space and tab.
bool isFieldValue(std::string_view s) {
    return std::all_of(s.begin(), s.end(), [](char c) {
        const auto u = static_cast<unsigned char>(c);
        return u >= 0x80 || isVisible(c) || c == ' ' || c == '\t';
    });
}

bool equalsIgnoringCase(std::string_view a, std::string_view b) {
    return a.size() == b.size() && std::equal(a.begin(), a.end(), b.begin(), [](char x, char y) {
               auto lower = [](char c) { return c >= 'A' && c <= 'Z' ? char(c - 'A' + 'a') : c; };
               return lower(x) == lower(y);
           });
}

HttpParseResult malformed(std::string why, int status = 400) {
    HttpParseResult r;
    r.status = HttpParseStatus::Malformed;
    r.errorStatus = status;
    r.error = std::move(why);
    return r;
}

HttpParseResult tooLarge(std::size_t maxBytes) {
    HttpParseResult r;
    r.status = HttpParseStatus::TooLarge;
    r.errorStatus = 431;
    r.error = "request head larger than " + std::to_string(maxBytes) + " bytes";
    return r;
}

// Checks the start of a request line that has not ended yet, so junk fails early.
bool plausibleRequestLineStart(std::string_view partial) {
    const std::size_t space = partial.find(' ');
    const std::string_view method = partial.substr(0, space);
    if (!std::all_of(method.begin(), method.end(), isTokenChar)) {
        return false;
    }
    if (space == std::string_view::npos) {
        return method.size() <= kMaxMethodLength;
    }
    const std::string_view rest = partial.substr(space + 1);
    return std::all_of(rest.begin(), rest.end(),
                       [](char c) { return isVisible(c) || c == ' ' || c == '\r'; });
}

std::string pathOf(std::string_view target) {
    if (target.starts_with("http://") || target.starts_with("https://")) {
        const std::size_t authority = target.find("//") + 2;
        const std::size_t slash = target.find('/', authority);
        target = slash == std::string_view::npos ? std::string_view("/") : target.substr(slash);
    }
    return std::string(target.substr(0, target.find_first_of("?#")));
}

} // namespace

HttpParseResult parseHttpRequestHead(std::string_view received, std::size_t maxBytes) {
    std::size_t pos = 0;
    while (pos < received.size() && (received[pos] == '\n' || received.substr(pos, 2) == "\r\n")) {
        pos += received[pos] == '\n' ? 1 : 2;
    }
    HttpParseResult result;
    bool requestLine = true;
    int hosts = 0;
    while (true) {
        const std::size_t eol = received.find('\n', pos);
        if (eol == std::string_view::npos) {
            if (requestLine && !plausibleRequestLineStart(received.substr(pos))) {
                return malformed("not an HTTP request line");
            }
            return received.size() > maxBytes ? tooLarge(maxBytes) : result; // Incomplete
        }
        if (eol + 1 > maxBytes) {
            return tooLarge(maxBytes);
        }
        std::string_view line = received.substr(pos, eol - pos);
        if (line.ends_with('\r')) {
            line.remove_suffix(1);
        }
        pos = eol + 1;
        if (requestLine) {
            requestLine = false;
            const std::size_t s1 = line.find(' ');
            const std::size_t s2 = s1 == std::string_view::npos ? s1 : line.find(' ', s1 + 1);
            if (s2 == std::string_view::npos || line.find(' ', s2 + 1) != std::string_view::npos) {
                return malformed("request line is not METHOD TARGET VERSION");
            }
            const std::string_view method = line.substr(0, s1);
            const std::string_view target = line.substr(s1 + 1, s2 - s1 - 1);
            const std::string_view version = line.substr(s2 + 1);
            if (!isToken(method)) {
                return malformed("invalid method");
            }
            if (target.empty() || !std::all_of(target.begin(), target.end(), isVisible) ||
                !(target[0] == '/' || target == "*" || target.starts_with("http://") ||
                  target.starts_with("https://"))) {
                return malformed("invalid request target");
            }
            if (version.size() != 8 || !version.starts_with("HTTP/") || version[6] != '.' ||
                version[5] < '0' || version[5] > '9' || version[7] < '0' || version[7] > '9') {
                return malformed("invalid HTTP version");
            }
            if (version[5] != '1') {
                return malformed(
                    "HTTP version " + std::string(version.substr(5)) + " is not supported", 505);
            }
            result.head.method = std::string(method);
            result.head.target = std::string(target);
            result.head.path = target == "*" ? std::string("*") : pathOf(target);
            result.head.minorVersion = version[7] - '0';
            continue;
        }
        if (line.empty()) {
            break; // the end of the head
        }
        if (line[0] == ' ' || line[0] == '\t') {
            return malformed("folded header line"); // obs-fold: RFC 9112 §5.2 allows 400
        }
        const std::size_t colon = line.find(':');
        if (colon == std::string_view::npos || !isToken(line.substr(0, colon))) {
            return malformed("invalid header field");
        }
        if (!isFieldValue(line.substr(colon + 1))) {
            return malformed("invalid character in a header value");
        }
        if (equalsIgnoringCase(line.substr(0, colon), "host")) {
            ++hosts;
        }
    }
    if (result.head.minorVersion >= 1 && hosts != 1) {
        return malformed(hosts == 0 ? "HTTP/1.1 request without Host" : "more than one Host");
    }
    result.status = HttpParseStatus::Complete;
    return result;
}

} // namespace hoga::monitor
