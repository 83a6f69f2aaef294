// Accounts from the command line and the trading state kept across simulator runs (--state):
// save → a new simulator → the same account state over REST; and the errors a damaged or
// mismatched state file gives at start (never a silent reset).
// Qt headers first: moc (Qt 6.4) fails on <compare> when it comes before them.
#include <QTest>

#include "sim/exchange_simulator.h"
#include "sim/state_file.h"
#include "test_printers.h"
#include "trading_client.h"

#include <QJsonArray>
#include <QTemporaryDir>

using namespace hoga;
using simtest::Reply;
using simtest::TradingClient;

namespace {

const sim::AccountConfig kAlice{"alice-key-0001", "alice-secret-0001",
                                core::Fixed8{10000 * core::Fixed8::kOne}};
const sim::AccountConfig kBob{"bob-key-0002", "bob-secret-0002",
                              core::Fixed8{5000 * core::Fixed8::kOne}};

sim::SimulatorOptions optionsFor(const QString& statePath,
                                 std::vector<sim::AccountConfig> accounts = {kAlice, kBob}) {
    sim::SimulatorOptions options;
    options.recordings = {std::string(HOGA_RECORDINGS) + "/hftbacktest_usdm_btcusdt_20240808.gz"};
    options.accounts = std::move(accounts);
    options.statePath = statePath;
    options.stateSaveMs = 0; // saves only when the test says so
    return options;
}

TradingClient clientOf(const sim::ExchangeSimulator& s, const sim::AccountConfig& a) {
    return TradingClient(s.restUrl(), QByteArray::fromStdString(a.apiKey), a.secretKey);
}

// What must survive a restart, read over REST: the parts that do not depend on the mark price.
QJsonObject accountView(TradingClient& c) {
    QJsonObject position =
        c.signedCall("GET", QStringLiteral("/fapi/v2/positionRisk"), {}).array().at(0).toObject();
    for (const char* markDependent :
         {"markPrice", "unRealizedProfit", "notional", "isolatedMargin"}) {
        position.remove(QLatin1String(markDependent));
    }
    QJsonObject balance =
        c.signedCall("GET", QStringLiteral("/fapi/v2/balance"), {}).array().at(0).toObject();
    return QJsonObject{
        {QStringLiteral("position"), position},
        {QStringLiteral("wallet"), balance.value(QStringLiteral("balance"))},
        {QStringLiteral("crossWallet"), balance.value(QStringLiteral("crossWalletBalance"))},
        {QStringLiteral("openOrders"),
         c.signedCall("GET", QStringLiteral("/fapi/v1/openOrders"), {}).array()},
        {QStringLiteral("openAlgoOrders"),
         c.signedCall("GET", QStringLiteral("/fapi/v1/openAlgoOrders"), {}).array()},
        {QStringLiteral("income"),
         c.signedCall("GET", QStringLiteral("/fapi/v1/income"), "limit=1000").array()},
    };
}

QString startError(const sim::SimulatorOptions& options) {
    sim::ExchangeSimulator simulator(options);
    QString error;
    return simulator.start(error) ? QString() : error;
}

} // namespace

class TestSimState : public QObject {
    Q_OBJECT
private Q_SLOTS:
    void accountFlags() {
        sim::AccountConfig a;
        QString error;
        QVERIFY(sim::parseAccountFlag(QStringLiteral("k1:s1:2500.5"), a, error));
        QCOMPARE(a.apiKey, std::string("k1"));
        QCOMPARE(a.secretKey, std::string("s1"));
        QCOMPARE(a.startingBalance.e8, 250050000000);
        for (const char* bad : {"k1:s1", "k1:s1:-5", "k1:s1:ten", ":s1:5", "k1::5", "k:1:s1:5",
                                "k1:s1:1.123456789"}) {
            QVERIFY2(!sim::parseAccountFlag(QString::fromLatin1(bad), a, error), bad);
            QVERIFY(!error.contains(QStringLiteral("k1"))); // the key is never repeated
        }
        std::vector<sim::AccountConfig> accounts{kAlice};
        QVERIFY(!sim::addAccounts(accounts, {kBob, kAlice}, error));
        QCOMPARE(error, QStringLiteral("account 3 repeats the apiKey of an earlier account"));
        QVERIFY(!error.contains(QString::fromStdString(kAlice.apiKey)));
    }

