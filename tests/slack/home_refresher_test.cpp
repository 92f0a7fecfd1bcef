// tests/slack/home_refresher_test: a burst of changes to one person's App Home gives one publish
// at once and one more after the rest, never one per change; other people are not held back.
#include <boost/asio/io_context.hpp>
#include <catch2/catch.hpp>
#include <map>

#include "bot/slack/home_refresher.hpp"

using namespace mentorbot::slack;
namespace asio = boost::asio;
using namespace std::chrono_literals;

TEST_CASE("Changes to a home within the interval fold into one more publish") {
    asio::io_context io;
    std::map<std::string, int> published;
    HomeRefresher* refresher = nullptr;
    HomeRefresher homes(io.get_executor(), 0ms, [&](std::string user) -> asio::awaitable<void> {
        if (++published[user] == 1 && user == "U1") {
            refresher->changed("U1");  // two more changes while the first publish is under way
            refresher->changed("U1");
        }
        co_return;
    });
    refresher = &homes;
    homes.changed("U1");
    homes.changed("U1");  // before the first publish began: it shows this one too
    homes.changed("U2");
    io.run();
    CHECK(published["U1"] == 2);  // at once, then one more for the changes during it
    CHECK(published["U2"] == 1);
    // Quiet again: the next change publishes at once.
    homes.changed("U1");
    io.restart();
    io.run();
    CHECK(published["U1"] == 3);
}

TEST_CASE("After stop no home is published") {
    asio::io_context io;
    int published = 0;
    HomeRefresher homes(io.get_executor(), 0ms, [&](std::string) -> asio::awaitable<void> {
        ++published;
        co_return;
    });
    homes.stop();
    homes.changed("U1");
    io.run();
    CHECK(published == 0);
}
