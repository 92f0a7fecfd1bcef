// storage/columns: how instants, calendar dates and optional values sit in SQLite columns, and
// the per-pair short numbers (#3) that items are shown with.
#include "storage/columns.hpp"
#include "storage/query.hpp"

#include <sstream>

namespace mentorbot::columns {

std::int64_t seconds(Instant t) {
    return t.time_since_epoch().count();
}

Instant instant(const SQLite::Column& c) {
    return Instant{std::chrono::seconds{c.getInt64()}};
}

std::optional<Instant> maybe_instant(const SQLite::Column& c) {
    if (c.isNull()) return std::nullopt;
    return instant(c);
}

std::optional<std::string> maybe_text(const SQLite::Column& c) {
    if (c.isNull()) return std::nullopt;
    return c.getString();
}

std::optional<Day> maybe_day(const SQLite::Column& c) {
    if (c.isNull()) return std::nullopt;
    std::istringstream in(c.getString());
    Day day;
    in >> date::parse("%F", day);
    if (in.fail()) throw StorageError("unreadable date \"" + c.getString() + "\" in the database");
    return day;
}

void bind(SQLite::Statement& q, int index, const std::optional<std::string>& text) {
    if (text)
        q.bind(index, *text);
    else
        q.bind(index);
}

void bind(SQLite::Statement& q, int index, const std::optional<Day>& day) {
    if (day)
        q.bind(index, date::format("%F", *day));
    else
        q.bind(index);
}

void bind(SQLite::Statement& q, int index, const std::optional<Instant>& t) {
    if (t)
        q.bind(index, seconds(*t));
    else
        q.bind(index);
}

int next_number(Database& db, std::string_view table, PairId pair) {
    Query q(db, "SELECT COALESCE(MAX(number), 0) + 1 FROM " + std::string(table) +
                    " WHERE pair_id = ?");
    q.bind(1, pair.value);
    q.executeStep();
    return q.getColumn(0).getInt();
}

void set_item_status(Database& db, std::string_view table, PairId pair, int number,
                     std::string_view status, std::optional<Instant> closed) {
    Query q(db, "UPDATE " + std::string(table) +
                    " SET status = ?, closed_at = ? WHERE pair_id = ? AND "
                    "number = ?");
    q.bind(1, std::string(status));
    columns::bind(q, 2, closed);  // qualified: std::bind would be found through std::optional
    q.bind(3, pair.value);
    q.bind(4, number);
    q.exec();
}

}  // namespace mentorbot::columns
