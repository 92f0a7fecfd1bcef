// handlers/recap: closing a meeting and the recap it leaves in the pair's space (PRODUCT §6).
#include "handlers/recap.hpp"

#include "handlers/agenda.hpp"
#include "handlers/checkin_view.hpp"
#include "handlers/meeting_plan.hpp"
#include "handlers/period.hpp"
#include "handlers/when.hpp"

namespace mentorbot {
namespace {

bool within(Instant t, Instant since, Instant until) {
    return t >= since && t <= until;
}

}  // namespace

Document meeting_recap(Context& ctx, const Pair& pair, const Meeting& m, Instant since) {
    const Instant until = m.closed_at.value_or(ctx.now);
    const Instant opened = m.opened_at.value_or(m.starts_at);
    Document d;
    d.heading("Recap — meeting #" + std::to_string(m.number));
    d.paragraph(
        Line{ctx.mention_of(pair.mentor), text(" & "), ctx.mention_of(pair.mentee),
             text(", " + format_local(opened, ctx.zone_of(ctx.person(pair.mentor))) + " · " +
                  format_duration(std::chrono::floor<std::chrono::minutes>(
                      std::max(until - opened, Instant::duration{60}))) +
                  (m.closed_by_hand ? "" : " (closed automatically)"))});

    if (auto c = ctx.store.checkins.latest(pair.id, since); c && c->at <= until) {
        d.paragraph(Line{strong("Check-in")}).bullets(checkin_lines(*c, 300));
    } else {
        d.paragraph(Line{strong("Check-in: "), text("none before this meeting.")});
    }

    std::vector<Line> takeaways;
    for (const Note& n : ctx.store.notes.shared(pair.id))
        if (within(n.at, since, until)) takeaways.push_back({text(excerpt(n.text, 300))});
    if (takeaways.empty()) takeaways.push_back({emphasis("none noted")});
    d.paragraph(Line{strong("Takeaways")}).bullets(std::move(takeaways));

    std::vector<Line> created, completed;
    std::size_t open = 0, overdue = 0;
    const date::local_days today = local_day(until, ctx.zone_of(ctx.person(pair.mentee)));
    for (const ActionItem& a : ctx.store.actions.of_pair(pair.id)) {
        if (within(a.created_at, since, until) && a.status != ActionStatus::dropped) {
            Line line{text("#" + std::to_string(a.number) + " " + excerpt(a.text, 150) + " — "),
                      ctx.mention_of(a.owner)};
            line.push_back(text(a.due ? ", due " + format_date(*a.due) : ", no due date"));
            created.push_back(std::move(line));
        }
        if (a.status == ActionStatus::done && a.closed_at && within(*a.closed_at, since, until))
            completed.push_back(
                {text("#" + std::to_string(a.number) + " " + excerpt(a.text, 150))});
        if (a.status == ActionStatus::open) {
            ++open;
            if (a.due && *a.due < today) ++overdue;
        }
    }
    if (!created.empty()) d.paragraph(Line{strong("New action items")}).bullets(std::move(created));
    if (!completed.empty())
        d.paragraph(Line{strong("Completed since the last meeting")}).bullets(std::move(completed));

    std::vector<Line> progress;
    for (const GoalEvidence& e : ctx.store.goals.evidence(pair.id))
        if (within(e.at, since, until))
            progress.push_back(
                {text("#" + std::to_string(e.goal_number) + ": " + excerpt(e.text, 200))});
    for (const Goal& g : ctx.store.goals.of_pair(pair.id))
        if (g.status == GoalStatus::done && g.closed_at && within(*g.closed_at, since, until))
            progress.push_back(
                {text("#" + std::to_string(g.number) + " done: " + excerpt(g.text, 150))});
    if (!progress.empty()) d.paragraph(Line{strong("Goal progress")}).bullets(std::move(progress));

    d.paragraph(Line{strong("Actions: "), text(std::to_string(open) + " open, " +
                                               std::to_string(overdue) + " overdue")});
    if (auto next = ctx.store.meetings.current_or_next(pair.id); next && next->id != m.id) {
        Line line{strong("Next meeting: ")};
        for (auto& s : when_for_both(ctx, pair, next->starts_at)) line.push_back(std::move(s));
        d.paragraph(std::move(line));
    } else {
        d.paragraph(Line{strong("Next meeting: "), text("not planned — set one with "),
                         code(ctx.command_text("schedule weekly tue 15:00")), text(" or "),
                         code(ctx.command_text("meeting at <date> <time>"))});
    }
    return d;
}

Document close_meeting(Context& ctx, const Pair& pair, const Meeting& meeting, bool by_hand) {
    const Instant since = current_period_start(ctx, pair);
    // Closed automatically, a meeting is taken to have run its planned length.
    const Instant closed_at =
        by_hand ? ctx.now
                : std::min(ctx.now, std::max(meeting.ends_at(),
                                             meeting.opened_at.value_or(meeting.starts_at)));
    ctx.store.meetings.close(meeting.id, MeetingStatus::held, closed_at, by_hand, std::nullopt);
    forget_reminders(ctx.store, meeting, "the meeting was closed", ctx.now);
    plan_next_meeting(ctx.store, pair, std::max(ctx.now, meeting.starts_at), ctx.now);
    remind_of_drift(ctx.store, pair, ctx.now, ctx.now);
    return meeting_recap(ctx, pair, *ctx.store.meetings.find(meeting.id), since);
}

}  // namespace mentorbot
