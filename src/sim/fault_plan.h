#pragma once

// Faults the simulator injects on purpose, so that clients can be tested against what Binance
// does on a bad day. Set from the command line (--faults SPEC) or at run time through the control
// endpoint /sim/faults (sim/fault_control.h). The plan only decides; the stream server, the REST
// router and the trading code ask it and act.
//
// SPEC: items separated by ',' (or ';' or spaces); an item replaces an earlier one of its name;
// a rate or duration of 0 removes it.
//   ws-drop                close every WebSocket connection now (once)
//   ws-drop-every=S        close every WebSocket connection every S seconds
//   depth-skip=R           withhold a fraction R of depth events from all clients (pu gap)
//   depth-dup=R            send a fraction R of depth events twice
//   depth-reorder=R        send a fraction R of depth events after the depth event that follows
//   malformed=R            replace a fraction R of stream frames by a truncated (invalid) frame
//   stream-delay=MS        deliver every stream frame MS ms late (order kept)
//   stream-stall=MS        hold every stream frame for the next MS ms, then release them (once)
//   rest-5xx=R             answer a fraction R of REST requests with HTTP 503 (-1001), unexecuted
//   rest-timeout=R:MS      execute a fraction R of REST requests but answer MS ms late (when the
//                          client is still connected): an order may exist that the client never
//                          heard of
//   rest-1021=R            answer a fraction R of requests that carry `timestamp` with -1021
//   rest-1003=R[:S]        answer a fraction R of REST requests with HTTP 429 -1003, Retry-After S
//                          (default 1)
//   order-2019=R           answer a fraction R of new orders with -2019 "Margin is insufficient."
//   order-reject=R         the trading code rejects a fraction R of the orders it accepts
//   listenkey-lifetime=S   listenKeys expire after S seconds instead of 60 minutes
// Rates R are fractions in [0, 1] and deterministic: a fault of rate R fires on exactly every
// 1/R-th occasion (an accumulator, not a random draw), so tests and reruns see the same faults.
// /sim/* is the simulator's own control API, never a Binance endpoint, and never faulted.

#include <cstdint>
#include <map>
#include <optional>
#include <string>
#include <string_view>

namespace hoga::sim {

struct InjectedResponse {
    int httpStatus = 0;
    std::string body;          // Binance's {"code":…,"msg":…}
    int retryAfterSeconds = 0; // > 0: a Retry-After header
};

struct RestFault {
    std::optional<InjectedResponse> reply; // answer this instead of running the endpoint
    std::int64_t delayMs = 0;              // > 0: run the endpoint, answer this much later
};

// One-shot actions a SPEC asks for; the caller carries them out.
struct FaultActions {
    bool dropNow = false;
    std::int64_t stallMs = 0;
};

class FaultPlan {
public:
    // Merges SPEC into the plan. On a syntax error nothing changes and `error` says why.
    bool apply(std::string_view spec, FaultActions& actions, std::string& error);
    void clear();
    [[nodiscard]] bool empty() const { return m_items.empty(); }
    // The active items in SPEC syntax, and with how often each fired, as JSON.
    [[nodiscard]] std::string spec() const;
    [[nodiscard]] std::string stateJson() const;

    // Streams (each call is one occasion).
    bool skipDepth() { return fires("depth-skip"); }
    bool duplicateDepth() { return fires("depth-dup"); }
    bool reorderDepth() { return fires("depth-reorder"); }
    bool malformFrame() { return fires("malformed"); }
    [[nodiscard]] std::int64_t streamDelayMs() const;
    [[nodiscard]] std::int64_t dropEveryMs() const;

    // REST: the fault for one request, if any. `isOrder`: a new order (POST order, batchOrders,
    // algoOrder); `hasTimestamp`: the request is signed and can be late.
    RestFault restFault(std::string_view path, bool isOrder, bool hasTimestamp);

    // For the trading code.
    bool rejectOrder() { return fires("order-reject"); }
    bool marginInsufficient() { return fires("order-2019"); }
    [[nodiscard]] std::int64_t listenKeyLifetimeMs(std::int64_t normalMs) const;

private:
    struct Item {
        double rate = 0;  // occasions on which it fires (1 for items without a rate)
        double value = 0; // ms, s, or a second argument
        double value2 = 0;
        double acc = 0;
        std::int64_t fired = 0;
        std::string text; // as written back by spec()
    };
    bool fires(const char* name);
    [[nodiscard]] const Item* find(const char* name) const;

    std::map<std::string, Item, std::less<>> m_items;
};

} // namespace hoga::sim
