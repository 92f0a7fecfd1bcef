// handlers/reminder_texts: what each automatic reminder says, and the reminders that follow the
// mentorship's own records (action items due and overdue, the agreement unsigned or up for review).
#pragma once

#include <optional>

#include "handlers/context.hpp"
#include "storage/reminders.hpp"
#include "storage/schedule.hpp"

namespace mentorbot {

inline constexpr int kMaxOverdueNudges = 3;
inline constexpr auto kOverdueEvery = date::days{3};
inline constexpr auto kUnsignedAfter = date::days{3};
inline constexpr auto kMorning = std::chrono::hours{9};

Document prep_reminder(Context& ctx, const Pair& pair, const Meeting& meeting);
Document drift_nudge(Context& ctx, const Pair& pair, int cadence_days);
Document retro_questions(Context& ctx);

// Fires the reminders about actions and the agreement: a message, an empty document when the
// reminder no longer applies, or nothing when the kind is not one of these.
std::optional<Document> fire_mentorship_reminder(Context& ctx, const Pair& pair, const Reminder& r);

// (Re)plans the due and overdue reminders of one action item (none when it is closed or has no
// due date); call after every change of the item.
void remind_of_action(Context& ctx, const Pair& pair, int action_number);
// The same for an item just added, which has no reminders yet.
void remind_of_new_action(Context& ctx, const Pair& pair, const ActionItem& item);
// The reminders every new pair gets: agreement unsigned after 3 days, retro every 12 weeks.
void remind_new_pair(Context& ctx, const Pair& pair);
// The agreement review reminder at 09:00 on the review date (replacing an earlier one).
void remind_of_review(Context& ctx, const Pair& pair, date::local_days review_day);

}  // namespace mentorbot
