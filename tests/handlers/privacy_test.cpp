// tests/handlers/privacy_test: every verb of the mentorship core run as a member, an outsider and
// a coordinator (PRODUCT.md §1, §8): outsiders get the answer a pair that does not exist gets;
// coordinators see numbers, not content, unless the pair shares it — and never private notes or
// feedback; only members change anything.
#include <catch2/catch.hpp>

#include "support/paired.hpp"

using namespace mentorbot;

namespace {

// dana (mentor) and sam (mentee) with one of everything; eve is in no pair; carol coordinates.
struct Mentorship : testing::Paired {
    Mentorship() {
        settings.coordinators = {"console:carol"};
        for (const char* line : {"agreement set purpose SECRET-AGREEMENT", "goal add SECRET-GOAL",
                                 "action add SECRET-ACTION due tomorrow", "note SECRET-NOTE",
                                 "note private SECRET-PRIVATE-NOTE",
                                 "feedback @sam situation: SECRET-FEEDBACK behavior: b impact: c"})
            REQUIRE(run("dana", line).ok);
        REQUIRE(run("sam", "checkin progress: SECRET-CHECKIN").ok);
        setup_posts = take_posts();
    }

    std::vector<std::string> setup_posts;

    void share_with_coordinators() {
        REQUIRE(run("dana", "agreement set sharing coordinator").ok);
        REQUIRE(run("dana", "agreement sign").ok);
        REQUIRE(run("sam", "agreement sign").ok);
        take_posts();
    }

    // Everything a member can read, to see that a refused command changed nothing.
    std::string record() {
        std::string all;
        for (const char* line : {"agreement history", "goal list", "action list all",
                                 "checkin history", "note list", "pairs all"})
            all += run("dana", line).text + "\n";
        return all;
    }
};

// What a coordinator may do with a verb: read its numbers (content too when shared), read it
// only when the pair shares its content, or nothing (it changes the pair).
enum class Coordinator { numbers, if_shared, refused };
using enum Coordinator;

struct Row {
    const char* member;  // who runs it as the member
    const char* text;    // "{pair}" becomes "with @sam" for callers outside the pair
    Coordinator coordinator;
    const char* content;  // what the member sees and a coordinator must not (unless shared)
};

// Every verb and form of the issue. `feedback` names its pair by its recipient.
const Row kRows[] = {
    {"dana", "agreement {pair}", numbers, "SECRET-AGREEMENT"},
    {"dana", "agreement history {pair}", if_shared, "SECRET-AGREEMENT"},
    {"dana", "agreement set scope more {pair}", refused, nullptr},
    {"dana", "agreement sign {pair}", refused, nullptr},
    {"dana", "goal list {pair}", numbers, "SECRET-GOAL"},
    {"dana", "goal add another {pair}", refused, nullptr},
    {"dana", "goal progress 1 evidence {pair}", refused, nullptr},
    {"dana", "goal done 1 {pair}", refused, nullptr},
    {"dana", "goal drop 1 {pair}", refused, nullptr},
    {"sam", "checkin {pair}", numbers, "SECRET-CHECKIN"},
    {"sam", "checkin history {pair}", if_shared, "SECRET-CHECKIN"},
    {"sam", "checkin progress: more {pair}", refused, nullptr},
    {"dana", "action list all {pair}", numbers, "SECRET-ACTION"},
    {"dana", "action add another {pair}", refused, nullptr},
    {"dana", "action done 1 {pair}", refused, nullptr},
    {"dana", "action reopen 1 {pair}", refused, nullptr},
    {"dana", "action drop 1 {pair}", refused, nullptr},
    {"dana", "action due 1 fri {pair}", refused, nullptr},
    {"dana", "action edit 1 changed {pair}", refused, nullptr},
    {"dana", "note list {pair}", if_shared, "SECRET-NOTE"},
    {"dana", "note another {pair}", refused, nullptr},
    {"dana", "note private another {pair}", refused, nullptr},
    {"dana", "feedback @sam situation: s behavior: b impact: i", refused, nullptr},
    {"dana", "unstuck {pair}", refused, nullptr},
    {"dana", "graduate {pair}", refused, nullptr},
    {"dana", "wrapup {pair}", refused, nullptr},
    // Meetings, reminders, health and records.
    {"dana", "schedule {pair}", numbers, nullptr},
    {"dana", "schedule weekly tue 15:00 {pair}", refused, nullptr},
    {"dana", "meeting at tomorrow 15:00 {pair}", refused, nullptr},
    {"dana", "meeting start {pair}", refused, nullptr},
    {"dana", "pause until in 2 weeks {pair}", refused, nullptr},
    {"dana", "snooze 1 1h {pair}", refused, nullptr},
    {"dana", "health {pair}", numbers, nullptr},
    {"dana", "retro helped: more {pair}", refused, nullptr},
    {"dana", "export {pair}", if_shared, "SECRET-NOTE"},
};

std::string with_pair(std::string text, const std::string& clause) {
    const auto at = text.find("{pair}");
    if (at != std::string::npos) text.replace(at, 6, clause);
    while (!text.empty() && text.back() == ' ') text.pop_back();
    return text;
}

std::string replaced(std::string s, const std::string& from, const std::string& to) {
    for (auto at = s.find(from); at != std::string::npos; at = s.find(from, at + to.size()))
        s.replace(at, from.size(), to);
    return s;
}

bool has_secret(const std::string& s) {
    return s.find("SECRET") != std::string::npos;
}

}  // namespace

