#pragma once

// Owns the simulator's FaultPlan and carries it out where the plan alone cannot: the timer of
// ws-drop-every, the one-shot ws-drop and stream-stall, and the control endpoint
//   POST   /sim/faults   body: SPEC (sim/fault_plan.h) merged into the plan → 200 state / 400
//   GET    /sim/faults   → {"spec":"…","fired":{"<name>":count,…}}
//   DELETE /sim/faults   clears every fault → 200 state
// /sim/* is the simulator's own control API: not a Binance endpoint, never faulted itself.

#include "sim/fault_plan.h"

#include <QObject>
#include <QTimer>

#include <string>

namespace hoga::sim {

class RestServer;
class StreamServer;

class FaultControl : public QObject {
    Q_OBJECT
public:
    FaultControl(StreamServer& streams, QObject* parent = nullptr);

    // Merges SPEC into the plan and carries out its one-shot actions.
    bool apply(const std::string& spec, std::string& error);
    void clear();
    // Registers /sim/faults on `rest` and points its REST faults at this plan.
    void attach(RestServer& rest);
    [[nodiscard]] FaultPlan& plan() { return m_plan; }

private:
    void planChanged();

    StreamServer& m_streams;
    FaultPlan m_plan;
    QTimer m_dropTimer;
};

} // namespace hoga::sim
