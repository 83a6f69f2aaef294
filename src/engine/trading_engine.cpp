#include "trading_engine.h"

#include "core/wide_int.h"

#include <algorithm>

namespace hoga::engine {

using core::ExitReason;
using core::Fixed8;
using core::PositionSide;

TradingEngine::TradingEngine(core::InstrumentSpec instrument, core::StrategyParams params,
                             std::string runId, Journal* journal)
    : m_instrument(instrument), m_strategy(params), m_features(params),
      m_risk(params, std::move(instrument)), m_runId(std::move(runId)), m_journal(journal),
      m_balance(m_risk.startingCapital()) {
    m_stats.peakEquity = m_balance;
    std::fill(std::begin(m_lastRefusalCandle), std::end(m_lastRefusalCandle), -1);
}

Fixed8 TradingEngine::equity(const MarketState& state) const {
    if (m_position.flat()) {
        return m_balance;
    }
    core::Price mark = m_lastTradePrice;
    if (mark.ticks == 0) {
        const auto bid = state.book.bestBid();
        mark = bid ? bid->price : core::Price{};
    }
    return Fixed8{m_balance.e8 + core::unrealizedPnl(m_position, mark, m_instrument).e8};
}

void TradingEngine::trackEquity(const MarketState& state) {
    const Fixed8 now = equity(state);
    if (now > m_stats.peakEquity) {
        m_stats.peakEquity = now;
    } else if (m_stats.peakEquity.e8 > 0) {
        const double drawdown = static_cast<double>(m_stats.peakEquity.e8 - now.e8) /
                                static_cast<double>(m_stats.peakEquity.e8) * 100.0;
        m_stats.maxDrawdownPct = std::max(m_stats.maxDrawdownPct, drawdown);
    }
}

void TradingEngine::onMarket(const MarketInput& input, const MarketState& state) {
    const std::int64_t previous = m_nowMs;
    if (input.timeMs > m_nowMs) {
        m_nowMs = input.timeMs;
    }
    ++m_stats.events;
    if (m_stats.firstEventMs == 0) {
        m_stats.firstEventMs = m_nowMs;
    }
    m_stats.lastEventMs = m_nowMs;
    if (!m_position.flat() && previous > 0) {
        m_stats.exposureMs += m_nowMs - previous;
    }

    // Orders due by now fill against the book as it is now.
    if (m_gateway) {
        m_gateway->onMarketTime(m_nowMs);
    }
    handleFunding(input);
    if (input.kind == MarketInput::Kind::Trade && input.trade) {
        handleTrade(*input.trade, state);
    }
    handleCandleCloses(state);

    if (!m_position.flat()) {
        m_lastFeatures = m_features.compute(m_nowMs, state.book, state.candles);
        if (!m_exitReason) {
            if (const auto reason = m_strategy.featureExit(m_lastFeatures, m_position)) {
                submitExit(*reason, m_nowMs);
            }
        } else if (!m_orderInFlight) {
            submitExit(*m_exitReason, m_nowMs); // an earlier exit left part of the position
        }
    } else if (!m_orderInFlight && m_nowMs >= m_entryStartMs && m_nowMs < m_entryEndMs &&
               m_features.warmedUp(m_nowMs, state.candles) &&
               m_features.volumeRatio(m_nowMs, state.candles) >=
                   m_strategy.params().volumeBurstRatio) {
        // Every entry needs the volume burst: the book and momentum are read only when it holds.
        m_lastFeatures = m_features.compute(m_nowMs, state.book, state.candles);
        considerEntry(state);
    }
}

void TradingEngine::handleTrade(const core::Trade& trade, const MarketState& state) {
    m_features.onTrade(m_nowMs, trade.price);
    m_lastTradePrice = trade.price;
    if (m_position.flat()) {
        return;
    }
    const core::Price liquidation = core::isolatedLiquidationPrice(
        m_position, m_strategy.params().leverage, m_strategy.params().maintenanceMarginPct);
    const bool isLong = m_position.side == PositionSide::Long;
    if ((isLong && trade.price <= liquidation) || (!isLong && trade.price >= liquidation)) {
        closeAt(liquidation, m_nowMs, ExitReason::Liquidation);
        trackEquity(state);
        return;
    }
    if (!m_exitReason) {
        if (const auto reason = m_strategy.priceExit(trade.price, m_position)) {
            submitExit(*reason, m_nowMs);
        }
    }
    trackEquity(state);
}

void TradingEngine::handleFunding(const MarketInput& input) {
    // A payment is due when market time passes the funding time announced by the last mark
    // price update; the rate and mark of that update apply.
    if (m_lastMark && m_lastMark->nextFundingTimeMs > m_fundingPaidFor &&
        m_nowMs >= m_lastMark->nextFundingTimeMs) {
        m_fundingPaidFor = m_lastMark->nextFundingTimeMs;
        if (!m_position.flat()) {
            // value = mark × quantity, in Fixed8; payment = value × rate (longs pay a positive
            // rate)
            const core::Int128 baseE0 =
                static_cast<core::Int128>(m_position.qty.lots) * m_instrument.qtyGrid.step;
            const core::Int128 valueE8 = static_cast<core::Int128>(m_lastMark->markPrice.e8) *
                                         baseE0 / core::powerOfTen(m_instrument.qtyGrid.decimals);
            const core::Int128 raw = valueE8 * m_lastMark->fundingRate.e8;
            const core::Int128 half = Fixed8::kOne / 2;
            const auto amount = static_cast<std::int64_t>(raw >= 0 ? (raw + half) / Fixed8::kOne
                                                                   : (raw - half) / Fixed8::kOne);
            const std::int64_t payment = m_position.side == PositionSide::Long ? -amount : amount;
            m_balance.e8 += payment;
            m_position.funding.e8 += payment;
            m_stats.funding.e8 += payment;
            ++m_stats.fundingPayments;
            if (m_journal) {
                FundingRecord record;
                record.timeMs = m_nowMs;
                record.fundingTimeMs = m_fundingPaidFor;
                record.tripId = m_tripSequence + 1;
                record.side = m_position.side;
                record.qty = m_position.qty;
                record.markPrice = m_lastMark->markPrice;
                record.rate = m_lastMark->fundingRate;
                record.amount = Fixed8{payment};
                m_journal->recordFunding(record);
            }
        }
    }
    if (input.kind == MarketInput::Kind::MarkPrice && input.mark) {
        m_lastMark = *input.mark;
    }
}

void TradingEngine::handleCandleCloses(const MarketState& state) {
    const std::int64_t closed = state.candles.counters().closed;
    if (closed <= m_seenClosedCandles) {
        return;
    }
    const auto& ring = state.candles.closed();
    const std::size_t fresh = static_cast<std::size_t>(std::min<std::int64_t>(
        closed - m_seenClosedCandles, static_cast<std::int64_t>(ring.size())));
    m_seenClosedCandles = closed;
    const double mean = m_features.meanClosedVolume(state.candles);
    for (std::size_t i = fresh; i-- > 0;) {
        const core::Candle& candle = ring.fromNewest(i);
        const double ratio = mean > 0 ? static_cast<double>(candle.volume.lots) / mean : 0.0;
        if (m_strategy.onCandleClosed(ratio, !m_position.flat()) && !m_exitReason) {
            submitExit(ExitReason::VolumeFade, m_nowMs);
        }
        if (m_journal) {
            EquitySample sample;
            sample.timeMs = candle.closeTimeMs();
            sample.balance = m_balance;
            sample.equity = equity(state);
            sample.side = m_position.flat() ? PositionSide::Flat : m_position.side;
            sample.qty = m_position.qty;
            m_journal->recordEquity(sample);
        }
    }
}

void TradingEngine::refuse(core::Refusal refusal, PositionSide side, std::string detail) {
    // One record per candle and reason: a signal that stays refused is one episode, not one per
    // market event.
    const std::int64_t candle = m_nowMs / m_strategy.params().candleIntervalMs;
    auto& last = m_lastRefusalCandle[static_cast<std::size_t>(refusal)];
    if (last == candle) {
        return;
    }
    last = candle;
    ++m_stats.refusals[static_cast<std::size_t>(refusal)];
    if (m_journal) {
        RefusalRecord record;
        record.timeMs = m_nowMs;
        record.side = side;
        record.refusal = refusal;
        record.detail = std::move(detail);
        record.features = m_lastFeatures;
        m_journal->recordRefusal(record);
    }
}

void TradingEngine::considerEntry(const MarketState& state) {
    const auto side = m_strategy.entrySignal(m_lastFeatures);
    if (!side) {
        return;
    }
    const bool isLong = *side == PositionSide::Long;
    const core::Price reference = isLong ? m_lastFeatures.bestAsk : m_lastFeatures.bestBid;
    const core::RiskDecision decision =
        m_risk.checkEntry(*side, reference, equity(state), m_nowMs, state.bookVerified);
    if (!decision.approved) {
        std::string detail = decision.detail;
        if (decision.refusal == core::Refusal::BookUnverified && !state.unverifiedReason.empty()) {
            detail += ": ";
            detail += state.unverifiedReason;
        }
        refuse(decision.refusal, *side, std::move(detail));
        return;
    }
    m_entryFeatures = m_lastFeatures;
    submit(isLong ? core::Side::Buy : core::Side::Sell, decision.qty, false, "entry", m_nowMs);
}

void TradingEngine::submitExit(ExitReason reason, std::int64_t nowMs) {
    m_exitReason = reason;
    if (m_orderInFlight || m_position.flat()) {
        return; // retried once the order in flight has finished
    }
    const core::Side side =
        m_position.side == PositionSide::Long ? core::Side::Sell : core::Side::Buy;
    submit(side, m_position.qty, true, "exit", nowMs);
}

void TradingEngine::submit(core::Side side, core::Qty qty, bool reduceOnly,
                           std::string_view purpose, std::int64_t nowMs) {
    if (!m_gateway) {
        return;
    }
    core::OrderRequest order;
    order.clientOrderId = "hoga-" + m_runId + "-" + std::to_string(++m_orderSequence);
    order.side = side;
    order.qty = qty;
    order.reduceOnly = reduceOnly;
    order.decisionTimeMs = nowMs;
    if (m_journal) {
        OrderIntent intent;
        intent.purpose = purpose;
        if (reduceOnly) {
            intent.exitReason = m_exitReason;
            intent.features = m_lastFeatures;
        } else {
            intent.features = m_entryFeatures;
        }
        m_journal->recordOrder(order, intent);
    }
    m_risk.onOrderSent(nowMs);
    ++m_stats.ordersSent;
    m_orderInFlight = true;
    m_inFlight = order;
    m_gateway->submit(order); // may call back onFill/onOrderFinished before returning
}

void TradingEngine::closeAt(core::Price price, std::int64_t timeMs, ExitReason reason) {
    m_exitReason = reason;
    core::Fill fill;
    fill.clientOrderId = "hoga-" + m_runId + "-liquidation-" + std::to_string(m_tripSequence + 1);
    fill.side = m_position.side == PositionSide::Long ? core::Side::Sell : core::Side::Buy;
    fill.price = price;
    fill.qty = m_position.qty;
    fill.fee = core::feeFor(core::notionalOf(price, fill.qty),
                            core::percentToRateE8(m_strategy.params().takerFeePct), m_instrument);
    fill.timeMs = timeMs;
    onFill(fill);
}

void TradingEngine::onFill(const core::Fill& fill) {
    const bool fromExitOrder =
        m_inFlight.reduceOnly && fill.clientOrderId == m_inFlight.clientOrderId;
    // Reduce-only: never more than the position, never a new position.
    core::Qty qty = fill.qty;
    if (fromExitOrder && qty > m_position.qty) {
        qty = m_position.qty;
    }
    if (qty.lots <= 0) {
        return;
    }
    core::Fill applied = fill;
    applied.qty = qty;
    if (qty != fill.qty) {
        applied.fee =
            core::feeFor(core::notionalOf(fill.price, qty),
                         core::percentToRateE8(m_strategy.params().takerFeePct), m_instrument);
    }
    if (m_journal) {
        m_journal->recordFill(applied);
    }
    m_balance.e8 -= applied.fee.e8;
    m_stats.fees.e8 += applied.fee.e8;
    const core::Notional notional = core::notionalOf(applied.price, qty);
    const PositionSide fillDirection =
        applied.side == core::Side::Buy ? PositionSide::Long : PositionSide::Short;

    if (m_position.flat()) {
        m_position = core::Position{};
        m_position.side = fillDirection;
        m_position.entryTimeMs = applied.timeMs;
        m_position.atEntry = m_entryFeatures;
        m_exitNotional = {};
        m_closedEntryNotional = {};
        m_closedQty = {};
        m_exitFees = {};
        m_strategy.resetFade();
    }
    if (fillDirection == m_position.side) {
        m_position.qty += qty;
        m_position.entryNotional += notional;
        m_position.entryFees.e8 += applied.fee.e8;
        return;
    }
    // Closing: the closed part carries its exact share of the entry notional.
    const core::Notional portion =
        qty == m_position.qty ? m_position.entryNotional
                              : core::Notional{static_cast<std::int64_t>(
                                    static_cast<core::Int128>(m_position.entryNotional.units) *
                                    qty.lots / m_position.qty.lots)};
    m_position.entryNotional.units -= portion.units;
    m_position.qty -= qty;
    m_closedEntryNotional += portion;
    m_closedQty += qty;
    m_exitNotional += notional;
    m_exitFees.e8 += applied.fee.e8;
    if (m_position.qty.lots == 0) {
        completeRoundTrip(applied.timeMs);
    }
}

void TradingEngine::completeRoundTrip(std::int64_t timeMs) {
    core::RoundTrip trip;
    trip.id = ++m_tripSequence;
    trip.side = m_position.side;
    trip.entryTimeMs = m_position.entryTimeMs;
    trip.exitTimeMs = timeMs;
    trip.qty = m_closedQty;
    trip.entryNotional = m_closedEntryNotional;
    trip.exitNotional = m_exitNotional;
    const std::int64_t gross = trip.side == PositionSide::Long
                                   ? m_exitNotional.units - m_closedEntryNotional.units
                                   : m_closedEntryNotional.units - m_exitNotional.units;
    trip.grossPnl = m_instrument.toFixed8(core::Notional{gross});
    trip.fees = Fixed8{m_position.entryFees.e8 + m_exitFees.e8};
    trip.funding = m_position.funding;
    trip.netPnl = Fixed8{trip.grossPnl.e8 - trip.fees.e8 + trip.funding.e8};
    trip.exitReason = m_exitReason.value_or(ExitReason::EndOfData);
    trip.atEntry = m_position.atEntry;
    trip.atExit = m_lastFeatures;

    m_balance.e8 += trip.grossPnl.e8; // fees and funding were booked as they happened
    ++m_stats.roundTrips;
    (trip.netPnl.e8 > 0 ? m_stats.wins : m_stats.losses) += 1;
    m_stats.grossPnl.e8 += trip.grossPnl.e8;
    m_stats.netPnl.e8 += trip.netPnl.e8;
    ++m_stats.exitReasons[static_cast<std::size_t>(trip.exitReason)];
    m_stats.holdMsTotal += trip.exitTimeMs - trip.entryTimeMs;
    m_risk.onRoundTrip(trip);
    if (m_journal) {
        m_journal->recordRoundTrip(trip);
    }
    m_position = core::Position{};
    m_exitReason.reset();
    m_strategy.resetFade();
}

void TradingEngine::onOrderFinished(const std::string& clientOrderId, core::Qty filled,
                                    core::Qty unfilled, std::string_view reason) {
    (void)filled;
    (void)reason;
    if (clientOrderId == m_inFlight.clientOrderId) {
        m_orderInFlight = false;
        m_inFlight = core::OrderRequest{};
    }
    if (unfilled.lots > 0) {
        ++m_stats.unfilledOrders;
    }
}

bool TradingEngine::restore(const ResumeState& state, std::string& error) {
    if (m_stats.events > 0 || m_stats.ordersSent > 0) {
        error = "restore after the first market event: the account is already in use";
        return false;
    }
    const core::Position& p = state.position;
    const bool open = p.side != PositionSide::Flat;
    if (open != (p.qty.lots != 0) || p.qty.lots < 0 || (open && p.entryNotional.units <= 0) ||
        state.partialExit.closedQty.lots < 0 || (!open && state.partialExit.closedQty.lots != 0)) {
        error = "inconsistent position to restore: side " +
                std::string(core::positionSideName(p.side)) + ", " + m_instrument.formatQty(p.qty) +
                " lots, entry notional " + std::to_string(p.entryNotional.units);
        return false;
    }
    if (state.orderSequence < 0 || state.tripSequence < 0) {
        error = "negative sequence numbers to restore";
        return false;
    }
    m_balance = state.balance;
    m_position = open ? p : core::Position{};
    m_entryFeatures = m_position.atEntry;
    m_closedQty = state.partialExit.closedQty;
    m_closedEntryNotional = state.partialExit.closedEntryNotional;
    m_exitNotional = state.partialExit.exitNotional;
    m_exitFees = state.partialExit.exitFees;
    m_exitReason = open ? state.exitReason : std::nullopt;
    // An order of the stopped process is not this gateway's: nothing is in flight here. (For a
    // venue, the runner reconciles with the exchange before restoring.)
    m_orderInFlight = false;
    m_inFlight = core::OrderRequest{};
    m_orderSequence = state.orderSequence;
    m_tripSequence = state.tripSequence;
    m_fundingPaidFor = state.fundingPaidForMs;
    m_strategy.resetFade(); // the fade counts candles this process sees
    for (const core::RoundTrip& trip : state.riskTrips) {
        m_risk.onRoundTrip(trip);
    }
    for (const std::int64_t timeMs : state.recentOrderTimesMs) {
        m_risk.onOrderSent(timeMs);
    }
    m_stats.peakEquity = std::max(state.peakEquity, m_balance);
    return true;
}

bool TradingEngine::applyParams(const core::StrategyParams& params, std::string& error) {
    const std::vector<std::string> problems = params.validate();
    if (!problems.empty()) {
        error.clear();
        for (const std::string& p : problems) {
            error += (error.empty() ? "" : "; ") + p;
        }
        return false;
    }
    const core::StrategyParams& now = m_strategy.params();
    std::string fixed;
    const auto keep = [&](bool same, const char* name) {
        if (!same) {
            fixed += (fixed.empty() ? "" : ", ") + std::string(name);
        }
    };
    keep(params.candleIntervalMs == now.candleIntervalMs, "candle_interval_ms");
    keep(params.capitalKrw == now.capitalKrw, "capital_krw");
    keep(params.takerFeePct == now.takerFeePct, "taker_fee_pct");
    keep(params.makerFeePct == now.makerFeePct, "maker_fee_pct");
    keep(params.latencyMs == now.latencyMs, "latency_ms");
    if (!fixed.empty()) {
        error = "needs a restart to change: " + fixed;
        return false;
    }
    m_strategy.setParams(params);
    m_features.setParams(params);
    m_risk.setParams(params);
    return true;
}

void TradingEngine::finish(const MarketState& state) {
    // Orders still travelling reach the final book; then whatever is open is closed at market.
    const std::int64_t drain = m_nowMs + m_strategy.params().latencyMs;
    if (m_gateway) {
        m_gateway->onMarketTime(drain);
    }
    if (!m_position.flat()) {
        submitExit(m_exitReason.value_or(ExitReason::EndOfData), m_nowMs);
        if (m_gateway) {
            m_gateway->onMarketTime(drain);
        }
    }
    trackEquity(state);
}

void TradingEngine::killSwitch(const MarketState& state) {
    m_risk.setState(core::TradingState::Halted);
    if (!m_position.flat()) {
        submitExit(ExitReason::KillSwitch, m_nowMs);
    }
    trackEquity(state);
}

} // namespace hoga::engine
