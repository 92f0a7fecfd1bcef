// tests/handlers/notes_feedback_test: `note`, `note private` and `feedback` — who sees what.
#include <catch2/catch.hpp>

#include "support/paired.hpp"

using namespace mentorbot;
using testing::Paired;

TEST_CASE("A note is posted to the pair and listed for both members") {
    Paired h;
    auto r = h.run("dana", "note agreed to shadow the next incident review");
    REQUIRE(r.ok);
    CHECK_THAT(r.text, Catch::Contains("next recap"));
    auto posts = h.take_posts();
    REQUIRE(posts.size() == 1);
    CHECK_THAT(posts[0], Catch::StartsWith("pair 1: @dana noted:") &&
                             Catch::Contains("> agreed to shadow the next incident review"));
    CHECK_THAT(h.run("sam", "note list").text,
               Catch::Contains("Notes of dana (mentor) & sam (mentee) (1)") &&
                   Catch::Contains("@dana: agreed to shadow the next incident review"));
    CHECK(h.run("sam", "note list of books").ok);  // a note that starts with "list"
    CHECK_THAT(h.run("sam", "note list").text, Catch::Contains("@sam: list of books"));
}

TEST_CASE("A private note is shown to its author alone, never posted") {
    Paired h;
    auto r = h.run("sam", "note private I feel nervous about presenting");
    REQUIRE(r.ok);
    CHECK_THAT(r.text, Catch::Contains("Nobody else can read them"));
    CHECK(h.take_posts().empty());
    CHECK_THAT(h.run("sam", "note list").text,
               Catch::Contains("Your private notes (1, only you see them)") &&
                   Catch::Contains("I feel nervous about presenting"));
    CHECK_THAT(h.run("dana", "note list").text,
               !Catch::Contains("nervous") && !Catch::Contains("private notes"));
    CHECK_THAT(h.run("sam", "note private").text,
               Catch::Contains("the private note is empty") &&
                   Catch::Contains("Usage: /mentor note private <text>"));
    CHECK_THAT(h.run("sam", "note").text, Catch::Contains("the note is empty"));
}

TEST_CASE("Feedback goes to the partner alone as a direct message and is stored") {
    Paired h;
    auto r = h.run("sam",
                   "feedback @dana situation: yesterday's review behavior: you asked "
                   "before suggesting impact: I found the bug myself");
    REQUIRE(r.ok);
    CHECK_THAT(r.text, Catch::Contains("Delivered privately to @dana") &&
                           !Catch::Contains("found the bug"));
    auto posts = h.take_posts();
    REQUIRE(posts.size() == 1);
    CHECK_THAT(posts[0], Catch::StartsWith("dm dana: == Feedback for you =="));
    CHECK_THAT(posts[0], Catch::Contains("Situation: yesterday's review") &&
                             Catch::Contains("Behavior: you asked before suggesting") &&
                             Catch::Contains("Impact: I found the bug myself"));
    const auto pair = h.store.pairs.of_person(h.store.people.find(Platform::console, "dana")->id);
    const auto stored = h.store.feedback.received(
        pair.front().id, h.store.people.find(Platform::console, "dana")->id);
    REQUIRE(stored.size() == 1);
    CHECK(stored[0].impact == "I found the bug myself");
    CHECK(h.run("dana", "feedback @sam situation: x behaviour: y impact: z").ok);
    CHECK_THAT(h.take_posts()[0], Catch::StartsWith("dm sam:") && Catch::Contains("Behavior: y"));
}

TEST_CASE("Feedback needs the partner and all three parts") {
    Paired h;
    const std::string sbi = " situation: a behavior: b impact: c";
    CHECK_THAT(h.run("sam", "feedback" + sbi).text, Catch::Contains("name the person"));
    CHECK_THAT(h.run("sam", "feedback @sam" + sbi).text,
               Catch::Contains("other member of your pair"));
    auto stranger = h.run("sam", "feedback @lee" + sbi);
    CHECK_FALSE(stranger.ok);
    CHECK_THAT(stranger.text, Catch::Contains("you have no active pair with @lee") &&
                                  Catch::Contains("Usage: /mentor feedback @person situation:"));
    CHECK_THAT(h.run("sam", "feedback @dana situation: a behavior: b").text,
               Catch::Contains("add impact: — what it changed for you"));
    CHECK_THAT(h.run("sam", "feedback @dana situation: a behavior: impact: c").text,
               Catch::Contains("behavior: is empty"));
    CHECK_THAT(h.run("sam", "feedback @dana great job").text, Catch::Contains("three parts"));
    CHECK(h.take_posts().empty());
}

TEST_CASE("Typed text reaches the pair as plain text, never as a mention the platform pings") {
    Paired h;
    REQUIRE(h.run("dana", "note <!channel> @here and @sam please read").ok);
    const auto queued = h.store.outbox.due(Platform::console, h.now);
    REQUIRE(queued.size() == 1);
    const Document body = deserialize_document(queued[0].body);
    bool kept_as_text = false;
    for (const Block& b : body.blocks)
        for (const Line& line : b.lines)
            for (const Span& s : line) {
                if (s.style == Span::Style::mention) CHECK(s.target == "dana");  // the author only
                if (s.style == Span::Style::plain &&
                    s.text == "<!channel> @here and @sam please read")
                    kept_as_text = true;
            }
    CHECK(kept_as_text);
}
