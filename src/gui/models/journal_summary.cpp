#include "gui/models/journal_summary.h"

#include "core/decimal.h"
#include "core/wide_int.h"

#include <algorithm>

namespace hoga::gui {

namespace {

QVector<const JournalTrip*> inExitOrder(QVector<const JournalTrip*> trips) {
    std::sort(trips.begin(), trips.end(), [](const JournalTrip* a, const JournalTrip* b) {
        return a->exitTimeMs != b->exitTimeMs ? a->exitTimeMs < b->exitTimeMs : a->rowId < b->rowId;
    });
    return trips;
}

std::optional<qint64> baseOf(const QVector<const JournalTrip*>& ordered,
                             const StartingBalanceLookup& startingBalance) {
    if (ordered.isEmpty() || !startingBalance) {
        return std::nullopt;
    }
    // The earliest trip by exit is the earliest by entry too: positions do not overlap in a run,
    // and across runs the first run to realize anything is the account's start.
    return startingBalance(ordered.front()->runId);
}

// round(numerator × scale / denominator), half up, for non-negative numerator and positive
// denominator; 128-bit so that e8 amounts times 10^4 cannot overflow.
qint64 ratioRounded(qint64 numerator, qint64 denominator, qint64 scale) {
    const core::Int128 n = static_cast<core::Int128>(numerator) * scale;
    return static_cast<qint64>((2 * n + denominator) /
                               (2 * static_cast<core::Int128>(denominator)));
}

} // namespace

qint64 JournalSummary::winRatePermille() const {
    return trades > 0 ? ratioRounded(wins, trades, 1000) : 0;
}

std::optional<qint64> JournalSummary::maxDrawdownBasisPoints() const {
    if (!startingBalanceE8) {
        return std::nullopt;
    }
    return worstPeakE8 > 0 ? ratioRounded(worstDropE8, worstPeakE8, 10000) : 0;
}

JournalSummary summarizeTrips(const QVector<const JournalTrip*>& trips,
                              const StartingBalanceLookup& startingBalance) {
    JournalSummary s;
    const auto ordered = inExitOrder(trips);
    s.startingBalanceE8 = baseOf(ordered, startingBalance);
    qint64 equity = s.startingBalanceE8.value_or(0);
    qint64 peak = equity;
    for (const JournalTrip* t : ordered) {
        ++s.trades;
        s.wins += t->netPnlE8 > 0 ? 1 : 0;
        s.grossE8 += t->grossPnlE8;
        s.feesE8 += t->feesE8;
        s.fundingE8 += t->fundingE8;
        s.netE8 += t->netPnlE8;
        equity += t->netPnlE8;
        peak = std::max(peak, equity);
        const qint64 drop = peak - equity;
        s.maxDrawdownE8 = std::max(s.maxDrawdownE8, drop);
        // drop / peak > worstDrop / worstPeak, compared exactly by cross-multiplying.
        if (s.startingBalanceE8 && peak > 0 && drop > 0 &&
            (s.worstPeakE8 == 0 || static_cast<core::Int128>(drop) * s.worstPeakE8 >
                                       static_cast<core::Int128>(s.worstDropE8) * peak)) {
            s.worstDropE8 = drop;
            s.worstPeakE8 = peak;
        }
    }
    return s;
}

QVector<EquityPoint> realizedEquityCurve(const QVector<const JournalTrip*>& trips,
                                         const StartingBalanceLookup& startingBalance) {
    QVector<EquityPoint> curve;
    const auto ordered = inExitOrder(trips);
    if (ordered.isEmpty()) {
        return curve;
    }
    qint64 equity = baseOf(ordered, startingBalance).value_or(0);
    curve.reserve(ordered.size() + 1);
    curve.append({ordered.front()->entryTimeMs, equity});
    for (const JournalTrip* t : ordered) {
        equity += t->netPnlE8;
        curve.append({t->exitTimeMs, equity});
    }
    return curve;
}

QString formatE8(qint64 e8) {
    return QString::fromStdString(core::formatScaled(e8, 8));
}

} // namespace hoga::gui
