// handlers/meeting_plan: puts meetings on the calendar with their reminders — the next one of
// the schedule, one-offs, moves — and takes them off again.
#pragma once

#include "storage/store.hpp"

namespace mentorbot {

inline constexpr auto kPrepLead = std::chrono::hours{24};
inline constexpr auto kMeetingLead = std::chrono::minutes{15};
inline constexpr auto kRecapGrace = std::chrono::minutes{10};
inline constexpr auto kRetroEvery = std::chrono::weeks{12};

// Adds the meeting's prep, meeting, start and automatic recap reminders (those still ahead).
void remind_for_meeting(Store& store, const Pair& pair, const Meeting& meeting, Instant now);
// Takes a meeting's pending reminders away (it was moved, skipped, cancelled or closed).
void forget_reminders(Store& store, const Meeting& meeting, const std::string& reason, Instant now);

// Plans the schedule's next meeting after `after` (outside any pause), unless one is already
// planned from the schedule. Returns it.
std::optional<Meeting> plan_next_meeting(Store& store, const Pair& pair, Instant after,
                                         Instant now);
// Replaces the planned meetings of the schedule (the rule changed or a pause ended).
std::optional<Meeting> replan_schedule(Store& store, const Pair& pair, Instant now);

// The drift nudge: twice the cadence after `from` (replacing the previous one).
void remind_of_drift(Store& store, const Pair& pair, Instant from, Instant now);

// Whether the pair is paused at `t`.
bool paused_at(Store& store, PairId pair, Instant t);

}  // namespace mentorbot
