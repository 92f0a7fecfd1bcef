// bot/addressed: an outbox row made ready to send — its document and who or where it goes to.
#include "bot/addressed.hpp"

#include <spdlog/spdlog.h>

namespace mentorbot {

std::vector<Addressed> due_unread(Store& store, Platform platform, Instant now, int limit) {
    std::vector<Addressed> out;
    for (QueuedMessage& row : store.outbox.due(platform, now, limit)) {
        Addressed a;
        if (row.pair) a.pair = store.pairs.find(*row.pair);
        if (row.person) a.person = store.people.find(*row.person);
        if (!a.pair && !a.person) {
            spdlog::warn("outbox message {} ({}) has no recipient any more and was dropped",
                         row.id.value, row.kind);
            store.outbox.drop(row.id, "recipient gone", now);
            continue;
        }
        a.row = std::move(row);
        out.push_back(std::move(a));
    }
    return out;
}

bool read_body(Addressed& message, std::string& why) {
    try {
        message.body = deserialize_document(message.row.body);
        return true;
    } catch (const std::exception& e) {
        why = e.what();
        return false;
    }
}

std::vector<Addressed> due_messages(Store& store, Platform platform, Instant now, int limit) {
    std::vector<Addressed> out = due_unread(store, platform, now, limit);
    std::erase_if(out, [&](Addressed& a) {
        std::string why;
        if (read_body(a, why)) return false;
        spdlog::error("outbox message {} ({}) is unreadable and was dropped: {}", a.row.id.value,
                      a.row.kind, why);
        store.outbox.drop(a.row.id, "unreadable body", now);
        return true;
    });
    return out;
}

}  // namespace mentorbot
