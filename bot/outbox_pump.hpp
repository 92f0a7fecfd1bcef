// bot/outbox_pump: delivers one platform's queued messages through its transport — in order for
// each destination, destinations side by side — marking each sent only once the platform
// confirmed it, and putting it back with a delay when the platform asks to wait.
#pragma once

#include <boost/asio/any_io_executor.hpp>
#include <boost/asio/awaitable.hpp>
#include <boost/asio/steady_timer.hpp>
#include <optional>
#include <vector>

#include "bot/clock.hpp"
#include "bot/storage_thread.hpp"
#include "bot/transport.hpp"

namespace mentorbot {

class OutboxPump {
public:
    OutboxPump(StorageThread& storage, Transport& transport, const Clock& clock,
               boost::asio::any_io_executor executor);

    boost::asio::awaitable<void> run();
    // Something new may be due; callable from any thread.
    void wake();
    void stop();

    // After this many attempts a message is dropped (and logged) instead of retried.
    static constexpr int kMaxAttempts = 8;

private:
    // What one trip to the database finds: the messages due now, or when the next one will be.
    struct Look {
        std::vector<Addressed> due;
        std::optional<Instant> next;  // only when nothing is due
    };
    boost::asio::awaitable<void> deliver_lane(std::vector<Addressed> lane);
    std::chrono::seconds backoff(int attempts) const;

    StorageThread& storage_;
    Transport& transport_;
    const Clock& clock_;
    boost::asio::steady_timer timer_;
    bool woken_ = false;
    bool stopped_ = false;
};

}  // namespace mentorbot
