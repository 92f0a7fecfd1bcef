// tests/handlers/reminder_engine_test: reminders fire once, in bounded batches, late after
// downtime, dropped when they no longer make sense — also after a crash in the middle.
#include <signal.h>
#include <sys/wait.h>
#include <unistd.h>

#include <catch2/catch.hpp>
#include <filesystem>

#include "handlers/reminder_engine.hpp"
#include "support/harness.hpp"

using namespace mentorbot;
using namespace std::chrono_literals;

namespace {

std::vector<std::string> kinds_of(Store& store, Instant now) {
    std::vector<std::string> out;
    for (auto& m : store.outbox.due(Platform::console, now, 1000)) {
        out.push_back(m.kind + (m.late ? " (late)" : ""));
        store.outbox.mark_sent(m.id, now, "test");
    }
    return out;
}

// dana mentors sam; weekly Tuesday 15:00 UTC meetings, set on Monday 2 Nov 09:00.
void weekly_pair(testing::Harness& h) {
    REQUIRE(h.run("dana", "pair @dana @sam").ok);
    REQUIRE(h.run("dana", "schedule weekly tue 15:00 45m").ok);
    h.take_posts();
}

}  // namespace

TEST_CASE("Each reminder fires once, at its time, and firing again sends nothing") {
    testing::Harness h;
    weekly_pair(h);
    auto fire_at = [&](const char* when) {
        h.now = testing::at(when);
        fire_due(h.store, h.settings, h.now);
        return kinds_of(h.store, h.now);
    };
    CHECK(fire_at("2026-11-02 14:59").empty());
    CHECK(fire_at("2026-11-02 15:00") == std::vector<std::string>{"reminder.prep"});
    CHECK(fire_at("2026-11-02 15:00").empty());
    CHECK(fire_at("2026-11-03 14:45") == std::vector<std::string>{"reminder.meeting"});
    CHECK(fire_at("2026-11-03 15:00") == std::vector<std::string>{"reminder.start"});
    CHECK(fire_at("2026-11-03 15:55") == std::vector<std::string>{"reminder.recap"});
    CHECK(fire_at("2026-11-03 16:00").empty());
}

TEST_CASE("The engine fires a bounded batch at a time, earliest first") {
    testing::Harness h;
    weekly_pair(h);
    h.now = testing::at("2026-11-03 16:00");
    const FireReport first = fire_due(h.store, h.settings, h.now, 2);
    CHECK(first.sent + first.dropped == 2);
    const FireReport rest = fire_due(h.store, h.settings, h.now, 100);
    CHECK(rest.sent + rest.dropped == 2);
}

TEST_CASE("After downtime, due reminders come late and stale ones are dropped") {
    testing::Harness h;
    weekly_pair(h);
    // The bot was down from before the prep reminder until after the meeting.
    h.now = testing::at("2026-11-03 17:00");
    const FireReport r = fire_due(h.store, h.settings, h.now);
    CHECK(kinds_of(h.store, h.now) == std::vector<std::string>{"reminder.recap (late)"});
    CHECK(r.dropped == 3);
    CHECK_THAT(r.drops[0], Catch::Contains("(prep)") && Catch::Contains("already started"));
    CHECK_THAT(r.drops[1], Catch::Contains("(meeting)") && Catch::Contains("already ended"));
}

TEST_CASE("Skipping a meeting takes its reminders away and plans the next one") {
    testing::Harness h;
    weekly_pair(h);
    REQUIRE(h.run("sam", "meeting skip travelling").ok);
    h.take_posts();
    h.now = testing::at("2026-11-03 23:00");
    fire_due(h.store, h.settings, h.now);
    CHECK(kinds_of(h.store, h.now).empty());
    h.now = testing::at("2026-11-09 15:00");
    fire_due(h.store, h.settings, h.now);
    const auto kinds = kinds_of(h.store, h.now);
    CHECK_THAT(kinds, Catch::VectorContains(std::string("reminder.prep")));
    CHECK_THAT(kinds, !Catch::VectorContains(std::string("reminder.start (late)")));
}

TEST_CASE("Ending a pair stops its reminders") {
    testing::Harness h;
    weekly_pair(h);
    REQUIRE(h.run("dana", "end").ok);
    h.take_posts();
    h.now = testing::at("2027-06-01 00:00");
    fire_due(h.store, h.settings, h.now);
    CHECK(kinds_of(h.store, h.now).empty());
    CHECK(h.store.reminders.pending_count() == 0);
}

TEST_CASE("A crash in the middle loses no reminder and sends none twice") {
    const auto path = (std::filesystem::temp_directory_path() /
                       ("mentorbot-crash-" + std::to_string(::getpid()) + ".db"))
                          .string();
    std::filesystem::remove(path);
    {
        Store store(path);
        Settings settings;
        Command c;
        c.platform = Platform::console;
        c.conversation = "lobby";
        c.user = c.user_name = "dana";
        c.text = "pair @dana @sam";
        REQUIRE(dispatch(c, store, settings, testing::at("2026-11-02 09:00")).ok);
        c.text = "schedule weekly tue 15:00 45m";
        REQUIRE(dispatch(c, store, settings, testing::at("2026-11-02 09:00")).ok);
    }
    // The bot fires the prep reminder, then dies in the middle of its next transaction.
    const pid_t child = ::fork();
    REQUIRE(child >= 0);
    if (child == 0) {
        Store store(path);
        Settings settings;
        fire_due(store, settings, testing::at("2026-11-02 15:00"));
        Database::Transaction tx(store.db);
        store.reminders.drop_kind(PairId{1}, "start", std::nullopt, "half-written",
                                  testing::at("2026-11-02 16:00"));
        ::kill(::getpid(), SIGKILL);  // no commit, no clean close
    }
    int status = 0;
    ::waitpid(child, &status, 0);
    REQUIRE(WIFSIGNALED(status));

    // It restarts on the same file after the meeting's start.
    Store store(path);
    Settings settings;
    const Instant later = testing::at("2026-11-03 15:20");
    const FireReport r = fire_due(store, settings, later);
    std::vector<std::string> kinds;
    for (auto& m : store.outbox.due(Platform::console, later, 100))
        kinds.push_back(m.kind + (m.late ? " (late)" : ""));
    // The welcome and schedule posts were never delivered; the prep fired once before the crash;
    // the meeting reminder is late but its meeting is still on; the start is late too.
    CHECK(std::count(kinds.begin(), kinds.end(), "reminder.prep") == 1);
    CHECK(std::count(kinds.begin(), kinds.end(), "reminder.meeting (late)") == 1);
    CHECK(std::count(kinds.begin(), kinds.end(), "reminder.start (late)") == 1);
    CHECK(r.dropped == 0);
    CHECK(fire_due(store, settings, later).sent == 0);
    std::filesystem::remove(path);
    std::filesystem::remove(path + "-wal");
    std::filesystem::remove(path + "-shm");
}
