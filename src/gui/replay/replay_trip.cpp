#include "gui/replay/replay_trip.h"

#include "engine/params_json.h"
#include "gui/models/journal_database.h"

namespace hoga::gui {

std::vector<live::TradeMark> tripMarks(const JournalTrip& trip, const QVector<JournalFill>& fills) {
    const QString opening =
        trip.side == QStringLiteral("short") ? QStringLiteral("SELL") : QStringLiteral("BUY");
    std::vector<live::TradeMark> marks;
    qint64 open = 0;
    for (const JournalFill& f : fills) {
        const bool entry = f.purpose == QStringLiteral("entry") && f.side == opening;
        if (marks.empty() && !(entry && f.timeMs >= trip.entryTimeMs)) {
            continue; // the end of the trade before this one
        }
        live::TradeMark mark;
        mark.timeMs = f.timeMs;
        mark.side = f.side == QStringLiteral("SELL") ? core::Side::Sell : core::Side::Buy;
        mark.price = core::Price{f.priceTicks};
        mark.qty = core::Qty{f.qtyLots};
        mark.entry = entry;
        mark.reason = entry ? std::string("entry") : trip.exitReason.toStdString();
        marks.push_back(std::move(mark));
        open += f.side == opening ? f.qtyLots : -f.qtyLots;
        if (open <= 0) {
            break; // flat: the next fill belongs to the next trade
        }
    }
    return marks;
}

bool readReplayTrip(const QString& path, const QString& runId, qint64 tripId, ReplayTrip& out,
                    QString& error) {
    JournalDatabase db;
    QVector<JournalFill> fills;
    if (!db.open(path) || !db.readTrip(runId, tripId, out.trip) ||
        !db.readFills(runId, out.trip.entryTimeMs, out.trip.exitTimeMs, fills)) {
        error = db.lastError();
        return false;
    }
    out.marks = tripMarks(out.trip, fills);
    QString json;
    std::string problem;
    core::StrategyParams params;
    if (!db.readRunParams(runId, json)) {
        out.paramsProblem = db.lastError();
    } else if (!engine::paramsFromJson(json.toStdString(), params, problem)) {
        out.paramsProblem = QString::fromStdString(problem);
    } else {
        out.params = params;
    }
    return true;
}

} // namespace hoga::gui
