// tests/handlers/core_usage_test: every verb of the mentorship core explains itself in help, and
// every malformed call of it gets one line of reason with the usage of the form that was meant.
#include <catch2/catch.hpp>

#include "support/paired.hpp"

using namespace mentorbot;
using testing::Paired;

namespace {

const char* const kCoreVerbs[] = {"agreement", "goal",    "checkin",  "action", "note",
                                  "feedback",  "unstuck", "graduate", "wrapup"};

struct Malformed {
    const char* who;
    const char* text;
    const char* reason;  // part of the one line of reason
    const char* usage;   // the first usage line shown
};

const Malformed kMalformed[] = {
    {"dana", "agreement set", "name the field", "/mentor agreement set <field> <text>"},
    {"dana", "agreement set purpse grow", "no agreement field \"purpse\"", "/mentor agreement set"},
    {"dana", "agreement set purpose", "the purpose is empty", "/mentor agreement set"},
    {"dana", "agreement set review someday", "can't read the date", "/mentor agreement set"},
    {"dana", "agreement sign", "nothing to sign yet", "/mentor agreement sign"},
    {"dana", "agreement history now", "takes nothing more", "/mentor agreement history"},
    {"sam", "goal add", "the goal is empty", "/mentor goal add <text> [by <date>]"},
    {"sam", "goal add learn by 2026-99-01", "can't read the date", "/mentor goal add"},
    {"sam", "goal progress 9 did it", "there is no goal #9",
     "/mentor goal progress <id> <evidence>"},
    {"sam", "goal done 9", "there is no goal #9", "/mentor goal done <id>"},
    {"sam", "goal drop", "say which goal", "/mentor goal drop <id>"},
    {"sam", "checkin energy: 7", "energy: is a number from 1", "/mentor checkin [progress: …]"},
    {"sam", "checkin all fine", "start each part with its section", "/mentor checkin"},
    {"sam", "action add", "the action is empty", "/mentor action add [@owner] <text> [due <date>]"},
    {"sam", "action add call due 2026-02-30", "can't read the date", "/mentor action add"},
    {"sam", "action add @lee call", "@lee is not in this pair", "/mentor action add"},
    {"sam", "action done 9", "there is no action #9", "/mentor action done <id>"},
    {"sam", "action reopen 9", "there is no action #9", "/mentor action reopen <id>"},
    {"sam", "action drop x", "\"x\" is not an action number", "/mentor action drop <id>"},
    {"sam", "action due 9 fri", "there is no action #9", "/mentor action due <id> <date>"},
    {"sam", "action edit 9 call", "there is no action #9", "/mentor action edit <id> <text>"},
    {"sam", "action list soon", "list open, mine, overdue", "/mentor action list"},
    {"sam", "note", "the note is empty", "/mentor note <text>"},
    {"sam", "note private", "the private note is empty", "/mentor note private <text>"},
    {"sam", "feedback", "name the person", "/mentor feedback @person"},
    {"sam", "feedback @dana situation: a", "add behavior:", "/mentor feedback @person"},
    {"sam", "feedback @kim situation: a behavior: b impact: c", "you have no active pair with @kim",
     "/mentor feedback @person"},
    {"sam", "goal list with @kim", "you have no active pair with @kim", "/mentor goal list"},
    {"sam", "action done 1 with @kim", "you have no active pair with @kim", "/mentor action done"},
    {"sam", "unstuck please", "takes nothing more", "/mentor unstuck"},
    {"sam", "graduate now", "takes nothing more", "/mentor graduate"},
    {"sam", "wrapup today", "takes nothing more", "/mentor wrapup"},
};

}  // namespace

TEST_CASE("help explains every verb of the mentorship core with its usage and an example") {
    testing::Harness h;
    for (const char* verb : kCoreVerbs) {
        INFO(verb);
        auto r = h.run("dana", std::string("help ") + verb);
        REQUIRE(r.ok);
        CHECK_THAT(r.text, Catch::Contains(std::string("• /mentor ") + verb));
        CHECK_THAT(r.text, Catch::Contains(std::string("Example: /mentor ") + verb));
        CHECK_THAT(r.text, !Catch::Contains("Not available"));
    }
    for (const char* verb : {"agreement", "goal", "checkin", "action", "note", "feedback"})
        CHECK_THAT(h.run("dana", std::string("help ") + verb).text,
                   Catch::Contains("2,000 characters"));
}

TEST_CASE("Every malformed call gets one line of reason and the usage, and changes nothing") {
    for (const Malformed& m : kMalformed) {
        Paired h;
        REQUIRE(h.run("lee", "pair @lee @kim").ok);  // someone else's pair
        h.take_posts();
        INFO(m.who << ": " << m.text);
        auto r = h.run(m.who, m.text);
        CHECK_FALSE(r.ok);
        const auto usage_at = r.text.find("\nUsage: ");
        REQUIRE(usage_at != std::string::npos);
        const std::string reason = r.text.substr(0, usage_at);
        CHECK_THAT(reason, Catch::StartsWith("⚠ ") && Catch::Contains(m.reason));
        CHECK(reason.find('\n') == std::string::npos);
        CHECK_THAT(r.text.substr(usage_at), Catch::StartsWith(std::string("\nUsage: ") + m.usage));
        CHECK(h.take_posts().empty());
    }
}

TEST_CASE("A refused command leaves nothing behind, not even the people it named") {
    Paired h;
    CHECK_FALSE(h.run("sam", "action add @lee lend a hand").ok);
    CHECK_FALSE(h.store.people.find(Platform::console, "lee"));
    CHECK_FALSE(h.run("sam", "feedback @lee situation: a behavior: b impact: c").ok);
    CHECK_FALSE(h.store.people.find(Platform::console, "lee"));
}
