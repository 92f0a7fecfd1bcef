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

// Due messages of a platform, oldest first. Rows whose pair or person no longer exists, or whose
// body cannot be read, are dropped with a reason (and not returned).
std::vector<Addressed> due_messages(Store& store, Platform platform, Instant now, int limit = 100);

}  // namespace mentorbot
