// bot/service: runs the configured platform transports side by side in one process — one I/O
// thread for the sockets, the storage thread for the database, an outbox pump per platform —
// until SIGINT/SIGTERM or a platform refuses the bot for good.
#pragma once

#include <boost/asio/io_context.hpp>
#include <memory>
#include <vector>

#include "bot/clock.hpp"
#include "bot/command_runner.hpp"
#include "bot/outbox_pump.hpp"
#include "bot/reminder_driver.hpp"
#include "bot/storage_thread.hpp"
#include "bot/transport.hpp"

namespace mentorbot {

class Service {
public:
    Service(Store& store, const Settings& settings, const Clock& clock);
    ~Service();

    boost::asio::io_context& io() { return io_; }
    StorageThread& storage() { return storage_; }
    CommandRunner& commands() { return commands_; }
    const Clock& clock() const { return clock_; }

    void add(std::unique_ptr<Transport> transport);
    // Runs until stopped; returns the exit code (0 clean stop, 3 a platform refused the bot).
    int run();
    void stop();  // callable from any thread
    // Messages were queued outside the command runner (e.g. by a transport's own batch).
    // After a commit made outside the command runner: wakes the pumps and the reminder timer.
    void wake_outbox();  // callable from any thread

private:
    void wake_pumps();

    // Run by one thread only: Asio then queues the work a handler posts to its own thread
    // without a lock and without waking the reactor for it.
    boost::asio::io_context io_{1};
    StorageThread storage_;
    const Clock& clock_;
    CommandRunner commands_;
    ReminderDriver reminders_;
    std::vector<std::unique_ptr<Transport>> transports_;
    std::vector<std::unique_ptr<OutboxPump>> pumps_;
    int exit_code_ = 0;
};

}  // namespace mentorbot
