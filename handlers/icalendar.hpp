// handlers/icalendar: a pair's recurring meeting as an iCalendar (RFC 5545) object — an event
// with an RRULE in the schedule's own zone, the zone's rules, CRLF lines folded at 75 octets.
#pragma once

#include <string>

#include "storage/schedule.hpp"

namespace mentorbot {

// `title` is the event's summary (user text is escaped); `now` stamps it and picks the first
// occurrence.
std::string icalendar_for(const ScheduleRule& rule, PairId pair, const std::string& title,
                          Instant now);

// RFC 5545 §3.1: lines longer than 75 octets continue on the next line after CRLF and a space,
// never inside a UTF-8 character. Input lines are separated by '\n'; output ends every line in
// CRLF.
std::string fold_lines(const std::string& text);
// RFC 5545 §3.3.11 TEXT escaping: backslash, semicolon, comma and newline.
std::string escape_text(const std::string& text);

}  // namespace mentorbot
