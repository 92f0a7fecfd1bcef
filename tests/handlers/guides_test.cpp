// tests/handlers/guides_test: `unstuck`, `graduate` and `wrapup` as the pair sees them.
#include <catch2/catch.hpp>

#include "support/paired.hpp"

using namespace mentorbot;
using testing::Paired;

TEST_CASE("unstuck posts the five causes and the way back on track to the pair") {
    Paired h;
    auto r = h.run("sam", "unstuck");
    REQUIRE(r.ok);
    CHECK_THAT(r.text, Catch::Contains("Posted the guide in your pair's space"));
    auto posts = h.take_posts();
    REQUIRE(posts.size() == 1);
    CHECK_THAT(posts[0], Catch::StartsWith("pair 1: == Stuck?"));
    for (const char* cause :
         {"1. Clarity", "2. Capability", "3. Confidence", "4. Context", "5. Commitment"})
        CHECK_THAT(posts[0], Catch::Contains(cause));
    CHECK_THAT(posts[0], Catch::Contains("Getting back on track") &&
                             Catch::Contains("/mentor agreement set"));
    CHECK_THAT(h.run("sam", "unstuck now").text, Catch::Contains("\"unstuck\" takes nothing more"));
}

TEST_CASE("graduate posts the assessment with the pair's numbers so far") {
    Paired h;
    REQUIRE(h.run("sam", "goal add a").ok);
    REQUIRE(h.run("sam", "goal add b").ok);
    REQUIRE(h.run("sam", "goal done 1").ok);
    REQUIRE(h.run("sam", "action add c").ok);
    h.take_posts();
    REQUIRE(h.run("dana", "graduate").ok);
    auto posts = h.take_posts();
    REQUIRE(posts.size() == 1);
    CHECK_THAT(posts[0], Catch::StartsWith("pair 1: == Ready to graduate? =="));
    CHECK_THAT(posts[0],
               Catch::Contains("So far: 1 of 2 goals done, 0 of 1 action items completed"));
    CHECK_THAT(posts[0], Catch::Contains("Have the goals you started with been reached?"));
    CHECK_THAT(posts[0], Catch::Contains("/mentor wrapup"));
}

TEST_CASE("wrapup closes the pair as graduated and posts what it achieved") {
    Paired h;
    REQUIRE(h.run("sam", "goal add Lead the design review").ok);
    REQUIRE(h.run("sam", "goal add Learn Rust").ok);
    REQUIRE(h.run("sam", "goal add Dropped one").ok);
    REQUIRE(h.run("sam", "goal done 1").ok);
    REQUIRE(h.run("sam", "goal drop 3").ok);
    REQUIRE(h.run("sam", "action add one").ok);
    REQUIRE(h.run("sam", "action add two").ok);
    REQUIRE(h.run("sam", "action done 1").ok);
    h.take_posts();
    h.now += std::chrono::hours{24 * 73};
    auto r = h.run("dana", "wrapup");
    REQUIRE(r.ok);
    auto posts = h.take_posts();
    REQUIRE(posts.size() == 1);
    CHECK_THAT(posts[0], Catch::StartsWith("pair 1: == Graduated 🎓 =="));
    CHECK_THAT(posts[0], Catch::Contains("closed their mentorship as graduated on Thu 14 Jan 2027, "
                                         "after 10 weeks and 3 days (since Mon 2 Nov 2026)"));
    CHECK_THAT(posts[0], Catch::Contains("Goals reached: 1 of 2:") &&
                             Catch::Contains("#1 Lead the design review") &&
                             !Catch::Contains("Learn Rust"));
    CHECK_THAT(posts[0], Catch::Contains("Action items completed: 1 (1 left open)."));
    CHECK_THAT(h.run("sam", "pairs all").text, Catch::Contains("graduated Thu 14 Jan 2027"));
    CHECK_THAT(h.run("sam", "goal list").text, Catch::Contains("not in an active pair"));
}
