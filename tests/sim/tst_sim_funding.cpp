// Funding payments: when funding is due (FundingClock), what each position pays or receives
// (exact, rounded once), the FUNDING_FEE ACCOUNT_UPDATE and GET /fapi/v1/income, from the engine
// up to a simulator whose funding interval is shortened to two seconds.
// Qt headers first: moc (Qt 6.4) fails on <compare> when it comes before them.
#include <QTest>

#include "core/orderbook.h"
#include "core/wide_int.h"
#include "sim/exchange_simulator.h"
#include "sim/funding_clock.h"
#include "test_printers.h"
#include "trading_client.h"

using namespace hoga;
using namespace hoga::sim;
using simtest::EventStream;
using simtest::Reply;
using simtest::TradingClient;

namespace {

const core::InstrumentSpec kSpec = core::InstrumentSpec::btcusdtDefaults();
constexpr std::int64_t kOne = core::Fixed8::kOne;
const QByteArray kKey = "funding-key";
const std::string kSecret = "funding-secret";

core::MarkPriceUpdate mark(std::int64_t timeMs, std::int64_t markE8, std::int64_t rateE8,
                           std::int64_t nextMs) {
    core::MarkPriceUpdate m;
    m.eventTimeMs = timeMs;
    m.markPrice = core::Fixed8{markE8};
    m.fundingRate = core::Fixed8{rateE8};
    m.nextFundingTimeMs = nextMs;
    return m;
}

QJsonObject parse(const std::string& payload) {
    return QJsonDocument::fromJson(QByteArray::fromStdString(payload)).object();
}

// −lots × step × mark × rate, rounded half away from zero to 1e-8: the test's own arithmetic.
std::int64_t expectedFunding(std::int64_t lots, std::int64_t markE8, std::int64_t rateE8) {
    const core::Int128 num = static_cast<core::Int128>(lots) * markE8 * rateE8;
    const core::Int128 den = static_cast<core::Int128>(1000) * kOne; // 3 qty decimals
    const core::Int128 half = den / 2;
    return -static_cast<std::int64_t>(num >= 0 ? (num + half) / den : (num - half) / den);
}

struct EngineFixture {
    core::OrderBook book;
    MatchingEngine engine;
    std::vector<std::pair<std::string, std::string>> events;
    EngineFixture()
        : engine(book, kSpec,
                 {AccountConfig{"long", "s", core::Fixed8{10000 * kOne}},
                  AccountConfig{"short", "s", core::Fixed8{10000 * kOne}},
                  AccountConfig{"flat", "s", core::Fixed8{10000 * kOne}}}) {
        book.set(core::Side::Buy, core::Price{600000}, core::Qty{5000});
        book.set(core::Side::Sell, core::Price{600001}, core::Qty{5000});
        engine.setSink(
            [this](const std::string& key, const std::string& e) { events.emplace_back(key, e); });
    }
    void market(const char* key, core::Side side, std::int64_t lots) {
        MatchingEngine::NewOrder o;
        o.side = side;
        o.type = OrderType::Market;
        o.qty = core::Qty{lots};
        std::int64_t id = 0;
        QVERIFY(!engine.placeOrder(*engine.account(key), o, 1, id));
    }
};

std::unique_ptr<ExchangeSimulator> startSimulator() {
    SimulatorOptions options;
    options.recordings = {std::string(HOGA_RECORDINGS) + "/hftbacktest_usdm_btcusdt_20240808.gz"};
    options.replay.speed = 4;
    options.replay.fundingIntervalMs = 2000;
    options.accounts = {{kKey.toStdString(), kSecret, core::Fixed8{10000 * kOne}}};
    auto simulator = std::make_unique<ExchangeSimulator>(options);
    QString error;
    if (!simulator->start(error)) {
        qWarning("%s", qPrintable(error));
        return nullptr;
    }
    return simulator;
}

std::int64_t e8(const QJsonValue& v) {
    const core::ScaledValue parsed = core::parseScaled(v.toString().toStdString(), 8, true);
    return parsed.ok() ? parsed.value : INT64_MIN;
}

} // namespace

