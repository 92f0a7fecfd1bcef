// handlers/reminder_engine: "what is due at t" — fires the reminders whose time has come, each
// once: its message is queued in the outbox in the same transaction that marks it sent. After
// downtime what fell due is sent marked late; what no longer makes sense is dropped.
#pragma once

#include <string>
#include <vector>

#include "handlers/command.hpp"
#include "storage/store.hpp"

namespace mentorbot {

// A reminder that fires this long after its time is marked late.
inline constexpr auto kLateAfter = std::chrono::minutes{5};

struct FireReport {
    std::size_t sent = 0;
    std::size_t dropped = 0;
    std::vector<std::string> drops;  // "reminder #3 (prep) of pair 2: the meeting was skipped"
};

// Fires up to `limit` due reminders, earliest first, in one transaction.
FireReport fire_due(Store& store, const Settings& settings, Instant now, int limit = 500);

// The earliest moment anything needs the bot: a reminder or a queued message of `platform`.
std::optional<Instant> next_wakeup(Store& store, Platform platform);

}  // namespace mentorbot
