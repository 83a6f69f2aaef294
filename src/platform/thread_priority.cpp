#include "thread_priority.h"

#include <cstring>

#if defined(__linux__)
#include <pthread.h>
#include <sched.h>
#endif

namespace hoga::platform {

bool setCurrentThreadRealtime(int priority, std::string& error) {
#if defined(__linux__)
    if (priority < 1 || priority > 99) {
        error = "real-time priority must be 1..99, got " + std::to_string(priority);
        return false;
    }
    sched_param param{};
    param.sched_priority = priority;
    const int rc = pthread_setschedparam(pthread_self(), SCHED_FIFO, &param);
    if (rc != 0) {
        error = std::string("SCHED_FIFO ") + std::to_string(priority) +
                " refused: " + std::strerror(rc) +
                (rc == EPERM ? " (allow it with `setcap cap_sys_nice+ep` on the program or an "
                               "rtprio limit in /etc/security/limits.conf)"
                             : "");
        return false;
    }
    return true;
#else
    (void)priority;
    error = "real-time scheduling is only implemented on Linux";
    return false;
#endif
}

} // namespace hoga::platform