TEST_CASE("Members may run every verb of their pair") {
    for (const Row& row : kRows) {
        Mentorship h;
        const std::string text = with_pair(row.text, "");
        INFO(row.member << ": " << text);
        auto r = h.run(row.member, text);
        CHECK(r.ok);
        if (row.content) CHECK_THAT(r.text, Catch::Contains(row.content));
    }
}

TEST_CASE("Outsiders get exactly the answer a pair that does not exist gets, and change nothing") {
    for (const Row& row : kRows) {
        Mentorship h;
        const std::string before = h.record();
        const std::string text = with_pair(row.text, "with @sam");
        INFO("eve: " << text);
        auto outsider = h.run("eve", text);
        auto nobody = h.run("eve", replaced(text, "@sam", "@ghost"));
        CHECK_FALSE(outsider.ok);
        CHECK(outsider.text == replaced(nobody.text, "@ghost", "@sam"));
        CHECK_FALSE(has_secret(outsider.text));
        CHECK(h.take_posts().empty());
        CHECK(h.record() == before);
    }
}

TEST_CASE("Coordinators see numbers but no content of a private pair, and change nothing") {
    for (const Row& row : kRows) {
        Mentorship h;
        const std::string before = h.record();
        const std::string text = with_pair(row.text, "with @sam");
        INFO("carol: " << text);
        auto r = h.run("carol", text);
        CHECK(r.ok == (row.coordinator == numbers));
        CHECK_FALSE(has_secret(r.text));
        CHECK(h.take_posts().empty());
        CHECK(h.record() == before);
    }
}

TEST_CASE(
    "A pair sharing with coordinators shows them its content, never private notes or feedback") {
    for (const Row& row : kRows) {
        Mentorship h;
        h.share_with_coordinators();
        const std::string before = h.record();
        const std::string text = with_pair(row.text, "with @sam");
        INFO("carol: " << text);
        auto r = h.run("carol", text);
        CHECK(r.ok == (row.coordinator != refused));
        if (row.content) CHECK_THAT(r.text, Catch::Contains(row.content));
        CHECK_THAT(r.text,
                   !Catch::Contains("SECRET-PRIVATE-NOTE") && !Catch::Contains("SECRET-FEEDBACK"));
        CHECK(h.take_posts().empty());
        CHECK(h.record() == before);
    }
}

TEST_CASE("Coordinators' numbers say how much there is without saying what") {
    Mentorship h;
    CHECK_THAT(h.run("carol", "goal list with @sam").text,
               Catch::Contains("Goals: 1 active (0 past their target), 0 done, 0 dropped"));
    CHECK_THAT(h.run("carol", "action list with @sam").text,
               Catch::Contains("Action items: 1 open (0 overdue), 0 done"));
    CHECK_THAT(h.run("carol", "agreement with @sam").text,
               Catch::Contains("Version 1: not signed yet by @dana or @sam") &&
                   Catch::Contains("private to the pair"));
    CHECK_THAT(h.run("carol", "checkin with @sam").text,
               Catch::Contains("The latest check-in was sent Mon 2 Nov 2026 09:00 UTC"));
}

TEST_CASE("Sharing opens only once both signed it, and either member closes it at once") {
    Mentorship h;
    REQUIRE(h.run("dana", "agreement set sharing coordinator").ok);
    REQUIRE(h.run("dana", "agreement sign").ok);
    CHECK_THAT(h.run("carol", "goal list with @sam").text, !Catch::Contains("SECRET-GOAL"));
    REQUIRE(h.run("sam", "agreement sign").ok);
    CHECK_THAT(h.run("carol", "goal list with @sam").text, Catch::Contains("SECRET-GOAL"));
    REQUIRE(h.run("sam", "agreement set purpose a new purpose").ok);  // unsigned, still sharing
    CHECK_THAT(h.run("carol", "goal list with @sam").text, Catch::Contains("SECRET-GOAL"));
    REQUIRE(h.run("sam", "agreement set sharing private").ok);
    CHECK_THAT(h.run("carol", "goal list with @sam").text, !Catch::Contains("SECRET-GOAL"));
}

TEST_CASE("Private notes and feedback reach nobody but their author and recipient") {
    Mentorship h;
    for (const std::string& post : h.setup_posts) {
        CHECK_THAT(post, !Catch::Contains("SECRET-PRIVATE-NOTE"));
        if (post.find("SECRET-FEEDBACK") != std::string::npos)
            CHECK_THAT(post, Catch::StartsWith("dm sam:"));
    }
    for (const Row& row : kRows) {
        if (row.coordinator == refused) continue;
        const std::string text = with_pair(row.text, "");
        INFO(text);
        CHECK_THAT(h.run("sam", text).text, !Catch::Contains("SECRET-PRIVATE-NOTE"));
        CHECK_THAT(h.run("dana", text).text, !Catch::Contains("SECRET-FEEDBACK"));
    }
}
