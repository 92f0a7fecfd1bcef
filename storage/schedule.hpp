// storage/schedule: a pair's recurring meeting rule, its meetings and its pause.
#pragma once

#include <optional>
#include <string>
#include <vector>

#include "storage/database.hpp"
#include "storage/types.hpp"

namespace mentorbot {

enum class Recurrence { weekly, biweekly, monthly };

struct ScheduleRule {
    PairId pair;
    Recurrence rule = Recurrence::weekly;
    int weekday = 1;  // 0 = Sunday
    int nth = 0;      // monthly: 1..4, or -1 for the last
    int local_minutes = 0;
    int duration_minutes = 60;
    std::string zone;
    std::int64_t anchor_day = 0;  // local days since 1970-01-01 of the first occurrence
    PersonId set_by;
    Instant set_at{};
};

enum class MeetingStatus { planned, open, held, skipped, cancelled };
std::string_view to_string(MeetingStatus s);

struct MeetingId {
    std::int64_t value = 0;
    auto operator<=>(const MeetingId&) const = default;
};

struct Meeting {
    MeetingId id;
    PairId pair;
    int number = 0;
    Instant starts_at{};
    int duration_minutes = 60;
    bool from_schedule = false;
    MeetingStatus status = MeetingStatus::planned;
    std::optional<Instant> opened_at, closed_at;
    bool closed_by_hand = false;
    std::optional<std::string> reason;

    Instant ends_at() const { return starts_at + std::chrono::minutes{duration_minutes}; }
};

struct Pause {
    PairId pair;
    std::int64_t until_day = 0;  // local days since epoch; paused before this day starts
    std::string zone;
};

class Schedules {
  public:
    explicit Schedules(Database& db) : db_(db) {}

    std::optional<ScheduleRule> find(PairId pair);
    void save(const ScheduleRule& rule);
    std::optional<Pause> pause_of(PairId pair);
    void set_pause(const Pause& pause, PersonId by);
    void clear_pause(PairId pair);

  private:
    Database& db_;
};

class Meetings {
  public:
    explicit Meetings(Database& db) : db_(db) {}

    Meeting add(PairId pair, Instant starts_at, int duration_minutes, bool from_schedule);
    std::optional<Meeting> find(MeetingId id);
    // The open meeting, else the earliest planned one.
    std::optional<Meeting> current_or_next(PairId pair);
    std::optional<Meeting> open_one(PairId pair);
    std::optional<Meeting> last_closed(PairId pair);        // the last held meeting
    std::vector<Meeting> since(PairId pair, Instant from);  // by start time
    void open(MeetingId id, Instant at);
    void close(MeetingId id, MeetingStatus status, Instant at, bool by_hand,
               const std::optional<std::string>& reason);
    void move(MeetingId id, Instant starts_at);
    // Planned meetings that came from the rule (replaced when the rule changes).
    std::vector<Meeting> planned_from_schedule(PairId pair);
    void remove(MeetingId id);

  private:
    std::vector<Meeting> query(const std::string& where, std::int64_t a, std::int64_t b = 0);
    Database& db_;
};

}  // namespace mentorbot
