// bot/slack/channel_pacer: per-channel pacing (a generic cell-rate limiter: steady rate + burst).
#include "bot/slack/channel_pacer.hpp"

#include <boost/asio/as_tuple.hpp>
#include <boost/asio/steady_timer.hpp>
#include <boost/asio/use_awaitable.hpp>

namespace mentorbot::slack {
namespace asio = boost::asio;

ChannelPacer::ChannelPacer(asio::any_io_executor executor, std::chrono::milliseconds interval,
                           int burst)
    : executor_(executor), interval_(interval), burst_(std::max(burst, 1)) {}

asio::awaitable<void> ChannelPacer::take(const std::string& channel) {
    const Time now = std::chrono::steady_clock::now();
    Time& next = next_[channel];
    if (next < now) next = now;
    // Posts may run ahead of the steady rate by burst - 1 intervals.
    const Time allowed_at = next - interval_ * (burst_ - 1);
    next += interval_;
    if (allowed_at > now) {
        asio::steady_timer timer(executor_, allowed_at);
        co_await timer.async_wait(asio::as_tuple(asio::use_awaitable));
    }
}

}  // namespace mentorbot::slack
