// storage/outbox: the durable queue of messages to post; rows leave it only when the platform
// confirmed them (sent) or they no longer make sense (dropped, with a reason).
#include "storage/outbox.hpp"

#include <SQLiteCpp/Statement.h>

#include "storage/columns.hpp"
#include "storage/query.hpp"

namespace mentorbot {
namespace {

constexpr const char* kPending = "sent_at IS NULL AND dropped_reason IS NULL";

}  // namespace

OutboxId Outbox::enqueue(const QueuedMessage& m, Instant now) {
    Query q(db_,
            "INSERT INTO outbox (platform, pair_id, person_id, kind, body, created_at, "
            "due_at, late, conversation) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)");
    q.bind(1, std::string(to_string(m.platform)));
    if (m.pair)
        q.bind(2, m.pair->value);
    else
        q.bind(2);
    if (m.person)
        q.bind(3, m.person->value);
    else
        q.bind(3);
    q.bind(4, m.kind);
    q.bind(5, m.body);
    q.bind(6, columns::seconds(now));
    q.bind(7, columns::seconds(m.due_at));
    q.bind(8, m.late ? 1 : 0);
    if (m.conversation)
        q.bind(9, *m.conversation);
    else
        q.bind(9);
    q.exec();
    return OutboxId{db_.sql().getLastInsertRowid()};
}

std::vector<QueuedMessage> Outbox::due(Platform platform, Instant now, int limit) {
    Query q(db_, std::string("SELECT id, pair_id, person_id, kind, body, due_at, late, "
                             "attempts, conversation, parts_sent, platform_ref FROM outbox WHERE "
                             "platform = ? AND ") +
                     kPending +
                     " AND due_at <= ? AND COALESCE(next_attempt_at, 0) <= ? "
                     "ORDER BY due_at, id LIMIT ?");
    q.bind(1, std::string(to_string(platform)));
    q.bind(2, columns::seconds(now));
    q.bind(3, columns::seconds(now));
    q.bind(4, limit);
    std::vector<QueuedMessage> out;
    while (q.executeStep()) {
        QueuedMessage m;
        m.id = OutboxId{q.getColumn(0).getInt64()};
        m.platform = platform;
        if (!q.getColumn(1).isNull()) m.pair = PairId{q.getColumn(1).getInt64()};
        if (!q.getColumn(2).isNull()) m.person = PersonId{q.getColumn(2).getInt64()};
        m.kind = q.getColumn(3).getString();
        m.body = q.getColumn(4).getString();
        m.due_at = columns::instant(q.getColumn(5));
        m.late = q.getColumn(6).getInt() != 0;
        m.attempts = q.getColumn(7).getInt();
        if (!q.getColumn(8).isNull()) m.conversation = q.getColumn(8).getString();
        m.parts_sent = q.getColumn(9).getInt();
        m.first_part = columns::maybe_text(q.getColumn(10));
        out.push_back(std::move(m));
    }
    return out;
}

std::optional<Instant> Outbox::next_due(Platform platform) {
    Query q(db_, std::string("SELECT MIN(MAX(due_at, COALESCE(next_attempt_at, 0))) FROM "
                             "outbox WHERE platform = ? AND ") +
                     kPending);
    q.bind(1, std::string(to_string(platform)));
    if (!q.executeStep() || q.getColumn(0).isNull()) return std::nullopt;
    return columns::instant(q.getColumn(0));
}

std::size_t Outbox::pending_count(Platform platform) {
    Query q(db_, std::string("SELECT COUNT(*) FROM outbox WHERE platform = ? AND ") + kPending);
    q.bind(1, std::string(to_string(platform)));
    q.executeStep();
    return static_cast<std::size_t>(q.getColumn(0).getInt64());
}

void Outbox::mark_sent(OutboxId id, Instant now, const std::string& platform_ref) {
    Query q(db_,
            "UPDATE outbox SET sent_at = ?, platform_ref = ?, attempts = attempts + 1 "
            "WHERE id = ?");
    q.bind(1, columns::seconds(now));
    q.bind(2, platform_ref);
    q.bind(3, id.value);
    q.exec();
}

void Outbox::mark_parts_sent(OutboxId id, int parts, const std::string& first_ref) {
    Query q(db_,
            "UPDATE outbox SET parts_sent = ?, platform_ref = COALESCE(platform_ref, ?) "
            "WHERE id = ?");
    q.bind(1, parts);
    q.bind(2, first_ref);
    q.bind(3, id.value);
    q.exec();
}

void Outbox::retry_later(OutboxId id, Instant when) {
    Query q(db_, "UPDATE outbox SET next_attempt_at = ?, attempts = attempts + 1 WHERE id = ?");
    q.bind(1, columns::seconds(when));
    q.bind(2, id.value);
    q.exec();
}

void Outbox::hold_until(OutboxId id, Instant when) {
    Query q(db_, "UPDATE outbox SET next_attempt_at = ? WHERE id = ?");
    q.bind(1, columns::seconds(when));
    q.bind(2, id.value);
    q.exec();
}

void Outbox::drop(OutboxId id, const std::string& reason, Instant now) {
    Query q(db_,
            "UPDATE outbox SET dropped_reason = ?, sent_at = NULL, next_attempt_at = ? "
            "WHERE id = ?");
    q.bind(1, reason);
    q.bind(2, columns::seconds(now));
    q.bind(3, id.value);
    q.exec();
}

}  // namespace mentorbot
