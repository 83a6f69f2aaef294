// hoga-replay: a thin main; the command lives in replay_command.cpp.
#include "app/replay_command.h"
#include "platform/logging.h"

#include <iostream>
#include <string>
#include <vector>

int main(int argc, char** argv) {
    hoga::platform::LogOptions logOptions;
    logOptions.level = "warn"; // stdout carries the report; warnings and errors go to stderr
    hoga::platform::initLogging(logOptions);
    const std::vector<std::string> args(argv + 1, argv + argc);
    const int code = hoga::app::replayMain(args, std::cout, std::cerr);
    hoga::platform::shutdownLogging();
    return code;
}
