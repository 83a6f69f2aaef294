#pragma once

// The price chart's memory of candles: the engine's snapshots carry only its last few hundred
// closed candles, so the chart keeps its own bounded history of them (deduplicated by open time)
// and builds any coarser interval from it. Plain C++ (no Qt), so it is tested like the core.
//
// Aggregation is exact and gives what a core::CandleAggregator of the coarser interval would
// have built from the same trades: open of the first traded candle, close of the last candle,
// high/low over the traded candles, volumes, quote volume and trade counts summed. A bucket
// without trades carries the previous close, as the aggregator's empty candles do.

#include "core/candles.h"

#include <cstddef>
#include <cstdint>
#include <deque>
#include <limits>
#include <optional>
#include <vector>

namespace hoga::gui {

// One bar at the chart's interval; `closed` is false for the bucket still forming.
struct AggregatedBar {
    core::Candle candle;
    bool closed = true;
};

class CandleHistory {
public:
    // 24 h of 1-s candles (about 9 MB); older candles are dropped first.
    static constexpr std::size_t kDefaultCapacity = 24 * 3600;

    static constexpr std::int64_t kFromStart = std::numeric_limits<std::int64_t>::min();

    explicit CandleHistory(std::size_t capacity = kDefaultCapacity);

    // A closed candle of the base interval. Kept when it opens after the newest one kept (so the
    // same candle arriving in many snapshots is stored once); false when it was a duplicate. A
    // candle of another interval than the ones kept starts a new history.
    bool addClosed(const core::Candle& candle);
    // The candle forming now (replaced on every snapshot), or none.
    void setForming(std::optional<core::Candle> candle);
    void clear();

    [[nodiscard]] std::size_t size() const { return m_closed.size(); }
    [[nodiscard]] std::size_t capacity() const { return m_capacity; }
    [[nodiscard]] bool empty() const { return m_closed.empty() && !m_forming; }
    [[nodiscard]] std::int64_t baseIntervalMs() const { return m_baseIntervalMs; }
    [[nodiscard]] const std::deque<core::Candle>& closed() const { return m_closed; }
    [[nodiscard]] const std::optional<core::Candle>& forming() const { return m_forming; }
    // Open time of the newest closed candle kept, or nullopt.
    [[nodiscard]] std::optional<std::int64_t> newestOpenMs() const;

    // Bars of `intervalMs` (a multiple of the base interval) whose bucket opens at or after
    // `fromMs`, oldest first, the forming candle included in the last one. At most `maxBars`
    // (the newest) when non-zero. An interval that is not a multiple of the base gives nothing.
    [[nodiscard]] std::vector<AggregatedBar> aggregate(std::int64_t intervalMs,
                                                       std::int64_t fromMs = kFromStart,
                                                       std::size_t maxBars = 0) const;

    // The open time of the bucket of `intervalMs` holding `timeMs`.
    static std::int64_t bucketOpen(std::int64_t timeMs, std::int64_t intervalMs);

private:
    std::size_t m_capacity;
    std::int64_t m_baseIntervalMs = 0;
    std::deque<core::Candle> m_closed;
    std::optional<core::Candle> m_forming;
};

// Folds `next` (a later candle of the same or a finer interval) into `bar`.
void mergeCandle(core::Candle& bar, const core::Candle& next);

} // namespace hoga::gui
