// RotatingRecorder: real frames across an hour (and day) boundary land in two files that read
// back byte for byte; restarts within the hour never overwrite; the flush interval bounds what
// is not yet on disk; bad frames, missing and unwritable directories and a full "disk" (a file
// size limit) are counted and survived, with opening retried at the next hour.

#include "recording_test_support.h"
#include "storage/recording_reader.h"
#include "storage/rotating_recorder.h"

#include <QDir>
#include <QFileInfo>
#include <QTemporaryDir>
#include <QTest>

#include <csignal>
#include <random>
#include <sys/resource.h>

using namespace hoga::storage;
using namespace hoga::storage::testing;

namespace {

constexpr std::int64_t kSecond = 1'000'000'000;
constexpr std::int64_t kHour = 3600 * kSecond;
// 2024-08-08 10:00:00 UTC.
constexpr std::int64_t kTen = 1723111200 * kSecond;

const std::string kFile2024 = std::string(HOGA_TEST_DATA) +
                              "/../../resources/recordings/hftbacktest_usdm_btcusdt_20240808.gz";

QStringList filesIn(const QString& dir) {
    return QDir(dir).entryList(QDir::Files, QDir::Name);
}

std::string frame(int i) {
    return R"({"stream":"btcusdt@trade","data":{"t":)" + std::to_string(i) + "}}";
}

} // namespace

class TestRotatingRecorder : public QObject {
    Q_OBJECT

private:
    std::unique_ptr<QTemporaryDir> m_dir;
    QString dir() const { return m_dir->path(); }
    std::string path(const char* name) const {
        return (dir() + u'/' + QString::fromUtf8(name)).toStdString();
    }
    RotatingRecorderOptions options(std::string prefix = "rec") const {
        RotatingRecorderOptions o;
        o.directory = dir().toStdString();
        o.prefix = std::move(prefix);
        return o;
    }

private Q_SLOTS:
    void init() {
        m_dir = std::make_unique<QTemporaryDir>();
        QVERIFY(m_dir->isValid());
    }

    void fileNames() {
        QCOMPARE(RotatingRecorder::hourOf(1723161255030314667), std::int64_t{478655});
        QCOMPARE(RotatingRecorder::fileName("p", 478655, 0), std::string("p_20240808_23.gz"));
        QCOMPARE(RotatingRecorder::fileName("p", 478656, 0), std::string("p_20240809_00.gz"));
        QCOMPARE(RotatingRecorder::fileName("p", 478655, 3), std::string("p_20240808_23.3.gz"));
        QCOMPARE(RotatingRecorder::fileName("x", 0, 0), std::string("x_19700101_00.gz"));
        QCOMPARE(RotatingRecorder::hourOf(-1), std::int64_t{-1});
        QCOMPARE(RotatingRecorder::fileName("x", -1, 0), std::string("x_19691231_23.gz"));
        QCOMPARE(RotatingRecorder::hourOf(kTen), RotatingRecorder::hourOf(kTen + kHour - 1));
    }

