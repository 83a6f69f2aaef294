#include "state_file.h"

#include <QCryptographicHash>
#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QSaveFile>

#include <map>

namespace hoga::sim {

namespace {

constexpr const char* kFormat = "hoga-exchange-sim-state";
constexpr int kVersion = 1;

QString keyDigest(const std::string& apiKey) {
    return QString::fromLatin1(
        QCryptographicHash::hash(QByteArray::fromStdString(apiKey), QCryptographicHash::Sha256)
            .toHex());
}

QString text(std::string_view s) {
    return QString::fromUtf8(s.data(), static_cast<qsizetype>(s.size()));
}

QString money(core::Fixed8 v) {
    return QString::fromStdString(core::formatFixed8(v));
}

QJsonObject orderObject(const SimOrder& o) {
    return QJsonObject{
        {QStringLiteral("orderId"), qint64{o.orderId}},
        {QStringLiteral("clientOrderId"), QString::fromStdString(o.clientOrderId)},
        {QStringLiteral("side"), text(toString(o.side))},
        {QStringLiteral("type"), text(toString(o.type))},
        {QStringLiteral("timeInForce"), text(toString(o.timeInForce))},
        {QStringLiteral("priceTicks"), qint64{o.price.ticks}},
        {QStringLiteral("qtyLots"), qint64{o.qty.lots}},
        {QStringLiteral("executedLots"), qint64{o.executed.lots}},
        {QStringLiteral("cumQuoteUnits"), qint64{o.cumQuote.units}},
        {QStringLiteral("reduceOnly"), o.reduceOnly},
        {QStringLiteral("closePosition"), o.closePosition},
        {QStringLiteral("origType"), text(o.origType)},
        {QStringLiteral("stopPriceTicks"), qint64{o.stopPrice.ticks}},
        {QStringLiteral("workingType"), text(toString(o.workingType))},
        {QStringLiteral("status"), text(toString(o.status))},
        {QStringLiteral("time"), qint64{o.timeMs}},
        {QStringLiteral("updateTime"), qint64{o.updateTimeMs}},
        {QStringLiteral("queueAheadLots"), qint64{o.queueAhead.lots}},
    };
}

QJsonObject algoObject(const AlgoOrder& a) {
    return QJsonObject{
        {QStringLiteral("algoId"), qint64{a.algoId}},
        {QStringLiteral("clientAlgoId"), QString::fromStdString(a.clientAlgoId)},
        {QStringLiteral("type"), text(toString(a.type))},
        {QStringLiteral("side"), text(toString(a.side))},
        {QStringLiteral("qtyLots"), qint64{a.qty.lots}},
        {QStringLiteral("triggerPriceTicks"), qint64{a.triggerPrice.ticks}},
        {QStringLiteral("workingType"), text(toString(a.workingType))},
        {QStringLiteral("reduceOnly"), a.reduceOnly},
        {QStringLiteral("closePosition"), a.closePosition},
        {QStringLiteral("createTime"), qint64{a.createTimeMs}},
        {QStringLiteral("updateTime"), qint64{a.updateTimeMs}},
    };
}

// Reads typed fields of JSON objects; the first problem is kept (with where it was) and every
// later read returns a default, so a whole object can be read before checking once.
class Reader {
public:
    explicit Reader(QString& error) : m_error(error) {}
    [[nodiscard]] bool ok() const { return m_error.isEmpty(); }
    void fail(const QString& where, const QString& what) {
        if (ok()) {
            m_error = where + QStringLiteral(": ") + what;
        }
    }
    std::int64_t integer(const QJsonObject& o, const char* key, const QString& where,
                         std::int64_t min = INT64_MIN, std::int64_t max = INT64_MAX) {
        const QJsonValue v = o.value(QLatin1String(key));
        const double d = v.toDouble();
        const qint64 i = v.toInteger();
        if (!v.isDouble() || static_cast<double>(i) != d) {
            fail(where, QStringLiteral("'%1' must be an integer").arg(QLatin1String(key)));
            return 0;
        }
        if (i < min || i > max) {
            fail(where, QStringLiteral("'%1' is out of range").arg(QLatin1String(key)));
            return 0;
        }
        return i;
    }
    std::string str(const QJsonObject& o, const char* key, const QString& where) {
        const QJsonValue v = o.value(QLatin1String(key));
        if (!v.isString()) {
            fail(where, QStringLiteral("'%1' must be a string").arg(QLatin1String(key)));
        }
        return v.toString().toStdString();
    }
    bool flag(const QJsonObject& o, const char* key, const QString& where) {
        const QJsonValue v = o.value(QLatin1String(key));
        if (!v.isBool()) {
            fail(where, QStringLiteral("'%1' must be true or false").arg(QLatin1String(key)));
        }
        return v.toBool();
    }
    core::Fixed8 fixed8(const QJsonObject& o, const char* key, const QString& where) {
        const core::ScaledValue v = core::parseScaled(str(o, key, where), 8, true);
        if (!v.ok()) {
            fail(where, QStringLiteral("'%1' must be a decimal with at most 8 decimals")
                            .arg(QLatin1String(key)));
        }
        return core::Fixed8{v.value};
    }
    // One of `names` (the spellings toString gives), as its index.
    template <typename Enum, std::size_t N>
    Enum oneOf(const QJsonObject& o, const char* key, const QString& where,
               const std::array<Enum, N>& values) {
        const std::string s = str(o, key, where);
        for (const Enum e : values) {
            if (toString(e) == s) {
                return e;
            }
        }
        fail(where, QStringLiteral("'%1' has an unknown value").arg(QLatin1String(key)));
        return values[0];
    }
    QJsonArray array(const QJsonObject& o, const char* key, const QString& where) {
        const QJsonValue v = o.value(QLatin1String(key));
        if (!v.isArray()) {
            fail(where, QStringLiteral("'%1' must be an array").arg(QLatin1String(key)));
        }
        return v.toArray();
    }
    QJsonObject object(const QJsonValue& v, const QString& where) {
        if (!v.isObject()) {
            fail(where, QStringLiteral("must be an object"));
        }
        return v.toObject();
    }

private:
    QString& m_error;
};

constexpr std::array kSides{core::Side::Buy, core::Side::Sell};
constexpr std::array kOrderTypes{OrderType::Limit, OrderType::Market};
constexpr std::array kTifs{TimeInForce::Gtc, TimeInForce::Ioc, TimeInForce::Fok, TimeInForce::Gtx};
constexpr std::array kOpenStatuses{OrderStatus::New, OrderStatus::PartiallyFilled};
constexpr std::array kWorkingTypes{WorkingType::ContractPrice, WorkingType::MarkPrice};
constexpr std::array kAlgoTypes{AlgoType::StopMarket, AlgoType::TakeProfitMarket};
constexpr std::array kMarginTypes{MarginType::Crossed, MarginType::Isolated};
constexpr std::array kIncomeTypes{IncomeType::RealizedPnl, IncomeType::FundingFee,
                                  IncomeType::Commission};

struct RestoredAccount {
    MatchingEngine::Account* account = nullptr;
    core::Fixed8 wallet{};
    SimPosition position;
    int leverage = 20;
    MarginType marginType = MarginType::Crossed;
    std::map<std::int64_t, SimOrder> orders;
    std::map<std::int64_t, AlgoOrder> algos;
    std::vector<IncomeRecord> income;
};

SimOrder readOrder(Reader& r, const QJsonObject& o, const QString& at) {
    SimOrder order;
    order.orderId = r.integer(o, "orderId", at, 1);
    order.clientOrderId = r.str(o, "clientOrderId", at);
    order.side = r.oneOf(o, "side", at, kSides);
    order.type = r.oneOf(o, "type", at, kOrderTypes);
    order.timeInForce = r.oneOf(o, "timeInForce", at, kTifs);
    order.price = core::Price{r.integer(o, "priceTicks", at, 0)};
    order.qty = core::Qty{r.integer(o, "qtyLots", at, 1)};
    order.executed = core::Qty{r.integer(o, "executedLots", at, 0, order.qty.lots - 1)};
    order.cumQuote = core::Notional{r.integer(o, "cumQuoteUnits", at, 0)};
    order.reduceOnly = r.flag(o, "reduceOnly", at);
    order.closePosition = r.flag(o, "closePosition", at);
    const std::string origType = r.str(o, "origType", at);
    if (!origType.empty()) {
        order.origType = toString(r.oneOf(o, "origType", at, kAlgoTypes));
    }
    order.stopPrice = core::Price{r.integer(o, "stopPriceTicks", at, 0)};
    order.workingType = r.oneOf(o, "workingType", at, kWorkingTypes);
    order.status = r.oneOf(o, "status", at, kOpenStatuses);
    order.timeMs = r.integer(o, "time", at, 0);
    order.updateTimeMs = r.integer(o, "updateTime", at, 0);
    order.queueAhead = core::Qty{r.integer(o, "queueAheadLots", at, 0)};
    return order;
}

AlgoOrder readAlgo(Reader& r, const QJsonObject& o, const QString& at) {
    AlgoOrder algo;
    algo.algoId = r.integer(o, "algoId", at, 1);
    algo.clientAlgoId = r.str(o, "clientAlgoId", at);
    algo.type = r.oneOf(o, "type", at, kAlgoTypes);
    algo.side = r.oneOf(o, "side", at, kSides);
    algo.qty = core::Qty{r.integer(o, "qtyLots", at, 0)};
    algo.triggerPrice = core::Price{r.integer(o, "triggerPriceTicks", at, 1)};
    algo.workingType = r.oneOf(o, "workingType", at, kWorkingTypes);
    algo.reduceOnly = r.flag(o, "reduceOnly", at);
    algo.closePosition = r.flag(o, "closePosition", at);
    algo.createTimeMs = r.integer(o, "createTime", at, 0);
    algo.updateTimeMs = r.integer(o, "updateTime", at, 0);
    return algo;
}

} // namespace

QByteArray tradingStateJson(const MatchingEngine& engine, std::int64_t savedAtMs) {
    QJsonArray accounts;
    for (const MatchingEngine::Account& a : engine.accounts()) {
        const AccountLedger& l = a.ledger;
        const SimPosition& p = l.position();
        QJsonArray orders;
        for (const auto& [id, o] : a.orders) {
            if (o.open()) {
                orders.append(orderObject(o));
            }
        }
        QJsonArray algos;
        for (const auto& [id, algo] : a.algos) {
            if (algo.open()) {
                algos.append(algoObject(algo));
            }
        }
        QJsonArray income;
        for (const IncomeRecord& r : a.income) {
            income.append(QJsonObject{{QStringLiteral("tranId"), qint64{r.tranId}},
                                      {QStringLiteral("type"), text(toString(r.type))},
                                      {QStringLiteral("amount"), money(r.amount)},
                                      {QStringLiteral("time"), qint64{r.timeMs}},
                                      {QStringLiteral("tradeId"), qint64{r.tradeId}}});
        }
        accounts.append(QJsonObject{
            {QStringLiteral("apiKeySha256"), keyDigest(a.config.apiKey)},
            {QStringLiteral("wallet"), money(l.wallet())},
            {QStringLiteral("leverage"), l.leverage()},
            {QStringLiteral("marginType"), text(toString(l.marginType()))},
            {QStringLiteral("position"),
             QJsonObject{{QStringLiteral("lots"), qint64{p.lots}},
                         {QStringLiteral("entryNotionalUnits"), qint64{p.entryNotional.units}},
                         {QStringLiteral("isolatedWallet"), money(p.isolatedWallet)},
                         {QStringLiteral("updateTime"), qint64{p.updateTimeMs}}}},
            {QStringLiteral("orders"), orders},
            {QStringLiteral("algoOrders"), algos},
            {QStringLiteral("income"), income},
        });
    }
    const MatchingEngine::Counters& c = engine.counters();
    const QJsonObject root{
        {QStringLiteral("format"), QLatin1String(kFormat)},
        {QStringLiteral("version"), kVersion},
        {QStringLiteral("savedAt"), qint64{savedAtMs}},
        {QStringLiteral("counters"),
         QJsonObject{{QStringLiteral("nextOrderId"), qint64{c.nextOrderId}},
                     {QStringLiteral("nextTradeId"), qint64{c.nextTradeId}},
                     {QStringLiteral("nextAlgoId"), qint64{c.nextAlgoId}},
                     {QStringLiteral("nextTranId"), qint64{c.nextTranId}}}},
        {QStringLiteral("accounts"), accounts},
    };
    return QJsonDocument(root).toJson(QJsonDocument::Indented);
}

bool restoreTradingState(const QByteArray& json, MatchingEngine& engine, QString& error) {
    QJsonParseError parseError{};
    const QJsonDocument doc = QJsonDocument::fromJson(json, &parseError);
    if (parseError.error != QJsonParseError::NoError || !doc.isObject()) {
        error = QStringLiteral("not a JSON object (%1 at offset %2)")
                    .arg(parseError.errorString())
                    .arg(parseError.offset);
        return false;
    }
    QString why;
    Reader r(why);
    const QJsonObject root = doc.object();
    const QString top = QStringLiteral("state");
    if (r.str(root, "format", top) != kFormat) {
        r.fail(top, QStringLiteral("'format' is not %1").arg(QLatin1String(kFormat)));
    }
    if (r.integer(root, "version", top) != kVersion) {
        r.fail(top, QStringLiteral("unsupported version (this simulator reads %1)").arg(kVersion));
    }
    const QJsonObject counters = r.object(root.value(QStringLiteral("counters")), top);
    const QString atCounters = QStringLiteral("counters");
    MatchingEngine::Counters c;
    c.nextOrderId = r.integer(counters, "nextOrderId", atCounters, 1);
    c.nextTradeId = r.integer(counters, "nextTradeId", atCounters, 1);
    c.nextAlgoId = r.integer(counters, "nextAlgoId", atCounters, 1);
    c.nextTranId = r.integer(counters, "nextTranId", atCounters, 1);

    std::map<QString, MatchingEngine::Account*> configured;
    for (MatchingEngine::Account& a : engine.accounts()) {
        configured[keyDigest(a.config.apiKey)] = &a;
    }
    std::vector<RestoredAccount> restored;
    const QJsonArray accounts = r.array(root, "accounts", top);
    for (qsizetype i = 0; i < accounts.size() && r.ok(); ++i) {
        const QString at = QStringLiteral("accounts[%1]").arg(i);
        const QJsonObject o = r.object(accounts[i], at);
        RestoredAccount ra;
        const auto it = configured.find(QString::fromStdString(r.str(o, "apiKeySha256", at)));
        if (r.ok() && it == configured.end()) {
            r.fail(at, QStringLiteral("this account is not configured (--account / --accounts); "
                                      "configure it, or start with another state file"));
            break;
        }
        if (!r.ok()) {
            break;
        }
        ra.account = it->second;
        configured.erase(it); // a second entry for the same key is then "not configured"
        ra.wallet = r.fixed8(o, "wallet", at);
        ra.leverage = static_cast<int>(r.integer(o, "leverage", at, 1, 125));
        ra.marginType = r.oneOf(o, "marginType", at, kMarginTypes);
        const QString atPos = at + QStringLiteral(".position");
        const QJsonObject p = r.object(o.value(QStringLiteral("position")), atPos);
        ra.position.lots = r.integer(p, "lots", atPos);
        ra.position.entryNotional = core::Notional{r.integer(p, "entryNotionalUnits", atPos, 0)};
        ra.position.isolatedWallet = r.fixed8(p, "isolatedWallet", atPos);
        ra.position.updateTimeMs = r.integer(p, "updateTime", atPos, 0);
        if (r.ok() && (ra.position.lots == 0) != (ra.position.entryNotional.units == 0)) {
            r.fail(atPos, QStringLiteral("lots and entryNotionalUnits disagree"));
        }
        const QJsonArray orders = r.array(o, "orders", at);
        for (qsizetype j = 0; j < orders.size() && r.ok(); ++j) {
            const QString atOrder = at + QStringLiteral(".orders[%1]").arg(j);
            SimOrder order = readOrder(r, r.object(orders[j], atOrder), atOrder);
            if (r.ok() && order.orderId >= c.nextOrderId) {
                r.fail(atOrder, QStringLiteral("orderId is not below counters.nextOrderId"));
            }
            if (r.ok() && !ra.orders.emplace(order.orderId, std::move(order)).second) {
                r.fail(atOrder, QStringLiteral("duplicate orderId"));
            }
        }
        const QJsonArray algos = r.array(o, "algoOrders", at);
        for (qsizetype j = 0; j < algos.size() && r.ok(); ++j) {
            const QString atAlgo = at + QStringLiteral(".algoOrders[%1]").arg(j);
            AlgoOrder algo = readAlgo(r, r.object(algos[j], atAlgo), atAlgo);
            if (r.ok() && algo.algoId >= c.nextAlgoId) {
                r.fail(atAlgo, QStringLiteral("algoId is not below counters.nextAlgoId"));
            }
            if (r.ok() && !ra.algos.emplace(algo.algoId, std::move(algo)).second) {
                r.fail(atAlgo, QStringLiteral("duplicate algoId"));
            }
        }
        const QJsonArray income = r.array(o, "income", at);
        for (qsizetype j = 0; j < income.size() && r.ok(); ++j) {
            const QString atRow = at + QStringLiteral(".income[%1]").arg(j);
            const QJsonObject row = r.object(income[j], atRow);
            IncomeRecord rec;
            rec.tranId = r.integer(row, "tranId", atRow, 1, c.nextTranId - 1);
            rec.type = r.oneOf(row, "type", atRow, kIncomeTypes);
            rec.amount = r.fixed8(row, "amount", atRow);
            rec.timeMs = r.integer(row, "time", atRow, 0);
            rec.tradeId = r.integer(row, "tradeId", atRow, 0, c.nextTradeId - 1);
            ra.income.push_back(rec);
        }
        restored.push_back(std::move(ra));
    }
    if (!r.ok()) {
        error = why;
        return false;
    }
    for (RestoredAccount& ra : restored) {
        MatchingEngine::Account& a = *ra.account;
        a.ledger.restore(ra.wallet, ra.position, ra.leverage, ra.marginType);
        a.orders = std::move(ra.orders);
        a.algos = std::move(ra.algos);
        a.income = std::move(ra.income);
    }
    engine.setCounters(c);
    return true;
}

bool loadTradingState(const QString& path, MatchingEngine& engine, bool& loaded, QString& error) {
    loaded = false;
    QFile file(path);
    if (!file.exists()) {
        return true;
    }
    if (!file.open(QIODevice::ReadOnly)) {
        error = QStringLiteral("cannot read %1: %2").arg(path, file.errorString());
        return false;
    }
    QString why;
    if (!restoreTradingState(file.readAll(), engine, why)) {
        error = QStringLiteral("%1: %2").arg(path, why);
        return false;
    }
    loaded = true;
    return true;
}

bool saveTradingState(const QString& path, const MatchingEngine& engine, std::int64_t savedAtMs,
                      QString& error) {
    QSaveFile file(path);
    if (!file.open(QIODevice::WriteOnly)) {
        error = QStringLiteral("cannot write %1: %2").arg(path, file.errorString());
        return false;
    }
    const QByteArray json = tradingStateJson(engine, savedAtMs);
    if (file.write(json) != json.size() || !file.commit()) {
        error = QStringLiteral("cannot write %1: %2").arg(path, file.errorString());
        return false;
    }
    return true;
}

} // namespace hoga::sim
