// bot/slack/slack_envelopes: what arrives on a Socket Mode link — slash commands run and answered
// in the ack when ready in time (else acked at once and answered by response_url), App Home
// openings, and everything else acked and left alone.
#include <spdlog/spdlog.h>

#include <date/date.h>
#include <boost/asio/co_spawn.hpp>
#include <boost/asio/detached.hpp>

#include "bot/slack/home_view.hpp"
#include "bot/slack/render.hpp"
#include "bot/slack/slack_transport.hpp"
#include "handlers/home_summary.hpp"

namespace mentorbot {
namespace asio = boost::asio;

struct SlackTransport::Answering {
    std::shared_ptr<Link> link;  // the link it came on (its in_flight counts it until the ack)
    slack::SlashCommand slash;
    std::chrono::steady_clock::time_point deadline;  // acked without its answer from then on
    bool acked = false;
};

namespace {

template <class... F>
struct Overloaded : F... {
    using F::operator()...;
};

constexpr std::string_view kEphemeral = "ephemeral";  // seen only by the one who asked

nlohmann::json ephemeral(const slack::SlackMessage& message) {
    nlohmann::json body = slack::message_json(message);
    body["response_type"] = kEphemeral;
    return body;
}

}  // namespace

void SlackTransport::on_frame(const std::shared_ptr<Link>& link, slack::Frame frame) {
    auto& socket = *link->socket;
    std::visit(Overloaded{
                   [&](slack::Hello&) {},
                   [&](slack::Disconnect& d) {
                       spdlog::info("Slack link {}: disconnect ({})", socket.number(), d.reason);
                       if (d.reason == "link_disabled") {
                           link->disabled = true;
                           socket.abort();
                       } else if (d.reason == "too_many_websockets") {
                           link->too_many = true;
                           socket.abort();
                       } else {
                           link->refresh = true;  // warning, refresh_requested, anything new
                       }
                       changed();
                   },
                   [&](slack::SlashCommand& s) { handle_slash(link, std::move(s)); },
                   [&](slack::HomeOpened& h) {
                       send_ack(*link, slack::ack(h.envelope_id));
                       asio::co_spawn(executor_, publish_home(h.user), asio::detached);
                   },
                   [&](slack::OtherEnvelope& e) {
                       spdlog::debug("Slack link {}: acked a {} envelope", socket.number(), e.type);
                       send_ack(*link, slack::ack(e.envelope_id));
                   },
               },
               frame);
}

slack::SocketLink* SlackTransport::ack_carrier(Link& link) {
    if (link.socket->writable()) return link.socket.get();
    if (!links_.empty() && links_.back()->socket->writable()) return links_.back()->socket.get();
    return nullptr;
}

bool SlackTransport::send_ack(Link& link, std::string frame) {
    slack::SocketLink* to = ack_carrier(link);
    if (to) to->write(std::move(frame));
    return to != nullptr;
}

void SlackTransport::handle_slash(const std::shared_ptr<Link>& link, slack::SlashCommand slash) {
    if (!handled_.first_time(slash.envelope_id)) {
        spdlog::info("Slack: envelope {} came again; acked, not run twice", slash.envelope_id);
        send_ack(*link, slack::ack(slash.envelope_id));
        return;
    }
    ++link->in_flight;  // counted at once, so the link is not retired before its ack
    auto answering = std::make_shared<Answering>(
        Answering{link, std::move(slash), std::chrono::steady_clock::now() + options_.ack_budget});
    answering_.push_back(answering);
    watch_ack_deadline();
    if (const auto* zone = profiles_.cached_zone(answering->slash.user)) {
        run_slash(answering, *zone);
        return;
    }
    // Someone not seen today: their profile's time zone first (users.info).
    asio::co_spawn(
        executor_,
        [this, answering]() -> asio::awaitable<void> {
            // Named first: g++ 12 mis-frees temporaries in co_await.
            auto asking = profiles_.zone_of(answering->slash.user);
            std::optional<std::string> zone = co_await std::move(asking);
            run_slash(answering, std::move(zone));
        },
        asio::detached);
}

void SlackTransport::run_slash(const std::shared_ptr<Answering>& answering,
                               std::optional<std::string> zone) {
    slack::SlashCommand& slash = answering->slash;
    Command command;
    command.platform = Platform::slack;
    command.conversation = slash.channel;
    command.user = slash.user;
    // Moved: after this only the envelope id, the user, the channel and response_url are used.
    command.user_name = std::move(slash.user_name);
    command.text = std::move(slash.text);
    command.profile_zone = std::move(zone);
    commands_.submit(std::move(command), executor_,
                     [this, answering](Dispatched done) { answered(answering, std::move(done)); });
}

void SlackTransport::answered(const std::shared_ptr<Answering>& answering, Dispatched done) {
    // Called by the command runner's handler on this thread: nothing may escape into the
    // event loop, so a failure is logged and the envelope still acked.
    try {
        send_answer(answering, std::move(done));
    } catch (const std::exception& e) {
        spdlog::error("Slack: the answer to {} was not sent: {}", answering->slash.user, e.what());
        if (!answering->acked) {
            send_ack(*answering->link, slack::ack(answering->slash.envelope_id));
            acked(*answering);
        }
    }
}

void SlackTransport::send_answer(const std::shared_ptr<Answering>& answering, Dispatched done) {
    // Their App Homes show pairs, meetings and action items.
    for (const std::string& user : done.plans_changed_for) homes_.changed(user);
    auto messages = slack::render_slack(done.answer);
    if (answering->acked) {  // the budget ran out first: the whole answer goes by response_url
        asio::co_spawn(executor_, deliver_late(answering->slash, std::move(messages)),
                       asio::detached);
        return;
    }
    // With no link left to carry the ack, the whole answer goes by response_url.
    if (slack::SocketLink* to = ack_carrier(*answering->link)) {
        std::string payload;
        slack::append_message_json(payload, messages.front(), kEphemeral);
        messages.erase(messages.begin());
        to->write(slack::ack(answering->slash.envelope_id, payload));
    }
    acked(*answering);
    if (!messages.empty())
        asio::co_spawn(executor_, deliver_late(answering->slash, std::move(messages)),
                       asio::detached);
}

void SlackTransport::acked(Answering& answering) {
    answering.acked = true;
    --answering.link->in_flight;
    answering.link->acked.cancel();  // a retiring link may now close
    // Answers come back roughly in order, so the queue stays as short as the commands in flight.
    while (!answering_.empty() && answering_.front()->acked) answering_.pop_front();
    if (answering_.empty() && stopped_) ack_deadline_.cancel();
}

void SlackTransport::watch_ack_deadline() {
    if (ack_deadline_set_ || answering_.empty()) return;
    // Set for the oldest command; when it fires, the commands acked meanwhile are passed over
    // and the timer is set again for the oldest still waiting (one wait per budget, not one per
    // command).
    ack_deadline_set_ = true;
    ack_deadline_.expires_at(answering_.front()->deadline);
    ack_deadline_.async_wait([this](const boost::system::error_code& ec) {
        ack_deadline_set_ = false;
        if (!ec) ack_overdue();
    });
}

void SlackTransport::ack_overdue() {
    const auto now = std::chrono::steady_clock::now();
    while (!answering_.empty() && answering_.front()->deadline <= now) {
        // Not ready in time (a busy database): ack now, answer by response_url when ready.
        std::shared_ptr<Answering> late = answering_.front();
        send_ack(*late->link, slack::ack(late->slash.envelope_id));
        acked(*late);  // pops it, and any answered behind it
    }
    watch_ack_deadline();
}

asio::awaitable<void> SlackTransport::deliver_late(slack::SlashCommand slash,
                                                   std::vector<slack::SlackMessage> messages) {
    for (const slack::SlackMessage& m : messages) {
        if (!slash.response_url.empty()) {
            nlohmann::json body = ephemeral(m);
            if (co_await responses_.post(slash.response_url, std::move(body))) continue;
        }
        nlohmann::json args = slack::message_json(m);
        args["channel"] = slash.channel;
        args["user"] = slash.user;
        try {
            co_await web_api_.call("chat.postEphemeral", std::move(args));
        } catch (const std::exception& e) {
            spdlog::error("Slack: a late answer to {} was lost: {}", slash.user, e.what());
        }
    }
}

asio::awaitable<void> SlackTransport::publish_home(std::string user) {
    auto load = [this, user](Store& s) {
        return home_summary(s, commands_.settings(), Platform::slack, user,
                            commands_.clock().now());
    };
    const Document summary = co_await storage_.run(std::move(load));
    nlohmann::json args = {{"user_id", user}, {"view", slack::home_view(summary)}};
    try {
        co_await web_api_.call("views.publish", std::move(args));
    } catch (const std::exception& e) {
        spdlog::warn("Slack: App Home of {} not updated: {}", user, e.what());
    }
}

}  // namespace mentorbot
