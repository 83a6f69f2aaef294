// RecordingReader and RecordingWriter against the two real hftbacktest recordings, with zlib's
// gzread() as the independent reference. Every frame read here also has its kFramePadding bytes
// read (readAll), so an ASan build checks the padding guarantee on every path.

#include "recording_test_support.h"
#include "storage/recording_reader.h"
#include "storage/recording_writer.h"

#include <QFile>
#include <QProcess>
#include <QStandardPaths>
#include <QTemporaryDir>
#include <QTest>

#include <algorithm>
#include <cstdint>
#include <random>
#include <string>
#include <vector>
#include <zlib.h>

using namespace hoga::storage;
using namespace hoga::storage::testing;

namespace {

constexpr std::size_t kLines2024 = 93'954;
constexpr std::size_t kLines2023 = 13'384;

std::string recording(const char* name) {
    return std::string(HOGA_TEST_DATA "/../../resources/recordings/") + name;
}
const std::string kFile2024 = recording("hftbacktest_usdm_btcusdt_20240808.gz");
const std::string kFile2023 = recording("hftbacktest_usdm_btcusdt_20230404.dat.gz");

} // namespace

class TestRecordings : public QObject {
    Q_OBJECT

private:
    std::string m_text2024;
    std::string m_text2023;
    std::vector<Line> m_ref2024;
    std::vector<Line> m_ref2023;
    QTemporaryDir m_dir;

    std::string tempPath(const char* name) const {
        return m_dir.filePath(QString::fromUtf8(name)).toStdString();
    }

private Q_SLOTS:
    void initTestCase() {
        QVERIFY(m_dir.isValid());
        m_text2024 = gunzip(kFile2024);
        m_text2023 = gunzip(kFile2023);
        QCOMPARE(m_text2024.size(), std::size_t{27'757'550});
        m_ref2024 = referenceLines(m_text2024);
        m_ref2023 = referenceLines(m_text2023);
        QCOMPARE(m_ref2024.size(), kLines2024);
        QCOMPARE(m_ref2023.size(), kLines2023);
    }

