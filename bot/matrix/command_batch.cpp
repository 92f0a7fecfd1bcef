// bot/matrix/command_batch: one sync answer's commands, answers and position in one transaction.
#include "bot/matrix/command_batch.hpp"

#include <spdlog/spdlog.h>

#include "handlers/dispatch.hpp"

namespace mentorbot::matrix {
namespace {

// The homeserver never sends an event again once the position moved past it.
constexpr auto kKeepHandled = std::chrono::days{7};

Command command_of(const CommandEvent& e, const RoomMembers& members) {
    Command c;
    c.platform = Platform::matrix;
    c.conversation = e.room_id;
    c.user = e.sender;
    c.text = e.text;
    if (auto room = members.find(e.room_id); room != members.end()) {
        std::vector<std::string> ids;
        for (const RoomMember& m : room->second) {
            ids.push_back(m.user_id);
            if (m.user_id == e.sender) c.user_name = m.display_name;
        }
        c.conversation_members = std::move(ids);
    }
    if (c.user_name.empty()) c.user_name = e.sender.substr(1, e.sender.find(':') - 1);
    return c;
}

Dispatched run_one(const Command& c, Store& store, const Settings& settings, Instant now) {
    try {
        return dispatch(c, store, settings, now);
    } catch (const std::exception& e) {
        // Only the verb is logged: the rest of the text may be private.
        spdlog::error("matrix command \"{}\" from {} failed: {}",
                      c.text.substr(0, c.text.find(' ')), c.user, e.what());
        return Dispatched{internal_error_answer(), false, 0};
    }
}

}  // namespace

std::size_t run_sync_batch(Store& store, const Settings& settings, Instant now,
                           const SyncBatch& batch, const RoomMembers& members) {
    std::size_t queued = 0;
    Database::Transaction tx(store.db);
    for (const CommandEvent& e : batch.commands) {
        if (store.matrix.was_handled(e.event_id)) continue;
        const Command c = command_of(e, members);
        Dispatched d = run_one(c, store, settings, now);
        queued += d.queued;
        if (!d.answer.empty()) {
            // Matrix has no ephemeral messages: the answer goes to the room it was asked in.
            const Person caller =
                store.people.find_or_create(Platform::matrix, c.user, c.user_name, now);
            QueuedMessage answer;
            answer.platform = Platform::matrix;
            answer.person = caller.id;
            answer.conversation = e.room_id;
            answer.kind = "answer";
            answer.body = serialize(d.answer);
            answer.due_at = now;
            store.outbox.enqueue(answer, now);
            ++queued;
        }
        store.matrix.mark_handled(e.event_id, e.room_id, now);
    }
    store.matrix.save_sync_position(batch.next_batch);
    store.matrix.forget_handled_before(now - kKeepHandled);
    tx.commit();
    return queued;
}

}  // namespace mentorbot::matrix
