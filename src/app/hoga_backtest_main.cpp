// hoga-backtest: a thin main; the command lives in backtest_command.cpp.
#include "app/backtest_command.h"
#include "platform/logging.h"

#include <iostream>
#include <string>
#include <vector>

int main(int argc, char** argv) {
    hoga::platform::LogOptions logOptions;
    logOptions.level = "warn";
    hoga::platform::initLogging(logOptions);
    const std::vector<std::string> args(argv + 1, argv + argc);
    const int code = hoga::app::backtestMain(args, std::cout, std::cerr);
    hoga::platform::shutdownLogging();
    return code;
}
