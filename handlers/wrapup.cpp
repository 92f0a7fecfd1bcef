// handlers/wrapup: `wrapup` — closes the pair as graduated and posts what it achieved: goals
// done, action items completed and how long it ran.
#include "handlers/pair_resolution.hpp"
#include "handlers/progress_tally.hpp"
#include "handlers/user_input.hpp"
#include "handlers/verb_handlers.hpp"
#include "handlers/when.hpp"

namespace mentorbot {
namespace {

// "12 weeks and 3 days", "1 week", "5 days", "less than a day"
std::string how_long(Instant from, Instant to) {
    const auto days = std::chrono::floor<date::days>(to - from).count();
    if (days < 1) return "less than a day";
    const auto plural = [](long n, const char* unit) {
        return std::to_string(n) + " " + unit + (n == 1 ? "" : "s");
    };
    if (days < 7) return plural(days, "day");
    std::string out = plural(days / 7, "week");
    if (days % 7) out += " and " + plural(days % 7, "day");
    return out;
}

Document summary(Context& ctx, const Pair& pair) {
    const ProgressTally t = tally_progress(ctx.store, pair.id);
    std::vector<Line> reached;
    for (const Goal& g : t.goals_done)
        reached.push_back({strong(item_label(g.number) + " "), text(g.text)});
    Document d;
    d.heading("Graduated 🎓");
    d.paragraph(
        Line{ctx.mention_of(pair.mentor), text(" (mentor) and "), ctx.mention_of(pair.mentee),
             text(" (mentee) closed their mentorship as graduated on " + format_date(ctx.today()) +
                  ", after " + how_long(pair.created_at, ctx.now) + " (since " +
                  format_date(local_day(pair.created_at, ctx.zone())) + ").")});
    d.paragraph("Goals reached: " + std::to_string(reached.size()) + " of " +
                std::to_string(t.goals_total) + (reached.empty() ? "." : ":"));
    d.bullets(std::move(reached));
    d.paragraph("Action items completed: " + std::to_string(t.actions_done) +
                (t.actions_open ? " (" + std::to_string(t.actions_open) + " left open)." : "."));
    d.paragraph(
        "No more reminders will be sent here. Congratulations to you both, and thank you "
        "for the time you gave each other.");
    return d;
}

}  // namespace

Outcome handle_wrapup(Context& ctx, Args& args) {
    auto access = resolve_pair(ctx, args);
    if (!access) return access.error();
    if (!args.empty()) return mistake("\"wrapup\" takes nothing more");
    if (auto no = refuse_unless_member(*access, "wrap up the pair (coordinators use end)"))
        return *no;
    const Pair& pair = access->pair;
    Document post = summary(ctx, pair);
    ctx.store.pairs.close(pair.id, PairStatus::graduated, std::string("graduated"), ctx.now);
    ctx.store.reminders.drop_for_pair(pair.id, "the pair graduated", ctx.now);
    Reply reply;
    reply.answer.paragraph("Closed the pair as graduated; the summary is in your pair's space.");
    reply.posts.push_back(Post{pair.id, std::nullopt, "pair.graduated", std::move(post), {}});
    return reply;
}

}  // namespace mentorbot
