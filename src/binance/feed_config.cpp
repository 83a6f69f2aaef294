#include "feed_config.h"

#include <QStringList>

namespace hoga::binance {

namespace {

QUrl streamUrl(const QUrl& base, const QString& prefix, const QStringList& streams) {
    QUrl url = base;
    QString path = base.path();
    while (path.endsWith(QLatin1Char('/'))) {
        path.chop(1);
    }
    url.setPath(path + prefix + QStringLiteral("/stream"));
    url.setQuery(QStringLiteral("streams=") + streams.join(QLatin1Char('/')));
    return url;
}

} // namespace

std::vector<FeedRoute> feedRoutes(const FeedConfig& config) {
    const QString s = config.symbol.toLower();
    QStringList book;
    book << (config.depthSpeed == QStringLiteral("250ms") || config.depthSpeed.isEmpty()
                 ? s + QStringLiteral("@depth")
                 : s + QStringLiteral("@depth@") + config.depthSpeed);
    if (config.bookTicker) {
        book << s + QStringLiteral("@bookTicker");
    }
    QStringList market;
    market << s + (config.trades == TradeStream::Trade ? QStringLiteral("@trade")
                                                       : QStringLiteral("@aggTrade"));
    if (config.markPrice) {
        market << s + QStringLiteral("@markPrice@1s");
    }
    std::vector<FeedRoute> routes;
    if (config.layout == EndpointLayout::Legacy) {
        routes.push_back(
            {QStringLiteral("all"), streamUrl(config.wsBase, {}, book + market), true, true});
    } else {
        routes.push_back({QStringLiteral("public"),
                          streamUrl(config.wsBase, QStringLiteral("/public"), book), true, false});
        routes.push_back({QStringLiteral("market"),
                          streamUrl(config.wsBase, QStringLiteral("/market"), market), false,
                          true});
    }
    return routes;
}

} // namespace hoga::binance
