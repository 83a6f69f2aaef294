// main() for benchmarks of code that logs: warnings only, so that log I/O is not measured.
#include "platform/logging.h"

#include <benchmark/benchmark.h>

int main(int argc, char** argv) {
    hoga::platform::LogOptions log;
    log.level = "warn";
    hoga::platform::initLogging(log);
    benchmark::Initialize(&argc, argv);
    benchmark::RunSpecifiedBenchmarks();
    benchmark::Shutdown();
    hoga::platform::shutdownLogging();
    return 0;
}