class TestSimFunding : public QObject {
    Q_OBJECT
private Q_SLOTS:
    void fundingIsDueOnceWhenTheMarketPassesTheAnnouncedTime() {
        FundingClock clock;
        QVERIFY(!clock.onMarkPrice(mark(1000, 6000000000000, 10000, 8000)));
        QVERIFY(!clock.onMarkPrice(mark(2000, 6000100000000, 25000, 8000))); // rate revised
        QCOMPARE(*clock.nextFundingTimeMs(), std::int64_t{8000});
        // The first update at or after 8000 settles it with the last announced rate and its mark.
        const auto due = clock.onMarkPrice(mark(8000, 6000200000000, 30000, 16000));
        QVERIFY(due);
        QCOMPARE(due->fundingTimeMs, std::int64_t{8000});
        QCOMPARE(due->rate.e8, std::int64_t{25000});
        QCOMPARE(due->mark.e8, std::int64_t{6000200000000});
        // The same payload again (it also goes out on @markPrice), or a stale announcement of
        // the time just settled, settles nothing.
        QVERIFY(!clock.onMarkPrice(mark(8000, 6000200000000, 30000, 16000)));
        QVERIFY(!clock.onMarkPrice(mark(8001, 6000200000000, 30000, 8000)));
        QCOMPARE(*clock.nextFundingTimeMs(), std::int64_t{16000});
        // A gap in the updates: the next one past 16000 settles it, once.
        QVERIFY(clock.onMarkPrice(mark(19500, 6000000000000, 30000, 24000)));
        QVERIFY(!clock.onMarkPrice(mark(20500, 6000000000000, 30000, 24000)));
    }

    void longsPayShortsReceiveExactly() {
        EngineFixture f;
        f.market("long", core::Side::Buy, 7);   // 0.007 BTC
        f.market("short", core::Side::Sell, 3); // 0.003 BTC
        MatchingEngine::Account& longAcc = *f.engine.account("long");
        MatchingEngine::Account& shortAcc = *f.engine.account("short");
        const std::int64_t longWallet = longAcc.ledger.wallet().e8;
        const std::int64_t shortWallet = shortAcc.ledger.wallet().e8;
        f.events.clear();
        // Mark 61234.56789012, rate 0.00012345: 0.007 × 61234.56789012 × 0.00012345 =
        // 0.0529158518422472… → the long pays 0.05291585; the short's 0.003 → 0.02267822.
        const std::int64_t markE8 = 6123456789012;
        const std::int64_t rateE8 = 12345;
        f.engine.settleFunding(1'700'000'000'000, core::Fixed8{rateE8}, core::Fixed8{markE8}, 5);
        const std::int64_t paid = expectedFunding(7, markE8, rateE8);
        const std::int64_t received = expectedFunding(-3, markE8, rateE8);
        QCOMPARE(paid, std::int64_t{-5291585});
        QCOMPARE(received, std::int64_t{2267822});
        QCOMPARE(longAcc.ledger.wallet().e8, longWallet + paid);
        QCOMPARE(shortAcc.ledger.wallet().e8, shortWallet + received);
        QVERIFY(longAcc.income.back().type == IncomeType::FundingFee);
        QCOMPARE(longAcc.income.back().amount.e8, paid);
        QCOMPARE(longAcc.income.back().timeMs, std::int64_t{1'700'000'000'000});
        QCOMPARE(longAcc.income.back().tradeId, std::int64_t{0});
        QVERIFY(f.engine.account("flat")->income.empty()); // no position, no funding
        // One ACCOUNT_UPDATE per position, in Binance's brief FUNDING_FEE shape (cross: no P).
        QCOMPARE(f.events.size(), std::size_t{2});
        QCOMPARE(f.events[0].first, std::string("long"));
        const QJsonObject a = parse(f.events[0].second).value(QStringLiteral("a")).toObject();
        QCOMPARE(a.value(QStringLiteral("m")).toString(), QStringLiteral("FUNDING_FEE"));
        const QJsonObject b = a.value(QStringLiteral("B")).toArray().at(0).toObject();
        QCOMPARE(b.value(QStringLiteral("a")).toString(), QStringLiteral("USDT"));
        QCOMPARE(e8(b.value(QStringLiteral("bc"))), paid);
        QCOMPARE(e8(b.value(QStringLiteral("wb"))), longWallet + paid);
        QVERIFY(a.value(QStringLiteral("P")).toArray().isEmpty());
        // A negative rate turns it around.
        f.engine.settleFunding(1'700'000'008'000, core::Fixed8{-rateE8}, core::Fixed8{markE8}, 6);
        QCOMPARE(longAcc.income.back().amount.e8, -paid);
        QCOMPARE(shortAcc.income.back().amount.e8, -received);
    }

