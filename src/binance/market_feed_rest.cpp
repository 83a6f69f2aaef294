// MarketFeed's REST half: depth snapshots on the engine's request, the server clock offset, and
// the exchange-to-receive lag measured with it.
#include "market_feed.h"
#include "market_feed_support.h"

#include "binance/rest_client.h"
#include "platform/logging.h"

#include <QJsonDocument>
#include <QJsonObject>

namespace hoga::binance {

using feedclock::steadyMs;
using feedclock::steadyNs;
using feedclock::wallNs;

void MarketFeed::requestSnapshot() {
    QMetaObject::invokeMethod(
        this,
        [this] {
            if (m_snapshotInFlight) {
                m_snapshotAgain = true;
            } else {
                m_snapshotWanted = true;
                maybeFetchSnapshot();
            }
        },
        Qt::QueuedConnection);
}

void MarketFeed::maybeFetchSnapshot() {
    if (!m_running || !m_snapshotWanted || m_snapshotInFlight ||
        steadyMs() < m_snapshotNotBeforeMs) {
        return;
    }
    // Only once diffs are arriving: the ones that bracket the snapshot must be in the buffer.
    if (!depthDiffsArriving()) {
        return;
    }
    m_snapshotWanted = false;
    m_snapshotInFlight = true;
    FeedStats::add(m_stats.snapshotRequests);
    m_rest->get(
        QStringLiteral("/fapi/v1/depth"),
        QStringLiteral("symbol=%1&limit=%2").arg(m_config.symbol).arg(m_config.snapshotLimit),
        [this](RestResult result) { onSnapshotAnswer(std::move(result)); });
}

void MarketFeed::onSnapshotAnswer(RestResult result) {
    m_snapshotInFlight = false;
    if (!m_running) {
        return;
    }
    QString problem;
    if (result.ok()) {
        const std::string body = result.body.toStdString();
        if (m_parser.parse(body) == MessageType::Snapshot) {
            const core::DepthSnapshot& snapshot = m_parser.snapshot();
            const std::int64_t wall = result.receivedWallMs * 1'000'000;
            push(FeedEvent::Kind::Snapshot, steadyNs(), wall,
                 [&snapshot](FeedEvent& e) { e.snapshot = snapshot; });
            FeedStats::add(m_stats.snapshotsDelivered);
            m_snapshotBackoff.succeeded(steadyMs());
            if (m_tap) {
                m_tap(wallNs(), body);
            }
            m_log->info("depth snapshot lastUpdateId={} ({} bids, {} asks)", snapshot.lastUpdateId,
                        snapshot.bids.size(), snapshot.asks.size());
            if (m_snapshotAgain) {
                m_snapshotAgain = false;
                m_snapshotWanted = true;
                maybeFetchSnapshot();
            }
            return;
        }
        problem = QStringLiteral("unusable depth snapshot: %1")
                      .arg(QString::fromStdString(m_parser.detail()));
    } else {
        problem = QStringLiteral("depth snapshot failed: %1 (HTTP %2, code %3: %4)")
                      .arg(restOutcomeName(result.outcome))
                      .arg(result.httpStatus)
                      .arg(result.binanceCode)
                      .arg(result.message);
    }
    FeedStats::add(m_stats.snapshotFailures);
    if (result.outcome == RestResult::Outcome::RateLimited ||
        result.outcome == RestResult::Outcome::Banned) {
        FeedStats::add(m_stats.rateLimited);
        // Without a Retry-After, a ban gets a minute: the docs say bans start at 2 minutes.
        const std::int64_t floor = result.retryAfterMs > 0 ? result.retryAfterMs
                                   : result.outcome == RestResult::Outcome::Banned ? 120000
                                                                                   : 10000;
        m_snapshotBackoff.atLeast(floor);
    }
    const std::int64_t delay = m_snapshotBackoff.nextDelayMs(steadyMs());
    m_snapshotNotBeforeMs = steadyMs() + delay;
    m_snapshotWanted = true;
    m_log->warn("{}; retrying in {} ms", problem.toStdString(), delay);
}

void MarketFeed::syncClock() {
    m_clockInFlight = true;
    m_rest->get(QStringLiteral("/fapi/v1/time"), QString(), [this](RestResult result) {
        m_clockInFlight = false;
        const std::int64_t now = steadyMs();
        const qint64 serverTime = result.ok() ? QJsonDocument::fromJson(result.body)
                                                    .object()
                                                    .value(QStringLiteral("serverTime"))
                                                    .toInteger()
                                              : 0;
        if (serverTime > 0 &&
            m_clock.addSample(result.sentWallMs, result.receivedWallMs, serverTime)) {
            m_clockBackoff.succeeded(now);
            m_nextClockSyncMs = now + m_config.clockSyncIntervalMs;
            FeedStats::add(m_stats.clockSamples);
            m_stats.clockOffsetMs = m_clock.offsetMs();
            m_stats.clockRttMs = m_clock.best() ? m_clock.best()->rttMs : 0;
            return;
        }
        if (result.outcome == RestResult::Outcome::RateLimited ||
            result.outcome == RestResult::Outcome::Banned) {
            FeedStats::add(m_stats.rateLimited);
            m_clockBackoff.atLeast(std::max<std::int64_t>(result.retryAfterMs, 10000));
        }
        const std::int64_t delay = m_clockBackoff.nextDelayMs(now);
        m_nextClockSyncMs = now + delay;
        m_log->warn("server time request failed: {} (HTTP {}): {}; retrying in {} ms",
                    restOutcomeName(result.outcome).toStdString(), result.httpStatus,
                    result.message.toStdString(), delay);
    });
}

void MarketFeed::noteExchangeTime(std::int64_t wall, std::int64_t eventTimeMs) {
    if (!m_clock.hasEstimate() || eventTimeMs <= 0) {
        return;
    }
    // In the exchange's clock, when we received it, minus when it happened. The offset is only
    // known to ± half a round trip, so a small negative lag reads as 0.
    const std::int64_t lag = wall + m_clock.offsetMs() * 1'000'000 - eventTimeMs * 1'000'000;
    m_exchangeLag.record(std::max<std::int64_t>(lag, 0));
}

} // namespace hoga::binance
