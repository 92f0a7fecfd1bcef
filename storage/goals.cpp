// storage/goals: a pair's goals with their target dates, and the evidence of progress on them.
#include "storage/goals.hpp"

#include <SQLiteCpp/Statement.h>

#include "storage/columns.hpp"
#include "storage/query.hpp"

namespace mentorbot {
namespace {

constexpr const char* kSelect =
    "SELECT pair_id, number, text, target_date, status, created_by, created_at, closed_at FROM "
    "goals WHERE pair_id = ? ";

const char* to_column(GoalStatus s) {
    switch (s) {
        case GoalStatus::active:
            return "active";
        case GoalStatus::done:
            return "done";
        case GoalStatus::dropped:
            return "dropped";
    }
    return "active";
}

GoalStatus status_from(const std::string& s) {
    if (s == "done") return GoalStatus::done;
    if (s == "dropped") return GoalStatus::dropped;
    return GoalStatus::active;
}

Goal read_goal(SQLite::Statement& q) {
    Goal g;
    g.pair = PairId{q.getColumn(0).getInt64()};
    g.number = q.getColumn(1).getInt();
    g.text = q.getColumn(2).getString();
    g.target = columns::maybe_day(q.getColumn(3));
    g.status = status_from(q.getColumn(4).getString());
    g.created_by = PersonId{q.getColumn(5).getInt64()};
    g.created_at = columns::instant(q.getColumn(6));
    g.closed_at = columns::maybe_instant(q.getColumn(7));
    return g;
}

}  // namespace

Goal Goals::add(PairId pair, const std::string& text, std::optional<Day> target, PersonId by,
                Instant now) {
    const int number = columns::next_number(db_, "goals", pair);
    Query q(db_,
            "INSERT INTO goals (pair_id, number, text, target_date, created_by, "
            "created_at) VALUES (?, ?, ?, ?, ?, ?)");
    q.bind(1, pair.value);
    q.bind(2, number);
    q.bind(3, text);
    columns::bind(q, 4, target);
    q.bind(5, by.value);
    q.bind(6, columns::seconds(now));
    q.exec();
    return *find(pair, number);
}

std::optional<Goal> Goals::find(PairId pair, int number) {
    Query q(db_, std::string(kSelect) + "AND number = ?");
    q.bind(1, pair.value);
    q.bind(2, number);
    if (!q.executeStep()) return std::nullopt;
    return read_goal(q);
}

std::vector<Goal> Goals::of_pair(PairId pair) {
    Query q(db_, std::string(kSelect) + "ORDER BY number");
    q.bind(1, pair.value);
    std::vector<Goal> out;
    while (q.executeStep()) out.push_back(read_goal(q));
    return out;
}

void Goals::set_status(PairId pair, int number, GoalStatus status, Instant now) {
    columns::set_item_status(
        db_, "goals", pair, number, to_column(status),
        status == GoalStatus::active ? std::nullopt : std::optional<Instant>(now));
}

void Goals::add_evidence(PairId pair, int number, const std::string& text, PersonId by,
                         Instant now) {
    Query q(db_,
            "INSERT INTO goal_evidence (goal_id, text, added_by, created_at) SELECT id, "
            "?, ?, ? FROM goals WHERE pair_id = ? AND number = ?");
    q.bind(1, text);
    q.bind(2, by.value);
    q.bind(3, columns::seconds(now));
    q.bind(4, pair.value);
    q.bind(5, number);
    q.exec();
}

std::vector<GoalEvidence> Goals::evidence(PairId pair) {
    Query q(db_,
            "SELECT g.number, e.text, e.added_by, e.created_at FROM goal_evidence e "
            "JOIN goals g ON g.id = e.goal_id WHERE g.pair_id = ? ORDER BY "
            "e.created_at, e.id");
    q.bind(1, pair.value);
    std::vector<GoalEvidence> out;
    while (q.executeStep())
        out.push_back({q.getColumn(0).getInt(), q.getColumn(1).getString(),
                       PersonId{q.getColumn(2).getInt64()}, columns::instant(q.getColumn(3))});
    return out;
}

}  // namespace mentorbot
