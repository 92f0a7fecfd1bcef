// handlers/agenda: what a meeting is about — the preview before it and the timeboxed agenda.
#include "handlers/agenda.hpp"

#include <algorithm>
#include <cmath>

#include "handlers/checkin_view.hpp"
#include "handlers/period.hpp"
#include "handlers/when.hpp"

namespace mentorbot {
namespace {

// What the meeting will look at: the mentee's check-in, open and overdue actions, goals due soon.
void add_material(Context& ctx, const Pair& pair, Document& d) {
    const Instant since = current_period_start(ctx, pair);
    if (auto c = ctx.store.checkins.latest(pair.id, since)) {
        d.paragraph(Line{strong("Check-in"), text(" from "), ctx.mention_of(pair.mentee)});
        d.bullets(checkin_lines(*c, 200));
    } else {
        d.paragraph(Line{strong("Check-in: "), text("none yet — "), ctx.mention_of(pair.mentee),
                         text(", send yours with "),
                         code(ctx.command_text("checkin progress: … challenges: …"))});
    }
    const date::local_days today = local_day(ctx.now, ctx.zone_of(ctx.person(pair.mentee)));
    std::vector<Line> open, overdue;
    for (const ActionItem& a : ctx.store.actions.of_pair(pair.id)) {
        if (a.status != ActionStatus::open) continue;
        Line line{text("#" + std::to_string(a.number) + " " + excerpt(a.text, 120) + " — "),
                  ctx.mention_of(a.owner)};
        if (a.due) line.push_back(text(", due " + format_date(*a.due)));
        (a.due && *a.due < today ? overdue : open).push_back(std::move(line));
    }
    if (!overdue.empty()) d.paragraph(Line{strong("Overdue actions")}).bullets(std::move(overdue));
    if (!open.empty()) d.paragraph(Line{strong("Open actions")}).bullets(std::move(open));
    std::vector<Line> soon;
    for (const Goal& g : ctx.store.goals.of_pair(pair.id))
        if (g.status == GoalStatus::active && g.target && *g.target <= today + date::days{14})
            soon.push_back({text("#" + std::to_string(g.number) + " " + excerpt(g.text, 120) +
                                 " — target " + format_date(*g.target))});
    if (!soon.empty()) d.paragraph(Line{strong("Goals due soon")}).bullets(std::move(soon));
}

}  // namespace

std::vector<Timebox> timeboxes(int length) {
    const int low[] = {5, 10, 30, 10, 5}, high[] = {10, 15, 40, 15, 5};
    const char* parts[] = {"Check-in", "Progress review", "Deep dive", "Action planning",
                           "Wrap-up"};
    std::vector<Timebox> out;
    int total = 0;
    for (int i = 0; i < 5; ++i) {
        double minutes;
        if (length <= 60)
            minutes = low[i] * length / 60.0;
        else if (length <= 85)
            minutes = low[i] + (high[i] - low[i]) * (length - 60) / 25.0;
        else
            minutes = high[i] * length / 85.0;
        const int m = std::max(1, static_cast<int>(std::lround(minutes)));
        out.push_back({parts[i], m});
        total += m;
    }
    out[2].minutes += length - total;  // rounding goes to the deep dive
    return out;
}

Line when_for_both(const Context& ctx, const Pair& pair, Instant at) {
    const Person mentor = ctx.person(pair.mentor), mentee = ctx.person(pair.mentee);
    const auto* zm = ctx.zone_of(mentor);
    const auto* ze = ctx.zone_of(mentee);
    Line line{text(format_local(at, zm) + " for "), ctx.mention_of(mentor.id)};
    if (ze != zm)
        line.push_back(text(" · " + format_local(at, ze) + " for "));
    else
        line.push_back(text(" and "));
    line.push_back(ctx.mention_of(mentee.id));
    return line;
}

Document agenda_preview(Context& ctx, const Pair& pair, const Meeting& m) {
    Document d;
    d.heading("Your meeting starts in 15 minutes");
    Line when = when_for_both(ctx, pair, m.starts_at);
    when.push_back(text(" (" + format_duration(std::chrono::minutes{m.duration_minutes}) + ")"));
    d.paragraph(std::move(when));
    add_material(ctx, pair, d);
    return d;
}

Document meeting_agenda(Context& ctx, const Pair& pair, const Meeting& m) {
    Document d;
    d.heading("Meeting #" + std::to_string(m.number) + " — agenda");
    d.paragraph(Line{ctx.mention_of(pair.mentor), text(" & "), ctx.mention_of(pair.mentee),
                     text(", " + format_duration(std::chrono::minutes{m.duration_minutes}) + ":")});
    std::vector<Line> boxes;
    for (const Timebox& t : timeboxes(m.duration_minutes))
        boxes.push_back({strong(t.part), text(" — " + std::to_string(t.minutes) + " min")});
    d.numbered(std::move(boxes));
    add_material(ctx, pair, d);
    d.paragraph(Line{text("Capture takeaways with "), code(ctx.command_text("note …")),
                     text(" and actions with "), code(ctx.command_text("action add …")),
                     text("; close with "), code(ctx.command_text("meeting end")), text(".")});
    return d;
}

}  // namespace mentorbot
