// tests/handlers/verbs_test: the verb table covers PRODUCT.md §3, help is generated from it, and
// unknown verbs get a "did you mean".
#include <catch2/catch.hpp>

#include "handlers/verbs.hpp"
#include "support/harness.hpp"

using namespace mentorbot;

namespace {
// Every verb of PRODUCT.md §3.
const char* const kProductVerbs[] = {
    "help",    "pair",   "pairs",  "end",      "agreement", "goal",     "schedule", "meeting",
    "checkin", "action", "note",   "feedback", "health",    "retro",    "unstuck",  "graduate",
    "wrapup",  "pause",  "resume", "snooze",   "export",    "calendar", "tz",       "program"};
}  // namespace

TEST_CASE("Every verb of the product is in the table with usage, help and an example") {
    for (const char* name : kProductVerbs) {
        INFO(name);
        const Verb* v = find_verb(name);
        REQUIRE(v);
        CHECK_FALSE(v->summary.empty());
        CHECK(v->usage.substr(0, v->name.size()) == v->name);
        CHECK(v->example.substr(0, v->name.size()) == v->name);
    }
    CHECK(verbs().size() == std::size(kProductVerbs));
}

TEST_CASE("help lists every verb and help <verb> shows its usage and example") {
    testing::Harness h;
    auto overview = h.run("dana", "help");
    REQUIRE(overview.ok);
    for (const char* name : kProductVerbs)
        CHECK_THAT(overview.text, Catch::Contains(std::string("• ") + name + " — "));
    auto one = h.run("dana", "help tz");
    REQUIRE(one.ok);
    CHECK_THAT(one.text, Catch::Contains("/mentor tz [<Area/City>]"));
    CHECK_THAT(one.text, Catch::Contains("Example: /mentor tz Europe/Berlin"));
    CHECK(h.run("dana", "").text == overview.text);
    auto unknown = h.run("dana", "help tzz");
    CHECK_FALSE(unknown.ok);
    CHECK_THAT(unknown.text, Catch::Contains("did you mean \"tz\""));
}

TEST_CASE("An unknown verb gets a did-you-mean with the closest verbs") {
    testing::Harness h;
    auto r = h.run("dana", "shedule weekly tue 15:00");
    CHECK_FALSE(r.ok);
    CHECK_THAT(r.text, Catch::Contains("did you mean \"schedule\""));
    auto far = h.run("dana", "frobnicate");
    CHECK_FALSE(far.ok);
    CHECK_THAT(far.text, Catch::Contains("did you mean"));
    CHECK_THAT(far.text, Catch::Contains("Usage: /mentor <verb>"));
}

TEST_CASE("Matrix users see the !mentor prefix in help and usage") {
    testing::Harness h;
    h.platform = Platform::matrix;
    auto r = h.run("@dana:hs", "help pair");
    CHECK_THAT(r.text, Catch::Contains("!mentor pair @mentor @mentee"));
}

TEST_CASE("Usage for one form of a many-form verb shows only that form") {
    const Verb* action = find_verb("action");
    REQUIRE(action);
    CHECK(usage_of(*action, "/mentor", "done") == "/mentor action done <id>");
    CHECK(usage_of(*action, "/mentor", "bogus").find('\n') != std::string::npos);
}

TEST_CASE("Over-long commands and control characters are refused with a reason and nothing kept") {
    testing::Harness h;
    auto r = h.run("dana", "pair @dana @sam " + std::string(5000, 'x'));
    CHECK_FALSE(r.ok);
    CHECK_THAT(r.text, Catch::Contains("limit is 4000"));
    auto c = h.run("dana", "pair @dana\x1b @sam");
    CHECK_FALSE(c.ok);
    CHECK_THAT(c.text, Catch::Contains("control character"));
    CHECK_FALSE(h.store.people.find(Platform::console, "dana"));
}

TEST_CASE("Every verb in the table has a handler") {
    for (const Verb& v : verbs()) {
        INFO(v.name);
        CHECK(v.handle != nullptr);
    }
}
