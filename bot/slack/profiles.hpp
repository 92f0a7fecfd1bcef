// bot/slack/profiles: people's time zones from their Slack profiles (users.info), cached in memory
// and refreshed daily, so Slack users get their own zone without typing `tz`.
#pragma once

#include <boost/asio/awaitable.hpp>
#include <chrono>
#include <optional>
#include <string>
#include <unordered_map>

#include "bot/slack/web_api.hpp"

namespace mentorbot::slack {

class Profiles {
  public:
    explicit Profiles(WebApi& api, std::chrono::hours max_age = std::chrono::hours{24})
        : api_(api), max_age_(max_age) {}

    // The user's profile zone ("Europe/London"), or nullopt when Slack did not say (or failed:
    // a command never waits on this beyond the Web API timeout, and failures are retried later).
    boost::asio::awaitable<std::optional<std::string>> zone_of(std::string user);
    // The cached answer of zone_of when it is fresh (nullptr when users.info must be asked).
    const std::optional<std::string>* cached_zone(const std::string& user) const;

  private:
    struct Entry {
        std::optional<std::string> zone;
        std::chrono::steady_clock::time_point fetched;
    };
    WebApi& api_;
    std::chrono::hours max_age_;
    std::unordered_map<std::string, Entry> cache_;
};

}  // namespace mentorbot::slack
