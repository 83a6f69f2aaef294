// hoga-replay end to end on the real recordings, in process and as the installed command.
// Qt headers first: moc (Qt 6.4) fails on <compare> when it comes before them.
#include <QTest>

#include "app/replay_command.h"
#include "storage/recording_reader.h"

#include "test_printers.h"
#include <QJsonDocument>
#include <QJsonObject>
#include <QProcess>
#include <QTemporaryDir>

#include <fstream>

using namespace hoga;

namespace {
const std::string kRecordings = HOGA_RECORDINGS;
const std::string k2024 = kRecordings + "/hftbacktest_usdm_btcusdt_20240808.gz";
const std::string k2023 = kRecordings + "/hftbacktest_usdm_btcusdt_20230404.dat.gz";

app::ReplayReport replay(std::vector<std::string> files) {
    app::ReplayOptions options;
    options.files = std::move(files);
    return app::runReplay(options);
}

QJsonObject runCommand(const QStringList& args, int& exitCode, QByteArray* err = nullptr) {
    QProcess process;
    process.start(QStringLiteral(HOGA_REPLAY_EXE), args);
    process.waitForFinished(120000);
    exitCode = process.exitCode();
    if (err) {
        *err = process.readAllStandardError();
    }
    return QJsonDocument::fromJson(process.readAllStandardOutput()).object();
}
} // namespace

class TestReplay : public QObject {
    Q_OBJECT
private Q_SLOTS:
    void recording20240808();
    void recording20230404BookIsConsistent();
    void twoFilesInSequence();
    void commandPrintsTheJsonReport();
    void missingFileFailsClearly();
    void truncatedFileKeepsWhatItReadAndFails();
    void usageErrors();
};

void TestReplay::recording20240808() {
    const auto r = replay({k2024});
    QVERIFY2(r.error.empty(), r.error.c_str());
    // Counts from PROVENANCE.md.
    QCOMPARE(r.lines, qint64(93954));
    QCOMPARE(r.feed.count(binance::MessageType::DepthUpdate), qint64(6551));
    QCOMPARE(r.feed.count(binance::MessageType::Trade), qint64(21313));
    QCOMPARE(r.feed.count(binance::MessageType::BookTicker), qint64(66089));
    QCOMPARE(r.feed.count(binance::MessageType::Snapshot), qint64(1));
    QCOMPARE(r.feed.count(binance::MessageType::Malformed), qint64(0));
    QCOMPARE(r.feed.count(binance::MessageType::Unknown), qint64(0));
    // The book: synced once, never a gap, never crossed; four stale diffs dropped.
    QCOMPARE(r.bookState, std::string("live"));
    QCOMPARE(r.sync.syncs, qint64(1));
    QCOMPARE(r.sync.gaps, qint64(0));
    QCOMPARE(r.sync.crossed, qint64(0));
    QCOMPARE(r.sync.staleDropped, qint64(4));
    QCOMPARE(r.sync.applied, qint64(6551 - 4));
    // Independently checked with Decimal arithmetic (PROVENANCE.md): the 126 tickers stamped with
    // the last applied diff's u all match, and the final book has 5,018 bids and 4,578 asks.
    QCOMPARE(r.feed.tickerCompared, qint64(126));
    QCOMPARE(r.feed.tickerMismatched, qint64(0));
    QVERIFY(r.feed.tickerFirstCompared > 0);
    QCOMPARE(r.feed.tickerFirstMismatched, qint64(0));
    QCOMPARE(r.bidLevels, std::size_t(5018));
    QCOMPARE(r.askLevels, std::size_t(4578));
    QVERIFY(!r.crossedNow);
    QVERIFY(r.bestBid < r.bestAsk);
    // Candles: every trade lands in exactly one candle.
    QCOMPARE(r.candleTrades, qint64(21313));
    QVERIFY(r.candlesClosed >= 340 && r.candlesClosed <= 350); // ~5 min 45 s at 1 s
}

