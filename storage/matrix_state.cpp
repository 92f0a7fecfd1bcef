// storage/matrix_state: the Matrix connection's login, sync position, handled events and DM rooms.
#include "storage/matrix_state.hpp"

#include "storage/query.hpp"

#include <SQLiteCpp/Statement.h>

namespace mentorbot {
namespace {

std::int64_t seconds(Instant t) {
    return t.time_since_epoch().count();
}

std::string text_or_empty(const SQLite::Column& c) {
    return c.isNull() ? std::string{} : c.getString();
}

// The one session row exists once anything was saved; sync position and login share it.
void ensure_session_row(Database& db) {
    db.sql().exec(
        "INSERT OR IGNORE INTO matrix_session (id, homeserver, user_id) VALUES (1, '', '')");
}

}  // namespace

std::optional<MatrixLogin> MatrixState::login() {
    Query q(db_,
            "SELECT homeserver, user_id, access_token, device_id FROM matrix_session "
            "WHERE id = 1 AND user_id <> ''");
    if (!q.executeStep()) return std::nullopt;
    return MatrixLogin{q.getColumn(0).getString(), q.getColumn(1).getString(),
                       text_or_empty(q.getColumn(2)), text_or_empty(q.getColumn(3))};
}

void MatrixState::save_login(const MatrixLogin& login) {
    ensure_session_row(db_);
    Query q(db_,
            "UPDATE matrix_session SET homeserver = ?, user_id = ?, access_token = ?, "
            "device_id = ? WHERE id = 1");
    q.bind(1, login.homeserver);
    q.bind(2, login.user_id);
    q.bind(3, login.access_token);
    q.bind(4, login.device_id);
    q.exec();
}

void MatrixState::forget_access_token() {
    db_.sql().exec("UPDATE matrix_session SET access_token = NULL WHERE id = 1");
}

std::optional<std::string> MatrixState::sync_position() {
    Query q(db_, "SELECT since FROM matrix_session WHERE id = 1");
    if (!q.executeStep() || q.getColumn(0).isNull()) return std::nullopt;
    return q.getColumn(0).getString();
}

void MatrixState::save_sync_position(const std::string& next_batch) {
    ensure_session_row(db_);
    Query q(db_, "UPDATE matrix_session SET since = ? WHERE id = 1");
    q.bind(1, next_batch);
    q.exec();
}

bool MatrixState::was_handled(const std::string& event_id) {
    Query q(db_, "SELECT 1 FROM matrix_handled_events WHERE event_id = ?");
    q.bind(1, event_id);
    return q.executeStep();
}

void MatrixState::mark_handled(const std::string& event_id, const std::string& room_id,
                               Instant now) {
    Query q(db_,
            "INSERT OR IGNORE INTO matrix_handled_events (event_id, room_id, handled_at) "
            "VALUES (?, ?, ?)");
    q.bind(1, event_id);
    q.bind(2, room_id);
    q.bind(3, seconds(now));
    q.exec();
}

void MatrixState::forget_handled_before(Instant before) {
    Query q(db_, "DELETE FROM matrix_handled_events WHERE handled_at < ?");
    q.bind(1, seconds(before));
    q.exec();
}

std::optional<std::string> MatrixState::direct_room(PersonId person) {
    Query q(db_, "SELECT room_id FROM matrix_direct_rooms WHERE person_id = ?");
    q.bind(1, person.value);
    if (!q.executeStep()) return std::nullopt;
    return q.getColumn(0).getString();
}

void MatrixState::save_direct_room(PersonId person, const std::string& room_id) {
    Query q(db_,
            "INSERT INTO matrix_direct_rooms (person_id, room_id) VALUES (?, ?) "
            "ON CONFLICT (person_id) DO UPDATE SET room_id = excluded.room_id");
    q.bind(1, person.value);
    q.bind(2, room_id);
    q.exec();
}

void MatrixState::forget_direct_room(PersonId person) {
    Query q(db_, "DELETE FROM matrix_direct_rooms WHERE person_id = ?");
    q.bind(1, person.value);
    q.exec();
}

}  // namespace mentorbot
