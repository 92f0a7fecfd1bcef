// storage/matrix_state: what the Matrix connection must remember across restarts — its login,
// where the event stream was read up to, which command events were handled, the direct rooms.
#pragma once

#include <optional>
#include <string>

#include "storage/database.hpp"
#include "storage/types.hpp"

namespace mentorbot {

// The bot's access token and device from a password login (reused on every start).
struct MatrixLogin {
    std::string homeserver;
    std::string user_id;
    std::string access_token;
    std::string device_id;
};

class MatrixState {
  public:
    explicit MatrixState(Database& db) : db_(db) {}

    // The stored login (its token may have been forgotten; its device is kept for the next login).
    std::optional<MatrixLogin> login();
    void save_login(const MatrixLogin& login);
    void forget_access_token();

    // The sync position ("since") the next /sync continues from; none before the first sync.
    std::optional<std::string> sync_position();
    void save_sync_position(const std::string& next_batch);

    bool was_handled(const std::string& event_id);
    void mark_handled(const std::string& event_id, const std::string& room_id, Instant now);
    // Forgets handled events older than `before` (the homeserver never resends those).
    void forget_handled_before(Instant before);

    std::optional<std::string> direct_room(PersonId person);
    void save_direct_room(PersonId person, const std::string& room_id);
    void forget_direct_room(PersonId person);

  private:
    Database& db_;
};

}  // namespace mentorbot
