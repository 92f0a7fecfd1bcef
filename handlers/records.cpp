// handlers/records: `retro`, `calendar` and `export` — the pair's reflections and the record it
// can take elsewhere.
#include "handlers/agreement_terms.hpp"
#include "handlers/icalendar.hpp"
#include "handlers/pair_resolution.hpp"
#include "handlers/user_input.hpp"
#include "handlers/verb_handlers.hpp"
#include "handlers/when.hpp"

namespace mentorbot {
namespace {

constexpr std::string_view kRetroKeys[] = {"helped", "slowed", "change"};

// Markdown lines as a document (one paragraph line each, shown as typed).
Document as_lines(const std::string& text) {
    Document d;
    Block block{Block::Kind::paragraph, {}};
    std::size_t b = 0;
    while (b <= text.size()) {
        std::size_t e = text.find('\n', b);
        if (e == std::string::npos) e = text.size();
        block.lines.push_back({mentorbot::text(text.substr(b, e - b))});
        b = e + 1;
    }
    d.blocks.push_back(std::move(block));
    return d;
}

std::string one_line(const std::string& s) {
    std::string out;
    for (char c : s) out += (c == '\n' || c == '\r') ? ' ' : c;
    return out;
}

}  // namespace

Outcome handle_retro(Context& ctx, Args& args) {
    auto access = resolve_pair(ctx, args);
    if (!access) return access.error();
    if (auto no = refuse_unless_member(*access, "answer its retrospective")) return *no;
    auto sections = args.sections(kRetroKeys);
    if (!sections) return sections.error();
    auto& s = sections.value();
    if (s.count("")) return mistake("start each answer with helped:, slowed: or change:");
    if (s.empty()) return mistake("answer at least one of helped:, slowed:, change:");
    RetroAnswer a;
    a.pair = access->pair.id;
    a.author = ctx.caller.id;
    a.at = ctx.now;
    std::optional<std::string>* slots[] = {&a.helped, &a.slowed, &a.change};
    for (int i = 0; i < 3; ++i) {
        auto it = s.find(std::string(kRetroKeys[i]));
        if (it == s.end()) continue;
        if (auto bad = refuse_text(std::string(kRetroKeys[i]), it->second)) return *bad;
        *slots[i] = it->second;
    }
    ctx.store.retros.record(a);
    Reply reply;
    reply.answer.paragraph("Your retrospective answers are saved and shared with your pair.");
    Document post;
    post.paragraph(Line{ctx.mention_of(ctx.caller.id), text(" answered the retrospective:")});
    std::vector<Line> lines;
    const char* labels[] = {"Helped:", "Slowed:", "Change:"};
    for (int i = 0; i < 3; ++i)
        if (*slots[i]) lines.push_back({strong(labels[i]), text(" " + **slots[i])});
    post.bullets(std::move(lines));
    reply.posts.push_back(Post{access->pair.id, std::nullopt, "retro", std::move(post), {}});
    return reply;
}

Outcome handle_calendar(Context& ctx, Args& args) {
    auto access = resolve_pair(ctx, args);
    if (!access) return access.error();
    if (auto no = refuse_unless_member(*access, "take its calendar")) return *no;
    if (!args.empty()) return mistake("\"calendar\" takes nothing more");
    const auto rule = ctx.store.schedules.find(access->pair.id);
    if (!rule)
        return mistake("the pair has no schedule yet; set one with " +
                       ctx.command_text("schedule weekly tue 15:00"));
    const std::string title =
        "Mentoring: " + ctx.name_of(access->pair.mentor) + " & " + ctx.name_of(access->pair.mentee);
    std::string ics = icalendar_for(*rule, access->pair.id, title, ctx.now);
    std::string shown;
    for (char c : ics)
        if (c != '\r') shown += c;
    if (!shown.empty() && shown.back() == '\n') shown.pop_back();
    Reply reply;
    reply.answer.paragraph("Save this as mentoring.ics and open it in your calendar:");
    reply.answer.append(as_lines(shown));
    return reply;
}

Outcome handle_export(Context& ctx, Args& args) {
    auto access = resolve_pair(ctx, args);
    if (!access) return access.error();
    if (auto no = refuse_unless_sees_content(*access)) return *no;
    if (!args.empty()) return mistake("\"export\" takes nothing more");
    const Pair& pair = access->pair;
    Store& store = ctx.store;
    const auto* zone = ctx.zone();
    auto when = [&](Instant t) { return format_local(t, zone); };
    std::string md = "# Mentorship: " + ctx.name_of(pair.mentor) + " (mentor) & " +
                     ctx.name_of(pair.mentee) + " (mentee)\n\nSince " + when(pair.created_at) +
                     " — " + std::string(to_string(pair.status)) + "\n";

    const AgreementTerms terms = load_agreement(store, pair);
    md += "\n## Agreement (version " + std::to_string(terms.version()) + ")\n\n";
    for (const AgreementField& f : agreement_fields())
        if (auto v = terms.value(f.name))
            md += "- **" + std::string(f.title) + "**: " + one_line(*v) + "\n";
    md += std::string("- Signed by both: ") +
          (terms.version() > 0 && terms.signed_by_both(pair, terms.version()) ? "yes" : "no") +
          "\n";

    md += "\n## Goals\n\n";
    const auto evidence = store.goals.evidence(pair.id);
    for (const Goal& g : store.goals.of_pair(pair.id)) {
        md += "- #" + std::to_string(g.number) + " " + one_line(g.text) + " (" +
              (g.status == GoalStatus::active ? "active"
               : g.status == GoalStatus::done ? "done"
                                              : "dropped") +
              (g.target ? ", target " + iso_date(*g.target) : std::string()) + ")\n";
        for (const GoalEvidence& e : evidence)
            if (e.goal_number == g.number)
                md += "  - " + iso_date(local_day(e.at, zone)) + ": " + one_line(e.text) + "\n";
    }
    md += "\n## Meetings\n\n";
    for (const Meeting& m : store.meetings.since(pair.id, pair.created_at))
        md += "- #" + std::to_string(m.number) + " " + when(m.starts_at) + " — " +
              std::string(to_string(m.status)) +
              (m.reason ? " (" + one_line(*m.reason) + ")" : std::string()) + "\n";
    md += "\n## Check-ins\n\n";
    for (const CheckIn& c : store.checkins.history(pair.id)) {
        if (c.replaced) continue;
        md += "- " + when(c.at) + ":";
        if (c.progress) md += " progress: " + one_line(*c.progress) + ";";
        if (c.challenges) md += " challenges: " + one_line(*c.challenges) + ";";
        if (c.questions) md += " questions: " + one_line(*c.questions) + ";";
        if (c.focus) md += " focus: " + one_line(*c.focus) + ";";
        if (c.energy) md += " energy: " + std::to_string(*c.energy) + "/5";
        md += "\n";
    }
    md += "\n## Action items\n\n";
    for (const ActionItem& a : store.actions.of_pair(pair.id))
        md += std::string("- [") + (a.status == ActionStatus::done ? "x" : " ") + "] #" +
              std::to_string(a.number) + " " + one_line(a.text) + " — " + ctx.name_of(a.owner) +
              (a.due ? ", due " + iso_date(*a.due) : std::string()) +
              (a.status == ActionStatus::dropped ? " (dropped)" : "") + "\n";
    md += "\n## Notes\n\n";
    for (const Note& n : store.notes.shared(pair.id))
        md += "- " + when(n.at) + ": " + one_line(n.text) + "\n";
    md += "\n## Retrospectives\n\n";
    for (const RetroAnswer& r : store.retros.of_pair(pair.id)) {
        md += "- " + when(r.at) + ", " + ctx.name_of(r.author) + ":";
        if (r.helped) md += " helped: " + one_line(*r.helped) + ";";
        if (r.slowed) md += " slowed: " + one_line(*r.slowed) + ";";
        if (r.change) md += " change: " + one_line(*r.change);
        md += "\n";
    }
    if (access->member) {
        md += "\n## Only for you: private notes\n\n";
        for (const Note& n : store.notes.private_of(pair.id, ctx.caller.id))
            md += "- " + when(n.at) + ": " + one_line(n.text) + "\n";
        md += "\n## Only for you: feedback you received\n\n";
        for (const Feedback& f : store.feedback.received(pair.id, ctx.caller.id))
            md += "- " + when(f.at) + " from " + ctx.name_of(f.from) +
                  " — situation: " + one_line(f.situation) + "; behavior: " + one_line(f.behavior) +
                  "; impact: " + one_line(f.impact) + "\n";
    }
    Reply reply;
    reply.answer = as_lines(md);
    return reply;
}

}  // namespace mentorbot
