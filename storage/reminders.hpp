// storage/reminders: automatic reminders waiting to fire; each fires once (sent) or is dropped
// with a reason when it no longer makes sense.
#pragma once

#include <optional>
#include <string>
#include <vector>

#include "storage/database.hpp"
#include "storage/schedule.hpp"
#include "storage/types.hpp"

namespace mentorbot {

struct ReminderId {
    std::int64_t value = 0;
    auto operator<=>(const ReminderId&) const = default;
};

struct Reminder {
    ReminderId id;
    PairId pair;
    int number = 0;    // shown to users as #N (for snooze), per pair
    std::string kind;  // "prep", "meeting", "start", "recap", "drift", "retro", ...
    std::optional<MeetingId> meeting;
    std::optional<std::int64_t> subject;  // e.g. the action item it is about
    std::optional<PersonId> person;       // the recipient; none: the pair's space
    Instant due_at{};
    int nudge = 0;  // repeated reminders: which one this is
};

class Reminders {
  public:
    explicit Reminders(Database& db) : db_(db) {}

    Reminder add(const Reminder& r);  // id and number are assigned
    // Pending reminders due at `now` or before, earliest first (a bounded batch).
    std::vector<Reminder> due(Instant now, int limit);
    std::optional<Instant> next_due();
    std::size_t pending_count();
    std::vector<Reminder> pending_for_pair(PairId pair);
    std::optional<Reminder> pending_by_number(PairId pair, int number);

    void mark_sent(ReminderId id, Instant now);
    void drop(ReminderId id, const std::string& reason, Instant now);
    void drop_for_meeting(MeetingId meeting, const std::string& reason, Instant now);
    void drop_for_pair(PairId pair, const std::string& reason, Instant now);
    // Pending reminders of one kind (and subject, when given) of a pair.
    void drop_kind(PairId pair, const std::string& kind, std::optional<std::int64_t> subject,
                   const std::string& reason, Instant now);
    void postpone(ReminderId id, Instant due_at);
    // Forgets the meeting of reminders already settled, so the meeting row can be removed.
    void detach_meeting(MeetingId meeting);

    // Reminders added or moved through this object so far. Only these can bring the earliest
    // pending reminder forward (sent or dropped ones only move it later), so a timer armed for
    // it needs a fresh look only when this count moved.
    std::uint64_t plans_made() const { return plans_made_; }

  private:
    std::vector<Reminder> query(const std::string& where, const std::vector<std::int64_t>& args);
    Database& db_;
    std::uint64_t plans_made_ = 0;
};

}  // namespace mentorbot
