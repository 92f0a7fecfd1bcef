// tests/handlers/tokenizer_test: words, quotes and the three mention forms, and what is refused.
#include <catch2/catch.hpp>

#include "handlers/tokenizer.hpp"

using namespace mentorbot;
using K = Token::Kind;

namespace {
std::vector<Token> ok(std::string_view s) {
    auto t = tokenize(s);
    REQUIRE(t.ok());
    return t.value();
}
}  // namespace

TEST_CASE("Words are split on any run of spaces, tabs and newlines") {
    auto t = ok("  goal   add\tship it\n now ");
    REQUIRE(t.size() == 5);
    CHECK(t[0].text == "goal");
    CHECK(t[4].text == "now");
    CHECK(ok("").empty());
    CHECK(ok(" \t\n").empty());
}

TEST_CASE("Quoted text is one token without its quotes, typographic quotes too") {
    auto t = ok(R"(note "two  words" 'single' “curly one” ‘x’)");
    REQUIRE(t.size() == 5);
    CHECK(t[1].kind == K::quoted);
    CHECK(t[1].text == "two  words");
    CHECK(t[2].text == "single");
    CHECK(t[3].text == "curly one");
    CHECK(t[4].text == "x");
    CHECK(ok(R"("")")[0].text.empty());
}

TEST_CASE("An unterminated quote is a mistake that says where it opened") {
    auto t = tokenize(R"(note "never closed)");
    REQUIRE_FALSE(t.ok());
    CHECK_THAT(t.error().reason, Catch::Contains("never closed"));
}

TEST_CASE("Slack mentions carry the user id and the name") {
    auto t = ok("pair <@U123ABC|dana> <@U999>");
    REQUIRE(t.size() == 3);
    CHECK(t[1].kind == K::mention);
    CHECK(t[1].user == "U123ABC");
    CHECK(t[1].text == "dana");
    CHECK(t[2].user == "U999");
    CHECK(t[2].text == "U999");
}

TEST_CASE("Matrix mentions keep the full user id and show the localpart") {
    auto t = ok("pair @dana:example.org @sam.k:matrix.example.com:8448,");
    REQUIRE(t.size() == 3);
    CHECK(t[1].user == "@dana:example.org");
    CHECK(t[1].text == "dana");
    CHECK(t[2].user == "@sam.k:matrix.example.com:8448");
}

TEST_CASE("Console mentions are @name, with trailing punctuation left out") {
    auto t = ok("feedback @sam, thanks");
    REQUIRE(t.size() == 3);
    CHECK(t[1].kind == K::mention);
    CHECK(t[1].user == "sam");
    CHECK(ok("@")[0].kind == K::word);
    CHECK(ok("me@example")[0].kind == K::word);
}

TEST_CASE("Control characters are refused but tabs and newlines are not") {
    CHECK_FALSE(tokenize("note bell\x07").ok());
    CHECK_FALSE(tokenize(std::string("note nul\0x", 10)).ok());
    CHECK_FALSE(tokenize("note esc\x1b[31m").ok());
    CHECK(tokenize("note a\tb\nc").ok());
}

TEST_CASE("Token offsets point back into the input") {
    const std::string s = R"(goal add "Learn Rust" by fri)";
    auto t = ok(s);
    CHECK(s.substr(t[2].begin, t[2].end - t[2].begin) == R"("Learn Rust")");
    CHECK(t[3].is_word("BY"));
}
