#include "backtest_report.h"

#include <fmt/format.h>

namespace hoga::engine {

double BacktestReport::winRatePct() const {
    return stats.roundTrips > 0
               ? 100.0 * static_cast<double>(stats.wins) / static_cast<double>(stats.roundTrips)
               : 0.0;
}

double BacktestReport::returnPct() const {
    return startingCapital.e8 > 0 ? 100.0 * static_cast<double>(stats.netPnl.e8) /
                                        static_cast<double>(startingCapital.e8)
                                  : 0.0;
}

double BacktestReport::exposurePct() const {
    const std::int64_t span = stats.lastEventMs - stats.firstEventMs;
    return span > 0 ? 100.0 * static_cast<double>(stats.exposureMs) / static_cast<double>(span)
                    : 0.0;
}

double BacktestReport::averageHoldSeconds() const {
    return stats.roundTrips > 0 ? static_cast<double>(stats.holdMsTotal) / 1000.0 /
                                      static_cast<double>(stats.roundTrips)
                                : 0.0;
}

double BacktestReport::eventsPerSecond() const {
    return elapsedSeconds > 0 ? static_cast<double>(events) / elapsedSeconds : 0.0;
}

namespace {
std::string money(core::Fixed8 v) {
    return "\"" + core::formatFixed8(v) + "\"";
}
} // namespace

std::string reportToJson(const BacktestReport& r) {
    const auto& s = r.stats;
    std::string exits;
    for (std::size_t i = 0; i < core::kExitReasonCount; ++i) {
        exits +=
            fmt::format("{}\"{}\":{}", i ? "," : "",
                        core::exitReasonName(static_cast<core::ExitReason>(i)), s.exitReasons[i]);
    }
    std::string refused;
    for (std::size_t i = 0; i < core::kRefusalCount; ++i) {
        refused += fmt::format("{}\"{}\":{}", i ? "," : "",
                               core::refusalName(static_cast<core::Refusal>(i)), s.refusals[i]);
    }
    std::string out = "{";
    out += fmt::format("\"events\":{},\"malformed\":{},\"trades\":{},\"wins\":{},\"losses\":{},",
                       r.events, r.malformed, s.roundTrips, s.wins, s.losses);
    out += fmt::format("\"win_rate\":{:.2f},", r.winRatePct());
    out += fmt::format("\"gross_pnl\":{},\"fees\":{},\"funding\":{},\"net_pnl\":{},",
                       money(s.grossPnl), money(s.fees), money(s.funding), money(s.netPnl));
    out += fmt::format("\"starting_capital\":{},\"final_equity\":{},\"currency\":\"USDT\","
                       "\"krw_per_usdt\":{},",
                       money(r.startingCapital), money(r.finalEquity), r.krwPerUsdt);
    out += fmt::format("\"return_pct\":{:.4f},\"max_drawdown_pct\":{:.4f},\"exposure_pct\":{:.2f},"
                       "\"avg_hold_s\":{:.3f},",
                       r.returnPct(), s.maxDrawdownPct, r.exposurePct(), r.averageHoldSeconds());
    out += "\"exit_reasons\":{" + exits + "},";
    out += "\"entries_refused\":{" + refused + "},";
    out += fmt::format("\"orders\":{},\"unfilled_orders\":{},\"funding_payments\":{},",
                       s.ordersSent, s.unfilledOrders, s.fundingPayments);
    out += fmt::format("\"targets\":{{\"win_rate_min\":{},\"win_rate_met\":{},"
                       "\"max_drawdown_max\":{},\"max_drawdown_met\":{}}},",
                       kTargetWinRatePct, r.winRatePct() >= kTargetWinRatePct,
                       kTargetMaxDrawdownPct, s.maxDrawdownPct <= kTargetMaxDrawdownPct);
    out += fmt::format("\"elapsed_s\":{:.6f},\"events_per_s\":{:.0f}", r.elapsedSeconds,
                       r.eventsPerSecond());
    if (!r.error.empty()) {
        out += ",\"error\":\"" + r.error + "\"";
    }
    return out + "}";
}

std::string reportToText(const BacktestReport& r) {
    const auto& s = r.stats;
    const auto krw = [&](core::Fixed8 v) { return static_cast<double>(v.e8) / 1e8 * r.krwPerUsdt; };
    std::string out;
    out += fmt::format("events            {} ({} malformed)\n", r.events, r.malformed);
    out += fmt::format(
        "trades            {}  wins {}  losses {}  win rate {:.1f} %  (target ≥ {:.0f} %: {})\n",
        s.roundTrips, s.wins, s.losses, r.winRatePct(), kTargetWinRatePct,
        r.winRatePct() >= kTargetWinRatePct ? "met" : "not met");
    out += fmt::format("gross / fees      {} / {} USDT   funding {} USDT\n",
                       core::formatFixed8(s.grossPnl), core::formatFixed8(s.fees),
                       core::formatFixed8(s.funding));
    out += fmt::format("net PnL           {} USDT  ({:.0f} KRW)  return {:.2f} %\n",
                       core::formatFixed8(s.netPnl), krw(s.netPnl), r.returnPct());
    out += fmt::format("equity            {} → {} USDT\n", core::formatFixed8(r.startingCapital),
                       core::formatFixed8(r.finalEquity));
    out += fmt::format("max drawdown      {:.2f} %  (target within {:.0f} %: {})\n",
                       s.maxDrawdownPct, kTargetMaxDrawdownPct,
                       s.maxDrawdownPct <= kTargetMaxDrawdownPct ? "met" : "not met");
    out += fmt::format("exposure          {:.1f} %  average hold {:.1f} s\n", r.exposurePct(),
                       r.averageHoldSeconds());
    out += "exit reasons     ";
    for (std::size_t i = 0; i < core::kExitReasonCount; ++i) {
        if (s.exitReasons[i] > 0) {
            out += fmt::format(" {} {}", core::exitReasonName(static_cast<core::ExitReason>(i)),
                               s.exitReasons[i]);
        }
    }
    out += "\nentries refused  ";
    for (std::size_t i = 0; i < core::kRefusalCount; ++i) {
        if (s.refusals[i] > 0) {
            out += fmt::format(" {} {}", core::refusalName(static_cast<core::Refusal>(i)),
                               s.refusals[i]);
        }
    }
    out += fmt::format("\nspeed             {:.3f} s, {:.0f} events/s\n", r.elapsedSeconds,
                       r.eventsPerSecond());
    if (!r.error.empty()) {
        out += "error             " + r.error + "\n";
    }
    return out;
}

} // namespace hoga::engine
