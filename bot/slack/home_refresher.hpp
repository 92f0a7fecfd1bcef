// bot/slack/home_refresher: keeps each person's App Home current without flooding views.publish
// — the first change publishes at once, later ones within the interval fold into one more.
#pragma once

#include <boost/asio/any_io_executor.hpp>
#include <boost/asio/awaitable.hpp>
#include <boost/asio/steady_timer.hpp>
#include <chrono>
#include <functional>
#include <memory>
#include <string>
#include <unordered_map>

namespace mentorbot::slack {

class HomeRefresher {
  public:
    using Publish = std::function<boost::asio::awaitable<void>(std::string user)>;
    // `publish` loads and publishes the home as it is when called.
    HomeRefresher(boost::asio::any_io_executor executor, std::chrono::milliseconds interval,
                  Publish publish);

    // The home of `user` changed (called on the executor's thread).
    void changed(const std::string& user);
    void stop();

  private:
    struct Refreshing {
        explicit Refreshing(boost::asio::any_io_executor ex) : rest(std::move(ex)) {}
        bool again = false;  // changed since the last publish began
        boost::asio::steady_timer rest;
    };
    boost::asio::awaitable<void> keep_current(std::string user);

    boost::asio::any_io_executor executor_;
    std::chrono::milliseconds interval_;
    Publish publish_;
    std::unordered_map<std::string, std::unique_ptr<Refreshing>> refreshing_;
    bool stopped_ = false;
};

}  // namespace mentorbot::slack
