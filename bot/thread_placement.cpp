// bot/thread_placement: keeps a thread on the CPUs the config names for it (threads.*_cpus).
#include "bot/thread_placement.hpp"

#include <sched.h>
#include <spdlog/spdlog.h>

#include <algorithm>
#include <cstring>

#include "config/cpu_list.hpp"

namespace mentorbot {

std::vector<int> usable_cpus() {
    cpu_set_t set;
    CPU_ZERO(&set);
    std::vector<int> cpus;
    if (sched_getaffinity(0, sizeof set, &set) != 0) return cpus;
    for (int cpu = 0; cpu < CPU_SETSIZE; ++cpu)
        if (CPU_ISSET(cpu, &set)) cpus.push_back(cpu);
    return cpus;
}

std::optional<std::string> unusable_cpus(const std::vector<int>& cpus) {
    const std::vector<int> usable = usable_cpus();
    for (int cpu : cpus)
        if (!std::binary_search(usable.begin(), usable.end(), cpu))
            return "CPU " + std::to_string(cpu) + " is not one this process may use (" +
                   format_cpu_list(usable) + ")";
    return std::nullopt;
}

void place_thread(pthread_t thread, const std::vector<int>& cpus, std::string_view role) {
    if (cpus.empty()) return;
    cpu_set_t set;
    CPU_ZERO(&set);
    for (int cpu : cpus) CPU_SET(cpu, &set);
    if (const int error = pthread_setaffinity_np(thread, sizeof set, &set); error != 0) {
        spdlog::warn("the {} thread could not be kept on CPUs {}: {}", role, format_cpu_list(cpus),
                     std::strerror(error));
        return;
    }
    spdlog::info("the {} thread runs on CPUs {}", role, format_cpu_list(cpus));
}

}  // namespace mentorbot
