#pragma once

// The journalled trade a replay is about: its round trip, the strategy parameters of its run
// (so the replay builds candles of the same interval and the same features) and its own fills as
// chart marks — entries marked "entry", exits with the trip's exit reason.

#include "core/strategy_params.h"
#include "gui/models/journal_records.h"
#include "live/station_snapshot.h"

#include <QString>
#include <QVector>

#include <vector>

namespace hoga::gui {

struct ReplayTrip {
    JournalTrip trip;
    core::StrategyParams params = core::StrategyParams::demo();
    QString paramsProblem; // why the run's parameters were not used (empty: they were)
    std::vector<live::TradeMark> marks;
};

// Reads trade `tripId` of run `runId` from the journal at `path`, read-only. False, with `error`
// in words for the user, when the journal or the trade cannot be read.
bool readReplayTrip(const QString& path, const QString& runId, qint64 tripId, ReplayTrip& out,
                    QString& error);

// The fills of `trip` among its run's fills between its entry and exit (journal order). A fill at
// the entry's millisecond may still close the trade before it and one at the exit's may open the
// next, so the trip's fills are found by their position: from its first entry fill until the
// position it opened is flat again.
std::vector<live::TradeMark> tripMarks(const JournalTrip& trip, const QVector<JournalFill>& fills);

} // namespace hoga::gui
