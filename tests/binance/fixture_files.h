#pragma once

// Test helpers: read fixture files from tests/data, including the cryptofeed capture formats
// (`<unix_s.frac>: <frame>` for WebSocket lines, `<url> -> <unix_s.frac>: <body>` for REST).

#include <string>
#include <vector>

namespace hoga::test {

std::string dataPath(const std::string& relative);
std::string readFile(const std::string& path); // QFAIL-friendly: empty on error

struct CapturedMessage {
    double time = 0; // local capture time, seconds
    std::string url; // REST lines only
    std::string body;
};

std::vector<CapturedMessage> readCryptofeedWs(const std::string& path);
std::vector<CapturedMessage> readCryptofeedHttp(const std::string& path);

} // namespace hoga::test
