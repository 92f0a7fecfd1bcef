// handlers/verbs: the one table of `/mentor` verbs — names, usage, help and handlers.
#pragma once

#include <span>
#include <string>
#include <string_view>
#include <vector>

#include "handlers/args.hpp"
#include "handlers/context.hpp"

namespace mentorbot {

using Handler = Outcome (*)(Context&, Args&);

struct Verb {
    std::string_view name;
    std::string_view summary;  // one line for the overview
    std::string_view usage;    // one form per line, without the command prefix
    std::string_view example;  // without the command prefix
    std::string_view details;  // more help: inputs, limits, who may use it
    Handler handle;
    // Changes pairs, meetings or action items: what overviews of a person's pairs show.
    bool changes_plans = false;
};

std::span<const Verb> verbs();
const Verb* find_verb(std::string_view name);  // case-insensitive
// Verbs whose names are close to a mistyped one, closest first (at most three); when none is
// close, the nearest one all the same, so every unknown verb gets a "did you mean".
std::vector<std::string> similar_verbs(std::string_view typed);

// The usage lines of a verb with the platform's prefix; when `form` names a sub-verb
// ("add" for `goal add`) only the lines of that form, if any.
std::string usage_of(const Verb& verb, std::string_view prefix, std::string_view form = {});

}  // namespace mentorbot
