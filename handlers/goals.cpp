// handlers/goals: `goal` — add goals with target dates, follow them with dated evidence, close
// them as done or dropped.
#include "handlers/pair_resolution.hpp"
#include "handlers/user_input.hpp"
#include "handlers/verb_handlers.hpp"
#include "handlers/when.hpp"

namespace mentorbot {
namespace {

bool past_target(const Goal& g, Day today) {
    return g.status == GoalStatus::active && g.target && *g.target < today;
}

std::string target_text(const Goal& g, Day today) {
    if (!g.target) return "";
    return std::string(past_target(g, today) ? " — target was " : " — target ") +
           format_date(*g.target);
}

Expected<Goal> goal_numbered(Context& ctx, const Pair& pair, Args& args) {
    auto number = take_item_number(args, "goal");
    if (!number) return number.error();
    auto goal = ctx.store.goals.find(pair.id, *number);
    if (!goal) return no_such_item("goal", *number);
    return *goal;
}

Outcome add(Context& ctx, const PairAccess& access, Args& args) {
    if (auto no = refuse_unless_member(access, "add goals")) return *no;
    std::optional<Day> target;
    if (auto by = args.take_trailing_date("by", ctx.today())) {
        if (!*by) return by->error();
        if (auto passed = refuse_past(by->value(), ctx.today(), "the target date")) return *passed;
        target = by->value();
    }
    const std::string text_typed = args.rest_text();
    if (auto bad = refuse_text("the goal", text_typed)) return *bad;
    const Goal goal =
        ctx.store.goals.add(access.pair.id, text_typed, target, ctx.caller.id, ctx.now);

    Reply reply;
    reply.answer.paragraph(
        "Added goal " + item_label(goal.number) + target_text(goal, ctx.today()) +
        ". Record progress with " +
        ctx.command_text("goal progress " + std::to_string(goal.number) + " <evidence>") + ".");
    Document post;
    post.paragraph(Line{
        ctx.mention_of(ctx.caller.id),
        text(" added goal " + item_label(goal.number) + target_text(goal, ctx.today()) + ":")});
    post.quote(goal.text);
    reply.posts.push_back(Post{access.pair.id, std::nullopt, "goal.added", std::move(post), {}});
    return reply;
}

Document goal_counts(const std::vector<Goal>& goals, Day today) {
    int active = 0, late = 0, done = 0, dropped = 0;
    for (const Goal& g : goals) {
        active += g.status == GoalStatus::active;
        late += past_target(g, today);
        done += g.status == GoalStatus::done;
        dropped += g.status == GoalStatus::dropped;
    }
    Document d;
    d.paragraph("Goals: " + std::to_string(active) + " active (" + std::to_string(late) +
                " past their target), " + std::to_string(done) + " done, " +
                std::to_string(dropped) + " dropped. What they say is private to the pair.");
    return d;
}

Outcome list(Context& ctx, const PairAccess& access, Args& args) {
    if (!args.empty()) return mistake("\"goal list\" takes nothing more");
    const auto goals = ctx.store.goals.of_pair(access.pair.id);
    const Day today = ctx.today();
    if (!access.sees_content) return Reply{goal_counts(goals, today), {}};

    Reply reply;
    Document& d = reply.answer;
    d.heading("Goals of " + ctx.pair_title(access.pair));
    if (goals.empty()) {
        d.paragraph(Line{text("No goals yet. Add one with "),
                         code(ctx.command_text("goal add <goal> by <date>")),
                         text(" (aim for about 90 days).")});
        return reply;
    }
    const auto evidence = ctx.store.goals.evidence(access.pair.id);
    std::vector<Line> closed;
    for (const Goal& g : goals) {
        if (g.status != GoalStatus::active) {
            const bool done = g.status == GoalStatus::done;
            closed.push_back({strong(item_label(g.number) + " "), text(g.text),
                              text(std::string(done ? " — done " : " — dropped ") +
                                   format_date(local_day(*g.closed_at, ctx.zone())))});
            continue;
        }
        Line head{strong(item_label(g.number) + " "), text(g.text), text(target_text(g, today))};
        if (past_target(g, today)) head.push_back(emphasis(" (past its target)"));
        d.paragraph(std::move(head));
        std::vector<Line> steps;
        for (const GoalEvidence& e : evidence)
            if (e.goal_number == g.number)
                steps.push_back({text(format_date(local_day(e.at, ctx.zone())) + " · "),
                                 ctx.mention_of(e.added_by), text(": "), text(e.text)});
        if (steps.empty()) steps.push_back({emphasis("no progress recorded yet")});
        d.bullets(std::move(steps));
    }
    if (!closed.empty()) d.paragraph("Closed:").bullets(std::move(closed));
    return reply;
}

Outcome progress(Context& ctx, const PairAccess& access, Args& args) {
    if (auto no = refuse_unless_member(access, "record progress")) return *no;
    auto goal = goal_numbered(ctx, access.pair, args);
    if (!goal) return goal.error();
    if (goal->status != GoalStatus::active)
        return mistake("goal " + item_label(goal->number) + " is closed; add a new goal instead");
    const std::string evidence = args.rest_text();
    if (auto bad = refuse_text("the evidence", evidence)) return *bad;
    ctx.store.goals.add_evidence(access.pair.id, goal->number, evidence, ctx.caller.id, ctx.now);

    Reply reply;
    reply.answer.paragraph("Recorded progress on goal " + item_label(goal->number) + ".");
    Document post;
    post.paragraph(Line{ctx.mention_of(ctx.caller.id),
                        text(" recorded progress on goal " + item_label(goal->number) + " ("),
                        text(excerpt(goal->text)), text("):")});
    post.quote(evidence);
    reply.posts.push_back(Post{access.pair.id, std::nullopt, "goal.progress", std::move(post), {}});
    return reply;
}

Outcome close(Context& ctx, const PairAccess& access, Args& args, GoalStatus status) {
    const bool done = status == GoalStatus::done;
    if (auto no = refuse_unless_member(access, done ? "mark goals done" : "drop goals")) return *no;
    auto goal = goal_numbered(ctx, access.pair, args);
    if (!goal) return goal.error();
    if (!args.empty()) return mistake("give only the goal's number");
    const std::string word = done ? "done" : "dropped";
    Reply reply;
    if (goal->status == status) {
        reply.answer.paragraph("Goal " + item_label(goal->number) + " is already " + word + ".");
        return reply;
    }
    ctx.store.goals.set_status(access.pair.id, goal->number, status, ctx.now);
    reply.answer.paragraph("Goal " + item_label(goal->number) + " is " + word + ".");
    Document post;
    post.paragraph(Line{ctx.mention_of(ctx.caller.id),
                        text(done ? " marked goal " + item_label(goal->number) + " done 🎉:"
                                  : " dropped goal " + item_label(goal->number) + ":")});
    post.quote(goal->text);
    reply.posts.push_back(Post{access.pair.id, std::nullopt, "goal." + word, std::move(post), {}});
    return reply;
}

}  // namespace

Outcome handle_goal(Context& ctx, Args& args) {
    auto access = resolve_pair(ctx, args);
    if (!access) return access.error();
    if (args.empty() || args.take_word("list")) return list(ctx, *access, args);
    if (args.take_word("add")) return add(ctx, *access, args);
    if (args.take_word("progress")) return progress(ctx, *access, args);
    if (args.take_word("done")) return close(ctx, *access, args, GoalStatus::done);
    if (args.take_word("drop")) return close(ctx, *access, args, GoalStatus::dropped);
    return mistake("\"" + excerpt(args.peek()->text, 20) +
                   "\" is not something goal does; use add, list, progress, done or drop");
}

}  // namespace mentorbot