void TestReplay::recording20230404BookIsConsistent() {
    binance::MarketDataProcessor processor(core::InstrumentSpec::btcusdtDefaults(), {});
    storage::RecordingReader reader({k2023});
    storage::RecordedFrame frame;
    std::int64_t lastLocal = 0;
    while (reader.next(frame)) {
        processor.onFrame(frame.frame, frame.frame.size() + storage::kFramePadding);
        QVERIFY(frame.localTimeNs >= 1'680'000'000'000'000'000); // µs detected, reported in ns
        lastLocal = frame.localTimeNs;
    }
    QVERIFY2(reader.error().empty(), reader.error().c_str());
    QVERIFY(lastLocal < 1'690'000'000'000'000'000);
    const auto& c = processor.counters();
    QCOMPARE(c.frames, qint64(13384));
    QCOMPARE(c.count(binance::MessageType::DepthUpdate), qint64(4322));
    QCOMPARE(c.count(binance::MessageType::Trade), qint64(2197));
    QCOMPARE(c.count(binance::MessageType::BookTicker), qint64(6765));
    QCOMPARE(c.count(binance::MessageType::MarkPrice), qint64(99));
    QCOMPARE(c.count(binance::MessageType::Snapshot), qint64(1));
    const auto& sync = processor.synchronizer();
    QCOMPARE(sync.state(), binance::SyncState::Live);
    QCOMPARE(sync.counters().gaps, qint64(0));
    QCOMPARE(sync.lastAppliedUpdateId(), quint64(2710249412032)); // last u in the file
    // In this file the ticker always ran ahead of the depth stream: the tickers are compared
    // when the diff with their u is applied (310 tickers share a u with a diff).
    QCOMPARE(c.tickerCompared, qint64(0));
    QVERIFY(c.tickerFirstCompared > 250);
    QCOMPARE(c.tickerFirstMismatched, qint64(0));

    // Internal consistency of the final book: strictly ordered sides, positive quantities,
    // counts that match a full walk, and best levels that match the walk's first entries.
    const core::OrderBook& book = processor.book();
    std::vector<core::Level> bids, asks;
    book.levels(core::Side::Buy, -1, bids);
    book.levels(core::Side::Sell, -1, asks);
    QCOMPARE(bids.size(), book.levelCount(core::Side::Buy));
    QCOMPARE(asks.size(), book.levelCount(core::Side::Sell));
    QVERIFY(bids.size() > 500 && asks.size() > 500);
    for (std::size_t i = 0; i < bids.size(); ++i) {
        QVERIFY(bids[i].qty.lots > 0);
        QVERIFY(i == 0 || bids[i].price < bids[i - 1].price);
    }
    for (std::size_t i = 0; i < asks.size(); ++i) {
        QVERIFY(asks[i].qty.lots > 0);
        QVERIFY(i == 0 || asks[i].price > asks[i - 1].price);
    }
    QCOMPARE(*book.bestBid(), bids.front());
    QCOMPARE(*book.bestAsk(), asks.front());
    QVERIFY(bids.front().price < asks.front().price);
    // Trade prices of this file range 28140.5–28157.1: the book's top sits in that range.
    QVERIFY(bids.front().price >= core::Price{281300} && asks.front().price <= core::Price{281700});
    // Candles: sum of candle volume equals the trade volume.
    const auto& candles = processor.candles();
    std::int64_t volume = candles.current() ? candles.current()->volume.lots : 0;
    for (std::size_t i = 0; i < candles.closed().size(); ++i) {
        volume += candles.closed().at(i).volume.lots;
    }
    QCOMPARE(volume, candles.counters().volume.lots);
}

void TestReplay::twoFilesInSequence() {
    // 2023 then 2024: one continuous session. The second file's diffs do not continue the first
    // file's pu chain, so the book reports a gap and waits for a snapshot, which the 2024 file
    // provides: a second sync, no crossed book.
    const auto r = replay({k2023, k2024});
    QVERIFY2(r.error.empty(), r.error.c_str());
    QCOMPARE(r.lines, qint64(13384 + 93954));
    QCOMPARE(r.sync.snapshots, qint64(2));
    QCOMPARE(r.sync.syncs, qint64(2));
    QCOMPARE(r.sync.gaps, qint64(1));
    QCOMPARE(r.sync.crossed, qint64(0));
    QCOMPARE(r.bookState, std::string("live"));
    QCOMPARE(r.bidLevels, std::size_t(5018));
}

