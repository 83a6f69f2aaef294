#pragma once

// The simulator's trading state on disk (--state FILE), so that a rehearsal can stop and go on:
// every account's wallet, position (lots, exact entry notional, isolated margin), leverage and
// margin type, its open orders and open algo orders, its income history (REALIZED_PNL,
// COMMISSION, FUNDING_FEE), and the engine's id counters. Fills (userTrades) and finished orders
// are not kept.
//
// Format: one JSON object, {"format":"hoga-exchange-sim-state","version":1,...}. Prices,
// quantities and notionals are integers on the symbol's grids (priceTicks, qtyLots, notional
// units of tick × step), money is an exact 8-decimal string. Accounts are named by the SHA-256
// of their API key, so that no key or secret is ever written.
//
// Loading is strict: a file that is not valid JSON, has another format or version, misses a
// field, holds a value out of range or names an account that is not configured is an error with
// the reason, never a partial or silent reset. Saving writes a temporary file next to FILE and
// renames it over FILE (QSaveFile), so a crash leaves the old or the new state, never half of one.

#include "sim/matching_engine.h"

#include <QByteArray>
#include <QString>

namespace hoga::sim {

// The engine's state as the JSON document described above.
QByteArray tradingStateJson(const MatchingEngine& engine, std::int64_t savedAtMs);
// Restores a document into an engine whose accounts are all fresh (nothing placed yet). Every
// saved account must be configured; configured accounts the document lacks stay fresh. False with
// a reason, and the engine untouched, on any error.
bool restoreTradingState(const QByteArray& json, MatchingEngine& engine, QString& error);

// FILE → engine: true with `loaded` false when FILE does not exist (the first run).
bool loadTradingState(const QString& path, MatchingEngine& engine, bool& loaded, QString& error);
// engine → FILE, atomically.
bool saveTradingState(const QString& path, const MatchingEngine& engine, std::int64_t savedAtMs,
                      QString& error);

} // namespace hoga::sim
