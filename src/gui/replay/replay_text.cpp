#include "gui/replay/replay_text.h"

#include "gui/models/journal_model.h"
#include "gui/replay/replay_driver.h"

#include <QDateTime>
#include <QFileInfo>

namespace hoga::gui {

namespace {

QDateTime utc(qint64 ms) {
    return QDateTime::fromMSecsSinceEpoch(ms, Qt::UTC);
}

// The journal's average price has the grid's decimals and 8 more ("61717.6000000000"): the
// zeros beyond two decimals are dropped for the header, nothing else (the value stays exact).
QString price(const QString& text) {
    if (text.isEmpty()) {
        return QStringLiteral("—");
    }
    QString out = text;
    const qsizetype dot = out.indexOf(QLatin1Char('.'));
    while (dot >= 0 && out.size() > dot + 3 && out.endsWith(QLatin1Char('0'))) {
        out.chop(1);
    }
    return out;
}

QString fileName(const QString& path) {
    return QFileInfo(path).fileName();
}

} // namespace

QString ReplayText::clock(qint64 ms) {
    return tr("%1 UTC").arg(utc(ms).toString(QStringLiteral("HH:mm:ss.zzz")));
}

QString ReplayText::offset(qint64 ms) {
    const qint64 total = (ms < 0 ? -ms : ms) / 1000;
    const qint64 h = total / 3600;
    const qint64 m = total / 60 % 60;
    const qint64 s = total % 60;
    const QString sign = ms < 0 ? QStringLiteral("\u2212") : QStringLiteral("+");
    const auto two = [](qint64 v) { return QStringLiteral("%1").arg(v, 2, 10, QLatin1Char('0')); };
    return h > 0 ? sign + QString::number(h) + QLatin1Char(':') + two(m) + QLatin1Char(':') + two(s)
                 : sign + two(m) + QLatin1Char(':') + two(s);
}

QString ReplayText::position(qint64 ms, qint64 entryMs, qint64 exitMs) {
    if (ms > exitMs) {
        return tr("%1 (exit %2)").arg(clock(ms), offset(ms - exitMs));
    }
    return tr("%1 (entry %2)").arg(clock(ms), offset(ms - entryMs));
}

QString ReplayText::span(qint64 fromMs, qint64 toMs) {
    const QDateTime from = utc(fromMs);
    const QDateTime to = utc(toMs);
    const QString time = QStringLiteral("HH:mm:ss");
    const QString dated = QStringLiteral("yyyy-MM-dd HH:mm:ss");
    return from.date() == to.date()
               ? tr("%1–%2 UTC").arg(from.toString(dated), to.toString(time))
               : tr("%1 – %2 UTC").arg(from.toString(dated), to.toString(dated));
}

QString ReplayText::header(const JournalTrip& t) {
    const QString first = tr("%1 %2 BTC · run %3 · trade %4")
                              .arg(JournalModel::sideLabel(t.side), t.qty, t.runId)
                              .arg(t.tripId);
    const QString second =
        tr("Entry %1 at %2 · exit %3 at %4 · net PnL %5 USDT (gross %6, fees %7) · %8")
            .arg(utc(t.entryTimeMs).toString(QStringLiteral("yyyy-MM-dd HH:mm:ss.zzz")),
                 price(t.avgEntryPrice), clock(t.exitTimeMs), price(t.avgExitPrice), t.netPnl,
                 t.grossPnl, t.fees, JournalModel::exitReasonLabel(t.exitReason));
    return first + QLatin1Char('\n') + second;
}

QString ReplayText::failure(const ReplayPlan& plan, qint64 entryMs, qint64 exitMs,
                            const QString& dir) {
    const QString where = dir.isEmpty() ? tr("(this session records nothing)") : dir;
    QString text;
    switch (plan.outcome) {
    case ReplayPlan::Outcome::Ready:
    case ReplayPlan::Outcome::Cancelled:
        return {};
    case ReplayPlan::Outcome::NotCovered:
        text = tr("No recording covers %1; recordings are kept in %2")
                   .arg(span(entryMs, exitMs), where);
        break;
    case ReplayPlan::Outcome::NoSnapshot:
        text = tr("The recordings of %1 hold no depth snapshot from up to %2 hours before the "
                  "trade, so its order book cannot be rebuilt; recordings are kept in %3")
                   .arg(span(entryMs, exitMs))
                   .arg(ReplayPlan::kSnapshotLookbackHours)
                   .arg(where);
        break;
    }
    const QStringList more = notes(plan, exitMs);
    return more.isEmpty() ? text : text + QLatin1Char('\n') + more.join(QLatin1Char('\n'));
}

QStringList ReplayText::notes(const ReplayPlan& plan, qint64 exitMs) {
    QStringList out;
    for (const DamagedRecording& d : plan.damaged) {
        out << (d.readUpToMs > 0 ? tr("%1 ends in a damaged part (%2); it was read up to %3.")
                                       .arg(fileName(d.path), d.error, clock(d.readUpToMs))
                                 : tr("%1 cannot be read (%2).").arg(fileName(d.path), d.error));
    }
    if (!plan.misnamed.isEmpty()) {
        QStringList names;
        for (const QString& path : plan.misnamed) {
            names << fileName(path);
        }
        out << tr("Ignored, their contents are not of the hour in their names: %1")
                   .arg(names.join(QStringLiteral(", ")));
    }
    if (plan.outcome != ReplayPlan::Outcome::Ready) {
        return out;
    }
    if (plan.startsAtSnapshot) {
        out << tr("The book's first depth snapshot was recorded at %1, less than two minutes "
                  "before the entry: the replay starts there.")
                   .arg(clock(plan.snapshotMs));
    }
    if (plan.wanted.capped) {
        out << tr("The trade lasted longer than %1 hours: the replay shows its first %1 hours.")
                   .arg(ReplayWindow::kMaxSpanMs / 3'600'000);
    }
    if (plan.endsEarly) {
        const qint64 endMs = plan.dataEndMs;
        out << (endMs < exitMs ? tr("The recordings end at %1, before the exit.").arg(clock(endMs))
                               : tr("The recordings end at %1.").arg(clock(endMs)));
    }
    return out;
}

QString ReplayText::speedLabel(double speed) {
    return speed <= ReplayDriver::kMaxSpeed ? tr("Max") : tr("%1×").arg(speed);
}

} // namespace hoga::gui
