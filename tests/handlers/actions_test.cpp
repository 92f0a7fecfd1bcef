// tests/handlers/actions_test: `action` — owners from the pair, due dates in the caller's zone,
// the list filters, and every change by its short number.
#include <catch2/catch.hpp>

#include "support/paired.hpp"

using namespace mentorbot;
using testing::Paired;

TEST_CASE("action add takes an owner from the pair and a due date, and tells the pair") {
    Paired h;
    auto r = h.run("sam", "action add draft the RFC outline due fri");
    REQUIRE(r.ok);
    CHECK_THAT(r.text,
               Catch::Contains("Added action #1") && Catch::Contains("/mentor action done 1"));
    auto posts = h.take_posts();
    REQUIRE(posts.size() == 1);
    CHECK_THAT(posts[0],
               Catch::Contains("@sam added an action item:") &&
                   Catch::Contains("#1 draft the RFC outline — @sam, due Fri 6 Nov 2026"));
    REQUIRE(h.run("sam", "action add @dana share the review checklist").ok);
    CHECK_THAT(h.take_posts()[0], Catch::Contains("#2 share the review checklist — @dana"));
    auto stranger = h.run("sam", "action add @lee lend a hand");
    CHECK_FALSE(stranger.ok);
    CHECK_THAT(stranger.text,
               Catch::Contains("@lee is not in this pair; the owner is @dana or @sam"));
    CHECK_THAT(stranger.text,
               Catch::Contains("Usage: /mentor action add [@owner] <text> [due <date>]"));
}

TEST_CASE("Due dates are read in the caller's time zone") {
    Paired h;
    h.now = testing::at("2026-11-02 23:30");  // already Tuesday in Berlin, still Monday in UTC
    REQUIRE(h.run("sam", "tz Europe/Berlin").ok);
    REQUIRE(h.run("sam", "action add call the team due tomorrow").ok);
    REQUIRE(h.run("dana", "action add book the room due tomorrow").ok);
    auto list = h.run("dana", "action list");
    CHECK_THAT(list.text, Catch::Contains("#1 call the team — @sam, due Wed 4 Nov 2026"));
    CHECK_THAT(list.text, Catch::Contains("#2 book the room — @dana, due Tue 3 Nov 2026"));
}

TEST_CASE("action list filters open, mine, overdue, done and all") {
    Paired h;
    REQUIRE(h.run("sam", "action add write the summary due tomorrow").ok);
    REQUIRE(h.run("sam", "action add @dana send the article due 2026-11-20").ok);
    REQUIRE(h.run("sam", "action add ask for the budget").ok);
    REQUIRE(h.run("dana", "action done 2").ok);
    REQUIRE(h.run("sam", "action drop 3").ok);
    h.now += std::chrono::hours{24 * 2};  // Wednesday: #1 (due Tuesday) is overdue

    auto open = h.run("dana", "action list");
    CHECK_THAT(open.text, Catch::Contains("Action items, open (1)") &&
                              Catch::Contains("#1 write the summary — @sam, due Tue 3 Nov 2026 "
                                              "(overdue)"));
    CHECK(h.run("dana", "action").text == open.text);
    CHECK_THAT(h.run("sam", "action list mine").text,
               Catch::Contains("mine (1)") && Catch::Contains("#1 write"));
    CHECK_THAT(h.run("dana", "action list mine").text, Catch::Contains("mine (0)"));
    CHECK_THAT(h.run("dana", "action list overdue").text,
               Catch::Contains("overdue (1)") && Catch::Contains("#1 write"));
    auto done = h.run("dana", "action list done");
    CHECK_THAT(done.text, Catch::Contains("done (1)") &&
                              Catch::Contains("#2 send the article — @dana, done Mon 2 Nov 2026"));
    auto all = h.run("dana", "action list all");
    CHECK_THAT(all.text,
               Catch::Contains("all (3)") &&
                   Catch::Contains("#3 ask for the budget — @sam, dropped Mon 2 Nov 2026"));
    CHECK_THAT(h.run("dana", "action list soon").text, Catch::Contains("list open, mine, overdue"));
}

