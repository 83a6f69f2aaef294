// The Binance market parser on every message type of the fixtures, and on broken input.
// Qt headers first: moc (Qt 6.4) fails on <compare> when it comes before them.
#include <QTest>

#include "binance/exchange_info.h"
#include "binance/market_parser.h"
#include "fixture_files.h"

#include "test_printers.h"

#include <random>

using namespace hoga;
using binance::MarketParser;
using binance::MessageType;

namespace {
// The documentation examples use several symbols and up to 8 decimals: a wide grid accepts them.
core::InstrumentSpec anySymbol8Decimals() {
    core::InstrumentSpec spec;
    spec.priceGrid = core::DecimalGrid{8, 1};
    spec.qtyGrid = core::DecimalGrid{8, 1};
    return spec;
}

const char* kDepth =
    R"({"stream":"btcusdt@depth@0ms","data":{"e":"depthUpdate","E":1723161256299,"T":1723161256298,"s":"BTCUSDT","U":5123107832006,"u":5123107837557,"pu":5123107831937,"b":[["58710.20","0.014"],["61510.90","0.000"]],"a":[["61800.30","3.330"]]}})";
const char* kTrade =
    R"({"stream":"btcusdt@trade","data":{"e":"trade","E":1680652700455,"T":1680652700452,"s":"BTCUSDT","t":3535186032,"p":"28145.10","q":"0.002","X":"MARKET","m":true}})";
} // namespace

class TestMarketParser : public QObject {
    Q_OBJECT
private Q_SLOTS:
    void realDepthUpdate();
    void realTradeAndBookTickerAndMarkPrice();
    void realSnapshot();
    void docsExamples();
    void realAggTradeAndKlineFromCryptofeed();
    void unknownEventsAreCountedNotParsed();
    void otherSymbol();
    void malformed_data();
    void malformed();
    void randomGarbageNeverCrashes();
    void truncationsOfRealFrames();
    void parsesInPlaceWithPadding();
};

void TestMarketParser::realDepthUpdate() {
    MarketParser parser(core::InstrumentSpec::btcusdtDefaults());
    QCOMPARE(parser.parse(kDepth), MessageType::DepthUpdate);
    const auto& d = parser.depthUpdate();
    QCOMPARE(d.eventTimeMs, qint64(1723161256299));
    QCOMPARE(d.transactionTimeMs, qint64(1723161256298));
    QCOMPARE(d.firstUpdateId, quint64(5123107832006));
    QCOMPARE(d.finalUpdateId, quint64(5123107837557));
    QCOMPARE(d.prevFinalUpdateId, quint64(5123107831937));
    QCOMPARE(d.bids.size(), std::size_t(2));
    QCOMPARE(d.bids[0].price, core::Price{587102});
    QCOMPARE(d.bids[0].qty, core::Qty{14});
    QCOMPARE(d.bids[1].qty, core::Qty{0}); // a deletion
    QCOMPARE(d.asks.size(), std::size_t(1));
    QCOMPARE(d.asks[0].price, core::Price{618003});
    QCOMPARE(d.asks[0].qty, core::Qty{3330});
}

