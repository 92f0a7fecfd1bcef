// handlers/context: what a handler knows about the call — who, where, when — and shared look-ups.
#pragma once

#include <date/tz.h>

#include <string>
#include <vector>

#include "handlers/args.hpp"
#include "handlers/command.hpp"
#include "handlers/document.hpp"
#include "handlers/outcome.hpp"
#include "storage/store.hpp"

namespace mentorbot {

struct Context {
    const Command& command;
    Store& store;
    const Settings& settings;
    Instant now;
    Person caller;
    bool coordinator = false;
    // Pairs this command resolved or created, so its caller can tell whose overviews changed.
    std::vector<Pair> pairs_in_play;

    std::string_view prefix() const { return command_prefix(command.platform); }
    // `/mentor help` style reference to another command, for replies.
    std::string command_text(std::string_view rest) const;

    // A person's zone: their own, else the program default, else UTC.
    const date::time_zone* zone_of(const Person& person) const;
    const date::time_zone* zone() const { return zone_of(caller); }
    date::local_days today() const;

    Person person(PersonId id) const;
    Span mention_of(PersonId id) const;
    std::string name_of(PersonId id) const;
    // "alice (mentor) & bob (mentee)"
    std::string pair_title(const Pair& pair) const;
    Line pair_line(const Pair& pair) const;

    // The person a mention names, recorded on first use (on this platform only).
    Person person_from(const Token& mention) const;
};

}  // namespace mentorbot
