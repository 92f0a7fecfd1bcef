// handlers/reminder_engine: fires due reminders once, late after downtime, dropped when stale.
#include "handlers/reminder_engine.hpp"

#include "handlers/agenda.hpp"
#include "handlers/context.hpp"
#include "handlers/meeting_plan.hpp"
#include "handlers/period.hpp"
#include "handlers/recap.hpp"
#include "handlers/recurrence.hpp"
#include "handlers/reminder_texts.hpp"

namespace mentorbot {
namespace {

// What firing one reminder comes to: a message, or a reason to drop it.
struct Firing {
    std::optional<Document> message;
    std::string dropped_because;
};

Firing drop(std::string why) {
    return {std::nullopt, std::move(why)};
}
Firing post(Document d) {
    return {std::move(d), {}};
}

Firing fire_one(Context& ctx, const Pair& pair, const Reminder& r) {
    Store& store = ctx.store;
    std::optional<Meeting> meeting;
    if (r.meeting) meeting = store.meetings.find(*r.meeting);
    const bool meeting_kind =
        r.kind == "prep" || r.kind == "meeting" || r.kind == "start" || r.kind == "recap";
    if (meeting_kind) {
        if (!meeting) return drop("its meeting is gone");
        const bool closed = meeting->status == MeetingStatus::held ||
                            meeting->status == MeetingStatus::skipped ||
                            meeting->status == MeetingStatus::cancelled;
        if (closed)
            return drop("the meeting was already " + std::string(to_string(meeting->status)));
    }
    if (r.kind == "prep") {
        if (ctx.now >= meeting->starts_at) return drop("the meeting has already started");
        if (store.checkins.latest(pair.id, current_period_start(ctx, pair)))
            return drop("the mentee already checked in");
        return post(prep_reminder(ctx, pair, *meeting));
    }
    if (r.kind == "meeting") {
        if (ctx.now >= meeting->ends_at()) return drop("the meeting has already ended");
        return post(agenda_preview(ctx, pair, *meeting));
    }
    if (r.kind == "start") {
        if (ctx.now >= meeting->ends_at()) return drop("the meeting has already ended");
        if (meeting->status == MeetingStatus::planned)
            store.meetings.open(meeting->id, meeting->starts_at);
        return post(meeting_agenda(ctx, pair, *store.meetings.find(meeting->id)));
    }
    if (r.kind == "recap") return post(close_meeting(ctx, pair, *meeting, false));
    if (r.kind == "drift") {
        const auto rule = store.schedules.find(pair.id);
        if (!rule) return drop("the pair has no schedule any more");
        return post(drift_nudge(ctx, pair, cadence_days(*rule)));
    }
    if (r.kind == "retro") {
        Reminder next = r;
        next.due_at = r.due_at + kRetroEvery;
        next.nudge = r.nudge + 1;
        store.reminders.add(next);
        return post(retro_questions(ctx));
    }
    if (auto extra = fire_mentorship_reminder(ctx, pair, r)) {
        if (extra->empty()) return drop("it no longer applies");
        return post(std::move(*extra));
    }
    return drop("unknown reminder kind " + r.kind);
}

}  // namespace

FireReport fire_due(Store& store, const Settings& settings, Instant now, int limit) {
    FireReport report;
    Database::Transaction tx(store.db);
    for (const Reminder& r : store.reminders.due(now, limit)) {
        const auto pair = store.pairs.find(r.pair);
        auto dropped = [&](const std::string& why) {
            store.reminders.drop(r.id, why, now);
            ++report.dropped;
            report.drops.push_back("reminder #" + std::to_string(r.number) + " (" + r.kind +
                                   ") of pair " + std::to_string(r.pair.value) + ": " + why);
        };
        if (!pair || pair->status != PairStatus::active) {
            dropped("the pair has ended");
            continue;
        }
        if (paused_at(store, pair->id, r.due_at)) {
            dropped("the pair is paused");
            continue;
        }
        // The engine speaks for nobody in particular: a context whose caller is the mentee.
        Command scratch;
        scratch.platform = pair->platform;
        const Person mentee = store.people.find(pair->mentee).value_or(Person{});
        Context ctx{scratch, store, settings, now, mentee, false};
        Firing f = fire_one(ctx, *pair, r);
        if (!f.message) {
            dropped(f.dropped_because);
            continue;
        }
        if (r.kind != "recap" && r.kind != "start" && r.kind != "meeting")
            f.message->paragraph(
                Line{emphasis("Reminder #" + std::to_string(r.number) + " · to postpone it: " +
                              ctx.command_text("snooze " + std::to_string(r.number) + " 1h"))});
        QueuedMessage m;
        m.platform = pair->platform;
        if (r.person)
            m.person = r.person;
        else
            m.pair = pair->id;
        m.kind = "reminder." + r.kind;
        m.body = serialize(*f.message);
        m.due_at = now;
        m.late = now - r.due_at > kLateAfter;
        store.outbox.enqueue(m, now);
        store.reminders.mark_sent(r.id, now);
        ++report.sent;
    }
    tx.commit();
    return report;
}

std::optional<Instant> next_wakeup(Store& store, Platform platform) {
    auto a = store.reminders.next_due();
    auto b = store.outbox.next_due(platform);
    if (a && b) return std::min(*a, *b);
    return a ? a : b;
}

}  // namespace mentorbot
