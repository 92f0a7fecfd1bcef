// storage/people: the people the bot knows on each platform, with their display names and zones.
#pragma once

#include <optional>
#include <string>
#include <vector>

#include "storage/database.hpp"
#include "storage/types.hpp"

namespace mentorbot {

class People {
  public:
    explicit People(Database& db) : db_(db) {}

    std::optional<Person> find(PersonId id);
    std::optional<Person> find(Platform platform, const std::string& platform_user);
    // Finds the person or records them; a newer non-empty display name replaces the stored one.
    Person find_or_create(Platform platform, const std::string& platform_user,
                          const std::string& display_name, Instant now);
    // A zone set with `tz` wins over one read from the platform profile.
    void set_time_zone(PersonId id, const std::string& zone);
    // True when the person's zone changed (false when it was already `zone` or came from `tz`).
    bool set_profile_time_zone(PersonId id, const std::string& zone);
    void set_display_name(PersonId id, const std::string& name);

  private:
    Database& db_;
};

}  // namespace mentorbot