    void isolatedFundingMovesTheIsolatedMargin() {
        EngineFixture f;
        MatchingEngine::Account& a = *f.engine.account("long");
        QVERIFY(!f.engine.setMarginType(a, MarginType::Isolated));
        f.market("long", core::Side::Buy, 1000);
        const std::int64_t iw = a.ledger.position().isolatedWallet.e8;
        f.events.clear();
        f.engine.settleFunding(1, core::Fixed8{10000}, core::Fixed8{6000000000000}, 2);
        QCOMPARE(a.income.back().amount.e8, -6 * kOne); // 1 BTC × 60000 × 0.0001
        QCOMPARE(a.ledger.position().isolatedWallet.e8, iw - 6 * kOne);
        const QJsonObject upd = parse(f.events.back().second).value(QStringLiteral("a")).toObject();
        const QJsonArray positions = upd.value(QStringLiteral("P")).toArray();
        QCOMPARE(positions.size(), 1);
        QCOMPARE(positions[0].toObject().value(QStringLiteral("mt")).toString(),
                 QStringLiteral("isolated"));
        QCOMPARE(e8(positions[0].toObject().value(QStringLiteral("iw"))), iw - 6 * kOne);
    }

    void incomeOverRestWithAShortFundingInterval() {
        auto simulator = startSimulator();
        QVERIFY(simulator);
        TradingClient client(simulator->restUrl(), kKey, kSecret);
        const QString listenKey =
            client.raw("POST", QStringLiteral("/fapi/v1/listenKey")).str("listenKey");
        EventStream user(simulator->wsUrl() + QStringLiteral("/ws/") + listenKey);
        EventStream marks(simulator->wsUrl() + QStringLiteral("/ws/btcusdt@markPrice@1s"));
        QTRY_VERIFY_WITH_TIMEOUT(!marks.events.isEmpty(), 5000);
        // The derived mark stream announces funding every 2 s of exchange time.
        const QJsonObject first = marks.events.front();
        QCOMPARE(first.value(QStringLiteral("T")).toInteger() % 2000, 0);
        QCOMPARE(first.value(QStringLiteral("r")).toString(), QStringLiteral("0.00010000"));

        Reply r = client.signedCall("POST", QStringLiteral("/fapi/v1/order"),
                                    "symbol=BTCUSDT&side=BUY&type=MARKET&quantity=0.007");
        QCOMPARE(r.status, 200);
        QTRY_VERIFY_WITH_TIMEOUT(user.ofType(QStringLiteral("ACCOUNT_UPDATE")).size() >= 3, 10000);
        // Close the position; funding stops with it.
        r = client.signedCall(
            "POST", QStringLiteral("/fapi/v1/order"),
            "symbol=BTCUSDT&side=SELL&type=MARKET&quantity=0.007&reduceOnly=true");
        QCOMPARE(r.status, 200);

        const int weightBefore = r.usedWeight.toInt();
        r = client.signedCall("GET", QStringLiteral("/fapi/v1/income"), "incomeType=FUNDING_FEE");
        QCOMPARE(r.status, 200);
        // Weight 30 (the window may have turned to a new minute in between).
        QVERIFY2(r.usedWeight.toInt() == weightBefore + 30 || r.usedWeight.toInt() == 30,
                 r.usedWeight.constData());
        const QJsonArray funding = r.array();
        QVERIFY(funding.size() >= 2);
        std::int64_t fundingSum = 0;
        for (const QJsonValue& v : funding) {
            const QJsonObject row = v.toObject();
            QCOMPARE(row.value(QStringLiteral("symbol")).toString(), QStringLiteral("BTCUSDT"));
            QCOMPARE(row.value(QStringLiteral("incomeType")).toString(),
                     QStringLiteral("FUNDING_FEE"));
            QCOMPARE(row.value(QStringLiteral("asset")).toString(), QStringLiteral("USDT"));
            QCOMPARE(row.value(QStringLiteral("tradeId")).toString(), QString());
            const std::int64_t at = row.value(QStringLiteral("time")).toInteger();
            QCOMPARE(at % 2000, 0);
            // The mark it was paid at: the first published at or after the funding time.
            std::int64_t markE8 = 0;
            for (const QJsonObject& m : marks.events) {
                if (m.value(QStringLiteral("E")).toInteger() >= at) {
                    markE8 = e8(m.value(QStringLiteral("p")));
                    break;
                }
            }
            QVERIFY(markE8 > 0);
            QCOMPARE(e8(row.value(QStringLiteral("income"))), expectedFunding(7, markE8, 10000));
            fundingSum += e8(row.value(QStringLiteral("income")));
        }
        // Each funding sent its ACCOUNT_UPDATE with the same amount.
        QList<std::int64_t> pushed;
        for (const QJsonObject& u : user.ofType(QStringLiteral("ACCOUNT_UPDATE"))) {
            const QJsonObject a = u.value(QStringLiteral("a")).toObject();
            if (a.value(QStringLiteral("m")).toString() == QStringLiteral("FUNDING_FEE")) {
                pushed.push_back(e8(a.value(QStringLiteral("B"))
                                        .toArray()
                                        .at(0)
                                        .toObject()
                                        .value(QStringLiteral("bc"))));
            }
        }
        QCOMPARE(pushed.size(), funding.size());
        for (qsizetype i = 0; i < funding.size(); ++i) {
            QCOMPARE(pushed[i], e8(funding[i].toObject().value(QStringLiteral("income"))));
        }

        // All income: two fills' commissions, the close's realized PnL, the funding; and the
        // wallet is the starting balance plus all of it.
        r = client.signedCall("GET", QStringLiteral("/fapi/v1/income"), "limit=1000");
        std::int64_t total = 0;
        int commissions = 0;
        int realized = 0;
        for (const QJsonValue& v : r.array()) {
            const QJsonObject row = v.toObject();
            total += e8(row.value(QStringLiteral("income")));
            const QString type = row.value(QStringLiteral("incomeType")).toString();
            if (type == QStringLiteral("COMMISSION")) {
                ++commissions;
                QVERIFY(!row.value(QStringLiteral("tradeId")).toString().isEmpty());
            }
            realized += type == QStringLiteral("REALIZED_PNL") ? 1 : 0;
        }
        QVERIFY(commissions >= 2);
        QVERIFY(realized <= commissions);
        r = client.signedCall("GET", QStringLiteral("/fapi/v2/balance"), {});
        QCOMPARE(e8(r.array().at(0).toObject().value(QStringLiteral("balance"))),
                 10000 * kOne + total);
        QVERIFY(fundingSum < 0); // a long pays the positive baseline rate

        // Filters: a time window, limit (latest rows), bad parameters.
        const std::int64_t t0 = funding[0].toObject().value(QStringLiteral("time")).toInteger();
        r = client.signedCall("GET", QStringLiteral("/fapi/v1/income"),
                              "incomeType=FUNDING_FEE&startTime=" + QByteArray::number(t0) +
                                  "&endTime=" + QByteArray::number(t0));
        QCOMPARE(r.array().size(), 1);
        r = client.signedCall("GET", QStringLiteral("/fapi/v1/income"),
                              "incomeType=FUNDING_FEE&limit=1");
        QCOMPARE(r.array().size(), 1);
        QCOMPARE(r.array().at(0).toObject().value(QStringLiteral("tranId")).toInteger(),
                 funding.last().toObject().value(QStringLiteral("tranId")).toInteger());
        r = client.signedCall("GET", QStringLiteral("/fapi/v1/income"), "incomeType=BONUS");
        QCOMPARE(r.code(), -1102);
        r = client.signedCall("GET", QStringLiteral("/fapi/v1/income"), "startTime=5&endTime=4");
        QCOMPARE(r.code(), -1023);
    }
};

QTEST_GUILESS_MAIN(TestSimFunding)
#include "tst_sim_funding.moc"
