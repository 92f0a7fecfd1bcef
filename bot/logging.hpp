// bot/logging: the process log on stderr, with levels; secrets are masked before they get there.
#pragma once

#include <string>
#include <string_view>

namespace mentorbot {

void init_logging(const std::string& level);
// "xoxb-…6789" style: enough to tell tokens apart in a log, never enough to use one.
std::string mask_secret(std::string_view secret);

}  // namespace mentorbot
