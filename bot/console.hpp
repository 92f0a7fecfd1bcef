// bot/console: the local console transport — people typed in with /as, commands run as them,
// every bot message printed with its (possibly simulated) local time and where it went.
#pragma once

#include <date/tz.h>

#include <iosfwd>
#include <optional>
#include <string>
#include <string_view>

#include "bot/clock.hpp"
#include "handlers/command.hpp"
#include "handlers/document.hpp"
#include "storage/store.hpp"

namespace mentorbot {

class ConsoleSession {
public:
    // `manual` is the simulated clock, or null when the console runs in real time.
    ConsoleSession(Store& store, const Settings& settings, const Clock& clock, ManualClock* manual,
                   std::ostream& out, const date::time_zone* zone, std::string first_person);

    // Handles one input line; false when the user asked to quit.
    bool handle_line(std::string_view line);
    // Prints every queued message whose time has come.
    void deliver_due();
    // Simulated clock: moves time forward to `target`, delivering what falls due on the way, in
    // order, each at its own time.
    void advance_to(Instant target);
    std::optional<Instant> next_due();
    std::string prompt() const;
    void print_banner();

private:
    void run_mentor(std::string_view text);
    void wait(std::string_view args);
    void say(std::string_view where, const std::string& body, bool late = false);
    std::string space_of(const Pair& pair);

    Store& store_;
    const Settings& settings_;
    const Clock& clock_;
    ManualClock* manual_;
    std::ostream& out_;
    const date::time_zone* zone_;
    std::string person_;
    std::string conversation_ = "lobby";
};

}  // namespace mentorbot
