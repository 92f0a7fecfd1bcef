// bench/process_cpu: the CPU time the whole process has used so far, for figures a command.
#pragma once

#include <sys/resource.h>

namespace mentorbot::bench {

// User and system CPU time of the whole process (all its threads), in seconds.
inline double process_cpu_seconds() {
    rusage usage{};
    getrusage(RUSAGE_SELF, &usage);
    auto seconds = [](timeval t) { return t.tv_sec + t.tv_usec / 1e6; };
    return seconds(usage.ru_utime) + seconds(usage.ru_stime);
}

}  // namespace mentorbot::bench
