// tests/slack/channel_pacer_test: posts to one channel go out in a short burst, then one per
// interval; another channel is not held back by it.
#include <boost/asio/co_spawn.hpp>
#include <boost/asio/detached.hpp>
#include <boost/asio/io_context.hpp>
#include <catch2/catch.hpp>

#include "bot/slack/channel_pacer.hpp"

using namespace mentorbot::slack;
namespace asio = boost::asio;
using namespace std::chrono_literals;
using Clock = std::chrono::steady_clock;

TEST_CASE(
    "A channel gets a burst of three, then one post per interval; other channels go at once") {
    asio::io_context io;
    ChannelPacer pacer(io.get_executor(), 40ms, 3);
    std::vector<Clock::duration> busy, quiet;
    const auto start = Clock::now();
    asio::co_spawn(
        io,
        [&]() -> asio::awaitable<void> {
            for (int i = 0; i < 5; ++i) {
                const std::string channel = "G1";
                co_await pacer.take(channel);
                busy.push_back(Clock::now() - start);
                if (i == 3) {
                    const std::string other = "G2";
                    co_await pacer.take(other);
                    quiet.push_back(Clock::now() - start);
                }
            }
        },
        asio::detached);
    io.run();
    REQUIRE(busy.size() == 5);
    CHECK(busy[2] < 30ms);   // the burst
    CHECK(busy[3] >= 40ms);  // then the steady rate
    CHECK(busy[4] >= 80ms);
    REQUIRE(quiet.size() == 1);
    CHECK(quiet[0] - busy[3] < 30ms);
}
