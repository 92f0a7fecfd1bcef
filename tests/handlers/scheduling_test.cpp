// tests/handlers/scheduling_test: `schedule`, `meeting`, `pause`, `resume` and `snooze` as users
// see them, including every malformed call.
#include <catch2/catch.hpp>

#include "support/harness.hpp"

using namespace mentorbot;

namespace {

struct Scheduled : testing::Harness {
    Scheduled() {
        REQUIRE(run("dana", "pair @dana @sam").ok);
        take_posts();
    }
    std::vector<std::string> pending_kinds() {
        std::vector<std::string> out;
        for (const Reminder& r : store.reminders.pending_for_pair(PairId{1})) out.push_back(r.kind);
        return out;
    }
};

}  // namespace

TEST_CASE("Malformed schedules are refused with the form's usage and change nothing") {
    Scheduled h;
    for (const char* bad : {"schedule weekly", "schedule weekly tue", "schedule weekly tue 25:00",
                            "schedule weekly someday 10:00", "schedule weekly tue 10:00 9h",
                            "schedule monthly 5th fri 10:00", "schedule fortnightly tue 10:00",
                            "schedule weekly tue 10:00 45m extra"}) {
        INFO(bad);
        const auto r = h.run("dana", bad);
        CHECK_FALSE(r.ok);
        CHECK_THAT(r.text, Catch::Contains("Usage: /mentor schedule"));
    }
    CHECK_FALSE(h.store.schedules.find(PairId{1}));
    CHECK(h.take_posts().empty());
}

TEST_CASE("schedule shows the rule and the next three meetings in the caller's zone") {
    Scheduled h;
    REQUIRE(h.run("sam", "tz Asia/Kolkata").ok);
    REQUIRE(h.run("dana", "schedule biweekly thu 10:00").ok);
    const auto posts = h.take_posts();
    REQUIRE(posts.size() == 1);
    CHECK_THAT(posts[0], Catch::Contains("every other Thursday at 10:00 UTC (1h)"));
    CHECK_THAT(
        posts[0],
        Catch::Contains("Thu 5 Nov 2026 10:00 UTC for @dana · Thu 5 Nov 2026 15:30 IST for @sam"));
    const auto shown = h.run("sam", "schedule");
    CHECK_THAT(shown.text, Catch::Contains("Thu 5 Nov 2026 15:30 IST") &&
                               Catch::Contains("Thu 19 Nov 2026 15:30 IST") &&
                               Catch::Contains("Thu 3 Dec 2026 15:30 IST"));
}

TEST_CASE("A one-off meeting gets its four reminders, a move replaces them") {
    Scheduled h;
    CHECK_THAT(h.run("dana", "meeting at today 08:00").text, Catch::Contains("has passed"));
    CHECK_THAT(h.run("dana", "meeting at tomorrow 25:00").text,
               Catch::Contains("can't read the time"));
    REQUIRE(h.run("dana", "meeting at in 3 days 10:00 30m").ok);
    auto kinds = h.pending_kinds();
    for (const char* k : {"prep", "meeting", "start", "recap"})
        CHECK(std::count(kinds.begin(), kinds.end(), k) == 1);
    REQUIRE(h.run("sam", "meeting move in 4 days 11:00").ok);
    kinds = h.pending_kinds();
    CHECK(std::count(kinds.begin(), kinds.end(), "start") == 1);
    CHECK_THAT(h.run("sam", "meeting next").text, Catch::Contains("Fri 6 Nov 2026 11:00 UTC"));
}

TEST_CASE("meeting start opens a meeting and meeting end posts its recap") {
    Scheduled h;
    CHECK_THAT(h.run("dana", "meeting end").text, Catch::Contains("no meeting is open"));
    CHECK_THAT(h.run("dana", "meeting skip").text, Catch::Contains("no meeting is planned"));
    REQUIRE(h.run("dana", "meeting start").ok);
    CHECK_THAT(h.run("sam", "meeting start").text, Catch::Contains("already open"));
    h.take_posts();
    REQUIRE(h.run("sam", "note we agreed on a plan").ok);
    h.now += std::chrono::minutes{40};
    REQUIRE(h.run("sam", "meeting end").ok);
    const auto posts = h.take_posts();
    REQUIRE_FALSE(posts.empty());
    CHECK_THAT(posts.back(), Catch::Contains("Recap — meeting #1") && Catch::Contains("40m") &&
                                 Catch::Contains("we agreed on a plan"));
    CHECK(h.pending_kinds() == std::vector<std::string>{"agreement.unsigned", "retro"});
}

TEST_CASE("A pause skips the meetings in it without counting them, and resume plans again") {
    Scheduled h;
    REQUIRE(h.run("dana", "schedule weekly mon 10:00").ok);
    CHECK_THAT(h.run("dana", "pause until today").text, Catch::Contains("after today"));
    CHECK_THAT(h.run("dana", "pause 2 weeks").text,
               Catch::Contains("Usage: /mentor pause until <date>"));
    REQUIRE(h.run("dana", "pause until in 3 weeks").ok);
    CHECK_THAT(h.run("sam", "meeting next").text, Catch::Contains("Mon 23 Nov 2026 10:00"));
    CHECK_THAT(h.run("sam", "health").text, Catch::Contains("0 skipped"));
    REQUIRE(h.run("sam", "resume").ok);
    CHECK_THAT(h.run("sam", "meeting next").text, Catch::Contains("Mon 2 Nov 2026 10:00"));
    CHECK_THAT(h.run("sam", "resume").text, Catch::Contains("not paused"));
}

TEST_CASE("snooze postpones a waiting reminder by its number") {
    Scheduled h;
    CHECK_THAT(h.run("dana", "snooze 99 1h").text, Catch::Contains("no waiting reminder #99"));
    CHECK_THAT(h.run("dana", "snooze 1 soon").text, Catch::Contains("Usage: /mentor snooze"));
    CHECK_THAT(h.run("dana", "snooze one 1h").text, Catch::Contains("by its number"));
    const auto r = h.run("dana", "snooze #1 2d");
    REQUIRE(r.ok);
    CHECK_THAT(r.text,
               Catch::Contains("agreement.unsigned") && Catch::Contains("Sat 7 Nov 2026 09:00"));
}