    void saveThenRestartGivesTheSameAccounts() {
        QTemporaryDir dir;
        const QString path = dir.filePath(QStringLiteral("state.json"));
        QJsonObject aliceBefore;
        QJsonObject bobBefore;
        qint64 lastOrderId = 0;
        {
            sim::ExchangeSimulator simulator(optionsFor(path));
            QString error;
            QVERIFY2(simulator.start(error), qPrintable(error));
            QVERIFY(!simulator.stateLoaded()); // no file yet: a fresh start
            TradingClient alice = clientOf(simulator, kAlice);
            TradingClient bob = clientOf(simulator, kBob);
            QCOMPARE(alice
                         .signedCall("POST", QStringLiteral("/fapi/v1/leverage"),
                                     "symbol=BTCUSDT&leverage=7")
                         .status,
                     200);
            QCOMPARE(alice
                         .signedCall("POST", QStringLiteral("/fapi/v1/order"),
                                     "symbol=BTCUSDT&side=BUY&type=MARKET&quantity=0.005")
                         .status,
                     200);
            Reply r = alice.signedCall("POST", QStringLiteral("/fapi/v1/order"),
                                       "symbol=BTCUSDT&side=SELL&type=LIMIT&timeInForce=GTC&"
                                       "quantity=0.002&price=90000.0&newClientOrderId=keep-me");
            QCOMPARE(r.status, 200);
            lastOrderId = r.object().value(QStringLiteral("orderId")).toInteger();
            QCOMPARE(alice
                         .signedCall("POST", QStringLiteral("/fapi/v1/algoOrder"),
                                     "algoType=CONDITIONAL&symbol=BTCUSDT&side=SELL&type="
                                     "STOP_MARKET&triggerPrice=40000&workingType=MARK_PRICE&"
                                     "closePosition=true")
                         .status,
                     200);
            QCOMPARE(bob.signedCall("POST", QStringLiteral("/fapi/v1/marginType"),
                                    "symbol=BTCUSDT&marginType=ISOLATED")
                         .status,
                     200);
            QCOMPARE(bob.signedCall("POST", QStringLiteral("/fapi/v1/order"),
                                    "symbol=BTCUSDT&side=SELL&type=MARKET&quantity=0.003")
                         .status,
                     200);
            aliceBefore = accountView(alice);
            bobBefore = accountView(bob);
            QVERIFY(!aliceBefore.value(QStringLiteral("income")).toArray().isEmpty());
            QCOMPARE(aliceBefore.value(QStringLiteral("openOrders")).toArray().size(), 1);
            QCOMPARE(aliceBefore.value(QStringLiteral("openAlgoOrders")).toArray().size(), 1);
            QVERIFY2(simulator.saveState(error), qPrintable(error));
        }
        // No key or secret is written, only their digests.
        QFile file(path);
        QVERIFY(file.open(QIODevice::ReadOnly));
        const QByteArray saved = file.readAll();
        for (const auto& a : {kAlice, kBob}) {
            QVERIFY(!saved.contains(QByteArray::fromStdString(a.apiKey)));
            QVERIFY(!saved.contains(QByteArray::fromStdString(a.secretKey)));
        }

        sim::ExchangeSimulator restarted(optionsFor(path));
        QString error;
        QVERIFY2(restarted.start(error), qPrintable(error));
        QVERIFY(restarted.stateLoaded());
        TradingClient alice = clientOf(restarted, kAlice);
        TradingClient bob = clientOf(restarted, kBob);
        QCOMPARE(accountView(alice), aliceBefore);
        QCOMPARE(accountView(bob), bobBefore);
        // The restored order can be queried and cancelled by its client id; new ids go on.
        Reply r = alice.signedCall("GET", QStringLiteral("/fapi/v1/order"),
                                   "symbol=BTCUSDT&origClientOrderId=keep-me");
        QCOMPARE(r.object().value(QStringLiteral("orderId")).toInteger(), lastOrderId);
        r = alice.signedCall("POST", QStringLiteral("/fapi/v1/order"),
                             "symbol=BTCUSDT&side=BUY&type=LIMIT&timeInForce=GTC&"
                             "quantity=0.002&price=50000.0");
        QVERIFY(r.object().value(QStringLiteral("orderId")).toInteger() > lastOrderId);
        r = alice.signedCall("DELETE", QStringLiteral("/fapi/v1/order"),
                             "symbol=BTCUSDT&origClientOrderId=keep-me");
        QCOMPARE(r.object().value(QStringLiteral("status")).toString(), QStringLiteral("CANCELED"));
        // A second save round-trips what the first restored.
        const QByteArray again = sim::tradingStateJson(restarted.trading().engine(), 0);
        QVERIFY(again.contains("\"nextOrderId\""));
    }

