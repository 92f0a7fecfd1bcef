// bot/slack/home_refresher: keeps each person's App Home current without flooding views.publish
// — the first change publishes at once, later ones within the interval fold into one more.
#include "bot/slack/home_refresher.hpp"

#include <boost/asio/as_tuple.hpp>
#include <boost/asio/co_spawn.hpp>
#include <boost/asio/detached.hpp>
#include <boost/asio/use_awaitable.hpp>
#include <functional>

namespace mentorbot::slack {
namespace asio = boost::asio;

HomeRefresher::HomeRefresher(asio::any_io_executor executor, std::chrono::milliseconds interval,
                             Publish publish)
    : executor_(std::move(executor)), interval_(interval), publish_(std::move(publish)) {}

void HomeRefresher::changed(const std::string& user) {
    if (stopped_) return;
    if (auto it = refreshing_.find(user); it != refreshing_.end()) {
        it->second->again = true;
        return;
    }
    refreshing_.emplace(user, std::make_unique<Refreshing>(executor_));
    asio::co_spawn(executor_, keep_current(user), asio::detached);
}

void HomeRefresher::stop() {
    stopped_ = true;
    for (auto& [user, r] : refreshing_) r->rest.cancel();
}

asio::awaitable<void> HomeRefresher::keep_current(std::string user) {
    // Only this coroutine erases the entry, so the reference stays valid across its waits.
    Refreshing& r = *refreshing_.at(user);
    do {
        r.again = false;
        auto publishing = publish_(user);  // named first: g++ 12 mis-frees temporaries in co_await
        co_await std::move(publishing);
        if (stopped_) break;
        // Rest before publishing again; changes meanwhile are shown by the one publish after.
        // Each person rests a little longer or shorter than the next (up to a quarter more, the
        // same for them each time): homes changed by one burst of commands are then read one by
        // one over a second or two, instead of dozens of reads queued at once ahead of commands
        // on the storage thread.
        const auto spread =
            interval_ * static_cast<int>(std::hash<std::string>{}(user) % 256) / 1024;
        r.rest.expires_after(interval_ + spread);
        co_await r.rest.async_wait(asio::as_tuple(asio::use_awaitable));
    } while (!stopped_ && r.again);
    refreshing_.erase(user);
}

}  // namespace mentorbot::slack
