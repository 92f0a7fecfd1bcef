// config/cpu_list: Linux CPU lists ("0", "0-3,6"), as taskset -c and systemd's CPUAffinity= write
// them.
#include "config/cpu_list.hpp"

#include <algorithm>
#include <charconv>

namespace mentorbot {
namespace {

// The kernel's CPU sets hold 1024 CPUs (CPU_SETSIZE in <sched.h>).
constexpr int kMaxCpu = 1023;

std::optional<int> cpu_number(std::string_view text) {
    while (!text.empty() && text.front() == ' ') text.remove_prefix(1);
    while (!text.empty() && text.back() == ' ') text.remove_suffix(1);
    int n = -1;
    const auto [end, ec] = std::from_chars(text.data(), text.data() + text.size(), n);
    if (text.empty() || ec != std::errc() || end != text.data() + text.size() || n < 0 ||
        n > kMaxCpu)
        return std::nullopt;
    return n;
}

}  // namespace

std::optional<std::vector<int>> parse_cpu_list(std::string_view text) {
    std::vector<int> cpus;
    if (text.find_first_not_of(' ') == std::string_view::npos) return cpus;
    while (true) {
        const auto comma = text.find(',');
        const std::string_view item = text.substr(0, comma);
        const auto dash = item.find('-');
        const auto first = cpu_number(item.substr(0, dash));
        const auto last =
            dash == std::string_view::npos ? first : cpu_number(item.substr(dash + 1));
        if (!first || !last || *last < *first) return std::nullopt;
        for (int cpu = *first; cpu <= *last; ++cpu) cpus.push_back(cpu);
        if (comma == std::string_view::npos) break;
        text.remove_prefix(comma + 1);
    }
    std::sort(cpus.begin(), cpus.end());
    cpus.erase(std::unique(cpus.begin(), cpus.end()), cpus.end());
    return cpus;
}

std::string format_cpu_list(const std::vector<int>& cpus) {
    std::string out;
    for (std::size_t i = 0; i < cpus.size();) {
        std::size_t j = i;
        while (j + 1 < cpus.size() && cpus[j + 1] == cpus[j] + 1) ++j;
        if (!out.empty()) out += ',';
        out += std::to_string(cpus[i]);
        if (j > i) out += (j == i + 1 ? "," : "-") + std::to_string(cpus[j]);
        i = j + 1;
    }
    return out;
}

}  // namespace mentorbot
