// handlers/recurrence: when a schedule's meetings fall — computed in the schedule's zone from
// its wall-clock time, so a 15:00 meeting stays at 15:00 across daylight-saving changes.
#pragma once

#include <optional>
#include <string>
#include <vector>

#include "storage/schedule.hpp"

namespace mentorbot {

// The first meeting of the rule that starts strictly after `after`.
std::optional<Instant> next_occurrence(const ScheduleRule& rule, Instant after);
std::vector<Instant> next_occurrences(const ScheduleRule& rule, Instant after, std::size_t count);

// Days between meetings, for drift ("no meeting for twice the cadence").
int cadence_days(const ScheduleRule& rule);
// "every Tuesday at 15:00", "every other Tuesday at 15:00", "the last Friday of each month at 9:30"
std::string describe(const ScheduleRule& rule);

}  // namespace mentorbot
