// bot/reminder_driver: the thin timer part of the reminder engine — one timer, armed for the
// earliest pending reminder (never one per reminder); when it rings, the engine fires what is
// due on the storage thread and the outbox pumps are woken.
#pragma once

#include <boost/asio/any_io_executor.hpp>
#include <boost/asio/awaitable.hpp>
#include <boost/asio/steady_timer.hpp>
#include <functional>

#include "bot/clock.hpp"
#include "bot/storage_thread.hpp"
#include "handlers/command.hpp"

namespace mentorbot {

class ReminderDriver {
public:
    ReminderDriver(StorageThread& storage, const Settings& settings, const Clock& clock,
                   boost::asio::any_io_executor executor, std::function<void()> on_fired);

    boost::asio::awaitable<void> run();
    void wake();  // reminders changed; callable from any thread
    void stop();

private:
    StorageThread& storage_;
    const Settings& settings_;
    const Clock& clock_;
    boost::asio::steady_timer timer_;
    std::function<void()> on_fired_;
    bool woken_ = false;
    bool stopped_ = false;
};

}  // namespace mentorbot
