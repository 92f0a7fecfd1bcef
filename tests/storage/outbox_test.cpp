// tests/storage/outbox_test: queued messages are handed out in time order and leave only when sent
// or dropped.
#include <catch2/catch.hpp>

#include "storage/store.hpp"

using namespace mentorbot;
using namespace std::chrono_literals;

TEST_CASE("Queued messages come out when due, oldest first, and never again once sent") {
    Store store(":memory:");
    const Instant t0{std::chrono::seconds{1'800'000'000}};
    const Person dana = store.people.find_or_create(Platform::console, "dana", "Dana", t0);
    auto queue = [&](const char* kind, Instant due) {
        QueuedMessage m;
        m.platform = Platform::console;
        m.person = dana.id;
        m.kind = kind;
        m.body = "{}";
        m.due_at = due;
        return store.outbox.enqueue(m, t0);
    };
    queue("later", t0 + 2h);
    const OutboxId first = queue("first", t0);
    queue("second", t0 + 1h);

    CHECK(store.outbox.next_due(Platform::console) == t0);
    CHECK(store.outbox.next_due(Platform::slack) == std::nullopt);
    auto due = store.outbox.due(Platform::console, t0 + 1h);
    REQUIRE(due.size() == 2);
    CHECK(due[0].kind == "first");
    CHECK(due[1].kind == "second");

    store.outbox.mark_sent(first, t0, "ref");
    store.outbox.drop(due[1].id, "no longer makes sense", t0);
    CHECK(store.outbox.due(Platform::console, t0 + 1h).empty());
    CHECK(store.outbox.pending_count(Platform::console) == 1);
    CHECK(store.outbox.next_due(Platform::console) == t0 + 2h);
}

TEST_CASE("A message put back for a retry waits until its retry time") {
    Store store(":memory:");
    const Instant t0{std::chrono::seconds{1'800'000'000}};
    const Person sam = store.people.find_or_create(Platform::slack, "U1", "Sam", t0);
    QueuedMessage m;
    m.platform = Platform::slack;
    m.person = sam.id;
    m.kind = "dm";
    m.body = "{}";
    m.due_at = t0;
    const OutboxId id = store.outbox.enqueue(m, t0);
    store.outbox.retry_later(id, t0 + 30s);
    CHECK(store.outbox.due(Platform::slack, t0 + 29s).empty());
    CHECK(store.outbox.next_due(Platform::slack) == t0 + 30s);
    auto due = store.outbox.due(Platform::slack, t0 + 30s);
    REQUIRE(due.size() == 1);
    CHECK(due[0].attempts == 1);
}
