#include "thread_name.h"

#include <cstring>
#include <string>

#if defined(__linux__)
#include <pthread.h>
#endif

namespace hoga::platform {

void setCurrentThreadName(const char* name) {
#if defined(__linux__)
    // pthread_setname_np fails (ERANGE) on names over 15 characters instead of cutting them.
    const std::string cut(name, std::min<std::size_t>(std::strlen(name), 15));
    pthread_setname_np(pthread_self(), cut.c_str());
#else
    (void)name;
#endif
}

} // namespace hoga::platform
