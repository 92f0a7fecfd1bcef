// tests/handlers/when_test: dates, times and durations as typed, and wall-clock times across DST.
#include <catch2/catch.hpp>

#include "handlers/when.hpp"

using namespace mentorbot;
using namespace std::chrono_literals;

namespace {
const date::local_days kMonday = date::local_days{date::year{2026} / 11 / 2};
std::optional<date::local_days> date_of(const std::string& s) {
    auto t = tokenize(s).value();
    auto d = parse_date(t, kMonday);
    if (!d || d->used != t.size()) return std::nullopt;
    return d->day;
}
date::local_days ymd(int y, unsigned m, unsigned d) {
    return date::local_days{date::year{y} / date::month{m} / date::day{d}};
}
}  // namespace

TEST_CASE("Dates: today, tomorrow, weekdays, ISO and in N days or weeks") {
    CHECK(date_of("today") == kMonday);
    CHECK(date_of("Tomorrow") == ymd(2026, 11, 3));
    CHECK(date_of("fri") == ymd(2026, 11, 6));
    CHECK(date_of("friday") == ymd(2026, 11, 6));
    CHECK(date_of("mon") == ymd(2026, 11, 9));  // the next Monday, not today
    CHECK(date_of("next tue") == ymd(2026, 11, 3));
    CHECK(date_of("2026-12-01") == ymd(2026, 12, 1));
    CHECK(date_of("in 3 days") == ymd(2026, 11, 5));
    CHECK(date_of("in 1 day") == ymd(2026, 11, 3));
    CHECK(date_of("in 2 weeks") == ymd(2026, 11, 16));
}

TEST_CASE("Impossible or unknown dates are not dates") {
    CHECK_FALSE(date_of("2026-02-30"));
    CHECK_FALSE(date_of("2026-13-01"));
    CHECK_FALSE(date_of("26-12-01"));
    CHECK_FALSE(date_of("in three days"));
    CHECK_FALSE(date_of("in 3 fortnights"));
    CHECK_FALSE(date_of("someday"));
}

TEST_CASE("Times of day: 24-hour, am/pm, noon and midnight") {
    CHECK(parse_time_of_day("15:00") == 15h);
    CHECK(parse_time_of_day("9:05") == 9h + 5min);
    CHECK(parse_time_of_day("3pm") == 15h);
    CHECK(parse_time_of_day("3:30PM") == 15h + 30min);
    CHECK(parse_time_of_day("12am") == 0min);
    CHECK(parse_time_of_day("12pm") == 12h);
    CHECK(parse_time_of_day("noon") == 12h);
    CHECK_FALSE(parse_time_of_day("24:00"));
    CHECK_FALSE(parse_time_of_day("13pm"));
    CHECK_FALSE(parse_time_of_day("15"));
    CHECK_FALSE(parse_time_of_day("9:5"));
}

TEST_CASE("Durations: minutes, hours, days and weeks, also combined") {
    CHECK(parse_duration("30m") == 30min);
    CHECK(parse_duration("1h") == 60min);
    CHECK(parse_duration("90m") == 90min);
    CHECK(parse_duration("1h30m") == 90min);
    CHECK(parse_duration("2d") == 48h);
    CHECK(parse_duration("1w") == 168h);
    CHECK(parse_duration("45min") == 45min);
    CHECK_FALSE(parse_duration("0m"));
    CHECK_FALSE(parse_duration("m"));
    CHECK_FALSE(parse_duration("5x"));
    CHECK_FALSE(parse_duration("9999999h"));
}

TEST_CASE("A local wall-clock time maps to the right instant on both sides of a DST change") {
    const auto* berlin = find_zone("Europe/Berlin");
    REQUIRE(berlin);
    // 15:00 stays 15:00 on the wall; the week across the change is an hour longer.
    const Instant summer = to_instant(date::local_days{ymd(2026, 10, 20)} + 15h, berlin);
    const Instant winter = to_instant(date::local_days{ymd(2026, 10, 27)} + 15h, berlin);
    CHECK(format_local(summer, berlin) == "Tue 20 Oct 2026 15:00 CEST");
    CHECK(format_local(winter, berlin) == "Tue 27 Oct 2026 15:00 CET");
    CHECK(winter - summer == date::days{7} + 1h);
}

TEST_CASE("Times in a DST gap move to the end of the gap and repeated times take the first") {
    const auto* ny = find_zone("America/New_York");
    REQUIRE(ny);
    const Instant gap = to_instant(date::local_days{ymd(2026, 3, 8)} + 2h + 30min, ny);
    CHECK(format_time(gap, ny) == "03:00 EDT");
    const Instant twice = to_instant(date::local_days{ymd(2026, 11, 1)} + 1h + 30min, ny);
    CHECK(format_time(twice, ny) == "01:30 EDT");
}

TEST_CASE("Unknown zones are not found and formats read naturally") {
    CHECK(find_zone("Mars/Olympus") == nullptr);
    CHECK(find_zone("") == nullptr);
    CHECK(format_date(ymd(2026, 12, 1)) == "Tue 1 Dec 2026");
    CHECK(format_duration(90min) == "1h 30m");
    CHECK(format_duration(48h) == "2d");
    CHECK(iso_date(ymd(2026, 12, 1)) == "2026-12-01");
}