    void timeUnitDetection() {
        QCOMPARE(detectTimeUnit(1723161255030314667), TimeUnit::Nanos);
        QCOMPARE(detectTimeUnit(1680652700423575), TimeUnit::Micros);
        QCOMPARE(detectTimeUnit(1723161255030), TimeUnit::Millis);
        QCOMPARE(detectTimeUnit(1723161255), TimeUnit::Seconds);
        QCOMPARE(detectTimeUnit(100'000'000'000'000'000), TimeUnit::Nanos);
        QCOMPARE(detectTimeUnit(99'999'999'999'999'999), TimeUnit::Micros);
        QCOMPARE(toNanoseconds(1680652700423575, TimeUnit::Micros), 1680652700423575000);
        QCOMPARE(toNanoseconds(1723161255030, TimeUnit::Millis), 1723161255030000000);
        QCOMPARE(toNanoseconds(1723161255, TimeUnit::Seconds), 1723161255000000000);
        QCOMPARE(toNanoseconds(99'999'999'999, TimeUnit::Seconds), INT64_MAX); // saturates
    }

    void realFile2024() {
        const ReadResult r = readAll({kFile2024});
        QVERIFY2(r.error.empty(), r.error.c_str());
        QCOMPARE(r.lines.size(), kLines2024);
        QCOMPARE(r.lines.front().timeNs, 1723161255030314667);
        QCOMPARE(r.lines.back().timeNs, 1723161599833492584);
        QCOMPARE(r.lines.back().lineNumber, std::uint64_t{kLines2024});
        QVERIFY(r.lines[54].frame.starts_with(R"({"lastUpdateId":5123107852948,)"));
        QCOMPARE(r.stats.lines, std::uint64_t{kLines2024});
        QCOMPARE(r.stats.malformedLines, std::uint64_t{0});
        QCOMPARE(r.stats.compressedBytes, std::uint64_t{3'637'062});
        QCOMPARE(r.stats.decompressedBytes, std::uint64_t{27'757'550});
        QCOMPARE(r.stats.gzipMembers, std::uint64_t{1});
        QCOMPARE(r.stats.filesOpened, std::size_t{1});
        QCOMPARE(r.stats.files.at(0).timeUnit, std::optional(TimeUnit::Nanos));
        QVERIFY(!r.stats.files.at(0).mixedTimeUnits);
        QVERIFY2(firstDifference(r.lines, m_ref2024).isEmpty(),
                 firstDifference(r.lines, m_ref2024));
    }

    void realFile2023() {
        const ReadResult r = readAll({kFile2023});
        QVERIFY2(r.error.empty(), r.error.c_str());
        QCOMPARE(r.lines.size(), kLines2023);
        // µs in the file, reported in ns.
        QCOMPARE(r.lines.front().timeNs, 1680652700423575000);
        QCOMPARE(r.lines.back().timeNs, 1680652799986659000);
        QVERIFY(r.lines[16].frame.starts_with(R"({"lastUpdateId": 2710246765483,)"));
        QCOMPARE(r.stats.files.at(0).timeUnit, std::optional(TimeUnit::Micros));
        QCOMPARE(r.stats.decompressedBytes, std::uint64_t{4'020'455});
        QVERIFY2(firstDifference(r.lines, m_ref2023).isEmpty(),
                 firstDifference(r.lines, m_ref2023));
    }

    void gzipAndPlainGiveIdenticalFrames() {
        // A plain copy of the first 5000 lines, like the shared first5000lines fixture.
        std::size_t end = 0;
        for (int i = 0; i < 5000; ++i) {
            end = m_text2024.find('\n', end) + 1;
        }
        const std::string plain = tempPath("first5000.txt");
        writeBytes(plain, std::string_view(m_text2024).substr(0, end));
        const ReadResult r = readAll({plain});
        QVERIFY2(r.error.empty(), r.error.c_str());
        QCOMPARE(r.lines.size(), std::size_t{5000});
        QCOMPARE(r.stats.gzipMembers, std::uint64_t{0});
        QCOMPARE(r.stats.compressedBytes, std::uint64_t{end});
        const std::vector<Line> want(m_ref2024.begin(), m_ref2024.begin() + 5000);
        QVERIFY2(firstDifference(r.lines, want).isEmpty(), firstDifference(r.lines, want));
    }

    void decodePathsAgree_data() {
        QTest::addColumn<bool>("is2024");
        QTest::addColumn<bool>("useLibdeflate");
        QTest::addColumn<qulonglong>("blockCapacity");
        QTest::addColumn<qulonglong>("chunkSize");
        QTest::addColumn<qulonglong>("blocks");
        for (const bool is2024 : {true, false}) {
            const char* file = is2024 ? "2024 " : "2023 ";
            auto row = [&](const char* name) -> QTestData& {
                return QTest::newRow((QByteArray(file) + name).constData()) << is2024;
            };
            row("libdeflate") << true << (32ULL << 20) << (4ULL << 20) << 3ULL;
            row("zlib forced") << false << (32ULL << 20) << (4ULL << 20) << 3ULL;
            // Too small for the member: libdeflate gives up, zlib streams tiny blocks, and every
            // long line (the 42 KB snapshot) straddles blocks through the carry buffer.
            row("4 KiB blocks, fallback") << true << 4096ULL << 1000ULL << 2ULL;
            row("64 KiB blocks, 1 in flight") << true << 65536ULL << 65536ULL << 1ULL;
            row("1 MiB zlib chunks") << false << (1ULL << 20) << (1ULL << 20) << 2ULL;
        }
    }
    void decodePathsAgree() {
        QFETCH(bool, is2024);
        QFETCH(bool, useLibdeflate);
        QFETCH(qulonglong, blockCapacity);
        QFETCH(qulonglong, chunkSize);
        QFETCH(qulonglong, blocks);
        RecordingReaderOptions options;
        options.useLibdeflate = useLibdeflate;
        options.blockCapacity = blockCapacity;
        options.chunkSize = chunkSize;
        options.blocksInFlight = blocks;
        const ReadResult r = readAll({is2024 ? kFile2024 : kFile2023}, options);
        QVERIFY2(r.error.empty(), r.error.c_str());
        const std::vector<Line>& want = is2024 ? m_ref2024 : m_ref2023;
        QVERIFY2(firstDifference(r.lines, want).isEmpty(), firstDifference(r.lines, want));
        QCOMPARE(r.stats.gzipMembers, std::uint64_t{1});
    }

    void twoFilesInSequence() {
        const ReadResult r = readAll({kFile2024, kFile2023});
        QVERIFY2(r.error.empty(), r.error.c_str());
        QCOMPARE(r.lines.size(), kLines2024 + kLines2023);
        QCOMPARE(r.stats.filesOpened, std::size_t{2});
        QCOMPARE(r.stats.files.at(0).lines, std::uint64_t{kLines2024});
        QCOMPARE(r.stats.files.at(1).lines, std::uint64_t{kLines2023});
        QCOMPARE(r.stats.files.at(0).timeUnit, std::optional(TimeUnit::Nanos));
        QCOMPARE(r.stats.files.at(1).timeUnit, std::optional(TimeUnit::Micros));
        std::vector<Line> want = m_ref2024;
        for (Line line : m_ref2023) {
            line.fileIndex = 1;
            want.push_back(line);
        }
        QVERIFY2(firstDifference(r.lines, want).isEmpty(), firstDifference(r.lines, want));
        QCOMPARE(r.lines[kLines2024].lineNumber, std::uint64_t{1});
    }

    void concatenatedGzipMembers() {
        const std::string path = tempPath("twice.gz");
        const std::string bytes = readBytes(kFile2023);
        writeBytes(path, bytes + bytes);
        for (const bool useLibdeflate : {true, false}) {
            RecordingReaderOptions options;
            options.useLibdeflate = useLibdeflate;
            const ReadResult r = readAll({path}, options);
            QVERIFY2(r.error.empty(), r.error.c_str());
            QCOMPARE(r.lines.size(), 2 * kLines2023);
            QCOMPARE(r.stats.gzipMembers, std::uint64_t{2});
            QCOMPARE(r.lines[kLines2023].frame, m_ref2023.front().frame);
            QCOMPARE(r.lines[kLines2023].lineNumber, std::uint64_t{kLines2023 + 1});
        }
    }

    void writerRoundTrip() {
        const std::string path = tempPath("roundtrip.gz");
        RecordingWriterOptions writerOptions;
        writerOptions.memberSize = 64 << 10;
        RecordingWriter writer(writerOptions);
        QVERIFY2(writer.open(path), writer.error().c_str());
        for (std::size_t i = 0; i < m_ref2023.size(); ++i) {
            QVERIFY2(writer.write(m_ref2023[i].timeNs, m_ref2023[i].frame), writer.error().c_str());
            if (i == m_ref2023.size() / 2) {
                QVERIFY(writer.flush());
            }
        }
        QVERIFY2(writer.close(), writer.error().c_str());
        QCOMPARE(writer.linesWritten(), std::uint64_t{kLines2023});
        QCOMPARE(writer.bytesWritten(), std::uint64_t(readBytes(path).size()));

        for (const bool useLibdeflate : {true, false}) {
            RecordingReaderOptions options;
            options.useLibdeflate = useLibdeflate;
            const ReadResult r = readAll({path}, options);
            QVERIFY2(r.error.empty(), r.error.c_str());
            QVERIFY2(firstDifference(r.lines, m_ref2023).isEmpty(),
                     firstDifference(r.lines, m_ref2023));
            QVERIFY(r.stats.gzipMembers > 50); // 4 MB of text in 64 KiB members, plus the flush
            QCOMPARE(r.stats.files.at(0).timeUnit, std::optional(TimeUnit::Nanos));
        }
        // zlib's own multi-member reader agrees, byte for byte, with ns timestamps.
        const std::string text = gunzip(path);
        QVERIFY(text.starts_with("1680652700423575000 {\"stream\":\"btcusdt@bookTicker\""));
        QVERIFY2(firstDifference(referenceLines(text), m_ref2023).isEmpty(), "gzread disagrees");

        const QString zcat = QStandardPaths::findExecutable(QStringLiteral("zcat"));
        if (zcat.isEmpty()) {
            QSKIP("zcat not installed");
        }
        QProcess process;
        process.start(zcat, {QString::fromStdString(path)});
        QVERIFY(process.waitForFinished(60'000));
        QCOMPARE(process.exitCode(), 0);
        QVERIFY(process.readAllStandardOutput().toStdString() == text);
    }

    void writerCrashKeepsFlushedLines() {
        for (const std::size_t memberSize : {std::size_t{4} << 20, std::size_t{8} << 10}) {
            const std::string path = tempPath("crash.gz");
            QFile::remove(QString::fromStdString(path));
            RecordingWriterOptions writerOptions;
            writerOptions.memberSize = memberSize;
            RecordingWriter writer(writerOptions);
            QVERIFY(writer.open(path));
            for (std::size_t i = 0; i < 1000; ++i) {
                QVERIFY(writer.write(m_ref2024[i].timeNs, m_ref2024[i].frame));
            }
            QVERIFY(writer.flush());
            for (std::size_t i = 1000; i < 3000; ++i) {
                QVERIFY(writer.write(m_ref2024[i].timeNs, m_ref2024[i].frame));
            }
            // The file as a crash would leave it now: complete members only.
            const std::string crashed = tempPath("crashed.gz");
            writeBytes(crashed, readBytes(path));
            const ReadResult r = readAll({crashed});
            QVERIFY2(r.error.empty(), r.error.c_str());
            QVERIFY(r.lines.size() >= 1000);
            QVERIFY(isPrefix(r.lines, m_ref2024));
            if (memberSize > (1 << 20)) {
                QCOMPARE(r.lines.size(), std::size_t{1000}); // nothing after the flush on disk
            } else {
                QVERIFY(r.lines.size() > 2000); // small members were closed and written meanwhile
            }
            QVERIFY(writer.close());
            QCOMPARE(readAll({path}).lines.size(), std::size_t{3000});
        }
    }

    void writerRejectsBadInput() {
        const std::string path = tempPath("rejects.gz");
        RecordingWriter writer;
        QVERIFY(writer.open(path));
        const std::int64_t ts = 1723161255030314667;
        QVERIFY(!writer.write(ts, "{\"a\":1}\n{\"b\":2}"));
        QVERIFY(writer.error().find("newline") != std::string::npos);
        QVERIFY(!writer.write(ts, "{\"a\":1}\r"));
        QVERIFY(!writer.write(ts, ""));
        QVERIFY(!writer.write(1680652700423575, "{}")); // µs: would read back as µs
        QVERIFY(writer.write(ts, "{\"ok\":true}"));     // still usable after rejections
        QVERIFY(writer.close());
        const ReadResult r = readAll({path});
        QVERIFY2(r.error.empty(), r.error.c_str());
        QCOMPARE(r.lines.size(), std::size_t{1});
        QCOMPARE(r.lines[0].frame, std::string("{\"ok\":true}"));
        QCOMPARE(r.lines[0].timeNs, ts);
    }

    void writerRefusesToOverwrite() {
        const std::string path = tempPath("existing.gz");
        writeBytes(path, "keep me");
        RecordingWriter writer;
        QVERIFY(!writer.open(path));
        QVERIFY(writer.error().find("refusing to overwrite") != std::string::npos);
        QVERIFY(writer.error().find(path) != std::string::npos);
        QCOMPARE(readBytes(path), std::string("keep me"));
        RecordingWriterOptions options;
        options.overwrite = true;
        RecordingWriter overwriting(options);
        QVERIFY(overwriting.open(path));
        QVERIFY(overwriting.write(1723161255030314667, "{}"));
        QVERIFY(overwriting.close());
        QCOMPARE(readAll({path}).lines.size(), std::size_t{1});
    }

    void truncatedGzip_data() {
        QTest::addColumn<bool>("useLibdeflate");
        QTest::newRow("libdeflate first") << true;
        QTest::newRow("zlib only") << false;
    }
    void truncatedGzip() {
        QFETCH(bool, useLibdeflate);
        const std::string path = tempPath("half.gz");
        const std::string bytes = readBytes(kFile2024);
        writeBytes(path, std::string_view(bytes).substr(0, bytes.size() / 2));
        RecordingReaderOptions options;
        options.useLibdeflate = useLibdeflate;
        const ReadResult r = readAll({path}, options);
        QVERIFY(r.error.find(path) != std::string::npos);
        QVERIFY2(r.error.find("truncated gzip") != std::string::npos, r.error.c_str());
        // The lines before the cut come first, exactly; the cut line itself is dropped.
        QVERIFY2(r.lines.size() > 40'000 && r.lines.size() < kLines2024, r.error.c_str());
        QVERIFY(isPrefix(r.lines, m_ref2024));
    }

    void corruptGzip() {
        const std::string path = tempPath("corrupt.gz");
        const std::string original = readBytes(kFile2024);

        // Damage in the middle of the deflate stream. Deflate has no check before the member's
        // CRC, and these bytes happen to decode (to garbage) right up to it: the lines before
        // the damage are exact, then some garbage text, then the error.
        std::string bytes = original;
        std::fill_n(bytes.begin() + static_cast<std::ptrdiff_t>(bytes.size() / 2), 4096, '\xff');
        writeBytes(path, bytes);
        ReadResult r = readAll({path});
        QVERIFY(r.error.find(path) != std::string::npos);
        QVERIFY2(r.error.find("corrupt gzip data at compressed offset") != std::string::npos,
                 r.error.c_str());
        QVERIFY(r.lines.size() > 45'000);
        QVERIFY(std::equal(r.lines.begin(), r.lines.begin() + 45'000, m_ref2024.begin()));

        // A damaged CRC: every line is right, and the error still comes.
        bytes = original;
        bytes[bytes.size() - 8] = static_cast<char>(bytes[bytes.size() - 8] ^ 0x55);
        writeBytes(path, bytes);
        r = readAll({path});
        QVERIFY2(firstDifference(r.lines, m_ref2024).isEmpty(),
                 firstDifference(r.lines, m_ref2024));
        QVERIFY2(r.error.find("incorrect data check") != std::string::npos, r.error.c_str());

        // A bad header of a second member, found at once: the first member is delivered whole.
        const std::string member = readBytes(kFile2023);
        bytes = member + member;
        bytes[member.size() + 2] = 7; // compression method: not deflate
        writeBytes(path, bytes);
        r = readAll({path});
        QVERIFY2(firstDifference(r.lines, m_ref2023).isEmpty(),
                 firstDifference(r.lines, m_ref2023));
        QVERIFY2(r.error.starts_with(path + ": corrupt gzip data at compressed offset "),
                 r.error.c_str());
        QVERIFY2(r.error.find("member that starts at " + std::to_string(member.size())) !=
                     std::string::npos,
                 r.error.c_str());
    }

    void garbageBytes() {
        std::mt19937 rng(42);
        std::string bytes(1 << 20, '\0');
        std::generate(bytes.begin(), bytes.end(), [&] { return static_cast<char>(rng()); });
        bytes[0] = 'x'; // not gzip magic: read as (bad) text
        const std::string path = tempPath("garbage.bin");
        writeBytes(path, bytes);
        const ReadResult r = readAll({path});
        QVERIFY2(r.error.empty(), r.error.c_str());
        QVERIFY(r.stats.malformedLines > 1000);
        QCOMPARE(r.stats.decompressedBytes, std::uint64_t{bytes.size()});

        bytes[0] = '\x1f';
        bytes[1] = '\x8b';
        writeBytes(path, bytes);
        const ReadResult gz = readAll({path});
        QVERIFY(gz.lines.empty());
        QVERIFY(gz.error.find(path) != std::string::npos);
        QVERIFY2(gz.error.find("gzip") != std::string::npos, gz.error.c_str());
    }

    void trailingDataAfterMembers() {
        const std::string bytes = readBytes(kFile2023);
        const std::string padded = tempPath("padded.gz");
        writeBytes(padded, bytes + std::string(1000, '\0')); // gzip(1) ignores zero padding
        const ReadResult ok = readAll({padded});
        QVERIFY2(ok.error.empty(), ok.error.c_str());
        QCOMPARE(ok.lines.size(), kLines2023);

        const std::string trailing = tempPath("trailing.gz");
        writeBytes(trailing, bytes + "hello\n");
        const ReadResult bad = readAll({trailing});
        QCOMPARE(bad.lines.size(), kLines2023);
        QVERIFY2(bad.error.find("unexpected data after the last gzip member at compressed offset " +
                                std::to_string(bytes.size())) != std::string::npos,
                 bad.error.c_str());
    }

    void missingFile() {
        const std::string missing = tempPath("no-such-file.gz");
        const ReadResult r = readAll({missing});
        QVERIFY(r.lines.empty());
        QVERIFY(r.error.find(missing) != std::string::npos);
        QVERIFY2(r.error.find("No such file or directory") != std::string::npos, r.error.c_str());
        // Checked up front: no frame of the first file is replayed before the failure.
        const ReadResult second = readAll({kFile2023, missing});
        QVERIFY(second.lines.empty());
        QVERIFY(second.error.find(missing) != std::string::npos);
        const ReadResult directory = readAll({m_dir.path().toStdString()});
        QVERIFY(directory.error.find("Is a directory") != std::string::npos);
    }

    void malformedLinesCounted() {
        const std::string path = tempPath("malformed.txt");
        writeBytes(path, "1723161255030314667 {\"a\":1}\r\n" // CRLF: '\r' stripped
                         "\n"                                // empty: skipped silently
                         "\r\n"                              // empty after stripping
                         "abc {\"b\":2}\n"                   // timestamp not an integer
                         "12.5 {\"c\":3}\n"                  // not an integer
                         "1723161255030314668\n"             // no frame
                         "1723161255030314669 \n"            // empty frame
                         "-1723161255030314669 {}\n"         // negative
                         "99999999999999999999999 {}\n"      // does not fit int64
                         " {\"d\":4}\n"                      // no timestamp
                         "1680652700423575 {\"e\":5} with spaces\n"
                         "1723161255030314670 {\"f\":6}"); // no trailing newline
        const ReadResult r = readAll({path});
        QVERIFY2(r.error.empty(), r.error.c_str());
        QCOMPARE(r.stats.malformedLines, std::uint64_t{7});
        QCOMPARE(r.stats.emptyLines, std::uint64_t{2});
        QCOMPARE(r.lines.size(), std::size_t{3});
        QCOMPARE(r.lines[0], (Line{1723161255030314667, "{\"a\":1}", 1, 0}));
        QCOMPARE(r.lines[1], (Line{1680652700423575000, "{\"e\":5} with spaces", 11, 0}));
        QCOMPARE(r.lines[2], (Line{1723161255030314670, "{\"f\":6}", 12, 0}));
        QVERIFY(r.stats.files.at(0).mixedTimeUnits);
    }

    void lastLineWithoutNewline_data() {
        QTest::addColumn<bool>("gzip");
        QTest::addColumn<qulonglong>("blockCapacity");
        QTest::newRow("plain") << false << (32ULL << 20);
        QTest::newRow("plain, straddling") << false << 100ULL;
        QTest::newRow("gzip") << true << (32ULL << 20);
        QTest::newRow("gzip, straddling") << true << 100ULL;
    }
    void lastLineWithoutNewline() {
        QFETCH(bool, gzip);
        QFETCH(qulonglong, blockCapacity);
        // With 100-byte blocks the first line's newline is the last byte of block 1, and the
        // second line fills blocks 2–4 exactly, without a newline: the end of the file is what
        // ends it.
        std::string text = "1723161255030314667 " + std::string(79, 'x') + "\n";
        text += "1723161255030314668 " + std::string(280, 'y');
        const std::string path = tempPath(gzip ? "nonl.gz" : "nonl.txt");
        if (gzip) {
            gzFile file = gzopen(path.c_str(), "wb");
            gzwrite(file, text.data(), static_cast<unsigned>(text.size()));
            gzclose(file);
        } else {
            writeBytes(path, text);
        }
        RecordingReaderOptions options;
        options.blockCapacity = blockCapacity;
        options.chunkSize = blockCapacity;
        const ReadResult r = readAll({path}, options);
        QVERIFY2(r.error.empty(), r.error.c_str());
        QCOMPARE(r.lines.size(), std::size_t{2});
        QCOMPARE(r.lines[0].frame, std::string(79, 'x'));
        QCOMPARE(r.lines[1].frame, std::string(280, 'y'));
        QCOMPARE(r.lines[1].lineNumber, std::uint64_t{2});
    }

    void lineLongerThanLimit() {
        const std::string path = tempPath("long.txt");
        writeBytes(path, "1723161255030314667 " + std::string(100'000, 'z') +
                             "\n1723161255030314668 {}\n");
        RecordingReaderOptions options;
        options.blockCapacity = 4096;
        const ReadResult ok = readAll({path}, options); // the line straddles 25 blocks
        QVERIFY2(ok.error.empty(), ok.error.c_str());
        QCOMPARE(ok.lines.size(), std::size_t{2});
        QCOMPARE(ok.lines[0].frame.size(), std::size_t{100'000});
        options.maxLineLength = 50'000;
        const ReadResult tooLong = readAll({path}, options);
        QVERIFY(tooLong.lines.empty());
        QVERIFY2(tooLong.error.find("line 1 is longer than 50000 bytes") != std::string::npos,
                 tooLong.error.c_str());
        options.blockCapacity = std::size_t{1} << 20; // the line now fits in one block: same rule
        const ReadResult inBlock = readAll({path}, options);
        QVERIFY(inBlock.lines.empty());
        QVERIFY2(inBlock.error.find("line 1 is longer than 50000 bytes") != std::string::npos,
                 inBlock.error.c_str());
    }

    void earlyStopJoinsProducer() {
        for (const std::size_t blocks : {std::size_t{1}, std::size_t{2}, std::size_t{3}}) {
            RecordingReaderOptions options;
            options.blockCapacity = 64 << 10; // many blocks: the producer waits for a free one
            options.blocksInFlight = blocks;
            RecordingReader reader({kFile2024, kFile2023}, options);
            RecordedFrame frame;
            for (int i = 0; i < 10; ++i) {
                QVERIFY(reader.next(frame));
            }
            QCOMPARE(frame.localTimeNs, m_ref2024[9].timeNs);
        } // destructors must not hang
        RecordingReader unused({kFile2024});
    }

    void emptyInputs() {
        const std::string empty = tempPath("empty.gz");
        writeBytes(empty, "");
        const ReadResult r = readAll({empty, empty});
        QVERIFY(r.error.empty());
        QVERIFY(r.lines.empty());
        QCOMPARE(r.stats.filesOpened, std::size_t{2});
        const ReadResult none = readAll({});
        QVERIFY(none.error.empty());
        QVERIFY(none.lines.empty());
    }
};

QTEST_APPLESS_MAIN(TestRecordings)
#include "tst_recordings.moc"
