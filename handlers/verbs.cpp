// handlers/verbs: the one table of `/mentor` verbs — names, usage, help and handlers.
#include "handlers/verbs.hpp"

#include <algorithm>
#include <cctype>

#include "handlers/similarity.hpp"
#include "handlers/verb_handlers.hpp"

namespace mentorbot {
namespace {

constexpr Verb kVerbs[] = {
    {"help", "list the verbs, or explain one", "help [verb]", "help action",
     "Anyone may use it. Replies are private to you.", handle_help},
    {"pair", "start a mentorship pair and its space", "pair @mentor @mentee", "pair @dana @sam",
     "Creates the pair, opens a conversation for the two of you and posts a welcome with the "
     "kickoff checklist. You may pair yourself with someone; coordinators may pair anyone.",
     handle_pair, true},
    {"pairs", "your pairs (coordinators: all pairs)", "pairs [all]", "pairs",
     "Lists your active pairs; \"all\" includes ended and graduated ones. Coordinators see "
     "every pair of the program, with numbers only.",
     handle_pairs},
    {"end", "end a pair; its reminders stop", "end [reason] [with @person]",
     "end we reached our goals early",
     "Either member or a coordinator may end a pair. Reason: up to 500 characters.", handle_end,
     true},
    {"agreement", "the pair's agreement: show, set a field, sign, history",
     "agreement\nagreement set <field> <text>\nagreement sign\nagreement history",
     "agreement set purpose Grow from senior engineer to tech lead within a year",
     "Fields: purpose, scope, out-of-scope, cadence, logistics, communication, boundaries, "
     "confidentiality, success, timeline, review (a date), sharing (private or coordinator). "
     "Every change makes a new version and clears both signatures; when both of you have signed "
     "the current version, the signed agreement is posted in your pair's space. With sharing "
     "coordinator (once both have signed it) coordinators may read the pair's agreement, goals, "
     "check-ins, actions and notes, never private notes or feedback; either of you can set it "
     "back to private at once. Text: up to 2,000 characters.",
     handle_agreement},
    {"goal", "goals with target dates and evidence of progress",
     "goal add <text> [by <date>]\ngoal list\ngoal progress <id> <evidence>\ngoal done "
     "<id>\ngoal drop <id>",
     "goal add Lead the design review of the billing service by 2027-02-28",
     "Aim for goals you can reach in about 90 days. Ids are the goal's number in your pair (3 "
     "or #3); evidence is kept with its date. \"goal\" alone lists the goals. Text and evidence: "
     "up to 2,000 characters.",
     handle_goal},
    {"schedule", "the pair's recurring meetings",
     "schedule\nschedule weekly <weekday> <time> [<duration>]\nschedule biweekly <weekday> "
     "<time> [<duration>]\nschedule monthly <1st|2nd|3rd|4th|last> <weekday> <time> [<duration>]",
     "schedule weekly tue 15:00 45m",
     "Times are read in your time zone and stay at the same wall-clock time across "
     "daylight-saving changes. The default length is 60m.",
     handle_schedule, true},
    {"meeting", "one-off meetings; start, end, skip, cancel or move the next one",
     "meeting at <date> <time> [<duration>]\nmeeting next\nmeeting start\nmeeting end\nmeeting "
     "skip [reason]\nmeeting cancel [reason]\nmeeting move <date> <time>",
     "meeting move fri 10:30", "Skips and cancellations are counted in health.", handle_meeting,
     true},
    {"checkin", "the mentee's preparation for the next meeting",
     "checkin [progress: …] [challenges: …] [questions: …] [focus: …] [energy: 1-5]\ncheckin\n"
     "checkin history",
     "checkin progress: shipped the parser challenges: flaky tests focus: code review energy: 4",
     "The mentee sends it; it is posted in the pair's space. A second check-in before the same "
     "meeting replaces the first (both stay in the history). \"checkin\" alone shows the latest. "
     "Each section: up to 2,000 characters.",
     handle_checkin},
    {"action", "action items with owners and due dates",
     "action add [@owner] <text> [due <date>]\naction list [open|mine|overdue|done|all]\naction "
     "done <id>\naction reopen <id>\naction drop <id>\naction due <id> <date>\naction edit <id> "
     "<text>",
     "action add @sam draft the RFC due fri",
     "The owner must be a member of the pair (default: you). Due dates are read in your time "
     "zone; \"action due <id> none\" removes one. An item is overdue once its due date has "
     "passed. Ids are the item's number in your pair (3 or #3). mine lists your open items. "
     "Text: up to 2,000 characters.",
     handle_action, true},
    {"note", "a takeaway for the recap, or a private journal entry",
     "note <text>\nnote private <text>\nnote list",
     "note agreed to try pair programming on Thursdays",
     "A note is posted in your pair's space and goes into the current (or last) meeting's recap. "
     "\"note private\" is yours alone and is never shown to anyone else. \"note list\" shows the "
     "pair's notes and your own private ones. Text: up to 2,000 characters.",
     handle_note},
    {"feedback", "SBI feedback, delivered privately",
     "feedback @person situation: … behavior: … impact: …",
     "feedback @dana situation: yesterday's review behavior: you asked before suggesting "
     "impact: I found the fix myself",
     "For the other member of your pair. Delivered to that person alone as a direct message, "
     "never posted in the pair's space. Each part: up to 2,000 characters.",
     handle_feedback},
    {"health", "how the relationship is doing", "health", "health",
     "Meetings held vs planned, skips, check-ins, actions and goals over the last 90 days, "
     "with plain-language flags.",
     handle_health},
    {"retro", "answer the periodic retrospective", "retro [helped: …] [slowed: …] [change: …]",
     "retro helped: clear agenda slowed: moved meetings change: meet earlier in the day", "",
     handle_retro},
    {"unstuck", "the guide for when progress stalls", "unstuck", "unstuck",
     "Posts the stuck diagnosis (clarity, capability, confidence, context, commitment) and the "
     "steps to get back on track, in the pair's space.",
     handle_unstuck},
    {"graduate", "the graduation assessment questions", "graduate", "graduate",
     "Posts the questions that tell whether the mentorship has done its work, and the next "
     "steps, in the pair's space.",
     handle_graduate},
    {"wrapup", "close the pair as graduated, with a summary", "wrapup", "wrapup",
     "Either member may wrap up. Reminders stop; the summary posted in the pair's space lists "
     "goals done, actions completed and how long it ran.",
     handle_wrapup, true},
    {"pause", "pause meetings and reminders until a date", "pause until <date>",
     "pause until 2027-01-04", "Meetings in the window are skipped; no reminders go out.",
     handle_pause, true},
    {"resume", "end a pause early", "resume", "resume", "", handle_resume, true},
    {"snooze", "postpone one reminder", "snooze <reminder-id> <duration>", "snooze 12 2h", "",
     handle_snooze},
    {"export", "the pair's record as Markdown", "export", "export",
     "Contains only what you may see.", handle_export},
    {"calendar", "the recurring meeting as an iCalendar event", "calendar", "calendar", "",
     handle_calendar},
    {"tz", "show or set your time zone", "tz [<Area/City>]", "tz Europe/Berlin",
     "Times you type are read in this zone and times the bot shows you are in it. Names are "
     "IANA zones such as America/New_York or Asia/Kolkata.",
     handle_tz},
    {"program", "coordinators: every pair with its health flags", "program", "program",
     "Numbers only, never the content of check-ins, notes, feedback or goals.", handle_program},
};

}  // namespace

std::span<const Verb> verbs() {
    return kVerbs;
}

const Verb* find_verb(std::string_view name) {
    const std::string n = ascii_lower(name);
    for (const Verb& v : kVerbs)
        if (v.name == n) return &v;
    return nullptr;
}

std::vector<std::string> similar_verbs(std::string_view typed) {
    std::vector<std::string_view> names;
    for (const Verb& v : kVerbs) names.push_back(v.name);
    auto near = closest_names(typed, names);
    if (near.empty()) near.push_back(nearest_name(typed, names));
    return near;
}

std::string usage_of(const Verb& verb, std::string_view prefix, std::string_view form) {
    std::vector<std::string_view> all, matching;
    std::string_view rest = verb.usage;
    while (!rest.empty()) {
        const auto nl = rest.find('\n');
        all.push_back(rest.substr(0, nl));
        rest = nl == std::string_view::npos ? std::string_view{} : rest.substr(nl + 1);
    }
    const std::string f = ascii_lower(form);
    for (auto line : all) {
        const auto sp = line.find(' ');
        if (!f.empty() && sp != std::string_view::npos &&
            ascii_lower(line.substr(sp + 1, f.size())) == f &&
            (line.size() == sp + 1 + f.size() || line[sp + 1 + f.size()] == ' '))
            matching.push_back(line);
    }
    const auto& chosen = matching.empty() ? all : matching;
    std::string out;
    for (auto line : chosen) {
        if (!out.empty()) out += '\n';
        out += std::string(prefix) + " " + std::string(line);
    }
    return out;
}

}  // namespace mentorbot
