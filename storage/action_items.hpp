// storage/action_items: a pair's action items — owner, due date, open or closed.
#pragma once

#include <optional>
#include <string>
#include <vector>

#include "storage/database.hpp"
#include "storage/types.hpp"

namespace mentorbot {

enum class ActionStatus { open, done, dropped };

struct ActionItem {
    PairId pair;
    int number = 0;  // shown as #1, #2, ... within the pair
    std::string text;
    PersonId owner;
    std::optional<Day> due;
    ActionStatus status = ActionStatus::open;
    PersonId created_by;
    Instant created_at{};
    std::optional<Instant> closed_at;  // when it was done or dropped
};

class ActionItems {
  public:
    explicit ActionItems(Database& db) : db_(db) {}

    ActionItem add(PairId pair, PersonId owner, const std::string& text, std::optional<Day> due,
                   PersonId by, Instant now);
    std::optional<ActionItem> find(PairId pair, int number);
    std::vector<ActionItem> of_pair(PairId pair);  // by number
    // The pair's open items most in need of attention — overdue on `today` first, then by due
    // date (undated last), then by number — at most `limit` of them, and how many are open.
    struct Pressing {
        std::vector<ActionItem> first;
        int open = 0;
    };
    Pressing most_pressing(PairId pair, Day today, int limit);
    // Done or dropped closes the item at `now`; open reopens it.
    void set_status(PairId pair, int number, ActionStatus status, Instant now);
    void set_due(PairId pair, int number, std::optional<Day> due);
    void set_text(PairId pair, int number, const std::string& text);

  private:
    Database& db_;
};

}  // namespace mentorbot
