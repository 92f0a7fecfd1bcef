// storage/schedule: a pair's recurring meeting rule, its meetings and its pause.
#include "storage/schedule.hpp"

#include <SQLiteCpp/Statement.h>

#include "storage/columns.hpp"
#include "storage/query.hpp"

namespace mentorbot {
namespace {

constexpr const char* kRules[] = {"weekly", "biweekly", "monthly"};
constexpr const char* kStatuses[] = {"planned", "open", "held", "skipped", "cancelled"};

constexpr const char* kMeetingColumns =
    "SELECT id, pair_id, number, starts_at, duration_minutes, origin, status, opened_at, "
    "closed_at, closed_by, reason FROM meetings ";

Meeting read_meeting(SQLite::Statement& q) {
    Meeting m;
    m.id = MeetingId{q.getColumn(0).getInt64()};
    m.pair = PairId{q.getColumn(1).getInt64()};
    m.number = q.getColumn(2).getInt();
    m.starts_at = columns::instant(q.getColumn(3));
    m.duration_minutes = q.getColumn(4).getInt();
    m.from_schedule = q.getColumn(5).getString() == "schedule";
    const std::string status = q.getColumn(6).getString();
    for (int i = 0; i < 5; ++i)
        if (status == kStatuses[i]) m.status = static_cast<MeetingStatus>(i);
    m.opened_at = columns::maybe_instant(q.getColumn(7));
    m.closed_at = columns::maybe_instant(q.getColumn(8));
    m.closed_by_hand = !q.getColumn(9).isNull() && q.getColumn(9).getString() == "hand";
    m.reason = columns::maybe_text(q.getColumn(10));
    return m;
}

}  // namespace

std::string_view to_string(MeetingStatus s) {
    return kStatuses[static_cast<int>(s)];
}

std::optional<ScheduleRule> Schedules::find(PairId pair) {
    Query q(db_,
            "SELECT rule, weekday, nth, local_minutes, duration_minutes, zone, "
            "anchor_day, set_by, set_at FROM schedules WHERE pair_id = ?");
    q.bind(1, pair.value);
    if (!q.executeStep()) return std::nullopt;
    ScheduleRule r;
    r.pair = pair;
    const std::string rule = q.getColumn(0).getString();
    for (int i = 0; i < 3; ++i)
        if (rule == kRules[i]) r.rule = static_cast<Recurrence>(i);
    r.weekday = q.getColumn(1).getInt();
    r.nth = q.getColumn(2).isNull() ? 0 : q.getColumn(2).getInt();
    r.local_minutes = q.getColumn(3).getInt();
    r.duration_minutes = q.getColumn(4).getInt();
    r.zone = q.getColumn(5).getString();
    r.anchor_day = q.getColumn(6).getInt64();
    r.set_by = PersonId{q.getColumn(7).getInt64()};
    r.set_at = columns::instant(q.getColumn(8));
    return r;
}

void Schedules::save(const ScheduleRule& r) {
    Query q(db_,
            "INSERT OR REPLACE INTO schedules (pair_id, rule, weekday, nth, "
            "local_minutes, duration_minutes, zone, anchor_day, set_by, set_at) "
            "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)");
    q.bind(1, r.pair.value);
    q.bind(2, kRules[static_cast<int>(r.rule)]);
    q.bind(3, r.weekday);
    if (r.rule == Recurrence::monthly)
        q.bind(4, r.nth);
    else
        q.bind(4);
    q.bind(5, r.local_minutes);
    q.bind(6, r.duration_minutes);
    q.bind(7, r.zone);
    q.bind(8, r.anchor_day);
    q.bind(9, r.set_by.value);
    q.bind(10, columns::seconds(r.set_at));
    q.exec();
}

std::optional<Pause> Schedules::pause_of(PairId pair) {
    Query q(db_, "SELECT until_day, zone FROM pauses WHERE pair_id = ?");
    q.bind(1, pair.value);
    if (!q.executeStep()) return std::nullopt;
    return Pause{pair, q.getColumn(0).getInt64(), q.getColumn(1).getString()};
}

void Schedules::set_pause(const Pause& p, PersonId by) {
    Query q(db_,
            "INSERT OR REPLACE INTO pauses (pair_id, until_day, zone, set_by) "
            "VALUES (?, ?, ?, ?)");
    q.bind(1, p.pair.value);
    q.bind(2, p.until_day);
    q.bind(3, p.zone);
    q.bind(4, by.value);
    q.exec();
}

void Schedules::clear_pause(PairId pair) {
    Query q(db_, "DELETE FROM pauses WHERE pair_id = ?");
    q.bind(1, pair.value);
    q.exec();
}

Meeting Meetings::add(PairId pair, Instant starts_at, int duration_minutes, bool from_schedule) {
    Query q(db_,
            "INSERT INTO meetings (pair_id, number, starts_at, duration_minutes, "
            "origin) VALUES (?, (SELECT COALESCE(MAX(number), 0) + 1 FROM meetings "
            "WHERE pair_id = ?), ?, ?, ?)");
    q.bind(1, pair.value);
    q.bind(2, pair.value);
    q.bind(3, columns::seconds(starts_at));
    q.bind(4, duration_minutes);
    q.bind(5, from_schedule ? "schedule" : "one-off");
    q.exec();
    return *find(MeetingId{db_.sql().getLastInsertRowid()});
}

std::optional<Meeting> Meetings::find(MeetingId id) {
    auto found = query("WHERE id = ?", id.value);
    if (found.empty()) return std::nullopt;
    return found.front();
}

std::optional<Meeting> Meetings::current_or_next(PairId pair) {
    if (auto open = open_one(pair)) return open;
    auto found = query("WHERE pair_id = ? AND status = 'planned' ORDER BY starts_at, id LIMIT 1",
                       pair.value);
    if (found.empty()) return std::nullopt;
    return found.front();
}

std::optional<Meeting> Meetings::open_one(PairId pair) {
    auto found =
        query("WHERE pair_id = ? AND status = 'open' ORDER BY starts_at LIMIT 1", pair.value);
    if (found.empty()) return std::nullopt;
    return found.front();
}

std::optional<Meeting> Meetings::last_closed(PairId pair) {
    auto found =
        query("WHERE pair_id = ? AND status = 'held' ORDER BY closed_at DESC, id DESC LIMIT 1",
              pair.value);
    if (found.empty()) return std::nullopt;
    return found.front();
}

std::vector<Meeting> Meetings::since(PairId pair, Instant from) {
    return query("WHERE pair_id = ? AND starts_at >= ? ORDER BY starts_at, id", pair.value,
                 columns::seconds(from));
}

std::vector<Meeting> Meetings::planned_from_schedule(PairId pair) {
    return query(
        "WHERE pair_id = ? AND status = 'planned' AND origin = 'schedule' ORDER BY starts_at",
        pair.value);
}

void Meetings::open(MeetingId id, Instant at) {
    Query q(db_, "UPDATE meetings SET status = 'open', opened_at = ? WHERE id = ?");
    q.bind(1, columns::seconds(at));
    q.bind(2, id.value);
    q.exec();
}

void Meetings::close(MeetingId id, MeetingStatus status, Instant at, bool by_hand,
                     const std::optional<std::string>& reason) {
    Query q(db_,
            "UPDATE meetings SET status = ?, closed_at = ?, closed_by = ?, reason = ? "
            "WHERE id = ?");
    q.bind(1, kStatuses[static_cast<int>(status)]);
    q.bind(2, columns::seconds(at));
    q.bind(3, by_hand ? "hand" : "auto");
    columns::bind(q, 4, reason);
    q.bind(5, id.value);
    q.exec();
}

void Meetings::move(MeetingId id, Instant starts_at) {
    Query q(db_, "UPDATE meetings SET starts_at = ? WHERE id = ?");
    q.bind(1, columns::seconds(starts_at));
    q.bind(2, id.value);
    q.exec();
}

void Meetings::remove(MeetingId id) {
    Query q(db_, "DELETE FROM meetings WHERE id = ?");
    q.bind(1, id.value);
    q.exec();
}

std::vector<Meeting> Meetings::query(const std::string& where, std::int64_t a, std::int64_t b) {
    Query q(db_, kMeetingColumns + where);
    q.bind(1, a);
    if (q.getBindParameterCount() >= 2) q.bind(2, b);
    std::vector<Meeting> out;
    while (q.executeStep()) out.push_back(read_meeting(q));
    return out;
}

}  // namespace mentorbot
