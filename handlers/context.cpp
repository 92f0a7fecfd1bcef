// handlers/context: what a handler knows about the call — who, where, when — and shared look-ups.
#include "handlers/context.hpp"

#include "handlers/when.hpp"

namespace mentorbot {

std::string Context::command_text(std::string_view rest) const {
    return std::string(prefix()) + " " + std::string(rest);
}

const date::time_zone* Context::zone_of(const Person& person) const {
    if (person.time_zone)
        if (auto z = find_zone(*person.time_zone)) return z;
    if (auto z = find_zone(settings.default_zone)) return z;
    return date::locate_zone("UTC");
}

date::local_days Context::today() const {
    return local_day(now, zone());
}

Person Context::person(PersonId id) const {
    if (id == caller.id) return caller;
    if (auto p = store.people.find(id)) return *p;
    return Person{id, command.platform, "?", "someone", {}, {}};
}

Span Context::mention_of(PersonId id) const {
    const Person p = person(id);
    return mention(p.platform_user, p.display_name);
}

std::string Context::name_of(PersonId id) const {
    return person(id).display_name;
}

std::string Context::pair_title(const Pair& pair) const {
    return name_of(pair.mentor) + " (mentor) & " + name_of(pair.mentee) + " (mentee)";
}

Line Context::pair_line(const Pair& pair) const {
    return {mention_of(pair.mentor), text(" (mentor) & "), mention_of(pair.mentee),
            text(" (mentee)")};
}

Person Context::person_from(const Token& mention) const {
    return store.people.find_or_create(command.platform, mention.user, mention.text, now);
}

}  // namespace mentorbot
