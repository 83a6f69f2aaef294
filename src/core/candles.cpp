#include "candles.h"

#include <charconv>

namespace hoga::core {

std::optional<double> Candle::vwapTicks() const {
    if (volume.lots == 0) {
        return std::nullopt;
    }
    return static_cast<double>(quoteVolume.units) / static_cast<double>(volume.lots);
}

std::optional<std::int64_t> parseCandleInterval(std::string_view text) {
    if (text.size() < 2) {
        return std::nullopt;
    }
    const char unit = text.back();
    std::int64_t count = 0;
    const auto digits = text.substr(0, text.size() - 1);
    const auto [end, ec] = std::from_chars(digits.data(), digits.data() + digits.size(), count);
    if (ec != std::errc{} || end != digits.data() + digits.size() || count <= 0 || count > 3600) {
        return std::nullopt;
    }
    std::int64_t ms = 0;
    switch (unit) {
    case 's':
        ms = count * 1000;
        break;
    case 'm':
        ms = count * 60'000;
        break;
    case 'h':
        ms = count * 3'600'000;
        break;
    default:
        return std::nullopt;
    }
    if (ms < 1000 || ms > 3'600'000) {
        return std::nullopt;
    }
    return ms;
}

std::string formatCandleInterval(std::int64_t intervalMs) {
    if (intervalMs % 3'600'000 == 0) {
        return std::to_string(intervalMs / 3'600'000) + "h";
    }
    if (intervalMs % 60'000 == 0) {
        return std::to_string(intervalMs / 60'000) + "m";
    }
    return std::to_string(intervalMs / 1000) + "s";
}

CandleAggregator::CandleAggregator(std::int64_t intervalMs, std::size_t keepClosed)
    : m_intervalMs(intervalMs > 0 ? intervalMs : 1000), m_closed(keepClosed) {}

std::int64_t CandleAggregator::alignDown(std::int64_t timeMs) const {
    std::int64_t q = timeMs / m_intervalMs;
    if (timeMs % m_intervalMs < 0) {
        --q;
    }
    return q * m_intervalMs;
}

void CandleAggregator::startCandle(std::int64_t openTimeMs, Price carryClose) {
    Candle c;
    c.openTimeMs = openTimeMs;
    c.intervalMs = m_intervalMs;
    c.open = c.high = c.low = c.close = carryClose;
    m_current = c;
}

void CandleAggregator::closeCurrent() {
    const Candle& c = *m_current;
    ++m_counters.closed;
    if (!c.hasTrades()) {
        ++m_counters.emptyClosed;
    }
    m_closed.push(c);
    if (m_onClosed) {
        m_onClosed(c);
    }
}

void CandleAggregator::advanceTo(std::int64_t timeMs) {
    if (!m_current) {
        return; // nothing to carry before the first trade
    }
    while (m_current->closeTimeMs() <= timeMs) {
        const Price carry = m_current->close;
        std::int64_t nextOpen = m_current->closeTimeMs();
        closeCurrent();
        // A long silence (a paused recording, a dead feed) would produce more empty candles than
        // the ring keeps: count the ones beyond its memory instead of materialising them.
        const std::int64_t wholeEmpty = (alignDown(timeMs) - nextOpen) / m_intervalMs;
        const auto keep = static_cast<std::int64_t>(m_closed.capacity());
        if (wholeEmpty > keep) {
            const std::int64_t skipped = wholeEmpty - keep;
            m_counters.closed += skipped;
            m_counters.emptyClosed += skipped;
            nextOpen += skipped * m_intervalMs;
        }
        startCandle(nextOpen, carry);
    }
}

void CandleAggregator::addTrade(const Trade& trade) {
    const std::int64_t timeMs = trade.eventTimeMs != 0 ? trade.eventTimeMs : trade.tradeTimeMs;
    if (!m_current) {
        startCandle(alignDown(timeMs), trade.price);
    } else {
        advanceTo(timeMs);
        if (timeMs < m_current->openTimeMs) {
            ++m_counters.lateTrades; // volume is never dropped: it lands in the open candle
        }
    }
    Candle& c = *m_current;
    if (c.tradeCount == 0) {
        c.open = c.high = c.low = trade.price;
    } else {
        if (trade.price > c.high) {
            c.high = trade.price;
        }
        if (trade.price < c.low) {
            c.low = trade.price;
        }
    }
    c.close = trade.price;
    c.volume += trade.qty;
    if (trade.takerSide() == Side::Buy) {
        c.takerBuyVolume += trade.qty;
    } else {
        c.takerSellVolume += trade.qty;
    }
    const Notional n = notionalOf(trade.price, trade.qty);
    c.quoteVolume += n;
    ++c.tradeCount;

    ++m_counters.trades;
    m_counters.volume += trade.qty;
    m_counters.quoteVolume += n;
}

} // namespace hoga::core
