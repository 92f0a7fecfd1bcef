// storage/columns: how instants, calendar dates and optional values sit in SQLite columns, and
// the per-pair short numbers (#3) that items are shown with.
#pragma once

#include <SQLiteCpp/Column.h>
#include <SQLiteCpp/Statement.h>

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>

#include "storage/database.hpp"
#include "storage/types.hpp"

namespace mentorbot::columns {

std::int64_t seconds(Instant t);
Instant instant(const SQLite::Column& c);
std::optional<Instant> maybe_instant(const SQLite::Column& c);
std::optional<std::string> maybe_text(const SQLite::Column& c);
std::optional<Day> maybe_day(const SQLite::Column& c);

void bind(SQLite::Statement& q, int index, const std::optional<std::string>& text);
void bind(SQLite::Statement& q, int index, const std::optional<Day>& day);
void bind(SQLite::Statement& q, int index, const std::optional<Instant>& t);

// The next short number of a pair's items in `table` (a table with pair_id and number columns;
// named by code, never by users): 1 for the first item, then one more than the highest so far.
int next_number(Database& db, std::string_view table, PairId pair);
// Sets the status of a pair's item `number` in `table` (which has status and closed_at columns);
// `closed` is when it was closed, empty when it is open again.
void set_item_status(Database& db, std::string_view table, PairId pair, int number,
                     std::string_view status, std::optional<Instant> closed);

}  // namespace mentorbot::columns
