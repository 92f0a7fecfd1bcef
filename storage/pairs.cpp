// storage/pairs: mentor–mentee pairs, their status and the conversation that is their space.
#include "storage/pairs.hpp"

#include <SQLiteCpp/Statement.h>

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
    return *find(PairId{db_.sql().getLastInsertRowid()});
}

std::optional<Pair> Pairs::find(PairId id) {
    auto found = query("WHERE id = ?", {}, {id.value});
    if (found.empty()) return std::nullopt;
    return found.front();
}

std::vector<Pair> Pairs::of_person(PersonId person, bool include_closed) {
    return query(std::string("WHERE (mentor_id = ? OR mentee_id = ?)") +
                     (include_closed ? "" : " AND status = 'active'") + " ORDER BY id DESC",
                 {}, {person.value, person.value});
}

std::optional<Pair> Pairs::active_between(PersonId a, PersonId b) {
    auto found = query(
        "WHERE status = 'active' AND ((mentor_id = ? AND mentee_id = ?) OR "
        "(mentor_id = ? AND mentee_id = ?))",
        {}, {a.value, b.value, b.value, a.value});
    if (found.empty()) return std::nullopt;
    return found.front();
}

std::vector<Pair> Pairs::active_in_space(Platform platform, const std::string& conversation) {
    return query("WHERE status = 'active' AND platform = ? AND space = ? ORDER BY id",
                 {std::string(to_string(platform)), conversation}, {});
}

std::vector<Pair> Pairs::all(Platform platform, bool include_closed) {
    return query(std::string("WHERE platform = ?") +
                     (include_closed ? "" : " AND status = 'active'") + " ORDER BY id DESC",
                 {std::string(to_string(platform))}, {});
}

void Pairs::set_space(PairId id, const std::string& conversation) {
    Query q(db_, "UPDATE pairs SET space = ? WHERE id = ?");
    q.bind(1, conversation);
    q.bind(2, id.value);
    q.exec();
}

void Pairs::close(PairId id, PairStatus status, const std::optional<std::string>& reason,
                  Instant now) {
    Query q(db_, "UPDATE pairs SET status = ?, ended_at = ?, end_reason = ? WHERE id = ?");
    q.bind(1, std::string(to_string(status)));
    q.bind(2, columns::seconds(now));
    columns::bind(q, 3, reason);
    q.bind(4, id.value);
    q.exec();
}

std::vector<Pair> Pairs::query(const std::string& where, const std::vector<std::string>& text_args,
                               const std::vector<std::int64_t>& int_args) {
    Query q(db_, kSelect + where);
    int index = 1;
    for (const auto& t : text_args) q.bind(index++, t);
    for (auto v : int_args) q.bind(index++, v);
    std::vector<Pair> out;
    while (q.executeStep()) out.push_back(read_pair(q));
    return out;
}

}  // namespace mentorbot
