// tests/handlers/pair_rules_test: which pair a command means (PRODUCT.md §2) and who may see it.
#include <catch2/catch.hpp>

#include "handlers/pair_resolution.hpp"
#include "support/harness.hpp"

using namespace mentorbot;

namespace {

struct Resolve : testing::Harness {
    Expected<PairAccess> as(const std::string& who, const std::string& text,
                            const std::string& where = "lobby") {
        Command c;
        c.platform = Platform::console;
        c.conversation = where;
        c.user = who;
        c.text = text;
        Person caller = store.people.find_or_create(Platform::console, who, who, now);
        Context ctx{c, store, settings, now, caller, settings.is_coordinator(c.platform, who)};
        Args args(text, tokenize(text).value());
        return resolve_pair(ctx, args);
    }
    std::string partner(const Expected<PairAccess>& r, const std::string& who) {
        const Pair& p = r.value().pair;
        auto me = store.people.find(Platform::console, who);
        return store.people.find(p.partner_of(me->id))->platform_user;
    }
};

}  // namespace

TEST_CASE("With one active pair, that pair is meant") {
    Resolve r;
    REQUIRE(r.run("dana", "pair @dana @sam").ok);
    auto found = r.as("dana", "");
    REQUIRE(found.ok());
    CHECK(found->member);
    CHECK(found->sees_content);
    CHECK(r.partner(found, "dana") == "sam");
}

TEST_CASE(
    "With several pairs, the command's space decides, then with @person, else an error "
    "listing them") {
    Resolve r;
    REQUIRE(r.run("dana", "pair @dana @sam").ok);
    REQUIRE(r.run("dana", "pair @dana @lee").ok);
    r.store.pairs.set_space(
        r.store.pairs.of_person(r.store.people.find(Platform::console, "dana")->id).back().id,
        "dana+sam");

    auto in_space = r.as("dana", "", "dana+sam");
    REQUIRE(in_space.ok());
    CHECK(r.partner(in_space, "dana") == "sam");

    auto named = r.as("dana", "with @lee");
    REQUIRE(named.ok());
    CHECK(r.partner(named, "dana") == "lee");

    auto ambiguous = r.as("dana", "");
    REQUIRE_FALSE(ambiguous.ok());
    CHECK_THAT(ambiguous.error().reason, Catch::Contains("2 pairs") && Catch::Contains("@sam") &&
                                             Catch::Contains("@lee") &&
                                             Catch::Contains("with @person"));
}

TEST_CASE("Someone outside a pair gets the same answer as for a pair that does not exist") {
    Resolve r;
    REQUIRE(r.run("dana", "pair @dana @sam").ok);
    auto stranger = r.as("eve", "with @sam");
    auto nobody = r.as("eve", "with @ghost");
    REQUIRE_FALSE(stranger.ok());
    REQUIRE_FALSE(nobody.ok());
    CHECK(stranger.error().reason == "you have no active pair with @sam");
    CHECK(nobody.error().reason == "you have no active pair with @ghost");
    auto both = r.as("eve", "with @dana @sam");
    REQUIRE_FALSE(both.ok());
    CHECK_THAT(both.error().reason, Catch::Contains("that you can see"));
    // Issuing a command in their space does not let an outsider in either.
    r.store.pairs.set_space(
        r.store.pairs.of_person(r.store.people.find(Platform::console, "dana")->id).front().id,
        "dana+sam");
    CHECK_FALSE(r.as("eve", "", "dana+sam").ok());
}

TEST_CASE("Coordinators reach any pair by a member, but do not see its content") {
    Resolve r;
    r.settings.coordinators = {"console:carol"};
    REQUIRE(r.run("dana", "pair @dana @sam").ok);
    auto found = r.as("carol", "with @sam");
    REQUIRE(found.ok());
    CHECK_FALSE(found->member);
    CHECK_FALSE(found->sees_content);
    REQUIRE(r.run("dana", "pair @dana @lee").ok);
    auto several = r.as("carol", "with @dana");
    REQUIRE_FALSE(several.ok());
    CHECK_THAT(several.error().reason, Catch::Contains("with @mentor @mentee"));
    CHECK(r.as("carol", "with @dana @lee").ok());
}

TEST_CASE("Someone with no pair is told how to start one") {
    Resolve r;
    auto none = r.as("sam", "");
    REQUIRE_FALSE(none.ok());
    CHECK_THAT(none.error().reason, Catch::Contains("/mentor pair @mentor @mentee"));
}
