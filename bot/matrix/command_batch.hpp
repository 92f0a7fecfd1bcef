// bot/matrix/command_batch: runs the commands of one sync answer on the storage thread, in one
// transaction with their answers, the handled event ids and the new sync position — so a crash
// neither replays nor loses a command.
#pragma once

#include <map>
#include <string>
#include <vector>

#include "bot/matrix/api.hpp"
#include "bot/matrix/sync.hpp"
#include "handlers/command.hpp"
#include "storage/store.hpp"

namespace mentorbot::matrix {

// The joined members of the rooms commands came from (their display names, and who is in the
// room for `pair`); a room missing here is run without members.
using RoomMembers = std::map<std::string, std::vector<RoomMember>>;

// Runs every command not handled before, queues each answer into its room, and saves the sync
// position; returns how many messages were queued. Throws (and writes nothing) when the
// database fails.
std::size_t run_sync_batch(Store& store, const Settings& settings, Instant now,
                           const SyncBatch& batch, const RoomMembers& members);

}  // namespace mentorbot::matrix
