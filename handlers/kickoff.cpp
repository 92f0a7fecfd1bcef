// handlers/kickoff: the welcome a new pair gets, with the "let's get clear" checklist (PRODUCT §5).
// Wording is ours, drawn from the relationship guide in shared/seeds/000.
#include "handlers/kickoff.hpp"

namespace mentorbot {
namespace {

struct ChecklistItem {
    const char* topic;
    const char* questions;
    const char* fields;  // the `agreement set` fields that record it
};

constexpr ChecklistItem kChecklist[] = {
    {"Purpose and scope", "what are we here to achieve, and which skills will we work on?",
     "purpose, scope"},
    {"Out of scope", "what is definitely not on the table?", "out-of-scope"},
    {"Logistics",
     "how often and how long we meet, where (in person, video, phone), how we "
     "handle cancellations, what we prepare before each meeting",
     "cadence, logistics"},
    {"Between meetings", "are quick questions fine, on which channel, how does feedback flow?",
     "communication"},
    {"Boundaries and confidentiality", "what stays between us, and what is off limits?",
     "boundaries, confidentiality"},
    {"Success", "how will we know this is worth our time; which outcomes are we after?", "success"},
    {"Timeline and end", "is there an end date, and when do we step back to review how it goes?",
     "timeline, review"},
};

}  // namespace

Document kickoff_welcome(const Context& ctx, const Pair& pair) {
    const std::string p(ctx.prefix());
    Document d;
    d.heading("Welcome to your mentorship");
    d.paragraph(Line{ctx.mention_of(pair.mentor), text(" (mentor) and "),
                     ctx.mention_of(pair.mentee),
                     text(" (mentee): this is your pair's space. Reminders, agendas and recaps "
                          "for the two of you will be posted here.")});
    d.paragraph(
        "Before your first regular meeting, get clear on these together; an hour spent "
        "here saves many later. Record each answer with " +
        p + " agreement set <field> <text>:");
    std::vector<Line> items;
    for (const auto& item : kChecklist)
        items.push_back({strong(item.topic), text(" — " + std::string(item.questions) + " → "),
                         code(item.fields)});
    d.numbered(std::move(items));
    d.paragraph(Line{text("When the agreement reads right, both of you sign it with "),
                     code(p + " agreement sign"), text(".")});
    d.paragraph(Line{text("Next: set your meeting rhythm with "),
                     code(p + " schedule weekly tue 15:00"),
                     text(" and write your first goal with "),
                     code(p + " goal add <goal> by <date>"), text(" (aim for about 90 days).")});
    std::vector<Line> zones;
    for (PersonId id : {pair.mentor, pair.mentee}) {
        const Person person = ctx.person(id);
        Line line{ctx.mention_of(id), text(" sees times in " + ctx.zone_of(person)->name())};
        if (!person.time_zone)
            line.push_back(text(" (the program's default; set yours with " + p + " tz Area/City)"));
        zones.push_back(std::move(line));
    }
    d.bullets(std::move(zones));
    return d;
}

}  // namespace mentorbot
