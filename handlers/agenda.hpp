// handlers/agenda: what a meeting is about — the preview before it and the timeboxed agenda at
// its start (check-in, open and overdue actions, goals due soon).
#pragma once

#include <string>
#include <vector>

#include "handlers/context.hpp"
#include "storage/schedule.hpp"

namespace mentorbot {

struct Timebox {
    std::string part;
    int minutes;
};

// The five parts of a meeting scaled to its length (PRODUCT §4): check-in 5–10, progress review
// 10–15, deep dive 30–40, action planning 10–15, wrap-up 5. The minutes add up to the length.
std::vector<Timebox> timeboxes(int duration_minutes);

// "Tue 3 Nov 2026 15:00 CET for @dana · 09:00 EST for @sam"
Line when_for_both(const Context& ctx, const Pair& pair, Instant at);

Document agenda_preview(Context& ctx, const Pair& pair, const Meeting& meeting);
Document meeting_agenda(Context& ctx, const Pair& pair, const Meeting& meeting);

}  // namespace mentorbot
