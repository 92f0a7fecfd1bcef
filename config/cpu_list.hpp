// config/cpu_list: Linux CPU lists ("0", "0-3,6"), as taskset -c and systemd's CPUAffinity= write
// them.
#pragma once

#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace mentorbot {

// The CPUs a list names, ascending and without repeats; nothing when the text is not a CPU list
// (an empty text is the empty list).
std::optional<std::vector<int>> parse_cpu_list(std::string_view text);
// The shortest list naming `cpus` ({0, 1, 2, 5} is "0-2,5").
std::string format_cpu_list(const std::vector<int>& cpus);

}  // namespace mentorbot
