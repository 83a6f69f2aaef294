#pragma once

// Names the calling thread as top, perf, gdb and /proc show it, so that a profile or a stuck
// process says which of the station's threads (engine, journal, feed, …) is doing what.

namespace hoga::platform {

// At most 15 characters are kept (the kernel's limit); longer names are cut.
void setCurrentThreadName(const char* name);

} // namespace hoga::platform
