// bot/reminder_driver: one timer for the earliest pending reminder; the engine does the rest.
#include "bot/reminder_driver.hpp"

#include <spdlog/spdlog.h>

#include <boost/asio/post.hpp>
#include <boost/asio/redirect_error.hpp>
#include <boost/asio/use_awaitable.hpp>

#include "handlers/reminder_engine.hpp"

namespace mentorbot {
namespace asio = boost::asio;
using namespace std::chrono_literals;

ReminderDriver::ReminderDriver(StorageThread& storage, const Settings& settings, const Clock& clock,
                               asio::any_io_executor executor, std::function<void()> on_fired)
    : storage_(storage), settings_(settings), clock_(clock), timer_(executor),
      on_fired_(std::move(on_fired)) {}

void ReminderDriver::wake() {
    asio::post(timer_.get_executor(), [this] {
        woken_ = true;
        timer_.cancel();
    });
}

void ReminderDriver::stop() {
    asio::post(timer_.get_executor(), [this] {
        stopped_ = true;
        timer_.cancel();
    });
}

asio::awaitable<void> ReminderDriver::run() {
    while (!stopped_) {
        woken_ = false;
        auto next_due = [](Store& s) { return s.reminders.next_due(); };
        const auto next = co_await storage_.run(std::move(next_due));
        if (next && *next <= clock_.now()) {
            auto fire = [this](Store& s) { return fire_due(s, settings_, clock_.now()); };
            const FireReport report = co_await storage_.run(std::move(fire));
            for (const std::string& drop : report.drops) spdlog::info("dropped {}", drop);
            if (report.sent > 0) spdlog::debug("{} reminders fired", report.sent);
            if (report.sent > 0 && on_fired_) on_fired_();
            continue;
        }
        if (stopped_ || woken_) continue;
        // Re-checked at least hourly, so a clock jump is noticed.
        const auto wait = next ? std::min<Instant::duration>(*next - clock_.now(), 1h) : Instant::duration(1h);
        timer_.expires_after(wait);
        boost::system::error_code ec;
        co_await timer_.async_wait(asio::redirect_error(asio::use_awaitable, ec));
    }
}

}  // namespace mentorbot
