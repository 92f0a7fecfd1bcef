// tests/matrix/command_batch_test: a sync answer's commands, their answers, the handled event ids
// and the sync position are written together — a replayed answer runs nothing twice.
#include <catch2/catch.hpp>

#include "bot/matrix/command_batch.hpp"

using namespace mentorbot;
using namespace mentorbot::matrix;

namespace {

const Instant kNow{std::chrono::seconds{1'800'000'000}};

SyncBatch batch_of(std::vector<CommandEvent> commands, const std::string& next = "s2") {
    return SyncBatch{next, {}, std::move(commands)};
}

}  // namespace

TEST_CASE("Each command's answer is queued into the room it came from, with the new position") {
    Store store(":memory:");
    Settings settings;
    const auto batch = batch_of({{"!room:hs", "$1", "@dana:hs", "tz Europe/Paris"},
                                 {"!room:hs", "$2", "@sam:hs", "frobnicate"}});
    CHECK(run_sync_batch(store, settings, kNow, batch, {}) == 2);
    CHECK(store.matrix.sync_position() == "s2");
    CHECK(store.matrix.was_handled("$1"));
    CHECK(store.matrix.was_handled("$2"));
    CHECK(store.people.find(Platform::matrix, "@dana:hs")->time_zone == "Europe/Paris");
    const auto queued = store.outbox.due(Platform::matrix, kNow);
    REQUIRE(queued.size() == 2);
    for (const auto& m : queued) {
        CHECK(m.conversation == "!room:hs");
        CHECK(m.kind == "answer");
    }
    CHECK(queued[1].person == store.people.find(Platform::matrix, "@sam:hs")->id);
}

TEST_CASE("A sync answer read again after a crash runs none of its commands twice") {
    Store store(":memory:");
    Settings settings;
    const auto batch = batch_of({{"!room:hs", "$1", "@dana:hs", "tz Europe/Paris"}});
    run_sync_batch(store, settings, kNow, batch, {});
    CHECK(run_sync_batch(store, settings, kNow, batch, {}) == 0);
    CHECK(store.outbox.pending_count(Platform::matrix) == 1);
}

TEST_CASE("Room members give display names and let pairing use the room as the pair space") {
    Store store(":memory:");
    Settings settings;
    RoomMembers members{
        {"!room:hs", {{"@dana:hs", "Dana"}, {"@sam:hs", "Sam"}, {"@mentorbot:hs", ""}}}};
    const auto batch = batch_of({{"!room:hs", "$1", "@dana:hs", "pair @dana:hs @sam:hs"}});
    CHECK(run_sync_batch(store, settings, kNow, batch, members) == 2);  // answer and welcome
    CHECK(store.people.find(Platform::matrix, "@dana:hs")->display_name == "Dana");
    const auto pairs = store.pairs.all(Platform::matrix);
    REQUIRE(pairs.size() == 1);
    CHECK(pairs[0].space == "!room:hs");
}

TEST_CASE("Without both members in the room, the pair's space is left to be opened") {
    Store store(":memory:");
    Settings settings;
    RoomMembers members{{"!room:hs", {{"@dana:hs", "Dana"}, {"@mentorbot:hs", ""}}}};
    const auto batch = batch_of({{"!room:hs", "$1", "@dana:hs", "pair @dana:hs @lee:hs"}});
    run_sync_batch(store, settings, kNow, batch, members);
    const auto pairs = store.pairs.all(Platform::matrix);
    REQUIRE(pairs.size() == 1);
    CHECK_FALSE(pairs[0].space);
}