void TestMarketParser::realTradeAndBookTickerAndMarkPrice() {
    MarketParser parser(core::InstrumentSpec::btcusdtDefaults());
    QCOMPARE(parser.parse(kTrade), MessageType::Trade);
    const auto& t = parser.trade();
    QCOMPARE(t.id, quint64(3535186032));
    QCOMPARE(t.price, core::Price{281451});
    QCOMPARE(t.qty, core::Qty{2});
    QVERIFY(t.buyerIsMaker);
    QCOMPARE(t.takerSide(), core::Side::Sell);
    QCOMPARE(t.tradeTimeMs, qint64(1680652700452));
    QVERIFY(!t.aggregated);

    QCOMPARE(
        parser.parse(
            R"({"stream":"btcusdt@bookTicker","data":{"e":"bookTicker","u":2710246762461,"s":"BTCUSDT","b":"28145.10","B":"3.868","a":"28145.20","A":"6.887","T":1680652700430,"E":1680652700435}})"),
        MessageType::BookTicker);
    const auto& b = parser.bookTicker();
    QCOMPARE(b.updateId, quint64(2710246762461));
    QCOMPARE(b.bidPrice, core::Price{281451});
    QCOMPARE(b.bidQty, core::Qty{3868});
    QCOMPARE(b.askPrice, core::Price{281452});
    QCOMPARE(b.askQty, core::Qty{6887});
    QCOMPARE(b.eventTimeMs, qint64(1680652700435));

    QCOMPARE(
        parser.parse(
            R"({"stream":"btcusdt@markPrice@1s","data":{"e":"markPriceUpdate","E":1680652701000,"s":"BTCUSDT","p":"28147.27373413","P":"28142.15563565","i":"28159.75642857","r":"0.00002754","T":1680652800000}})"),
        MessageType::MarkPrice);
    const auto& m = parser.markPrice();
    QCOMPARE(m.markPrice.e8, qint64(2814727373413));
    QCOMPARE(m.indexPrice.e8, qint64(2815975642857));
    QCOMPARE(m.estimatedSettlePrice.e8, qint64(2814215563565));
    QCOMPARE(m.fundingRate.e8, qint64(2754));
    QCOMPARE(m.nextFundingTimeMs, qint64(1680652800000));
}

void TestMarketParser::realSnapshot() {
    // The 2023 recording's snapshot line: unwrapped, with spaces after colons.
    MarketParser parser(core::InstrumentSpec::btcusdtDefaults());
    const std::string frame =
        R"({"lastUpdateId": 2710246765483, "E": 1680652700590, "T": 1680652700580, "bids": [["28145.10", "3.818"], ["28145.00", "0.413"]], "asks": [["28145.20", "5.000"]]})";
    QCOMPARE(parser.parse(frame), MessageType::Snapshot);
    const auto& s = parser.snapshot();
    QCOMPARE(s.lastUpdateId, quint64(2710246765483));
    QCOMPARE(s.eventTimeMs, qint64(1680652700590));
    QCOMPARE(s.bids.size(), std::size_t(2));
    QCOMPARE(s.bids[1].price, core::Price{281450});
    QCOMPARE(s.asks[0].qty, core::Qty{5000});
    // A snapshot without E/T (spot-style) is still a snapshot.
    QCOMPARE(parser.parse(R"({"lastUpdateId":1,"bids":[],"asks":[]})"), MessageType::Snapshot);
    QCOMPARE(parser.snapshot().eventTimeMs, qint64(0));
}