void TestReplay::commandPrintsTheJsonReport() {
    int code = -1;
    const QJsonObject o =
        runCommand({QString::fromStdString(k2024), QStringLiteral("--json")}, code);
    QCOMPARE(code, 0);
    QCOMPARE(o.value(QStringLiteral("lines")).toInteger(), 93954);
    const QJsonObject book = o.value(QStringLiteral("book")).toObject();
    QCOMPARE(book.value(QStringLiteral("state")).toString(), QStringLiteral("live"));
    QCOMPARE(book.value(QStringLiteral("gaps")).toInteger(), 0);
    QCOMPARE(book.value(QStringLiteral("crossed")).toInteger(), 0);
    QVERIFY(book.value(QStringLiteral("best_bid")).isString());
    QCOMPARE(
        book.value(QStringLiteral("best_bid")).toString().split(QLatin1Char('.')).last().size(), 2);
    const QJsonObject ticker = o.value(QStringLiteral("ticker_check")).toObject();
    QVERIFY(ticker.value(QStringLiteral("compared")).toInteger() > 0);
    QCOMPARE(ticker.value(QStringLiteral("mismatched")).toInteger(), 0);
    const QJsonObject candles = o.value(QStringLiteral("candles")).toObject();
    QCOMPARE(candles.value(QStringLiteral("interval")).toString(), QStringLiteral("1s"));
    QVERIFY(candles.value(QStringLiteral("volume")).isString());
    const QJsonObject messages = o.value(QStringLiteral("messages")).toObject();
    for (const char* key : {"depthUpdate", "trade", "aggTrade", "bookTicker", "markPriceUpdate",
                            "kline", "snapshot"}) {
        QVERIFY2(messages.contains(QLatin1String(key)), key);
    }
    QVERIFY(o.value(QStringLiteral("events_per_s")).toDouble() > 0);
    QVERIFY(o.contains(QStringLiteral("elapsed_s")));
    QVERIFY(o.contains(QStringLiteral("malformed")));
    QVERIFY(o.contains(QStringLiteral("unknown")));
    // The total traded volume is the exact sum of the trades' quantities.
    const auto r = replay({k2024});
    QCOMPARE(candles.value(QStringLiteral("volume")).toString().toStdString(), r.volume);
}

void TestReplay::missingFileFailsClearly() {
    int code = -1;
    QByteArray err;
    runCommand({QStringLiteral("/nonexistent/recording.gz"), QStringLiteral("--json")}, code, &err);
    QCOMPARE(code, 1);
    QVERIFY2(err.contains("/nonexistent/recording.gz"), err.constData());
}

void TestReplay::truncatedFileKeepsWhatItReadAndFails() {
    QTemporaryDir dir;
    const std::string cut = dir.path().toStdString() + "/cut.gz";
    {
        std::ifstream in(k2024, std::ios::binary);
        std::string bytes((std::istreambuf_iterator<char>(in)), std::istreambuf_iterator<char>());
        std::ofstream out(cut, std::ios::binary);
        out.write(bytes.data(), static_cast<std::streamsize>(bytes.size() / 2));
    }
    int code = -1;
    QByteArray err;
    const QJsonObject o =
        runCommand({QString::fromStdString(cut), QStringLiteral("--json")}, code, &err);
    QCOMPARE(code, 1);
    QVERIFY(!err.isEmpty());
    QVERIFY(o.value(QStringLiteral("lines")).toInteger() > 1000);
    QVERIFY(o.value(QStringLiteral("error")).isString());
}

void TestReplay::usageErrors() {
    int code = -1;
    runCommand({}, code);
    QCOMPARE(code, 2);
    runCommand({QString::fromStdString(k2024), QStringLiteral("--interval"), QStringLiteral("2h")},
               code);
    QCOMPARE(code, 2);
    runCommand({QString::fromStdString(k2024), QStringLiteral("--bogus")}, code);
    QCOMPARE(code, 2);
    runCommand(
        {QString::fromStdString(k2024), QStringLiteral("--symbol"), QStringLiteral("ETHUSDT")},
        code);
    QCOMPARE(code, 1); // no exchangeInfo for its grids: a clear error, not a guess
    runCommand({QStringLiteral("--help")}, code);
    QCOMPARE(code, 0);
}

QTEST_GUILESS_MAIN(TestReplay)
#include "tst_replay.moc"
