#include "fixture_files.h"

#include <fstream>
#include <sstream>

namespace hoga::test {

std::string dataPath(const std::string& relative) {
    return std::string(HOGA_TEST_DATA) + "/" + relative;
}

std::string readFile(const std::string& path) {
    std::ifstream in(path, std::ios::binary);
    std::stringstream buffer;
    buffer << in.rdbuf();
    return buffer.str();
}

namespace {
// "<time>: <body>" → message; false when the line has another shape (headers).
bool splitTimed(const std::string& line, CapturedMessage& out) {
    const auto colon = line.find(": ");
    if (colon == std::string::npos || colon == 0) {
        return false;
    }
    try {
        std::size_t used = 0;
        out.time = std::stod(line.substr(0, colon), &used);
        if (used != colon) {
            return false;
        }
    } catch (...) {
        return false;
    }
    out.body = line.substr(colon + 2);
    return !out.body.empty() && out.body.front() == '{';
}
} // namespace

std::vector<CapturedMessage> readCryptofeedWs(const std::string& path) {
    std::vector<CapturedMessage> out;
    std::ifstream in(path);
    std::string line;
    while (std::getline(in, line)) {
        CapturedMessage m;
        if (splitTimed(line, m)) {
            out.push_back(std::move(m));
        }
    }
    return out;
}

std::vector<CapturedMessage> readCryptofeedHttp(const std::string& path) {
    std::vector<CapturedMessage> out;
    std::ifstream in(path);
    std::string line;
    while (std::getline(in, line)) {
        const auto arrow = line.find(" -> ");
        if (arrow == std::string::npos) {
            continue;
        }
        CapturedMessage m;
        if (splitTimed(line.substr(arrow + 4), m)) {
            m.url = line.substr(0, arrow);
            out.push_back(std::move(m));
        }
    }
    return out;
}

} // namespace hoga::test
