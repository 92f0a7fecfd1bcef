// handlers/time_zone: `tz` — show or set the caller's IANA time zone.
#include <date/tz.h>

#include "handlers/similarity.hpp"
#include "handlers/verb_handlers.hpp"
#include "handlers/when.hpp"

namespace mentorbot {
namespace {

// Exact IANA name, or the same name typed in another case ("europe/berlin").
const date::time_zone* zone_named(const std::string& typed) {
    if (auto z = find_zone(typed)) return z;
    const std::string want = ascii_lower(typed);
    for (const auto& z : date::get_tzdb().zones)
        if (ascii_lower(z.name()) == want) return &z;
    return nullptr;
}

}  // namespace

Outcome handle_tz(Context& ctx, Args& args) {
    Reply reply;
    if (args.empty()) {
        const auto* zone = ctx.zone();
        reply.answer.paragraph(
            Line{text("Your time zone is "), strong(zone->name()),
                 text(ctx.caller.time_zone ? "" : " (the program's default)"),
                 text("; it is " + format_local(ctx.now, zone) + " for you now.")});
        return reply;
    }
    const std::string typed = args.rest_text();
    const date::time_zone* zone =
        typed.find(' ') == std::string::npos ? zone_named(typed) : nullptr;
    if (!zone) {
        std::vector<std::string_view> names;
        for (const auto& z : date::get_tzdb().zones) names.push_back(z.name());
        std::string reason = "I don't know the time zone \"" + excerpt(typed, 40) + "\"";
        if (auto near = closest_names(typed, names, 1); !near.empty())
            reason += "; did you mean " + near.front() + "?";
        else
            reason += "; use an IANA name such as Europe/Berlin or America/New_York";
        return mistake(reason);
    }
    ctx.store.people.set_time_zone(ctx.caller.id, zone->name());
    reply.answer.paragraph(Line{text("Your time zone is now "), strong(zone->name()),
                                text("; it is " + format_local(ctx.now, zone) + " for you.")});
    return reply;
}

}  // namespace mentorbot
