// handlers/meeting_plan: puts meetings on the calendar with their reminders, and takes them off.
#include "handlers/meeting_plan.hpp"

#include "handlers/recurrence.hpp"
#include "handlers/when.hpp"

namespace mentorbot {
namespace {

void add_reminder(Store& store, const Pair& pair, const char* kind,
                  std::optional<MeetingId> meeting, std::optional<PersonId> person, Instant due,
                  Instant now) {
    if (due < now) return;  // already past when planned: nothing to remind of
    Reminder r;
    r.pair = pair.id;
    r.kind = kind;
    r.meeting = meeting;
    r.person = person;
    r.due_at = due;
    store.reminders.add(r);
}

}  // namespace

bool paused_at(Store& store, PairId pair, Instant t) {
    const auto pause = store.schedules.pause_of(pair);
    if (!pause) return false;
    const date::time_zone* zone = find_zone(pause->zone);
    if (!zone) return false;
    return local_day(t, zone).time_since_epoch().count() < pause->until_day;
}

void remind_for_meeting(Store& store, const Pair& pair, const Meeting& m, Instant now) {
    add_reminder(store, pair, "prep", m.id, pair.mentee, m.starts_at - kPrepLead, now);
    add_reminder(store, pair, "meeting", m.id, std::nullopt, m.starts_at - kMeetingLead, now);
    add_reminder(store, pair, "start", m.id, std::nullopt, m.starts_at, now);
    add_reminder(store, pair, "recap", m.id, std::nullopt, m.ends_at() + kRecapGrace, now);
}

void forget_reminders(Store& store, const Meeting& meeting, const std::string& reason,
                      Instant now) {
    store.reminders.drop_for_meeting(meeting.id, reason, now);
}

std::optional<Meeting> plan_next_meeting(Store& store, const Pair& pair, Instant after,
                                         Instant now) {
    if (pair.status != PairStatus::active) return std::nullopt;
    const auto rule = store.schedules.find(pair.id);
    if (!rule) return std::nullopt;
    if (auto planned = store.meetings.planned_from_schedule(pair.id); !planned.empty())
        return planned.front();
    auto next = next_occurrence(*rule, after);
    for (int guard = 0; next && paused_at(store, pair.id, *next) && guard < 60; ++guard)
        next = next_occurrence(*rule, *next);
    if (!next) return std::nullopt;
    const Meeting m = store.meetings.add(pair.id, *next, rule->duration_minutes, true);
    remind_for_meeting(store, pair, m, now);
    return m;
}

std::optional<Meeting> replan_schedule(Store& store, const Pair& pair, Instant now) {
    for (const Meeting& m : store.meetings.planned_from_schedule(pair.id)) {
        forget_reminders(store, m, "the schedule changed", now);
        store.reminders.detach_meeting(m.id);
        store.meetings.remove(m.id);
    }
    return plan_next_meeting(store, pair, now, now);
}

void remind_of_drift(Store& store, const Pair& pair, Instant from, Instant now) {
    store.reminders.drop_kind(pair.id, "drift", std::nullopt, "a newer drift check replaced it",
                              now);
    const auto rule = store.schedules.find(pair.id);
    if (!rule) return;
    add_reminder(store, pair, "drift", std::nullopt, std::nullopt,
                 from + date::days{2 * cadence_days(*rule)}, now);
}

}  // namespace mentorbot
