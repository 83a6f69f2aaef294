#include "derived_streams.h"

#include "sim/binance_json.h"

#include <chrono>

namespace hoga::sim {

namespace {
constexpr std::int64_t kMinute = 60'000;
constexpr std::int64_t kDay = 86'400'000;
// Durations of the fixed-length intervals, in kIntervals order (1M is calendar based: 0).
constexpr std::array<std::int64_t, DerivedStreams::kIntervals.size()> kDurations = {
    kMinute,       3 * kMinute,   5 * kMinute,   15 * kMinute,  30 * kMinute,
    60 * kMinute,  120 * kMinute, 240 * kMinute, 360 * kMinute, 480 * kMinute,
    720 * kMinute, kDay,          3 * kDay,      7 * kDay,      0};
constexpr std::size_t kWeek = 13;
constexpr std::size_t kMonth = 14;
constexpr std::int64_t kKlinePushMs = 250;

std::int64_t floorTo(std::int64_t t, std::int64_t step, std::int64_t origin = 0) {
    const std::int64_t rel = t - origin;
    const std::int64_t q = rel >= 0 ? rel / step : (rel - step + 1) / step;
    return origin + q * step;
}
} // namespace

DerivedStreams::DerivedStreams(core::InstrumentSpec spec, Options options)
    : m_spec(std::move(spec)), m_options(options) {
    for (std::size_t i = 0; i < kIntervals.size(); ++i) {
        m_candles[i].stream = std::string("kline_") + kIntervals[i];
        m_candles[i].k.interval = kIntervals[i];
    }
}

std::int64_t DerivedStreams::candleOpenMs(std::size_t interval, std::int64_t timeMs) {
    if (interval == kMonth) {
        using namespace std::chrono;
        const year_month_day ymd{floor<days>(sys_time<milliseconds>(milliseconds(timeMs)))};
        const sys_days first{ymd.year() / ymd.month() / 1};
        return duration_cast<milliseconds>(first.time_since_epoch()).count();
    }
    if (interval == kWeek) {
        return floorTo(timeMs, 7 * kDay, 4 * kDay); // 1970-01-05 was a Monday
    }
    return floorTo(timeMs, kDurations[interval]);
}

std::int64_t DerivedStreams::candleCloseMs(std::size_t interval, std::int64_t openMs) {
    if (interval == kMonth) {
        using namespace std::chrono;
        const year_month_day ymd{floor<days>(sys_time<milliseconds>(milliseconds(openMs)))};
        const sys_days next{(ymd.year() / ymd.month() / 1) + months(1)};
        return duration_cast<milliseconds>(next.time_since_epoch()).count() - 1;
    }
    return openMs + kDurations[interval] - 1;
}

void DerivedStreams::onTrade(const core::Trade& trade, bool countInKlines, const StreamSink& sink) {
    if (m_options.aggTrades && !trade.aggregated) {
        if (m_agg && (m_agg->price != trade.price || m_agg->buyerIsMaker != trade.buyerIsMaker ||
                      m_agg->tradeTimeMs != trade.tradeTimeMs)) {
            flushAggTrade(sink);
        }
        if (!m_agg) {
            if (m_nextAggId == 0) {
                m_nextAggId = trade.id; // plausible numbers; then one per aggregate, never reset
            }
            m_agg = trade;
            m_agg->aggregated = true;
            m_agg->id = m_nextAggId++;
            m_agg->firstTradeId = trade.id;
        } else {
            m_agg->qty.lots += trade.qty.lots;
            m_agg->eventTimeMs = trade.eventTimeMs;
        }
        m_agg->lastTradeId = trade.id;
    }
    if (!countInKlines) {
        return;
    }
    const std::uint64_t firstId = trade.aggregated ? trade.firstTradeId : trade.id;
    const std::uint64_t lastId = trade.aggregated ? trade.lastTradeId : trade.id;
    const core::Notional quote = core::notionalOf(trade.price, trade.qty);
    const bool takerBuy = !trade.buyerIsMaker;
    for (std::size_t i = 0; i < m_candles.size(); ++i) {
        Candle& c = m_candles[i];
        if (c.open && trade.tradeTimeMs > c.k.closeTimeMs) {
            pushKline(c, trade.eventTimeMs, sink); // the trade's time closed it
        }
        if (!c.open) {
            std::string stream = std::move(c.stream);
            c = Candle{};
            c.stream = std::move(stream);
            c.open = true;
            c.k.interval = kIntervals[i];
            // Boundaries in the times clients see (a live-times shift is not a whole minute).
            const std::int64_t shift = m_options.shiftMs;
            c.k.openTimeMs = candleOpenMs(i, trade.tradeTimeMs + shift) - shift;
            c.k.closeTimeMs = candleCloseMs(i, c.k.openTimeMs + shift) - shift;
            c.k.firstTradeId = firstId;
            c.k.open = c.k.high = c.k.low = trade.price;
        }
        c.k.lastTradeId = lastId;
        c.k.close = trade.price;
        c.k.high = std::max(c.k.high, trade.price);
        c.k.low = std::min(c.k.low, trade.price);
        c.k.volume.lots += trade.qty.lots;
        c.quote += quote;
        if (takerBuy) {
            c.k.takerBuyVolume.lots += trade.qty.lots;
            c.takerBuyQuote += quote;
        }
        c.k.tradeCount += trade.aggregated ? static_cast<std::int64_t>(lastId - firstId + 1) : 1;
        c.dirty = true;
        if (trade.eventTimeMs >= c.lastPushMs + kKlinePushMs) {
            pushKline(c, trade.eventTimeMs, sink);
        }
    }
}

void DerivedStreams::flushAggTrade(const StreamSink& sink) {
    if (m_agg) {
        sink(StreamKind::AggTrade, {}, tradeJson(*m_agg, m_spec, m_options.shiftMs),
             MarketValues{&*m_agg, nullptr});
        m_agg.reset();
    }
}

void DerivedStreams::pushKline(Candle& c, std::int64_t nowMs, const StreamSink& sink) {
    c.k.closed = nowMs > c.k.closeTimeMs;
    c.k.eventTimeMs = nowMs;
    c.k.quoteVolume = m_spec.toFixed8(c.quote);
    c.k.takerBuyQuoteVolume = m_spec.toFixed8(c.takerBuyQuote);
    sink(StreamKind::Kline, c.stream, klineJson(c.k, m_spec, m_options.shiftMs), {});
    c.lastPushMs = nowMs;
    c.dirty = false;
    if (c.k.closed) {
        c.open = false;
    }
}

void DerivedStreams::onTime(std::int64_t nowMs, const core::OrderBook& book,
                            const StreamSink& sink) {
    for (Candle& c : m_candles) {
        if (c.open &&
            (nowMs > c.k.closeTimeMs || (c.dirty && nowMs >= c.lastPushMs + kKlinePushMs))) {
            pushKline(c, nowMs, sink);
        }
    }
    if (!m_options.markPrices) {
        return;
    }
    const std::int64_t shift = m_options.shiftMs; // whole seconds in the times clients see
    if (m_nextMarkMs == 0) {
        m_nextMarkMs = floorTo(nowMs + shift, 1000) - shift + 1000;
        return;
    }
    if (nowMs < m_nextMarkMs) {
        return;
    }
    const auto bid = book.bestBid();
    const auto ask = book.bestAsk();
    const std::int64_t second = floorTo(nowMs + shift, 1000) - shift;
    m_nextMarkMs = second + 1000;
    if (!bid || !ask) {
        return;
    }
    std::int64_t unitE8 = m_spec.priceGrid.step; // one tick in 10^-8
    for (int d = m_spec.priceGrid.decimals; d < core::Fixed8::kDecimals; ++d) {
        unitE8 *= 10;
    }
    core::MarkPriceUpdate m;
    m.eventTimeMs = second;
    m.markPrice.e8 = (bid->price.ticks + ask->price.ticks) * unitE8 / 2;
    m.indexPrice = m.markPrice;
    m.estimatedSettlePrice = m.markPrice;
    m.fundingRate.e8 = 10'000; // 0.0001
    const std::int64_t period = m_options.fundingIntervalMs;
    m.nextFundingTimeMs = floorTo(second + shift, period) - shift + period;
    const std::string payload = markPriceJson(m, m_spec, m_options.shiftMs);
    sink(StreamKind::MarkPrice, "markPrice@1s", payload, MarketValues{nullptr, &m});
    if (((second + shift) / 1000) % 3 == 0) {
        sink(StreamKind::MarkPrice, "markPrice", payload, MarketValues{nullptr, &m});
    }
}

} // namespace hoga::sim