    void realFramesAcrossTheHour() {
        // The 2024-08-08 recording spans 23:54:15–23:59:59; shifted by three minutes it crosses
        // midnight, so one session must give two files, of two days.
        const ReadResult source = readAll({kFile2024});
        QVERIFY2(source.error.empty(), source.error.c_str());
        QCOMPARE(source.lines.size(), std::size_t{93'954});
        constexpr std::int64_t shift = 180 * kSecond;
        std::string text23;
        std::string text00;
        {
            RotatingRecorder recorder(options("binance_usdm_btcusdt"));
            for (const Line& l : source.lines) {
                const std::int64_t t = l.timeNs + shift;
                QVERIFY(recorder.record(t, l.frame));
                std::string& text = RotatingRecorder::hourOf(t) == 478655 ? text23 : text00;
                text += std::to_string(t) + ' ' + l.frame + '\n';
            }
            QVERIFY(recorder.close());
            const RotatingRecorderStats& s = recorder.stats();
            QCOMPARE(s.filesOpened, std::uint64_t{2});
            QCOMPARE(s.lines, std::uint64_t{93'954});
            QCOMPARE(s.errors, std::uint64_t{0});
            QCOMPARE(s.rejected + s.dropped + s.stepsBack, std::uint64_t{0});
            QVERIFY(recorder.currentPath().empty());
            QCOMPARE(
                s.bytes,
                std::uint64_t(
                    QFileInfo(QString::fromStdString(path("binance_usdm_btcusdt_20240808_23.gz")))
                        .size() +
                    QFileInfo(QString::fromStdString(path("binance_usdm_btcusdt_20240809_00.gz")))
                        .size()));
        }
        QVERIFY(!text23.empty() && !text00.empty());
        QCOMPARE(filesIn(dir()),
                 QStringList({QStringLiteral("binance_usdm_btcusdt_20240808_23.gz"),
                              QStringLiteral("binance_usdm_btcusdt_20240809_00.gz")}));
        const std::string f23 = path("binance_usdm_btcusdt_20240808_23.gz");
        const std::string f00 = path("binance_usdm_btcusdt_20240809_00.gz");
        // Byte for byte, through zlib independently and through RecordingReader.
        QVERIFY(gunzip(f23) == text23);
        QVERIFY(gunzip(f00) == text00);
        const ReadResult back = readAll({f23, f00});
        QVERIFY2(back.error.empty(), back.error.c_str());
        QCOMPARE(back.lines.size(), source.lines.size());
        for (std::size_t i = 0; i < back.lines.size(); ++i) {
            if (back.lines[i].timeNs != source.lines[i].timeNs + shift ||
                back.lines[i].frame != source.lines[i].frame) {
                QFAIL(qPrintable(QStringLiteral("line %1 differs").arg(i)));
            }
        }
    }

    void restartInTheSameHourNeverOverwrites() {
        std::string first;
        {
            RotatingRecorder recorder(options());
            QVERIFY(recorder.record(kTen + 5 * kSecond, frame(1)));
            QCOMPARE(recorder.currentPath(), path("rec_20240808_10.gz"));
        }
        const std::string firstBytes = readBytes(path("rec_20240808_10.gz"));
        for (int restart = 1; restart <= 2; ++restart) {
            RotatingRecorder recorder(options());
            QVERIFY(recorder.record(kTen + (5 + restart) * kSecond, frame(1 + restart)));
            const std::string want = "rec_20240808_10." + std::to_string(restart) + ".gz";
            QCOMPARE(recorder.currentPath(), path(want.c_str()));
            QVERIFY(recorder.close());
        }
        QCOMPARE(readBytes(path("rec_20240808_10.gz")), firstBytes);
        QCOMPARE(filesIn(dir()).size(), qsizetype(3));
        for (const char* name :
             {"rec_20240808_10.gz", "rec_20240808_10.1.gz", "rec_20240808_10.2.gz"}) {
            const ReadResult r = readAll({path(name)});
            QVERIFY(r.error.empty());
            QCOMPARE(r.lines.size(), std::size_t{1});
        }
        // An explicit close() mid-hour also continues in a new file.
        RotatingRecorder recorder(options());
        QVERIFY(recorder.record(kTen + 20 * kSecond, frame(9)));
        QVERIFY(recorder.close());
        QVERIFY(recorder.record(kTen + 21 * kSecond, frame(10)));
        QCOMPARE(recorder.currentPath(), path("rec_20240808_10.4.gz"));
        QCOMPARE(recorder.stats().filesOpened, std::uint64_t{2});
    }

    void flushIntervalBoundsWhatIsNotOnDisk() {
        RotatingRecorderOptions o = options();
        o.flushIntervalNs = kSecond;
        RotatingRecorder recorder(o);
        const std::string file = path("rec_20240808_10.gz");
        QVERIFY(recorder.record(kTen, frame(0)));
        QVERIFY(recorder.record(kTen + kSecond / 2, frame(1)));
        QCOMPARE(readBytes(file).size(), std::size_t{0});   // still in memory
        QVERIFY(recorder.record(kTen + kSecond, frame(2))); // one second of frame time: flushed
        QCOMPARE(recorder.stats().flushes, std::uint64_t{1});
        QCOMPARE(readAll({file}).lines.size(), std::size_t{3}); // readable while still open
        QVERIFY(recorder.record(kTen + kSecond + kSecond / 2, frame(3)));
        QCOMPARE(readAll({file}).lines.size(), std::size_t{3});
        QVERIFY(recorder.flush());
        const ReadResult r = readAll({file});
        QVERIFY(r.error.empty());
        QCOMPARE(r.lines.size(), std::size_t{4});
        QCOMPARE(r.lines[3].frame, frame(3));
        QCOMPARE(recorder.stats().bytes, std::uint64_t(readBytes(file).size()));
    }

    void badFramesAreRejected() {
        RotatingRecorder recorder(options());
        QVERIFY(!recorder.record(1723111200000000, frame(1))); // µs, not ns
        QVERIFY(recorder.lastError().find("nanoseconds") != std::string::npos);
        QVERIFY(!recorder.record(kTen, ""));
        QVERIFY(!recorder.record(kTen, "a\nb"));
        QVERIFY(!recorder.record(kTen, "ab\r"));
        QCOMPARE(recorder.stats().rejected, std::uint64_t{4});
        QCOMPARE(recorder.stats().filesOpened, std::uint64_t{0});
        QVERIFY(filesIn(dir()).isEmpty());
        QVERIFY(recorder.record(kTen, "a\rb")); // a CR inside reads back unchanged
        QCOMPARE(recorder.stats().errors, std::uint64_t{0});
    }

    void clockSteppingBackStaysInTheFile() {
        RotatingRecorder recorder(options());
        QVERIFY(recorder.record(kTen + 30 * 60 * kSecond, frame(1)));
        QVERIFY(recorder.record(kTen - kSecond, frame(2))); // 09:59:59
        QCOMPARE(recorder.currentPath(), path("rec_20240808_10.gz"));
        QCOMPARE(recorder.stats().stepsBack, std::uint64_t{1});
        QVERIFY(recorder.record(kTen + kHour, frame(3)));
        QCOMPARE(recorder.currentPath(), path("rec_20240808_11.gz"));
        QVERIFY(recorder.close());
        QCOMPARE(readAll({path("rec_20240808_10.gz")}).lines.size(), std::size_t{2});
    }

    void missingOrUnusableDirectory() {
        // A path beneath a regular file can never be a directory, even for root.
        const std::string plain = path("plain");
        writeBytes(plain, "x");
        RotatingRecorderOptions o = options();
        o.directory = plain + "/sub";
        RotatingRecorder recorder(o);
        QVERIFY(!recorder.record(kTen, frame(1)));
        QCOMPARE(recorder.stats().errors, std::uint64_t{1});
        QVERIFY2(recorder.lastError().find("Not a directory") != std::string::npos,
                 recorder.lastError().c_str());
        QVERIFY(!recorder.record(kTen + kSecond, frame(2))); // same hour: dropped, no retry
        QCOMPARE(recorder.stats().errors, std::uint64_t{1});
        QCOMPARE(recorder.stats().dropped, std::uint64_t{2});
        QVERIFY(!recorder.record(kTen + kHour, frame(3))); // next hour: tried again
        QCOMPARE(recorder.stats().errors, std::uint64_t{2});
        QVERIFY(!recorder.flush());
        QVERIFY(recorder.currentPath().empty());

        // A directory that appears later (a volume mounted) is used from the next hour.
        RotatingRecorderOptions late = options();
        late.directory = (dir() + QStringLiteral("/later")).toStdString();
        RotatingRecorder waiting(late);
        QVERIFY(!waiting.record(kTen, frame(1)));
        QVERIFY(QDir(dir()).mkdir(QStringLiteral("later")));
        QVERIFY(!waiting.record(kTen + kSecond, frame(2)));
        QVERIFY(waiting.record(kTen + kHour, frame(3)));
        QCOMPARE(waiting.stats().filesOpened, std::uint64_t{1});
        QCOMPARE(waiting.stats().errors, std::uint64_t{1});

        RotatingRecorderOptions badPrefix = options("a/b");
        RotatingRecorder invalid(badPrefix);
        QVERIFY(!invalid.record(kTen, frame(1)));
        QVERIFY(invalid.lastError().find("prefix") != std::string::npos);
    }

    void directoryWithoutWritePermission() {
        // Root may write anywhere chmod can forbid; sysfs refuses new files to everyone.
        if (!QFileInfo(QStringLiteral("/sys")).isDir()) {
            QSKIP("no /sys here");
        }
        RotatingRecorderOptions o = options("hoga_recorder_test");
        o.directory = "/sys";
        RotatingRecorder recorder(o);
        QVERIFY(!recorder.record(kTen, frame(1)));
        QCOMPARE(recorder.stats().errors, std::uint64_t{1});
        QCOMPARE(recorder.stats().filesOpened, std::uint64_t{0});
        QVERIFY2(recorder.lastError().find("cannot create") != std::string::npos,
                 recorder.lastError().c_str());
    }

    void diskFullMidHour() {
        // RLIMIT_FSIZE makes write() fail with EFBIG past a size, as a full disk fails with
        // ENOSPC: the same path through the writer. SIGXFSZ would kill the process; ignore it.
        const auto oldHandler = std::signal(SIGXFSZ, SIG_IGN);
        rlimit old{};
        QCOMPARE(getrlimit(RLIMIT_FSIZE, &old), 0);
        RotatingRecorderOptions o = options();
        o.writer.memberSize = 2048; // a member, and so a write(), every few frames
        RotatingRecorder recorder(o);
        std::mt19937_64 rng(1);
        auto noise = [&rng] { // incompressible, so the file grows as fast as the text
            std::string s(600, ' ');
            for (char& c : s) {
                c = char('!' + rng() % 90);
            }
            return s;
        };
        rlimit small = old;
        small.rlim_cur = 64 * 1024;
        QCOMPARE(setrlimit(RLIMIT_FSIZE, &small), 0);
        std::uint64_t accepted = 0;
        for (int i = 0; i < 1000 && recorder.stats().errors == 0; ++i) {
            accepted += recorder.record(kTen + i * 1000, noise()) ? 1 : 0;
        }
        QVERIFY(!recorder.record(kTen + 2000 * 1000, noise())); // dropped for the rest of the hour
        QCOMPARE(setrlimit(RLIMIT_FSIZE, &old), 0);
        std::signal(SIGXFSZ, oldHandler);
        QCOMPARE(recorder.stats().errors, std::uint64_t{1});
        QVERIFY2(recorder.lastError().find("cannot write") != std::string::npos,
                 recorder.lastError().c_str());
        QVERIFY(recorder.stats().dropped >= 2);
        QVERIFY(recorder.currentPath().empty());
        // What reached the disk reads back as whole lines, a prefix of what was accepted.
        const ReadResult partial = readAll({path("rec_20240808_10.gz")});
        QVERIFY(partial.lines.size() > 0);
        QVERIFY(partial.lines.size() <= accepted);
        // The next hour opens a new file, and it works again.
        QVERIFY(recorder.record(kTen + kHour, frame(1)));
        QVERIFY(recorder.close());
        QCOMPARE(readAll({path("rec_20240808_11.gz")}).lines.size(), std::size_t{1});
        QCOMPARE(recorder.stats().filesOpened, std::uint64_t{2});
    }
};

QTEST_APPLESS_MAIN(TestRotatingRecorder)
#include "tst_rotating_recorder.moc"
