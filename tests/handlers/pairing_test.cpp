// tests/handlers/pairing_test: `pair`, `pairs`, `end` and `tz` as users see them.
#include <catch2/catch.hpp>

#include "support/harness.hpp"

using namespace mentorbot;

TEST_CASE("pair posts the welcome with every kickoff checklist item to the pair's space") {
    testing::Harness h;
    auto r = h.run("dana", "pair @dana @sam");
    REQUIRE(r.ok);
    CHECK_THAT(r.text, Catch::Contains("Paired @dana (mentor) with @sam (mentee)"));
    auto posts = h.take_posts();
    REQUIRE(posts.size() == 1);
    const std::string& welcome = posts[0];
    CHECK_THAT(welcome, Catch::StartsWith("pair 1: == Welcome"));
    for (const char* field :
         {"purpose", "scope", "out-of-scope", "cadence", "logistics", "communication", "boundaries",
          "confidentiality", "success", "timeline", "review"})
        CHECK_THAT(welcome, Catch::Contains(field));
    CHECK_THAT(welcome, Catch::Contains("/mentor agreement sign"));
    CHECK_THAT(welcome, Catch::Contains("/mentor schedule"));
    CHECK_THAT(welcome, Catch::Contains("/mentor goal add"));
}

TEST_CASE(
    "pair refuses the same person twice, a second active pair, and strangers pairing others") {
    testing::Harness h;
    CHECK_THAT(h.run("dana", "pair @dana @dana").text, Catch::Contains("two different people"));
    CHECK_THAT(h.run("dana", "pair @dana").text,
               Catch::Contains("Usage: /mentor pair @mentor @mentee"));
    REQUIRE(h.run("dana", "pair @dana @sam").ok);
    auto again = h.run("sam", "pair @sam @dana");
    CHECK_FALSE(again.ok);
    CHECK_THAT(again.text, Catch::Contains("already a pair"));
    auto stranger = h.run("eve", "pair @lee @kim");
    CHECK_FALSE(stranger.ok);
    CHECK_THAT(stranger.text, Catch::Contains("only coordinators"));
    h.settings.coordinators = {"console:carol"};
    CHECK(h.run("carol", "pair @lee @kim").ok);
}

TEST_CASE("pairs lists the caller's pairs and coordinators see every pair") {
    testing::Harness h;
    h.settings.coordinators = {"console:carol"};
    REQUIRE(h.run("dana", "pair @dana @sam").ok);
    REQUIRE(h.run("lee", "pair @lee @kim").ok);
    auto mine = h.run("sam", "pairs");
    CHECK_THAT(mine.text, Catch::Contains("@dana (mentor) & @sam (mentee)"));
    CHECK_THAT(mine.text, !Catch::Contains("@lee"));
    auto all = h.run("carol", "pairs");
    CHECK_THAT(all.text, Catch::Contains("Program pairs (2)"));
    CHECK_THAT(all.text, Catch::Contains("@lee (mentor) & @kim (mentee)"));
    CHECK_THAT(h.run("eve", "pairs").text, Catch::Contains("not in any active pair"));
}

TEST_CASE("end closes the pair, tells the space, and only members or coordinators may") {
    testing::Harness h;
    h.settings.coordinators = {"console:carol"};
    REQUIRE(h.run("dana", "pair @dana @sam").ok);
    h.take_posts();
    CHECK_FALSE(h.run("eve", "end with @sam").ok);
    auto r = h.run("sam", "end moving teams");
    REQUIRE(r.ok);
    auto posts = h.take_posts();
    REQUIRE(posts.size() == 1);
    CHECK_THAT(posts[0], Catch::Contains("ended by @sam") && Catch::Contains("moving teams"));
    CHECK_THAT(h.run("sam", "pairs").text, Catch::Contains("not in any active pair"));
    CHECK_THAT(h.run("sam", "pairs all").text, Catch::Contains("ended"));
    REQUIRE(h.run("dana", "pair @dana @sam").ok);
    CHECK(h.run("carol", "end with @dana").ok);
}

TEST_CASE("tz shows and sets the zone, accepts any case and suggests the closest name") {
    testing::Harness h;
    CHECK_THAT(h.run("dana", "tz").text, Catch::Contains("UTC (the program's default)"));
    CHECK_THAT(h.run("dana", "tz america/new_york").text, Catch::Contains("now America/New_York"));
    CHECK_THAT(h.run("dana", "tz").text,
               Catch::Contains("America/New_York") && Catch::Contains("04:00 EST"));
    auto bad = h.run("dana", "tz Europe/Berln");
    CHECK_FALSE(bad.ok);
    CHECK_THAT(bad.text, Catch::Contains("did you mean Europe/Berlin?"));
    CHECK_THAT(bad.text, Catch::Contains("Usage: /mentor tz"));
}
