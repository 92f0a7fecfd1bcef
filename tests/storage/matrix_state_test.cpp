// tests/storage/matrix_state_test: the Matrix login, sync position, handled events and direct
// rooms survive in the database.
#include <catch2/catch.hpp>

#include "storage/store.hpp"

using namespace mentorbot;
using namespace std::chrono_literals;

TEST_CASE("The Matrix login is kept, and its device outlives a forgotten token") {
    Store store(":memory:");
    CHECK_FALSE(store.matrix.login());
    store.matrix.save_sync_position("s1");  // the position alone makes no login
    CHECK_FALSE(store.matrix.login());
    store.matrix.save_login({"https://hs", "@bot:hs", "syt_secret", "DEV1"});
    CHECK(store.matrix.login()->access_token == "syt_secret");
    store.matrix.forget_access_token();
    const auto login = store.matrix.login();
    REQUIRE(login);
    CHECK(login->access_token.empty());
    CHECK(login->device_id == "DEV1");
    CHECK(store.matrix.sync_position() == "s1");
}

TEST_CASE("Handled events are remembered for a while, direct rooms until forgotten") {
    Store store(":memory:");
    const Instant t0{std::chrono::seconds{1'800'000'000}};
    CHECK_FALSE(store.matrix.was_handled("$1"));
    store.matrix.mark_handled("$1", "!r:hs", t0);
    store.matrix.mark_handled("$1", "!r:hs", t0);  // a second time is harmless
    store.matrix.mark_handled("$2", "!r:hs", t0 + 8 * 24h);
    store.matrix.forget_handled_before(t0 + 24h);
    CHECK_FALSE(store.matrix.was_handled("$1"));
    CHECK(store.matrix.was_handled("$2"));

    const Person dana = store.people.find_or_create(Platform::matrix, "@dana:hs", "Dana", t0);
    CHECK_FALSE(store.matrix.direct_room(dana.id));
    store.matrix.save_direct_room(dana.id, "!dm1:hs");
    store.matrix.save_direct_room(dana.id, "!dm2:hs");
    CHECK(store.matrix.direct_room(dana.id) == "!dm2:hs");
    store.matrix.forget_direct_room(dana.id);
    CHECK_FALSE(store.matrix.direct_room(dana.id));
}

TEST_CASE("A message for one conversation keeps its conversation in the outbox") {
    Store store(":memory:");
    const Instant t0{std::chrono::seconds{1'800'000'000}};
    const Person dana = store.people.find_or_create(Platform::matrix, "@dana:hs", "Dana", t0);
    QueuedMessage m;
    m.platform = Platform::matrix;
    m.person = dana.id;
    m.conversation = "!room:hs";
    m.kind = "answer";
    m.body = "{}";
    m.due_at = t0;
    store.outbox.enqueue(m, t0);
    const auto due = store.outbox.due(Platform::matrix, t0);
    REQUIRE(due.size() == 1);
    CHECK(due[0].conversation == "!room:hs");
}
