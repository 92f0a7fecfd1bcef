// bot/console: the local console transport — people typed in with /as, commands run as them,
// every bot message printed with its (possibly simulated) local time and where it went.
#include "bot/console.hpp"

#include <spdlog/spdlog.h>

#include <ostream>

#include "bot/addressed.hpp"
#include "handlers/dispatch.hpp"
#include "handlers/reminder_engine.hpp"
#include "handlers/tokenizer.hpp"
#include "handlers/when.hpp"

namespace mentorbot {
namespace {

std::string_view trim(std::string_view s) {
    while (!s.empty() && (s.front() == ' ' || s.front() == '\t' || s.front() == '\r')) s.remove_prefix(1);
    while (!s.empty() && (s.back() == ' ' || s.back() == '\t' || s.back() == '\r')) s.remove_suffix(1);
    return s;
}

bool starts_with_word(std::string_view line, std::string_view word) {
    return line.starts_with(word) && (line.size() == word.size() || line[word.size()] == ' ');
}

bool valid_name(std::string_view name) {
    if (name.empty() || name.size() > 40) return false;
    for (char c : name)
        if (!(std::isalnum(static_cast<unsigned char>(c)) || c == '.' || c == '_' || c == '-'))
            return false;
    return true;
}

constexpr const char* kConsoleHelp =
    "console commands:\n"
    "  /as <name>            act as this person (created on first use)\n"
    "  /in <space>|lobby     issue commands in a pair's space (e.g. /in dana+sam) or the lobby\n"
    "  /mentor <verb> …      run a mentorbot command (/mentor help lists them)\n"
    "  /wait <duration>      simulated clock: move time forward (30m, 2h, 3d, 1w)\n"
    "  /wait until <date> <time>   simulated clock: move time to a local date and time\n"
    "  /time                 show the current (simulated) time\n"
    "  /quit                 leave (end of input does the same)\n"
    "  # …                   a comment, ignored";

}  // namespace

ConsoleSession::ConsoleSession(Store& store, const Settings& settings, const Clock& clock,
                               ManualClock* manual, std::ostream& out,
                               const date::time_zone* zone, std::string first_person)
    : store_(store),
      settings_(settings),
      clock_(clock),
      manual_(manual),
      out_(out),
      zone_(zone),
      person_(std::move(first_person)) {}

void ConsoleSession::print_banner() {
    out_ << "mentorbot console — " << (manual_ ? "simulated clock, " : "")
         << format_local(clock_.now(), zone_) << "\n"
         << kConsoleHelp << "\n";
}

std::string ConsoleSession::prompt() const { return person_ + "@" + conversation_ + "> "; }

void ConsoleSession::say(std::string_view where, const std::string& body, bool late) {
    const auto local = date::make_zoned(zone_, clock_.now());
    const std::string head = "[" + date::format("%F %H:%M %Z", local) + " · " + std::string(where) +
                             (late ? " · late" : "") + "] ";
    std::size_t b = 0;
    for (;;) {
        const std::size_t e = std::min(body.find('\n', b), body.size());
        out_ << head << std::string_view(body).substr(b, e - b) << '\n';
        if (e >= body.size()) break;
        b = e + 1;
    }
    out_.flush();
}

bool ConsoleSession::handle_line(std::string_view raw) {
    const std::string_view line = trim(raw);
    if (line.empty() || line.front() == '#') return true;
    if (starts_with_word(line, "/quit") || starts_with_word(line, "/exit")) return false;
    if (starts_with_word(line, "/help")) {
        out_ << kConsoleHelp << '\n';
    } else if (starts_with_word(line, "/as")) {
        std::string_view name = trim(line.substr(3));
        if (!name.empty() && name.front() == '@') name.remove_prefix(1);
        if (!valid_name(name)) {
            say("console", "⚠ a console name is 1–40 letters, digits, '.', '_' or '-'\nUsage: /as <name>");
        } else {
            person_ = std::string(name);
        }
    } else if (starts_with_word(line, "/in")) {
        const std::string_view space = trim(line.substr(3));
        if (space.empty() || space.find(' ') != std::string_view::npos) {
            say("console", "⚠ name one space, such as dana+sam, or lobby\nUsage: /in <space>|lobby");
        } else {
            conversation_ = std::string(space);
        }
    } else if (starts_with_word(line, "/time")) {
        say("console", format_local(clock_.now(), zone_));
    } else if (starts_with_word(line, "/wait")) {
        wait(trim(line.substr(5)));
    } else if (starts_with_word(line, "/mentor")) {
        run_mentor(trim(line.substr(7)));
    } else {
        say("console", "⚠ I don't know \"" + std::string(line.substr(0, 40)) +
                           "\"; commands start with /mentor (try /mentor help) or /help");
    }
    deliver_due();
    return true;
}

void ConsoleSession::run_mentor(std::string_view text) {
    Command command;
    command.platform = Platform::console;
    command.conversation = conversation_;
    command.user = person_;
    command.user_name = person_;
    command.text = std::string(text);
    Dispatched result;
    try {
        result = dispatch(command, store_, settings_, clock_.now());
    } catch (const std::exception& e) {
        // Only the verb is logged: the rest may be private text.
        spdlog::error("command \"{}\" from console:{} failed: {}",
                      text.substr(0, text.find(' ')), person_, e.what());
        result.answer = internal_error_answer();
    }
    say("private " + person_, render_plain(result.answer));
}

void ConsoleSession::wait(std::string_view args) {
    constexpr const char* usage = "Usage: /wait <duration>  or  /wait until <date> <time>";
    if (!manual_) {
        say("console", std::string("⚠ /wait needs the simulated clock (start with --simulated-clock "
                                   "2026-11-02T09:00)\n") + usage);
        return;
    }
    auto tokens = tokenize(args);
    if (!tokens || tokens->empty()) {
        say("console", std::string("⚠ say how long to wait\n") + usage);
        return;
    }
    const auto& t = *tokens;
    Instant target = clock_.now();
    if (t[0].is_word("until")) {
        auto day = parse_date(std::span(t).subspan(1), local_day(clock_.now(), zone_));
        std::optional<std::chrono::minutes> time;
        if (day && 1 + day->used < t.size()) time = parse_time_of_day(t[1 + day->used].text);
        if (!day || !time || 2 + day->used != t.size()) {
            say("console", std::string("⚠ I can't read that date and time\n") + usage);
            return;
        }
        target = to_instant(date::local_seconds{day->day} + *time, zone_);
        if (target < clock_.now()) {
            say("console", "⚠ that is in the past; the simulated clock only moves forward\n" +
                               std::string(usage));
            return;
        }
    } else if (auto d = parse_duration(t[0].text); d && t.size() == 1) {
        target += *d;
    } else {
        say("console", std::string("⚠ I can't read the duration \"") + t[0].text + "\"\n" + usage);
        return;
    }
    advance_to(target);
}

std::optional<Instant> ConsoleSession::next_due() {
    return next_wakeup(store_, Platform::console);
}

void ConsoleSession::advance_to(Instant target) {
    while (auto due = next_due()) {
        if (*due > target) break;
        if (*due > clock_.now()) manual_->set(*due);
        deliver_due();
    }
    manual_->set(target);
    deliver_due();
}

std::string ConsoleSession::space_of(const Pair& pair) {
    if (pair.space) return *pair.space;
    const auto mentor = store_.people.find(pair.mentor);
    const auto mentee = store_.people.find(pair.mentee);
    const std::string space = (mentor ? mentor->platform_user : "?") + "+" +
                              (mentee ? mentee->platform_user : "?");
    store_.pairs.set_space(pair.id, space);
    return space;
}

void ConsoleSession::deliver_due() {
    for (;;) {  // in bounded batches, until nothing more is due
        const FireReport fired = fire_due(store_, settings_, clock_.now());
        for (const std::string& drop : fired.drops) spdlog::info("dropped {}", drop);
        if (fired.sent + fired.dropped == 0) break;
    }
    for (;;) {
        const auto batch = due_messages(store_, Platform::console, clock_.now());
        if (batch.empty()) return;
        for (const Addressed& m : batch) {
            std::string where;
            if (m.pair) {
                where = "space " + space_of(*m.pair);
            } else {
                where = "dm " + m.person->platform_user;
                // A direct message also shows the recipient's own clock when it differs.
                const auto* theirs = m.person->time_zone ? find_zone(*m.person->time_zone) : nullptr;
                if (theirs && theirs != zone_) where += " at " + format_time(clock_.now(), theirs);
            }
            say(where, render_plain(m.body), m.row.late);
            store_.outbox.mark_sent(m.row.id, clock_.now(), where);
        }
    }
}

}  // namespace mentorbot
