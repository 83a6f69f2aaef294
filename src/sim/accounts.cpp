#include "accounts.h"

#include "core/instrument.h"

#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>

#include <set>

namespace hoga::sim {

bool loadAccounts(const QString& path, std::vector<AccountConfig>& out, QString& error) {
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly)) {
        error = QStringLiteral("cannot read %1: %2").arg(path, file.errorString());
        return false;
    }
    QJsonParseError parseError{};
    const QJsonDocument doc = QJsonDocument::fromJson(file.readAll(), &parseError);
    if (doc.isNull() || !doc.isArray()) {
        error = QStringLiteral("%1: expected a JSON array of accounts (%2)")
                    .arg(path, parseError.errorString());
        return false;
    }
    std::vector<AccountConfig> accounts;
    std::set<std::string> keys;
    for (const QJsonValue& value : doc.array()) {
        const QJsonObject o = value.toObject();
        AccountConfig a;
        a.apiKey = o.value(QStringLiteral("apiKey")).toString().toStdString();
        a.secretKey = o.value(QStringLiteral("secretKey")).toString().toStdString();
        // The balance is a decimal string, as Binance writes money; a JSON number is accepted too.
        const QJsonValue balance = o.value(QStringLiteral("balance"));
        const std::string balanceText =
            balance.isDouble() ? QString::number(balance.toDouble(), 'f', 8).toStdString()
                               : balance.toString().toStdString();
        const core::ScaledValue parsed = core::parseFixed8(balanceText);
        if (a.apiKey.empty() || a.secretKey.empty() || !parsed.ok() || parsed.value < 0) {
            error = QStringLiteral("%1: account %2 needs apiKey, secretKey and a balance >= 0")
                        .arg(path)
                        .arg(accounts.size() + 1);
            return false;
        }
        if (!keys.insert(a.apiKey).second) {
            error = QStringLiteral("%1: duplicate apiKey in account %2")
                        .arg(path)
                        .arg(accounts.size() + 1);
            return false;
        }
        a.startingBalance = core::Fixed8{parsed.value};
        accounts.push_back(std::move(a));
    }
    if (accounts.empty()) {
        error = QStringLiteral("%1: no accounts").arg(path);
        return false;
    }
    out = std::move(accounts);
    return true;
}

bool parseAccountFlag(const QString& text, AccountConfig& out, QString& error) {
    const QStringList parts = text.split(QLatin1Char(':'));
    if (parts.size() != 3 || parts[0].isEmpty() || parts[1].isEmpty()) {
        error = QStringLiteral("expected KEY:SECRET:BALANCE (key and secret without ':')");
        return false;
    }
    const core::ScaledValue balance = core::parseFixed8(parts[2].toStdString());
    if (!balance.ok() || balance.value < 0) {
        error = QStringLiteral("the balance must be a decimal >= 0 with at most 8 decimals");
        return false;
    }
    out =
        AccountConfig{parts[0].toStdString(), parts[1].toStdString(), core::Fixed8{balance.value}};
    return true;
}

bool addAccounts(std::vector<AccountConfig>& accounts, std::vector<AccountConfig> more,
                 QString& error) {
    for (AccountConfig& a : more) {
        for (const AccountConfig& known : accounts) {
            if (known.apiKey == a.apiKey) {
                error = QStringLiteral("account %1 repeats the apiKey of an earlier account")
                            .arg(accounts.size() + 1);
                return false;
            }
        }
        accounts.push_back(std::move(a));
    }
    return true;
}

AccountConfig demoAccount() {
    // A fixed, documented simulator key so that demo clients can be configured without a file:
    //   apiKey    hoga-sim-demo-key-0000000000000000000000000000000000000000000000
    //   secretKey hoga-sim-demo-secret-000000000000000000000000000000000000000000000
    // It only opens the local simulator; it is not a Binance key.
    AccountConfig a;
    a.apiKey = "hoga-sim-demo-key-0000000000000000000000000000000000000000000000";
    a.secretKey = "hoga-sim-demo-secret-000000000000000000000000000000000000000000000";
    a.startingBalance = core::Fixed8{10000 * core::Fixed8::kOne};
    return a;
}

} // namespace hoga::sim
