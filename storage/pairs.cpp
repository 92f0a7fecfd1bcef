// storage/pairs: mentor–mentee pairs, their status and the conversation that is their space.
#include "storage/pairs.hpp"

#include <SQLiteCpp/Statement.h>

#include <algorithm>

#include "storage/columns.hpp"
#include "storage/query.hpp"

namespace mentorbot {
namespace {

constexpr const char* kSelect =
    "SELECT id, platform, mentor_id, mentee_id, status, space, origin, created_by, created_at, "
    "ended_at, end_reason FROM pairs ";

Pair read_pair(SQLite::Statement& q) {
    Pair p;
    p.id = PairId{q.getColumn(0).getInt64()};
    p.platform = platform_from_string(q.getColumn(1).getString()).value_or(Platform::console);
    p.mentor = PersonId{q.getColumn(2).getInt64()};
    p.mentee = PersonId{q.getColumn(3).getInt64()};
    p.status = pair_status_from_string(q.getColumn(4).getString());
    p.space = columns::maybe_text(q.getColumn(5));
    p.origin = columns::maybe_text(q.getColumn(6));
    p.created_by = PersonId{q.getColumn(7).getInt64()};
    p.created_at = columns::instant(q.getColumn(8));
    p.ended_at = columns::maybe_instant(q.getColumn(9));
    p.end_reason = columns::maybe_text(q.getColumn(10));
    return p;
}

}  // namespace

void Pairs::load_if_needed() {
    if (loaded_ && db_.undone() == undone_seen_) return;
    by_id_.clear();
    by_person_.clear();
    by_space_.clear();
    undone_seen_ = db_.undone();
    Query q(db_, std::string(kSelect) + "ORDER BY id");
    while (q.executeStep()) {
        Pair p = read_pair(q);
        index(p);
        by_id_.emplace(p.id.value, std::move(p));
    }
    loaded_ = true;
}

void Pairs::index(const Pair& p) {
    // Each list stays in id order, whatever order rows are indexed in.
    auto insert_sorted = [&](std::vector<std::int64_t>& ids) {
        ids.insert(std::lower_bound(ids.begin(), ids.end(), p.id.value), p.id.value);
    };
    insert_sorted(by_person_[p.mentor.value]);
    if (p.mentee != p.mentor) insert_sorted(by_person_[p.mentee.value]);
    if (p.space) insert_sorted(by_space_[{p.platform, *p.space}]);
}

void Pairs::unindex(const Pair& p) {
    auto drop = [&](auto& map, const auto& key) {
        auto found = map.find(key);
        if (found == map.end()) return;
        std::erase(found->second, p.id.value);
        if (found->second.empty()) map.erase(found);
    };
    drop(by_person_, p.mentor.value);
    drop(by_person_, p.mentee.value);
    if (p.space) drop(by_space_, std::pair{p.platform, *p.space});
}

void Pairs::reread(PairId id) {
    load_if_needed();
    if (auto old = by_id_.find(id.value); old != by_id_.end()) {
        unindex(old->second);
        by_id_.erase(old);
    }
    Query q(db_, std::string(kSelect) + "WHERE id = ?");
    q.bind(1, id.value);
    if (!q.executeStep()) return;
    Pair p = read_pair(q);
    index(p);
    by_id_.emplace(p.id.value, std::move(p));
}

std::vector<Pair> Pairs::pick(const std::vector<std::int64_t>& ids, bool newest_first,
                              bool include_closed) const {
    std::vector<Pair> out;
    for (std::int64_t id : ids) {
        const Pair& p = by_id_.at(id);
        if (include_closed || p.status == PairStatus::active) out.push_back(p);
    }
    if (newest_first) std::reverse(out.begin(), out.end());
    return out;
}

Pair Pairs::create(Platform platform, PersonId mentor, PersonId mentee, PersonId created_by,
                   const std::optional<std::string>& origin, Instant now) {
    Query q(db_,
            "INSERT INTO pairs (platform, mentor_id, mentee_id, origin, created_by, "
            "created_at) VALUES (?, ?, ?, ?, ?, ?)");
    q.bind(1, std::string(to_string(platform)));
    q.bind(2, mentor.value);
    q.bind(3, mentee.value);
    columns::bind(q, 4, origin);
    q.bind(5, created_by.value);
    q.bind(6, columns::seconds(now));
    q.exec();
    const PairId id{db_.sql().getLastInsertRowid()};
    reread(id);
    return *find(id);
}

std::optional<Pair> Pairs::find(PairId id) {
    load_if_needed();
    auto found = by_id_.find(id.value);
    if (found == by_id_.end()) return std::nullopt;
    return found->second;
}

std::vector<Pair> Pairs::of_person(PersonId person, bool include_closed) {
    load_if_needed();
    auto found = by_person_.find(person.value);
    if (found == by_person_.end()) return {};
    return pick(found->second, true, include_closed);
}

std::optional<Pair> Pairs::active_between(PersonId a, PersonId b) {
    load_if_needed();
    auto found = by_person_.find(a.value);
    if (a == b || found == by_person_.end()) return std::nullopt;
    for (std::int64_t id : found->second)
        if (const Pair& p = by_id_.at(id); p.status == PairStatus::active && p.has_member(b))
            return p;
    return std::nullopt;
}

std::vector<Pair> Pairs::active_in_space(Platform platform, const std::string& conversation) {
    load_if_needed();
    auto found = by_space_.find({platform, conversation});
    if (found == by_space_.end()) return {};
    return pick(found->second, false, false);
}

std::vector<Pair> Pairs::all(Platform platform, bool include_closed) {
    load_if_needed();
    std::vector<Pair> out;
    for (auto it = by_id_.rbegin(); it != by_id_.rend(); ++it)
        if (it->second.platform == platform &&
            (include_closed || it->second.status == PairStatus::active))
            out.push_back(it->second);
    return out;
}

void Pairs::set_space(PairId id, const std::string& conversation) {
    Query q(db_, "UPDATE pairs SET space = ? WHERE id = ?");
    q.bind(1, conversation);
    q.bind(2, id.value);
    q.exec();
    reread(id);
}

void Pairs::close(PairId id, PairStatus status, const std::optional<std::string>& reason,
                  Instant now) {
    Query q(db_, "UPDATE pairs SET status = ?, ended_at = ?, end_reason = ? WHERE id = ?");
    q.bind(1, std::string(to_string(status)));
    q.bind(2, columns::seconds(now));
    columns::bind(q, 3, reason);
    q.bind(4, id.value);
    q.exec();
    reread(id);
}

}  // namespace mentorbot
