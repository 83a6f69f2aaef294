#pragma once

// Real-time scheduling for the thread that must answer first (the engine). Under the normal
// scheduler a thread woken by the feed waits for a core behind whatever runs there: on the 2-core
// machine the frame-to-decision p99 was 0.7–1 ms at 10x, almost all of it that wait; with the
// engine thread in SCHED_FIFO it was 161 µs (README's performance table). The engine sleeps on
// its queue between events, so it takes a core only for the microseconds of its work, and the
// kernel's real-time throttling (sched_rt_runtime_us) keeps the rest of the system running even
// if it ever spun.

#include <string>

namespace hoga::platform {

// Puts the calling thread in SCHED_FIFO at `priority` (1–99). False with the reason when the
// process may not (no CAP_SYS_NICE and RLIMIT_RTPRIO below `priority`, the usual case for a
// user): the thread then keeps the normal scheduler.
bool setCurrentThreadRealtime(int priority, std::string& error);

} // namespace hoga::platform
