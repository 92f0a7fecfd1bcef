// bot/slack/slack_envelopes: what arrives on a Socket Mode link — slash commands run and answered
// in the ack when ready in time (else acked at once and answered by response_url), App Home
// openings, and everything else acked and left alone.
#include <spdlog/spdlog.h>

#include <date/date.h>
#include <boost/asio/as_tuple.hpp>
#include <boost/asio/co_spawn.hpp>
#include <boost/asio/detached.hpp>
#include <boost/asio/use_awaitable.hpp>

#include "bot/slack/home_view.hpp"
#include "bot/slack/render.hpp"
#include "bot/slack/slack_transport.hpp"
#include "handlers/home_summary.hpp"

namespace mentorbot {
namespace asio = boost::asio;

// A slash command's answer racing the ack budget.
struct SlackTransport::Reply {
    explicit Reply(asio::any_io_executor ex) : ready(ex) {}
    asio::steady_timer ready;  // cancelled when the answer is in
    std::optional<Dispatched> answer;
    bool acked_without_answer = false;
};

namespace {

template <class... F>
struct Overloaded : F... {
    using F::operator()...;
};

nlohmann::json ephemeral(slack::SlackMessage message) {
    nlohmann::json body = slack::message_json(std::move(message));
    body["response_type"] = "ephemeral";
    return body;
}

}  // namespace

void SlackTransport::on_frame(const std::shared_ptr<Link>& link, slack::Frame frame) {
    auto& socket = *link->socket;
    std::visit(
        Overloaded{
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
            [&](slack::SlashCommand& s) {
                ++link->in_flight;  // counted at once, so the link is not retired before its ack
                asio::co_spawn(executor_, handle_slash(link, std::move(s)), asio::detached);
            },
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

asio::awaitable<void> SlackTransport::handle_slash(std::shared_ptr<Link> link,
                                                   slack::SlashCommand slash) {
    struct Acked {  // however this ends, the link may be retired once its acks are out
        Link& link;
        ~Acked() {
            --link.in_flight;
            link.acked.cancel();
        }
    } acked{*link};
    if (!handled_.first_time(slash.envelope_id)) {
        spdlog::info("Slack: envelope {} came again; acked, not run twice", slash.envelope_id);
        send_ack(*link, slack::ack(slash.envelope_id));
        co_return;
    }
    auto reply = std::make_shared<Reply>(executor_);
    reply->ready.expires_after(options_.ack_budget);
    asio::co_spawn(executor_, answer_slash(slash, reply), asio::detached);
    co_await reply->ready.async_wait(asio::as_tuple(asio::use_awaitable));
    if (reply->answer) {
        auto messages = slack::render_slack(reply->answer->answer);
        // With no link left to carry the ack, the whole answer goes by response_url.
        if (slack::SocketLink* to = ack_carrier(*link)) {
            const nlohmann::json payload = ephemeral(std::move(messages.front()));
            messages.erase(messages.begin());
            to->write(slack::ack(slash.envelope_id, &payload));
        }
        if (!messages.empty()) {
            asio::co_spawn(executor_, deliver_late(slash, std::move(messages)), asio::detached);
        }
    } else {
        // Not ready in time (a busy database): ack now, answer by response_url when ready.
        reply->acked_without_answer = true;
        send_ack(*link, slack::ack(slash.envelope_id));
    }
}

asio::awaitable<void> SlackTransport::answer_slash(slack::SlashCommand slash,
                                                   std::shared_ptr<Reply> reply) {
    Command command;
    command.platform = Platform::slack;
    command.conversation = slash.channel;
    command.user = slash.user;
    command.user_name = slash.user_name;
    command.text = slash.text;
    command.profile_zone = co_await profiles_.zone_of(slash.user);
    Dispatched done = co_await commands_.run(std::move(command));
    // Their App Homes show pairs, meetings and action items.
    for (const std::string& user : done.plans_changed_for) homes_.changed(user);
    if (reply->acked_without_answer) {
        auto messages = slack::render_slack(done.answer);
        co_await deliver_late(slash, std::move(messages));
    } else {
        reply->answer = std::move(done);
        reply->ready.cancel();
    }
}

asio::awaitable<void> SlackTransport::deliver_late(slack::SlashCommand slash,
                                                   std::vector<slack::SlackMessage> messages) {
    for (const slack::SlackMessage& m : messages) {
        if (!slash.response_url.empty()) {
            nlohmann::json body = ephemeral(m);  // a copy: kept for chat.postEphemeral
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
