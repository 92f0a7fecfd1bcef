// tests/handlers/recurrence_test: meeting times of weekly, biweekly and monthly rules across
// daylight-saving changes, and the agenda's timeboxes.
#include <catch2/catch.hpp>

#include "handlers/agenda.hpp"
#include "handlers/recurrence.hpp"
#include "handlers/when.hpp"
#include "support/harness.hpp"

using namespace mentorbot;

namespace {

ScheduleRule rule(Recurrence kind, int weekday, int minutes, const char* zone, int nth = 0) {
    ScheduleRule r;
    r.rule = kind;
    r.weekday = weekday;
    r.local_minutes = minutes;
    r.zone = zone;
    r.nth = nth;
    return r;
}

std::vector<std::string> local(const std::vector<Instant>& ts, const char* zone) {
    std::vector<std::string> out;
    for (Instant t : ts) out.push_back(format_local(t, find_zone(zone)));
    return out;
}

}  // namespace

TEST_CASE("A weekly meeting keeps its wall-clock time across the end of summer time") {
    const auto r = rule(Recurrence::weekly, 2, 15 * 60, "Europe/Berlin");
    const auto times = next_occurrences(r, testing::at("2026-10-19 07:00"), 3);
    CHECK(local(times, "Europe/Berlin") == std::vector<std::string>{"Tue 20 Oct 2026 15:00 CEST",
                                                                    "Tue 27 Oct 2026 15:00 CET",
                                                                    "Tue 3 Nov 2026 15:00 CET"});
    // Seen from New York, whose change comes a week later, the hour moves twice.
    CHECK(local(times, "America/New_York") == std::vector<std::string>{"Tue 20 Oct 2026 09:00 EDT",
                                                                       "Tue 27 Oct 2026 10:00 EDT",
                                                                       "Tue 3 Nov 2026 09:00 EST"});
}

TEST_CASE("The next occurrence is strictly after the given moment") {
    const auto r = rule(Recurrence::weekly, 2, 15 * 60, "UTC");
    CHECK(format_local(*next_occurrence(r, testing::at("2026-10-20 15:00")), find_zone("UTC")) ==
          "Tue 27 Oct 2026 15:00 UTC");
    CHECK(format_local(*next_occurrence(r, testing::at("2026-10-20 14:59")), find_zone("UTC")) ==
          "Tue 20 Oct 2026 15:00 UTC");
}

TEST_CASE("Biweekly meetings count their weeks from the first one") {
    auto r = rule(Recurrence::biweekly, 4, 9 * 60, "UTC");
    r.anchor_day =
        date::local_days{date::year{2026} / 11 / 5}.time_since_epoch().count();  // a Thursday
    CHECK(local(next_occurrences(r, testing::at("2026-11-01 00:00"), 3), "UTC") ==
          std::vector<std::string>{"Thu 5 Nov 2026 09:00 UTC", "Thu 19 Nov 2026 09:00 UTC",
                                   "Thu 3 Dec 2026 09:00 UTC"});
}

TEST_CASE("Monthly meetings fall on the nth or the last weekday of each month") {
    CHECK(local(next_occurrences(rule(Recurrence::monthly, 1, 10 * 60, "UTC", 1),
                                 testing::at("2026-11-21 00:00"), 2),
                "UTC") ==
          std::vector<std::string>{"Mon 7 Dec 2026 10:00 UTC", "Mon 4 Jan 2027 10:00 UTC"});
    CHECK(local(next_occurrences(rule(Recurrence::monthly, 5, 16 * 60, "UTC", -1),
                                 testing::at("2026-11-21 00:00"), 2),
                "UTC") ==
          std::vector<std::string>{"Fri 27 Nov 2026 16:00 UTC", "Fri 25 Dec 2026 16:00 UTC"});
}

TEST_CASE("A meeting in the hour that does not exist moves to the end of the gap") {
    const auto r = rule(Recurrence::weekly, 0, 2 * 60 + 30, "America/New_York");  // Sun 02:30
    CHECK(local(next_occurrences(r, testing::at("2026-03-01 12:00"), 2), "America/New_York") ==
          std::vector<std::string>{"Sun 8 Mar 2026 03:00 EDT", "Sun 15 Mar 2026 02:30 EDT"});
}

TEST_CASE("Timeboxes follow the product's ranges and add up to the meeting's length") {
    auto minutes = [](int length) {
        std::vector<int> out;
        int total = 0;
        for (const Timebox& t : timeboxes(length)) out.push_back(t.minutes), total += t.minutes;
        CHECK(total == length);
        return out;
    };
    CHECK(minutes(60) == std::vector<int>{5, 10, 30, 10, 5});
    CHECK(minutes(85) == std::vector<int>{10, 15, 40, 15, 5});
    CHECK(minutes(30) == std::vector<int>{3, 5, 14, 5, 3});
    CHECK(minutes(45).size() == 5);
    CHECK(minutes(120)[2] > 40);
}
