// tests/handlers/home_summary_test: the home page shows each pair's next meeting in the viewer's
// zone and its open action items, overdue first, the rest counted; closed items stay off it.
#include <catch2/catch.hpp>

#include "handlers/home_summary.hpp"
#include "handlers/reminder_engine.hpp"
#include "support/paired.hpp"

using namespace mentorbot;
using namespace mentorbot::testing;

namespace {

std::string home_of(Paired& p, const std::string& who) {
    return render_plain(home_summary(p.store, p.settings, p.platform, who, p.now));
}

}  // namespace

TEST_CASE("The home lists the next meeting in the viewer's zone and open actions, overdue first") {
    Paired p;
    REQUIRE(p.run("dana", "tz Europe/Berlin").ok);
    REQUIRE(p.run("sam", "tz America/New_York").ok);
    REQUIRE(p.run("dana", "schedule weekly tue 15:00 45m").ok);
    REQUIRE(p.run("sam", "action add read the RFC").ok);                      // #1
    REQUIRE(p.run("sam", "action add draft the outline due 2026-11-04").ok);  // #2
    for (int i = 3; i <= 7; ++i) REQUIRE(p.run("dana", "action add item " + std::to_string(i)).ok);
    REQUIRE(p.run("dana", "action done 3").ok);
    p.now = at("2026-11-06 09:00");        // #2 is now overdue; the next meeting is on the 10th
    fire_due(p.store, p.settings, p.now);  // the meeting of the 3rd ends, the 10th is planned

    const std::string dana = home_of(p, "dana");
    CHECK(dana.find("Mentor of @sam") != std::string::npos);
    CHECK(dana.find("Next meeting: Tue 10 Nov 2026 15:00 CET") != std::string::npos);
    // #2 first (overdue), then undated ones by number; five shown, the sixth counted.
    const auto overdue = dana.find("#2 draft the outline");
    REQUIRE(overdue != std::string::npos);
    CHECK(dana.find("(overdue)") != std::string::npos);
    CHECK(overdue < dana.find("#1 read the RFC"));
    CHECK(dana.find("#3 item 3") == std::string::npos);  // done: not on the home
    CHECK(dana.find("#7 item 7") == std::string::npos);  // beyond the five shown
    CHECK(dana.find("1 more open") != std::string::npos);

    const std::string sam = home_of(p, "sam");
    CHECK(sam.find("Mentee of @dana") != std::string::npos);
    CHECK(sam.find("Next meeting: Tue 10 Nov 2026 09:00 EST") != std::string::npos);
}

TEST_CASE("On the home, dated actions come before undated ones, and overdue ones before both") {
    Paired p;
    REQUIRE(p.run("dana", "action add call the team").ok);                  // #1
    REQUIRE(p.run("dana", "action add book the venue due 2026-11-20").ok);  // #2
    REQUIRE(p.run("sam", "action add send the slides due 2026-11-04").ok);  // #3
    REQUIRE(p.run("sam", "action add share the notes due 2026-11-12").ok);  // #4
    p.now = at("2026-11-06 09:00");                                         // #3 is overdue
    const std::string home = home_of(p, "sam");
    const auto third = home.find("#3 send"), fourth = home.find("#4 share"),
               second = home.find("#2 book"), first = home.find("#1 call");
    REQUIRE(first != std::string::npos);
    CHECK(third < fourth);
    CHECK(fourth < second);
    CHECK(second < first);
    CHECK(home.find("more open") == std::string::npos);
}

TEST_CASE("Someone with no pair is told how to start one, an ended pair is listed apart") {
    Paired p;
    CHECK(home_of(p, "lee").find("No active pairs yet") != std::string::npos);
    REQUIRE(p.run("dana", "end").ok);
    const std::string dana = home_of(p, "dana");
    CHECK(dana.find("No active pairs yet") != std::string::npos);
    CHECK(dana.find("Ended or graduated") != std::string::npos);
    CHECK(dana.find("mentor of @sam") != std::string::npos);
    CHECK(dana.find("Next meeting") == std::string::npos);
}
