// bot/slack/profiles: users.info time zones, cached for a day.
#include "bot/slack/profiles.hpp"

#include <spdlog/spdlog.h>

namespace mentorbot::slack {

const std::optional<std::string>* Profiles::cached_zone(const std::string& user) const {
    auto it = cache_.find(user);
    if (it == cache_.end() || std::chrono::steady_clock::now() - it->second.fetched >= max_age_)
        return nullptr;
    return &it->second.zone;
}

boost::asio::awaitable<std::optional<std::string>> Profiles::zone_of(std::string user) {
    if (const auto* zone = cached_zone(user)) co_return *zone;
    const auto now = std::chrono::steady_clock::now();
    nlohmann::json args = {{"user", user}};
    try {
        const ApiAnswer answer = co_await api_.call("users.info", std::move(args));
        if (!answer.ok) co_return std::nullopt;
        std::optional<std::string> zone;
        if (auto u = answer.body.find("user"); u != answer.body.end() && u->is_object()) {
            if (auto tz = u->find("tz");
                tz != u->end() && tz->is_string() && !tz->get<std::string>().empty())
                zone = tz->get<std::string>();
        }
        cache_[user] = {zone, now};
        co_return zone;
    } catch (const std::exception& e) {
        spdlog::warn("Slack users.info for {} failed: {}", user, e.what());
        co_return std::nullopt;
    }
}

}  // namespace mentorbot::slack
