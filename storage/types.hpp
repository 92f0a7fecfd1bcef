// storage/types: the records the repositories read and write (no SQL, no behaviour).
#pragma once

#include <date/date.h>

#include <chrono>
#include <cstdint>
#include <optional>
#include <string>

namespace mentorbot {

using Instant = std::chrono::sys_seconds;  // stored as integer seconds since the Unix epoch, UTC
// A calendar date in no particular zone (due and target dates), stored as "2026-12-01".
using Day = date::local_days;

// The chat platform a person, pair or message belongs to; their data never mixes.
enum class Platform { console, slack, matrix };

std::string_view to_string(Platform p);
std::optional<Platform> platform_from_string(std::string_view s);

struct PersonId {
    std::int64_t value = 0;
    auto operator<=>(const PersonId&) const = default;
};
struct PairId {
    std::int64_t value = 0;
    auto operator<=>(const PairId&) const = default;
};

struct Person {
    PersonId id;
    Platform platform = Platform::console;
    std::string platform_user;  // Slack "U123", Matrix "@bob:hs", console "bob"
    std::string display_name;
    std::optional<std::string> time_zone;  // IANA name set by `tz` or the platform profile
    Instant created_at{};
};

enum class PairStatus { active, ended, graduated };
std::string_view to_string(PairStatus s);
PairStatus pair_status_from_string(std::string_view s);

struct Pair {
    PairId id;
    Platform platform = Platform::console;
    PersonId mentor;
    PersonId mentee;
    PairStatus status = PairStatus::active;
    std::optional<std::string> space;  // the platform conversation where the bot posts for the pair
    std::optional<std::string> origin;  // the conversation `pair` was issued in
    PersonId created_by;
    Instant created_at{};
    std::optional<Instant> ended_at;
    std::optional<std::string> end_reason;

    bool has_member(PersonId p) const { return p == mentor || p == mentee; }
    PersonId partner_of(PersonId p) const { return p == mentor ? mentee : mentor; }
};

}  // namespace mentorbot
