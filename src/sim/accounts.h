#pragma once

// The simulator's API accounts: an API key, its HMAC secret and the USDT balance the account starts
// with. They come from a JSON file (--accounts FILE) or, when none is given, one demo account.

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

// The demo account used when no --accounts file is given. Its key and secret are published on
// purpose (they are simulator keys, not secrets; see accounts.cpp).
AccountConfig demoAccount();

} // namespace hoga::sim
