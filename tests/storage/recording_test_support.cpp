#include "recording_test_support.h"

#include <algorithm>
#include <fstream>
#include <iterator>
#include <zlib.h>

namespace hoga::storage::testing {

namespace {
volatile unsigned g_paddingSink = 0; // keeps the padding reads from being optimised away
} // namespace

ReadResult readAll(std::vector<std::string> paths, RecordingReaderOptions options) {
    RecordingReader reader(std::move(paths), options);
    ReadResult result;
    RecordedFrame frame;
    unsigned sum = 0;
    while (reader.next(frame)) {
        const char* end = frame.frame.data() + frame.frame.size();
        for (std::size_t i = 0; i < kFramePadding; ++i) {
            sum += static_cast<unsigned char>(end[i]);
        }
        result.lines.push_back(
            {frame.localTimeNs, std::string(frame.frame), frame.lineNumber, frame.fileIndex});
    }
    g_paddingSink = g_paddingSink + sum;
    result.error = reader.error();
    result.stats = reader.stats();
    return result;
}

std::string gunzip(const std::string& path) {
    gzFile file = gzopen(path.c_str(), "rb");
    std::string text;
    char buffer[1 << 16];
    int n = 0;
    while (file != nullptr && (n = gzread(file, buffer, sizeof buffer)) > 0) {
        text.append(buffer, static_cast<std::size_t>(n));
    }
    if (file != nullptr) {
        gzclose(file);
    }
    return text;
}

std::vector<Line> referenceLines(const std::string& text, std::size_t fileIndex) {
    std::vector<Line> lines;
    std::size_t pos = 0;
    while (pos < text.size()) {
        std::size_t end = text.find('\n', pos);
        end = end == std::string::npos ? text.size() : end;
        const std::string line = text.substr(pos, end - pos);
        const std::size_t space = line.find(' ');
        const std::string stamp = line.substr(0, space);
        std::int64_t ns = std::stoll(stamp);
        ns *= stamp.size() == 16 ? 1000 : 1;
        lines.push_back({ns, line.substr(space + 1), lines.size() + 1, fileIndex});
        pos = end + 1;
    }
    return lines;
}

std::string readBytes(const std::string& path) {
    std::ifstream in(path, std::ios::binary);
    return {std::istreambuf_iterator<char>(in), std::istreambuf_iterator<char>()};
}

void writeBytes(const std::string& path, std::string_view bytes) {
    std::ofstream out(path, std::ios::binary | std::ios::trunc);
    out.write(bytes.data(), static_cast<std::streamsize>(bytes.size()));
}

QByteArray firstDifference(const std::vector<Line>& got, const std::vector<Line>& want) {
    const std::size_t n = std::min(got.size(), want.size());
    for (std::size_t i = 0; i < n; ++i) {
        if (!(got[i] == want[i])) {
            return "line index " + QByteArray::number(qulonglong(i)) + ": got ts " +
                   QByteArray::number(qlonglong(got[i].timeNs)) + " want " +
                   QByteArray::number(qlonglong(want[i].timeNs)) + ", frame " +
                   QByteArray::fromStdString(got[i].frame.substr(0, 60));
        }
    }
    return got.size() == want.size()
               ? QByteArray()
               : "sizes differ: " + QByteArray::number(qulonglong(got.size())) + " vs " +
                     QByteArray::number(qulonglong(want.size()));
}

bool isPrefix(const std::vector<Line>& got, const std::vector<Line>& want) {
    return got.size() <= want.size() && std::equal(got.begin(), got.end(), want.begin());
}

} // namespace hoga::storage::testing
