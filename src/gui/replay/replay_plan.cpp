#include "gui/replay/replay_plan.h"

#include "core/instrument.h"

#include <algorithm>

namespace hoga::gui {

namespace {

constexpr std::int64_t kNsPerMs = 1'000'000;
constexpr qint64 kHourMs = 3'600'000;
// How far the recording's local clock may sit from the exchange's (and from the hour its file is
// named for: the recorder keeps a frame whose clock stepped back in the current file).
constexpr qint64 kClockSlackMs = 5 * 60'000;

qint64 hourOf(qint64 ms) {
    return ms >= 0 ? ms / kHourMs : -((-ms + kHourMs - 1) / kHourMs);
}

struct Decoded {
    std::shared_ptr<const binance::EventTape> tape;
    qint64 firstMs = 0; // exchange times; 0: nothing usable in the file
    qint64 lastMs = 0;
};

// A snapshot the replay can start from.
struct StartPoint {
    int file = -1;
    qint64 timeMs = 0;
    std::size_t firstFed = 0; // feedStart()
};

// Where to start feeding for the snapshot at `index`: the diff that brackets a snapshot often
// arrives before it (the feed buffers diffs while the request is in flight), so the diffs the
// recording has just before it that end at or after its lastUpdateId are fed too (the
// synchroniser buffers them, as live); the older ones it would drop anyway.
std::size_t feedStart(const binance::EventTape& tape, std::size_t index) {
    const std::uint64_t last = tape.snapshots[tape.entries[index].index].lastUpdateId;
    std::size_t start = index;
    while (start > 0) {
        const auto& e = tape.entries[start - 1];
        if (e.kind == binance::EventTape::Kind::Snapshot ||
            (e.kind == binance::EventTape::Kind::Depth &&
             tape.depth[e.index].finalUpdateId < last)) {
            break;
        }
        --start;
    }
    return start;
}

} // namespace

ReplayWindow ReplayWindow::around(qint64 entryMs, qint64 exitMs) {
    ReplayWindow w;
    w.startMs = entryMs - kLeadMs;
    w.endMs = std::max(exitMs, entryMs) + kTailMs;
    if (w.endMs - w.startMs > kMaxSpanMs) {
        w.endMs = w.startMs + kMaxSpanMs;
        w.capped = true;
    }
    return w;
}

ReplayPlan planReplay(const QVector<RecordingFile>& files, qint64 entryMs, qint64 exitMs,
                      const std::atomic<bool>& cancel) {
    ReplayPlan plan;
    plan.wanted = ReplayWindow::around(entryMs, exitMs);
    const qint64 windowStart = plan.wanted.startMs;
    const qint64 oldest = windowStart - ReplayPlan::kSnapshotLookbackHours * kHourMs;
    const qint64 firstHour = hourOf(oldest - kClockSlackMs);
    const qint64 lastHour = hourOf(plan.wanted.endMs + kClockSlackMs);
    QVector<RecordingFile> candidates;
    for (const RecordingFile& f : files) {
        if (f.hour && *f.hour >= firstHour && *f.hour <= lastHour) {
            candidates.append(f);
        }
    }

    // Newest first, until the file holding a snapshot at or before the window start.
    const int n = static_cast<int>(candidates.size());
    std::vector<Decoded> decoded(static_cast<std::size_t>(n));
    StartPoint start;
    StartPoint fallback; // the first snapshot after the window start, before the entry
    bool dataAtTrade = false;
    std::size_t kept = 0;
    for (int i = n - 1; i >= 0 && start.file < 0; --i) {
        if (cancel.load()) {
            plan.outcome = ReplayPlan::Outcome::Cancelled;
            return plan;
        }
        const RecordingFile& file = candidates[i];
        auto tape = std::make_shared<const binance::EventTape>(binance::decodeTape(
            {file.path.toStdString()}, core::InstrumentSpec::btcusdtDefaults()));
        ++plan.filesRead;
        if (!tape->error.empty()) {
            plan.damaged.push_back({file.path, QString::fromStdString(tape->error),
                                    tape->entries.empty() ? 0 : tape->lastTimeMs});
        }
        if (tape->entries.empty() || tape->lastTimeMs <= 0) {
            continue;
        }
        // The recorder names a file for the local hour of its first frame.
        const std::int64_t firstLocalMs =
            std::min_element(tape->entries.begin(), tape->entries.end(),
                             [](const auto& a, const auto& b) { return a.localNs < b.localNs; })
                ->localNs /
            kNsPerMs;
        const qint64 hourStartMs = *file.hour * kHourMs;
        if (firstLocalMs < hourStartMs - kClockSlackMs ||
            firstLocalMs >= hourStartMs + kHourMs + kClockSlackMs) {
            plan.misnamed << file.path;
            continue;
        }
        qint64 firstMs = tape->lastTimeMs;
        for (const auto& e : tape->entries) {
            if (e.timeMs > 0) {
                firstMs = std::min<qint64>(firstMs, e.timeMs);
            }
        }
        const qint64 lastMs = tape->lastTimeMs;
        dataAtTrade = dataAtTrade || (firstMs <= exitMs && lastMs >= entryMs);
        for (std::size_t j = tape->entries.size(); j-- > 0;) {
            const auto& e = tape->entries[j];
            if (e.kind != binance::EventTape::Kind::Snapshot || e.timeMs <= 0) {
                continue;
            }
            if (e.timeMs <= windowStart && e.timeMs >= oldest) {
                start = {i, e.timeMs, feedStart(*tape, j)};
                break;
            }
            if (e.timeMs > windowStart && e.timeMs <= entryMs) {
                fallback = {i, e.timeMs, feedStart(*tape, j)}; // going back: the earliest wins
            }
        }
        decoded[static_cast<std::size_t>(i)] = {tape, firstMs, lastMs};
        if (kept + tape->memoryBytes() <= ReplayPlan::kKeptBytes) {
            kept += tape->memoryBytes();
        } else {
            decoded[static_cast<std::size_t>(i)].tape.reset(); // decoded again when played
        }
    }

    const StartPoint chosen = start.file >= 0 ? start : fallback;
    if (chosen.file < 0) {
        plan.outcome =
            dataAtTrade ? ReplayPlan::Outcome::NoSnapshot : ReplayPlan::Outcome::NotCovered;
        return plan;
    }
    qint64 dataEnd = 0;
    for (int k = chosen.file; k < n; ++k) {
        dataEnd = std::max(dataEnd, decoded[static_cast<std::size_t>(k)].lastMs);
    }
    if (dataEnd < entryMs) {
        plan.outcome = ReplayPlan::Outcome::NotCovered; // a snapshot, then nothing up to the entry
        return plan;
    }
    plan.startsAtSnapshot = start.file < 0;
    plan.snapshotMs = chosen.timeMs;
    plan.startMs = std::max(windowStart, chosen.timeMs);
    plan.endMs = std::min(plan.wanted.endMs, dataEnd);
    plan.endsEarly = dataEnd < plan.wanted.endMs;
    plan.dataEndMs = dataEnd;
    for (int k = chosen.file; k < n; ++k) {
        const Decoded& d = decoded[static_cast<std::size_t>(k)];
        if (d.firstMs > 0 && d.firstMs <= plan.endMs) {
            plan.files.push_back(candidates[k].path.toStdString());
            plan.tapes.push_back(d.tape);
        }
    }
    plan.firstIndex = chosen.firstFed;
    plan.outcome = ReplayPlan::Outcome::Ready;
    return plan;
}

} // namespace hoga::gui