void TestMarketParser::docsExamples() {
    MarketParser parser(anySymbol8Decimals());
    const auto parseFile = [&](const char* name) {
        return parser.parse(test::readFile(test::dataPath(std::string("docs_examples/") + name)));
    };
    QCOMPARE(parseFile("nautilus_agg_trade_stream.json"), MessageType::AggTrade);
    QCOMPARE(parser.trade().id, quint64(5933014));
    QCOMPARE(parser.trade().firstTradeId, quint64(100));
    QCOMPARE(parser.trade().lastTradeId, quint64(105));
    QVERIFY(parser.trade().aggregated);
    QCOMPARE(parseFile("nautilus_trade_stream.json"), MessageType::Trade);
    QCOMPARE(parser.trade().qty, core::Qty{10000000000}); // "100" at 8 decimals
    QCOMPARE(parseFile("nautilus_book_ticker_stream.json"), MessageType::BookTicker);
    QCOMPARE(parser.bookTicker().bidPrice, core::Price{2535190000});
    QCOMPARE(parseFile("nautilus_depth_update_stream.json"), MessageType::DepthUpdate);
    QCOMPARE(parser.depthUpdate().prevFinalUpdateId, quint64(149));
    QCOMPARE(parser.depthUpdate().bids[0].price, core::Price{240000});
    QCOMPARE(parseFile("nautilus_mark_price_stream.json"), MessageType::MarkPrice);
    QCOMPARE(parser.markPrice().fundingRate.e8, qint64(38167));
    QCOMPARE(parseFile("nautilus_kline_stream_open.json"), MessageType::Kline);
    QVERIFY(!parser.kline().closed);
    QCOMPARE(parser.kline().interval, std::string("1m"));
    QCOMPARE(parser.kline().tradeCount, qint64(100));
    QCOMPARE(parser.kline().low, core::Price{150000});
    QCOMPARE(parseFile("nautilus_kline_stream_closed.json"), MessageType::Kline);
    QVERIFY(parser.kline().closed);
    QCOMPARE(parser.kline().takerBuyVolume, core::Qty{50000000000});
    QCOMPARE(parser.kline().quoteVolume.e8, qint64(100000000));
    // Event types Hoga does not use are recognised as such, not as errors.
    QCOMPARE(parseFile("nautilus_liquidation_stream.json"), MessageType::Unknown);
    QCOMPARE(parser.detail(), std::string("forceOrder"));
    QCOMPARE(parseFile("nautilus_ticker_stream.json"), MessageType::Unknown);
}

void TestMarketParser::realAggTradeAndKlineFromCryptofeed() {
    // A real 2021 capture of USD-M alt-coin perpetuals: the only real aggTrade and kline frames.
    const auto info =
        test::readCryptofeedHttp(test::dataPath("market/cryptofeed_BINANCE_FUTURES_20210722.0"));
    QCOMPARE(info.size(), std::size_t(1));
    binance::ExchangeInfo exchange;
    std::string error;
    QVERIFY2(binance::parseExchangeInfo(info[0].body, "SUSHIUSDT", exchange, error), error.c_str());
    MarketParser parser(exchange.instrument);
    const auto messages =
        test::readCryptofeedWs(test::dataPath("market/cryptofeed_BINANCE_FUTURES_20210722.ws.1.0"));
    QCOMPARE(messages.size(), std::size_t(1535));
    int counts[binance::kMessageTypeCount] = {};
    for (const auto& m : messages) {
        const MessageType type = parser.parse(m.body);
        ++counts[static_cast<int>(type)];
        if (type == MessageType::Malformed) {
            QFAIL(parser.detail().c_str());
        }
        if (type == MessageType::Kline) {
            const auto& k = parser.kline();
            QCOMPARE(k.interval, std::string("1m"));
            QCOMPARE(k.closeTimeMs - k.openTimeMs, qint64(59999));
            QVERIFY(k.low <= k.open && k.open <= k.high);
            QVERIFY(k.takerBuyVolume <= k.volume);
        }
        if (type == MessageType::AggTrade) {
            QVERIFY(parser.trade().firstTradeId <= parser.trade().lastTradeId);
            QVERIFY(parser.trade().qty.lots > 0);
        }
    }
    // Totals over all four symbols (PROVENANCE.md): 764 depth, 613 bookTicker, 91 aggTrade, 67
    // kline; the SUSHIUSDT share is parsed, the rest is recognised as another symbol.
    const int sushi = counts[int(MessageType::DepthUpdate)] + counts[int(MessageType::BookTicker)] +
                      counts[int(MessageType::AggTrade)] + counts[int(MessageType::Kline)];
    QVERIFY(counts[int(MessageType::AggTrade)] > 0);
    QVERIFY(counts[int(MessageType::Kline)] > 0);
    QCOMPARE(sushi + counts[int(MessageType::OtherSymbol)], 1535);
}

