// tests/storage/records_test: the mentorship records of schema version 2 as the repositories
// keep them — per-pair numbers, dates, replaced check-ins, private notes, signatures.
#include <catch2/catch.hpp>

#include "storage/store.hpp"

using namespace mentorbot;

namespace {

struct TwoPairs {
    Store store{":memory:"};
    Instant now{std::chrono::seconds{1'790'000'000}};
    PersonId dana, sam, lee, kim;
    PairId first, second;

    TwoPairs() {
        dana = store.people.find_or_create(Platform::console, "dana", "dana", now).id;
        sam = store.people.find_or_create(Platform::console, "sam", "sam", now).id;
        lee = store.people.find_or_create(Platform::console, "lee", "lee", now).id;
        kim = store.people.find_or_create(Platform::console, "kim", "kim", now).id;
        first = store.pairs.create(Platform::console, dana, sam, dana, std::nullopt, now).id;
        second = store.pairs.create(Platform::console, lee, kim, lee, std::nullopt, now).id;
    }
};

Day day(int y, unsigned m, unsigned d) {
    return Day{date::year{y} / m / d};
}

}  // namespace

TEST_CASE("Goals and action items are numbered per pair, and dates come back as stored") {
    TwoPairs t;
    CHECK(t.store.goals.add(t.first, "a", day(2027, 1, 29), t.sam, t.now).number == 1);
    CHECK(t.store.goals.add(t.first, "b", std::nullopt, t.sam, t.now).number == 2);
    CHECK(t.store.goals.add(t.second, "c", std::nullopt, t.kim, t.now).number == 1);
    CHECK(t.store.goals.find(t.first, 1)->target == day(2027, 1, 29));
    CHECK_FALSE(t.store.goals.find(t.first, 1)->closed_at);
    CHECK_FALSE(t.store.goals.find(t.second, 2));

    const ActionItem a = t.store.actions.add(t.second, t.kim, "x", day(2026, 12, 1), t.lee, t.now);
    CHECK(a.number == 1);
    CHECK(a.due == day(2026, 12, 1));
    t.store.actions.set_status(t.second, 1, ActionStatus::done, t.now);
    CHECK(t.store.actions.find(t.second, 1)->closed_at == t.now);
    t.store.actions.set_status(t.second, 1, ActionStatus::open, t.now);
    CHECK_FALSE(t.store.actions.find(t.second, 1)->closed_at);
    CHECK(t.store.actions.of_pair(t.first).empty());
}

TEST_CASE("Evidence belongs to its goal in its pair") {
    TwoPairs t;
    t.store.goals.add(t.first, "a", std::nullopt, t.sam, t.now);
    t.store.goals.add(t.second, "b", std::nullopt, t.kim, t.now);
    t.store.goals.add_evidence(t.second, 1, "kim's step", t.kim, t.now);
    t.store.goals.add_evidence(t.first, 1, "sam's step", t.sam, t.now);
    const auto first = t.store.goals.evidence(t.first);
    REQUIRE(first.size() == 1);
    CHECK(first[0].text == "sam's step");
}

TEST_CASE("A replaced check-in stays in the history and is no longer the latest") {
    TwoPairs t;
    CheckIn c;
    c.pair = t.first;
    c.author = t.sam;
    c.progress = "one";
    const CheckIn one = t.store.checkins.record(c, std::nullopt, t.now);
    c.progress = "two";
    c.energy = 3;
    t.store.checkins.record(c, one.id, t.now + std::chrono::hours{1});
    CHECK(t.store.checkins.latest(t.first, t.now)->progress == "two");
    CHECK_FALSE(t.store.checkins.latest(t.first, t.now + std::chrono::hours{2}));
    const auto history = t.store.checkins.history(t.first);
    REQUIRE(history.size() == 2);
    CHECK_FALSE(history[0].replaced);
    CHECK(history[0].energy == 3);
    CHECK(history[1].replaced);
    CHECK(history[1].progress == "one");
}

TEST_CASE("Private notes come back only with their author, never among shared notes") {
    TwoPairs t;
    t.store.notes.add({t.first, t.dana, false, "shared", t.now});
    t.store.notes.add({t.first, t.sam, true, "sam's own", t.now});
    REQUIRE(t.store.notes.shared(t.first).size() == 1);
    CHECK(t.store.notes.shared(t.first)[0].text == "shared");
    CHECK(t.store.notes.private_of(t.first, t.dana).empty());
    REQUIRE(t.store.notes.private_of(t.first, t.sam).size() == 1);
    CHECK(t.store.notes.private_of(t.second, t.sam).empty());
}

TEST_CASE("Agreement versions count per pair and signatures belong to one version") {
    TwoPairs t;
    CHECK(t.store.agreements.change(t.first, "purpose", "grow", t.dana, t.now) == 1);
    CHECK(t.store.agreements.change(t.second, "purpose", "learn", t.lee, t.now) == 1);
    CHECK(t.store.agreements.change(t.first, "scope", "design", t.sam, t.now) == 2);
    t.store.agreements.sign(t.first, 2, t.dana, t.now);
    t.store.agreements.sign(t.first, 2, t.dana, t.now + std::chrono::hours{1});
    const auto signatures = t.store.agreements.signatures(t.first);
    REQUIRE(signatures.size() == 1);
    CHECK(signatures[0].version == 2);
    CHECK(signatures[0].at == t.now);
    CHECK(t.store.agreements.changes(t.first).back().field == "scope");
    CHECK(t.store.agreements.signatures(t.second).empty());
}

TEST_CASE("Feedback is read back by its recipient only") {
    TwoPairs t;
    t.store.feedback.record({t.first, t.sam, t.dana, "s", "b", "i", t.now});
    CHECK(t.store.feedback.received(t.first, t.dana).size() == 1);
    CHECK(t.store.feedback.received(t.first, t.sam).empty());
}
