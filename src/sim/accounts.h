#pragma once

// The simulator's API accounts: an API key, its HMAC secret and the USDT balance the account starts
// with. They come from a JSON file (--accounts FILE) and/or the command line (--account
// KEY:SECRET:BALANCE) or, when neither is given, one demo account.

#include "core/price.h"

#include <QString>

#include <string>
#include <vector>

namespace hoga::sim {

struct AccountConfig {
    std::string apiKey;
    std::string secretKey;
    core::Fixed8 startingBalance; // USDT
};

// `[{"apiKey":"…","secretKey":"…","balance":"10000"}, …]`. False with a reason on a malformed
// file, a missing field, a balance that is not a non-negative decimal or a duplicate key.
bool loadAccounts(const QString& path, std::vector<AccountConfig>& out, QString& error);

// One account from the command line, `KEY:SECRET:BALANCE` (--account, repeatable). False with a
// reason on a malformed value; the reason never repeats the key or the secret.
bool parseAccountFlag(const QString& text, AccountConfig& out, QString& error);

// Appends `more` to `accounts`; false with a reason when a key is already there (which account,
// by position, never the key itself).
bool addAccounts(std::vector<AccountConfig>& accounts, std::vector<AccountConfig> more,
                 QString& error);

// The demo account used when no --accounts file is given. Its key and secret are published on
// purpose (they are simulator keys, not secrets; see accounts.cpp).
AccountConfig demoAccount();

} // namespace hoga::sim
