// handlers/recurrence: when a schedule's meetings fall, in the schedule's own zone.
#include "handlers/recurrence.hpp"

#include "handlers/when.hpp"

namespace mentorbot {
namespace {

bool matches(const ScheduleRule& r, date::local_days day) {
    if (date::weekday{day}.c_encoding() != static_cast<unsigned>(r.weekday)) return false;
    switch (r.rule) {
        case Recurrence::weekly:
            return true;
        case Recurrence::biweekly: {
            const auto diff = day.time_since_epoch().count() - r.anchor_day;
            return ((diff % 14) + 14) % 14 == 0;
        }
        case Recurrence::monthly: {
            const date::year_month_day ymd{day};
            const unsigned dom = static_cast<unsigned>(ymd.day());
            if (r.nth > 0) return (dom - 1) / 7 + 1 == static_cast<unsigned>(r.nth);
            return date::year_month_day{day + date::days{7}}.month() != ymd.month();  // last
        }
    }
    return false;
}

const char* const kDayNames[] = {"Sunday",   "Monday", "Tuesday", "Wednesday",
                                 "Thursday", "Friday", "Saturday"};

}  // namespace

std::optional<Instant> next_occurrence(const ScheduleRule& r, Instant after) {
    const date::time_zone* zone = find_zone(r.zone);
    if (!zone) return std::nullopt;
    const date::local_days first = local_day(after, zone);
    for (int i = 0; i < 70; ++i) {  // every rule has a meeting within ten weeks
        const date::local_days day = first + date::days{i};
        if (!matches(r, day)) continue;
        const Instant at =
            to_instant(date::local_seconds{day} + std::chrono::minutes{r.local_minutes}, zone);
        if (at > after) return at;
    }
    return std::nullopt;
}

std::vector<Instant> next_occurrences(const ScheduleRule& rule, Instant after, std::size_t count) {
    std::vector<Instant> out;
    while (out.size() < count) {
        auto next = next_occurrence(rule, out.empty() ? after : out.back());
        if (!next) break;
        out.push_back(*next);
    }
    return out;
}

int cadence_days(const ScheduleRule& rule) {
    switch (rule.rule) {
        case Recurrence::weekly:
            return 7;
        case Recurrence::biweekly:
            return 14;
        case Recurrence::monthly:
            return 30;
    }
    return 7;
}

std::string describe(const ScheduleRule& r) {
    char clock[24];
    std::snprintf(clock, sizeof clock, "%02d:%02d", r.local_minutes / 60, r.local_minutes % 60);
    const std::string day = kDayNames[r.weekday];
    std::string text;
    switch (r.rule) {
        case Recurrence::weekly:
            text = "every " + day;
            break;
        case Recurrence::biweekly:
            text = "every other " + day;
            break;
        case Recurrence::monthly: {
            static const char* const nth[] = {"", "first", "second", "third", "fourth"};
            text = std::string("the ") + (r.nth < 0 ? "last" : nth[r.nth]) + " " + day +
                   " of each month";
            break;
        }
    }
    return text + " at " + clock + " " + r.zone + " (" +
           format_duration(std::chrono::minutes{r.duration_minutes}) + ")";
}

}  // namespace mentorbot
