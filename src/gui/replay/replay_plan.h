#pragma once

// Which recorded data replays a journalled trade, and from where.
//
// The window is the trade with some market around it: kLeadMs before the entry to kTailMs after
// the exit (journal times: the exchange's clock), at most kMaxSpanMs long. The book needs a depth
// snapshot before it to be in sync, and the recorder writes a REST snapshot only when a session
// starts or resyncs, so feeding starts at the last snapshot at or before the window start (up to
// kSnapshotLookbackHours earlier); when there is none, at the first one before the entry (a
// session that started inside the window), and the window starts there.
//
// Files are chosen by the hour in their names (the recorder's local clock), then trusted only
// for what their decoded entries say: each file's local receive times must lie in the hour it is
// named for (a renamed or copied file is ignored, and said so). Coverage and the window are
// decided on the entries' exchange times, the clock the journal's times are on. The two clocks
// are not one offset apart in general: live they differ by the network lag and the local clock's
// error (1.27 s in one real recording), but the demo's simulator runs the market at --speed, so
// a 5× session records a minute of exchange time in 12 s of local time. Pacing (ReplayDriver)
// follows the local times: a replay at 1× goes as fast as the station received the data. The
// names are searched kSnapshotLookbackHours back, which also covers a demo whose market ran
// ahead of the local clock by up to that much.
//
// A file that ends in a damaged part is used up to there (RecordingReader delivers every line
// before the damage); it is listed in `damaged` whether or not what remains covers the trade.
//
// Decoding is the what-if's (binance::decodeTape), one file at a time, newest first, stopping at
// the file with the snapshot: memory holds one hour's file at a time, plus the decoded files the
// replay will play kept up to kKeptBytes (the others are decoded again when played). Slow enough
// to run off the GUI thread (about a second per busy hour).

#include "binance/event_tape.h"
#include "gui/recording_files.h"

#include <QString>

#include <atomic>
#include <cstdint>
#include <memory>
#include <string>
#include <vector>

namespace hoga::gui {

struct ReplayWindow {
    static constexpr qint64 kLeadMs = 2 * 60'000;
    static constexpr qint64 kTailMs = 60'000;
    // A trade held for hours is replayed from its start for this long (its exit then lies beyond).
    static constexpr qint64 kMaxSpanMs = 2 * 3'600'000;

    qint64 startMs = 0; // the journal's clock (exchange time)
    qint64 endMs = 0;
    bool capped = false; // the exit lies beyond endMs

    static ReplayWindow around(qint64 entryMs, qint64 exitMs);
};

struct DamagedRecording {
    QString path;
    QString error;
    qint64 readUpToMs = 0; // exchange time of the last entry read before the damage (0: none)
};

struct ReplayPlan {
    static constexpr int kSnapshotLookbackHours = 3;
    static constexpr std::size_t kKeptBytes = std::size_t{256} << 20;

    enum class Outcome : std::uint8_t {
        Ready,      // play `files` from `firstIndex`
        NotCovered, // no recorded data at the trade's time
        NoSnapshot, // data at that time, but no depth snapshot to build the book from
        Cancelled,
    };
    Outcome outcome = Outcome::NotCovered;
    ReplayWindow wanted;

    // Ready: the paced part, on the exchange's (the journal's) clock.
    qint64 startMs = 0;
    qint64 endMs = 0;
    qint64 snapshotMs = 0;         // the depth snapshot the book is built from
    bool startsAtSnapshot = false; // no snapshot before the wanted start: starts at a later one
    bool endsEarly = false;        // the recordings end before the wanted end
    qint64 dataEndMs = 0;

    std::vector<std::string> files; // to play, in order
    // The first entry of files[0] to feed: the start snapshot, or the diffs recorded just before
    // it that end at or after its lastUpdateId (the one that brackets it often comes first).
    std::size_t firstIndex = 0;
    // Decoded copies of `files` (same order), null where it was not kept.
    std::vector<std::shared_ptr<const binance::EventTape>> tapes;

    std::vector<DamagedRecording> damaged;
    QStringList misnamed; // files whose contents are not of the hour in their name
    int filesRead = 0;
};

// Plans the replay of a trade from `files` (listRecordings order). Checks `cancel` between files.
ReplayPlan planReplay(const QVector<RecordingFile>& files, qint64 entryMs, qint64 exitMs,
                      const std::atomic<bool>& cancel);

} // namespace hoga::gui
