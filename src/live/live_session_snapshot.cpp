// LiveSession::publishSnapshot: the copy a front end shows (station_snapshot.h). Engine thread.
#include "live_session.h"

#include <cmath>

namespace hoga::live {

void LiveSession::publishSnapshot() {
    auto s = std::make_shared<StationSnapshot>();
    const engine::MarketState st = state();
    const auto& book = m_processor.book();
    const auto& candles = m_processor.candles();
    const std::int64_t now = m_processor.counters().lastEventTimeMs;
    s->sequence = ++m_snapshotSequence;
    s->marketTimeMs = now;
    s->events = m_events;
    s->instrument = m_options.instrument;
    s->params = m_options.params;

    const auto& closed = candles.closed();
    const std::size_t n = std::min(closed.size(), kSnapshotCandles);
    s->candles.reserve(n + 1);
    for (std::size_t i = n; i-- > 0;) {
        s->candles.push_back({closed.fromNewest(i), true});
    }
    if (candles.current()) {
        s->candles.push_back({*candles.current(), false});
    }
    book.levels(core::Side::Buy, static_cast<int>(kSnapshotLevels), s->bids);
    book.levels(core::Side::Sell, static_cast<int>(kSnapshotLevels), s->asks);

    s->warmedUp = m_display.warmedUp(now, candles);
    s->features = m_display.compute(now, book, candles);
    s->syncState = m_processor.synchronizer().state();
    s->syncReason = std::string(m_processor.synchronizer().reason());
    s->feedHealth = m_feedHealth;
    s->feedDetail = m_feedDetail;
    s->entriesAllowed = st.bookVerified;
    s->takingEntries = m_takingEntries;
    s->tradingState = m_engine.risk().state();

    const core::Position& p = m_engine.position();
    s->position = p;
    s->balance = m_engine.balance();
    s->equity = m_engine.equity(st);
    s->unrealizedPnl = core::Fixed8{s->equity.e8 - s->balance.e8};
    s->markPrice = s->features.lastPrice;
    if (!p.flat()) {
        const core::StrategyParams& params = m_options.params;
        s->liquidationPrice =
            core::isolatedLiquidationPrice(p, params.leverage, params.maintenanceMarginPct);
        // Display only: the engine decides the stop exactly in integers (OrderFlowStrategy).
        const double entry = p.averagePriceTicks();
        const double factor = p.side == core::PositionSide::Long ? 1.0 - params.stopLossPct / 100
                                                                 : 1.0 + params.stopLossPct / 100;
        s->stopPrice = core::Price{static_cast<std::int64_t>(std::llround(entry * factor))};
    }
    s->stats = m_engine.stats();
    s->fadeStreak = m_engine.fadeStreak();
    s->marks = m_marks.copy();
    std::shared_ptr<const StationSnapshot> published = std::move(s);
    const std::lock_guard lock(m_statusMutex);
    m_snapshot = std::move(published);
}

} // namespace hoga::live
