// storage/people: the people the bot knows on each platform, with their display names and zones.
#include "storage/people.hpp"

#include <SQLiteCpp/Statement.h>

#include "storage/columns.hpp"
#include "storage/query.hpp"

namespace mentorbot {
namespace {

constexpr const char* kColumns =
    "SELECT id, platform, platform_user, display_name, time_zone, created_at, zone_source "
    "FROM people ";

// Past this many people in memory the copies are dropped and read again as needed.
constexpr std::size_t kMostKept = 100'000;

}  // namespace

std::string People::user_key(Platform platform, const std::string& platform_user) {
    return std::string(to_string(platform)) + '\n' + platform_user;
}

void People::forget_all_if_undone() {
    if (db_.undone() == undone_seen_ && by_id_.size() < kMostKept) return;
    undone_seen_ = db_.undone();
    by_id_.clear();
    by_user_.clear();
}

void People::forget(PersonId id) {
    auto found = by_id_.find(id.value);
    if (found == by_id_.end()) return;
    by_user_.erase(user_key(found->second.person.platform, found->second.person.platform_user));
    by_id_.erase(found);
}

const People::Known* People::keep(SQLite::Statement& q) {
    Known k;
    Person& p = k.person;
    p.id = PersonId{q.getColumn(0).getInt64()};
    p.platform = platform_from_string(q.getColumn(1).getString()).value_or(Platform::console);
    p.platform_user = q.getColumn(2).getString();
    p.display_name = q.getColumn(3).getString();
    p.time_zone = columns::maybe_text(q.getColumn(4));
    p.created_at = columns::instant(q.getColumn(5));
    k.zone_source = columns::maybe_text(q.getColumn(6));
    by_user_[user_key(p.platform, p.platform_user)] = p.id.value;
    return &(by_id_[p.id.value] = std::move(k));
}

const People::Known* People::known(PersonId id) {
    forget_all_if_undone();
    if (auto found = by_id_.find(id.value); found != by_id_.end()) return &found->second;
    Query q(db_, std::string(kColumns) + "WHERE id = ?");
    q.bind(1, id.value);
    if (!q.executeStep()) return nullptr;
    return keep(q);
}

std::optional<Person> People::find(PersonId id) {
    if (const Known* k = known(id)) return k->person;
    return std::nullopt;
}

std::optional<Person> People::find(Platform platform, const std::string& platform_user) {
    forget_all_if_undone();
    const std::string key = user_key(platform, platform_user);
    if (auto found = by_user_.find(key); found != by_user_.end())
        return by_id_.at(found->second).person;
    Query q(db_, std::string(kColumns) + "WHERE platform = ? AND platform_user = ?");
    q.bind(1, std::string(to_string(platform)));
    q.bind(2, platform_user);
    if (!q.executeStep()) return std::nullopt;
    return keep(q)->person;
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
    forget(id);
}

bool People::set_profile_time_zone(PersonId id, const std::string& zone) {
    // The same test as the statement's, answered from memory for the usual case: no change.
    if (const Known* k = known(id);
        k && (k->zone_source == "command" || k->person.time_zone == zone))
        return false;
    Query q(db_,
            "UPDATE people SET time_zone = ?1, zone_source = 'profile' WHERE id = ?2 AND "
            "(zone_source IS NULL OR zone_source = 'profile') AND time_zone IS NOT ?1");
    q.bind(1, zone);
    q.bind(2, id.value);
    const bool changed = q.exec() > 0;
    forget(id);
    return changed;
}

void People::set_display_name(PersonId id, const std::string& name) {
    Query q(db_, "UPDATE people SET display_name = ? WHERE id = ?");
    q.bind(1, name);
    q.bind(2, id.value);
    q.exec();
    forget(id);
}

}  // namespace mentorbot
