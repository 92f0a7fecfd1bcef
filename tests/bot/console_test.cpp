// tests/bot/console_test: the console transport in-process — acting as people, where each message
// goes, and the simulated clock.
#include <catch2/catch.hpp>
#include <sstream>

#include "bot/console.hpp"
#include "bot/console_loop.hpp"
#include "handlers/when.hpp"

using namespace mentorbot;

namespace {

struct Console {
    Store store{":memory:"};
    Settings settings{{"console:carol"}, "Europe/Berlin"};
    ManualClock clock{*parse_simulated_start("2026-11-02T09:00", "Europe/Berlin")};
    std::ostringstream out;
    ConsoleSession session{store, settings, clock, &clock, out, find_zone("Europe/Berlin"), "me"};

    std::string type(const std::string& lines) {
        out.str("");
        std::istringstream in(lines);
        std::string line;
        while (std::getline(in, line)) session.handle_line(line);
        return out.str();
    }
};

}  // namespace

TEST_CASE("Each message shows its local time and where it went") {
    Console c;
    const std::string shown = c.type("/as dana\n/mentor pair @dana @sam\n");
    CHECK_THAT(shown, Catch::Contains("[2026-11-02 09:00 CET · private dana] Paired @dana"));
    CHECK_THAT(shown, Catch::Contains("[2026-11-02 09:00 CET · space dana+sam] == Welcome"));
}

TEST_CASE("/in a pair's space makes commands there mean that pair") {
    Console c;
    c.type("/as dana\n/mentor pair @dana @sam\n/mentor pair @dana @lee\n");
    CHECK_THAT(c.type("/mentor end\n"), Catch::Contains("you are in 2 pairs"));
    const std::string ended = c.type("/in dana+lee\n/mentor end\n");
    CHECK_THAT(ended, Catch::Contains("[2026-11-02 09:00 CET · space dana+lee] This mentorship pair "
                                      "was ended by @dana"));
    CHECK_THAT(c.type("/in lobby\n/mentor pairs\n"), Catch::Contains("@sam") && !Catch::Contains("@lee"));
}

TEST_CASE("/wait moves the simulated clock and /time shows it") {
    Console c;
    CHECK_THAT(c.type("/wait 90m\n/time\n"), Catch::Contains("Mon 2 Nov 2026 10:30 CET"));
    CHECK_THAT(c.type("/wait until fri 15:00\n/time\n"), Catch::Contains("Fri 6 Nov 2026 15:00 CET"));
    CHECK_THAT(c.type("/wait soon\n"), Catch::Contains("can't read the duration") &&
                                           Catch::Contains("Usage: /wait"));
    CHECK_THAT(c.type("/wait until today 08:00\n"), Catch::Contains("in the past"));
}

TEST_CASE("Messages queued for later are printed at their own time while waiting") {
    Console c;
    c.type("/as dana\n/mentor pair @dana @sam\n");
    const Person sam = *c.store.people.find(Platform::console, "sam");
    QueuedMessage later;
    later.platform = Platform::console;
    later.person = sam.id;
    later.kind = "test";
    later.body = serialize(Document().paragraph("your meeting is in 15 minutes"));
    later.due_at = c.clock.now() + std::chrono::hours{3};
    c.store.outbox.enqueue(later, c.clock.now());
    CHECK(c.type("/wait 2h\n").empty());
    CHECK_THAT(c.type("/wait 2h\n"),
               Catch::Contains("[2026-11-02 12:00 CET · dm sam] your meeting is in 15 minutes"));
}

TEST_CASE("Console mistakes get one line and the usage") {
    Console c;
    CHECK_THAT(c.type("/as bad name!\n"), Catch::Contains("Usage: /as <name>"));
    CHECK_THAT(c.type("hello\n"), Catch::Contains("commands start with /mentor"));
    CHECK(c.type("# a comment\n\n").empty());
    CHECK_FALSE(c.session.handle_line("/quit"));
}

TEST_CASE("A simulated start is read as local time in the console's zone") {
    auto t = parse_simulated_start("2026-07-01T09:00", "America/New_York");
    REQUIRE(t);
    CHECK(format_local(*t, find_zone("UTC")) == "Wed 1 Jul 2026 13:00 UTC");
    CHECK(parse_simulated_start("2026-07-01 09:00:30", "UTC"));
    CHECK_FALSE(parse_simulated_start("July 1st", "UTC"));
    CHECK_FALSE(parse_simulated_start("2026-07-01T09:00", "Nowhere/Else"));
}
