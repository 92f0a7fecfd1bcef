// bot/console_loop: runs the console transport on standard input and output, on the simulated
// clock (one line after another) or in real time (reminders fire while you type).
#pragma once

#include <optional>
#include <string>

#include "handlers/command.hpp"
#include "storage/store.hpp"

namespace mentorbot {

struct ConsoleOptions {
    std::optional<Instant> simulated_start;  // set: the clock stands still until /wait
    std::string zone;                        // the console's zone (and its people's default)
    std::string first_person;                // who acts until /as
};

// Returns the process exit code (0 at end of input or /quit).
int run_console(Store& store, const Settings& settings, const ConsoleOptions& options);

// "2026-11-02T09:00", "2026-11-02 09:00" or with seconds, read as local time in `zone`.
std::optional<Instant> parse_simulated_start(const std::string& text, const std::string& zone);

}  // namespace mentorbot
