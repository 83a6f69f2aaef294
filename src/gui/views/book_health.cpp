#include "gui/views/book_health.h"

namespace hoga::gui {

QColor BookHealth::color() const {
    switch (level) {
    case Level::Good:
        return {0x26, 0xc2, 0x81};
    case Level::Pending:
        return {0xff, 0xb3, 0x00};
    case Level::Bad:
        break;
    }
    return {0xef, 0x35, 0x35};
}

QString BookHealth::syncStateLabel(binance::SyncState state) {
    switch (state) {
    case binance::SyncState::WaitingForSnapshot:
        return tr("Waiting for snapshot");
    case binance::SyncState::Bridging:
        return tr("Bridging");
    case binance::SyncState::Live:
        return tr("In sync");
    case binance::SyncState::Resyncing:
        break;
    }
    return tr("Resyncing");
}

QString BookHealth::feedHealthLabel(binance::FeedHealth health) {
    switch (health) {
    case binance::FeedHealth::Connected:
        return tr("Connected");
    case binance::FeedHealth::Connecting:
        return tr("Connecting");
    case binance::FeedHealth::Stale:
        return tr("Stale");
    case binance::FeedHealth::Disconnected:
        return tr("Disconnected");
    case binance::FeedHealth::Stopped:
        break;
    }
    return tr("Stopped");
}

BookHealth BookHealth::of(const live::StationSnapshot& s) {
    using binance::FeedHealth;
    using binance::SyncState;
    BookHealth h;
    const bool lost = s.syncState == SyncState::Resyncing || s.feedHealth == FeedHealth::Stale ||
                      s.feedHealth == FeedHealth::Disconnected ||
                      s.feedHealth == FeedHealth::Stopped;
    const bool pending = s.syncState == SyncState::WaitingForSnapshot ||
                         s.syncState == SyncState::Bridging ||
                         s.feedHealth == FeedHealth::Connecting;
    if (lost) {
        h.level = Level::Bad;
    } else if (pending) {
        h.level = Level::Pending;
    } else {
        // Live and connected, yet not verified (a crossed book): entries are blocked, so red.
        h.level = s.entriesAllowed ? Level::Good : Level::Bad;
    }
    h.label = tr("%1 · %2").arg(syncStateLabel(s.syncState), feedHealthLabel(s.feedHealth));
    const auto line = [](const QString& what, const QString& state, const std::string& why) {
        return why.empty() ? tr("%1: %2").arg(what, state)
                           : tr("%1: %2 — %3").arg(what, state, QString::fromStdString(why));
    };
    h.detail = line(tr("Book"), syncStateLabel(s.syncState), s.syncReason) + QLatin1Char('\n') +
               line(tr("Feed"), feedHealthLabel(s.feedHealth), s.feedDetail);
    if (!s.entriesAllowed) {
        h.detail += QLatin1Char('\n') + tr("New entries are blocked until the book is verified.");
    }
    return h;
}

} // namespace hoga::gui
