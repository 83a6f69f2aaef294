#include "logging.h"

#include <spdlog/async.h>
#include <spdlog/sinks/basic_file_sink.h>
#include <spdlog/sinks/stdout_color_sinks.h>
#include <spdlog/spdlog.h>

#include <mutex>
#include <vector>

namespace hoga::platform {

namespace {
std::mutex g_mutex;
bool g_initialised = false;
LogOptions g_options;
std::vector<spdlog::sink_ptr> g_sinks;

void initLocked(const LogOptions& options) {
    g_options = options;
    g_sinks.clear();
    if (options.console) {
        g_sinks.push_back(std::make_shared<spdlog::sinks::stderr_color_sink_mt>());
    }
    if (!options.filePath.empty()) {
        g_sinks.push_back(
            std::make_shared<spdlog::sinks::basic_file_sink_mt>(options.filePath, false));
    }
    if (options.async && !spdlog::thread_pool()) {
        spdlog::init_thread_pool(8192, 1);
    }
    spdlog::set_level(spdlog::level::from_str(options.level));
    g_initialised = true;
}
} // namespace

void initLogging(const LogOptions& options) {
    std::lock_guard lock(g_mutex);
    if (g_initialised) {
        spdlog::set_level(spdlog::level::from_str(options.level));
        return;
    }
    initLocked(options);
}

std::shared_ptr<spdlog::logger> logger(std::string_view subsystem) {
    std::lock_guard lock(g_mutex);
    if (!g_initialised) {
        initLocked(LogOptions{});
    }
    const std::string name(subsystem);
    if (auto existing = spdlog::get(name)) {
        return existing;
    }
    std::shared_ptr<spdlog::logger> created;
    if (g_options.async) {
        created = std::make_shared<spdlog::async_logger>(name, g_sinks.begin(), g_sinks.end(),
                                                         spdlog::thread_pool(),
                                                         spdlog::async_overflow_policy::block);
    } else {
        created = std::make_shared<spdlog::logger>(name, g_sinks.begin(), g_sinks.end());
    }
    created->set_level(spdlog::get_level());
    created->flush_on(spdlog::level::warn);
    spdlog::register_logger(created);
    return created;
}

void shutdownLogging() {
    std::lock_guard lock(g_mutex);
    spdlog::apply_all([](const std::shared_ptr<spdlog::logger>& l) { l->flush(); });
    spdlog::shutdown();
    g_initialised = false;
    g_sinks.clear();
}

std::string truncateForLog(std::string_view text, std::size_t maxBytes) {
    if (text.size() <= maxBytes) {
        return std::string(text);
    }
    std::string out(text.substr(0, maxBytes));
    out += "… (" + std::to_string(text.size()) + " bytes)";
    return out;
}

} // namespace hoga::platform
