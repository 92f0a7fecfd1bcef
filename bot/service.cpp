// bot/service: runs the configured platform transports side by side in one process.
#include "bot/service.hpp"

#include <spdlog/spdlog.h>

#include <boost/asio/co_spawn.hpp>
#include <boost/asio/detached.hpp>
#include <boost/asio/post.hpp>
#include <boost/asio/signal_set.hpp>
#include <csignal>

namespace mentorbot {
namespace asio = boost::asio;

Service::Service(Store& store, const Settings& settings, const Clock& clock)
    : storage_(store),
      clock_(clock),
      commands_(storage_, settings, clock),
      reminders_(storage_, settings, clock, io_.get_executor(), [this] { wake_pumps(); }) {
    // A busy stream of commands must not cost each batch two more trips to the database.
    commands_.on_committed([this](const CommandRunner::Committed& c) {
        if (c.messages_queued) wake_pumps();
        if (c.reminders_planned) reminders_.wake();
    });
}

void Service::wake_pumps() {
    for (auto& pump : pumps_) pump->wake();
}

Service::~Service() {
    // A command still running on the storage thread wakes the pumps when it commits: finish it
    // while they exist.
    storage_.finish();
}

void Service::add(std::unique_ptr<Transport> transport) {
    pumps_.push_back(
        std::make_unique<OutboxPump>(storage_, *transport, clock_, io_.get_executor()));
    transports_.push_back(std::move(transport));
}

void Service::wake_outbox() {
    wake_pumps();
    reminders_.wake();  // the commands that queued messages may have planned reminders too
}

void Service::stop() {
    asio::post(io_, [this] {
        for (auto& t : transports_) t->stop();
        for (auto& p : pumps_) p->stop();
        reminders_.stop();
    });
}

int Service::run() {
    asio::signal_set signals(io_, SIGINT, SIGTERM);
    signals.async_wait([this](const boost::system::error_code& ec, int signal) {
        if (ec) return;
        spdlog::info("signal {} received: finishing pending writes and stopping", signal);
        stop();
    });
    std::size_t running = transports_.size();
    for (std::size_t i = 0; i < transports_.size(); ++i) {
        Transport& t = *transports_[i];
        asio::co_spawn(io_, t.run(), [this, &t, &running, &signals](std::exception_ptr e) {
            if (e) {
                try {
                    std::rethrow_exception(e);
                } catch (const FatalTransportError& fatal) {
                    spdlog::critical("{}: {}", to_string(t.platform()), fatal.what());
                    exit_code_ = 3;
                } catch (const std::exception& other) {
                    spdlog::critical("{} stopped unexpectedly: {}", to_string(t.platform()),
                                     other.what());
                    exit_code_ = 1;
                }
                stop();
            }
            if (--running == 0) signals.cancel();
        });
        asio::co_spawn(io_, pumps_[i]->run(), [&t](std::exception_ptr e) {
            if (!e) return;
            try {
                std::rethrow_exception(e);
            } catch (const std::exception& error) {
                spdlog::error("{} outbox stopped: {}", to_string(t.platform()), error.what());
            }
        });
    }
    asio::co_spawn(io_, reminders_.run(), [](std::exception_ptr e) {
        if (!e) return;
        try {
            std::rethrow_exception(e);
        } catch (const std::exception& error) {
            spdlog::error("the reminder timer stopped: {}", error.what());
        }
    });
    wake_pumps();  // deliver what was queued while the bot was down
    io_.run();
    return exit_code_;
}

}  // namespace mentorbot
