#pragma once

// Rows read from the SQLite journal (schema: storage/journal_schema.h), as the desktop station
// shows them. Money keeps both forms the journal stores: the exact decimal text for display and
// the scaled integer for sums and sorting; doubles appear only for the strategy's features, which
// the journal itself keeps as REAL.

#include <QString>
#include <QStringList>

#include <optional>

namespace hoga::gui {

struct JournalRun {
    QString id;
    QString mode; // backtest, paper, testnet, live
    QString symbol;
    QStringList dataFiles; // the recordings a backtest read (for a replay around a trade)
    QString resumedFrom;   // the run this one continued; empty for a fresh start or schema < 3
    // What the run's account started with: runs.starting_balance_e8 when journalled, otherwise the
    // balance of the run's first equity sample; unset when the journal has neither.
    std::optional<qint64> startingBalanceE8;

    bool operator==(const JournalRun&) const = default;
};

struct JournalTrip {
    qint64 rowId = 0; // round_trips.id: rows only ever get appended, so reload reads id > last
    QString runId;
    QString mode;
    qint64 tripId = 0;
    QString side; // long, short (flat never closes a trip, but the schema allows it)
    qint64 entryTimeMs = 0;
    qint64 exitTimeMs = 0;
    QString qty;
    qint64 qtyLots = 0;
    QString avgEntryPrice; // empty when the journal has NULL (a zero quantity)
    QString avgExitPrice;
    QString grossPnl;
    qint64 grossPnlE8 = 0;
    QString fees;
    qint64 feesE8 = 0;
    QString funding;
    qint64 fundingE8 = 0;
    QString netPnl;
    qint64 netPnlE8 = 0;
    QString exitReason;
    std::optional<double> entryVolumeRatio;
    std::optional<double> entryImbalance;
    std::optional<double> entryMomentumBps;
    std::optional<double> entryTakerBuyShare;
    QString entryLastPrice;
    qint64 entryLastPriceTicks = 0;
};

// One execution of a run (fills joined to the order that caused it): what a replay marks on the
// chart. Liquidations have no order row, so their purpose is empty.
struct JournalFill {
    qint64 rowId = 0; // fills.id: the order in which the engine journalled them
    QString side;     // BUY, SELL
    QString price;
    qint64 priceTicks = 0;
    QString qty;
    qint64 qtyLots = 0;
    qint64 timeMs = 0;
    QString purpose; // entry, exit; empty when the order row is missing
};

// One point of an equity curve: exact value, converted to a chart coordinate only when drawn.
struct EquityPoint {
    qint64 timeMs = 0;
    qint64 e8 = 0;
};

} // namespace hoga::gui
