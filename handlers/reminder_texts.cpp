// handlers/reminder_texts: what each automatic reminder says, and the reminders that follow the
// mentorship's own records.
#include "handlers/reminder_texts.hpp"

#include "handlers/agenda.hpp"
#include "handlers/agreement_terms.hpp"
#include "handlers/meeting_plan.hpp"
#include "handlers/when.hpp"

namespace mentorbot {
namespace {

Instant morning_of(date::local_days day, const date::time_zone* zone) {
    return to_instant(date::local_seconds{day} + kMorning, zone);
}

void add(Store& store, const Pair& pair, const char* kind, std::optional<std::int64_t> subject,
         std::optional<PersonId> person, Instant due, int nudge = 0) {
    Reminder r;
    r.pair = pair.id;
    r.kind = kind;
    r.subject = subject;
    r.person = person;
    r.due_at = due;
    r.nudge = nudge;
    store.reminders.add(r);
}

Document action_message(Context& ctx, const ActionItem& a, bool overdue, int nudge) {
    Document d;
    const std::string id = std::to_string(a.number);
    if (overdue)
        d.paragraph(Line{strong("Overdue action #" + id + ": "), text(excerpt(a.text, 300))});
    else
        d.paragraph(Line{strong("Due today, action #" + id + ": "), text(excerpt(a.text, 300))});
    if (overdue)
        d.paragraph("It was due " + format_date(*a.due) +
                    (nudge >= kMaxOverdueNudges ? ". This is the last reminder." : "."));
    d.paragraph(Line{text("Close it with "), code(ctx.command_text("action done " + id)),
                     text(", or move it with "),
                     code(ctx.command_text("action due " + id + " <date>")), text(".")});
    return d;
}

}  // namespace

Document prep_reminder(Context& ctx, const Pair& pair, const Meeting& m) {
    Document d;
    d.heading("Prepare for tomorrow's meeting");
    Line when{text("You meet "), ctx.mention_of(pair.mentor),
              text(" " + format_local(m.starts_at, ctx.zone_of(ctx.person(pair.mentee))) + ".")};
    d.paragraph(std::move(when));
    d.paragraph(
        "A short check-in makes the time count: what moved, what is in the way, what you "
        "want to ask, and what you would like to focus on.");
    d.paragraph(Line{code(
        ctx.command_text("checkin progress: … challenges: … questions: … focus: … energy: 1-5"))});
    return d;
}

Document drift_nudge(Context& ctx, const Pair& pair, int cadence_days) {
    Document d;
    d.heading("It has been a while");
    d.paragraph(Line{ctx.mention_of(pair.mentor), text(" and "), ctx.mention_of(pair.mentee),
                     text(": no meeting has been held for " + std::to_string(2 * cadence_days) +
                          " days, twice your usual rhythm. A short catch-up keeps things moving — "
                          "even 20 minutes.")});
    d.paragraph(Line{text("See how things stand with "), code(ctx.command_text("health")),
                     text(", or plan a meeting with "),
                     code(ctx.command_text("meeting at <date> <time>")), text(".")});
    return d;
}

Document retro_questions(Context& ctx) {
    Document d;
    d.heading("Time for a retrospective");
    d.paragraph(
        "Every twelve weeks, step back together and look at how the mentoring itself is "
        "going:");
    d.numbered({{text("What has helped you most so far?")},
                {text("What has slowed you down or got in the way?")},
                {text("What should we change for the next twelve weeks?")}});
    d.paragraph(Line{text("Each of you can answer with "),
                     code(ctx.command_text("retro helped: … slowed: … change: …")), text(".")});
    return d;
}

std::optional<Document> fire_mentorship_reminder(Context& ctx, const Pair& pair,
                                                 const Reminder& r) {
    Store& store = ctx.store;
    if (r.kind == "action.due" || r.kind == "action.overdue") {
        const auto a =
            r.subject ? store.actions.find(pair.id, static_cast<int>(*r.subject)) : std::nullopt;
        if (!a || a->status != ActionStatus::open || !a->due) return Document{};
        const auto* zone = ctx.zone_of(ctx.person(a->owner));
        const date::local_days today = local_day(ctx.now, zone);
        if (r.kind == "action.due") {
            if (*a->due < today - date::days{1}) return Document{};  // moved earlier meanwhile
            add(store, pair, "action.overdue", r.subject, a->owner,
                morning_of(*a->due + date::days{1}, zone), 1);
            return action_message(ctx, *a, false, 0);
        }
        if (*a->due >= today) return Document{};  // moved later meanwhile
        if (r.nudge < kMaxOverdueNudges)
            add(store, pair, "action.overdue", r.subject, a->owner, r.due_at + kOverdueEvery,
                r.nudge + 1);
        return action_message(ctx, *a, true, r.nudge);
    }
    if (r.kind == "agreement.unsigned") {
        const AgreementTerms terms = load_agreement(store, pair);
        if (terms.version() > 0 && terms.signed_by_both(pair, terms.version())) return Document{};
        Document d;
        d.heading("Your agreement is not signed yet");
        std::vector<Line> missing;
        for (PersonId p : {pair.mentor, pair.mentee})
            if (terms.version() == 0 || !terms.signed_by(p, terms.version()))
                missing.push_back({ctx.mention_of(p), text(" has not signed")});
        d.bullets(std::move(missing));
        d.paragraph(Line{text("Read it with "), code(ctx.command_text("agreement")),
                         text(" and sign with "), code(ctx.command_text("agreement sign")),
                         text(". A written agreement is what keeps expectations clear.")});
        return d;
    }
    if (r.kind == "agreement.review") {
        Document d;
        d.heading("Agreement review day");
        d.paragraph(
            "You planned to review your mentorship agreement today: does it still describe "
            "what you are doing together?");
        d.paragraph(Line{text("Read it with "), code(ctx.command_text("agreement")),
                         text(", change a field with "),
                         code(ctx.command_text("agreement set <field> <text>")),
                         text(" and sign the new version with "),
                         code(ctx.command_text("agreement sign")), text(".")});
        return d;
    }
    return std::nullopt;
}

void remind_of_action(Context& ctx, const Pair& pair, int number) {
    for (const char* kind : {"action.due", "action.overdue"})
        ctx.store.reminders.drop_kind(pair.id, kind, number, "the action item changed", ctx.now);
    if (const auto a = ctx.store.actions.find(pair.id, number)) remind_of_new_action(ctx, pair, *a);
}

void remind_of_new_action(Context& ctx, const Pair& pair, const ActionItem& a) {
    if (a.status != ActionStatus::open || !a.due) return;
    const auto* zone = ctx.zone_of(ctx.person(a.owner));
    const Instant due_morning = morning_of(*a.due, zone);
    if (due_morning >= ctx.now) {
        add(ctx.store, pair, "action.due", a.number, a.owner, due_morning);
        return;
    }
    Instant first_overdue = morning_of(*a.due + date::days{1}, zone);
    if (first_overdue < ctx.now)
        first_overdue = morning_of(local_day(ctx.now, zone) + date::days{1}, zone);
    add(ctx.store, pair, "action.overdue", a.number, a.owner, first_overdue, 1);
}

void remind_new_pair(Context& ctx, const Pair& pair) {
    add(ctx.store, pair, "agreement.unsigned", std::nullopt, std::nullopt,
        pair.created_at + kUnsignedAfter);
    add(ctx.store, pair, "retro", std::nullopt, std::nullopt, pair.created_at + kRetroEvery);
}

void remind_of_review(Context& ctx, const Pair& pair, date::local_days review_day) {
    ctx.store.reminders.drop_kind(pair.id, "agreement.review", std::nullopt,
                                  "a newer review date replaced it", ctx.now);
    const Instant at = morning_of(review_day, ctx.zone());
    if (at >= ctx.now) add(ctx.store, pair, "agreement.review", std::nullopt, std::nullopt, at);
}

}  // namespace mentorbot