    void damagedOrMismatchedStateIsAnErrorAtStart() {
        QTemporaryDir dir;
        const QString path = dir.filePath(QStringLiteral("state.json"));
        {
            sim::ExchangeSimulator simulator(optionsFor(path));
            QString error;
            QVERIFY(simulator.start(error));
            QVERIFY(simulator.saveState(error));
        }
        QFile file(path);
        QVERIFY(file.open(QIODevice::ReadOnly));
        const QByteArray good = file.readAll();
        file.close();
        const auto writeState = [&](const QByteArray& content) {
            QFile out(path);
            QVERIFY(out.open(QIODevice::WriteOnly | QIODevice::Truncate));
            out.write(content);
        };

        writeState(good.left(good.size() / 2)); // cut short
        QString error = startError(optionsFor(path));
        QVERIFY2(error.startsWith(QStringLiteral("--state: ") + path +
                                  QStringLiteral(": not a "
                                                 "JSON object")),
                 qPrintable(error));

        QJsonObject root = QJsonDocument::fromJson(good).object();
        QJsonArray accounts = root.value(QStringLiteral("accounts")).toArray();
        QJsonObject alice = accounts[0].toObject();
        alice.remove(QStringLiteral("wallet"));
        accounts[0] = alice;
        root[QStringLiteral("accounts")] = accounts;
        writeState(QJsonDocument(root).toJson());
        error = startError(optionsFor(path));
        QVERIFY2(error.endsWith(QStringLiteral("accounts[0]: 'wallet' must be a string")),
                 qPrintable(error));

        root = QJsonDocument::fromJson(good).object();
        root[QStringLiteral("version")] = 99;
        writeState(QJsonDocument(root).toJson());
        QVERIFY(startError(optionsFor(path)).contains(QStringLiteral("unsupported version")));

        writeState(good); // fine again, but Alice is not configured this time
        error = startError(optionsFor(path, {kBob}));
        QVERIFY2(error.contains(QStringLiteral("accounts[0]: this account is not configured")),
                 qPrintable(error));
        QVERIFY(!error.contains(QString::fromStdString(kAlice.apiKey)));

        QVERIFY(startError(optionsFor(path)).isEmpty());
        QFile::setPermissions(path, QFileDevice::WriteOwner); // unreadable
        if (!QFile(path).open(QIODevice::ReadOnly)) {         // (root reads anything)
            QVERIFY(startError(optionsFor(path)).contains(QStringLiteral("cannot read")));
        }
    }
};

QTEST_GUILESS_MAIN(TestSimState)
#include "tst_sim_state.moc"
