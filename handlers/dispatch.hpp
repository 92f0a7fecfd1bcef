// handlers/dispatch: runs one command — tokenize, find the verb, run its handler in one
// transaction with the messages it queues — and returns the answer for the caller.
#pragma once

#include "handlers/command.hpp"
#include "handlers/document.hpp"
#include "storage/store.hpp"

namespace mentorbot {

struct Dispatched {
    Document answer;         // private to the caller
    bool ok = false;         // false: a user mistake; nothing was written
    std::size_t queued = 0;  // messages added to the outbox
    // Platform ids of the people whose pairs, meetings or action items changed (the caller and
    // the other members of the pairs involved), for overviews such as Slack's App Home.
    std::vector<std::string> plans_changed_for;
};

// Longest command text accepted, in bytes.
inline constexpr std::size_t kMaxCommandBytes = 4000;

// User mistakes come back as answers with ok == false. Broken infrastructure (the database)
// throws; the transport's boundary logs it and answers with one polite line.
Dispatched dispatch(const Command& command, Store& store, const Settings& settings, Instant now);

// The answer to show when dispatch threw.
Document internal_error_answer();

}  // namespace mentorbot
