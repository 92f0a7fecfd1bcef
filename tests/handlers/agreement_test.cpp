// tests/handlers/agreement_test: `agreement` — fields, versions, signatures and the signed post.
#include <catch2/catch.hpp>

#include "support/paired.hpp"

using namespace mentorbot;
using testing::Paired;

TEST_CASE("agreement set records every field as a new version and tells the pair") {
    Paired h;
    auto r = h.run("dana", "agreement set purpose Grow Sam into a confident tech lead");
    REQUIRE(r.ok);
    CHECK_THAT(r.text, Catch::Contains("version 1"));
    auto posts = h.take_posts();
    REQUIRE(posts.size() == 1);
    CHECK_THAT(posts[0], Catch::StartsWith("pair 1: @dana set the Purpose — agreement version 1"));
    CHECK_THAT(posts[0], Catch::Contains("> Grow Sam into a confident tech lead"));

    for (const char* field : {"scope", "out-of-scope", "cadence", "logistics", "communication",
                              "boundaries", "confidentiality", "success", "timeline"})
        REQUIRE(h.run("sam", std::string("agreement set ") + field + " text for " + field).ok);
    REQUIRE(h.run("sam", "agreement set review 2027-02-01").ok);
    REQUIRE(h.run("sam", "agreement set sharing private").ok);
    auto shown = h.run("dana", "agreement");
    REQUIRE(shown.ok);
    CHECK_THAT(shown.text, Catch::Contains("Agreement — version 12"));
    CHECK_THAT(shown.text, Catch::Contains("Out of scope: text for out-of-scope"));
    CHECK_THAT(shown.text, Catch::Contains("Review date: Mon 1 Feb 2027"));
    CHECK_THAT(shown.text, Catch::Contains("Sharing: private (coordinators see numbers only)"));
    CHECK_THAT(shown.text, !Catch::Contains("Not agreed yet"));
    CHECK_THAT(shown.text, Catch::Contains("not signed yet by @dana or @sam"));
}

TEST_CASE("agreement without a version says how to start, and lists the open fields") {
    Paired h;
    CHECK_THAT(h.run("sam", "agreement").text,
               Catch::Contains("No agreement yet") && Catch::Contains("/mentor agreement set"));
    REQUIRE(h.run("sam", "agreement set purpose learn").ok);
    CHECK_THAT(h.run("sam", "agreement").text,
               Catch::Contains("Not agreed yet: scope, out-of-scope, cadence"));
}

TEST_CASE("Both signatures post the signed agreement once, and a change clears them") {
    Paired h;
    REQUIRE(h.run("dana", "agreement set purpose Grow into a tech lead").ok);
    h.take_posts();
    auto first = h.run("dana", "agreement sign");
    REQUIRE(first.ok);
    CHECK_THAT(first.text, Catch::Contains("Waiting for @sam"));
    auto posts = h.take_posts();
    REQUIRE(posts.size() == 1);
    CHECK_THAT(posts[0], Catch::Contains("@dana signed version 1") &&
                             Catch::Contains("/mentor agreement sign"));
    CHECK_THAT(h.run("dana", "agreement sign").text, Catch::Contains("signed by @dana"));
    CHECK(h.take_posts().empty());

    h.now += std::chrono::hours{1};
    auto second = h.run("sam", "agreement sign");
    REQUIRE(second.ok);
    CHECK_THAT(second.text, Catch::Contains("Both of you have signed"));
    posts = h.take_posts();
    REQUIRE(posts.size() == 1);
    CHECK_THAT(posts[0], Catch::StartsWith("pair 1: == Signed agreement — version 1 =="));
    CHECK_THAT(posts[0], Catch::Contains("Purpose: Grow into a tech lead"));
    CHECK_THAT(posts[0],
               Catch::Contains("signed by @dana (Mon 2 Nov 2026) and @sam (Mon 2 Nov 2026)"));

    auto change = h.run("sam", "agreement set cadence every other Tuesday, 45 minutes");
    REQUIRE(change.ok);
    posts = h.take_posts();
    REQUIRE(posts.size() == 1);
    CHECK_THAT(posts[0], Catch::Contains("clears the signatures on version 1"));
    CHECK_THAT(h.run("dana", "agreement").text,
               Catch::Contains("Version 2: not signed yet by @dana or @sam"));
}

TEST_CASE("agreement history shows each version with who changed which field and the signings") {
    Paired h;
    REQUIRE(h.run("dana", "agreement set purpose first purpose").ok);
    REQUIRE(h.run("dana", "agreement sign").ok);
    REQUIRE(h.run("sam", "agreement sign").ok);
    h.now += std::chrono::hours{24};
    REQUIRE(h.run("sam", "agreement set purpose second purpose").ok);
    auto history = h.run("dana", "agreement history");
    REQUIRE(history.ok);
    CHECK_THAT(history.text, Catch::Contains("Agreement history (2 versions)"));
    CHECK_THAT(history.text, Catch::Contains("v1 · Mon 2 Nov 2026 09:00 UTC · @dana set purpose: "
                                             "first purpose — signed by both"));
    CHECK_THAT(history.text, Catch::Contains("v2 · Tue 3 Nov 2026 09:00 UTC · @sam set purpose: "
                                             "second purpose"));
    CHECK_THAT(history.text, !Catch::Contains("second purpose — signed"));
}

TEST_CASE("Setting a field to what it already says makes no new version") {
    Paired h;
    REQUIRE(h.run("dana", "agreement set scope design reviews").ok);
    h.take_posts();
    auto same = h.run("sam", "agreement set scope design reviews");
    REQUIRE(same.ok);
    CHECK_THAT(same.text, Catch::Contains("unchanged (version 1)"));
    CHECK(h.take_posts().empty());
}

TEST_CASE("Malformed agreement calls get one reason and the form's usage, and change nothing") {
    Paired h;
    auto unknown = h.run("dana", "agreement set purpse learn");
    CHECK_FALSE(unknown.ok);
    CHECK_THAT(unknown.text,
               Catch::Contains("no agreement field \"purpse\"; did you mean \"purpose\""));
    CHECK_THAT(unknown.text, Catch::Contains("Usage: /mentor agreement set <field> <text>"));
    CHECK_THAT(h.run("dana", "agreement set").text, Catch::Contains("name the field to set"));
    CHECK_THAT(h.run("dana", "agreement set purpose").text,
               Catch::Contains("the purpose is empty"));
    CHECK_THAT(h.run("dana", "agreement set review someday").text,
               Catch::Contains("I can't read the date \"someday\""));
    CHECK_THAT(h.run("dana", "agreement set review 2020-01-01").text,
               Catch::Contains("has already passed"));
    CHECK_THAT(h.run("dana", "agreement set sharing everyone").text,
               Catch::Contains("sharing is \"private\" or \"coordinator\""));
    CHECK_THAT(h.run("dana", "agreement set purpose " + std::string(2001, 'x')).text,
               Catch::Contains("2001 characters long; the limit is 2,000"));
    CHECK_THAT(h.run("dana", "agreement sign").text, Catch::Contains("nothing to sign yet"));
    CHECK_THAT(h.run("dana", "agreement frobnicate").text,
               Catch::Contains("use set, sign or history"));
    CHECK(h.take_posts().empty());
    CHECK_THAT(h.run("dana", "agreement").text, Catch::Contains("No agreement yet"));
}

TEST_CASE("Text length is counted in characters, not bytes") {
    Paired h;
    std::string umlauts;
    for (int i = 0; i < 1500; ++i) umlauts += "ü";  // 3,000 bytes
    CHECK(h.run("dana", "agreement set purpose " + umlauts).ok);
}
