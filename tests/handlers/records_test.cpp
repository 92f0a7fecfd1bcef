// tests/handlers/records_test: the iCalendar export is valid RFC 5545 text, `export` holds only
// what the caller may see, and retro answers reach the pair.
#include <catch2/catch.hpp>

#include "handlers/icalendar.hpp"
#include "support/harness.hpp"

using namespace mentorbot;

TEST_CASE("iCalendar lines end in CRLF and are folded at 75 octets without splitting characters") {
    const std::string long_line =
        "DESCRIPTION:" + std::string(100, 'x') + "ééé" + std::string(80, 'y');
    const std::string folded = fold_lines("BEGIN:VCALENDAR\n" + long_line + "\nEND:VCALENDAR\n");
    std::size_t b = 0;
    std::string unfolded;
    while (b < folded.size()) {
        const std::size_t e = folded.find("\r\n", b);
        REQUIRE(e != std::string::npos);
        CHECK(e - b <= 75);
        const std::string line = folded.substr(b, e - b);
        CHECK(line.find('\n') == std::string::npos);
        unfolded += line.front() == ' ' ? line.substr(1) : (unfolded.empty() ? "" : "\n") + line;
        b = e + 2;
    }
    CHECK(unfolded == "BEGIN:VCALENDAR\n" + long_line + "\nEND:VCALENDAR");
    CHECK(escape_text("a,b;c\\d\ne") == "a\\,b\\;c\\\\d\\ne");
}

TEST_CASE("The calendar event repeats by the schedule's rule in its own zone") {
    ScheduleRule r;
    r.pair = PairId{4};
    r.rule = Recurrence::biweekly;
    r.weekday = 2;
    r.local_minutes = 15 * 60 + 30;
    r.duration_minutes = 45;
    r.zone = "America/New_York";
    r.anchor_day = date::local_days{date::year{2026} / 11 / 3}.time_since_epoch().count();
    const std::string ics =
        icalendar_for(r, r.pair, "Mentoring: dana, sam", testing::at("2026-11-01 12:00"));
    CHECK_THAT(ics, Catch::StartsWith("BEGIN:VCALENDAR\r\nVERSION:2.0\r\n"));
    CHECK_THAT(ics, Catch::EndsWith("END:VCALENDAR\r\n"));
    CHECK_THAT(ics, Catch::Contains("DTSTART;TZID=America/New_York:20261103T153000\r\n"));
    CHECK_THAT(ics, Catch::Contains("RRULE:FREQ=WEEKLY;INTERVAL=2;BYDAY=TU\r\n"));
    CHECK_THAT(ics, Catch::Contains("DURATION:PT45M\r\n"));
    CHECK_THAT(ics, Catch::Contains("BEGIN:VTIMEZONE\r\nTZID:America/New_York\r\n"));
    CHECK_THAT(ics, Catch::Contains("TZOFFSETTO:-0500"));
    CHECK_THAT(ics, Catch::Contains("SUMMARY:Mentoring: dana\\, sam\r\n"));
    CHECK_THAT(ics, Catch::Contains("UID:pair-4-meetings@mentorbot"));
}

TEST_CASE("calendar needs a schedule, and answers the caller only") {
    testing::Harness h;
    REQUIRE(h.run("dana", "pair @dana @sam").ok);
    h.take_posts();
    auto none = h.run("dana", "calendar");
    CHECK_FALSE(none.ok);
    CHECK_THAT(none.text, Catch::Contains("no schedule yet"));
    REQUIRE(h.run("dana", "schedule weekly thu 10:00").ok);
    h.take_posts();
    auto cal = h.run("sam", "calendar");
    CHECK(cal.ok);
    CHECK_THAT(cal.text, Catch::Contains("RRULE:FREQ=WEEKLY;BYDAY=TH"));
    CHECK(h.take_posts().empty());
}

TEST_CASE("export holds the pair's record and only the caller's own private things") {
    testing::Harness h;
    h.settings.coordinators = {"console:carol"};
    REQUIRE(h.run("dana", "pair @dana @sam").ok);
    REQUIRE(h.run("sam", "note private SAM-JOURNAL").ok);
    REQUIRE(h.run("dana", "note private DANA-JOURNAL").ok);
    REQUIRE(h.run("sam", "feedback @dana situation: review behavior: FEEDBACK-TEXT impact: clarity")
                .ok);
    REQUIRE(h.run("dana", "note shared takeaway").ok);
    REQUIRE(h.run("sam", "retro helped: RETRO-HELP").ok);
    const auto sam = h.run("sam", "export");
    REQUIRE(sam.ok);
    CHECK_THAT(sam.text, Catch::Contains("# Mentorship: dana (mentor) & sam (mentee)"));
    CHECK_THAT(sam.text, Catch::Contains("shared takeaway") && Catch::Contains("RETRO-HELP"));
    CHECK_THAT(sam.text, Catch::Contains("SAM-JOURNAL") && !Catch::Contains("DANA-JOURNAL"));
    CHECK_THAT(sam.text, !Catch::Contains("FEEDBACK-TEXT"));
    const auto dana = h.run("dana", "export");
    CHECK_THAT(dana.text, Catch::Contains("DANA-JOURNAL") && !Catch::Contains("SAM-JOURNAL"));
    CHECK_THAT(dana.text, Catch::Contains("FEEDBACK-TEXT"));
    const auto carol = h.run("carol", "export with @sam");
    CHECK_FALSE(carol.ok);
    CHECK_THAT(carol.text, !Catch::Contains("takeaway"));
    const auto eve = h.run("eve", "export with @sam");
    CHECK_FALSE(eve.ok);
    CHECK(eve.text.find("no active pair with @sam") != std::string::npos);
}

TEST_CASE("retro answers are posted to the pair, stray text is refused with the usage") {
    testing::Harness h;
    REQUIRE(h.run("dana", "pair @dana @sam").ok);
    h.take_posts();
    REQUIRE(h.run("sam", "retro helped: clear agenda slowed: moved meetings change: mornings").ok);
    const auto posts = h.take_posts();
    REQUIRE(posts.size() == 1);
    CHECK_THAT(posts[0],
               Catch::Contains("Helped: clear agenda") && Catch::Contains("Change: mornings"));
    const auto bad = h.run("sam", "retro it was fine");
    CHECK_FALSE(bad.ok);
    CHECK_THAT(bad.text, Catch::Contains("Usage: /mentor retro"));
}
