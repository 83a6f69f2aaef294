#include "market_feed.h"
#include "market_feed_support.h"

#include "binance/rest_client.h"
#include "platform/logging.h"

#include <QStringEncoder>

#include <QtWebSockets/QWebSocket>

namespace hoga::binance {

using feedclock::steadyMs;
using feedclock::steadyNs;
using feedclock::wallNs;

namespace {

constexpr std::size_t kMaxHeldFrames = 50000; // a rotation that holds more is abandoned
constexpr std::int64_t kConnectTimeoutMs = 10000;
constexpr std::int64_t kRotationRetryMs = 60000;

// Logs the 1st, 10th, 100th … occurrence: a flood of bad frames must not flood the log.
bool logThisOne(std::int64_t n) {
    while (n >= 10 && n % 10 == 0) {
        n /= 10;
    }
    return n == 1;
}

constexpr std::size_t kFramePaddingBytes = 64; // simdjson's SIMDJSON_PADDING

} // namespace

struct MarketFeed::Connection {
    struct Held {
        std::int64_t steadyNs;
        std::int64_t wallNs;
        std::string frame;
    };
    std::unique_ptr<QWebSocket> socket;
    bool open = false;
    bool closing = false; // closed by us: its disconnect is not a failure
    std::int64_t createdMs = 0;
    std::int64_t openedMs = 0;
    std::int64_t lastFrameNs = 0;
    std::int64_t lastPingMs = 0;
    std::int64_t pingSentNs = 0;
    // Rotation: frames held until the old connection has caught up, and the first id of each
    // critical stream (depth: pu of its first diff; trades: first id − 1).
    std::deque<Held> held;
    std::array<std::uint64_t, 2> firstId{};
    std::array<bool, 2> seen{};
};

// Closes a connection we no longer want. Deleted later: this may run inside one of its own
// signals.
void MarketFeed::retire(std::unique_ptr<Connection>& slot, bool abort) {
    if (!slot) {
        return;
    }
    slot->closing = true;
    slot->socket->disconnect(this);
    if (abort) {
        slot->socket->abort();
    } else {
        slot->socket->close(QWebSocketProtocol::CloseCodeNormal,
                            QStringLiteral("closed by client"));
    }
    slot->socket.release()->deleteLater();
    slot.reset();
}

struct MarketFeed::Route {
    FeedRoute spec;
    std::unique_ptr<Connection> primary;
    std::unique_ptr<Connection> incoming;
    ReconnectBackoff backoff;
    QTimer reconnectTimer;
    FeedHealth health = FeedHealth::Connecting;
    bool everConnected = false;
    bool depthSinceOpen = false;
    std::int64_t rotationRetryAtMs = 0;
    explicit Route(FeedRoute s, BackoffPolicy policy, std::uint64_t seed)
        : spec(std::move(s)), backoff(policy, seed) {
        reconnectTimer.setSingleShot(true);
    }
};

MarketFeed::MarketFeed(FeedConfig config, core::InstrumentSpec instrument, FeedEventQueue& queue,
                       QObject* parent)
    : QObject(parent), m_config(std::move(config)), m_queue(queue), m_parser(std::move(instrument)),
      m_rest(std::make_unique<RestClient>(m_config.restBase)),
      m_snapshotBackoff(m_config.restBackoff, 7), m_clockBackoff(m_config.restBackoff, 11),
      m_log(platform::logger("feed")) {
    std::uint64_t seed = 1;
    for (FeedRoute& spec : feedRoutes(m_config)) {
        auto route = std::make_unique<Route>(std::move(spec), m_config.reconnect, seed++);
        Route* r = route.get();
        route->reconnectTimer.setParent(this);
        connect(&route->reconnectTimer, &QTimer::timeout, this, [this, r] {
            if (m_running) {
                openConnection(*r, false);
            }
        });
        m_routes.push_back(std::move(route));
    }
    // Timers as children: moveToThread() then takes them along with the feed.
    m_tick.setParent(this);
    connect(&m_tick, &QTimer::timeout, this, &MarketFeed::tick);
}

MarketFeed::~MarketFeed() {
    stop();
}

void MarketFeed::start() {
    if (m_running) {
        return;
    }
    m_running = true;
    for (auto& route : m_routes) {
        openConnection(*route, false);
    }
    syncClock();
    m_tick.start(static_cast<int>(m_config.tickMs));
}

void MarketFeed::stop() {
    if (!m_running) {
        return;
    }
    m_running = false;
    m_tick.stop();
    for (auto& route : m_routes) {
        route->reconnectTimer.stop();
        retire(route->primary, false);
        retire(route->incoming, false);
        route->health = FeedHealth::Stopped;
    }
    m_health = FeedHealth::Stopped;
    pushHealth(FeedHealth::Stopped, QStringLiteral("feed stopped"), false);
}

bool MarketFeed::depthDiffsArriving() const {
    for (const auto& route : m_routes) {
        if (route->spec.carriesDepth) {
            return route->primary && route->primary->open && route->depthSinceOpen;
        }
    }
    return false;
}

void MarketFeed::openConnection(Route& route, bool incoming) {
    auto connection = std::make_unique<Connection>();
    connection->socket = std::make_unique<QWebSocket>();
    connection->createdMs = steadyMs();
    Connection* c = connection.get();
    QWebSocket* socket = c->socket.get();
    Route* r = &route;
    connect(socket, &QWebSocket::connected, this, [this, r, c] { onConnected(*r, c); });
    connect(socket, &QWebSocket::disconnected, this, [this, r, c] { onDisconnected(*r, c); });
    connect(socket, &QWebSocket::textMessageReceived, this,
            [this, r, c](const QString& text) { onText(*r, c, text); });
    connect(socket, &QWebSocket::pong, this, [this, c](quint64, const QByteArray&) {
        if (c->pingSentNs > 0) {
            m_stats.pingRttUs = (steadyNs() - c->pingSentNs) / 1000;
        }
    });
    if (incoming) {
        route.incoming = std::move(connection);
        m_log->info("{} route: opening a new connection to rotate the old one",
                    route.spec.name.toStdString());
    } else {
        route.primary = std::move(connection);
        route.depthSinceOpen = false;
        if (route.health != FeedHealth::Stale && route.health != FeedHealth::Disconnected) {
            route.health = FeedHealth::Connecting;
        }
        m_log->info("{} route: connecting to {}", route.spec.name.toStdString(),
                    route.spec.url.toString().toStdString());
    }
    socket->open(route.spec.url);
}

void MarketFeed::onConnected(Route& route, Connection* connection) {
    connection->open = true;
    connection->openedMs = steadyMs();
    connection->lastFrameNs = steadyNs();
    connection->lastPingMs = connection->openedMs;
    FeedStats::add(m_stats.connects);
    if (connection == route.incoming.get()) {
        return;
    }
    if (route.everConnected) {
        FeedStats::add(m_stats.reconnects);
    }
    route.everConnected = true;
    route.backoff.succeeded(steadyMs());
    route.health = FeedHealth::Connected;
    m_log->info("{} route: connected", route.spec.name.toStdString());
    updateHealth(route.spec.name + QStringLiteral(" route connected"), false);
}

void MarketFeed::onDisconnected(Route& route, Connection* connection) {
    if (connection->closing || !m_running) {
        return;
    }
    const QString why = QStringLiteral("%1 route: connection lost (close code %2%3%4)")
                            .arg(route.spec.name)
                            .arg(static_cast<int>(connection->socket->closeCode()))
                            .arg(connection->socket->closeReason().isEmpty()
                                     ? QString()
                                     : QStringLiteral(", ") + connection->socket->closeReason())
                            .arg(connection->socket->error() == QAbstractSocket::UnknownSocketError
                                     ? QString()
                                     : QStringLiteral(", ") + connection->socket->errorString());
    if (connection == route.incoming.get()) {
        m_log->warn("{} (the rotation's new connection); trying again later", why.toStdString());
        retire(route.incoming, true);
        route.rotationRetryAtMs = steadyMs() + kRotationRetryMs;
        return;
    }
    FeedStats::add(m_stats.disconnects);
    if (route.incoming && route.incoming->open) {
        // The rotation's connection is already up: take it over instead of reconnecting.
        m_log->warn("{}; switching to the rotation's connection", why.toStdString());
        promote(route, true);
        return;
    }
    m_log->warn("{}", why.toStdString());
    route.health = FeedHealth::Disconnected;
    restartRoute(route, why);
}

void MarketFeed::restartRoute(Route& route, const QString& why) {
    retire(route.primary, true);
    retire(route.incoming, true);
    route.depthSinceOpen = false;
    forgetBaselines(route);
    updateHealth(why, route.spec.carriesDepth);
    scheduleReconnect(route);
}

void MarketFeed::scheduleReconnect(Route& route) {
    const std::int64_t delay = route.backoff.nextDelayMs(steadyMs());
    m_log->info("{} route: reconnecting in {} ms", route.spec.name.toStdString(), delay);
    route.reconnectTimer.start(static_cast<int>(delay));
}

void MarketFeed::forgetBaselines(const Route& route) {
    // A new connection's streams start wherever the exchange is now; ids from before say
    // nothing about them (and a restarted server may even count from lower ids).
    if (route.spec.carriesDepth) {
        m_lastDepthU = 0;
        m_lastTickerU = 0;
    }
    if (route.spec.carriesTrades) {
        m_lastTradeId = 0;
        m_lastAggId = 0;
        m_lastMarkE = 0;
    }
}

void MarketFeed::onText(Route& route, Connection* connection, const QString& text) {
    const std::int64_t steady = steadyNs();
    const std::int64_t wall = wallNs();
    connection->lastFrameNs = steady;
    FeedStats::add(m_stats.frames);
    // UTF-16 → UTF-8 into a reused buffer with simdjson's padding: no allocation per frame.
    QStringEncoder encoder(QStringEncoder::Utf8);
    const auto needed = static_cast<std::size_t>(encoder.requiredSpace(text.size()));
    if (m_utf8.size() < needed + kFramePaddingBytes) {
        m_utf8.resize(needed + kFramePaddingBytes);
    }
    char* end = encoder.appendToBuffer(m_utf8.data(), text);
    const auto size = static_cast<std::size_t>(end - m_utf8.data());
    const std::string_view frame(m_utf8.data(), size);
    if (connection == route.incoming.get()) {
        holdForRotation(route, *connection, steady, wall, frame, m_utf8.size());
        return;
    }
    handleFrame(route, steady, wall, frame, m_utf8.size(), false);
    if (route.incoming) {
        checkRotation(route);
    }
}

void MarketFeed::handleFrame(Route& route, std::int64_t steady, std::int64_t wall,
                             std::string_view frame, std::size_t capacity, bool replayed) {
    (void)replayed;
    const MessageType type = m_parser.parse(frame, capacity);
    const auto count = [&](StreamId id) {
        FeedStats::add(m_stats.messages[static_cast<std::size_t>(id)]);
        FeedStats::add(m_stats.bytes[static_cast<std::size_t>(id)],
                       static_cast<std::int64_t>(frame.size()));
    };
    const auto duplicate = [&] { FeedStats::add(m_stats.duplicatesDropped); };
    switch (type) {
    case MessageType::DepthUpdate: {
        count(StreamId::Depth);
        const core::DepthUpdate& d = m_parser.depthUpdate();
        if (m_lastDepthU != 0 && d.finalUpdateId <= m_lastDepthU) {
            return duplicate();
        }
        m_lastDepthU = d.finalUpdateId;
        noteExchangeTime(wall, d.eventTimeMs);
        push(FeedEvent::Kind::Depth, steady, wall, [&d](FeedEvent& e) { e.depth = d; });
        if (!route.depthSinceOpen) {
            route.depthSinceOpen = true;
            maybeFetchSnapshot();
        }
        break;
    }
    case MessageType::Trade:
    case MessageType::AggTrade: {
        const bool agg = type == MessageType::AggTrade;
        count(agg ? StreamId::AggTrade : StreamId::Trade);
        const core::Trade& t = m_parser.trade();
        std::uint64_t& last = agg ? m_lastAggId : m_lastTradeId;
        if (last != 0 && t.id <= last) {
            return duplicate();
        }
        last = t.id;
        noteExchangeTime(wall, t.eventTimeMs);
        push(FeedEvent::Kind::Trade, steady, wall, [&t](FeedEvent& e) { e.trade = t; });
        break;
    }
    case MessageType::BookTicker: {
        count(StreamId::BookTicker);
        const core::BookTicker& b = m_parser.bookTicker();
        if (m_lastTickerU != 0 && b.updateId <= m_lastTickerU) {
            return duplicate();
        }
        m_lastTickerU = b.updateId;
        push(FeedEvent::Kind::Ticker, steady, wall, [&b](FeedEvent& e) { e.ticker = b; });
        break;
    }
    case MessageType::MarkPrice: {
        count(StreamId::MarkPrice);
        const core::MarkPriceUpdate& m = m_parser.markPrice();
        if (m_lastMarkE != 0 && m.eventTimeMs <= m_lastMarkE) {
            return duplicate();
        }
        m_lastMarkE = m.eventTimeMs;
        push(FeedEvent::Kind::Mark, steady, wall, [&m](FeedEvent& e) { e.mark = m; });
        break;
    }
    case MessageType::Malformed: {
        FeedStats::add(m_stats.malformed);
        const std::int64_t n = m_stats.malformed.load(std::memory_order_relaxed);
        if (logThisOne(n)) {
            m_log->warn("{} route: malformed frame #{} ({}): {}", route.spec.name.toStdString(), n,
                        m_parser.detail(), platform::truncateForLog(frame));
        }
        return;
    }
    case MessageType::Kline:
    case MessageType::Snapshot:
    case MessageType::Unknown:
    case MessageType::OtherSymbol:
        count(StreamId::Other);
        return; // replies to SUBSCRIBE and the like
    }
    if (m_tap) {
        m_tap(wall, frame);
    }
}

void MarketFeed::holdForRotation(Route& route, Connection& incoming, std::int64_t steady,
                                 std::int64_t wall, std::string_view frame, std::size_t capacity) {
    if (incoming.held.size() >= kMaxHeldFrames) {
        m_log->warn("{} route: the rotation's connection never caught up ({} frames held); "
                    "abandoning it",
                    route.spec.name.toStdString(), incoming.held.size());
        retire(route.incoming, false);
        route.rotationRetryAtMs = steadyMs() + kRotationRetryMs;
        return;
    }
    const MessageType type = m_parser.parse(frame, capacity);
    const bool agg = m_config.trades == TradeStream::AggTrade;
    const auto depthSlot = static_cast<std::size_t>(Critical::Depth);
    const auto tradeSlot = static_cast<std::size_t>(Critical::Trades);
    if (type == MessageType::DepthUpdate && !incoming.seen[depthSlot]) {
        incoming.seen[depthSlot] = true;
        incoming.firstId[depthSlot] = m_parser.depthUpdate().prevFinalUpdateId;
    } else if ((type == (agg ? MessageType::AggTrade : MessageType::Trade)) &&
               !incoming.seen[tradeSlot]) {
        incoming.seen[tradeSlot] = true;
        incoming.firstId[tradeSlot] = m_parser.trade().id - 1;
    }
    incoming.held.push_back({steady, wall, std::string(frame)});
    checkRotation(route);
}

void MarketFeed::checkRotation(Route& route) {
    Connection* incoming = route.incoming.get();
    if (!incoming || !incoming->open) {
        return;
    }
    // The old connection must have delivered everything before the new one's first event of
    // every stream that cannot lose events.
    const auto depthSlot = static_cast<std::size_t>(Critical::Depth);
    const auto tradeSlot = static_cast<std::size_t>(Critical::Trades);
    if (route.spec.carriesDepth &&
        !(incoming->seen[depthSlot] && m_lastDepthU >= incoming->firstId[depthSlot])) {
        return;
    }
    const std::uint64_t lastTrade =
        m_config.trades == TradeStream::AggTrade ? m_lastAggId : m_lastTradeId;
    if (route.spec.carriesTrades &&
        !(incoming->seen[tradeSlot] && lastTrade >= incoming->firstId[tradeSlot])) {
        return;
    }
    promote(route, false);
}

void MarketFeed::promote(Route& route, bool forced) {
    FeedStats::add(forced ? m_stats.rotationsForced : m_stats.rotations);
    std::unique_ptr<Connection> old = std::move(route.primary);
    route.primary = std::move(route.incoming);
    retire(old, false);
    m_log->info("{} route: rotated to the new connection ({} frames held{})",
                route.spec.name.toStdString(), route.primary->held.size(),
                forced ? ", forced" : "");
    // Replay what the new connection delivered while the old one caught up; de-duplication
    // drops what the old one already forwarded.
    std::deque<Connection::Held> held = std::move(route.primary->held);
    route.primary->held.clear();
    for (const Connection::Held& h : held) {
        if (m_utf8.size() < h.frame.size() + kFramePaddingBytes) {
            m_utf8.resize(h.frame.size() + kFramePaddingBytes);
        }
        std::copy(h.frame.begin(), h.frame.end(), m_utf8.begin());
        handleFrame(route, h.steadyNs, h.wallNs, std::string_view(m_utf8.data(), h.frame.size()),
                    m_utf8.size(), true);
    }
    route.health = route.primary->open ? FeedHealth::Connected : FeedHealth::Connecting;
    updateHealth(route.spec.name + QStringLiteral(" route rotated"), false);
}

void MarketFeed::tick() {
    const std::int64_t nowNs = steadyNs();
    const std::int64_t nowMs = nowNs / 1'000'000;
    for (auto& routePtr : m_routes) {
        Route& route = *routePtr;
        Connection* c = route.primary.get();
        if (c && !c->open && nowMs - c->createdMs > kConnectTimeoutMs) {
            route.health = FeedHealth::Disconnected;
            FeedStats::add(m_stats.disconnects);
            restartRoute(route, route.spec.name + QStringLiteral(" route: connect timed out"));
            continue;
        }
        if (c && c->open && nowNs - c->lastFrameNs > m_config.staleAfterMs * 1'000'000) {
            FeedStats::add(m_stats.staleReconnects);
            const QString why = QStringLiteral("%1 route: no frame for %2 ms (stale)")
                                    .arg(route.spec.name)
                                    .arg((nowNs - c->lastFrameNs) / 1'000'000);
            m_log->warn("{}; reconnecting", why.toStdString());
            route.health = FeedHealth::Stale;
            restartRoute(route, why);
            continue;
        }
        if (c && c->open && nowMs - c->lastPingMs >= m_config.pingIntervalMs) {
            c->lastPingMs = nowMs;
            c->pingSentNs = nowNs;
            c->socket->ping();
        }
        if (c && c->open && !route.incoming && nowMs - c->openedMs >= m_config.rotateAfterMs &&
            nowMs >= route.rotationRetryAtMs) {
            openConnection(route, true);
        } else if (Connection* in = route.incoming.get();
                   in && nowMs - in->createdMs > m_config.rotationTimeoutMs) {
            if (in->open) {
                m_log->warn("{} route: the new connection did not catch up within {} ms",
                            route.spec.name.toStdString(), m_config.rotationTimeoutMs);
                promote(route, true);
            } else {
                retire(route.incoming, true);
                route.rotationRetryAtMs = nowMs + kRotationRetryMs;
            }
        }
    }
    if (!m_clockInFlight && nowMs >= m_nextClockSyncMs) {
        syncClock();
    }
    maybeFetchSnapshot();
}

void MarketFeed::updateHealth(const QString& detail, bool restarted) {
    FeedHealth worst = FeedHealth::Connected;
    for (const auto& route : m_routes) {
        worst = std::max(worst, route->health);
    }
    const FeedHealth before = m_health.load(std::memory_order_relaxed);
    if (worst == before && !restarted) {
        return;
    }
    m_health = worst;
    pushHealth(worst, detail, restarted);
    Q_EMIT healthChanged(worst, detail);
}

void MarketFeed::pushHealth(FeedHealth health, const QString& detail, bool restarted) {
    push(FeedEvent::Kind::Health, steadyNs(), wallNs(), [&](FeedEvent& e) {
        e.health = health;
        e.depthRestarted = restarted;
        e.detail = detail.toStdString();
    });
}

} // namespace hoga::binance
