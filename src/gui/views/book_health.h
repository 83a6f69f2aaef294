#pragma once

// What the book-health light shows: green when the book is proven in sync and every feed route is
// connected (entries allowed), amber while that is being established (waiting for the snapshot,
// bridging, connecting), red when it was lost (gap or crossed book → resync, stale or
// disconnected route, feed stopped). The detail is the engine's own reason, for the tooltip.

#include "live/station_snapshot.h"

#include <QColor>
#include <QCoreApplication>
#include <QString>

namespace hoga::gui {

struct BookHealth {
    Q_DECLARE_TR_FUNCTIONS(hoga::gui::BookHealth)

public:
    enum class Level { Good, Pending, Bad };
    Level level = Level::Pending;
    QString label;  // short: "In sync · Connected"
    QString detail; // the book's reason and the feed's detail

    [[nodiscard]] QColor color() const;
    static BookHealth of(const live::StationSnapshot& snapshot);
    static QString syncStateLabel(binance::SyncState state);
    static QString feedHealthLabel(binance::FeedHealth health);
};

} // namespace hoga::gui
