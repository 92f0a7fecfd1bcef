// bot/slack/channel_pacer: spaces out posts to each channel — about one a second, with a short
// burst allowed — so a 09:00 burst of reminders goes out whole instead of tripping Slack's limit.
#pragma once

#include <boost/asio/any_io_executor.hpp>
#include <boost/asio/awaitable.hpp>
#include <chrono>
#include <string>
#include <unordered_map>

namespace mentorbot::slack {

class ChannelPacer {
  public:
    ChannelPacer(boost::asio::any_io_executor executor, std::chrono::milliseconds interval,
                 int burst);

    // Resumes when a post to `channel` may go out (at once while within the burst).
    boost::asio::awaitable<void> take(const std::string& channel);

  private:
    using Time = std::chrono::steady_clock::time_point;
    boost::asio::any_io_executor executor_;
    std::chrono::milliseconds interval_;
    int burst_;
    // Per channel, the theoretical time the next post would be due at a steady rate.
    std::unordered_map<std::string, Time> next_;
};

}  // namespace mentorbot::slack
