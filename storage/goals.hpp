// storage/goals: a pair's goals with their target dates, and the evidence of progress on them.
#pragma once

#include <optional>
#include <string>
#include <vector>

#include "storage/database.hpp"
#include "storage/types.hpp"

namespace mentorbot {

enum class GoalStatus { active, done, dropped };

struct Goal {
    PairId pair;
    int number = 0;  // shown as #1, #2, ... within the pair
    std::string text;
    std::optional<Day> target;
    GoalStatus status = GoalStatus::active;
    PersonId created_by;
    Instant created_at{};
    std::optional<Instant> closed_at;  // when it was done or dropped
};

struct GoalEvidence {
    int goal_number = 0;
    std::string text;
    PersonId added_by;
    Instant at{};
};

class Goals {
  public:
    explicit Goals(Database& db) : db_(db) {}

    Goal add(PairId pair, const std::string& text, std::optional<Day> target, PersonId by,
             Instant now);
    std::optional<Goal> find(PairId pair, int number);
    std::vector<Goal> of_pair(PairId pair);  // by number
    // Done or dropped closes the goal at `now`; active reopens it.
    void set_status(PairId pair, int number, GoalStatus status, Instant now);

    void add_evidence(PairId pair, int number, const std::string& text, PersonId by, Instant now);
    std::vector<GoalEvidence> evidence(PairId pair);  // every goal's, oldest first

  private:
    Database& db_;
};

}  // namespace mentorbot