TEST_CASE("action reopen, due and edit change the item and tell the pair") {
    Paired h;
    REQUIRE(h.run("sam", "action add write the summary due tomorrow").ok);
    REQUIRE(h.run("sam", "action done #1").ok);
    h.take_posts();
    REQUIRE(h.run("sam", "action reopen 1").ok);
    CHECK_THAT(h.take_posts()[0],
               Catch::Contains("@sam reopened an action item:") &&
                   Catch::Contains("#1 write the summary — @sam, due Tue 3 Nov"));
    REQUIRE(h.run("dana", "action due 1 in 2 weeks").ok);
    CHECK_THAT(h.take_posts()[0], Catch::Contains("due Mon 16 Nov 2026"));
    REQUIRE(h.run("dana", "action edit 1 write and send the summary").ok);
    CHECK_THAT(h.take_posts()[0], Catch::Contains("#1 write and send the summary — @sam"));
    REQUIRE(h.run("dana", "action due 1 none").ok);
    CHECK_THAT(h.run("dana", "action list").text,
               Catch::Contains("#1 write and send the summary — @sam") && !Catch::Contains("due"));
}

TEST_CASE("Malformed action calls get one reason, the form's usage, and change nothing") {
    Paired h;
    REQUIRE(h.run("sam", "action add write the summary").ok);
    h.take_posts();
    auto missing = h.run("sam", "action add due fri");
    CHECK_THAT(missing.text, Catch::Contains("the action is empty"));
    CHECK_THAT(h.run("sam", "action add x due 2026-02-31").text,
               Catch::Contains("I can't read the date \"2026-02-31\""));
    auto unknown = h.run("sam", "action done 7");
    CHECK_THAT(unknown.text, Catch::Contains("there is no action #7 in this pair"));
    CHECK_THAT(unknown.text, Catch::EndsWith("Usage: /mentor action done <id>"));
    CHECK_THAT(h.run("sam", "action due 1 someday").text, Catch::Contains("can't read the date"));
    CHECK_THAT(h.run("sam", "action due 1").text, Catch::Contains("give the due date"));
    CHECK_THAT(h.run("sam", "action due 1 2026-10-01").text, Catch::Contains("has already passed"));
    CHECK_THAT(h.run("sam", "action edit 1").text, Catch::Contains("the action is empty"));
    CHECK_THAT(h.run("sam", "action done one").text,
               Catch::Contains("\"one\" is not an action number"));
    CHECK_THAT(h.run("sam", "action done 1 2").text,
               Catch::Contains("give only the action's number"));
    CHECK_THAT(h.run("sam", "action finish 1").text, Catch::Contains("use add, list, done"));
    CHECK(h.take_posts().empty());
    CHECK_THAT(h.run("sam", "action list").text,
               Catch::Contains("#1 write the summary — @sam") && Catch::Contains("open (1)"));
}

TEST_CASE(
    "Changes to a pair's plans name both members, for their App Home, and nothing else does") {
    testing::Harness h;
    const auto paired = h.run("dana", "pair @dana @sam");
    REQUIRE(paired.ok);
    CHECK(paired.plans_changed_for == std::vector<std::string>{"dana", "sam"});
    CHECK(h.run("sam", "action add draft the RFC outline").plans_changed_for ==
          std::vector<std::string>{"sam", "dana"});
    CHECK(h.run("dana", "schedule weekly tue 15:00").plans_changed_for ==
          std::vector<std::string>{"dana", "sam"});
    // Another pair of dana's is not involved when the command is about the first one.
    REQUIRE(h.run("dana", "pair @dana @lee").ok);
    CHECK(h.run("sam", "action done 1").plans_changed_for ==
          std::vector<std::string>{"sam", "dana"});
    // Goals, notes and mistakes change no plans.
    CHECK(h.run("sam", "goal add ship the parser").plans_changed_for.empty());
    const auto mistake = h.run("sam", "action done 99");
    CHECK_FALSE(mistake.ok);
    CHECK(mistake.plans_changed_for.empty());
}
