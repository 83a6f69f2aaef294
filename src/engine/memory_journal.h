#pragma once

// A Journal kept in memory (round trips, equity, refusals, fills, funding): for reports, CSV
// exports, tests and what-if runs. TeeJournal forwards every record to several journals.

#include "engine/journal.h"

#include <vector>

namespace hoga::engine {

class MemoryJournal : public Journal {
public:
    void recordRun(const RunInfo& run) override { runs.push_back(run); }
    void recordOrder(const core::OrderRequest& order, const OrderIntent& intent) override {
        orders.push_back(order);
        exitReasons.push_back(intent.exitReason);
    }
    void recordFill(const core::Fill& fill) override { fills.push_back(fill); }
    void recordFunding(const FundingRecord& payment) override { funding.push_back(payment); }
    void recordRoundTrip(const core::RoundTrip& trip) override { roundTrips.push_back(trip); }
    void recordRefusal(const RefusalRecord& refusal) override { refusals.push_back(refusal); }
    void recordEquity(const EquitySample& sample) override { equity.push_back(sample); }
    void finish() override {}

    std::vector<RunInfo> runs;
    std::vector<core::OrderRequest> orders;
    std::vector<std::optional<core::ExitReason>> exitReasons; // of each order, for exits
    std::vector<core::Fill> fills;
    std::vector<FundingRecord> funding;
    std::vector<core::RoundTrip> roundTrips;
    std::vector<RefusalRecord> refusals;
    std::vector<EquitySample> equity;
};

class TeeJournal : public Journal {
public:
    explicit TeeJournal(std::vector<Journal*> sinks) : m_sinks(std::move(sinks)) {}
    void recordRun(const RunInfo& run) override {
        each([&](Journal& j) { j.recordRun(run); });
    }
    void recordOrder(const core::OrderRequest& order, const OrderIntent& intent) override {
        each([&](Journal& j) { j.recordOrder(order, intent); });
    }
    void recordFill(const core::Fill& fill) override {
        each([&](Journal& j) { j.recordFill(fill); });
    }
    void recordFunding(const FundingRecord& funding) override {
        each([&](Journal& j) { j.recordFunding(funding); });
    }
    void recordRoundTrip(const core::RoundTrip& trip) override {
        each([&](Journal& j) { j.recordRoundTrip(trip); });
    }
    void recordRefusal(const RefusalRecord& refusal) override {
        each([&](Journal& j) { j.recordRefusal(refusal); });
    }
    void recordEquity(const EquitySample& sample) override {
        each([&](Journal& j) { j.recordEquity(sample); });
    }
    void finish() override {
        each([](Journal& j) { j.finish(); });
    }

private:
    template <typename F>
    void each(F&& f) {
        for (Journal* j : m_sinks) {
            if (j) {
                f(*j);
            }
        }
    }
    std::vector<Journal*> m_sinks;
};

} // namespace hoga::engine
