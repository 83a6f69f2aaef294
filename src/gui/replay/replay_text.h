#pragma once

// The words of a trade replay: times as the window prints them ("23:56:12.345 UTC (entry
// +00:42)"), the trade's header line, and what a plan found (nothing covers the trade, a
// damaged file, a window that had to move) — translated here, on the GUI thread.

#include "gui/replay/replay_plan.h"
#include "gui/replay/replay_trip.h"

#include <QCoreApplication>
#include <QString>
#include <QStringList>

namespace hoga::gui {

struct ReplayText {
    Q_DECLARE_TR_FUNCTIONS(hoga::gui::ReplayText)

public:
    // "23:56:12.345 UTC".
    static QString clock(qint64 ms);
    // "+00:42", "−01:05", "+1:02:03": a real minus sign, hours only when needed.
    static QString offset(qint64 ms);
    // The replay's time against the trade: "23:56:12.345 UTC (entry −00:20)", "(entry +00:42)"
    // while it is open, "(exit +00:10)" after it closed.
    static QString position(qint64 ms, qint64 entryMs, qint64 exitMs);
    // "2024-08-08 23:56:10–23:57:40 UTC" (both dates when the days differ).
    static QString span(qint64 fromMs, qint64 toMs);

    // The trade, in two lines: side, size, run; entry and exit, PnL, exit reason.
    static QString header(const JournalTrip& trip);
    // Why nothing is played (empty when the plan is Ready or was cancelled).
    static QString failure(const ReplayPlan& plan, qint64 entryMs, qint64 exitMs,
                           const QString& dir);
    // What the trader should know about what is played: damaged or ignored files, a window that
    // starts later or ends earlier than asked.
    static QStringList notes(const ReplayPlan& plan, qint64 exitMs);
    static QString speedLabel(double speed);
};

} // namespace hoga::gui
