// handlers/when: dates, times of day, durations and time zones as users type and read them.
#include "handlers/when.hpp"

#include <cctype>
#include <charconv>

namespace mentorbot {
namespace {

std::string lower(std::string_view s) {
    std::string out(s);
    for (char& c : out) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
    return out;
}

std::optional<int> whole_number(std::string_view s) {
    int v = 0;
    auto [p, ec] = std::from_chars(s.data(), s.data() + s.size(), v);
    if (ec != std::errc{} || p != s.data() + s.size() || s.empty()) return std::nullopt;
    return v;
}

std::optional<date::local_days> iso(std::string_view s) {
    if (s.size() != 10 || s[4] != '-' || s[7] != '-') return std::nullopt;
    auto y = whole_number(s.substr(0, 4));
    auto m = whole_number(s.substr(5, 2));
    auto d = whole_number(s.substr(8, 2));
    if (!y || !m || !d) return std::nullopt;
    date::year_month_day ymd{date::year{*y}, date::month{static_cast<unsigned>(*m)},
                             date::day{static_cast<unsigned>(*d)}};
    if (!ymd.ok()) return std::nullopt;
    return date::local_days{ymd};
}

}  // namespace

std::optional<date::weekday> parse_weekday(std::string_view word) {
    static constexpr std::string_view names[7][3] = {
        {"sun", "sunday", ""},    {"mon", "monday", ""},        {"tue", "tues", "tuesday"},
        {"wed", "wednesday", ""}, {"thu", "thurs", "thursday"}, {"fri", "friday", ""},
        {"sat", "saturday", ""}};
    const std::string w = lower(word);
    for (unsigned i = 0; i < 7; ++i)
        for (auto n : names[i])
            if (!n.empty() && w == n) return date::weekday{i};
    return std::nullopt;
}

std::optional<DateWords> parse_date(std::span<const Token> t, date::local_days today) {
    if (t.empty() || t[0].kind == Token::Kind::mention) return std::nullopt;
    const std::string w = lower(t[0].text);
    if (w == "today") return DateWords{today, 1};
    if (w == "tomorrow") return DateWords{today + date::days{1}, 1};
    if (auto d = iso(w)) return DateWords{*d, 1};
    auto next_weekday = [&](date::weekday wd) {
        auto diff = (wd - date::weekday{today}).count();
        if (diff == 0) diff = 7;
        return today + date::days{diff};
    };
    if (auto wd = parse_weekday(w)) return DateWords{next_weekday(*wd), 1};
    if (w == "next" && t.size() >= 2)
        if (auto wd = parse_weekday(t[1].text)) return DateWords{next_weekday(*wd), 2};
    if (w == "in" && t.size() >= 3) {
        auto n = whole_number(t[1].text);
        const std::string unit = lower(t[2].text);
        if (n && *n >= 0 && *n <= 3650) {
            if (unit == "day" || unit == "days") return DateWords{today + date::days{*n}, 3};
            if (unit == "week" || unit == "weeks") return DateWords{today + date::days{7 * *n}, 3};
        }
    }
    return std::nullopt;
}

std::optional<std::chrono::minutes> parse_time_of_day(std::string_view word) {
    std::string w = lower(word);
    if (w == "noon") return std::chrono::hours{12};
    if (w == "midnight") return std::chrono::minutes{0};
    int offset = -1;  // -1: 24-hour clock; 0: am; 12: pm
    if (w.size() > 2 && (w.ends_with("am") || w.ends_with("pm"))) {
        offset = w.ends_with("pm") ? 12 : 0;
        w.resize(w.size() - 2);
    }
    std::optional<int> h, m = 0;
    if (auto colon = w.find(':'); colon != std::string::npos) {
        if (w.size() - colon - 1 != 2) return std::nullopt;
        h = whole_number(std::string_view(w).substr(0, colon));
        m = whole_number(std::string_view(w).substr(colon + 1));
    } else {
        if (offset < 0) return std::nullopt;  // a bare "15" is not a time
        h = whole_number(w);
    }
    if (!h || !m || *m < 0 || *m > 59 || *h < 0) return std::nullopt;
    if (offset >= 0) {
        if (*h < 1 || *h > 12) return std::nullopt;
        *h = *h % 12 + offset;
    } else if (*h > 23) {
        return std::nullopt;
    }
    return std::chrono::minutes{*h * 60 + *m};
}

std::optional<std::chrono::minutes> parse_duration(std::string_view word) {
    const std::string w = lower(word);
    std::size_t i = 0;
    long total = 0;
    bool any = false;
    while (i < w.size()) {
        std::size_t j = i;
        while (j < w.size() && std::isdigit(static_cast<unsigned char>(w[j]))) ++j;
        if (j == i || j - i > 6) return std::nullopt;
        const long n = std::stol(w.substr(i, j - i));
        std::size_t k = j;
        while (k < w.size() && std::isalpha(static_cast<unsigned char>(w[k]))) ++k;
        const std::string unit = w.substr(j, k - j);
        long per;
        if (unit == "m" || unit == "min" || unit == "mins" || unit == "minute" || unit == "minutes")
            per = 1;
        else if (unit == "h" || unit == "hr" || unit == "hrs" || unit == "hour" || unit == "hours")
            per = 60;
        else if (unit == "d" || unit == "day" || unit == "days")
            per = 60 * 24;
        else if (unit == "w" || unit == "week" || unit == "weeks")
            per = 60 * 24 * 7;
        else
            return std::nullopt;
        total += n * per;
        if (total > 60L * 24 * 366 * 2) return std::nullopt;  // over two years is a typo
        any = true;
        i = k;
    }
    if (!any || total <= 0) return std::nullopt;
    return std::chrono::minutes{total};
}

const date::time_zone* find_zone(std::string_view name) {
    if (name.empty()) return nullptr;
    try {
        return date::locate_zone(name);
    } catch (const std::exception&) {
        return nullptr;
    }
}

Instant to_instant(date::local_seconds local, const date::time_zone* zone) {
    const auto info = zone->get_info(local);
    switch (info.result) {
        case date::local_info::unique:
        case date::local_info::ambiguous:  // clocks went back: the first of the two
            return Instant{local.time_since_epoch() - info.first.offset};
        case date::local_info::nonexistent:  // clocks went forward: the moment the gap ends
            return info.second.begin;
    }
    return Instant{local.time_since_epoch() - info.first.offset};
}

date::local_seconds to_local(Instant t, const date::time_zone* zone) {
    return zone->to_local(t);
}

date::local_days local_day(Instant t, const date::time_zone* zone) {
    return date::floor<date::days>(zone->to_local(t));
}

std::string format_date(date::local_days day) {
    const date::year_month_day ymd{day};
    return date::format("%a ", day) + std::to_string(static_cast<unsigned>(ymd.day())) +
           date::format(" %b %Y", day);
}

std::string format_time(Instant t, const date::time_zone* zone) {
    return date::format("%H:%M %Z", date::make_zoned(zone, t));
}

std::string format_local(Instant t, const date::time_zone* zone) {
    return format_date(local_day(t, zone)) + " " + format_time(t, zone);
}

std::string iso_date(date::local_days day) {
    return date::format("%F", day);
}

std::string format_duration(std::chrono::minutes m) {
    const long total = m.count();
    const long d = total / (60 * 24), h = total % (60 * 24) / 60, min = total % 60;
    std::string out;
    auto add = [&](long n, const char* unit) {
        if (n == 0) return;
        if (!out.empty()) out += ' ';
        out += std::to_string(n) + unit;
    };
    add(d, "d");
    add(h, "h");
    add(min, "m");
    return out.empty() ? "0m" : out;
}

}  // namespace mentorbot
