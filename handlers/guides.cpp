// handlers/guides: `unstuck` and `graduate` — the guides posted to the pair's space when progress
// stalls and when the mentorship may have done its work. Wording is ours, drawn from the
// relationship guide in shared/seeds/000.
#include "handlers/pair_resolution.hpp"
#include "handlers/progress_tally.hpp"
#include "handlers/verb_handlers.hpp"

namespace mentorbot {
namespace {

struct Cause {
    const char* name;
    const char* questions;
};

constexpr Cause kStuckCauses[] = {
    {"Clarity",
     "Is the goal still clear, and does it still matter? Are the next steps concrete "
     "enough to start on tomorrow?"},
    {"Capability", "Is a skill missing, or some background knowledge that has to come first?"},
    {"Confidence",
     "Is worry about getting it wrong holding back a bold step? Is a feeling of "
     "not being good enough part of it?"},
    {"Context",
     "Is something in the organisation in the way? Have other priorities pushed "
     "this aside?"},
    {"Commitment",
     "Has the motivation changed? Is there enough time and energy for it right "
     "now?"},
};

constexpr const char* kBackOnTrack[] = {
    "Each of you describes how you see the situation — what happened, not whose fault it is.",
    "Read your agreement again together and change what no longer fits.",
    "Agree on one concrete change each, and write it down as an action item with a due date.",
};

constexpr const char* kGraduationQuestions[] = {
    "Have the goals you started with been reached?",
    "Has the gap in skills or knowledge closed noticeably?",
    "Does this relationship still give each of you something you would not get elsewhere?",
    "Would another form serve you better now — occasional check-ins, a peer relationship, or "
    "another mentor for the next step?",
};

constexpr const char* kNextChapter[] = {
    "Celebrate what was achieved, specifically: name the goals and what changed.",
    "Write down the lessons you want to keep, as notes.",
    "Agree how you stay in touch from here on.",
    "Mentor: introduce the mentee to people who can help with what comes next.",
};

template <std::size_t N>
std::vector<Line> lines_of(const char* const (&items)[N]) {
    std::vector<Line> out;
    for (const char* item : items) out.push_back({text(item)});
    return out;
}

Document unstuck_guide(const Context& ctx) {
    Document d;
    d.heading("Stuck? Find the cause before changing course");
    d.paragraph(
        "When progress stalls, look for the reason together; what looks like "
        "procrastination is often confusion or worry. Go through the five C's:");
    std::vector<Line> causes;
    for (const Cause& c : kStuckCauses)
        causes.push_back({strong(c.name), text(" — " + std::string(c.questions))});
    d.numbered(std::move(causes));
    d.paragraph(
        "Then adapt the approach to what you found: a clearer goal, a smaller first step, "
        "practice before the real thing, or a different rhythm.");
    d.paragraph("Getting back on track:");
    d.numbered(lines_of(kBackOnTrack));
    d.paragraph(Line{text("Useful here: "), code(ctx.command_text("agreement")), text(", "),
                     code(ctx.command_text("agreement set <field> <text>")), text(" and "),
                     code(ctx.command_text("action add [@owner] <text> due <date>")), text(".")});
    return d;
}

Document graduation_guide(Context& ctx, const Pair& pair) {
    const ProgressTally t = tally_progress(ctx.store, pair.id);
    Document d;
    d.heading("Ready to graduate?");
    d.paragraph("So far: " + std::to_string(t.goals_done.size()) + " of " +
                std::to_string(t.goals_total) + " goals done, " + std::to_string(t.actions_done) +
                " of " + std::to_string(t.actions_total) + " action items completed.");
    d.paragraph("Ask yourselves, honestly:");
    d.bullets(lines_of(kGraduationQuestions));
    d.paragraph("If it is time for the next chapter:");
    d.numbered(lines_of(kNextChapter));
    d.paragraph(Line{text("When you are both ready, "), code(ctx.command_text("wrapup")),
                     text(" closes the pair as graduated with a summary. Moving on like this is a "
                          "sign of success, not failure.")});
    return d;
}

Outcome post_guide(Context& ctx, Args& args, const char* verb, const char* kind,
                   Document (*guide)(Context&, const Pair&)) {
    auto access = resolve_pair(ctx, args);
    if (!access) return access.error();
    if (!args.empty()) return mistake("\"" + std::string(verb) + "\" takes nothing more");
    if (auto no = refuse_unless_member(*access, "post guides in the pair's space")) return *no;
    Reply reply;
    reply.answer.paragraph("Posted the guide in your pair's space.");
    reply.posts.push_back(Post{access->pair.id, std::nullopt, kind, guide(ctx, access->pair), {}});
    return reply;
}

}  // namespace

Outcome handle_unstuck(Context& ctx, Args& args) {
    return post_guide(ctx, args, "unstuck", "guide.unstuck",
                      [](Context& c, const Pair&) { return unstuck_guide(c); });
}

Outcome handle_graduate(Context& ctx, Args& args) {
    return post_guide(ctx, args, "graduate", "guide.graduate", graduation_guide);
}

}  // namespace mentorbot
