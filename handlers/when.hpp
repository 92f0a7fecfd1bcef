// handlers/when: dates, times of day, durations and time zones as users type and read them.
#pragma once

#include <date/tz.h>

#include <chrono>
#include <optional>
#include <span>
#include <string>
#include <string_view>

#include "handlers/tokenizer.hpp"
#include "storage/types.hpp"

namespace mentorbot {

struct DateWords {
    date::local_days day;
    std::size_t used = 0;  // how many tokens the date took ("in 3 days" takes three)
};

// `today`, `tomorrow`, a weekday (`fri`: the next Friday after today), `next fri`,
// `2026-12-01`, `in 3 days`, `in 2 weeks`. Reads from the start of `tokens`.
std::optional<DateWords> parse_date(std::span<const Token> tokens, date::local_days today);
// `15:00`, `9:05`, `3pm`, `3:30pm`, `noon`, `midnight`: minutes after local midnight.
std::optional<std::chrono::minutes> parse_time_of_day(std::string_view word);
// `30m`, `1h`, `90m`, `1h30m`, `2d`, `1w` (also `45min`, `2hours`).
std::optional<std::chrono::minutes> parse_duration(std::string_view word);
std::optional<date::weekday> parse_weekday(std::string_view word);

// nullptr when the IANA zone name is unknown.
const date::time_zone* find_zone(std::string_view name);
// The instant of a local wall-clock time: the earlier one when clocks go back, the first valid
// minute after a gap when clocks go forward.
Instant to_instant(date::local_seconds local, const date::time_zone* zone);
date::local_days local_day(Instant t, const date::time_zone* zone);
date::local_seconds to_local(Instant t, const date::time_zone* zone);

std::string format_date(date::local_days day);                     // "Tue 1 Dec 2026"
std::string format_local(Instant t, const date::time_zone* zone);  // "Tue 1 Dec 2026 15:00 CET"
std::string format_time(Instant t, const date::time_zone* zone);   // "15:00 CET"
std::string format_duration(std::chrono::minutes m);               // "1h 30m"
std::string iso_date(date::local_days day);                        // "2026-12-01"

}  // namespace mentorbot
