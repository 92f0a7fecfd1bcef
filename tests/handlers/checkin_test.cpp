// tests/handlers/checkin_test: `checkin` — the mentee's sections, energy, replacement and history.
#include <catch2/catch.hpp>

#include "support/paired.hpp"

using namespace mentorbot;
using testing::Paired;

TEST_CASE("The mentee's check-in is posted to the pair with every section") {
    Paired h;
    auto r = h.run("sam",
                   "checkin progress: shipped the parser challenges: flaky tests "
                   "questions: how to say no? focus: code review energy: 4");
    REQUIRE(r.ok);
    CHECK_THAT(r.text, Catch::Contains("Your check-in is recorded"));
    auto posts = h.take_posts();
    REQUIRE(posts.size() == 1);
    CHECK_THAT(posts[0], Catch::StartsWith("pair 1: == Check-in =="));
    CHECK_THAT(posts[0], Catch::Contains("Progress: shipped the parser"));
    CHECK_THAT(posts[0], Catch::Contains("Challenges: flaky tests"));
    CHECK_THAT(posts[0], Catch::Contains("Questions: how to say no?"));
    CHECK_THAT(posts[0], Catch::Contains("Focus: code review"));
    CHECK_THAT(posts[0], Catch::Contains("Energy: 4 of 5"));
    CHECK_THAT(h.run("dana", "checkin").text, Catch::Contains("Latest check-in") &&
                                                  Catch::Contains("Progress: shipped the parser"));
}

TEST_CASE("A second check-in in the same period replaces the first, which stays in history") {
    Paired h;
    REQUIRE(h.run("sam", "checkin progress: first draft").ok);
    h.now += std::chrono::hours{2};
    auto second = h.run("sam", "checkin progress: second draft energy: 2");
    REQUIRE(second.ok);
    CHECK_THAT(second.text, Catch::Contains("replaces the one of Mon 2 Nov 2026 09:00 UTC"));
    auto latest = h.run("dana", "checkin");
    CHECK_THAT(latest.text, Catch::Contains("second draft") && !Catch::Contains("first draft"));
    auto history = h.run("dana", "checkin history");
    REQUIRE(history.ok);
    CHECK_THAT(history.text, Catch::Contains("Check-ins (2)"));
    CHECK_THAT(history.text, Catch::Contains("== Check-in (replaced) =="));
    CHECK(history.text.find("second draft") < history.text.find("first draft"));
}

TEST_CASE("Check-ins are the mentee's, and bad sections are refused with the usage") {
    Paired h;
    auto mentor = h.run("dana", "checkin progress: mine");
    CHECK_FALSE(mentor.ok);
    CHECK_THAT(mentor.text, Catch::Contains("the mentee's preparation; @sam sends it"));
    CHECK_THAT(h.run("sam", "checkin energy: 9").text,
               Catch::Contains("energy: is a number from 1"));
    CHECK_THAT(h.run("sam", "checkin energy: high").text, Catch::Contains("energy: is a number"));
    CHECK_THAT(h.run("sam", "checkin all good").text,
               Catch::Contains("start each part with its section"));
    CHECK_THAT(h.run("sam", "checkin progress: a progress: b").text,
               Catch::Contains("given twice"));
    auto empty = h.run("sam", "checkin progress: focus: x");
    CHECK_FALSE(empty.ok);
    CHECK_THAT(empty.text, Catch::Contains("progress: is empty") &&
                               Catch::Contains("Usage: /mentor checkin [progress: …]"));
    CHECK(h.take_posts().empty());
    CHECK_THAT(h.run("dana", "checkin").text, Catch::Contains("No check-in yet"));
}
