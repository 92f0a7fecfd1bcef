// bot/logging: the process log on stderr, with levels; secrets are masked before they get there.
#include "bot/logging.hpp"

#include <spdlog/sinks/stdout_color_sinks.h>
#include <spdlog/spdlog.h>

namespace mentorbot {

void init_logging(const std::string& level) {
    auto logger = spdlog::stderr_color_mt("mentorbot");
    logger->set_pattern("%Y-%m-%dT%H:%M:%S.%e %^%l%$ %v");
    logger->set_level(spdlog::level::from_str(level));
    spdlog::set_default_logger(logger);
}

std::string mask_secret(std::string_view secret) {
    if (secret.empty()) return "(none)";
    const auto dash = secret.find('-');
    const std::string kind = dash != std::string_view::npos && dash < 5
                                 ? std::string(secret.substr(0, dash + 1))
                                 : std::string();
    return kind + "…(" + std::to_string(secret.size()) + " chars)";
}

}  // namespace mentorbot
