// handlers/checkin: `checkin` — the mentee's preparation for the next meeting; a second one in
// the same period replaces the first (which stays in the history).
#include <charconv>

#include "handlers/args.hpp"
#include "handlers/checkin_view.hpp"
#include "handlers/pair_resolution.hpp"
#include "handlers/period.hpp"
#include "handlers/user_input.hpp"
#include "handlers/verb_handlers.hpp"
#include "handlers/when.hpp"

namespace mentorbot {
namespace {

constexpr std::string_view kSections[] = {"progress", "challenges", "questions", "focus", "energy"};

struct Section {
    std::string_view key;
    std::string_view title;
    std::optional<std::string> CheckIn::*field;
};

constexpr Section kTextSections[] = {{"progress", "Progress", &CheckIn::progress},
                                     {"challenges", "Challenges", &CheckIn::challenges},
                                     {"questions", "Questions", &CheckIn::questions},
                                     {"focus", "Focus", &CheckIn::focus}};

Document checkin_document(const Context& ctx, const CheckIn& c, const std::string& title) {
    Document d;
    d.heading(title);
    d.paragraph(Line{ctx.mention_of(c.author), text(" · " + format_local(c.at, ctx.zone()))});
    d.bullets(checkin_lines(c));
    return d;
}

Expected<CheckIn> read_sections(Args& args) {
    auto sections = args.sections(kSections);
    if (!sections) return sections.error();
    if (sections->count(""))
        return mistake(
            "start each part with its section: progress:, challenges:, questions:, "
            "focus: or energy:");
    CheckIn c;
    for (const Section& s : kTextSections) {
        const std::string key(s.key);
        if (auto it = sections->find(key); it != sections->end()) {
            if (auto bad = refuse_text(key + ":", it->second)) return *bad;
            c.*s.field = it->second;
        }
    }
    if (auto it = sections->find("energy"); it != sections->end()) {
        int energy = 0;
        const std::string& v = it->second;
        const auto [end, ec] = std::from_chars(v.data(), v.data() + v.size(), energy);
        if (ec != std::errc{} || end != v.data() + v.size() || energy < 1 || energy > 5)
            return mistake("energy: is a number from 1 (drained) to 5 (full of energy)");
        c.energy = energy;
    }
    return c;
}

Outcome record(Context& ctx, const PairAccess& access, Args& args) {
    const Pair& pair = access.pair;
    if (auto no = refuse_unless_member(access, "check in")) return *no;
    if (ctx.caller.id != pair.mentee)
        return mistake("the check-in is the mentee's preparation; @" + ctx.name_of(pair.mentee) +
                       " sends it (a note is the way to add your own points)");
    auto checkin = read_sections(args);
    if (!checkin) return checkin.error();
    checkin->pair = pair.id;
    checkin->author = ctx.caller.id;

    const auto earlier = ctx.store.checkins.latest(pair.id, current_period_start(ctx, pair));
    const CheckIn stored = ctx.store.checkins.record(
        *checkin, earlier ? std::optional(earlier->id) : std::nullopt, ctx.now);

    Reply reply;
    reply.answer.paragraph(std::string(earlier ? "Your check-in replaces the one of " +
                                                     format_local(earlier->at, ctx.zone()) + ". "
                                               : "Your check-in is recorded. ") +
                           "Your pair's space shows it.");
    Document post = checkin_document(ctx, stored, "Check-in");
    if (earlier)
        post.paragraph("(It replaces the check-in of " + format_local(earlier->at, ctx.zone()) +
                       ".)");
    reply.posts.push_back(Post{pair.id, std::nullopt, "checkin", std::move(post), {}});
    return reply;
}

Outcome show(Context& ctx, const PairAccess& access) {
    const Pair& pair = access.pair;
    const auto latest = ctx.store.checkins.latest(pair.id, current_period_start(ctx, pair));
    Reply reply;
    if (!latest) {
        reply.answer.paragraph(Line{text("No check-in yet for the next meeting. "),
                                    ctx.mention_of(pair.mentee), text(" sends one with "),
                                    code(ctx.command_text("checkin progress: … challenges: … "
                                                          "questions: … focus: … energy: 1-5")),
                                    text(".")});
        return reply;
    }
    if (!access.sees_content) {
        reply.answer.paragraph("The latest check-in was sent " +
                               format_local(latest->at, ctx.zone()) +
                               "; what it says is private to the pair.");
        return reply;
    }
    reply.answer = checkin_document(ctx, *latest, "Latest check-in");
    return reply;
}

Outcome history(Context& ctx, const PairAccess& access, Args& args) {
    if (!args.empty()) return mistake("\"checkin history\" takes nothing more");
    if (auto no = refuse_unless_sees_content(access)) return *no;
    const auto all = ctx.store.checkins.history(access.pair.id);
    Reply reply;
    reply.answer.heading("Check-ins (" + std::to_string(all.size()) + ")");
    if (all.empty()) reply.answer.paragraph("None yet.");
    for (const CheckIn& c : all)
        reply.answer.append(
            checkin_document(ctx, c, c.replaced ? "Check-in (replaced)" : "Check-in"));
    return reply;
}

}  // namespace

Outcome handle_checkin(Context& ctx, Args& args) {
    auto access = resolve_pair(ctx, args);
    if (!access) return access.error();
    if (args.empty()) return show(ctx, *access);
    if (args.take_word("history")) return history(ctx, *access, args);
    return record(ctx, *access, args);
}

std::vector<Line> checkin_lines(const CheckIn& c, std::size_t max_chars) {
    std::vector<Line> lines;
    for (const Section& s : kTextSections)
        if (const auto& value = c.*s.field)
            lines.push_back({strong(std::string(s.title) + ": "),
                             text(max_chars ? excerpt(*value, max_chars) : *value)});
    if (c.energy) lines.push_back({strong("Energy: "), text(std::to_string(*c.energy) + " of 5")});
    return lines;
}

}  // namespace mentorbot
