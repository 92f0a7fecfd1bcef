// handlers/home_summary: what a person's home page shows — each pair, its next meeting in the
// person's zone and its open action items (overdue first) — platform-neutral, for the App Home.
#include "handlers/home_summary.hpp"

#include "handlers/action_view.hpp"
#include "handlers/context.hpp"
#include "handlers/when.hpp"

namespace mentorbot {
namespace {

void active_pair(Document& d, const Context& ctx, const Pair& pair) {
    const bool mentor = pair.mentor == ctx.caller.id;
    d.paragraph(Line{strong(mentor ? "Mentor of " : "Mentee of "),
                     ctx.mention_of(pair.partner_of(ctx.caller.id)),
                     text(" since " + format_date(local_day(pair.created_at, ctx.zone())))});
    std::vector<Line> lines;
    if (const auto meeting = ctx.store.meetings.current_or_next(pair.id))
        lines.push_back(
            Line{text("Next meeting: " + format_local(meeting->starts_at, ctx.zone()))});
    else
        lines.push_back(Line{text("No meeting planned: "),
                             code(ctx.command_text("schedule weekly <day> <time>"))});
    const Day today = ctx.today();
    // Overdue first, then by due date (undated last), then by number; only those shown are read,
    // so a pair with hundreds of items costs the storage thread no more than one with five.
    const auto pressing = ctx.store.actions.most_pressing(pair.id, today, kHomeActionsPerPair);
    if (pressing.open == 0) lines.push_back(Line{text("No open action items.")});
    for (const ActionItem& a : pressing.first) lines.push_back(item_line(ctx, a, today));
    if (pressing.open > kHomeActionsPerPair)
        lines.push_back(
            Line{text(std::to_string(pressing.open - kHomeActionsPerPair) + " more open: "),
                 code(ctx.command_text("action list open"))});
    d.bullets(std::move(lines));
}

}  // namespace

Document home_summary(Store& store, const Settings& settings, Platform platform,
                      const std::string& platform_user, Instant now) {
    Document d;
    d.heading("Your mentorship pairs");
    Command command;
    command.platform = platform;
    command.user = platform_user;
    const auto viewer = store.people.find(platform, platform_user);
    std::vector<Pair> pairs;
    if (viewer) pairs = store.pairs.of_person(viewer->id, true);
    Person someone;
    someone.platform = platform;
    someone.platform_user = platform_user;
    const Context ctx{command, store, settings, now, viewer.value_or(someone), false};

    std::vector<Line> closed;
    bool any_active = false;
    for (const Pair& p : pairs) {
        if (p.status == PairStatus::active) {
            active_pair(d, ctx, p);
            any_active = true;
        } else {
            closed.push_back(Line{text(p.mentor == ctx.caller.id ? "mentor of " : "mentee of "),
                                  ctx.mention_of(p.partner_of(ctx.caller.id)),
                                  text(std::string(" — ") + std::string(to_string(p.status)))});
        }
    }
    if (!any_active)
        d.paragraph(Line{text("No active pairs yet. Start one with "),
                         code(ctx.command_text("pair @mentor @mentee")), text(".")});
    if (!closed.empty()) {
        d.paragraph(Line{strong("Ended or graduated")});
        d.bullets(std::move(closed));
    }
    d.paragraph(Line{text("Type "), code(ctx.command_text("help")),
                     text(" in any conversation to see every verb.")});
    return d;
}

}  // namespace mentorbot