void TestMarketParser::unknownEventsAreCountedNotParsed() {
    MarketParser parser(core::InstrumentSpec::btcusdtDefaults());
    QCOMPARE(parser.parse(R"({"result":null,"id":1})"), MessageType::Unknown);
    QCOMPARE(parser.parse(R"({"stream":"btcusdt@forceOrder","data":{"e":"forceOrder","E":1}})"),
             MessageType::Unknown);
    QCOMPARE(parser.detail(), std::string("forceOrder"));
}

void TestMarketParser::otherSymbol() {
    MarketParser parser(core::InstrumentSpec::btcusdtDefaults());
    QCOMPARE(
        parser.parse(
            R"({"e":"trade","E":1,"T":1,"s":"ETHUSDT","t":1,"p":"1.00","q":"1.000","m":true})"),
        MessageType::OtherSymbol);
}

void TestMarketParser::malformed_data() {
    QTest::addColumn<QByteArray>("frame");
    const auto row = [](const char* name, const char* frame) {
        QTest::newRow(name) << QByteArray(frame);
    };
    row("empty", "");
    row("spaces", "   ");
    row("not json", "hello");
    row("array", "[1,2,3]");
    row("number", "42");
    row("truncated string", R"({"stream":"btcusdt@trade","data":{"e":"trade","E":16806527)");
    row("truncated levels",
        R"({"e":"depthUpdate","E":1,"T":1,"s":"BTCUSDT","U":1,"u":2,"pu":0,"b":[["61800.30","0.0)");
    row("data not object", R"({"stream":"x","data":[1]})");
    row("e not string", R"({"e":5})");
    row("price as number",
        R"({"e":"trade","E":1,"T":1,"s":"BTCUSDT","t":1,"p":61800.3,"q":"1.000","m":true})");
    row("qty null",
        R"({"e":"trade","E":1,"T":1,"s":"BTCUSDT","t":1,"p":"61800.30","q":null,"m":true})");
    row("m missing", R"({"e":"trade","E":1,"T":1,"s":"BTCUSDT","t":1,"p":"61800.30","q":"1.000"})");
    row("off tick",
        R"({"e":"trade","E":1,"T":1,"s":"BTCUSDT","t":1,"p":"61800.35","q":"1.000","m":true})");
    row("too many decimals",
        R"({"e":"trade","E":1,"T":1,"s":"BTCUSDT","t":1,"p":"61800.30","q":"1.0001","m":true})");
    row("negative qty",
        R"({"e":"trade","E":1,"T":1,"s":"BTCUSDT","t":1,"p":"61800.30","q":"-1.000","m":true})");
    row("zero trade qty",
        R"({"e":"trade","E":1,"T":1,"s":"BTCUSDT","t":1,"p":"61800.30","q":"0.000","m":true})");
    row("huge price",
        R"({"e":"trade","E":1,"T":1,"s":"BTCUSDT","t":1,"p":"99999999999999999999.00","q":"1.000","m":true})");
    row("huge id",
        R"({"e":"trade","E":1,"T":1,"s":"BTCUSDT","t":123456789012345678901234567890,"p":"1.00","q":"1.000","m":true})");
    row("negative update id",
        R"({"e":"depthUpdate","E":1,"T":1,"s":"BTCUSDT","U":-1,"u":2,"pu":0,"b":[],"a":[]})");
    row("U after u",
        R"({"e":"depthUpdate","E":1,"T":1,"s":"BTCUSDT","U":5,"u":2,"pu":0,"b":[],"a":[]})");
    row("level of three",
        R"({"e":"depthUpdate","E":1,"T":1,"s":"BTCUSDT","U":1,"u":2,"pu":0,"b":[["1.00","1.000","x"]],"a":[]})");
    row("level of one",
        R"({"e":"depthUpdate","E":1,"T":1,"s":"BTCUSDT","U":1,"u":2,"pu":0,"b":[["1.00"]],"a":[]})");
    row("level zero price",
        R"({"e":"depthUpdate","E":1,"T":1,"s":"BTCUSDT","U":1,"u":2,"pu":0,"b":[["0.00","1.000"]],"a":[]})");
    row("levels not array",
        R"({"e":"depthUpdate","E":1,"T":1,"s":"BTCUSDT","U":1,"u":2,"pu":0,"b":{},"a":[]})");
    row("snapshot id string", R"({"lastUpdateId":"12","bids":[],"asks":[]})");
    row("snapshot without asks", R"({"lastUpdateId":12,"bids":[]})");
    row("kline without k", R"({"e":"kline","E":1,"s":"BTCUSDT"})");
    row("binary", "\x01\x02\xff\xfe{\"e\":");
    row("invalid utf8 in string", "{\"e\":\"tr\xff\xfe\"}");
}

