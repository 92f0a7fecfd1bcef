// tests/storage/people_pairs_test: people and pairs as the repositories answer for them from
// memory — the same answers as the table, and nothing a rolled-back command wrote.
#include <catch2/catch.hpp>

#include "storage/store.hpp"

using namespace mentorbot;

namespace {

struct Program {
    Store store{":memory:"};
    Instant now{std::chrono::seconds{1'790'000'000}};

    PersonId person(const std::string& name) {
        return store.people.find_or_create(Platform::slack, name, name, now).id;
    }
    PairId pair(PersonId mentor, PersonId mentee) {
        return store.pairs.create(Platform::slack, mentor, mentee, mentor, std::nullopt, now).id;
    }
};

std::vector<std::int64_t> ids(const std::vector<Pair>& pairs) {
    std::vector<std::int64_t> out;
    for (const Pair& p : pairs) out.push_back(p.id.value);
    return out;
}

}  // namespace

TEST_CASE("Pairs are found by member, by space and by their two people, as they now are") {
    Program p;
    const PersonId ana = p.person("UANA"), ben = p.person("UBEN"), cy = p.person("UCY");
    const PairId first = p.pair(ana, ben), second = p.pair(ana, cy);

    CHECK(ids(p.store.pairs.of_person(ana)) ==
          std::vector<std::int64_t>{second.value, first.value});
    CHECK(ids(p.store.pairs.of_person(ben)) == std::vector<std::int64_t>{first.value});
    CHECK(p.store.pairs.active_between(cy, ana)->id == second);
    CHECK_FALSE(p.store.pairs.active_between(ben, cy));
    CHECK_FALSE(p.store.pairs.active_between(ana, ana));

    p.store.pairs.set_space(first, "G1");
    CHECK(ids(p.store.pairs.active_in_space(Platform::slack, "G1")) ==
          std::vector<std::int64_t>{first.value});
    p.store.pairs.set_space(first, "G2");  // a new group DM: the old one no longer finds it
    CHECK(p.store.pairs.active_in_space(Platform::slack, "G1").empty());
    CHECK(p.store.pairs.find(first)->space == "G2");
    CHECK(p.store.pairs.active_in_space(Platform::matrix, "G2").empty());

    p.store.pairs.close(first, PairStatus::ended, "moved teams", p.now);
    CHECK(ids(p.store.pairs.of_person(ana)) == std::vector<std::int64_t>{second.value});
    CHECK(ids(p.store.pairs.of_person(ana, true)) ==
          std::vector<std::int64_t>{second.value, first.value});
    CHECK(p.store.pairs.active_in_space(Platform::slack, "G2").empty());
    CHECK_FALSE(p.store.pairs.active_between(ana, ben));
    CHECK(p.store.pairs.find(first)->end_reason == "moved teams");
    CHECK(ids(p.store.pairs.all(Platform::slack)) == std::vector<std::int64_t>{second.value});
    CHECK(ids(p.store.pairs.all(Platform::slack, true)) ==
          std::vector<std::int64_t>{second.value, first.value});
}

TEST_CASE("What a rolled-back command wrote about people and pairs is not read back") {
    Program p;
    const PersonId ana = p.person("UANA"), ben = p.person("UBEN");
    const PairId pair = p.pair(ana, ben);

    SECTION("a person and a pair created in a command undone inside its batch") {
        Database::Transaction batch(p.store.db);
        {
            Database::Transaction command(p.store.db);
            const PersonId cy = p.person("UCY");
            p.pair(ana, cy);
            REQUIRE(p.store.pairs.of_person(ana).size() == 2);
        }  // rolled back: a savepoint
        CHECK_FALSE(p.store.people.find(Platform::slack, "UCY"));
        CHECK(ids(p.store.pairs.of_person(ana)) == std::vector<std::int64_t>{pair.value});
        batch.commit();
    }
    SECTION("a new display name, a zone and an ended pair") {
        Database::Transaction batch(p.store.db);
        {
            Database::Transaction command(p.store.db);
            p.store.people.find_or_create(Platform::slack, "UANA", "Ana B.", p.now);
            p.store.people.set_time_zone(ana, "Europe/Lisbon");
            p.store.pairs.close(pair, PairStatus::ended, std::nullopt, p.now);
            REQUIRE(p.store.people.find(ana)->display_name == "Ana B.");
        }
        CHECK(p.store.people.find(ana)->display_name == "UANA");
        CHECK_FALSE(p.store.people.find(ana)->time_zone);
        CHECK(p.store.pairs.find(pair)->status == PairStatus::active);
        // The zone is still free for the profile to set.
        CHECK(p.store.people.set_profile_time_zone(ana, "Asia/Tokyo"));
        batch.commit();
    }
    SECTION("a whole batch") {
        {
            Database::Transaction batch(p.store.db);
            p.store.people.set_time_zone(ben, "America/Chicago");
            p.store.pairs.set_space(pair, "G9");
            REQUIRE(p.store.pairs.active_in_space(Platform::slack, "G9").size() == 1);
        }
        CHECK_FALSE(p.store.people.find(ben)->time_zone);
        CHECK(p.store.pairs.active_in_space(Platform::slack, "G9").empty());
    }
}

TEST_CASE(
    "A zone chosen with tz is kept over the platform profile's, and an unchanged one is no "
    "change") {
    Program p;
    const PersonId ana = p.person("UANA");
    CHECK(p.store.people.set_profile_time_zone(ana, "Europe/Berlin"));
    CHECK_FALSE(p.store.people.set_profile_time_zone(ana, "Europe/Berlin"));
    CHECK(p.store.people.set_profile_time_zone(ana, "Europe/Paris"));
    CHECK(p.store.people.find(ana)->time_zone == "Europe/Paris");
    p.store.people.set_time_zone(ana, "Asia/Kolkata");
    CHECK_FALSE(p.store.people.set_profile_time_zone(ana, "Europe/Paris"));
    CHECK(p.store.people.find(ana)->time_zone == "Asia/Kolkata");
}
