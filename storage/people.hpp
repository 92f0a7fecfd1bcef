// storage/people: the people the bot knows on each platform, with their display names and zones.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <unordered_map>
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
    // Each person read is kept in memory (a command looks up its caller and partner every time);
    // every write goes to the database first and then drops the copy, and a rollback drops all.
    struct Known {
        Person person;
        std::optional<std::string> zone_source;  // "profile" or "command"
    };
    const Known* known(PersonId id);
    const Known* keep(SQLite::Statement& row);
    void forget(PersonId id);
    void forget_all_if_undone();
    static std::string user_key(Platform platform, const std::string& platform_user);

    Database& db_;
    std::unordered_map<std::int64_t, Known> by_id_;
    std::unordered_map<std::string, std::int64_t> by_user_;
    std::uint64_t undone_seen_ = 0;
};

}  // namespace mentorbot
