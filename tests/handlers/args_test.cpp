// tests/handlers/args_test: rest-of-line text, `with @person`, trailing dates and sections.
#include <catch2/catch.hpp>

#include "handlers/args.hpp"

using namespace mentorbot;

namespace {
Args args_of(const std::string& s) {
    return Args(s, tokenize(s).value());
}
const date::local_days kMonday = date::local_days{date::year{2026} / 11 / 2};
}  // namespace

TEST_CASE("The rest of the line keeps the spacing the user typed") {
    auto a = args_of("add  Ship   the  parser");
    a.next();
    CHECK(a.rest_text() == "Ship   the  parser");
    CHECK(a.empty());
    auto q = args_of(R"(add "  padded  ")");
    q.next();
    CHECK(q.rest_text() == "  padded  ");
}

TEST_CASE("A trailing by-date is taken off the text") {
    auto a = args_of("add Lead the design review by 2026-12-01");
    a.next();
    auto by = a.take_trailing_date("by", kMonday);
    REQUIRE(by);
    REQUIRE(by->ok());
    CHECK(by->value() == date::local_days{date::year{2026} / 12 / 1});
    CHECK(a.rest_text() == "Lead the design review");
}

TEST_CASE("A by that is not followed by a date stays part of the text") {
    auto a = args_of("add stand by the team");
    a.next();
    CHECK_FALSE(a.take_trailing_date("by", kMonday));
    CHECK(a.rest_text() == "stand by the team");
}

TEST_CASE("A by followed by a malformed date is a mistake, not text") {
    auto a = args_of("add ship it by 2026-13-01");
    a.next();
    auto by = a.take_trailing_date("by", kMonday);
    REQUIRE(by);
    REQUIRE_FALSE(by->ok());
    CHECK_THAT(by->error().reason, Catch::Contains("2026-13-01"));
}

TEST_CASE("with @person is found anywhere and removed from the text") {
    auto a = args_of("note we agreed with @sam to pair weekly");
    a.next();
    auto with = a.take_with_clause();
    REQUIRE(with.size() == 1);
    CHECK(with[0].user == "sam");
    CHECK(a.rest_text() == "we agreed to pair weekly");
    auto none = args_of("note nothing here");
    CHECK(none.take_with_clause().empty());
}

TEST_CASE("Sections split key: value text, with free text before the first key") {
    static constexpr std::string_view keys[] = {"progress", "challenges", "energy"};
    auto a = args_of("checkin intro progress: shipped v1 challenges:flaky CI  energy: 4");
    a.next();
    auto s = a.sections(keys);
    REQUIRE(s.ok());
    CHECK(s.value()[""] == "intro");
    CHECK(s.value()["progress"] == "shipped v1");
    CHECK(s.value()["challenges"] == "flaky CI");
    CHECK(s.value()["energy"] == "4");
    auto twice = args_of("progress: a progress: b");
    CHECK_FALSE(twice.sections(keys).ok());
}

TEST_CASE("Excerpts fit one line and never cut a UTF-8 character") {
    CHECK(excerpt("short") == "short");
    CHECK(excerpt("two\nlines") == "two lines");
    const std::string cafe = "ééééé";  // 10 bytes
    CHECK(excerpt(cafe, 5) == "éé…");
}
