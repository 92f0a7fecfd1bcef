// storage/people: the people the bot knows on each platform, with their display names and zones.
#include "storage/people.hpp"

#include <SQLiteCpp/Statement.h>

#include "storage/columns.hpp"
#include "storage/query.hpp"

namespace mentorbot {
namespace {

constexpr const char* kColumns =
    "SELECT id, platform, platform_user, display_name, time_zone, created_at FROM people ";

Person read_person(SQLite::Statement& q) {
    Person p;
    p.id = PersonId{q.getColumn(0).getInt64()};
    p.platform = platform_from_string(q.getColumn(1).getString()).value_or(Platform::console);
    p.platform_user = q.getColumn(2).getString();
    p.display_name = q.getColumn(3).getString();
    p.time_zone = columns::maybe_text(q.getColumn(4));
    p.created_at = columns::instant(q.getColumn(5));
    return p;
}

}  // namespace

std::optional<Person> People::find(PersonId id) {
    Query q(db_, std::string(kColumns) + "WHERE id = ?");
    q.bind(1, id.value);
    if (!q.executeStep()) return std::nullopt;
    return read_person(q);
}

std::optional<Person> People::find(Platform platform, const std::string& platform_user) {
    Query q(db_, std::string(kColumns) + "WHERE platform = ? AND platform_user = ?");
    q.bind(1, std::string(to_string(platform)));
    q.bind(2, platform_user);
    if (!q.executeStep()) return std::nullopt;
    return read_person(q);
}

Person People::find_or_create(Platform platform, const std::string& platform_user,
                              const std::string& display_name, Instant now) {
    if (auto existing = find(platform, platform_user)) {
        if (!display_name.empty() && display_name != existing->display_name) {
            set_display_name(existing->id, display_name);
            existing->display_name = display_name;
        }
        return *existing;
    }
    Query q(db_,
            "INSERT INTO people (platform, platform_user, display_name, created_at) "
            "VALUES (?, ?, ?, ?)");
    q.bind(1, std::string(to_string(platform)));
    q.bind(2, platform_user);
    q.bind(3, display_name.empty() ? platform_user : display_name);
    q.bind(4, columns::seconds(now));
    q.exec();
    return *find(PersonId{db_.sql().getLastInsertRowid()});
}

void People::set_time_zone(PersonId id, const std::string& zone) {
    Query q(db_, "UPDATE people SET time_zone = ?, zone_source = 'command' WHERE id = ?");
    q.bind(1, zone);
    q.bind(2, id.value);
    q.exec();
}

bool People::set_profile_time_zone(PersonId id, const std::string& zone) {
    Query q(db_,
            "UPDATE people SET time_zone = ?1, zone_source = 'profile' WHERE id = ?2 AND "
            "(zone_source IS NULL OR zone_source = 'profile') AND time_zone IS NOT ?1");
    q.bind(1, zone);
    q.bind(2, id.value);
    return q.exec() > 0;
}

void People::set_display_name(PersonId id, const std::string& name) {
    Query q(db_, "UPDATE people SET display_name = ? WHERE id = ?");
    q.bind(1, name);
    q.bind(2, id.value);
    q.exec();
}

}  // namespace mentorbot
