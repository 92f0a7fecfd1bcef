// bot/addressed: an outbox row made ready to send — its document and who or where it goes to.
#include "bot/addressed.hpp"

#include <spdlog/spdlog.h>

namespace mentorbot {

std::vector<Addressed> due_messages(Store& store, Platform platform, Instant now, int limit) {
    std::vector<Addressed> out;
    for (QueuedMessage& row : store.outbox.due(platform, now, limit)) {
        Addressed a;
        try {
            a.body = deserialize_document(row.body);
        } catch (const std::exception& e) {
            spdlog::error("outbox message {} ({}) is unreadable and was dropped: {}", row.id.value,
                          row.kind, e.what());
            store.outbox.drop(row.id, "unreadable body", now);
            continue;
        }
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

}  // namespace mentorbot
