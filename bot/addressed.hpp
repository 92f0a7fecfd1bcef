// bot/addressed: an outbox row made ready to send — its document and who or where it goes to.
#pragma once

#include <optional>
#include <vector>

#include "handlers/document.hpp"
#include "storage/store.hpp"

namespace mentorbot {

struct Addressed {
    QueuedMessage row;
    Document body;
    std::optional<Pair> pair;      // for the pair's space (its `space` may still be unopened)
    std::optional<Person> person;  // for a direct message
};

// Due messages of a platform, oldest first, with their recipients but their bodies not yet read
// (see read_body), so that the storage thread does not parse up to `limit` documents at once.
// Rows whose pair or person no longer exists are dropped with a reason (and not returned).
std::vector<Addressed> due_unread(Store& store, Platform platform, Instant now, int limit);
// Reads the row's stored document into `body`; false, with the reason in `why`, when it cannot.
bool read_body(Addressed& message, std::string& why);
// Both at once: rows whose body cannot be read are dropped with a reason too.
std::vector<Addressed> due_messages(Store& store, Platform platform, Instant now, int limit = 100);

}  // namespace mentorbot
