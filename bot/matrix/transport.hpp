// bot/matrix/transport: mentorbot on a Matrix homeserver — signs in (keeping its token and device),
// follows /sync, joins rooms it is invited to, runs `!mentor` commands, and posts notices.
#pragma once

#include <boost/asio/any_io_executor.hpp>
#include <boost/asio/ssl/context.hpp>
#include <boost/asio/steady_timer.hpp>
#include <functional>
#include <random>

#include "bot/clock.hpp"
#include "bot/matrix/api.hpp"
#include "bot/matrix/sync.hpp"
#include "bot/storage_thread.hpp"
#include "bot/transport.hpp"
#include "config/config.hpp"
#include "handlers/command.hpp"

namespace mentorbot {

struct MatrixOptions {
    std::chrono::milliseconds sync_wait{30'000};     // how long one /sync may wait for news
    std::chrono::milliseconds backoff_first{1'000};  // after the first failure; doubles, jittered
    std::chrono::milliseconds backoff_cap{60'000};
};

class MatrixTransport final : public Transport {
  public:
    // `on_queued` is called after a sync's commands queued messages (wakes the outbox pump).
    // Throws std::invalid_argument when the homeserver is not an http(s) URL.
    MatrixTransport(boost::asio::any_io_executor executor, StorageThread& storage,
                    const Settings& settings, const Clock& clock, MatrixConfig config,
                    std::function<void()> on_queued, MatrixOptions options = {});

    Platform platform() const override { return Platform::matrix; }
    boost::asio::awaitable<void> run() override;
    boost::asio::awaitable<SendResult> send(const Addressed& message) override;
    void stop() override;

    const std::string& user_id() const { return me_; }

  private:
    boost::asio::awaitable<void> sign_in();
    boost::asio::awaitable<matrix::LoginAnswer> log_in(std::string device_id);
    boost::asio::awaitable<void> sync_once();
    boost::asio::awaitable<void> answer_invite(matrix::RoomInvite invite);
    boost::asio::awaitable<std::optional<std::vector<matrix::RoomMember>>> members_of(
        std::string room);
    boost::asio::awaitable<std::string> room_for(const Addressed& message);
    boost::asio::awaitable<void> pause(std::chrono::milliseconds wait);
    boost::asio::awaitable<void> until_signed_in();
    std::chrono::milliseconds backoff(int failures);
    void use_token(const std::string& token);

    StorageThread& storage_;
    const Settings& settings_;
    const Clock& clock_;
    MatrixConfig config_;
    std::function<void()> on_queued_;
    MatrixOptions options_;
    boost::asio::ssl::context tls_;
    HttpClient sync_http_;  // the long-poll has a connection of its own
    HttpClient send_http_;
    matrix::Api sync_api_{sync_http_};
    matrix::Api send_api_{send_http_};
    boost::asio::steady_timer pause_timer_;
    boost::asio::steady_timer signed_in_;  // waiters wake when it is cancelled
    std::minstd_rand jitter_{std::random_device{}()};
    std::string me_;
    bool ready_ = false;
    bool stopped_ = false;
};

}  // namespace mentorbot
