#pragma once

// hoga-headless's command line, parsed into the live trader's options (testable without a
// process).

#include "live/live_trader.h"

#include <string>
#include <vector>

namespace hoga::app {

struct HeadlessOptions {
    live::LiveTraderOptions trader;
    bool flattenOnExit = false;
    double runForSeconds = 0; // > 0: stop by itself after this long (soak, benchmarks)
    std::string logLevel = "info";
    std::string logFile;
};

const char* headlessUsage();

// False with `error` for anything unusable (unknown flags, bad values, an unreadable params
// file, a mode that cannot run yet); `error` is empty and false returned for --help.
bool parseHeadlessOptions(const std::vector<std::string>& args, HeadlessOptions& out,
                          std::string& error);

} // namespace hoga::app
