#pragma once

// Real StationSnapshots for the view tests: the bundled 2024-08-08 recording decoded once and fed
// through a binance::FeedEventQueue into a live::LiveSession (demo parameters, so it trades),
// with snapshots taken at chosen points — while the book is still syncing, through the run, with
// a position open, at the end, and after a feed route went down (a gap).

#include "binance/event_tape.h"
#include "live/station_snapshot.h"

#include <memory>
#include <vector>

namespace hoga::stationtest {

using Snapshot = std::shared_ptr<const live::StationSnapshot>;

struct StationSnapshots {
    Snapshot syncing;              // before the depth snapshot, feed still connecting
    std::vector<Snapshot> through; // in order, every ~1/10 of the recording
    Snapshot open;                 // inside the first round trip
    Snapshot end;                  // the whole recording played
    Snapshot gap;                  // a route disconnected and the depth stream restarted
    std::string error;             // empty when all were taken
};

// Runs the sessions once per process (about a second) and keeps the snapshots.
const StationSnapshots& stationSnapshots();

// Where a test saves its screenshot (created; kept after the test for a look).
QString screenshotPath(const QString& fileName);

} // namespace hoga::stationtest
