// handlers/pairing: `pair`, `pairs` and `end` — starting, listing and ending mentorship pairs.
#include <algorithm>

#include "handlers/kickoff.hpp"
#include "handlers/pair_resolution.hpp"
#include "handlers/reminder_texts.hpp"
#include "handlers/verb_handlers.hpp"
#include "handlers/when.hpp"

namespace mentorbot {
namespace {

constexpr std::size_t kMaxReasonBytes = 500;

bool in_conversation(const Command& command, const std::string& user) {
    if (!command.conversation_members) return false;
    const auto& m = *command.conversation_members;
    return std::find(m.begin(), m.end(), user) != m.end();
}

std::string since(const Context& ctx, const Pair& pair) {
    return format_date(local_day(pair.created_at, ctx.zone()));
}

}  // namespace

Outcome handle_pair(Context& ctx, Args& args) {
    auto first = args.take_mention();
    auto second = args.take_mention();
    if (!first || !second || !args.empty())
        return mistake("name the mentor and then the mentee, as mentions");
    const Person mentor = ctx.person_from(*first);
    const Person mentee = ctx.person_from(*second);
    if (mentor.id == mentee.id) return mistake("a pair needs two different people");
    const bool own = mentor.id == ctx.caller.id || mentee.id == ctx.caller.id;
    if (!own && !ctx.coordinator)
        return mistake(
            "you can start a pair that includes you; only coordinators pair two "
            "other people");
    if (auto existing = ctx.store.pairs.active_between(mentor.id, mentee.id))
        return mistake("@" + mentor.display_name + " and @" + mentee.display_name +
                       " are already a pair (since " + since(ctx, *existing) + ")");

    Pair pair = ctx.store.pairs.create(ctx.command.platform, mentor.id, mentee.id, ctx.caller.id,
                                       ctx.command.conversation, ctx.now);
    // Matrix: the room the command came from becomes the space when both people are in it.
    if (in_conversation(ctx.command, mentor.platform_user) &&
        in_conversation(ctx.command, mentee.platform_user)) {
        ctx.store.pairs.set_space(pair.id, ctx.command.conversation);
        pair.space = ctx.command.conversation;
    }

    ctx.pairs_in_play.push_back(pair);
    remind_new_pair(ctx, pair);

    Reply reply;
    reply.answer.paragraph(Line{text("Paired "), ctx.mention_of(mentor.id), text(" (mentor) with "),
                                ctx.mention_of(mentee.id),
                                text(" (mentee). The welcome and kickoff checklist are in your "
                                     "pair's space.")});
    reply.posts.push_back(Post{pair.id, std::nullopt, "welcome", kickoff_welcome(ctx, pair), {}});
    return reply;
}

Outcome handle_pairs(Context& ctx, Args& args) {
    const bool include_closed = args.take_word("all");
    if (!args.empty()) return mistake("\"pairs\" takes nothing but an optional \"all\"");
    Reply reply;
    Document& d = reply.answer;

    if (ctx.coordinator) {
        const auto all = ctx.store.pairs.all(ctx.command.platform, include_closed);
        d.heading("Program pairs (" + std::to_string(all.size()) + ")");
        std::vector<Line> items;
        for (const Pair& p : all) {
            const auto days =
                std::chrono::floor<date::days>(p.ended_at.value_or(ctx.now) - p.created_at).count();
            Line line = ctx.pair_line(p);
            line.push_back(text(" — " + std::string(to_string(p.status)) + ", " +
                                std::to_string(days) + " days since " + since(ctx, p)));
            items.push_back(std::move(line));
        }
        if (items.empty()) d.paragraph("No pairs yet.");
        d.bullets(std::move(items));
        return reply;
    }

    const auto mine = ctx.store.pairs.of_person(ctx.caller.id, include_closed);
    if (mine.empty()) {
        d.paragraph(Line{text("You are not in any " + std::string(include_closed ? "" : "active ") +
                              "pair. Start one with "),
                         code(ctx.command_text("pair @mentor @mentee")), text(".")});
        return reply;
    }
    d.heading("Your pairs (" + std::to_string(mine.size()) + ")");
    std::vector<Line> items;
    for (const Pair& p : mine) {
        Line line = ctx.pair_line(p);
        line.push_back(text(" — since " + since(ctx, p)));
        if (p.status != PairStatus::active)
            line.push_back(text(", " + std::string(to_string(p.status)) + " " +
                                format_date(local_day(*p.ended_at, ctx.zone()))));
        items.push_back(std::move(line));
    }
    d.bullets(std::move(items));
    return reply;
}

Outcome handle_end(Context& ctx, Args& args) {
    auto resolved = resolve_pair(ctx, args);
    if (!resolved) return resolved.error();
    const Pair& pair = resolved->pair;
    if (!resolved->member && !ctx.coordinator)
        return mistake("only the pair's members or a coordinator can end it");
    std::optional<std::string> reason;
    if (std::string r = args.rest_text(); !r.empty()) {
        if (r.size() > kMaxReasonBytes)
            return mistake("the reason is " + std::to_string(r.size()) +
                           " characters long; keep it under " + std::to_string(kMaxReasonBytes));
        reason = std::move(r);
    }
    ctx.store.pairs.close(pair.id, PairStatus::ended, reason, ctx.now);
    ctx.store.reminders.drop_for_pair(pair.id, "the pair has ended", ctx.now);

    Reply reply;
    reply.answer.paragraph(Line{text("Ended the pair "), ctx.mention_of(pair.mentor), text(" & "),
                                ctx.mention_of(pair.mentee),
                                text(". Its reminders have stopped.")});
    Document notice;
    notice.paragraph(Line{text("This mentorship pair was ended by "), ctx.mention_of(ctx.caller.id),
                          text(" on " + format_date(ctx.today()) + ".")});
    if (reason) notice.quote(*reason);
    notice.paragraph(
        "No more reminders will be sent here. Thank you both for the time you gave "
        "each other.");
    reply.posts.push_back(Post{pair.id, std::nullopt, "pair.ended", std::move(notice), {}});
    return reply;
}

}  // namespace mentorbot
