// bot/matrix/sync: reads one /sync answer into what the bot acts on — invites to consider and
// `!mentor` commands that are new — applying the real homeserver's habits (backlog on the first
// sync, pre-join history after a join, repeated events, our own events echoed back).
#pragma once

#include <optional>
#include <string>
#include <vector>

namespace mentorbot::matrix {

struct RoomInvite {
    std::string room_id;
    std::string inviter;  // who invited the bot (empty when the server did not say)
};

struct CommandEvent {
    std::string room_id;
    std::string event_id;
    std::string sender;
    std::string text;  // after the `!mentor` prefix, leading spaces removed
};

struct SyncBatch {
    std::string next_batch;
    std::vector<RoomInvite> invites;
    std::vector<CommandEvent> commands;
};

// `me`: the bot's user id. `first`: the sync had no `since`, so every timeline is backlog.
// Throws std::exception for an answer that is not a sync answer.
SyncBatch read_sync(const std::string& answer, const std::string& me, bool first);

// The command text of a message body, or nothing when it is not a `!mentor` command.
std::optional<std::string> command_text(const std::string& body);

}  // namespace mentorbot::matrix
