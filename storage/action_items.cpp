// storage/action_items: a pair's action items — owner, due date, open or closed.
#include "storage/action_items.hpp"

#include <SQLiteCpp/Statement.h>

#include "storage/columns.hpp"
#include "storage/query.hpp"

namespace mentorbot {
namespace {

constexpr const char* kSelect =
    "SELECT pair_id, number, text, owner_id, due_date, status, created_by, created_at, closed_at "
    "FROM action_items WHERE pair_id = ? ";

const char* to_column(ActionStatus s) {
    switch (s) {
        case ActionStatus::open:
            return "open";
        case ActionStatus::done:
            return "done";
        case ActionStatus::dropped:
            return "dropped";
    }
    return "open";
}

ActionStatus status_from(const std::string& s) {
    if (s == "done") return ActionStatus::done;
    if (s == "dropped") return ActionStatus::dropped;
    return ActionStatus::open;
}

ActionItem read_item(SQLite::Statement& q) {
    ActionItem a;
    a.pair = PairId{q.getColumn(0).getInt64()};
    a.number = q.getColumn(1).getInt();
    a.text = q.getColumn(2).getString();
    a.owner = PersonId{q.getColumn(3).getInt64()};
    a.due = columns::maybe_day(q.getColumn(4));
    a.status = status_from(q.getColumn(5).getString());
    a.created_by = PersonId{q.getColumn(6).getInt64()};
    a.created_at = columns::instant(q.getColumn(7));
    a.closed_at = columns::maybe_instant(q.getColumn(8));
    return a;
}

}  // namespace

ActionItem ActionItems::add(PairId pair, PersonId owner, const std::string& text,
                            std::optional<Day> due, PersonId by, Instant now) {
    const int number = columns::next_number(db_, "action_items", pair);
    Query q(db_,
            "INSERT INTO action_items (pair_id, number, text, owner_id, due_date, "
            "created_by, created_at) VALUES (?, ?, ?, ?, ?, ?, ?)");
    q.bind(1, pair.value);
    q.bind(2, number);
    q.bind(3, text);
    q.bind(4, owner.value);
    columns::bind(q, 5, due);
    q.bind(6, by.value);
    q.bind(7, columns::seconds(now));
    q.exec();
    ActionItem added;
    added.pair = pair;
    added.number = number;
    added.text = text;
    added.owner = owner;
    added.due = due;
    added.status = ActionStatus::open;
    added.created_by = by;
    added.created_at = now;
    return added;
}

std::optional<ActionItem> ActionItems::find(PairId pair, int number) {
    Query q(db_, std::string(kSelect) + "AND number = ?");
    q.bind(1, pair.value);
    q.bind(2, number);
    if (!q.executeStep()) return std::nullopt;
    return read_item(q);
}

std::vector<ActionItem> ActionItems::of_pair(PairId pair) {
    Query q(db_, std::string(kSelect) + "ORDER BY number");
    q.bind(1, pair.value);
    std::vector<ActionItem> out;
    while (q.executeStep()) out.push_back(read_item(q));
    return out;
}

ActionItems::Pressing ActionItems::most_pressing(PairId pair, Day today, int limit) {
    Pressing pressing;
    Query q(db_, std::string(kSelect) +
                     "AND status = 'open' ORDER BY due_date IS NOT NULL AND due_date < ? DESC, "
                     "due_date IS NULL, due_date, number LIMIT ?");
    q.bind(1, pair.value);
    columns::bind(q, 2, std::optional<Day>(today));  // dates are stored as YYYY-MM-DD: text order
    q.bind(3, limit);
    while (q.executeStep()) pressing.first.push_back(read_item(q));
    Query count(db_, "SELECT count(*) FROM action_items WHERE pair_id = ? AND status = 'open'");
    count.bind(1, pair.value);
    count.executeStep();
    pressing.open = count.getColumn(0).getInt();
    return pressing;
}

void ActionItems::set_status(PairId pair, int number, ActionStatus status, Instant now) {
    columns::set_item_status(
        db_, "action_items", pair, number, to_column(status),
        status == ActionStatus::open ? std::nullopt : std::optional<Instant>(now));
}

void ActionItems::set_due(PairId pair, int number, std::optional<Day> due) {
    Query q(db_, "UPDATE action_items SET due_date = ? WHERE pair_id = ? AND number = ?");
    columns::bind(q, 1, due);
    q.bind(2, pair.value);
    q.bind(3, number);
    q.exec();
}

void ActionItems::set_text(PairId pair, int number, const std::string& text) {
    Query q(db_, "UPDATE action_items SET text = ? WHERE pair_id = ? AND number = ?");
    q.bind(1, text);
    q.bind(2, pair.value);
    q.bind(3, number);
    q.exec();
}

}  // namespace mentorbot
