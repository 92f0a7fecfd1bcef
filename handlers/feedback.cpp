// handlers/feedback: `feedback @person situation: … behavior: … impact: …` — SBI feedback for
// the caller's pair partner, stored and delivered to them alone, never to the pair's space.
#include "handlers/pair_resolution.hpp"
#include "handlers/user_input.hpp"
#include "handlers/verb_handlers.hpp"

namespace mentorbot {
namespace {

// "behaviour:" is read as "behavior:".
constexpr std::string_view kSections[] = {"situation", "behavior", "behaviour", "impact"};

struct Part {
    std::string_view key;
    std::string_view asks;  // what the part is for, when it is missing
    std::string Feedback::*field;
};

constexpr Part kParts[] = {
    {"situation", "when and where it happened", &Feedback::situation},
    {"behavior", "what the person did, as you saw or heard it", &Feedback::behavior},
    {"impact", "what it changed for you", &Feedback::impact},
};

Expected<Feedback> read_parts(Args& args) {
    auto sections = args.sections(kSections);
    if (!sections) return sections.error();
    auto& s = *sections;
    if (s.count("behaviour")) {
        if (s.count("behavior")) return mistake("give behavior: once");
        s["behavior"] = s["behaviour"];
    }
    if (s.count(""))
        return mistake("write the feedback in three parts: situation: … behavior: … impact: …");
    Feedback f;
    for (const Part& p : kParts) {
        const std::string key(p.key);
        auto it = s.find(key);
        if (it == s.end())
            return mistake("add " + key + ": — " + std::string(p.asks) +
                           " (feedback has situation, behavior and impact)");
        if (auto bad = refuse_text(key + ":", it->second)) return *bad;
        f.*p.field = it->second;
    }
    return f;
}

}  // namespace

Outcome handle_feedback(Context& ctx, Args& args) {
    const auto named = args.take_mention();
    if (!named) return mistake("name the person the feedback is for, e.g. @name, first");
    const Person to = ctx.person_from(*named);
    if (to.id == ctx.caller.id) return mistake("feedback goes to the other member of your pair");
    const auto pair = ctx.store.pairs.active_between(ctx.caller.id, to.id);
    if (!pair) return no_pair_with("@" + to.display_name);
    auto feedback = read_parts(args);
    if (!feedback) return feedback.error();
    feedback->pair = pair->id;
    feedback->from = ctx.caller.id;
    feedback->to = to.id;
    feedback->at = ctx.now;
    ctx.store.feedback.record(*feedback);

    Document dm;
    dm.heading("Feedback for you");
    dm.paragraph(Line{ctx.mention_of(ctx.caller.id),
                      text(" sent you feedback, privately (it is not in your pair's space):")});
    dm.bullets({{strong("Situation: "), text(feedback->situation)},
                {strong("Behavior: "), text(feedback->behavior)},
                {strong("Impact: "), text(feedback->impact)}});
    Reply reply;
    reply.answer.paragraph(Line{text("Delivered privately to "), ctx.mention_of(to.id),
                                text(". It is not posted in your pair's space.")});
    reply.posts.push_back(Post{std::nullopt, to.id, "feedback", std::move(dm), {}});
    return reply;
}

}  // namespace mentorbot
