// bot/transport: what every chat platform adapter offers the rest of the bot — a receive loop
// that turns platform input into Commands, and the sending of one queued message.
#pragma once

#include <boost/asio/awaitable.hpp>
#include <chrono>
#include <stdexcept>
#include <string>

#include "bot/addressed.hpp"

namespace mentorbot {

// The platform refused us for good (bad token, app disabled): the bot stops with this message.
struct FatalTransportError : std::runtime_error {
    using std::runtime_error::runtime_error;
};

struct SendResult {
    enum class Status { sent, retry, failed };
    Status status = Status::sent;
    std::string platform_ref;  // Slack ts, Matrix event id
    std::chrono::milliseconds retry_after{0};  // with retry: the platform's wait, 0 = back off
    std::string error;

    static SendResult sent(std::string ref) { return {Status::sent, std::move(ref), {}, {}}; }
    static SendResult retry(std::chrono::milliseconds after, std::string why) {
        return {Status::retry, {}, after, std::move(why)};
    }
    static SendResult failed(std::string why) { return {Status::failed, {}, {}, std::move(why)}; }
};

class Transport {
public:
    virtual ~Transport() = default;
    virtual Platform platform() const = 0;
    // Receives platform input and runs commands until stop(); throws FatalTransportError when
    // the platform refuses the bot for good.
    virtual boost::asio::awaitable<void> run() = 0;
    // Posts one queued message (opening the pair's space first if it has none yet). Must not
    // throw for platform errors: it says sent, retry or failed.
    virtual boost::asio::awaitable<SendResult> send(const Addressed& message) = 0;
    virtual void stop() = 0;
};

}  // namespace mentorbot