void TestMarketParser::malformed() {
    QFETCH(QByteArray, frame);
    MarketParser parser(core::InstrumentSpec::btcusdtDefaults());
    QCOMPARE(parser.parse(kTrade), MessageType::Trade);
    const std::string_view view(frame.constData(), static_cast<std::size_t>(frame.size()));
    QCOMPARE(parser.parse(view), MessageType::Malformed);
    QVERIFY(!parser.detail().empty());
    // The parser is fine afterwards.
    QCOMPARE(parser.parse(kDepth), MessageType::DepthUpdate);
    QCOMPARE(parser.depthUpdate().bids.size(), std::size_t(2));
}

void TestMarketParser::randomGarbageNeverCrashes() {
    MarketParser parser(core::InstrumentSpec::btcusdtDefaults());
    std::mt19937_64 rng(7);
    const std::string base = kDepth;
    int malformed = 0;
    for (int i = 0; i < 20000; ++i) {
        std::string frame = base;
        // Flip, insert or delete a few bytes of a real frame.
        const int edits = 1 + static_cast<int>(rng() % 4);
        for (int e = 0; e < edits; ++e) {
            const std::size_t pos = rng() % frame.size();
            switch (rng() % 3) {
            case 0:
                frame[pos] = static_cast<char>(rng() % 256);
                break;
            case 1:
                frame.insert(pos, 1, static_cast<char>(rng() % 256));
                break;
            default:
                frame.erase(pos, 1);
            }
        }
        const MessageType type = parser.parse(frame);
        if (type == MessageType::Malformed) {
            ++malformed;
            QVERIFY(!parser.detail().empty());
        }
        if (type == MessageType::DepthUpdate) {
            // Whatever survived must still satisfy the parser's promises.
            for (const auto& l : parser.depthUpdate().bids) {
                QVERIFY(l.price.ticks > 0 && l.qty.lots >= 0);
            }
            QVERIFY(parser.depthUpdate().firstUpdateId <= parser.depthUpdate().finalUpdateId);
        }
    }
    QVERIFY(malformed > 1000);
}

void TestMarketParser::truncationsOfRealFrames() {
    MarketParser parser(core::InstrumentSpec::btcusdtDefaults());
    for (const std::string& full : {std::string(kDepth), std::string(kTrade)}) {
        for (std::size_t cut = 0; cut + 2 < full.size(); ++cut) {
            const MessageType type = parser.parse(std::string_view(full).substr(0, cut));
            QVERIFY2(type == MessageType::Malformed, full.substr(0, cut).c_str());
        }
    }
}

void TestMarketParser::parsesInPlaceWithPadding() {
    MarketParser parser(core::InstrumentSpec::btcusdtDefaults());
    std::string buffer = std::string(kTrade) + "\n" + std::string(64, 'x');
    const std::string_view frame(buffer.data(), std::strlen(kTrade));
    QCOMPARE(parser.parse(frame, buffer.size()), MessageType::Trade);
    QCOMPARE(parser.trade().qty, core::Qty{2});
}

QTEST_APPLESS_MAIN(TestMarketParser)
#include "tst_market_parser.moc"
