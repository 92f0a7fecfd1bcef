// handlers/icalendar: a pair's recurring meeting as an iCalendar (RFC 5545) object.
#include "handlers/icalendar.hpp"

#include "handlers/recurrence.hpp"
#include "handlers/when.hpp"

namespace mentorbot {
namespace {

const char* const kDays[] = {"SU", "MO", "TU", "WE", "TH", "FR", "SA"};

std::string offset(std::chrono::seconds s) {
    const char sign = s.count() < 0 ? '-' : '+';
    const long a = std::labs(s.count());
    char buf[40];
    std::snprintf(buf, sizeof buf, "%c%02ld%02ld", sign, a / 3600, a % 3600 / 60);
    return buf;
}

std::string local_stamp(date::local_seconds t) {
    return date::format("%Y%m%dT%H%M%S", t);
}

// The zone's observances for the next two years, each as its own STANDARD or DAYLIGHT part.
std::string vtimezone(const date::time_zone* zone, Instant now) {
    std::string out = "BEGIN:VTIMEZONE\nTZID:" + zone->name() + "\n";
    Instant t = now;
    auto info = zone->get_info(t);
    const auto previous_offset = [&](const date::sys_info& i) {
        return zone->get_info(i.begin - std::chrono::seconds{1}).offset;
    };
    for (int n = 0; n < 6 && t < now + date::days{730}; ++n) {
        const bool dst = info.save != std::chrono::minutes{0};
        const auto begin_local =
            date::local_seconds{info.begin.time_since_epoch()} + previous_offset(info);
        out += std::string("BEGIN:") + (dst ? "DAYLIGHT" : "STANDARD") + "\n";
        out += "DTSTART:" + local_stamp(begin_local) + "\n";
        out += "TZOFFSETFROM:" + offset(previous_offset(info)) + "\n";
        out += "TZOFFSETTO:" + offset(info.offset) + "\n";
        out += "TZNAME:" + info.abbrev + "\n";
        out += std::string("END:") + (dst ? "DAYLIGHT" : "STANDARD") + "\n";
        if (info.end >= date::sys_seconds::max() - date::days{3650}) break;  // no more changes
        t = info.end;
        info = zone->get_info(t);
    }
    return out + "END:VTIMEZONE\n";
}

}  // namespace

std::string escape_text(const std::string& text) {
    std::string out;
    for (char c : text) {
        switch (c) {
            case '\\':
                out += "\\\\";
                break;
            case ';':
                out += "\\;";
                break;
            case ',':
                out += "\\,";
                break;
            case '\n':
                out += "\\n";
                break;
            case '\r':
                break;
            default:
                out += c;
        }
    }
    return out;
}

std::string fold_lines(const std::string& text) {
    std::string out;
    std::size_t b = 0;
    while (b < text.size()) {
        std::size_t e = text.find('\n', b);
        if (e == std::string::npos) e = text.size();
        std::string_view line(text.data() + b, e - b);
        std::size_t limit =
            75;  // octets on the first line; continuation lines lose one to the space
        while (line.size() > limit) {
            std::size_t cut = limit;
            while (cut > 0 && (static_cast<unsigned char>(line[cut]) & 0xC0) == 0x80) --cut;
            out.append(line.substr(0, cut)).append("\r\n ");
            line.remove_prefix(cut);
            limit = 74;
        }
        out.append(line).append("\r\n");
        b = e + 1;
    }
    return out;
}

std::string icalendar_for(const ScheduleRule& rule, PairId pair, const std::string& title,
                          Instant now) {
    const date::time_zone* zone = find_zone(rule.zone);
    if (!zone) zone = date::locate_zone("UTC");
    const Instant first = next_occurrence(rule, now).value_or(now);
    std::string rrule = "RRULE:FREQ=";
    switch (rule.rule) {
        case Recurrence::weekly:
            rrule += std::string("WEEKLY;BYDAY=") + kDays[rule.weekday];
            break;
        case Recurrence::biweekly:
            rrule += std::string("WEEKLY;INTERVAL=2;BYDAY=") + kDays[rule.weekday];
            break;
        case Recurrence::monthly:
            rrule += "MONTHLY;BYDAY=" + std::to_string(rule.nth) + kDays[rule.weekday];
            break;
    }
    std::string ics =
        "BEGIN:VCALENDAR\nVERSION:2.0\nPRODID:-//mentorbot//mentorbot//EN\nCALSCALE:GREGORIAN\n";
    ics += vtimezone(zone, now);
    ics += "BEGIN:VEVENT\n";
    ics += "UID:pair-" + std::to_string(pair.value) + "-meetings@mentorbot\n";
    ics += "DTSTAMP:" + date::format("%Y%m%dT%H%M%SZ", now) + "\n";
    ics += "DTSTART;TZID=" + zone->name() + ":" + local_stamp(to_local(first, zone)) + "\n";
    ics += "DURATION:PT" + std::to_string(rule.duration_minutes) + "M\n";
    ics += rrule + "\n";
    ics += "SUMMARY:" + escape_text(title) + "\n";
    ics += "DESCRIPTION:" +
           escape_text(describe(rule) + ". Agenda, reminders and recap in your pair's space.") +
           "\n";
    ics += "END:VEVENT\nEND:VCALENDAR\n";
    return fold_lines(ics);
}

}  // namespace mentorbot
