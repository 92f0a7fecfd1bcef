// storage/outbox: the durable queue of messages to post; rows leave it only when the platform
// confirmed them (sent) or they no longer make sense (dropped, with a reason).
#pragma once

#include <optional>
#include <string>
#include <vector>

#include "storage/database.hpp"
#include "storage/types.hpp"

namespace mentorbot {

struct OutboxId {
    std::int64_t value = 0;
    auto operator<=>(const OutboxId&) const = default;
};

// Where a queued message goes: the pair's space, or a direct message to one person.
struct QueuedMessage {
    OutboxId id;
    Platform platform = Platform::console;
    std::optional<PairId> pair;      // set: post in the pair's space
    std::optional<PersonId> person;  // set (and no pair): direct message to this person
    // Set (with `person`): post in this conversation instead, e.g. the answer to that person's
    // command in the Matrix room it was issued in (Matrix has no ephemeral messages).
    std::optional<std::string> conversation;
    std::string kind;  // "welcome", "reminder.prep", ... (for logs and tests)
    std::string body;  // the rendered-later document, serialized by handlers/
    Instant due_at{};
    bool late = false;
    int attempts = 0;
    int parts_sent = 0;                     // parts of a long message already posted
    std::optional<std::string> first_part;  // the platform's reference of the first part
};

class Outbox {
  public:
    explicit Outbox(Database& db) : db_(db) {}

    OutboxId enqueue(const QueuedMessage& message, Instant now);
    // Pending messages of a platform whose time has come, oldest first.
    std::vector<QueuedMessage> due(Platform platform, Instant now, int limit = 100);
    // When the earliest pending message of the platform may be sent (due or retry time).
    std::optional<Instant> next_due(Platform platform);
    std::size_t pending_count(Platform platform);

    void mark_sent(OutboxId id, Instant now, const std::string& platform_ref);
    // `parts` parts of a long message were posted, the first with `first_ref`.
    void mark_parts_sent(OutboxId id, int parts, const std::string& first_ref);
    void retry_later(OutboxId id, Instant when);  // counts an attempt
    void hold_until(OutboxId id, Instant when);   // waits behind another message; no attempt
    void drop(OutboxId id, const std::string& reason, Instant now);

  private:
    Database& db_;
};

}  // namespace mentorbot
