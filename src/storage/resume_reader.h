#pragma once

// Reads back what a restarted session resumes from (engine::ResumeState): the latest run of a
// mode and symbol, the chain of runs it continues, and the account at the end of what they
// journalled, reconstructed exactly from the rows (docs/journal.md, "Resuming"):
//   balance   = the chain root's starting balance + Σ round trips' gross PnL − Σ fills' fees
//               + Σ funding payments, run by run, exactly as TradingEngine books it;
//   position  = the fills replayed in journal order with the engine's arithmetic; every position
//               they close must match its round-trip row, or the journal is refused as
//               inconsistent (a lost row would otherwise resume a wrong account).
// The file is migrated to the current schema first (like SqliteJournal::open). Plain C++, no Qt.

#include "core/price.h"
#include "engine/resume_state.h"

#include <optional>
#include <string>
#include <string_view>

namespace hoga::storage {

// The state to resume, or nullopt: with `error` empty there is nothing to resume (no file, an
// empty file, no run of that mode and symbol): a fresh start; with `error` set the journal could
// not be read (not a journal, corrupt, newer schema, inconsistent rows) and must not be
// overwritten by a fresh start without a look. `startingCapital` is the balance a chain's first
// run started from when its row does not say (runs journalled before schema 3).
std::optional<engine::ResumeState> loadResumeState(const std::string& path, std::string_view mode,
                                                   std::string_view symbol,
                                                   core::Fixed8 startingCapital,
                                                   std::string& error);

} // namespace hoga::storage
