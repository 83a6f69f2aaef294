// MatchingEngine: funding payments at funding times (see settleFunding in matching_engine.h).
#include "sim/matching_engine.h"
#include "sim/user_data_json.h"

namespace hoga::sim {

void MatchingEngine::settleFunding(std::int64_t fundingTimeMs, core::Fixed8 rate, core::Fixed8 mark,
                                   std::int64_t nowMs) {
    if (mark.e8 <= 0) {
        return; // no mark price: nothing to value a position at
    }
    for (Account& a : m_accounts) {
        if (a.ledger.position().lots == 0) {
            continue;
        }
        const core::Fixed8 income = a.ledger.fundingFee(mark, rate);
        if (income.e8 == 0) {
            continue; // a zero rate (or a tiny position) moves nothing, and Binance books nothing
        }
        a.ledger.applyFunding(income);
        a.income.push_back({m_ids.nextTranId++, IncomeType::FundingFee, income, fundingTimeMs, 0});
        emit(a, fundingUpdateJson(snapshot(a, nowMs), m_spec, income));
    }
}

} // namespace hoga::sim
