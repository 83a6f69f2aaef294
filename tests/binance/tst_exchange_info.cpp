// exchangeInfo: the symbol's grids and filters, from a real 2021 mainnet capture and a 2022 one.
// Qt headers first: moc (Qt 6.4) fails on <compare> when it comes before them.
#include <QTest>

#include "binance/exchange_info.h"
#include "fixture_files.h"

#include "test_printers.h"

using namespace hoga;

class TestExchangeInfo : public QObject {
    Q_OBJECT
private Q_SLOTS:
    void btcusdt2022();
    void btcusdt2021AndAltcoins();
    void errors();
};

void TestExchangeInfo::btcusdt2022() {
    const std::string body =
        test::readFile(test::dataPath("rest/nautilus_http_futures_market_exchange_info.json"));
    binance::ExchangeInfo info;
    std::string error;
    QVERIFY2(binance::parseExchangeInfo(body, "BTCUSDT", info, error), error.c_str());
    const auto& spec = info.instrument;
    QCOMPARE(spec.symbol, std::string("BTCUSDT"));
    QCOMPARE(spec.priceGrid, (core::DecimalGrid{2, 10})); // tickSize 0.10, pricePrecision 2
    QCOMPARE(spec.qtyGrid, (core::DecimalGrid{3, 1}));
    QCOMPARE(spec.formatPrice(spec.minPrice), std::string("402.00"));
    QCOMPARE(spec.formatPrice(spec.maxPrice), std::string("1246396.60"));
    QCOMPARE(spec.minQty, core::Qty{1});
    QCOMPARE(spec.maxQty, core::Qty{1000000});
    QCOMPARE(spec.minNotional.e8, qint64(10) * core::Fixed8::kOne);
    QCOMPARE(spec.maxOpenOrders, 200);
    QCOMPARE(spec.maxOpenAlgoOrders, 10);
    QCOMPARE(info.status, std::string("TRADING"));
    QCOMPARE(info.contractType, std::string("PERPETUAL"));
    QCOMPARE(info.serverTimeMs, qint64(1645233611962));
    QCOMPARE(info.rateLimits.size(), std::size_t(3));
    QCOMPARE(info.rateLimits[0].type, std::string("REQUEST_WEIGHT"));
    QCOMPARE(info.rateLimits[0].limit, qint64(6000));
    QCOMPARE(info.rateLimits[2].intervalNum, qint64(10));
    // The quarterly contract in the same file has its own entry.
    binance::ExchangeInfo quarterly;
    QVERIFY(binance::parseExchangeInfo(body, "BTCUSDT_220325", quarterly, error));
    QCOMPARE(quarterly.instrument.symbol, std::string("BTCUSDT_220325"));
}

void TestExchangeInfo::btcusdt2021AndAltcoins() {
    const auto lines =
        test::readCryptofeedHttp(test::dataPath("market/cryptofeed_BINANCE_FUTURES_20210722.0"));
    QCOMPARE(lines.size(), std::size_t(1));
    binance::ExchangeInfo info;
    std::string error;
    QVERIFY2(binance::parseExchangeInfo(lines[0].body, "BTCUSDT", info, error), error.c_str());
    QCOMPARE(info.instrument.priceGrid, (core::DecimalGrid{2, 1})); // tickSize 0.01 in 2021
    QCOMPARE(info.instrument.minNotional.e8, qint64(5) * core::Fixed8::kOne);
    QCOMPARE(info.rateLimits[0].limit, qint64(2400));
    binance::ExchangeInfo sushi;
    QVERIFY2(binance::parseExchangeInfo(lines[0].body, "SUSHIUSDT", sushi, error), error.c_str());
    QCOMPARE(
        sushi.instrument.formatPrice(sushi.instrument.parsePrice("7.6110").value
                                         ? core::Price{sushi.instrument.parsePrice("7.6110").value}
                                         : core::Price{}),
        std::string("7.6110"));
}

void TestExchangeInfo::errors() {
    binance::ExchangeInfo info;
    std::string error;
    QVERIFY(!binance::parseExchangeInfo("", "BTCUSDT", info, error));
    QVERIFY(!error.empty());
    error.clear();
    QVERIFY(!binance::parseExchangeInfo("{\"symbols\":[]}", "BTCUSDT", info, error));
    QVERIFY(error.find("not listed") != std::string::npos);
    error.clear();
    QVERIFY(!binance::parseExchangeInfo(
        R"({"symbols":[{"symbol":"BTCUSDT","filters":[{"filterType":"PRICE_FILTER","tickSize":"abc"},{"filterType":"LOT_SIZE","stepSize":"0.001"}]}]})",
        "BTCUSDT", info, error));
    QVERIFY(!error.empty());
    error.clear();
    QVERIFY(!binance::parseExchangeInfo("{\"symbols\":[{\"symbol\":", "BTCUSDT", info, error));
}

QTEST_APPLESS_MAIN(TestExchangeInfo)
#include "tst_exchange_info.moc"
