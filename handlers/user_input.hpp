// handlers/user_input: the checks every verb applies to what people type — text that is neither
// empty nor too long, item numbers (#3), and dates that have not passed.
#pragma once

#include <optional>
#include <string>
#include <string_view>

#include "handlers/args.hpp"
#include "handlers/outcome.hpp"
#include "storage/types.hpp"

namespace mentorbot {

// Longest text a person may store in one field, in characters (help states it).
inline constexpr std::size_t kMaxTextChars = 2000;

std::size_t char_count(std::string_view utf8);

// Refuses empty text and text over the limit; `what` names it ("the note", "challenges:").
std::optional<UserError> refuse_text(std::string_view what, std::string_view text);

// The item number that comes next (`3` or `#3`); `kind` names the list ("action", "goal").
Expected<int> take_item_number(Args& args, std::string_view kind);
std::string item_label(int number);  // "#3"
// The refusal for a number the pair has no item under.
UserError no_such_item(std::string_view kind, int number);

// A date that fills the rest of the input, read relative to `today`; refuses passed dates.
Expected<Day> take_date(Args& args, Day today, std::string_view what);
// Refuses a date before `today`; `what` names it ("the due date").
std::optional<UserError> refuse_past(Day day, Day today, std::string_view what);

}  // namespace mentorbot
