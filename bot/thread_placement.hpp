// bot/thread_placement: keeps a thread on the CPUs the config names for it (threads.*_cpus).
#pragma once

#include <pthread.h>

#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace mentorbot {

// The CPUs the calling thread may run on, ascending: before any placement, those the process may
// use (all of the machine's, or what taskset or systemd's CPUAffinity= left it).
std::vector<int> usable_cpus();
// Why the bot cannot keep a thread on `cpus` — a CPU this process may not use — or nothing.
std::optional<std::string> unusable_cpus(const std::vector<int>& cpus);
// Keeps `thread` on `cpus` from now on; `role` names it in the log ("network", "storage").
// Nothing happens when `cpus` is empty; a refusal by the kernel is logged, and the thread runs
// where the kernel puts it.
void place_thread(pthread_t thread, const std::vector<int>& cpus, std::string_view role);

}  // namespace mentorbot
