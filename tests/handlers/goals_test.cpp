// tests/handlers/goals_test: `goal` — target dates, evidence with dates, done and dropped.
#include <catch2/catch.hpp>

#include "support/paired.hpp"

using namespace mentorbot;
using testing::Paired;

TEST_CASE("goal add numbers goals per pair, reads the target date and tells the pair") {
    Paired h;
    auto r = h.run("sam", "goal add Lead the design review of the billing service by 2027-01-29");
    REQUIRE(r.ok);
    CHECK_THAT(r.text, Catch::Contains("Added goal #1 — target Fri 29 Jan 2027"));
    auto posts = h.take_posts();
    REQUIRE(posts.size() == 1);
    CHECK_THAT(posts[0], Catch::StartsWith("pair 1: @sam added goal #1 — target Fri 29 Jan 2027:"));
    CHECK_THAT(posts[0], Catch::Contains("> Lead the design review of the billing service"));
    CHECK(h.run("dana", "goal add Run two retrospectives by in 2 weeks").ok);
    CHECK_THAT(h.run("dana", "goal add Read one book a month").text,
               Catch::Contains("Added goal #3."));
    // Another pair counts from 1 again.
    REQUIRE(h.run("lee", "pair @lee @kim").ok);
    CHECK_THAT(h.run("kim", "goal add Ship a side project").text, Catch::Contains("Added goal #1"));
}

TEST_CASE("goal list shows active goals with their evidence and dates, then closed ones") {
    Paired h;
    REQUIRE(h.run("sam", "goal add Lead the design review by 2026-11-20").ok);
    REQUIRE(h.run("sam", "goal add Speak at the guild meeting").ok);
    REQUIRE(h.run("sam", "goal add Learn Rust").ok);
    h.now += std::chrono::hours{24};
    REQUIRE(h.run("sam", "goal progress 1 drafted the agenda with the architects").ok);
    auto posts = h.take_posts();
    CHECK_THAT(posts.back(), Catch::Contains("@sam recorded progress on goal #1 (Lead the design "
                                             "review)") &&
                                 Catch::Contains("> drafted the agenda with the architects"));
    REQUIRE(h.run("dana", "goal done #2").ok);
    REQUIRE(h.run("sam", "goal drop 3").ok);
    h.now += std::chrono::hours{24 * 30};
    auto list = h.run("dana", "goal list");
    REQUIRE(list.ok);
    CHECK_THAT(list.text, Catch::Contains("#1 Lead the design review — target was Fri 20 Nov 2026 "
                                          "(past its target)"));
    CHECK_THAT(list.text, Catch::Contains("Tue 3 Nov 2026 · @sam: drafted the agenda with the "
                                          "architects"));
    CHECK_THAT(list.text, Catch::Contains("#2 Speak at the guild meeting — done Tue 3 Nov 2026"));
    CHECK_THAT(list.text, Catch::Contains("#3 Learn Rust — dropped Tue 3 Nov 2026"));
    CHECK(h.run("dana", "goal").text == list.text);
}

TEST_CASE("Malformed goal calls are refused with the usage and write nothing") {
    Paired h;
    CHECK_THAT(h.run("sam", "goal add").text,
               Catch::Contains("the goal is empty") && Catch::Contains("Usage: /mentor goal add"));
    CHECK_THAT(h.run("sam", "goal add learn by 2026-13-40").text,
               Catch::Contains("I can't read the date \"2026-13-40\""));
    CHECK_THAT(h.run("sam", "goal add learn by 2025-01-01").text,
               Catch::Contains("the target date Wed 1 Jan 2025 has already passed"));
    CHECK_THAT(h.run("sam", "goal progress 4 did it").text,
               Catch::Contains("there is no goal #4 in this pair") &&
                   Catch::Contains("Usage: /mentor goal progress <id> <evidence>"));
    CHECK_THAT(h.run("sam", "goal done first").text,
               Catch::Contains("\"first\" is not a goal number"));
    CHECK_THAT(h.run("sam", "goal done").text, Catch::Contains("say which goal"));
    REQUIRE(h.run("sam", "goal add learn").ok);
    CHECK_THAT(h.run("sam", "goal progress 1").text, Catch::Contains("the evidence is empty"));
    CHECK_THAT(h.run("sam", "goal finish 1").text,
               Catch::Contains("use add, list, progress, done or drop"));
    REQUIRE(h.run("sam", "goal done 1").ok);
    CHECK_THAT(h.run("sam", "goal progress 1 more").text, Catch::Contains("goal #1 is closed"));
    CHECK_THAT(h.run("sam", "goal done 1").text, Catch::Contains("already done"));
}
