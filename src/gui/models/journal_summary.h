#pragma once

// The figures of a set of round trips (the panel passes the filtered ones), exact in integers:
// sums of the journal's *_e8 columns, never of doubles or of the text.
//
// Max drawdown is computed from the cumulative round trips, not from the equity table: the curve
// is the starting balance plus the running sum of net PnL, stepping at each trip's exit, in exit
// order (exit time, then journal id). That is the only curve that exists for an arbitrary filter
// (only the long trades, only stop losses); the equity table's marked-to-market samples belong
// to a whole run. So it is a realized drawdown: a loss that recovered before the exit is not in it.
// The starting balance is that of the run of the earliest trip (a resumed run starts from where
// its predecessor stopped, so a chain of runs is one account); without one (journals before
// schema 2, no equity samples) the percentage is unknown and only the amount is given, measured
// from the cumulative PnL's own peak, starting at zero.

#include "gui/models/journal_records.h"

#include <QVector>

#include <functional>
#include <optional>

namespace hoga::gui {

struct JournalSummary {
    qint64 trades = 0;
    qint64 wins = 0; // net PnL > 0 (after fees and funding)
    qint64 grossE8 = 0;
    qint64 feesE8 = 0;
    qint64 fundingE8 = 0;
    qint64 netE8 = 0;
    std::optional<qint64> startingBalanceE8;
    // The largest fall from a peak of the realized equity, in USDT e8.
    qint64 maxDrawdownE8 = 0;
    // The fall that is the largest share of its peak, and that peak: maxDrawdownPct is
    // worstDropE8 / worstPeakE8. Only with a starting balance.
    qint64 worstDropE8 = 0;
    qint64 worstPeakE8 = 0;

    // Win rate in tenths of a percent, rounded half up (0 without trades).
    [[nodiscard]] qint64 winRatePermille() const;
    // Max drawdown in hundredths of a percent of its peak, rounded half up; unset without a
    // starting balance.
    [[nodiscard]] std::optional<qint64> maxDrawdownBasisPoints() const;
};

// Trips in any order (they are put in exit order here); `startingBalance` gives a run's starting
// balance, if known.
using StartingBalanceLookup = std::function<std::optional<qint64>(const QString& runId)>;
JournalSummary summarizeTrips(const QVector<const JournalTrip*>& trips,
                              const StartingBalanceLookup& startingBalance);

// The realized equity curve the drawdown is measured on: a first point at the earliest entry with
// the starting balance (0 when unknown), then one point per exit.
QVector<EquityPoint> realizedEquityCurve(const QVector<const JournalTrip*>& trips,
                                         const StartingBalanceLookup& startingBalance);

// "-13.28047800": e8 as an exact decimal with 8 places.
QString formatE8(qint64 e8);

} // namespace hoga::gui
