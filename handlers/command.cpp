// handlers/command: program settings look-ups and the per-platform command prefix.
#include "handlers/command.hpp"

#include <algorithm>

namespace mentorbot {

bool Settings::is_coordinator(Platform platform, const std::string& user) const {
    const std::string key = std::string(to_string(platform)) + ":" + user;
    return std::find(coordinators.begin(), coordinators.end(), key) != coordinators.end();
}

std::string_view command_prefix(Platform platform) {
    return platform == Platform::matrix ? "!mentor" : "/mentor";
}

}  // namespace mentorbot
