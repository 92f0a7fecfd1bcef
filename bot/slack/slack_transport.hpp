// bot/slack/slack_transport: mentorbot on Slack — Socket Mode links kept alive and refreshed,
// slash commands run and acked within Slack's 3 seconds, queued messages posted via the Web API.
#pragma once

#include <boost/asio/any_io_executor.hpp>
#include <boost/asio/awaitable.hpp>
#include <boost/asio/ssl/context.hpp>
#include <boost/asio/steady_timer.hpp>
#include <chrono>
#include <deque>
#include <memory>
#include <random>
#include <unordered_map>
#include <vector>

#include "bot/command_runner.hpp"
#include "bot/slack/channel_pacer.hpp"
#include "bot/slack/envelope_window.hpp"
#include "bot/slack/frames.hpp"
#include "bot/slack/home_refresher.hpp"
#include "bot/slack/profiles.hpp"
#include "bot/slack/render.hpp"
#include "bot/slack/response_url.hpp"
#include "bot/slack/socket_link.hpp"
#include "bot/slack/web_api.hpp"
#include "bot/storage_thread.hpp"
#include "bot/transport.hpp"
#include "config/config.hpp"

namespace mentorbot {

class Service;

struct SlackOptions {
    SlackConfig config;  // tokens and the API URL
    slack::LinkTimeouts link;
    // An answer ready within this long rides in the ack; later ones go to response_url. Slack
    // shows "operation_timeout" after 3 s.
    std::chrono::milliseconds ack_budget{2'000};
    std::chrono::milliseconds http_timeout{10'000};
    std::chrono::milliseconds reconnect_first{1'000};  // backoff: doubled per failure, jittered
    std::chrono::milliseconds reconnect_cap{60'000};
    std::chrono::milliseconds post_interval{1'000};  // per channel, with a burst of post_burst
    int post_burst = 3;
    // At most one App Home publish per person per interval (views.publish is rate-limited);
    // changes within it are shown by one publish at its end.
    std::chrono::milliseconds home_interval{10'000};
    int api_connections = 2;
};

class SlackTransport final : public Transport {
  public:
    SlackTransport(boost::asio::any_io_executor executor, StorageThread& storage,
                   CommandRunner& commands, SlackOptions options);
    ~SlackTransport() override;

    Platform platform() const override { return Platform::slack; }
    boost::asio::awaitable<void> run() override;
    boost::asio::awaitable<SendResult> send(const Addressed& message) override;
    void stop() override;

  private:
    // One Socket Mode link and what the run loop needs to know about it.
    struct Link {
        explicit Link(std::shared_ptr<slack::SocketLink> s, boost::asio::any_io_executor ex)
            : socket(std::move(s)), acked(ex) {}
        std::shared_ptr<slack::SocketLink> socket;
        int in_flight = 0;                // envelopes read on it and not yet acked
        boost::asio::steady_timer acked;  // cancelled whenever in_flight goes down
        bool ended = false;
        bool retiring = false;
        bool refresh = false;  // Slack asked for a new link (warning, refresh_requested)
        bool too_many = false;
        bool disabled = false;  // link_disabled: Socket Mode was turned off
    };
    // A slash command from its envelope to its ack (slack_envelopes.cpp).
    struct Answering;

    // slack_transport.cpp: the links' lifecycle.
    boost::asio::awaitable<void> check_bot_token();  // auth.test; throws when refused
    boost::asio::awaitable<std::shared_ptr<Link>> connect();
    boost::asio::awaitable<std::shared_ptr<Link>> open_link();
    boost::asio::awaitable<void> read_frames(std::shared_ptr<Link> link);
    boost::asio::awaitable<void> retire(std::shared_ptr<Link> link);
    boost::asio::awaitable<void> pause(std::chrono::milliseconds how_long);
    boost::asio::awaitable<void> until_changed();
    std::chrono::milliseconds backoff(int failures);
    void changed();

    // slack_envelopes.cpp: what arrives on a link.
    void on_frame(const std::shared_ptr<Link>& link, slack::Frame frame);
    // The link an ack for an envelope that came on `link` leaves by: that one, or the newest
    // when that one is closing; none when no link can write.
    slack::SocketLink* ack_carrier(Link& link);
    // Sends an ack by ack_carrier; false when no link can take it.
    bool send_ack(Link& link, std::string frame);
    void handle_slash(const std::shared_ptr<Link>& link, slack::SlashCommand slash);
    void run_slash(const std::shared_ptr<Answering>& slash, std::optional<std::string> zone);
    void answered(const std::shared_ptr<Answering>& slash, Dispatched done);
    void send_answer(const std::shared_ptr<Answering>& slash, Dispatched done);
    // Acks, without their answers, the commands whose budget ran out; one timer for all of them.
    void watch_ack_deadline();
    void ack_overdue();
    void acked(Answering& slash);
    boost::asio::awaitable<void> deliver_late(slack::SlashCommand slash,
                                              std::vector<slack::SlackMessage> messages);
    boost::asio::awaitable<void> publish_home(std::string user);

    // slack_delivery.cpp: queued messages out.
    boost::asio::awaitable<std::optional<std::string>> channel_for(const Addressed& message,
                                                                   SendResult& failure);

    boost::asio::any_io_executor executor_;
    StorageThread& storage_;
    CommandRunner& commands_;
    SlackOptions options_;
    boost::asio::ssl::context tls_;
    slack::WebApi socket_api_;  // app-level token: apps.connections.open
    slack::WebApi web_api_;     // bot token: everything else
    slack::ResponseUrls responses_;
    slack::Profiles profiles_;
    slack::ChannelPacer pacer_;
    slack::EnvelopeWindow handled_;
    slack::HomeRefresher homes_;
    boost::asio::steady_timer changed_;  // wakes the run loop
    boost::asio::steady_timer pause_;    // reconnect backoff; cancelled by stop()
    // Commands not yet acked, oldest first (so in the order their budgets run out), and the one
    // timer set for the oldest.
    std::deque<std::shared_ptr<Answering>> answering_;
    boost::asio::steady_timer ack_deadline_;
    bool ack_deadline_set_ = false;
    std::vector<std::shared_ptr<Link>> links_;
    std::unordered_map<std::int64_t, std::string> dm_channels_;  // person id → DM channel
    std::minstd_rand jitter_{std::random_device{}()};
    int link_count_ = 0;
    bool stopped_ = false;
};

// The Slack transport of a Service, configured from the environment's tokens and API URL.
std::unique_ptr<Transport> make_slack_transport(Service& service, const SlackConfig& config);

}  // namespace mentorbot
