// storage/reminders: automatic reminders waiting to fire.
#include "storage/reminders.hpp"

#include <SQLiteCpp/Statement.h>

#include "storage/columns.hpp"
#include "storage/query.hpp"

namespace mentorbot {
namespace {

constexpr const char* kColumns =
    "SELECT id, pair_id, number, kind, meeting_id, subject_id, person_id, due_at, nudge "
    "FROM reminders ";

Reminder read_reminder(SQLite::Statement& q) {
    Reminder r;
    r.id = ReminderId{q.getColumn(0).getInt64()};
    r.pair = PairId{q.getColumn(1).getInt64()};
    r.number = q.getColumn(2).getInt();
    r.kind = q.getColumn(3).getString();
    if (!q.getColumn(4).isNull()) r.meeting = MeetingId{q.getColumn(4).getInt64()};
    if (!q.getColumn(5).isNull()) r.subject = q.getColumn(5).getInt64();
    if (!q.getColumn(6).isNull()) r.person = PersonId{q.getColumn(6).getInt64()};
    r.due_at = columns::instant(q.getColumn(7));
    r.nudge = q.getColumn(8).getInt();
    return r;
}

void settle(Database& db, const std::string& where, const std::vector<std::int64_t>& args,
            const char* state, const std::optional<std::string>& note, Instant now) {
    Query q(db, std::string("UPDATE reminders SET state = ?, settled_at = ?, "
                            "note = ? WHERE state = 'pending' AND ") +
                    where);
    q.bind(1, state);
    q.bind(2, columns::seconds(now));
    columns::bind(q, 3, note);
    int i = 4;
    for (auto a : args) q.bind(i++, a);
    q.exec();
}

}  // namespace

Reminder Reminders::add(const Reminder& r) {
    Query q(db_,
            "INSERT INTO reminders (pair_id, number, kind, meeting_id, subject_id, "
            "person_id, due_at, nudge) VALUES (?, (SELECT COALESCE(MAX(number), 0) + 1 "
            "FROM reminders WHERE pair_id = ?), ?, ?, ?, ?, ?, ?)");
    q.bind(1, r.pair.value);
    q.bind(2, r.pair.value);
    q.bind(3, r.kind);
    if (r.meeting)
        q.bind(4, r.meeting->value);
    else
        q.bind(4);
    if (r.subject)
        q.bind(5, *r.subject);
    else
        q.bind(5);
    if (r.person)
        q.bind(6, r.person->value);
    else
        q.bind(6);
    q.bind(7, columns::seconds(r.due_at));
    q.bind(8, r.nudge);
    q.exec();
    ++plans_made_;
    return query("WHERE id = ?", {db_.sql().getLastInsertRowid()}).front();
}

std::vector<Reminder> Reminders::due(Instant now, int limit) {
    return query("WHERE state = 'pending' AND due_at <= ? ORDER BY due_at, id LIMIT ?",
                 {columns::seconds(now), limit});
}

std::optional<Instant> Reminders::next_due() {
    Query q(db_, "SELECT MIN(due_at) FROM reminders WHERE state = 'pending'");
    if (!q.executeStep() || q.getColumn(0).isNull()) return std::nullopt;
    return columns::instant(q.getColumn(0));
}

std::size_t Reminders::pending_count() {
    Query q(db_, "SELECT COUNT(*) FROM reminders WHERE state = 'pending'");
    q.executeStep();
    return static_cast<std::size_t>(q.getColumn(0).getInt64());
}

std::vector<Reminder> Reminders::pending_for_pair(PairId pair) {
    return query("WHERE state = 'pending' AND pair_id = ? ORDER BY due_at, id", {pair.value});
}

std::optional<Reminder> Reminders::pending_by_number(PairId pair, int number) {
    auto found =
        query("WHERE state = 'pending' AND pair_id = ? AND number = ?", {pair.value, number});
    if (found.empty()) return std::nullopt;
    return found.front();
}

void Reminders::mark_sent(ReminderId id, Instant now) {
    settle(db_, "id = ?", {id.value}, "sent", std::nullopt, now);
}

void Reminders::drop(ReminderId id, const std::string& reason, Instant now) {
    settle(db_, "id = ?", {id.value}, "dropped", reason, now);
}

void Reminders::drop_for_meeting(MeetingId meeting, const std::string& reason, Instant now) {
    settle(db_, "meeting_id = ?", {meeting.value}, "dropped", reason, now);
}

void Reminders::drop_for_pair(PairId pair, const std::string& reason, Instant now) {
    settle(db_, "pair_id = ?", {pair.value}, "dropped", reason, now);
}

void Reminders::drop_kind(PairId pair, const std::string& kind, std::optional<std::int64_t> subject,
                          const std::string& reason, Instant now) {
    Query q(db_,
            "UPDATE reminders SET state = 'dropped', settled_at = ?, note = ? WHERE "
            "state = 'pending' AND pair_id = ? AND kind = ? AND (? IS NULL OR "
            "subject_id = ?)");
    q.bind(1, columns::seconds(now));
    q.bind(2, reason);
    q.bind(3, pair.value);
    q.bind(4, kind);
    if (subject) {
        q.bind(5, *subject);
        q.bind(6, *subject);
    } else {
        q.bind(5);
        q.bind(6);
    }
    q.exec();
}

void Reminders::postpone(ReminderId id, Instant due_at) {
    Query q(db_, "UPDATE reminders SET due_at = ? WHERE id = ? AND state = 'pending'");
    q.bind(1, columns::seconds(due_at));
    q.bind(2, id.value);
    q.exec();
    ++plans_made_;
}

void Reminders::detach_meeting(MeetingId meeting) {
    Query q(db_, "UPDATE reminders SET meeting_id = NULL WHERE meeting_id = ?");
    q.bind(1, meeting.value);
    q.exec();
}

std::vector<Reminder> Reminders::query(const std::string& where,
                                       const std::vector<std::int64_t>& args) {
    Query q(db_, kColumns + where);
    int i = 1;
    for (auto a : args) q.bind(i++, a);
    std::vector<Reminder> out;
    while (q.executeStep()) out.push_back(read_reminder(q));
    return out;
}

}  // namespace mentorbot
